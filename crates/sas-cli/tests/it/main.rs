//! Integration tests of the `sas` command: the sandbox driven through sas-hyper's client, the
//! demo, `sas call` and `sas keys generate` as separate processes; `sas verify` and the
//! explainer, and `sas listen` in-process.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod support;

mod bad_input;
mod browser;
mod call;
mod demo;
mod faults;
mod listen;
mod load;
mod sandbox_data;
mod sandbox_delivery;
mod sandbox_history;
mod sandbox_orders;
mod sandbox_refunds;
mod sandbox_users;
mod sandbox_web;
mod tools;
