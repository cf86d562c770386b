//! Sans-IO core of the SAS SDK: signatures, ciphers, and the typed requests, responses and
//! callbacks of Tencent Cloud Super App as a Service, over the `http` crate's types.
//!
//! No I/O, no clock, no randomness: time and nonces are arguments, and bytes move through
//! whatever HTTP stack you choose.
//!
//! | Module | What it holds |
//! |---|---|
//! | [`api`] | the types generated from the spec: every endpoint, callback and front-end parameter set, with its `METADATA` |
//! | [`request`] | typed request or callback → signed `http::Request<Vec<u8>>`, and a received one → typed message once its auth holds |
//! | [`response`] | the `returnCode`/`data`/`requestId` envelope, both ways |
//! | [`callback`] | sealing and opening AEAD resources, reading signed virtual payloads |
//! | [`frontend`] | signed `wx.requestPayment` / `wx.requestVirtualPayment` parameters, and their checks |
//! | [`business`] | after decryption: does the payment or refund match the order the merchant expects? |
//! | [`auth`] | one type per auth scheme ([`auth::AuthScheme`]): what it signs with and checks against, per scheme or as a key ring ([`auth::Signing`], [`auth::Verifying`]) |
//! | [`crypto`] | every signature and cipher as a pure function |
//! | [`time`] | [`time::UnixTime`], the `now` every check takes (sas-core has no clock) |
//! | [`validate`] | the spec's constraints, checked with field paths |
//! | [`types`], [`endpoint`], [`error`] | wire helper types, the traits generated code implements, the errors |
//!
//! # With your own HTTP stack
//!
//! Build and sign with [`request::OutgoingRequest::try_into_http_request`], send the
//! `http::Request<Vec<u8>>` with any client, and read the answer with
//! [`response::IncomingResponse::try_from_http_response`]. On the serving side, turn what your
//! server received into an `http::Request` and call
//! [`request::IncomingRequest::try_from_http_request`], then answer with
//! [`response::OutgoingResponse::try_into_http_response`] or [`response::error_response`].
//!
//! ```
//! use sas_core::api::user::check_user;
//! use sas_core::auth::tc_signature;
//! use sas_core::crypto::SecretKey;
//! use sas_core::time::UnixTime;
//! use sas_core::request::{IncomingRequest, OutgoingRequest};
//! use sas_core::response::{IncomingResponse, OutgoingResponse};
//!
//! let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
//! let now = UnixTime::from_millis(1_735_293_931_220); // your clock
//! let request = check_user::Request::new("openid-of-user-42", "mpvc3tdaldpq7zpu", "user-42");
//! let http_request = request.try_into_http_request(
//!     "https://superapp.example",
//!     &tc_signature::Signing::new(now, &secret),
//! )?;
//!
//! // … your HTTP client carries `http_request`; the superapp's server receives it:
//! let received = check_user::Request::try_from_http_request(
//!     &http_request,
//!     &tc_signature::Verifying::new(now, &secret),
//! )?;
//! let exists = received.message.user_id == "user-42";
//! let http_response = check_user::Response::new(exists).try_into_http_response("req-1")?;
//!
//! // … and the client reads the answer.
//! let answer = check_user::Response::try_from_http_response(&http_response)?;
//! assert!(answer.response.data);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `examples/custom_client.rs` runs this over a loopback socket with `ureq` as the client and a
//! `std::net` server; the README's "Using sas-core with your own HTTP stack" walks through it.

#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate self as sas_core;

pub mod api;
pub mod auth;
pub mod business;
pub mod callback;
pub mod crypto;
pub mod endpoint;
pub mod error;
pub mod frontend;
mod json;
pub mod request;
pub mod response;
pub mod time;
pub mod types;
pub mod validate;
mod wire;

#[doc(hidden)]
pub mod __private;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
