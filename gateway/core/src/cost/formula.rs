//! An operation's estimated cost as a formula of its variables: computed once per cached
//! operation, evaluated per request. Every part that no variable decides is folded into a
//! constant while compiling, so an operation whose slicing arguments are literals is one
//! number.

use apollo_compiler::Name;
use serde_json::{Map, Value};

/// `constant + Σ factor × size × inner`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Formula {
    pub(crate) constant: f64,
    pub(crate) scaled: Vec<Scaled>,
}

/// A part of the cost multiplied by a list size that variables decide.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scaled {
    pub(crate) factor: f64,
    pub(crate) size: SliceSize,
    pub(crate) inner: Formula,
}

/// Where one slicing argument's value comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    /// A literal, or the argument's default in the schema (`None`: null).
    Known(Option<f64>),
    /// A variable, with the argument's default when the variable is null or missing.
    Variable(Name, Option<f64>),
}

/// A list size read from slicing arguments, some of them variables.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SliceSize {
    /// The field, `Type.field`, for the error message.
    pub(crate) coordinate: String,
    pub(crate) sources: Vec<Source>,
    /// `assumedSize`, else the configured list size.
    pub(crate) fallback: f64,
    pub(crate) require_one: bool,
}

/// A field that requires exactly one slicing argument and got another number of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlicingProblem {
    pub coordinate: String,
    pub found: usize,
}

impl std::fmt::Display for SlicingProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` requires exactly one of its slicing arguments (`@listSize(requireOneSlicingArgument: true)`), and the operation gives {}",
            self.coordinate, self.found
        )
    }
}

impl SliceSize {
    /// The size: the largest slicing argument given, else the fallback. A count other than
    /// one under `require_one` is reported, and the size computed all the same.
    pub(crate) fn evaluate(
        &self,
        variables: &Map<String, Value>,
        problem: &mut Option<SlicingProblem>,
    ) -> f64 {
        let values: Vec<f64> = self
            .sources
            .iter()
            .filter_map(|source| match source {
                Source::Known(value) => *value,
                Source::Variable(name, default) => variables
                    .get(name.as_str())
                    .and_then(Value::as_f64)
                    .map(|n| n.max(0.0))
                    .or(*default),
            })
            .collect();
        if self.require_one && values.len() != 1 && problem.is_none() {
            *problem = Some(SlicingProblem {
                coordinate: self.coordinate.clone(),
                found: values.len(),
            });
        }
        values.into_iter().reduce(f64::max).unwrap_or(self.fallback)
    }

    /// The size when no variable decides it.
    pub(crate) fn known(&self) -> bool {
        self.sources
            .iter()
            .all(|source| matches!(source, Source::Known(_)))
    }
}

impl Formula {
    /// The bytes the formula holds on the heap (the cost cache's weight).
    pub(crate) fn heap_bytes(&self) -> u64 {
        let parts: u64 = self
            .scaled
            .iter()
            .map(|scaled| {
                let size = &scaled.size;
                let names: usize = size
                    .sources
                    .iter()
                    .map(|source| match source {
                        Source::Variable(name, _) => name.len(),
                        Source::Known(_) => 0,
                    })
                    .sum();
                (size.coordinate.capacity() + size.sources.capacity() * size_of::<Source>() + names)
                    as u64
                    + scaled.inner.heap_bytes()
            })
            .sum();
        (self.scaled.capacity() * size_of::<Scaled>()) as u64 + parts
    }

    pub(crate) fn constant(value: f64) -> Self {
        Self {
            constant: value,
            scaled: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, other: Formula) {
        self.constant += other.constant;
        self.scaled.extend(other.scaled);
    }

    /// `self × factor`.
    pub(crate) fn times(mut self, factor: f64) -> Self {
        self.constant *= factor;
        for scaled in &mut self.scaled {
            scaled.factor *= factor;
        }
        self
    }

    /// `inner × size`, folded when no variable decides the size.
    pub(crate) fn scaled(
        inner: Formula,
        size: SliceSize,
        problem: &mut Option<SlicingProblem>,
    ) -> Self {
        if size.known() {
            let value = size.evaluate(&Map::new(), problem);
            return inner.times(value);
        }
        Self {
            constant: 0.0,
            scaled: vec![Scaled {
                factor: 1.0,
                size,
                inner,
            }],
        }
    }

    /// Whether the cost is the same whatever the variables.
    pub fn is_constant(&self) -> bool {
        self.scaled.is_empty()
    }

    /// The cost for these variables, and the first slicing-argument problem met.
    pub fn evaluate(&self, variables: &Map<String, Value>) -> (f64, Option<SlicingProblem>) {
        let mut problem = None;
        let cost = self.evaluate_into(variables, &mut problem);
        (cost, problem)
    }

    fn evaluate_into(
        &self,
        variables: &Map<String, Value>,
        problem: &mut Option<SlicingProblem>,
    ) -> f64 {
        self.scaled.iter().fold(self.constant, |total, scaled| {
            let size = scaled.size.evaluate(variables, problem);
            total + scaled.factor * size * scaled.inner.evaluate_into(variables, problem)
        })
    }
}
