//! Runtime paths for generated code. Not public API: names and signatures change freely.

pub use http;
pub use serde;
pub use serde_json;

pub mod lenient;

use std::fmt;

/// Prints `<redacted>` in place of a secret.
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The catch-all of a generated enumeration: a value the spec does not list.
pub fn unknown(value: &str) -> crate::types::UnknownValue {
    crate::types::UnknownValue(value.into())
}

/// Reads a required header, path or query value.
pub fn required(
    parts: &dyn crate::endpoint::PartSource,
    part: crate::endpoint::WirePart,
    name: &'static str,
    aliases: &[&str],
) -> Result<String, crate::endpoint::MissingPart> {
    parts.get(part, name, aliases).ok_or(crate::endpoint::MissingPart::new(part, name))
}

/// The example of a document carried inside a string: its `Example`, encoded.
pub fn example_document<T>() -> crate::types::JsonString<T>
where
    T: crate::endpoint::Example + serde::Serialize,
{
    // Encoding a generated struct of strings and integers cannot fail; `{}` keeps it total.
    crate::types::JsonString::encode(&T::example())
        .unwrap_or_else(|_| crate::types::JsonString::from_raw("{}"))
}
