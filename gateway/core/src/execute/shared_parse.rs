//! One parse of an answer that deduplication shares. Under load most subgraph requests are
//! answered once for many requesters ([`super::DedupTransport`]); each used to parse the same
//! bytes into its own tree. Now the first requester to read the answer parses it, the others
//! take a copy of the tree (no tokenising or UTF-8 checks), and the last one takes the tree
//! itself.

use crate::data::parse::{self, Answer};
use std::sync::{Arc, Mutex, OnceLock};

/// Where a requester learns which [`SharedParse`] its answer belongs to: set by the
/// deduplicating transport when the request is shared, empty when it went out on its own.
#[derive(Debug, Default)]
pub struct ParseSlot(OnceLock<Arc<SharedParse>>);

impl ParseSlot {
    pub(crate) fn set(&self, shared: Arc<SharedParse>) {
        // A request passes one deduplicating layer: a second would find the slot taken.
        let _ = self.0.set(shared);
    }

    pub(crate) fn get(&self) -> Option<&Arc<SharedParse>> {
        self.0.get()
    }
}

/// The parsed answer of one shared request, kept while requesters that have not read it yet
/// remain.
#[derive(Debug, Default)]
pub struct SharedParse(Mutex<Readers>);

#[derive(Debug, Default)]
struct Readers {
    /// Requesters that joined and have not read the answer yet.
    waiting: usize,
    /// The tree, once the first reader has parsed it (and someone is left to read it).
    parsed: Option<Answer>,
}

impl SharedParse {
    /// Counts one more requester of the answer.
    pub(crate) fn join(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).waiting += 1;
    }

    /// The answer in `bytes` (the shared request's answer) for one requester: parsed by the
    /// first, copied for the next ones, moved to the last. A requester that went away without
    /// reading leaves the last reader a copy, never a wrong answer.
    pub(crate) fn answer(&self, bytes: &[u8]) -> Result<Option<Answer>, serde_json::Error> {
        // Parsed under the lock: the other readers would otherwise parse the same bytes
        // themselves, at the same cost, rather than wait.
        let mut readers = self.0.lock().unwrap_or_else(|e| e.into_inner());
        readers.waiting = readers.waiting.saturating_sub(1);
        let last = readers.waiting == 0;
        if readers.parsed.is_some() {
            return Ok(if last {
                readers.parsed.take()
            } else {
                readers.parsed.clone()
            });
        }
        let answer = parse::answer(bytes)?;
        if !last && let Some(answer) = &answer {
            readers.parsed = Some(answer.clone());
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"data":{"me":{"id":"1","name":"Ada"}}}"#;

    fn parsed(answer: Result<Option<Answer>, serde_json::Error>) -> String {
        let answer = answer.expect("JSON").expect("an object");
        format!("{:?}", answer.data)
    }

    #[test]
    fn every_reader_gets_the_answer_and_the_last_one_takes_the_tree() {
        let shared = SharedParse::default();
        for _ in 0..3 {
            shared.join();
        }
        let alone = parsed(parse::answer(BODY));
        assert_eq!(parsed(shared.answer(BODY)), alone);
        assert!(
            shared.0.lock().unwrap().parsed.is_some(),
            "kept for the others"
        );
        assert_eq!(parsed(shared.answer(BODY)), alone);
        assert_eq!(parsed(shared.answer(BODY)), alone);
        assert!(
            shared.0.lock().unwrap().parsed.is_none(),
            "the last reader took the tree"
        );
    }

    #[test]
    fn a_single_reader_keeps_nothing_and_bad_bytes_are_an_error_for_each() {
        let shared = SharedParse::default();
        shared.join();
        assert_eq!(parsed(shared.answer(BODY)), parsed(parse::answer(BODY)));
        assert!(shared.0.lock().unwrap().parsed.is_none());

        let broken = SharedParse::default();
        broken.join();
        broken.join();
        assert!(broken.answer(b"{not json").is_err());
        assert!(broken.answer(b"{not json").is_err());
    }
}
