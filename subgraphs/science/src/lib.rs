//! The science subgraph of the Quntuan federated graph.
