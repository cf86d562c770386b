//! Integration tests of sas-core.

#![allow(clippy::unwrap_used)]

mod expand;
mod registry;
mod vendor_examples;
