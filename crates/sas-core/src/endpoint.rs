//! What every generated entry of [`crate::api`] shares: its [`Metadata`], and the traits the
//! sans-IO conversions use to take a typed message apart and put it back together.

mod metadata;
mod parts;

pub use metadata::{AuthKind, Caller, EntryKind, FieldMeta, Metadata, ServedBy};
pub use parts::{
    ApiRequest, ApiResponse, Example, FrontendParams, MissingPart, PartSource, TextFields, WirePart,
};
