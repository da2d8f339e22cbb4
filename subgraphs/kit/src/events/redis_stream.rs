//! A feed's Redis stream: appending an event (`XADD`), and a follower's loop reading it in
//! its consumer group (`XREADGROUP`, `XAUTOCLAIM`, `XACK`). The guarantees are in `feed`'s
//! module docs.

use std::time::Duration;

use redis::aio::{ConnectionManager, MultiplexedConnection};
use redis::{AsyncConnectionConfig, RedisResult, Value};

use super::Event;
use super::feed::{Apply, Follower, STREAM_MAX_LEN};

/// The field of a stream entry holding the event's JSON.
const FIELD: &str = "event";
/// Attempts of one `XADD` before the event is given up (logged).
const APPEND_ATTEMPTS: u32 = 3;
/// How long one `XREADGROUP` waits for new entries before the follower looks for entries
/// to claim again.
const BLOCK: Duration = Duration::from_secs(2);
/// Entries read or claimed per command.
const BATCH: usize = 100;
/// How long a follower waits before connecting again after an error.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// Appends `message` (an event's JSON) to the stream `key`, retrying a refused `XADD` a few
/// times: a repeat after an answer that got lost is one more delivery, which a follower's
/// idempotent `apply` absorbs.
pub(super) async fn append(connection: &ConnectionManager, key: &str, topic: &str, message: &str) {
    let mut wait = Duration::from_millis(50);
    for attempt in 1..=APPEND_ATTEMPTS {
        let mut connection = connection.clone();
        let added: RedisResult<Value> = redis::cmd("XADD")
            .arg(key)
            .arg("MAXLEN")
            .arg("~")
            .arg(STREAM_MAX_LEN)
            .arg("*")
            .arg(FIELD)
            .arg(message)
            .query_async(&mut connection)
            .await;
        match added {
            Ok(_) => return,
            Err(error) if attempt == APPEND_ATTEMPTS => {
                tracing::error!(topic, stream = key, %error, "Redis refused to keep an event; the committed write stands, its followers miss it");
            }
            Err(error) => {
                tracing::warn!(topic, stream = key, %error, attempt, "Redis refused to keep an event; retrying");
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
        }
    }
}

/// Reads the stream `key` as `follower` for ever, connecting again after an error.
pub(super) async fn follow(client: redis::Client, key: String, follower: Follower, apply: Apply) {
    loop {
        if let Err(error) = follow_connected(&client, &key, &follower, &apply).await {
            tracing::warn!(stream = %key, group = %follower.group, %error, "reading an event stream failed; reconnecting");
        }
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

/// One connection's life: create the group if needed, re-read this consumer's pending
/// entries, then claim other consumers' stale entries and read new ones, until an error.
async fn follow_connected(
    client: &redis::Client,
    key: &str,
    follower: &Follower,
    apply: &Apply,
) -> RedisResult<()> {
    // A connection of its own: a blocking read holds it, and the default response timeout
    // (half a second) is shorter than the block.
    let config = AsyncConnectionConfig::new().set_response_timeout(Some(BLOCK * 5));
    let mut connection = client
        .get_multiplexed_async_connection_with_config(&config)
        .await?;
    create_group(&mut connection, key, &follower.group).await?;
    let mut reader = Reader {
        connection,
        key,
        follower,
        apply,
    };
    // Entries this consumer was given and has not acknowledged: it stopped (or lost its
    // connection) before applying them.
    let mut after = "0".to_string();
    loop {
        let entries = reader.read(&after, None).await?;
        let Some(last) = entries.last() else { break };
        after = last.id.clone();
        reader.apply_all(entries).await?;
    }
    loop {
        reader.claim_stale().await?;
        let entries = reader.read(">", Some(BLOCK)).await?;
        reader.apply_all(entries).await?;
    }
}

/// `XGROUP CREATE ... 0 MKSTREAM`: a new group reads the entries already there; a group
/// that exists (`BUSYGROUP`) is kept as it is.
async fn create_group(
    connection: &mut MultiplexedConnection,
    key: &str,
    group: &str,
) -> RedisResult<()> {
    let created: RedisResult<Value> = redis::cmd("XGROUP")
        .arg("CREATE")
        .arg(key)
        .arg(group)
        .arg("0")
        .arg("MKSTREAM")
        .query_async(connection)
        .await;
    match created {
        Err(error) if error.code() != Some("BUSYGROUP") => Err(error),
        _ => Ok(()),
    }
}

/// One stream entry: its id and its event's JSON (`None` when Redis trimmed the entry
/// while it was pending).
#[derive(Debug, PartialEq)]
struct Entry {
    id: String,
    message: Option<String>,
}

struct Reader<'a> {
    connection: MultiplexedConnection,
    key: &'a str,
    follower: &'a Follower,
    apply: &'a Apply,
}

impl Reader<'_> {
    /// `XREADGROUP` from `after` (`0`: this consumer's pending entries; `>`: new ones).
    async fn read(&mut self, after: &str, block: Option<Duration>) -> RedisResult<Vec<Entry>> {
        let mut command = redis::cmd("XREADGROUP");
        command
            .arg("GROUP")
            .arg(&self.follower.group)
            .arg(&self.follower.consumer)
            .arg("COUNT")
            .arg(BATCH);
        if let Some(block) = block {
            command.arg("BLOCK").arg(block.as_millis() as u64);
        }
        command.arg("STREAMS").arg(self.key).arg(after);
        let reply: Value = command.query_async(&mut self.connection).await?;
        Ok(read_reply(reply))
    }

    /// Takes over the entries other consumers have left unacknowledged for longer than
    /// `claim_after`, and applies them.
    async fn claim_stale(&mut self) -> RedisResult<()> {
        let mut start = "0-0".to_string();
        loop {
            let reply: Value = redis::cmd("XAUTOCLAIM")
                .arg(self.key)
                .arg(&self.follower.group)
                .arg(&self.follower.consumer)
                .arg(self.follower.claim_after.as_millis() as u64)
                .arg(&start)
                .arg("COUNT")
                .arg(BATCH)
                .query_async(&mut self.connection)
                .await?;
            let Claimed {
                next,
                entries,
                trimmed,
            } = claim_reply(reply);
            for id in trimmed {
                tracing::warn!(stream = self.key, %id, "a pending stream entry was trimmed before it was applied; lost");
            }
            self.apply_all(entries).await?;
            match next {
                Some(next) if next != "0-0" => start = next,
                _ => return Ok(()),
            }
        }
    }

    /// Applies each entry in order and acknowledges it once applied. An entry that is not
    /// an event (or was trimmed) is acknowledged with a warning: reading it again would not
    /// make it one.
    async fn apply_all(&mut self, entries: Vec<Entry>) -> RedisResult<()> {
        for entry in entries {
            match entry.message.as_deref().map(serde_json::from_str::<Event>) {
                Some(Ok(event)) => (self.apply)(event).await,
                Some(Err(error)) => {
                    tracing::warn!(stream = self.key, id = %entry.id, %error, "a stream entry was not understood; skipped");
                }
                None => {
                    tracing::warn!(stream = self.key, id = %entry.id, "a pending stream entry was trimmed before it was applied; lost");
                }
            }
            let _: Value = redis::cmd("XACK")
                .arg(self.key)
                .arg(&self.follower.group)
                .arg(&entry.id)
                .query_async(&mut self.connection)
                .await?;
        }
        Ok(())
    }
}

/// The entries of an `XREADGROUP` reply on one stream: `[[key, [[id, [field, value, ..]], ..]]]`,
/// or nil when the block ended without any.
fn read_reply(reply: Value) -> Vec<Entry> {
    let Value::Array(streams) = reply else {
        return Vec::new();
    };
    streams
        .into_iter()
        .filter_map(|stream| match stream {
            Value::Array(mut pair) if pair.len() == 2 => pair.pop(),
            _ => None,
        })
        .flat_map(entries)
        .collect()
}

/// An `XAUTOCLAIM` reply: `[next, [[id, fields], ..], [deleted ids]]`.
#[derive(Debug, Default, PartialEq)]
struct Claimed {
    /// Where the next call starts (`0-0` once the whole pending list was scanned).
    next: Option<String>,
    entries: Vec<Entry>,
    /// Pending entries Redis had trimmed; it drops them from the pending list itself.
    trimmed: Vec<String>,
}

fn claim_reply(reply: Value) -> Claimed {
    let Value::Array(parts) = reply else {
        return Claimed::default();
    };
    let mut parts = parts.into_iter();
    let next = parts.next().and_then(text);
    let entries = parts.next().map(entries).unwrap_or_default();
    let trimmed = match parts.next() {
        Some(Value::Array(ids)) => ids.into_iter().filter_map(text).collect(),
        _ => Vec::new(),
    };
    Claimed {
        next,
        entries,
        trimmed,
    }
}

fn entries(list: Value) -> Vec<Entry> {
    let Value::Array(list) = list else {
        return Vec::new();
    };
    list.into_iter()
        .filter_map(|entry| {
            let Value::Array(entry) = entry else {
                return None;
            };
            let mut entry = entry.into_iter();
            let id = entry.next().and_then(text)?;
            let message = entry.next().and_then(field);
            Some(Entry { id, message })
        })
        .collect()
}

/// The value of [`FIELD`] in an entry's `[field, value, ..]` (nil for a trimmed entry).
fn field(fields: Value) -> Option<String> {
    let Value::Array(fields) = fields else {
        return None;
    };
    let mut fields = fields.into_iter();
    while let (Some(name), Some(value)) = (fields.next(), fields.next()) {
        if text(name).as_deref() == Some(FIELD) {
            return text(value);
        }
    }
    None
}

fn text(value: Value) -> Option<String> {
    match value {
        Value::BulkString(bytes) => String::from_utf8(bytes).ok(),
        Value::SimpleString(text) => Some(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use redis::Value;

    use super::*;

    fn bulk(text: &str) -> Value {
        Value::BulkString(text.as_bytes().to_vec())
    }

    #[test]
    fn a_read_reply_gives_each_entry_with_its_event_or_none_when_trimmed() {
        let reply = Value::Array(vec![Value::Array(vec![
            bulk("s"),
            Value::Array(vec![
                Value::Array(vec![
                    bulk("1-0"),
                    Value::Array(vec![bulk("other"), bulk("x"), bulk("event"), bulk("{}")]),
                ]),
                Value::Array(vec![bulk("2-0"), Value::Nil]),
            ]),
        ])]);
        assert_eq!(
            read_reply(reply),
            vec![
                Entry {
                    id: "1-0".into(),
                    message: Some("{}".into())
                },
                Entry {
                    id: "2-0".into(),
                    message: None
                },
            ]
        );
        assert_eq!(read_reply(Value::Nil), Vec::new());
    }

    #[test]
    fn a_claim_reply_gives_the_next_start_the_claimed_entries_and_the_trimmed_ids() {
        let reply = Value::Array(vec![
            bulk("5-0"),
            Value::Array(vec![Value::Array(vec![
                bulk("3-0"),
                Value::Array(vec![bulk("event"), bulk("{\"topic\":\"t\"}")]),
            ])]),
            Value::Array(vec![bulk("4-0")]),
        ]);
        assert_eq!(
            claim_reply(reply),
            Claimed {
                next: Some("5-0".into()),
                entries: vec![Entry {
                    id: "3-0".into(),
                    message: Some("{\"topic\":\"t\"}".into())
                }],
                trimmed: vec!["4-0".into()],
            }
        );
    }
}
