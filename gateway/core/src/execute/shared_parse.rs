//! One parse of an answer that deduplication shares. Under load most subgraph requests are
//! answered once for many requesters ([`super::DedupTransport`]); each used to parse the same
//! bytes into its own tree, then each took a copy of one parse. Now the first requester to read
//! the answer parses it and every requester holds the same tree ([`Received::Shared`]): each
//! merges from it by reference, copying only what lands in its own response, and whoever is
//! left holding it alone takes it whole.

use crate::data::Data;
use crate::data::parse::{self, Answer};
use serde_json::Value;
use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

/// A subgraph's parsed answer as one requester holds it.
#[derive(Debug)]
pub enum Received {
    /// Parsed for this requester alone.
    Owned(Answer),
    /// One parse that the requesters of a deduplicated request hold together.
    Shared(Arc<Answer>),
}

impl std::ops::Deref for Received {
    type Target = Answer;
    fn deref(&self) -> &Answer {
        match self {
            Self::Owned(answer) => answer,
            Self::Shared(answer) => answer,
        }
    }
}

impl Received {
    /// The errors and the `data` (null when absent): moved out of an answer held alone (one
    /// that was shared, once every other requester has let go of it), borrowed from one still
    /// shared, whose errors (rare and small) are copied.
    pub(crate) fn parts(&mut self) -> (Vec<Value>, Cow<'_, Data>) {
        if let Self::Shared(shared) = self
            && let Some(alone) = Arc::get_mut(shared)
        {
            *self = Self::Owned(std::mem::take(alone));
        }
        match self {
            Self::Owned(answer) => (
                answer.take_errors(),
                Cow::Owned(answer.data.take().unwrap_or_default()),
            ),
            Self::Shared(answer) => (
                match &answer.errors {
                    Some(Value::Array(errors)) => errors.clone(),
                    _ => Vec::new(),
                },
                answer
                    .data
                    .as_ref()
                    .map_or(Cow::Owned(Data::Null), Cow::Borrowed),
            ),
        }
    }
}

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
    parsed: Option<Arc<Answer>>,
}

impl SharedParse {
    /// Counts one more requester of the answer.
    pub(crate) fn join(&self) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).waiting += 1;
    }

    /// The answer in `bytes` (the shared request's answer) for one requester: parsed by the
    /// first, the same tree for the others. A requester alone gets its parse to itself. A
    /// requester that went away without reading leaves the others a shared tree, never a wrong
    /// answer.
    pub(crate) fn answer(&self, bytes: &[u8]) -> Result<Option<Received>, serde_json::Error> {
        // Parsed under the lock: the other readers would otherwise parse the same bytes
        // themselves, at the same cost, rather than wait.
        let mut readers = self.0.lock().unwrap_or_else(|e| e.into_inner());
        readers.waiting = readers.waiting.saturating_sub(1);
        let last = readers.waiting == 0;
        if let Some(parsed) = &readers.parsed {
            let shared = if last {
                readers.parsed.take()
            } else {
                Some(parsed.clone())
            };
            return Ok(shared.map(Received::Shared));
        }
        let Some(answer) = parse::answer(bytes)? else {
            return Ok(None);
        };
        if last {
            return Ok(Some(Received::Owned(answer)));
        }
        let shared = Arc::new(answer);
        readers.parsed = Some(shared.clone());
        Ok(Some(Received::Shared(shared)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"data":{"me":{"id":"1","name":"Ada"}},"errors":[{"message":"x"}]}"#;

    fn received(answer: Result<Option<Received>, serde_json::Error>) -> Received {
        answer.expect("JSON").expect("an object")
    }

    fn tree(answer: &Received) -> String {
        format!("{:?}", answer.data)
    }

    #[test]
    fn every_reader_holds_the_one_parse_and_the_last_to_let_go_takes_it_whole() {
        let shared = SharedParse::default();
        for _ in 0..3 {
            shared.join();
        }
        let alone = parse::answer(BODY).expect("JSON").expect("an object");
        let mut first = received(shared.answer(BODY));
        let second = received(shared.answer(BODY));
        let third = received(shared.answer(BODY));
        assert!(
            shared.0.lock().expect("lock").parsed.is_none(),
            "the last reader took the slot's hold"
        );
        let (Received::Shared(a), Received::Shared(b), Received::Shared(c)) =
            (&first, &second, &third)
        else {
            panic!("three readers of one request share one parse");
        };
        assert!(Arc::ptr_eq(a, b) && Arc::ptr_eq(b, c));
        assert_eq!(tree(&first), format!("{:?}", alone.data));

        // While others hold it, a reader borrows the data and copies the errors.
        let (errors, data) = first.parts();
        assert_eq!(errors.len(), 1);
        assert!(matches!(data, Cow::Borrowed(_)));
        assert_eq!(Some(&*data), alone.data.as_ref());

        // Alone with it, a reader moves it out.
        drop((second, third));
        let (errors, data) = first.parts();
        assert_eq!(errors.len(), 1);
        assert!(matches!(data, Cow::Owned(_)));
        assert_eq!(Some(&*data), alone.data.as_ref());
    }

    #[test]
    fn a_single_reader_owns_its_parse_and_bad_bytes_are_an_error_for_each() {
        let shared = SharedParse::default();
        shared.join();
        let only = received(shared.answer(BODY));
        assert!(matches!(only, Received::Owned(_)));
        assert!(shared.0.lock().expect("lock").parsed.is_none());

        let broken = SharedParse::default();
        broken.join();
        broken.join();
        assert!(broken.answer(b"{not json").is_err());
        assert!(broken.answer(b"{not json").is_err());
    }
}
