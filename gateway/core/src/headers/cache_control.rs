//! `cache-control` of a response made of several subgraph answers: the most restrictive of
//! theirs. `no-store` beats `no-cache` beats `private` beats `public`; the smallest `max-age`
//! and `s-maxage` win (an answer's shared lifetime is its `s-maxage`, else its `max-age`); an
//! answer that gives no lifetime puts no bound on it. Other directives are dropped, except
//! `must-revalidate`, kept when any answer has it.

/// The directives that matter for merging.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CacheControl {
    no_store: bool,
    no_cache: bool,
    private: bool,
    public: bool,
    must_revalidate: bool,
    max_age: Option<u64>,
    s_maxage: Option<u64>,
}

impl CacheControl {
    /// Reads a `cache-control` value; unknown directives are ignored, as caches do.
    pub(crate) fn parse(text: &str) -> Self {
        let mut parsed = Self::default();
        for directive in text.split(',') {
            let (name, argument) = match directive.split_once('=') {
                Some((name, argument)) => (name, Some(argument.trim().trim_matches('"'))),
                None => (directive, None),
            };
            let seconds = argument.and_then(|a| a.parse::<u64>().ok());
            match name.trim().to_ascii_lowercase().as_str() {
                "no-store" => parsed.no_store = true,
                "no-cache" => parsed.no_cache = true,
                "private" => parsed.private = true,
                "public" => parsed.public = true,
                "must-revalidate" => parsed.must_revalidate = true,
                "max-age" => parsed.max_age = min(parsed.max_age, seconds),
                "s-maxage" => parsed.s_maxage = min(parsed.s_maxage, seconds),
                _ => {}
            }
        }
        parsed
    }

    /// The most restrictive of `self` and `other`.
    pub(crate) fn merge(&self, other: &Self) -> Self {
        let shared = |c: &Self| c.s_maxage.or(c.max_age);
        Self {
            no_store: self.no_store || other.no_store,
            no_cache: self.no_cache || other.no_cache,
            private: self.private || other.private,
            public: self.public && other.public,
            must_revalidate: self.must_revalidate || other.must_revalidate,
            max_age: min(self.max_age, other.max_age),
            s_maxage: if self.s_maxage.is_some() || other.s_maxage.is_some() {
                min(shared(self), shared(other))
            } else {
                None
            },
        }
    }

    /// The header value, or `None` when nothing is left to say.
    pub(crate) fn render(&self) -> Option<String> {
        if self.no_store {
            return Some("no-store".into());
        }
        let mut parts: Vec<String> = Vec::new();
        if self.no_cache {
            parts.push("no-cache".into());
        }
        if self.private {
            parts.push("private".into());
        } else if self.public {
            parts.push("public".into());
        }
        if self.must_revalidate {
            parts.push("must-revalidate".into());
        }
        if let Some(max_age) = self.max_age {
            parts.push(format!("max-age={max_age}"));
        }
        // Shared caches do not keep private answers: their lifetime says nothing.
        if let (Some(s_maxage), false) = (self.s_maxage, self.private) {
            parts.push(format!("s-maxage={s_maxage}"));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The smaller of two optional bounds, where `None` is no bound.
fn min(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(values: &[&str]) -> Option<String> {
        values
            .iter()
            .map(|v| CacheControl::parse(v))
            .reduce(|a, b| a.merge(&b))
            .and_then(|c| c.render())
    }

    #[test]
    fn the_most_restrictive_directive_wins() {
        assert_eq!(
            merged(&["public, max-age=60", "no-store"]),
            Some("no-store".into())
        );
        assert_eq!(
            merged(&["public, max-age=60", "no-cache", "private, max-age=5"]),
            Some("no-cache, private, max-age=5".into())
        );
        assert_eq!(
            merged(&["public, max-age=60", "private, max-age=30, s-maxage=90"]),
            Some("private, max-age=30".into())
        );
        assert_eq!(
            merged(&["public, max-age=60", "PUBLIC, Max-Age=\"30\""]),
            Some("public, max-age=30".into())
        );
    }

    #[test]
    fn the_smallest_lifetimes_win_and_a_missing_one_puts_no_bound() {
        assert_eq!(
            merged(&["public, max-age=60, s-maxage=600", "public, max-age=120"]),
            Some("public, max-age=60, s-maxage=120".into())
        );
        assert_eq!(
            merged(&["public, s-maxage=600", "public, must-revalidate"]),
            Some("public, must-revalidate, s-maxage=600".into())
        );
        assert_eq!(merged(&["immutable", "stale-while-revalidate=5"]), None);
    }
}
