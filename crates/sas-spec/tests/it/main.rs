//! Integration tests of sas-spec: the committed spec loads, and broken specs are reported.

mod broken;
mod committed;
