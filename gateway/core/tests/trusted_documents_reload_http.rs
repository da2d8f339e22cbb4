//! Trusted-document manifests changing under a running gateway: a changed file is loaded (by a
//! reload and by the watcher), a manifest at an URL likewise, a broken one keeps the manifest
//! in force, and settings that cannot work stop the start.

mod support;

#[path = "support/server.rs"]
#[allow(dead_code)]
mod server;

#[path = "support/trusted.rs"]
mod trusted;

use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::persisted::sha256_hex;
use quntuan_gateway::supergraph::Supergraph;
use quntuan_gateway::trusted::{TrustedDocumentsMode, TrustedDocumentsSettings};
use server::spawn;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use trusted::{
    CITY, CITY_DATA, POPULATION, POPULATION_DATA, SUPERGRAPH, apollo_manifest, assert_refused,
    assert_served, by_document_id, free_form, manifest_file, post, relay_manifest, replace,
    settings, start,
};

#[tokio::test]
async fn a_changed_manifest_is_loaded_and_a_broken_one_keeps_the_one_in_force() {
    let hash = sha256_hex(CITY);
    let path = manifest_file(&apollo_manifest(&[(&hash, CITY)]));
    let (url, gateway) = start(settings(TrustedDocumentsMode::Safelist, Some(&path))).await;
    let trusted = gateway.trusted_documents();
    assert_eq!(trusted.stats().loaded.load(Ordering::Relaxed), 1);
    assert_eq!(
        trusted.reload().await,
        Ok(false),
        "the file read at start is no change"
    );
    assert_refused(
        &post(&url, by_document_id("population-1")).await,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "before the reload",
    );

    // The same gateway now reads Relay's format: the manifest is replaced, not merged.
    replace(&path, &relay_manifest(&[("population-1", POPULATION)]));
    assert_eq!(trusted.reload().await, Ok(true));
    assert_served(
        &post(&url, by_document_id("population-1")).await,
        POPULATION_DATA,
        "the new manifest's document by ID",
    );
    assert_served(
        &post(&url, free_form(POPULATION)).await,
        POPULATION_DATA,
        "the new manifest's document free-form",
    );
    assert_refused(
        &post(&url, by_document_id(&hash)).await,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "the old manifest's document",
    );

    for broken in [
        "{\"format\": \"apollo-persisted-query-manifest\", \"ver",
        r#"{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id": "x"}]}"#,
    ] {
        replace(&path, broken);
        let error = trusted
            .reload()
            .await
            .expect_err("a broken manifest is refused");
        assert!(
            error.contains(&path.display().to_string()),
            "the error names the file: {error}"
        );
        assert_served(
            &post(&url, by_document_id("population-1")).await,
            POPULATION_DATA,
            "the manifest in force after a broken one",
        );
        // The same broken file is reported once, not on every poll.
        assert_eq!(trusted.reload().await, Ok(false));
    }
    assert_eq!(trusted.stats().failed.load(Ordering::Relaxed), 2);
    assert_eq!(trusted.stats().loaded.load(Ordering::Relaxed), 2);

    std::fs::remove_file(&path).expect("remove the manifest");
    let error = trusted.reload().await.expect_err("a missing manifest");
    assert!(error.contains("cannot read"), "{error}");
    assert_served(
        &post(&url, by_document_id("population-1")).await,
        POPULATION_DATA,
        "the manifest in force after the file went away",
    );
}

#[tokio::test]
async fn the_watcher_loads_a_changed_manifest() {
    let path = manifest_file(&relay_manifest(&[("city", CITY)]));
    let mut trusted = settings(TrustedDocumentsMode::RequireId, Some(&path));
    trusted.poll_interval_ms = 10;
    let (url, gateway) = start(trusted).await;
    let watcher = gateway
        .trusted_documents()
        .watch()
        .expect("a manifest to watch");
    replace(
        &path,
        &relay_manifest(&[("city", CITY), ("population", POPULATION)]),
    );
    let started = Instant::now();
    loop {
        let answer = post(&url, by_document_id("population")).await;
        if answer.status == 200 {
            assert_served(&answer, POPULATION_DATA, "after the watcher's reload");
            break;
        }
        assert_refused(&answer, "PERSISTED_QUERY_NOT_IN_LIST", "before the reload");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited 30 s for the watcher"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    watcher.abort();
}

#[tokio::test]
async fn a_manifest_served_at_an_url_is_read_before_serving_and_reloaded() {
    let served = Arc::new(Mutex::new(relay_manifest(&[("city", CITY)])));
    let body = served.clone();
    let app = axum::Router::new().route(
        "/manifest.json",
        axum::routing::get(move || {
            let body = body.clone();
            async move { body.lock().expect("the served manifest").clone() }
        }),
    );
    let origin = spawn(app).await;
    let trusted = TrustedDocumentsSettings {
        mode: TrustedDocumentsMode::RequireId,
        manifest: Some(format!("{origin}/manifest.json")),
        ..TrustedDocumentsSettings::default()
    };
    let (url, gateway) = start(trusted).await;
    let documents = gateway.trusted_documents();
    assert!(
        documents.is_empty(),
        "an URL is read by preload, not at construction"
    );
    documents.preload().await.expect("the manifest is fetched");
    assert_served(
        &post(&url, by_document_id("city")).await,
        CITY_DATA,
        "by ID from the URL's manifest",
    );
    *served.lock().expect("the served manifest") =
        relay_manifest(&[("city", CITY), ("population", POPULATION)]);
    assert_eq!(documents.reload().await, Ok(true));
    assert_served(
        &post(&url, by_document_id("population")).await,
        POPULATION_DATA,
        "by ID after the reload",
    );
    *served.lock().expect("the served manifest") = "not a manifest".into();
    let error = documents.reload().await.expect_err("a broken manifest");
    assert!(error.contains("not JSON"), "{error}");
    assert_served(
        &post(&url, by_document_id("population")).await,
        POPULATION_DATA,
        "the manifest in force after a broken one",
    );
}

#[tokio::test]
async fn settings_that_cannot_work_are_refused_at_start() {
    let supergraph = || Supergraph::parse(SUPERGRAPH).expect("loads");
    let start = |trusted: TrustedDocumentsSettings| {
        let settings = GatewaySettings {
            trusted_documents: trusted,
            ..GatewaySettings::default()
        };
        Gateway::try_new(supergraph(), settings).err()
    };
    let error = start(settings(TrustedDocumentsMode::Safelist, None)).expect("no manifest");
    assert!(
        error.contains("needs `trusted_documents.manifest`"),
        "{error}"
    );

    let path = manifest_file("{\"a\": 1}");
    let error = start(settings(TrustedDocumentsMode::LogUnknown, Some(&path))).expect("broken");
    assert!(
        error.contains(&path.display().to_string()) && error.contains("the entry `a`"),
        "{error}"
    );

    let missing = path.with_extension("missing");
    let error = start(settings(TrustedDocumentsMode::RequireId, Some(&missing))).expect("absent");
    assert!(error.contains("cannot read"), "{error}");

    // Off needs no manifest, and ignores one that is not there.
    assert!(start(settings(TrustedDocumentsMode::Off, Some(&missing))).is_none());
}
