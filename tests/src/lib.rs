//! End-to-end tests of the whole federated graph through the real gateway.
