//! The federation spec as data: which directives exist in which version, their
//! definitions (injected into subgraphs before validation), and the specs a
//! supergraph links to.

/// A federation (or other spec) version `major.minor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u32, pub u32);

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

pub(crate) const FEDERATION_IDENTITY: &str = "https://specs.apollo.dev/federation";
pub(crate) const LINK_IDENTITY: &str = "https://specs.apollo.dev/link";

/// The newest federation version this composer knows.
pub(crate) const LATEST_FEDERATION: Version = Version(2, 11);

/// Federation 1 subgraphs are upgraded to this version.
pub(crate) const FED1_AS_VERSION: Version = Version(2, 0);

/// Federation directives, in the order the federation spec declares them (the
/// order matters: it decides the order of the spec `@link`s in the supergraph),
/// with the version that introduced each one.
pub(crate) const FEDERATION_DIRECTIVES: &[(&str, Version)] = &[
    ("key", Version(2, 0)),
    ("requires", Version(2, 0)),
    ("provides", Version(2, 0)),
    ("external", Version(2, 0)),
    ("tag", Version(2, 0)),
    ("extends", Version(2, 0)),
    ("shareable", Version(2, 0)),
    ("inaccessible", Version(2, 0)),
    ("override", Version(2, 0)),
    ("composeDirective", Version(2, 1)),
    ("interfaceObject", Version(2, 3)),
    ("authenticated", Version(2, 5)),
    ("requiresScopes", Version(2, 5)),
    ("policy", Version(2, 6)),
    ("context", Version(2, 8)),
    ("fromContext", Version(2, 8)),
    ("cost", Version(2, 9)),
    ("listSize", Version(2, 9)),
];

/// Directives a Federation 1 subgraph may use without declaring them.
pub(crate) const FED1_DIRECTIVES: &[&str] = &[
    "key",
    "requires",
    "provides",
    "external",
    "extends",
    "tag",
    "inaccessible",
];

/// Federation types that may be imported by name.
pub(crate) const FEDERATION_TYPES: &[&str] = &["FieldSet", "Scope", "Policy", "ContextFieldValue"];

/// The definition of a federation directive under a local name, using our private scalars.
pub(crate) fn directive_definition(canonical: &str, local: &str, version: Version) -> String {
    let body = match canonical {
        "key" => {
            "(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE"
        }
        "requires" => "(fields: federation__FieldSet!) on FIELD_DEFINITION",
        "provides" => "(fields: federation__FieldSet!) on FIELD_DEFINITION",
        "external" => "(reason: String) on OBJECT | FIELD_DEFINITION",
        "tag" => {
            "(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA"
        }
        "extends" => " on OBJECT | INTERFACE",
        "shareable" => " repeatable on OBJECT | FIELD_DEFINITION",
        "inaccessible" => {
            " on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"
        }
        "override" if version >= Version(2, 7) => {
            "(from: String!, label: String) on FIELD_DEFINITION"
        }
        "override" => "(from: String!) on FIELD_DEFINITION",
        "composeDirective" => "(name: String!) repeatable on SCHEMA",
        "interfaceObject" => " on OBJECT",
        "authenticated" => " on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM",
        "requiresScopes" => {
            "(scopes: [[federation__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"
        }
        "policy" => {
            "(policies: [[federation__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"
        }
        "context" => "(name: String!) repeatable on INTERFACE | OBJECT | UNION",
        "fromContext" => "(field: federation__ContextFieldValue) on ARGUMENT_DEFINITION",
        "cost" => {
            "(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR"
        }
        "listSize" => {
            "(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION"
        }
        _ => " on FIELD_DEFINITION",
    };
    format!("directive @{local}{body}")
}

/// Private scalars and link types our injected definitions rely on.
pub(crate) const SUPPORT_TYPES: &[(&str, &str)] = &[
    ("federation__FieldSet", "scalar federation__FieldSet"),
    ("federation__Scope", "scalar federation__Scope"),
    ("federation__Policy", "scalar federation__Policy"),
    (
        "federation__ContextFieldValue",
        "scalar federation__ContextFieldValue",
    ),
    ("link__Import", "scalar link__Import"),
    ("link__Purpose", "enum link__Purpose { SECURITY EXECUTION }"),
];

