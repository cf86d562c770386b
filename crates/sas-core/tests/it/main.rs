//! Integration tests of sas-core.

#![allow(clippy::unwrap_used)]

mod auth_first;
mod bodies;
mod business;
mod callbacks;
mod crypto_gcm_nonce;
mod crypto_key_ids;
mod crypto_keys;
mod crypto_known_answers;
mod crypto_negative;
mod crypto_pem_shapes;
mod crypto_sharing;
mod crypto_support;
mod crypto_vectors;
mod custom_client;
mod encoded_targets;
mod encrypted_headers;
mod enums;
mod errors;
mod exact_out;
mod expand;
mod frontend;
mod header_grammar;
mod liberal;
mod no_panic;
mod registry;
mod round_trip;
mod support;
mod tamper;
mod vendor_examples;
