//! Composition diagnostics: a stable code, the subgraphs and coordinates involved,
//! what is wrong and how to fix it.

use std::fmt;

/// Stable diagnostic codes. Where Apollo's composition has a code for the same
/// problem we use its spelling, so users can search for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(non_camel_case_types)]
pub enum Code {
    INVALID_GRAPHQL,
    INVALID_SUBGRAPH_NAME,
    DUPLICATE_SUBGRAPH_NAME,
    UNKNOWN_FEDERATION_LINK_VERSION,
    INVALID_LINK_DIRECTIVE_USAGE,
    LINK_IMPORT_NAME_MISMATCH,
    TYPE_KIND_MISMATCH,
    FIELD_TYPE_MISMATCH,
    ARGUMENT_TYPE_MISMATCH,
    FIELD_ARGUMENT_TYPE_MISMATCH,
    ARGUMENT_DEFAULT_MISMATCH,
    INPUT_FIELD_DEFAULT_MISMATCH,
    REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH,
    REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH,
    EMPTY_MERGED_INPUT_TYPE,
    EMPTY_MERGED_ENUM_TYPE,
    ENUM_VALUE_MISMATCH,
    INVALID_FIELD_SHARING,
    EXTENSION_WITH_NO_BASE,
    EXTERNAL_MISSING_ON_BASE,
    EXTERNAL_TYPE_MISMATCH,
    EXTERNAL_ARGUMENT_MISSING,
    EXTERNAL_UNUSED,
    EXTERNAL_ON_INTERFACE,
    MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL,
    KEY_FIELDS_SELECT_INVALID_TYPE,
    KEY_FIELDS_HAS_ARGS,
    KEY_INVALID_FIELDS,
    KEY_HAS_DIRECTIVE_IN_FIELDS_ARG,
    INTERFACE_KEY_NOT_ON_IMPLEMENTATION,
    INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE,
    PROVIDES_INVALID_FIELDS,
    PROVIDES_FIELDS_MISSING_EXTERNAL,
    PROVIDES_ON_NON_OBJECT_FIELD,
    PROVIDES_FIELDS_HAS_ARGS,
    PROVIDES_UNSUPPORTED_ON_INTERFACE,
    REQUIRES_INVALID_FIELDS,
    REQUIRES_FIELDS_MISSING_EXTERNAL,
    REQUIRES_UNSUPPORTED_ON_INTERFACE,
    OVERRIDE_SOURCE_HAS_OVERRIDE,
    OVERRIDE_FROM_SELF_ERROR,
    OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE,
    OVERRIDE_ON_INTERFACE,
    OVERRIDE_LABEL_INVALID,
    INTERFACE_OBJECT_USAGE_ERROR,
    INTERFACE_FIELD_NO_IMPLEM,
    SATISFIABILITY_ERROR,
    NO_QUERIES,
    ROOT_QUERY_USED,
    DIRECTIVE_COMPOSITION_ERROR,
    REFERENCED_INACCESSIBLE,
    ONLY_INACCESSIBLE_CHILDREN,
    REQUIRED_INACCESSIBLE,
    QUERY_ROOT_TYPE_INACCESSIBLE,
    CONTEXT_NAME_INVALID,
    CONTEXT_NOT_SET,
    NO_CONTEXT_IN_SELECTION,
    CONTEXT_INVALID_SELECTION,
    CONTEXT_NO_RESOLVABLE_KEY,
    CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        // The Debug form is the variant name, which is the code itself.
        match self {
            Code::INVALID_GRAPHQL => "INVALID_GRAPHQL",
            Code::INVALID_SUBGRAPH_NAME => "INVALID_SUBGRAPH_NAME",
            Code::DUPLICATE_SUBGRAPH_NAME => "DUPLICATE_SUBGRAPH_NAME",
            Code::UNKNOWN_FEDERATION_LINK_VERSION => "UNKNOWN_FEDERATION_LINK_VERSION",
            Code::INVALID_LINK_DIRECTIVE_USAGE => "INVALID_LINK_DIRECTIVE_USAGE",
            Code::LINK_IMPORT_NAME_MISMATCH => "LINK_IMPORT_NAME_MISMATCH",
            Code::TYPE_KIND_MISMATCH => "TYPE_KIND_MISMATCH",
            Code::FIELD_TYPE_MISMATCH => "FIELD_TYPE_MISMATCH",
            Code::ARGUMENT_TYPE_MISMATCH => "ARGUMENT_TYPE_MISMATCH",
            Code::FIELD_ARGUMENT_TYPE_MISMATCH => "FIELD_ARGUMENT_TYPE_MISMATCH",
            Code::ARGUMENT_DEFAULT_MISMATCH => "ARGUMENT_DEFAULT_MISMATCH",
            Code::INPUT_FIELD_DEFAULT_MISMATCH => "INPUT_FIELD_DEFAULT_MISMATCH",
            Code::REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH => {
                "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH"
            }
            Code::REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH => {
                "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH"
            }
            Code::EMPTY_MERGED_INPUT_TYPE => "EMPTY_MERGED_INPUT_TYPE",
            Code::EMPTY_MERGED_ENUM_TYPE => "EMPTY_MERGED_ENUM_TYPE",
            Code::ENUM_VALUE_MISMATCH => "ENUM_VALUE_MISMATCH",
            Code::INVALID_FIELD_SHARING => "INVALID_FIELD_SHARING",
            Code::EXTENSION_WITH_NO_BASE => "EXTENSION_WITH_NO_BASE",
            Code::EXTERNAL_MISSING_ON_BASE => "EXTERNAL_MISSING_ON_BASE",
            Code::EXTERNAL_TYPE_MISMATCH => "EXTERNAL_TYPE_MISMATCH",
            Code::EXTERNAL_ARGUMENT_MISSING => "EXTERNAL_ARGUMENT_MISSING",
            Code::EXTERNAL_UNUSED => "EXTERNAL_UNUSED",
            Code::EXTERNAL_ON_INTERFACE => "EXTERNAL_ON_INTERFACE",
            Code::MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL => {
                "MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL"
            }
            Code::KEY_FIELDS_SELECT_INVALID_TYPE => "KEY_FIELDS_SELECT_INVALID_TYPE",
            Code::KEY_FIELDS_HAS_ARGS => "KEY_FIELDS_HAS_ARGS",
            Code::KEY_INVALID_FIELDS => "KEY_INVALID_FIELDS",
            Code::KEY_HAS_DIRECTIVE_IN_FIELDS_ARG => "KEY_HAS_DIRECTIVE_IN_FIELDS_ARG",
            Code::INTERFACE_KEY_NOT_ON_IMPLEMENTATION => "INTERFACE_KEY_NOT_ON_IMPLEMENTATION",
            Code::INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE => {
                "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE"
            }
            Code::PROVIDES_INVALID_FIELDS => "PROVIDES_INVALID_FIELDS",
            Code::PROVIDES_FIELDS_MISSING_EXTERNAL => "PROVIDES_FIELDS_MISSING_EXTERNAL",
            Code::PROVIDES_ON_NON_OBJECT_FIELD => "PROVIDES_ON_NON_OBJECT_FIELD",
            Code::PROVIDES_FIELDS_HAS_ARGS => "PROVIDES_FIELDS_HAS_ARGS",
            Code::PROVIDES_UNSUPPORTED_ON_INTERFACE => "PROVIDES_UNSUPPORTED_ON_INTERFACE",
            Code::REQUIRES_INVALID_FIELDS => "REQUIRES_INVALID_FIELDS",
            Code::REQUIRES_FIELDS_MISSING_EXTERNAL => "REQUIRES_FIELDS_MISSING_EXTERNAL",
            Code::REQUIRES_UNSUPPORTED_ON_INTERFACE => "REQUIRES_UNSUPPORTED_ON_INTERFACE",
            Code::OVERRIDE_SOURCE_HAS_OVERRIDE => "OVERRIDE_SOURCE_HAS_OVERRIDE",
            Code::OVERRIDE_FROM_SELF_ERROR => "OVERRIDE_FROM_SELF_ERROR",
            Code::OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE => {
                "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE"
            }
            Code::OVERRIDE_ON_INTERFACE => "OVERRIDE_ON_INTERFACE",
            Code::OVERRIDE_LABEL_INVALID => "OVERRIDE_LABEL_INVALID",
            Code::INTERFACE_OBJECT_USAGE_ERROR => "INTERFACE_OBJECT_USAGE_ERROR",
            Code::INTERFACE_FIELD_NO_IMPLEM => "INTERFACE_FIELD_NO_IMPLEM",
            Code::SATISFIABILITY_ERROR => "SATISFIABILITY_ERROR",
            Code::NO_QUERIES => "NO_QUERIES",
            Code::ROOT_QUERY_USED => "ROOT_QUERY_USED",
            Code::DIRECTIVE_COMPOSITION_ERROR => "DIRECTIVE_COMPOSITION_ERROR",
            Code::REFERENCED_INACCESSIBLE => "REFERENCED_INACCESSIBLE",
            Code::ONLY_INACCESSIBLE_CHILDREN => "ONLY_INACCESSIBLE_CHILDREN",
            Code::REQUIRED_INACCESSIBLE => "REQUIRED_INACCESSIBLE",
            Code::QUERY_ROOT_TYPE_INACCESSIBLE => "QUERY_ROOT_TYPE_INACCESSIBLE",
            Code::CONTEXT_NAME_INVALID => "CONTEXT_NAME_INVALID",
            Code::CONTEXT_NOT_SET => "CONTEXT_NOT_SET",
            Code::NO_CONTEXT_IN_SELECTION => "NO_CONTEXT_IN_SELECTION",
            Code::CONTEXT_INVALID_SELECTION => "CONTEXT_INVALID_SELECTION",
            Code::CONTEXT_NO_RESOLVABLE_KEY => "CONTEXT_NO_RESOLVABLE_KEY",
            Code::CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS => {
                "CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS"
            }
        }
    }

    /// The default sentence telling the user how to fix a problem of this kind.
    pub fn default_fix(self) -> &'static str {
        match self {
            Code::INVALID_GRAPHQL => {
                "Fix the subgraph SDL so that it is valid GraphQL (every type and directive it uses must be defined or imported with @link)."
            }
            Code::INVALID_SUBGRAPH_NAME => {
                "Use a subgraph name that is not empty and not the reserved name `_`."
            }
            Code::DUPLICATE_SUBGRAPH_NAME => "Give every subgraph a distinct name.",
            Code::UNKNOWN_FEDERATION_LINK_VERSION => {
                "Link a known federation version, from https://specs.apollo.dev/federation/v2.0 to v2.11."
            }
            Code::INVALID_LINK_DIRECTIVE_USAGE => {
                "Only import elements that exist in the linked federation version, or raise the version in the @link url."
            }
            Code::LINK_IMPORT_NAME_MISMATCH => {
                "Import the directive under the same name in every subgraph."
            }
            Code::TYPE_KIND_MISMATCH => {
                "Define the type with the same kind (object, interface, union, enum, input, scalar) in every subgraph, or rename it in one of them."
            }
            Code::FIELD_TYPE_MISMATCH => {
                "Give the field the same type in every subgraph (types may differ only in nullability or by a subtype)."
            }
            Code::ARGUMENT_TYPE_MISMATCH | Code::FIELD_ARGUMENT_TYPE_MISMATCH => {
                "Give the argument the same type in every subgraph that defines the field."
            }
            Code::ARGUMENT_DEFAULT_MISMATCH => {
                "Use the same default value for the argument in every subgraph, or remove it everywhere."
            }
            Code::INPUT_FIELD_DEFAULT_MISMATCH => {
                "Use the same default value for the input field in every subgraph, or remove it everywhere."
            }
            Code::REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH => {
                "Add the argument to the field in every subgraph that defines the field, or make it optional."
            }
            Code::REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH => {
                "Add the input field to the input type in every subgraph that defines the type, or make it optional."
            }
            Code::EMPTY_MERGED_INPUT_TYPE => {
                "Define at least one field of the input type identically in every subgraph that defines the type."
            }
            Code::EMPTY_MERGED_ENUM_TYPE => {
                "Define at least one value of the enum in every subgraph that defines the enum."
            }
            Code::ENUM_VALUE_MISMATCH => {
                "An enum used both as input and as output must have exactly the same values in every subgraph: add the missing value, or mark it @inaccessible."
            }
            Code::INVALID_FIELD_SHARING => {
                "Mark the field @shareable in every subgraph that resolves it, mark it @external where it is not resolved, or use @override to move it."
            }
            Code::EXTENSION_WITH_NO_BASE => {
                "Define the type (without `extend`) in at least one subgraph."
            }
            Code::EXTERNAL_MISSING_ON_BASE => {
                "Define the field without @external in at least one subgraph, which then resolves it."
            }
            Code::EXTERNAL_TYPE_MISMATCH => {
                "Give the @external field the same type as the field in the subgraph that resolves it."
            }
            Code::EXTERNAL_ARGUMENT_MISSING => {
                "Declare the same arguments on the @external field as on the field that resolves it."
            }
            Code::EXTERNAL_UNUSED => {
                "Use the @external field in a @key, @requires or @provides, or remove it."
            }
            Code::EXTERNAL_ON_INTERFACE => {
                "Remove @external from the interface field: interfaces cannot have external fields."
            }
            Code::MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL => {
                "Move the directive to the subgraph that resolves the field: directives that are merged into the supergraph cannot sit on @external fields."
            }
            Code::KEY_FIELDS_SELECT_INVALID_TYPE => {
                "Select only fields whose type is an object, a scalar or an enum (not an interface or a union, even in a list) in @key."
            }
            Code::KEY_FIELDS_HAS_ARGS => "Select only fields without arguments in @key.",
            Code::KEY_INVALID_FIELDS => {
                "Make @key(fields:) a valid selection of fields that exist on the type."
            }
            Code::KEY_HAS_DIRECTIVE_IN_FIELDS_ARG => {
                "Remove directive applications from the @key field set."
            }
            Code::INTERFACE_KEY_NOT_ON_IMPLEMENTATION => {
                "Add the interface's @key to every implementation of the interface in that subgraph."
            }
            Code::INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE => {
                "Define every implementation of the entity interface in the subgraph that declares the resolvable @key on the interface."
            }
            Code::PROVIDES_INVALID_FIELDS => {
                "Make @provides(fields:) a valid selection of fields of the field's return type."
            }
            Code::PROVIDES_FIELDS_MISSING_EXTERNAL => {
                "Mark the provided fields @external in this subgraph (a subgraph can only provide fields it does not resolve itself)."
            }
            Code::PROVIDES_ON_NON_OBJECT_FIELD => {
                "Use @provides only on fields that return an object, interface or union type."
            }
            Code::PROVIDES_FIELDS_HAS_ARGS => "Select only fields without arguments in @provides.",
            Code::PROVIDES_UNSUPPORTED_ON_INTERFACE => {
                "Move @provides from the interface field to the implementations' fields."
            }
            Code::REQUIRES_INVALID_FIELDS => {
                "Make @requires(fields:) a valid selection of fields of the parent type."
            }
            Code::REQUIRES_FIELDS_MISSING_EXTERNAL => {
                "Mark the required fields @external in this subgraph."
            }
            Code::REQUIRES_UNSUPPORTED_ON_INTERFACE => {
                "Move @requires from the interface field to the implementations' fields."
            }
            Code::OVERRIDE_SOURCE_HAS_OVERRIDE => {
                "Keep @override on the field in only one subgraph."
            }
            Code::OVERRIDE_FROM_SELF_ERROR => {
                "Set @override(from:) to the name of the subgraph the field is moved from, not to this subgraph."
            }
            Code::OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE => {
                "Remove @external, @requires or @provides from the overridden field, or drop the @override."
            }
            Code::OVERRIDE_ON_INTERFACE => {
                "Use @override on the implementations' fields, not on the interface field."
            }
            Code::OVERRIDE_LABEL_INVALID => {
                "Use a label that starts with a letter (letters, digits, `_-:./`), or `percent(N)` with 0 <= N <= 100."
            }
            Code::INTERFACE_OBJECT_USAGE_ERROR => {
                "Declare the type as an interface with a @key in at least one subgraph, give the @interfaceObject a @key, and do not define the interface's implementations next to an @interfaceObject."
            }
            Code::INTERFACE_FIELD_NO_IMPLEM => {
                "Add the interface field to the implementing type in the subgraph that declares the implementation."
            }
            Code::SATISFIABILITY_ERROR => {
                "Make the field reachable: add a resolvable @key to the type in the subgraph that defines the field (with key fields the other subgraphs can provide), or define the field where the query reaches the type."
            }
            Code::NO_QUERIES => "Define at least one field on the Query type in some subgraph.",
            Code::ROOT_QUERY_USED => "Rename the type: `Query` is reserved for the query root.",
            Code::DIRECTIVE_COMPOSITION_ERROR => {
                "Link the directive's spec with @link, import it, and define it identically in every subgraph that composes it."
            }
            Code::REFERENCED_INACCESSIBLE => {
                "Mark the referencing element @inaccessible too, or make the referenced type accessible."
            }
            Code::ONLY_INACCESSIBLE_CHILDREN => {
                "Leave at least one field, value or member accessible, or mark the whole type @inaccessible."
            }
            Code::REQUIRED_INACCESSIBLE => {
                "Make the argument or input field optional, or do not mark it @inaccessible."
            }
            Code::QUERY_ROOT_TYPE_INACCESSIBLE => "Remove @inaccessible from the Query type.",
            Code::CONTEXT_NAME_INVALID => {
                "Name the context with letters and digits only (no underscore)."
            }
            Code::CONTEXT_NOT_SET => {
                "Set the context with @context(name:) on a type that leads to the field, and give the argument no default value."
            }
            Code::NO_CONTEXT_IN_SELECTION => {
                "Start the @fromContext field with the context: \"$name { field }\"."
            }
            Code::CONTEXT_INVALID_SELECTION => {
                "Select exactly one field, without alias or directive, that every type setting the context has, with the argument's type."
            }
            Code::CONTEXT_NO_RESOLVABLE_KEY => {
                "Give the type with a contextual argument a resolvable @key."
            }
            Code::CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS => {
                "Where the argument has no @fromContext, make it nullable or give it a default value."
            }
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found while composing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    /// What is wrong, naming the elements and subgraphs.
    pub message: String,
    /// Names of the subgraphs involved, in subgraph order.
    pub subgraphs: Vec<String>,
    /// Schema coordinates involved (`Type`, `Type.field`, `Type.field(arg:)`).
    pub coordinates: Vec<String>,
    /// How to fix it.
    pub fix: String,
}

