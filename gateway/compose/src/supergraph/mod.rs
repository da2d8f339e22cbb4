//! The supergraph output: the model the merge fills and its printer.

pub(crate) mod model;
pub(crate) mod print;
