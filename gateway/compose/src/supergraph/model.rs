//! The supergraph being built: a small, printable model whose element and
//! directive order is the order the merge decides (Apollo's order).

use indexmap::IndexMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    Input,
}

impl Kind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Kind::Scalar => "Scalar Type",
            Kind::Object => "Object Type",
            Kind::Interface => "Interface Type",
            Kind::Union => "Union Type",
            Kind::Enum => "Enum Type",
            Kind::Input => "Input Object Type",
        }
    }
}

/// An applied directive with its arguments already printed as GraphQL literals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Applied {
    pub name: String,
    pub args: Vec<(String, String)>,
}

impl Applied {
    pub(crate) fn new(name: impl Into<String>) -> Self {
        Applied {
            name: name.into(),
            args: Vec::new(),
        }
    }

    pub(crate) fn arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.push((name.to_string(), value.into()));
        self
    }

    pub(crate) fn arg_opt(self, name: &str, value: Option<String>) -> Self {
        match value {
            Some(v) => self.arg(name, v),
            None => self,
        }
    }

    pub(crate) fn print(&self) -> String {
        if self.args.is_empty() {
            format!("@{}", self.name)
        } else {
            let args: Vec<String> = self.args.iter().map(|(n, v)| format!("{n}: {v}")).collect();
            format!("@{}({})", self.name, args.join(", "))
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct OutArg {
    pub description: Option<String>,
    pub ty: String,
    pub default: Option<String>,
    pub directives: Vec<Applied>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct OutField {
    pub description: Option<String>,
    pub args: IndexMap<String, OutArg>,
    pub ty: String,
    /// Input fields only.
    pub default: Option<String>,
    pub directives: Vec<Applied>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct OutValue {
    pub description: Option<String>,
    pub directives: Vec<Applied>,
}

#[derive(Debug, Clone)]
pub(crate) struct OutType {
    pub kind: Kind,
    pub name: String,
    pub description: Option<String>,
    pub implements: Vec<String>,
    pub directives: Vec<Applied>,
    pub fields: IndexMap<String, OutField>,
    pub members: Vec<String>,
    pub values: IndexMap<String, OutValue>,
}

impl OutType {
    pub(crate) fn new(kind: Kind, name: impl Into<String>) -> Self {
        OutType {
            kind,
            name: name.into(),
            description: None,
            implements: Vec::new(),
            directives: Vec::new(),
            fields: IndexMap::new(),
            members: Vec::new(),
            values: IndexMap::new(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct OutSchema {
    /// Name of the `@inaccessible` directive in the supergraph, when used.
    pub inaccessible: Option<String>,
    pub schema_directives: Vec<Applied>,
    pub roots: Vec<(&'static str, String)>,
    /// Directive name -> full printed definition.
    pub directive_definitions: IndexMap<String, String>,
    pub types: IndexMap<String, OutType>,
}

/// Prints a string as a GraphQL string literal.
pub(crate) fn string_literal(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Prints a value as Apollo's composition prints argument values.
pub(crate) fn print_value(value: &apollo_compiler::ast::Value) -> String {
    use apollo_compiler::ast::Value;
    match value {
        Value::Null => "null".to_string(),
        Value::Enum(n) => n.to_string(),
        Value::Variable(n) => format!("${n}"),
        Value::String(s) => string_literal(s),
        Value::Float(f) => f.as_str().to_string(),
        Value::Int(i) => i.as_str().to_string(),
        Value::Boolean(b) => b.to_string(),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(|v| print_value(v)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(n, v)| format!("{n}: {}", print_value(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
    }
}