pub(crate) const LINK_DEFINITION: &str = "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA";

/// A spec the supergraph links to for directives it carries through from subgraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SupergraphSpec {
    /// The spec name in its url, which is also the default directive name.
    pub name: &'static str,
    pub url: &'static str,
    pub purpose: Option<&'static str>,
}

/// The supergraph spec that carries a federation directive, when it is carried at all.
pub(crate) fn supergraph_spec_for(canonical: &str) -> Option<SupergraphSpec> {
    let spec = match canonical {
        "tag" => SupergraphSpec {
            name: "tag",
            url: "https://specs.apollo.dev/tag/v0.3",
            purpose: None,
        },
        "inaccessible" => SupergraphSpec {
            name: "inaccessible",
            url: "https://specs.apollo.dev/inaccessible/v0.2",
            purpose: Some("SECURITY"),
        },
        "authenticated" => SupergraphSpec {
            name: "authenticated",
            url: "https://specs.apollo.dev/authenticated/v0.1",
            purpose: Some("SECURITY"),
        },
        "requiresScopes" => SupergraphSpec {
            name: "requiresScopes",
            url: "https://specs.apollo.dev/requiresScopes/v0.1",
            purpose: Some("SECURITY"),
        },
        "policy" => SupergraphSpec {
            name: "policy",
            url: "https://specs.apollo.dev/policy/v0.1",
            purpose: Some("SECURITY"),
        },
        "context" => SupergraphSpec {
            name: "context",
            url: "https://specs.apollo.dev/context/v0.1",
            purpose: Some("SECURITY"),
        },
        "cost" | "listSize" => SupergraphSpec {
            name: "cost",
            url: "https://specs.apollo.dev/cost/v0.1",
            purpose: None,
        },
        _ => return None,
    };
    Some(spec)
}

/// Definition of a carried directive in the supergraph, under its supergraph name.
pub(crate) fn supergraph_directive_definition(
    canonical: &str,
    name: &str,
    spec_prefix: &str,
) -> String {
    let body = match canonical {
        "tag" => "(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA".to_string(),
        "inaccessible" => " on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION".to_string(),
        "authenticated" => " on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM".to_string(),
        "requiresScopes" => format!("(scopes: [[{spec_prefix}__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"),
        "policy" => format!("(policies: [[{spec_prefix}__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"),
        "context" => "(name: String!) repeatable on INTERFACE | OBJECT | UNION".to_string(),
        "cost" => "(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR".to_string(),
        "listSize" => "(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION".to_string(),
        _ => String::new(),
    };
    format!("directive @{name}{body}")
}

/// The join spec version Apollo's composition writes for a federation version.
pub(crate) fn join_version_for(federation: Version) -> Version {
    if federation >= Version(2, 8) {
        Version(0, 5)
    } else if federation >= Version(2, 7) {
        Version(0, 4)
    } else {
        Version(0, 3)
    }
}

/// Parses `https://host/path/name/vX.Y` into (identity, name, version).
pub(crate) fn parse_spec_url(url: &str) -> Option<(String, String, Version)> {
    let url = url.trim_end_matches('/');
    let (rest, version) = url.rsplit_once('/')?;
    let version = version.strip_prefix('v')?;
    let (major, minor) = version.split_once('.')?;
    let version = Version(major.parse().ok()?, minor.parse().ok()?);
    let name = rest.rsplit('/').next()?.to_string();
    Some((rest.to_string(), name, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spec_urls() {
        assert_eq!(
            parse_spec_url("https://specs.apollo.dev/federation/v2.3"),
            Some((
                "https://specs.apollo.dev/federation".to_string(),
                "federation".to_string(),
                Version(2, 3)
            ))
        );
        assert_eq!(parse_spec_url("https://specs.apollo.dev/federation"), None);
    }

    #[test]
    fn join_version_follows_federation_version() {
        assert_eq!(join_version_for(Version(2, 3)), Version(0, 3));
        assert_eq!(join_version_for(Version(2, 7)), Version(0, 4));
        assert_eq!(join_version_for(Version(2, 9)), Version(0, 5));
    }
}
