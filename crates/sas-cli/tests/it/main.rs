//! Integration tests of the `sas` command: the sandbox driven through sas-hyper's client, the
//! demo, `sas call` and `sas keys generate` as separate processes.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod support;

mod sandbox_orders;
mod sandbox_refunds;
mod sandbox_users;
