//! `${VAR}` and `${VAR:-default}` in a configuration file, replaced by the environment before
//! the YAML is parsed, so a secret or an address can come from the deployment. `$${` writes a
//! literal `${`. Whole-line comments are left alone (the example file shows the syntax in
//! them). Values are inserted as they are: quote them in the file if they may hold YAML
//! syntax (`: `, `#`).

pub(crate) struct ExpandError {
    pub(crate) line: Option<usize>,
    pub(crate) message: String,
}

pub(crate) fn expand(text: &str) -> Result<String, ExpandError> {
    expand_with(text, |name| std::env::var(name).ok())
}

pub(crate) fn expand_with(
    text: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<String, ExpandError> {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_start().starts_with('#') {
            out.push_str(line);
            continue;
        }
        let error = |message: String| ExpandError {
            line: Some(index + 1),
            message,
        };
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            let after = &rest[at..];
            if let Some(literal) = after.strip_prefix("$${") {
                out.push_str("${");
                rest = literal;
            } else if let Some(body) = after.strip_prefix("${") {
                let end = body
                    .find('}')
                    .ok_or_else(|| error(format!("`{}` has no closing `}}`", after.trim_end())))?;
                let reference = &body[..end];
                let (name, default) = match reference.split_once(":-") {
                    Some((name, default)) => (name, Some(default)),
                    None => (reference, None),
                };
                let valid =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err(error(format!(
                        "`${{{reference}}}` is not an environment variable reference: write ${{NAME}} or ${{NAME:-default}}"
                    )));
                }
                match (lookup(name), default) {
                    (Some(value), _) => out.push_str(&value),
                    (None, Some(default)) => out.push_str(default),
                    (None, None) => {
                        return Err(error(format!(
                            "environment variable `{name}` is not set (give a default with `${{{name}:-default}}`)"
                        )));
                    }
                }
                rest = &body[end + 1..];
            } else {
                out.push('$');
                rest = &after[1..];
            }
        }
        out.push_str(rest);
    }
    Ok(out)
}
