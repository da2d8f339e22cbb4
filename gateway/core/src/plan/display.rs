//! Prints a plan in the indented form federation tooling uses, for people and snapshots.

use super::{FetchBatch, PlanNode, QueryPlan};
use std::fmt::{self, Display, Formatter, Write as _};

impl Display for QueryPlan {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("QueryPlan {\n")?;
        if let Some(node) = &self.node {
            write_node(f, node, 1)?;
        }
        f.write_str("}\n")
    }
}

fn indent(f: &mut Formatter<'_>, level: usize) -> fmt::Result {
    for _ in 0..level {
        f.write_str("  ")?;
    }
    Ok(())
}

/// `a.@.b|[T]`: keys joined by dots, type conditions attached to the key before them.
fn path_text(path: &[super::PathSegment]) -> String {
    let mut text = String::new();
    for (i, segment) in path.iter().enumerate() {
        if i > 0 && !matches!(segment, super::PathSegment::TypeCondition(_)) {
            text.push('.');
        }
        let _ = write!(text, "{segment}");
    }
    text
}

fn write_node(f: &mut Formatter<'_>, node: &PlanNode, level: usize) -> fmt::Result {
    indent(f, level)?;
    match node {
        PlanNode::Sequence { nodes } | PlanNode::Parallel { nodes, .. } => {
            f.write_str(if matches!(node, PlanNode::Sequence { .. }) {
                "Sequence {\n"
            } else {
                "Parallel {\n"
            })?;
            if let PlanNode::Parallel { batches, .. } = node {
                for batch in batches {
                    write_batch(f, batch, level + 1)?;
                }
            }
            for child in nodes {
                write_node(f, child, level + 1)?;
            }
            indent(f, level)?;
            f.write_str("},\n")
        }
        PlanNode::Defer { primary, deferred } => {
            f.write_str("Defer {\n")?;
            indent(f, level + 1)?;
            f.write_str("Primary {\n")?;
            if let Some(primary) = primary {
                write_node(f, primary, level + 2)?;
            }
            indent(f, level + 1)?;
            f.write_str("},\n")?;
            for part in deferred {
                indent(f, level + 1)?;
                let label = part
                    .label
                    .as_ref()
                    .map(|l| format!("label: \"{l}\", "))
                    .unwrap_or_default();
                writeln!(f, "Deferred({label}path: \"{}\") {{", path_text(&part.path))?;
                if let Some(node) = &part.node {
                    write_node(f, node, level + 2)?;
                }
                indent(f, level + 1)?;
                f.write_str("},\n")?;
            }
            indent(f, level)?;
            f.write_str("},\n")
        }
        PlanNode::Flatten { path, node } => {
            writeln!(f, "Flatten(path: \"{}\") {{", path_text(path))?;
            write_node(f, node, level + 1)?;
            indent(f, level)?;
            f.write_str("},\n")
        }
        PlanNode::Fetch(fetch) => {
            writeln!(f, "Fetch(service: \"{}\") {{", fetch.service_name)?;
            for representation in &fetch.requires {
                indent(f, level + 1)?;
                writeln!(
                    f,
                    "requires {} {}",
                    representation.type_name,
                    representation.selection.to_graphql()
                )?;
            }
            for context in &fetch.context_arguments {
                for source in &context.sources {
                    indent(f, level + 1)?;
                    writeln!(
                        f,
                        "context ${} from {} {}",
                        context.variable,
                        source.type_name,
                        source.selection.to_graphql()
                    )?;
                }
            }
            indent(f, level + 1)?;
            writeln!(f, "{}", fetch.operation)?;
            indent(f, level)?;
            f.write_str("},\n")
        }
    }
}

/// `Batch(service: "s", children: [0, 2]) { operation }`: the one request that fetches for the
/// children (by position in the `Parallel`) whose fetches it stands for.
fn write_batch(f: &mut Formatter<'_>, batch: &FetchBatch, level: usize) -> fmt::Result {
    indent(f, level)?;
    let children: Vec<String> = batch.members.iter().map(|m| m.child.to_string()).collect();
    writeln!(
        f,
        "Batch(service: \"{}\", children: [{}]) {{",
        batch.service_name,
        children.join(", ")
    )?;
    indent(f, level + 1)?;
    writeln!(f, "{}", batch.operation)?;
    indent(f, level)?;
    f.write_str("},\n")
}
