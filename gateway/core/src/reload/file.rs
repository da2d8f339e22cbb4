//! A supergraph file, re-read on every poll and loaded when its content changed. Polling the
//! content (not watching inotify events) sees every way a file is replaced: an editor's save,
//! `mv` of a new file over it, a Kubernetes ConfigMap's symlink swap, a network file system.
//! Replace the file atomically (write a new one, then rename it over the old one): a file read
//! while half written is refused like any broken supergraph, then loaded on the next poll.

use super::SupergraphSource;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

pub struct FileSource {
    path: PathBuf,
    /// The hash of what the previous poll saw (content or error), to report only changes.
    last: Option<u64>,
}

impl FileSource {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            last: None,
        }
    }
}

impl SupergraphSource for FileSource {
    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    async fn poll(&mut self) -> Result<Option<String>, String> {
        let read = tokio::fs::read_to_string(&self.path)
            .await
            .map_err(|e| format!("cannot read {}: {e}", self.path.display()));
        let mut hasher = DefaultHasher::new();
        read.hash(&mut hasher);
        let seen = hasher.finish();
        if self.last.replace(seen) == Some(seen) {
            return Ok(None);
        }
        read.map(Some)
    }
}
