//! The unions subgraph of the Quntuan federated graph.
