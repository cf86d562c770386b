//! Hyper transport for the SAS SDK: a client, a superapp server and callback delivery.
//!
//! This crate is a placeholder until the transport lands; today it only re-exports `sas_core`.

pub use sas_core;
