//! Database migrations of the women subgraph.
