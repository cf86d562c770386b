//! The SAS API, generated from `spec/` at build time: one module per group of the vendor's API
//! List, one module per endpoint, callback or front-end parameter set.
//!
//! Each entry module holds:
//! - `METADATA`: what the spec says about it (method, path template, vendor section, auth
//!   scheme, who serves it, its fields), also listed in [`ENTRIES`];
//! - for endpoints and callbacks, `Request` (headers, path and query values and the JSON body
//!   in one flat struct) and `Response` (the `data` of the response envelope); for front-end
//!   sets, `Params`;
//! - the object types the entry uses, with the wire names of the vendor.
//!
//! Every struct is `#[non_exhaustive]`. One with at most three required fields is built with
//! `new(required…)`; one with more is built from its `…Init` struct, whose public fields name
//! every required value (`Request::from(RequestInit { merchant_id: "…", … })`), so two values
//! of one type cannot be swapped. Optional fields start as `None`, fields with a spec default
//! at that default; set them on the struct afterwards.
//! Optional fields are `Option`s, integers are `i64` (accepted as a number or a numeric
//! string), documents carried in a string are [`crate::types::JsonString`], and `Debug`
//! prints `<redacted>` for the fields the spec marks secret. Header values the spec marks
//! `encrypted` (`TC-OpenId`, `TC-MiniAppID`) are held in plaintext: signing encrypts them, a
//! verified request gives them back decrypted.
//!
//! A field whose values the spec enumerates is an enum of its own (`TradeState`, `EventType`,
//! in the module of the struct holding it; shared ones in [`common`]): one variant per value,
//! sent with the vendor's spelling, plus a hidden catch-all holding any other value exactly as
//! received ([`crate::types::UnknownValue`]), so a new vendor value never loses a notification.
//! `as_str`, `Display` and `From<&str>` convert; the spec's default is the enum's `Default`.
//! A server validating a request refuses values outside the spec.
//!
//! ```
//! use sas_core::api::user::check_user;
//!
//! let request = check_user::Request::new("openid-of-user-42", "mpvc3tdaldpq7zpu", "user-42");
//! assert_eq!(check_user::METADATA.path, Some("/user/checkUser"));
//! assert_eq!(serde_json::to_string(&request).unwrap(), r#"{"userId":"user-42"}"#);
//! ```

use crate::endpoint::{EntryKind, Metadata};

sas_derive::api!("../spec");

/// The endpoints of [`ENTRIES`]: what the superapp backend serves, in spec order.
pub fn endpoints() -> impl Iterator<Item = &'static Metadata> {
    of_kind(EntryKind::Endpoint)
}

/// The callbacks of [`ENTRIES`]: what the superapp POSTs to a callback URL, in spec order.
pub fn callbacks() -> impl Iterator<Item = &'static Metadata> {
    of_kind(EntryKind::Callback)
}

/// The front-end parameter sets of [`ENTRIES`] (`wx.requestPayment`, `wx.requestVirtualPayment`).
pub fn frontend_sets() -> impl Iterator<Item = &'static Metadata> {
    of_kind(EntryKind::Frontend)
}

fn of_kind(kind: EntryKind) -> impl Iterator<Item = &'static Metadata> {
    ENTRIES.iter().copied().filter(move |entry| entry.kind == kind)
}
