//! End-to-end tests across the SAS crates live in `tests/`; this library holds shared fixtures.
