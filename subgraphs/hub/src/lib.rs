//! The hub subgraph of the Quntuan federated graph.
