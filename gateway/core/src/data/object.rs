//! Objects of the response tree: fields in order, searched linearly.

use super::text::same_bytes;
use super::{Data, Str};

/// An object's fields in the order they arrived (or were added). Keys are unique when built
/// through [`Object::insert`]; a subgraph's answer is taken as sent.
#[derive(Debug, Clone, Default)]
pub struct Object {
    fields: Vec<(Str, Data)>,
}

impl Object {
    pub fn new() -> Self {
        Self { fields: Vec::new() }
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            fields: Vec::with_capacity(capacity),
        }
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.position_of_bytes(key.as_bytes())
    }

    fn position_of_bytes(&self, key: &[u8]) -> Option<usize> {
        self.fields
            .iter()
            .position(|(k, _)| same_bytes(k.as_bytes(), key))
    }

    pub fn get(&self, key: &str) -> Option<&Data> {
        self.position(key).map(|i| &self.fields[i].1)
    }

    /// [`Object::get`] starting at `*cursor` and wrapping around, then moving the cursor past
    /// the field found. Read in the order a subgraph wrote them (its selection's order, which
    /// is the client's), each field is found at the first comparison instead of after
    /// comparing every key before it.
    pub fn get_from(&self, key: &str, cursor: &mut usize) -> Option<&Data> {
        let key = key.as_bytes();
        let start = (*cursor).min(self.fields.len());
        let (before, after) = self.fields.split_at(start);
        let found = after
            .iter()
            .position(|(k, _)| same_bytes(k.as_bytes(), key))
            .map(|i| start + i)
            .or_else(|| {
                before
                    .iter()
                    .position(|(k, _)| same_bytes(k.as_bytes(), key))
            })?;
        *cursor = found + 1;
        Some(&self.fields[found].1)
    }

    /// The index of `key`, trying `*hint` first and leaving the index found there. Objects
    /// that sit at one place of the response (every user of a list, every product under a
    /// review) came from one selection and hold their fields in one order, so a walk over them
    /// that keeps a hint per place finds each key at the first comparison.
    fn position_hinted(&self, key: &str, hint: &mut usize) -> Option<usize> {
        if let Some((k, _)) = self.fields.get(*hint)
            && same_bytes(k.as_bytes(), key.as_bytes())
        {
            return Some(*hint);
        }
        let found = self.position(key)?;
        *hint = found;
        Some(found)
    }

    /// [`Object::get`] trying the field at `*hint` first (see [`Object::position_hinted`]).
    pub(crate) fn get_hinted(&self, key: &str, hint: &mut usize) -> Option<&Data> {
        self.position_hinted(key, hint).map(|i| &self.fields[i].1)
    }

    /// [`Object::get_mut`] trying the field at `*hint` first.
    pub(crate) fn get_mut_hinted(&mut self, key: &str, hint: &mut usize) -> Option<&mut Data> {
        self.position_hinted(key, hint)
            .map(|i| &mut self.fields[i].1)
    }

    /// [`Object::get_mut`] by a key of another object (a merge), compared as bytes: no
    /// `&str` of it is made, which for an inline key would check its UTF-8 again.
    pub(crate) fn get_mut_by_key(&mut self, key: &Str) -> Option<&mut Data> {
        self.position_of_bytes(key.as_bytes())
            .map(|i| &mut self.fields[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Data> {
        self.position(key).map(|i| &mut self.fields[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Sets `key`: in place when present (returning the old value), at the end otherwise.
    pub fn insert(&mut self, key: impl Into<Str> + AsRef<str>, value: Data) -> Option<Data> {
        match self.position(key.as_ref()) {
            Some(i) => Some(std::mem::replace(&mut self.fields[i].1, value)),
            None => {
                self.fields.push((key.into(), value));
                None
            }
        }
    }

    /// Adds a field without looking for an existing one (the parser: keys arrive unique; a
    /// merge: the key was just looked for).
    pub(crate) fn push(&mut self, key: Str, value: Data) {
        self.fields.push((key, value));
    }

    /// [`Object::push`] for a merge with up to `more` fields to come after this one: when the
    /// object must grow, it grows once for all of them instead of doubling on the way.
    pub(crate) fn push_before(&mut self, key: Str, value: Data, more: usize) {
        if self.fields.len() == self.fields.capacity() {
            self.fields.reserve(1 + more);
        }
        self.fields.push((key, value));
    }

    /// Removes `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<Data> {
        self.position(key).map(|i| self.fields.remove(i).1)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Str, &Data)> {
        self.fields.iter().map(|(k, v)| (k, v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&Str, &mut Data)> {
        self.fields.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Str> {
        self.fields.iter().map(|(k, _)| k)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Data> {
        self.fields.iter_mut().map(|(_, v)| v)
    }
}

impl IntoIterator for Object {
    type Item = (Str, Data);
    type IntoIter = std::vec::IntoIter<(Str, Data)>;
    fn into_iter(self) -> Self::IntoIter {
        self.fields.into_iter()
    }
}

impl FromIterator<(Str, Data)> for Object {
    fn from_iter<I: IntoIterator<Item = (Str, Data)>>(iter: I) -> Self {
        let mut object = Object::new();
        for (key, value) in iter {
            object.insert(key, value);
        }
        object
    }
}

/// Equal as maps: the same keys with equal values, in any order (as `serde_json::Map`).
impl PartialEq for Object {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .fields
                .iter()
                .all(|(k, v)| other.get(k.as_str()) == Some(v))
    }
}
