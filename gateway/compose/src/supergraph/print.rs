//! Prints the supergraph the way Apollo's composition does: schema definition,
//! then directive definitions, then types, both sorted by locale order of
//! their names; directives of types on their own lines, of fields inline.

use super::model::{Applied, Kind, OutArg, OutField, OutSchema, OutType};
use std::cmp::Ordering;

const INDENT: &str = "  ";

pub(crate) fn print(schema: &OutSchema) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.push(print_schema_definition(schema));
    let mut directives: Vec<(&String, &String)> = schema.directive_definitions.iter().collect();
    directives.sort_by(|a, b| locale_cmp(a.0, b.0));
    parts.extend(directives.into_iter().map(|(_, d)| d.clone()));
    let mut types: Vec<&OutType> = schema.types.values().collect();
    types.sort_by(|a, b| locale_cmp(&a.name, &b.name));
    parts.extend(types.into_iter().map(print_type));
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn print_schema_definition(schema: &OutSchema) -> String {
    let roots: Vec<String> = schema
        .roots
        .iter()
        .map(|(k, t)| format!("{INDENT}{k}: {t}"))
        .collect();
    format!(
        "schema{}{}{{\n{}\n}}",
        print_directives_block(&schema.schema_directives, true),
        if schema.schema_directives.is_empty() {
            " "
        } else {
            ""
        },
        roots.join("\n")
    )
}

/// Directives of a type or schema: each on its own line.
fn print_directives_block(directives: &[Applied], end_with_newline: bool) -> String {
    if directives.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = directives.iter().map(Applied::print).collect();
    format!(
        "\n{INDENT}{}{}",
        joined.join(&format!("\n{INDENT}")),
        if end_with_newline { "\n" } else { "" }
    )
}

fn print_directives_inline(directives: &[Applied]) -> String {
    directives
        .iter()
        .map(|d| format!(" {}", d.print()))
        .collect()
}

fn print_type(t: &OutType) -> String {
    let description = print_description(t.description.as_deref(), "", true);
    match t.kind {
        Kind::Scalar => format!(
            "{description}scalar {}{}",
            t.name,
            print_directives_block(&t.directives, false)
        ),
        Kind::Object | Kind::Interface => {
            let keyword = if t.kind == Kind::Object {
                "type"
            } else {
                "interface"
            };
            let implements = if t.implements.is_empty() {
                String::new()
            } else {
                format!(" implements {}", t.implements.join(" & "))
            };
            format!(
                "{description}{keyword} {}{implements}{}{}{}",
                t.name,
                print_directives_block(&t.directives, !t.fields.is_empty()),
                if t.directives.is_empty() { " " } else { "" },
                print_fields(t.fields.iter(), false)
            )
        }
        Kind::Union => {
            let members = if t.members.is_empty() {
                String::new()
            } else {
                format!(" = {}", t.members.join(" | "))
            };
            format!(
                "{description}union {}{}{members}",
                t.name,
                print_directives_block(&t.directives, !t.members.is_empty())
            )
        }
        Kind::Enum => {
            let values: Vec<String> = t
                .values
                .iter()
                .enumerate()
                .map(|(i, (name, v))| {
                    format!(
                        "{}{INDENT}{name}{}",
                        print_description(v.description.as_deref(), INDENT, i == 0),
                        print_directives_inline(&v.directives)
                    )
                })
                .collect();
            format!(
                "{description}enum {}{}{}{}",
                t.name,
                print_directives_block(&t.directives, !values.is_empty()),
                if t.directives.is_empty() { " " } else { "" },
                print_block(&values)
            )
        }
        Kind::Input => format!(
            "{description}input {}{}{}{}",
            t.name,
            print_directives_block(&t.directives, !t.fields.is_empty()),
            if t.directives.is_empty() { " " } else { "" },
            print_fields(t.fields.iter(), true)
        ),
    }
}

fn print_fields<'a>(
    fields: impl Iterator<Item = (&'a String, &'a OutField)>,
    input: bool,
) -> String {
    let items: Vec<String> = fields
        .enumerate()
        .map(|(i, (name, f))| {
            let args = if input {
                String::new()
            } else {
                print_args(&f.args, INDENT)
            };
            let default = f
                .default
                .as_ref()
                .map(|d| format!(" = {d}"))
                .unwrap_or_default();
            format!(
                "{}{INDENT}{name}{args}: {}{default}{}",
                print_description(f.description.as_deref(), INDENT, i == 0),
                f.ty,
                print_directives_inline(&f.directives)
            )
        })
        .collect();
    print_block(&items)
}

