//! Integration tests of sas-core.

mod expand;
mod registry;
mod vendor_examples;
