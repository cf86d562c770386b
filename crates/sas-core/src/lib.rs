//! Sans-IO core of the SAS SDK: signatures, ciphers, and the typed requests, responses and
//! callbacks of Tencent Cloud Super App as a Service, over the `http` crate's types.

extern crate self as sas_core;

pub mod api;
pub mod auth;
pub mod business;
pub mod callback;
pub mod crypto;
pub mod endpoint;
pub mod error;
pub mod frontend;
pub mod request;
pub mod response;
pub mod types;
pub mod validate;
mod wire;

#[doc(hidden)]
pub mod __private;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
