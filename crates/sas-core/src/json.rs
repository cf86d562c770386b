//! JSON bodies and documents read by RFC 8259, the one way every message is read: a leading
//! UTF-8 byte order mark and insignificant whitespace are ignored (§8.1, §2), a member name
//! given twice in one object is refused (§4 leaves its meaning to the parser; a signed message
//! must mean one thing), and a type error names the member by its wire path (`amount.total`).

use std::cell::RefCell;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::error::JsonError;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses `bytes` as one JSON text into `T`.
pub(crate) fn from_slice<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, JsonError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    refuse_duplicates(bytes)?;
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        JsonError::new(path, error.into_inner())
    })?;
    deserializer.end().map_err(|error| JsonError::new(String::new(), error))?;
    Ok(value)
}

/// Walks the whole text once, refusing a member name repeated within one object.
fn refuse_duplicates(bytes: &[u8]) -> Result<(), JsonError> {
    let duplicate = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let seed = Unique { path: String::new(), duplicate: &duplicate };
    match seed.deserialize(&mut deserializer).and_then(|()| deserializer.end()) {
        Ok(()) => Ok(()),
        Err(error) => Err(JsonError::new(duplicate.take().unwrap_or_default(), error)),
    }
}

/// Any JSON value at `path`; on a repeated member, its path goes to `duplicate`.
struct Unique<'d> {
    path: String,
    duplicate: &'d RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let path = format!("{}[{index}]", self.path);
            if seq.next_element_seed(Unique { path, duplicate: self.duplicate })?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::BTreeSet::new();
        while let Some(name) = map.next_key::<String>()? {
            let path =
                if self.path.is_empty() { name.clone() } else { format!("{}.{name}", self.path) };
            if seen.contains(&name) {
                *self.duplicate.borrow_mut() = Some(path);
                return Err(de::Error::custom(format_args!("duplicate member {name:?}")));
            }
            map.next_value_seed(Unique { path, duplicate: self.duplicate })?;
            seen.insert(name);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::from_slice;

    #[test]
    fn bom_whitespace_duplicates_and_paths() {
        assert_eq!(from_slice::<Vec<u8>>(b"\xEF\xBB\xBF [1, 2] \n").unwrap(), vec![1, 2]);
        let error = from_slice::<serde_json::Value>(br#"{"a":[{"b":1,"b":2}]}"#).unwrap_err();
        assert_eq!(error.path(), "a[0].b");
        assert!(from_slice::<serde_json::Value>(b"\xEF\xBB\xBF\xEF\xBB\xBF{}").is_err());
        assert!(from_slice::<serde_json::Value>(b"{} {}").is_err());
    }
}
