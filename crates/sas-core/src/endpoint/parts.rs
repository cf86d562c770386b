//! The traits generated messages implement, so the sans-IO conversions can take headers, path
//! and query values out of a typed message and put received ones back in.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Metadata;
use crate::validate::Validate;

/// Where a value travels besides the JSON body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WirePart {
    /// An HTTP header (names compare case-insensitively).
    Header,
    /// A `{param}` of the path template.
    Path,
    /// A query parameter.
    Query,
}

/// Received header, path and query values, looked up by wire name.
pub trait PartSource {
    /// The value of `name` (or of the first of `aliases` present) in `part`.
    fn get(&self, part: WirePart, name: &str, aliases: &[&str]) -> Option<String>;
}

/// A required header, path or query value was missing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("missing required {part:?} `{name}`")]
#[non_exhaustive]
pub struct MissingPart {
    /// Where it was expected.
    pub part: WirePart,
    /// Its wire name.
    pub name: &'static str,
}

impl MissingPart {
    /// A missing `name` in `part`.
    pub fn new(part: WirePart, name: &'static str) -> Self {
        Self { part, name }
    }
}

/// A valid value built from the spec: its examples, defaults and first enumerated values, and
/// values that satisfy its constraints elsewhere. For tests, demos and documentation; fields the
/// signer computes are left empty.
pub trait Example {
    /// The example value.
    fn example() -> Self;
}

/// Named access to a message's text fields (strings and documents carried in strings), by wire
/// name: what the signing code reads and fills in.
pub trait TextFields {
    /// The text of the body field (or front-end parameter) `name`, if it has one.
    fn text(&self, name: &str) -> Option<&str>;

    /// Sets the field `name` that the auth scheme computes; `false` if there is none.
    fn set_signature(&mut self, name: &str, value: String) -> bool;
}

/// A request or callback of the spec. Its serde impls cover the JSON body only; header, path
/// and query fields travel through the methods below.
pub trait ApiRequest:
    Serialize + DeserializeOwned + Clone + Validate + Example + TextFields
{
    /// What the spec says about it.
    const METADATA: &'static Metadata;

    /// Its HTTP method (the `method` of [`Self::METADATA`], which the spec requires of every
    /// endpoint and callback).
    const METHOD: &'static http::Method;

    /// The `data` of the response envelope.
    type Response: ApiResponse;

    /// The auth scheme: what signing needs, what checking needs.
    type Auth: crate::auth::AuthScheme;

    /// The header values this message carries, by wire name (auth headers excluded).
    fn header_values(&self) -> Vec<(&'static str, &str)>;

    /// The path parameter values, by wire name.
    fn path_values(&self) -> Vec<(&'static str, &str)>;

    /// The query values, by wire name (auth parameters excluded).
    fn query_values(&self) -> Vec<(&'static str, &str)>;

    /// Fills the header, path and query fields from received values.
    fn read_parts(&mut self, parts: &dyn PartSource) -> Result<(), MissingPart>;
}

/// The `data` of a response envelope of the spec.
pub trait ApiResponse: Serialize + DeserializeOwned + Clone + Validate + Example {}

/// A front-end parameter object of the spec.
pub trait FrontendParams:
    Serialize + DeserializeOwned + Clone + Validate + Example + TextFields
{
    /// What the spec says about it.
    const METADATA: &'static Metadata;
}
