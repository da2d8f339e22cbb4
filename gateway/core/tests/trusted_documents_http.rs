//! Trusted documents over real HTTP, mode by mode (`off`, `safelist`, `require_id`,
//! `log_unknown`), with Apollo's persisted query manifest and Relay's `{id: document}` map, by
//! `documentId` and by `extensions.persistedQuery`, by POST and by GET. Reloads:
//! `trusted_documents_reload_http.rs`.

mod support;

#[path = "support/server.rs"]
#[allow(dead_code)]
mod server;

#[path = "support/trusted.rs"]
mod trusted;

use quntuan_gateway::persisted::sha256_hex;
use quntuan_gateway::trusted::{TrustedDocumentsMode, TrustedDocumentsSettings};
use serde_json::json;
use std::sync::{Arc, Mutex};
use trusted::{
    CITY, CITY_DATA, CITY_REFORMATTED, POPULATION, POPULATION_DATA, assert_refused, assert_served,
    by_document_id, by_extension, free_form, get, manifest_file, manifests, post, settings, start,
};

#[tokio::test]
async fn safelist_runs_documents_by_id_and_trusted_free_form_documents_only() {
    for (format, manifest, id) in manifests() {
        let path = manifest_file(&manifest);
        let (url, _) = start(settings(TrustedDocumentsMode::Safelist, Some(&path))).await;
        let case = |what: &str| format!("{format}: {what}");
        assert_served(
            &post(&url, by_document_id(&id)).await,
            CITY_DATA,
            &case("POST documentId"),
        );
        assert_served(
            &post(&url, by_document_id(&format!("sha256:{id}"))).await,
            CITY_DATA,
            &case("POST documentId with the sha256: prefix"),
        );
        assert_served(
            &post(&url, by_extension(&id)).await,
            CITY_DATA,
            &case("POST persistedQuery"),
        );
        assert_served(
            &get(&url, &[("documentId", &id)]).await,
            CITY_DATA,
            &case("GET documentId"),
        );
        let extensions =
            json!({"persistedQuery": {"version": 1, "sha256Hash": id.as_str()}}).to_string();
        assert_served(
            &get(&url, &[("extensions", &extensions)]).await,
            CITY_DATA,
            &case("GET persistedQuery"),
        );
        assert_served(
            &post(&url, free_form(CITY)).await,
            CITY_DATA,
            &case("POST the manifest's document"),
        );
        assert_served(
            &post(&url, free_form(CITY_REFORMATTED)).await,
            CITY_DATA,
            &case("POST the manifest's document formatted otherwise"),
        );
        assert_served(
            &get(&url, &[("query", CITY_REFORMATTED)]).await,
            CITY_DATA,
            &case("GET the manifest's document"),
        );
        // Introspection is on: tools can read the schema without a manifest entry.
        assert_served(
            &post(&url, free_form("{ __schema { queryType { name } } }")).await,
            r#"{"data":{"__schema":{"queryType":{"name":"Query"}}}}"#,
            &case("introspection"),
        );

        assert_refused(
            &post(&url, free_form(POPULATION)).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("POST an unknown document"),
        );
        assert_refused(
            &get(&url, &[("query", POPULATION)]).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("GET an unknown document"),
        );
        assert_refused(
            &post(&url, free_form("query City { cityName population }")).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("the manifest's operation with a field more"),
        );
        assert_refused(
            &post(&url, free_form("query City { cityName")).await,
            "QUERY_NOT_IN_SAFELIST",
            &case("a document that does not parse"),
        );
        assert_refused(
            &post(&url, by_document_id("no-such-id")).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("POST an unknown documentId"),
        );
        assert_refused(
            &get(&url, &[("documentId", "no-such-id")]).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("GET an unknown documentId"),
        );
        assert_refused(
            &post(&url, by_extension(&sha256_hex(POPULATION))).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("an unknown persistedQuery hash (no APQ under a safelist)"),
        );
        assert_refused(
            &post(&url, json!({"documentId": id, "query": POPULATION})).await,
            "CANNOT_SEND_PQ_ID_AND_BODY",
            &case("an ID with a query"),
        );
        let apq_registration = json!({
            "query": POPULATION,
            "extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(POPULATION)}}
        });
        assert_refused(
            &post(&url, apq_registration).await,
            "CANNOT_SEND_PQ_ID_AND_BODY",
            &case("an APQ registration"),
        );
    }
}

