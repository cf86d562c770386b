//! Loopback tests of sas-hyper: client ↔ server, callback delivery ↔ receiver, TLS, limits.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod client;
mod delivery;
mod examples;
mod failures;
mod faults;
mod receiver;
mod server;
mod support;
mod tls;
mod tracing_fields;
