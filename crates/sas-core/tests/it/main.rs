//! Integration tests of sas-core.

mod expand;
