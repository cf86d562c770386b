//! Reads and validates the SAS API spec: the TOML files under `spec/` (grammar:
//! `spec/README.md`).
//!
//! [`load`] reads `sas.toml` and every `api/<group>/<entry>.toml`, checks every rule of the
//! grammar, and returns the [`Spec`] or every problem at once, each with its file:line:col.
//! With the `codegen` feature, [`codegen::expand`] turns a spec into the Rust code that
//! `sas-derive` emits inside `sas_core::api`.
//!
//! ```
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec");
//! let spec = sas_spec::load(&dir).expect("the committed spec is valid");
//! let check_user = spec.entry_by_section("1.1").expect("1.1 is in the spec");
//! assert_eq!(check_user.path.as_deref(), Some("/user/checkUser"));
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]

mod diagnostic;
mod load;
pub mod model;
pub mod naming;
mod reader;
mod validate;

#[cfg(feature = "codegen")]
pub mod codegen;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use load::{load, load_as, parse_type_str};
pub use model::{
    AuthScheme, Caller, Charset, Entry, EntryKind, Envelope, Erratum, ErratumKind, Field, Format,
    Group, Loc, Method, Note, ObjectType, Part, Request, Response, ServedBy, Service, Source, Spec,
    TypeExpr, Unit,
};
pub use validate::{FRONTEND_AUTH_SCHEMES, HTTP_AUTH_SCHEMES, path_params};
