//! Turns a loaded spec into the Rust code of `sas_core::api`.
