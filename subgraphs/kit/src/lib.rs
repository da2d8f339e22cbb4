//! Shared kit for the Quntuan subgraphs: database, server, auth, pagination, seed helpers.