fn print_args(args: &indexmap::IndexMap<String, OutArg>, indentation: &str) -> String {
    if args.is_empty() {
        return String::new();
    }
    let print_arg = |name: &str, a: &OutArg| {
        let default = a
            .default
            .as_ref()
            .map(|d| format!(" = {d}"))
            .unwrap_or_default();
        format!(
            "{name}: {}{default}{}",
            a.ty,
            print_directives_inline(&a.directives)
        )
    };
    if args
        .values()
        .all(|a| a.description.as_deref().is_none_or(str::is_empty))
    {
        let items: Vec<String> = args.iter().map(|(n, a)| print_arg(n, a)).collect();
        return format!("({})", items.join(", "));
    }
    let inner = format!("{INDENT}{indentation}");
    let items: Vec<String> = args
        .iter()
        .enumerate()
        .map(|(i, (n, a))| {
            format!(
                "{}{inner}{}",
                print_description(a.description.as_deref(), &inner, i == 0),
                print_arg(n, a)
            )
        })
        .collect();
    format!("(\n{}\n{indentation})", items.join("\n"))
}

fn print_block(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!("{{\n{}\n}}", items.join("\n"))
    }
}

pub(crate) fn print_description(
    description: Option<&str>,
    indentation: &str,
    first_in_block: bool,
) -> String {
    let Some(description) = description else {
        return String::new();
    };
    let block = print_block_string(description, description.len() > 70);
    let prefix = if !indentation.is_empty() && !first_in_block {
        format!("\n{indentation}")
    } else {
        indentation.to_string()
    };
    format!(
        "{prefix}{}\n",
        block.replace('\n', &format!("\n{indentation}"))
    )
}

fn print_block_string(value: &str, prefer_multiple_lines: bool) -> String {
    let single_line = !value.contains('\n');
    let leading_space = value.starts_with(' ') || value.starts_with('\t');
    let trailing_quote = value.ends_with('"');
    let trailing_slash = value.ends_with('\\');
    let multiple = !single_line || trailing_quote || trailing_slash || prefer_multiple_lines;
    let mut result = String::new();
    if multiple && !(single_line && leading_space) {
        result.push('\n');
    }
    result.push_str(value);
    if multiple {
        result.push('\n');
    }
    format!("\"\"\"{}\"\"\"", result.replace("\"\"\"", "\\\"\"\""))
}

/// An approximation of JavaScript's `localeCompare` (ICU root collation) on
/// GraphQL names: punctuation before digits before letters, letters compared
/// without case first, then lower case before upper case.
pub(crate) fn locale_cmp(a: &str, b: &str) -> Ordering {
    fn primary(c: char) -> (u8, char) {
        if c == '_' {
            (0, c)
        } else if c.is_ascii_digit() {
            (1, c)
        } else if c.is_ascii_alphabetic() {
            (2, c.to_ascii_lowercase())
        } else {
            (0, c)
        }
    }
    let pa: Vec<(u8, char)> = a.chars().map(primary).collect();
    let pb: Vec<(u8, char)> = b.chars().map(primary).collect();
    match pa.cmp(&pb) {
        Ordering::Equal => {}
        other => return other,
    }
    for (ca, cb) in a.chars().zip(b.chars()) {
        if ca != cb {
            // Lower case sorts first at the tertiary level.
            return if ca.is_ascii_lowercase() {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_locale_compare() {
        let mut names = vec![
            "Query",
            "join__Graph",
            "link__Import",
            "DeliveryEstimates",
            "join__FieldSet",
            "Panda",
            "link__Purpose",
        ];
        names.sort_by(|a, b| locale_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "DeliveryEstimates",
                "join__FieldSet",
                "join__Graph",
                "link__Import",
                "link__Purpose",
                "Panda",
                "Query"
            ]
        );
    }

    #[test]
    fn prints_block_strings_like_graphql_js() {
        assert_eq!(
            print_description(Some("A product"), "", true),
            "\"\"\"A product\"\"\"\n"
        );
        assert_eq!(
            print_description(Some("two\nlines"), "  ", false),
            "\n  \"\"\"\n  two\n  lines\n  \"\"\"\n"
        );
    }
}
