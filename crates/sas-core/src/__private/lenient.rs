//! Serde helpers for integers (accepted as a JSON number or a numeric string, sent as the spec
//! documents them: a number, or a string for the amounts the vendor types as strings) and for
//! enumerated values (accepted as a string or a number's text).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

struct IntVisitor;

impl Visitor<'_> for IntVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer, as a number or a string of digits")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
        Ok(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
        i64::try_from(value).map_err(|_| E::custom(format!("integer {value} is out of range")))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<i64, E> {
        parse_int(value).ok_or_else(|| E::invalid_value(de::Unexpected::Str(value), &self))
    }
}

/// `-12` and `12`; no spaces, no sign on its own, no `+`, no leading zeros beyond `0` itself.
fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let well_formed = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if well_formed { text.parse().ok() } else { None }
}

struct OptIntVisitor;

impl<'de> Visitor<'de> for OptIntVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("null or an integer, as a number or a string of digits")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(IntVisitor).map(Some)
    }
}

/// An `i64` sent as a number.
pub mod int {
    use super::{Deserializer, IntVisitor, Serializer};

    /// Sends a number.
    pub fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*value)
    }

    /// Accepts a number or a numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(IntVisitor)
    }
}

/// An `Option<i64>` sent as a number.
pub mod opt_int {
    use super::{Deserializer, OptIntVisitor, Serializer};

    /// Sends a number (callers skip `None`).
    pub fn serialize<S: Serializer>(value: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_i64(*value),
            None => serializer.serialize_none(),
        }
    }

    /// Accepts null, a number or a numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        deserializer.deserialize_option(OptIntVisitor)
    }
}

/// An `i64` sent as a string of digits.
pub mod int_string {
    use super::{Deserializer, IntVisitor, Serializer};

    /// Sends a string.
    pub fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    /// Accepts a number or a numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(IntVisitor)
    }
}

/// An `Option<i64>` sent as a string of digits.
pub mod opt_int_string {
    use super::{Deserializer, OptIntVisitor, Serializer};

    /// Sends a string (callers skip `None`).
    pub fn serialize<S: Serializer>(value: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.collect_str(value),
            None => serializer.serialize_none(),
        }
    }

    /// Accepts null, a number or a numeric string.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        deserializer.deserialize_option(OptIntVisitor)
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string (or a number standing for one)")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        Ok(value.to_string())
    }
}

/// The text of an enumerated value: a string, or a number as its decimal text (`1` for `"1"`).
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    deserializer.deserialize_any(TextVisitor)
}

#[cfg(test)]
mod tests {
    use super::parse_int;

    #[test]
    fn numeric_strings_parse_strictly() {
        assert_eq!(parse_int("0"), Some(0));
        assert_eq!(parse_int("100"), Some(100));
        assert_eq!(parse_int("-5"), Some(-5));
        for bad in ["", "-", "+1", "01", " 1", "1.0", "1e3", "9223372036854775808"] {
            assert_eq!(parse_int(bad), None, "{bad:?}");
        }
    }
}
