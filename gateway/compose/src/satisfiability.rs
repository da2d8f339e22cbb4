//! Satisfiability: every field a client can select must be resolvable from
//! every place a query plan can be when it selects it.
//!
//! The walk visits states (type, subgraph, fields provided by `@provides`)
//! reachable from the root types, following fields a subgraph resolves and
//! entity jumps (`@key`) between subgraphs. At each state, each field of the
//! supergraph type must be resolvable in the subgraph itself or in a subgraph
//! reachable through keys whose fields are available (and whose `@requires`
//! can be met there). It is a simplified version of Apollo's validation:
//! key fields must be locally resolvable, nested `@provides` are not tracked.

use crate::diagnostic::{Code, Diagnostic};
use crate::subgraph::Subgraph;
use crate::supergraph::model::{Kind, OutSchema};
use apollo_compiler::schema::ExtendedType;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct State {
    ty: String,
    sg: usize,
    provided: BTreeSet<String>,
}

/// How a state was reached: the parent state, and the field (with a type condition).
#[derive(Debug, Clone)]
struct Step {
    parent: Option<usize>,
    field: String,
    condition: Option<String>,
}

pub(crate) fn check(sgs: &[Subgraph], out: &OutSchema) -> Result<(), Vec<Diagnostic>> {
    let hidden = out
        .inaccessible
        .clone()
        .unwrap_or_else(|| "inaccessible".to_string());
    let walker = Walker { sgs, out, hidden };
    walker.run()
}

struct Walker<'a> {
    sgs: &'a [Subgraph],
    out: &'a OutSchema,
    hidden: String,
}

