//! Proc macro over `sas_spec::codegen`; see `sas_core::api` for its documentation.
