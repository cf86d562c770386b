//! Integration tests of sas-spec: the committed spec loads, and broken specs are reported.

#![allow(clippy::unwrap_used)]

mod broken;
mod committed;
