use futures::StreamExt;
use serde_json::json;

use super::*;

fn event(n: i64) -> Event {
    Event::new("test.topic", &json!({ "n": n }))
}

#[tokio::test]
async fn a_subscriber_gets_what_is_published_after_it_subscribed_on_its_topic_only() {
    let bus = EventBus::in_process();
    let mut received = Box::pin(bus.subscribe("test.topic"));
    bus.publish(vec![
        Event::new("other.topic", &json!({})),
        event(1),
        event(2),
    ])
    .await;
    assert_eq!(received.next().await, Some(event(1)));
    assert_eq!(received.next().await, Some(event(2)));
}

#[test]
fn a_region_filter_matches_the_region_and_everything_below_it() {
    let codes = ["510104001001", "510104001", "510104"];
    assert!(in_region(None, codes));
    assert!(in_region(Some("510100"), codes));
    assert!(in_region(Some("510104"), codes));
    assert!(in_region(Some("510104001"), codes));
    assert!(!in_region(Some("510105"), codes));
}

/// Two replicas on one Redis: what one publishes, both relay to their subscribers once.
/// Skipped (passes) when no Redis answers at `QUNTUAN_TEST_REDIS_URL` or 127.0.0.1:6379.
#[tokio::test]
async fn replicas_share_events_through_redis() {
    let url = std::env::var("QUNTUAN_TEST_REDIS_URL")
        .unwrap_or_else(|_| "redis://127.0.0.1:6379".to_string());
    let Ok(first) = EventBus::redis(&url).await else {
        eprintln!("no Redis at {url}: skipped");
        return;
    };
    let second = EventBus::redis(&url)
        .await
        .expect("a second replica connects");
    // A topic of this run only, so parallel runs on one Redis do not see each other.
    let topic = format!("test.redis.{}", std::process::id());
    let mut on_first = Box::pin(first.subscribe(&topic));
    let mut on_second = Box::pin(second.subscribe(&topic));
    let published = Event::new(&topic, &json!({ "n": 7 }));
    first.publish(vec![published.clone()]).await;
    let wait = std::time::Duration::from_secs(5);
    let got = tokio::time::timeout(wait, on_second.next()).await;
    assert_eq!(
        got.expect("the other replica receives it"),
        Some(published.clone())
    );
    let got = tokio::time::timeout(wait, on_first.next()).await;
    assert_eq!(
        got.expect("the publishing replica receives it"),
        Some(published)
    );
}
