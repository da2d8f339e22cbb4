//! Benchmark subgraphs and load tests for the Quntuan gateway.
