//! Concurrent writes all commit: 8 clients x 10 `recordScienceActivity` each through the
//! schema, on a database many connections share (a SQLite file, or PostgreSQL when
//! DATABASE_URL is set). Every write commits exactly once with its own id, the region's
//! figures (live aggregates: science keeps no summary table) count every one of them, and
//! no other table changes. An activity has no natural key, so there is no duplicate to
//! refuse here.

mod common;

use quntuan_kit::Caller;
use quntuan_kit::testing::region_summary::plus_rows;
use quntuan_kit::testing::{
    WRITES, answered_ids, assert_committed, clients_writing, execute, execute_as_client, ids_above,
    shared_seeded_database,
};
use quntuan_science::{Science, ScienceSchema, build_schema};
use serde_json::{Value, json};

const RECORD: &str =
    "mutation($input: RecordScienceActivityInput!) { recordScienceActivity(input: $input) { id } }";
const FIGURES: &str = r#"{ _entities(representations: [{__typename: "Region", code: "510104"}]) { ... on Region { science { activityCount activityParticipantCount } } } }"#;

async fn write(schema: ScienceSchema, client: usize, n: usize) -> Value {
    let kind = ["科普讲座", "科技周展览", "青少年科创营", "科普进社区"][(client + n) % 4];
    let input = json!({"input": {
        "title": format!("科普活动 {client}-{n}"), "kind": kind, "heldOn": "2025-05-18",
        "participantCount": 37, "regionCode": "510104003001",
        "associationId": "science-unit-000002", "serviceCenterId": "sc-510104003"
    }});
    execute_as_client(&schema, client, RECORD, input).await
}

async fn figures(schema: &ScienceSchema) -> Value {
    execute(schema, Caller::anonymous(), FIGURES, json!({})).await["data"]["_entities"][0]
        ["science"]
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_clients_commit_every_write_exactly_once() {
    let shared = shared_seeded_database(&Science).await;
    let schema = build_schema(shared.db.clone());
    let before = common::row_counts(&shared.db).await;
    let figures_before = figures(&schema).await;

    let results = clients_writing(&schema, write).await;

    assert_committed(&results, 0..WRITES);
    // 15 seeded activities, then 80 new ones: the ids answered are exactly the new rows.
    let ids = ids_above(&shared.db, "science_events", 15).await;
    assert_eq!(ids.len(), 80);
    let ids: std::collections::BTreeSet<String> = ids
        .iter()
        .map(|id| format!("science-act-{id:06}"))
        .collect();
    assert_eq!(answered_ids(&results, "recordScienceActivity"), ids);
    let expected = plus_rows(&before, &[("science_events", 80)]);
    assert_eq!(common::row_counts(&shared.db).await, expected);
    let count = |v: &Value, key: &str| v[key].as_i64().unwrap_or(-1);
    assert_eq!(
        (
            count(&figures(&schema).await, "activityCount"),
            count(&figures(&schema).await, "activityParticipantCount"),
        ),
        (
            count(&figures_before, "activityCount") + 80,
            count(&figures_before, "activityParticipantCount") + 80 * 37,
        )
    );
}
