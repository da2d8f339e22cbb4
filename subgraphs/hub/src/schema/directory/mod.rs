//! The shared directory: interfaces `GrassrootsUnit`, `Activity` and `Award`, each with one
//! implementing entity type per organisation (`@key(fields: "id")`, fields `@shareable` so
//! the organisation subgraph can resolve the same type with its detailed fields).

pub mod activities;
pub mod awards;
pub mod units;

pub use activities::{Activity, ActivityConnection};
pub use awards::{Award, AwardConnection};
pub use units::{GrassrootsUnit, GrassrootsUnitConnection};
