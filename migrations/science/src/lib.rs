//! Database migrations of the science subgraph.
