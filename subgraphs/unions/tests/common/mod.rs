//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_kit::testing::test_schema_options;
use quntuan_unions::Unions;
use quntuan_unions::graphql::{UnionsSchema, build_with};

quntuan_kit::test_helpers!(
    Unions,
    UnionsSchema,
    |db| build_with(db, test_schema_options()),
    "unions",
    quntuan_unions::seed::TABLES
);

/// A labour dispute's receipt (the fields of `ReceiveLaborDisputeInput` every test sends) in
/// `region`, for `union_id` if given.
pub(crate) fn dispute(region: &str, union_id: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "title": "成都岷江物流有限公司拖欠工资纠纷",
        "category": "WAGE_ARREARS",
        "workerCount": 3,
        "amountClaimedYuan": 26400,
        "receivedOn": "2025-06-30",
        "claimantName": "王芳",
        "claimantPhone": "13800002222",
        "claimantIdNumber": "11010519491231002X",
        "regionCode": region,
        "unionId": union_id,
    })
}
