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
//!
//! # Features
//!
//! All on by default; with `default-features = false`, pick what you serve and send:
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `client` | on | [`Client`] and callback [`delivery`] (hyper's client, hyper-util's pool) |
//! | `server` | on | the superapp [`server`] and the callback [`receiver`] (hyper's server, graceful shutdown) |
//! | `tls` | on | HTTPS with rustls (ring): the client's roots, [`tls::server_config`] and `ServeConfig::tls`; without it the client speaks `http://` only and the server plain TCP (behind a TLS-terminating proxy) |
//! | `http2` | on | HTTP/2 for the client besides HTTP/1.1: offered by ALPN over TLS, and `ClientBuilder::http2_prior_knowledge` (the server always accepts both: hyper-util's auto builder, which graceful shutdown needs, brings HTTP/2) |
//!
//! A merchant that only calls the payment APIs needs `client` and `tls`; a superapp behind a
//! proxy that terminates TLS needs `server` and `client` (to deliver callbacks).

#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(any(feature = "client", feature = "server"))]
mod body;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod delivery;
#[cfg(feature = "client")]
mod error;
mod keys;
#[cfg(feature = "server")]
pub mod receiver;
#[cfg(feature = "server")]
pub mod server;
pub mod time;
#[cfg(feature = "tls")]
pub mod tls;

#[cfg(feature = "client")]
pub use client::{Client, ClientBuilder, RetryPolicy};
#[cfg(feature = "client")]
pub use error::Error;
pub use keys::{AppKeyStore, MerchantKeyStore, SigningKeys, UnixTime, VerifyingKeys};
pub use sas_core;
