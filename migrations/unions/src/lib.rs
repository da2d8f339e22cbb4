//! Database migrations of the unions subgraph.