impl Walker<'_> {
    fn run(&self) -> Result<(), Vec<Diagnostic>> {
        let mut states: Vec<State> = Vec::new();
        let mut steps: Vec<Step> = Vec::new();
        let mut index: HashMap<State, usize> = HashMap::new();
        let mut queue = VecDeque::new();
        for root in ["Query", "Mutation", "Subscription"] {
            if !self.out.types.contains_key(root) {
                continue;
            }
            for (i, sg) in self.sgs.iter().enumerate() {
                if matches!(sg.schema.types.get(root), Some(ExtendedType::Object(o)) if o.fields.keys().any(|f| sg.is_merged_field(root, f)))
                {
                    let state = State {
                        ty: root.to_string(),
                        sg: i,
                        provided: BTreeSet::new(),
                    };
                    index.insert(state.clone(), states.len());
                    states.push(state);
                    steps.push(Step {
                        parent: None,
                        field: root.to_string(),
                        condition: None,
                    });
                    queue.push_back(states.len() - 1);
                }
            }
        }
        let mut reported: HashSet<String> = HashSet::new();
        let mut diagnostics = Vec::new();
        while let Some(at) = queue.pop_front() {
            let state = states[at].clone();
            let Some(out_type) = self.out.types.get(&state.ty) else {
                continue;
            };
            for (field, out_field) in &out_type.fields {
                if out_field.directives.iter().any(|d| d.name == self.hidden) {
                    continue;
                }
                let coordinate = format!("{}.{field}", state.ty);
                let resolvers = self.resolvers(&state, field);
                if resolvers.is_empty() {
                    if reported.insert(coordinate.clone()) {
                        diagnostics.push(self.report(&states, &steps, at, field));
                    }
                    continue;
                }
                for (sg, provided_here) in resolvers {
                    let Some(def) = self.sgs[sg].field(&state.ty, field) else {
                        continue;
                    };
                    let base = def.ty.inner_named_type().to_string();
                    let provided: BTreeSet<String> = self.sgs[sg]
                        .provides(&state.ty, field)
                        .map(|p| top_level_fields(&p))
                        .unwrap_or_default();
                    let _ = provided_here;
                    for (next, condition) in self.runtime_states(sg, &base) {
                        let s = State {
                            ty: next,
                            sg,
                            provided: provided.clone(),
                        };
                        if !index.contains_key(&s) && !self.is_hidden_type(&s.ty) {
                            index.insert(s.clone(), states.len());
                            states.push(s);
                            steps.push(Step {
                                parent: Some(at),
                                field: field.clone(),
                                condition,
                            });
                            queue.push_back(states.len() - 1);
                        }
                    }
                }
            }
        }
        if diagnostics.is_empty() {
            Ok(())
        } else {
            Err(diagnostics)
        }
    }

    fn is_hidden_type(&self, name: &str) -> bool {
        self.out
            .types
            .get(name)
            .is_some_and(|t| t.directives.iter().any(|d| d.name == self.hidden))
    }

    /// Types a field returning `base` can lead to in subgraph `sg`.
    fn runtime_states(&self, sg: usize, base: &str) -> Vec<(String, Option<String>)> {
        let subgraph = &self.sgs[sg];
        match subgraph.schema.types.get(base) {
            Some(ExtendedType::Object(_)) => vec![(base.to_string(), None)],
            Some(ExtendedType::Interface(_)) => {
                let mut v = vec![(base.to_string(), None)];
                v.extend(
                    subgraph
                        .possible_types(base)
                        .into_iter()
                        .map(|t| (t.clone(), Some(t))),
                );
                v
            }
            Some(ExtendedType::Union(_)) => subgraph
                .possible_types(base)
                .into_iter()
                .map(|t| (t.clone(), Some(t)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether `field` of the state's type resolves locally in subgraph `sg`.
    fn local(&self, ty: &str, sg: usize, provided: Option<&BTreeSet<String>>, field: &str) -> bool {
        let subgraph = &self.sgs[sg];
        if subgraph.field(ty, field).is_none() {
            return false;
        }
        !subgraph.is_external(ty, field) || provided.is_some_and(|p| p.contains(field))
    }

    /// Subgraphs reachable from the state through entity keys (including its own).
    fn closure(&self, state: &State) -> Vec<usize> {
        let is_root = matches!(state.ty.as_str(), "Query" | "Mutation" | "Subscription");
        let mut seen = vec![state.sg];
        let mut queue = VecDeque::from([state.sg]);
        while let Some(from) = queue.pop_front() {
            for (to, sg) in self.sgs.iter().enumerate() {
                if seen.contains(&to) || !sg.schema.types.contains_key(state.ty.as_str()) {
                    continue;
                }
                let provided = (from == state.sg).then_some(&state.provided);
                let reachable = if is_root {
                    true
                } else {
                    sg.keys(&state.ty)
                        .iter()
                        .filter(|k| k.resolvable())
                        .any(|k| {
                            top_level_fields(&k.fields)
                                .iter()
                                .all(|f| self.local(&state.ty, from, provided, f))
                        })
                };
                if reachable {
                    seen.push(to);
                    queue.push_back(to);
                }
            }
        }
        seen
    }

    /// Subgraphs that can resolve `field` from this state, with whether it is provided.
    fn resolvers(&self, state: &State, field: &str) -> Vec<(usize, bool)> {
        let closure = self.closure(state);
        let mut out = Vec::new();
        for sg in &closure {
            let provided = (*sg == state.sg).then_some(&state.provided);
            if !self.local(&state.ty, *sg, provided, field) {
                continue;
            }
            if let Some(requires) = self.sgs[*sg].requires(&state.ty, field) {
                let met = top_level_fields(&requires).iter().all(|r| {
                    closure.iter().any(|c| {
                        let p = (*c == state.sg).then_some(&state.provided);
                        self.local(&state.ty, *c, p, r)
                    })
                });
                if !met {
                    continue;
                }
            }
            out.push((*sg, provided.is_some_and(|p| p.contains(field))));
        }
        if out.is_empty() {
            out.extend(self.through_interface_objects(state, field));
        }
        if out.is_empty() {
            out.extend(self.through_implementations(state, field));
        }
        out
    }

    /// An object field provided by an `@interfaceObject` of one of its interfaces.
    fn through_interface_objects(&self, state: &State, field: &str) -> Vec<(usize, bool)> {
        let Some(t) = self.out.types.get(&state.ty) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for itf in &t.implements {
            for (i, sg) in self.sgs.iter().enumerate() {
                if !sg.is_interface_object(itf)
                    || sg.field(itf, field).is_none()
                    || sg.is_external(itf, field)
                {
                    continue;
                }
                let reachable = sg.keys(itf).iter().filter(|k| k.resolvable()).any(|k| {
                    top_level_fields(&k.fields)
                        .iter()
                        .all(|f| self.local(&state.ty, state.sg, Some(&state.provided), f))
                });
                if reachable {
                    out.push((i, false));
                }
            }
        }
        out
    }

    /// An interface field the subgraph's interface lacks, but every implementation resolves.
    fn through_implementations(&self, state: &State, field: &str) -> Vec<(usize, bool)> {
        let sg = &self.sgs[state.sg];
        if !matches!(
            self.out.types.get(&state.ty).map(|t| t.kind),
            Some(Kind::Interface)
        ) || !matches!(
            sg.schema.types.get(state.ty.as_str()),
            Some(ExtendedType::Interface(_))
        ) {
            return Vec::new();
        }
        let implementations = sg.possible_types(&state.ty);
        if implementations.is_empty() {
            return Vec::new();
        }
        let all = implementations.iter().all(|t| {
            let s = State {
                ty: t.clone(),
                sg: state.sg,
                provided: BTreeSet::new(),
            };
            !self.resolvers(&s, field).is_empty()
        });
        if all {
            vec![(state.sg, false)]
        } else {
            Vec::new()
        }
    }

    fn report(&self, states: &[State], steps: &[Step], at: usize, field: &str) -> Diagnostic {
        let state = &states[at];
        let coordinate = format!("{}.{field}", state.ty);
        // The example query, from the root down to the field.
        let mut chain = Vec::new();
        let mut cursor = Some(at);
        while let Some(i) = cursor {
            chain.push(i);
            cursor = steps[i].parent;
        }
        chain.reverse();
        let root = &states[chain[0]].ty;
        let keyword = match root.as_str() {
            "Mutation" => "mutation ",
            "Subscription" => "subscription ",
            _ => "",
        };
        let mut lines = Vec::new();
        let mut depth = 1;
        for i in chain.iter().skip(1) {
            let step = &steps[*i];
            lines.push(format!("{}{} {{", "  ".repeat(depth), step.field));
            depth += 1;
            if let Some(c) = &step.condition {
                lines.push(format!("{}... on {c} {{", "  ".repeat(depth)));
                depth += 1;
            }
        }
        lines.push(format!("{}{field}", "  ".repeat(depth)));
        for d in (1..depth).rev() {
            lines.push(format!("{}}}", "  ".repeat(d)));
        }
        let query = format!("{keyword}{{\n{}\n}}", lines.join("\n"));
        let from = &self.sgs[state.sg];
        let mut reasons = vec![format!("  - cannot find field \"{coordinate}\".")];
        let mut involved = vec![from.name.clone()];
        for (i, sg) in self.sgs.iter().enumerate() {
            if i == state.sg
                || sg.field(&state.ty, field).is_none()
                || sg.is_external(&state.ty, field)
            {
                continue;
            }
            involved.push(sg.name.clone());
            let keys = sg.keys(&state.ty);
            let reason = if keys.is_empty() {
                format!(
                    "type \"{}\" has no @key defined in subgraph \"{}\"",
                    state.ty, sg.name
                )
            } else if keys.iter().all(|k| !k.resolvable()) {
                format!(
                    "type \"{}\" has only non-resolvable @key in subgraph \"{}\"",
                    state.ty, sg.name
                )
            } else if sg.requires(&state.ty, field).is_some() {
                format!("cannot satisfy @requires conditions on field \"{coordinate}\"")
            } else {
                format!(
                    "none of the @key defined on type \"{}\" in subgraph \"{}\" can be fulfilled from subgraph \"{}\"",
                    state.ty, sg.name, from.name
                )
            };
            reasons.push(format!("  - cannot move to subgraph \"{}\", which has field \"{coordinate}\", because {reason}.", sg.name));
        }
        Diagnostic::new(
            Code::SATISFIABILITY_ERROR,
            format!(
                "The following supergraph API query:\n{query}\ncannot be satisfied by the subgraphs because:\n- from subgraph \"{}\":\n{}",
                from.name,
                reasons.join("\n")
            ),
        )
        .subgraphs(involved)
        .coordinate(coordinate)
    }
}

/// Top-level field names of a field set (`"id sku variation { id }"` -> id, sku, variation).
fn top_level_fields(field_set: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut depth = 0;
    let mut word = String::new();
    let mut in_args = 0;
    let flush = |word: &mut String, out: &mut BTreeSet<String>, depth: i32, in_args: i32| {
        if depth == 0 && in_args == 0 && !word.is_empty() && word != "..." && word != "on" {
            out.insert(std::mem::take(word));
        }
        word.clear();
    };
    for c in field_set.chars() {
        match c {
            '{' => {
                flush(&mut word, &mut out, depth, in_args);
                depth += 1;
            }
            '}' => {
                flush(&mut word, &mut out, depth, in_args);
                depth -= 1;
            }
            '(' => {
                flush(&mut word, &mut out, depth, in_args);
                in_args += 1;
            }
            ')' => in_args -= 1,
            c if c.is_alphanumeric() || c == '_' => word.push(c),
            _ => flush(&mut word, &mut out, depth, in_args),
        }
    }
    flush(&mut word, &mut out, depth, in_args);
    out
}

#[cfg(test)]
mod tests {
    use super::top_level_fields;

    #[test]
    fn top_level_fields_skip_nested_selections() {
        let f = top_level_fields("id sku variation { id name }");
        assert_eq!(
            f.into_iter().collect::<Vec<_>>(),
            vec!["id", "sku", "variation"]
        );
    }
}
