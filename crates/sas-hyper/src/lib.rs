//! Hyper transport for the SAS SDK, over sas-core's sans-IO conversions:
//!
//! | Module | Who uses it | What it does |
//! |---|---|---|
//! | [`Client`] | merchants (payment APIs), SAS-side callers and tests | signs every attempt afresh, retries only where safe, typed answers |
//! | [`server`] | superapp backends | one trait method per endpoint; routing, auth, limits, envelopes, TLS, graceful shutdown |
//! | [`delivery`] | superapp backends | an outbox of callbacks and a dispatcher that retries on PROTOCOL.md §4's schedule |
//! | [`receiver`] | merchants | one callback URL: verify the raw bytes, decrypt, drop duplicates, call the handler once |
//!
//! Time and randomness come from a [`Clock`](time::Clock) and a
//! [`NonceSource`](time::NonceSource), the system's unless you inject others.
//! Nothing here speaks the protocol on its own: signing, verifying, envelopes and ciphers are
//! sas-core's.

#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
pub mod client;
pub mod delivery;
mod error;
mod keys;
pub mod receiver;
pub mod server;
pub mod time;
pub mod tls;

pub use client::{Client, ClientBuilder, RetryPolicy};
pub use error::Error;
pub use keys::{AppKeyStore, MerchantKeyStore, SigningKeys, UnixTime, VerifyingKeys};
pub use sas_core;
