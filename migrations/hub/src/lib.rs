//! Database migrations of the hub subgraph.
