//! Apollo Federation v2 composition.
