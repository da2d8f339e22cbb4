//! The youth subgraph of the Quntuan federated graph.
