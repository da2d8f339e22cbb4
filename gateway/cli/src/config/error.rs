//! Configuration errors, each naming the file, the line (when known) and the key.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ConfigError {
    Unreadable {
        file: String,
        reason: String,
    },
    Invalid {
        file: String,
        line: Option<usize>,
        /// The key's dotted path (`http.csrf.enabled`); empty at the top of the file.
        key: String,
        message: String,
    },
}

impl ConfigError {
    pub(crate) fn at(file: &str, line: Option<usize>, key: &str, message: String) -> Self {
        Self::Invalid {
            file: file.to_string(),
            line,
            key: key.to_string(),
            message,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { file, reason } => write!(f, "cannot read {file}: {reason}"),
            Self::Invalid {
                file,
                line,
                key,
                message,
            } => {
                write!(f, "{file}")?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                }
                if !key.is_empty() {
                    write!(f, ": key `{key}`")?;
                }
                write!(f, ": {message}")
            }
        }
    }
}

/// A serde error as a [`ConfigError`]: serde_yaml knows the line, serde_path_to_error the key.
/// An unknown key is named in full (`http.max_body`), not by its parent.
pub(crate) fn from_serde(
    file: &str,
    error: &serde_path_to_error::Error<serde_yaml::Error>,
) -> ConfigError {
    let inner = error.inner();
    let line = inner.location().map(|l| l.line());
    let mut message = inner.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    let mut key = error.path().to_string();
    if key == "." {
        key.clear();
    }
    // serde_yaml puts (part of) the path in front of its message; the key is said once, before.
    if let Some((prefix, rest)) = message.split_once(": ")
        && !prefix.contains(' ')
        && key.starts_with(prefix)
    {
        message = rest.to_string();
    }
    if let Some(unknown) = unknown_field(&message) {
        // serde_path_to_error already ends the path with the unknown key; serde_yaml may not.
        key = if key.is_empty() {
            unknown.to_string()
        } else if key == unknown || key.ends_with(&format!(".{unknown}")) {
            key
        } else {
            format!("{key}.{unknown}")
        };
        message = message.replacen("unknown field", "unknown key", 1);
    }
    ConfigError::at(file, line, &key, message)
}

/// `x` in "unknown field `x`, expected ...".
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}
