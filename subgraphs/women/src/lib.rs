//! The women subgraph of the Quntuan federated graph.
