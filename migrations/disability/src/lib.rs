//! Database migrations of the disability subgraph.
