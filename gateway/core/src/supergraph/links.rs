//! Reads the supergraph's `@link` (or older `@core`) directives: which specs it uses and under
//! which names, so that renamed imports (`as:`) are honoured.

use apollo_compiler::Schema;
use apollo_compiler::ast::Value;
use std::collections::HashMap;

/// The specs a supergraph links, and the local names of the directives the gateway reads.
#[derive(Debug, Clone)]
pub struct Links {
    /// Namespace prefixes of linked specs (`join`, `link`, `inaccessible`, ...), each used as `ns__`.
    pub namespaces: Vec<String>,
    /// Spec directive names as used in this schema, keyed by the spec's own name
    /// (`inaccessible` -> `inaccessible` or its rename).
    directive_names: HashMap<String, String>,
    /// Specs of the known hosts (`specs.apollo.dev`): only their directives are spec elements.
    /// Others (`@composeDirective` custom directives) belong to the API schema.
    known_specs: Vec<String>,
    pub join: String,
}

/// Specs whose elements never belong in the API schema.
const SPEC_HOSTS: &[&str] = &["https://specs.apollo.dev/"];

impl Links {
    pub fn read(schema: &Schema) -> Self {
        let mut namespaces = Vec::new();
        let mut directive_names = HashMap::new();
        let mut join = "join".to_string();
        let mut known_specs = Vec::new();
        for directive in schema.schema_definition.directives.iter() {
            if directive.name != "link" && directive.name != "core" {
                continue;
            }
            let url = ["url", "feature"]
                .iter()
                .find_map(|arg| directive.specified_argument_by_name(arg))
                .and_then(|v| v.as_str().map(str::to_string));
            let Some(url) = url else { continue };
            let Some(spec) = spec_name(&url) else {
                continue;
            };
            let is_known_spec = SPEC_HOSTS.iter().any(|host| url.starts_with(host));
            let namespace = directive
                .specified_argument_by_name("as")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| spec.clone());
            if spec == "join" {
                join = namespace.clone();
            }
            // The spec's main directive carries the namespace's name unless imported under another.
            directive_names.insert(format!("{spec}/{spec}"), namespace.clone());
            if let Some(Value::List(imports)) = directive
                .specified_argument_by_name("import")
                .map(|v| v.as_ref())
            {
                for import in imports {
                    let (name, alias) = match import.as_ref() {
                        Value::String(name) => (name.clone(), name.clone()),
                        Value::Object(fields) => {
                            let get = |key: &str| {
                                fields
                                    .iter()
                                    .find(|(k, _)| k == key)
                                    .and_then(|(_, v)| v.as_str().map(str::to_string))
                            };
                            let Some(name) = get("name") else { continue };
                            let alias = get("as").unwrap_or_else(|| name.clone());
                            (name, alias)
                        }
                        _ => continue,
                    };
                    let name = name.trim_start_matches('@').to_string();
                    let alias = alias.trim_start_matches('@').to_string();
                    directive_names.insert(format!("{spec}/{name}"), alias);
                }
            }
            if is_known_spec {
                namespaces.push(namespace);
                known_specs.push(spec);
            }
        }
        if namespaces.is_empty() {
            namespaces = vec!["core".into(), "join".into(), "link".into()];
        }
        Self {
            namespaces,
            directive_names,
            known_specs,
            join,
        }
    }

    /// The local name of directive `name` of spec `spec`: imported name, namespaced
    /// name (`spec__name`), or the default when the spec is not linked at all.
    pub fn directive(&self, spec: &str, name: &str) -> String {
        if let Some(local) = self.directive_names.get(&format!("{spec}/{name}")) {
            return local.clone();
        }
        if spec == name {
            return name.to_string();
        }
        match self.directive_names.get(&format!("{spec}/{spec}")) {
            Some(namespace) => format!("{namespace}__{name}"),
            None => format!("{spec}__{name}"),
        }
    }

    pub fn join_directive(&self, name: &str) -> String {
        format!("{}__{name}", self.join)
    }

    /// Whether a type or directive name belongs to a linked spec (and so not to the API schema).
    pub fn is_spec_element(&self, name: &str) -> bool {
        if name == "link" || name == "core" {
            return true;
        }
        let from_known_spec = self.directive_names.iter().any(|(key, local)| {
            local == name
                && key
                    .split('/')
                    .next()
                    .is_some_and(|spec| self.known_specs.iter().any(|k| k == spec))
        });
        if from_known_spec && !matches!(name, "deprecated" | "specifiedBy" | "oneOf") {
            return true;
        }
        self.namespaces.iter().any(|ns| {
            name.strip_prefix(ns.as_str())
                .is_some_and(|rest| rest.starts_with("__"))
        })
    }
}

/// `https://specs.apollo.dev/join/v0.3` -> `join`.
fn spec_name(url: &str) -> Option<String> {
    let mut parts = url.trim_end_matches('/').rsplit('/');
    let last = parts.next()?;
    let name = if last.starts_with('v') && last[1..].contains('.') {
        parts.next()?
    } else {
        last
    };
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::spec_name;

    #[test]
    fn spec_names_come_from_the_url() {
        assert_eq!(
            spec_name("https://specs.apollo.dev/join/v0.3").as_deref(),
            Some("join")
        );
        assert_eq!(
            spec_name("https://specs.apollo.dev/link/v1.0").as_deref(),
            Some("link")
        );
        assert_eq!(
            spec_name("https://example.com/custom").as_deref(),
            Some("custom")
        );
    }
}
