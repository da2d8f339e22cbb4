//! The disability subgraph of the Quntuan federated graph.
