//! Database migrations of the youth subgraph.
