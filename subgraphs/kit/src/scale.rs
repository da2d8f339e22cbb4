//! Seed scale (demo or full) of the deterministic data sets.

use std::fmt;
use std::str::FromStr;

/// How much seed data to generate: `Demo` for development and tests, `Full` for the
/// figures of DOMAIN.md (benchmarks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    Demo,
    Full,
}

impl Scale {
    /// Picks the count that belongs to this scale.
    pub fn count(self, demo: u32, full: u32) -> u32 {
        match self {
            Scale::Demo => demo,
            Scale::Full => full,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Demo => "demo",
            Scale::Full => "full",
        }
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text given for a scale is neither `demo` nor `full`.
#[derive(Debug, thiserror::Error)]
#[error("unknown seed scale `{0}`: expected `demo` or `full`")]
pub struct UnknownScale(pub String);

impl FromStr for Scale {
    type Err = UnknownScale;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "demo" => Ok(Scale::Demo),
            "full" => Ok(Scale::Full),
            _ => Err(UnknownScale(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_both_scales() {
        assert_eq!("demo".parse::<Scale>().ok(), Some(Scale::Demo));
        assert_eq!(" FULL ".parse::<Scale>().ok(), Some(Scale::Full));
        assert_eq!(Scale::Full.to_string(), "full");
        let err = "huge".parse::<Scale>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown seed scale `huge`: expected `demo` or `full`")
        );
    }
}
