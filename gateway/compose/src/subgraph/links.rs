//! Reads a subgraph's `@link` applications: whether it is a Federation 2
//! subgraph, which version it links, and under which local names it sees
//! every federation directive (`import: [{name: "@key", as: "@primaryKey"}]`,
//! `@federation__key`, `as: "fed"`).

use crate::diagnostic::{Code, Diagnostic};
use crate::spec::{self, Version};
use apollo_compiler::ast;
use std::collections::HashMap;

/// One `@link` of a subgraph.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub url: String,
    pub identity: String,
    pub name: String,
    pub version: Version,
    /// The prefix of non-imported elements (`as:` or the spec name).
    pub prefix: String,
    /// Imported elements: (name in the spec, local name), both with `@` for directives.
    pub imports: Vec<(String, String)>,
}

impl Link {
    /// The local name of a directive of this spec, without `@`.
    pub(crate) fn local_directive_name(&self, name_in_spec: &str) -> String {
        let with_at = format!("@{name_in_spec}");
        for (orig, local) in &self.imports {
            if *orig == with_at {
                return local.trim_start_matches('@').to_string();
            }
        }
        if name_in_spec == self.name {
            self.prefix.clone()
        } else {
            format!("{}__{}", self.prefix, name_in_spec)
        }
    }
}

/// What the links of a subgraph say.
#[derive(Debug, Clone)]
pub(crate) struct Links {
    pub links: Vec<Link>,
    pub fed1: bool,
    pub version: Version,
    /// Canonical federation directive name -> local name.
    pub names: HashMap<&'static str, String>,
}

pub(crate) fn read_links(subgraph: &str, doc: &ast::Document) -> (Links, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut links = Vec::new();
    for def in &doc.definitions {
        let directives = match def {
            ast::Definition::SchemaDefinition(s) => &s.directives,
            ast::Definition::SchemaExtension(s) => &s.directives,
            _ => continue,
        };
        for d in directives.iter().filter(|d| d.name == "link") {
            let Some(url) = d.specified_argument_by_name("url").and_then(|v| v.as_str()) else {
                continue;
            };
            let Some((identity, name, version)) = spec::parse_spec_url(url) else {
                diagnostics.push(
                    Diagnostic::new(
                        Code::INVALID_LINK_DIRECTIVE_USAGE,
                        format!("[{subgraph}] Invalid @link url \"{url}\": it should end with /NAME/vX.Y"),
                    )
                    .subgraph(subgraph),
                );
                continue;
            };
            let prefix = d
                .specified_argument_by_name("as")
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| name.clone());
            let mut imports = Vec::new();
            if let Some(ast::Value::List(items)) =
                d.specified_argument_by_name("import").map(|v| v.as_ref())
            {
                for item in items {
                    match item.as_ref() {
                        ast::Value::String(s) => imports.push((s.clone(), s.clone())),
                        ast::Value::Object(fields) => {
                            let get = |k: &str| {
                                fields
                                    .iter()
                                    .find(|(n, _)| n == k)
                                    .and_then(|(_, v)| v.as_str())
                                    .map(str::to_string)
                            };
                            if let Some(n) = get("name") {
                                let local = get("as").unwrap_or_else(|| n.clone());
                                imports.push((n, local));
                            }
                        }
                        _ => {}
                    }
                }
            }
            links.push(Link {
                url: url.to_string(),
                identity,
                name,
                version,
                prefix,
                imports,
            });
        }
    }

    let federation = links
        .iter()
        .find(|l| l.identity == spec::FEDERATION_IDENTITY)
        .cloned();
    let mut names = HashMap::new();
    let (fed1, version) = match &federation {
        None => {
            for d in spec::FED1_DIRECTIVES {
                if let Some((canonical, _)) =
                    spec::FEDERATION_DIRECTIVES.iter().find(|(n, _)| n == d)
                {
                    names.insert(*canonical, d.to_string());
                }
            }
            (true, spec::FED1_AS_VERSION)
        }
        Some(link) => {
            if link.version.0 != 2 || link.version > spec::LATEST_FEDERATION {
                diagnostics.push(
                    Diagnostic::new(
                        Code::UNKNOWN_FEDERATION_LINK_VERSION,
                        format!(
                            "[{subgraph}] Invalid version {} for the federation feature in @link directive on schema",
                            link.version
                        ),
                    )
                    .subgraph(subgraph),
                );
            }
            for (canonical, since) in spec::FEDERATION_DIRECTIVES {
                let local = link.local_directive_name(canonical);
                let imported = link
                    .imports
                    .iter()
                    .any(|(o, _)| o == &format!("@{canonical}"));
                if *since > link.version && imported {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::INVALID_LINK_DIRECTIVE_USAGE,
                            format!(
                                "[{subgraph}] Cannot import unknown element \"@{canonical}\": it was introduced in federation v{since} but the subgraph links federation v{}.",
                                link.version
                            ),
                        )
                        .subgraph(subgraph)
                        .fix(format!("Link https://specs.apollo.dev/federation/v{since} or later to use @{canonical}.")),
                    );
                }
                if *since <= link.version || imported {
                    names.insert(*canonical, local);
                }
            }
            for (orig, _) in &link.imports {
                let bare = orig.trim_start_matches('@');
                let known = spec::FEDERATION_DIRECTIVES.iter().any(|(n, _)| *n == bare)
                    || spec::FEDERATION_TYPES.contains(&bare);
                if !known {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::INVALID_LINK_DIRECTIVE_USAGE,
                            format!("[{subgraph}] Cannot import unknown element \"{orig}\" from the federation spec."),
                        )
                        .subgraph(subgraph),
                    );
                }
            }
            (false, link.version)
        }
    };
    (
        Links {
            links,
            fed1,
            version,
            names,
        },
        diagnostics,
    )
}
