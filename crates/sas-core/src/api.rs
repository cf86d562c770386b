//! The SAS API, generated from `spec/` at build time: one module per group of the vendor's API
//! List, one module per endpoint, callback or front-end parameter set.
//!
//! Each entry module holds:
//! - `METADATA`: what the spec says about it (method, path template, vendor section, auth
//!   scheme, who serves it, its fields), also listed in [`ENDPOINTS`];
//! - for endpoints and callbacks, `Request` (headers, path and query values and the JSON body
//!   in one flat struct) and `Response` (the `data` of the response envelope), each with
//!   `new(required…)`; for front-end sets, `Params`;
//! - the object types the entry uses, with the wire names of the vendor.
//!
//! Every struct is `#[non_exhaustive]`: build it with `new` and set optional fields after.
//! Optional fields are `Option`s, integers are `i64` (accepted as a number or a numeric
//! string), documents carried in a string are [`crate::types::JsonString`], and `Debug`
//! prints `<redacted>` for the fields the spec marks secret.
//!
//! ```
//! use sas_core::api::user::check_user;
//!
//! let request = check_user::Request::new("open-id-hex", "mini-app-id-hex", "user-42");
//! assert_eq!(check_user::METADATA.path, Some("/user/checkUser"));
//! assert_eq!(serde_json::to_string(&request).unwrap(), r#"{"userId":"user-42"}"#);
//! ```

sas_derive::api!("../../../spec");
