//! Reads and validates the SAS API spec: the TOML files under `spec/`.
