//! Integration tests of sas-core.

#![allow(clippy::unwrap_used)]

mod business;
mod callbacks;
mod crypto_keys;
mod crypto_known_answers;
mod crypto_negative;
mod crypto_support;
mod crypto_vectors;
mod custom_client;
mod expand;
mod frontend;
mod liberal;
mod no_panic;
mod registry;
mod round_trip;
mod tamper;
mod vendor_examples;