impl Diagnostic {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            subgraphs: Vec::new(),
            coordinates: Vec::new(),
            fix: code.default_fix().to_string(),
        }
    }

    pub fn subgraph(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        if !self.subgraphs.contains(&name) {
            self.subgraphs.push(name);
        }
        self
    }

    pub fn subgraphs<I: IntoIterator<Item = S>, S: Into<String>>(mut self, names: I) -> Self {
        for n in names {
            self = self.subgraph(n);
        }
        self
    }

    pub fn coordinate(mut self, coordinate: impl Into<String>) -> Self {
        let c = coordinate.into();
        if !self.coordinates.contains(&c) {
            self.coordinates.push(c);
        }
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "[{}] {}", self.code, self.message)?;
        if !self.subgraphs.is_empty() {
            writeln!(f, "  subgraphs: {}", self.subgraphs.join(", "))?;
        }
        if !self.coordinates.is_empty() {
            writeln!(f, "  coordinates: {}", self.coordinates.join(", "))?;
        }
        write!(f, "  fix: {}", self.fix)
    }
}

/// Renders a list of diagnostics the way the CLI and the fixture files show them.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push('\n');
    }
    out
}

/// `"a"`, `"a" and "b"`, `"a", "b" and "c"`: subgraph lists inside messages.
pub(crate) fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// `subgraph "a"` or `subgraphs "a" and "b"`.
pub(crate) fn subgraphs_phrase(items: &[String]) -> String {
    if items.len() == 1 {
        format!("subgraph {}", quoted_list(items))
    } else {
        format!("subgraphs {}", quoted_list(items))
    }
}