#[tokio::test]
async fn require_id_runs_documents_by_id_only() {
    for (format, manifest, id) in manifests() {
        let path = manifest_file(&manifest);
        let (url, _) = start(settings(TrustedDocumentsMode::RequireId, Some(&path))).await;
        let case = |what: &str| format!("{format}: {what}");
        assert_served(
            &post(&url, by_document_id(&id)).await,
            CITY_DATA,
            &case("POST documentId"),
        );
        assert_served(
            &post(&url, by_extension(&id)).await,
            CITY_DATA,
            &case("POST persistedQuery"),
        );
        assert_served(
            &get(&url, &[("documentId", &id)]).await,
            CITY_DATA,
            &case("GET documentId"),
        );
        for (what, answer) in [
            (
                "POST the manifest's own document",
                post(&url, free_form(CITY)).await,
            ),
            (
                "GET the manifest's own document",
                get(&url, &[("query", CITY)]).await,
            ),
            (
                "POST an unknown document",
                post(&url, free_form(POPULATION)).await,
            ),
            (
                "introspection",
                post(&url, free_form("{ __schema { queryType { name } } }")).await,
            ),
        ] {
            assert_refused(&answer, "PERSISTED_QUERY_ID_REQUIRED", &case(what));
        }
        assert_refused(
            &post(&url, by_document_id("no-such-id")).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("an unknown documentId"),
        );
    }
}

/// Collects what the `quntuan::trusted_documents` target writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("the log buffer")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn log_unknown_serves_everything_and_logs_what_the_manifest_lacks() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("quntuan::trusted_documents=info")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // Global: a callsite first reached by another test's thread would otherwise stay off.
    tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
    for (format, manifest, id) in manifests() {
        let path = manifest_file(&manifest);
        let (url, _) = start(settings(TrustedDocumentsMode::LogUnknown, Some(&path))).await;
        let case = |what: &str| format!("{format}: {what}");
        // Each format logs an unknown document of its own, to tell the lines apart.
        let unknown = format!("query Unknown{format} {{ population }}");
        let before = String::from_utf8(captured.0.lock().expect("the log buffer").clone())
            .expect("UTF-8 logs");
        assert_served(
            &post(&url, by_document_id(&id)).await,
            CITY_DATA,
            &case("by ID"),
        );
        assert_served(
            &post(&url, free_form(CITY_REFORMATTED)).await,
            CITY_DATA,
            &case("the manifest's document"),
        );
        assert_served(
            &post(&url, free_form(&unknown)).await,
            POPULATION_DATA,
            &case("POST an unknown document"),
        );
        assert_served(
            &get(&url, &[("query", &unknown)]).await,
            POPULATION_DATA,
            &case("GET an unknown document"),
        );
        assert_refused(
            &post(&url, by_document_id("no-such-id")).await,
            "PERSISTED_QUERY_NOT_IN_LIST",
            &case("an unknown documentId"),
        );
        // APQ stays: an unknown hash asks for the document, which is then registered.
        let hash = sha256_hex(&unknown);
        assert_refused(
            &post(&url, by_extension(&hash)).await,
            "PERSISTED_QUERY_NOT_FOUND",
            &case("an unregistered APQ hash"),
        );
        let registration = json!({
            "query": unknown,
            "extensions": {"persistedQuery": {"version": 1, "sha256Hash": hash}}
        });
        assert_served(
            &post(&url, registration).await,
            POPULATION_DATA,
            &case("an APQ registration"),
        );
        assert_served(
            &post(&url, by_extension(&hash)).await,
            POPULATION_DATA,
            &case("a registered APQ hash"),
        );

        let log = String::from_utf8(captured.0.lock().expect("the log buffer").clone())
            .expect("UTF-8 logs");
        let new = &log[before.len()..];
        let lines: Vec<&str> = new
            .lines()
            .filter(|line| line.contains("not in the trusted documents manifest"))
            .collect();
        // The POST, the GET, the registration and the APQ run: never the trusted ones.
        assert_eq!(lines.len(), 4, "{format}: {new}");
        for line in lines {
            assert!(line.contains(&format!("document_sha256={hash}")), "{line}");
            assert!(line.contains("WARN"), "{line}");
        }
    }
}

#[tokio::test]
async fn off_keeps_automatic_persisted_queries_and_refuses_document_ids() {
    let (url, _) = start(TrustedDocumentsSettings::default()).await;
    assert_served(
        &post(&url, free_form(POPULATION)).await,
        POPULATION_DATA,
        "a free-form document",
    );
    let hash = sha256_hex(CITY);
    assert_refused(
        &post(&url, by_extension(&hash)).await,
        "PERSISTED_QUERY_NOT_FOUND",
        "an unregistered APQ hash",
    );
    let registration = json!({
        "query": CITY,
        "extensions": {"persistedQuery": {"version": 1, "sha256Hash": hash}}
    });
    assert_served(&post(&url, registration).await, CITY_DATA, "registration");
    assert_served(
        &get(
            &url,
            &[(
                "extensions",
                &json!({"persistedQuery": {"version": 1, "sha256Hash": hash}}).to_string(),
            )],
        )
        .await,
        CITY_DATA,
        "a registered hash by GET",
    );
    let answer = post(&url, by_document_id(&hash)).await;
    assert_refused(&answer, "BAD_REQUEST", "a documentId");
    let message = answer.body["errors"][0]["message"]
        .as_str()
        .expect("a message");
    assert!(
        message.contains("`trusted_documents.mode` is `off`"),
        "{message}"
    );
}
