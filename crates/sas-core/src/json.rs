//! JSON bodies and documents read by RFC 8259, the one way every message is read: a leading
//! UTF-8 byte order mark and insignificant whitespace are ignored (§8.1, §2), a member name
//! given twice in one object is refused (§4 leaves its meaning to the parser; a signed message
//! must mean one thing), and a type error names the member by its wire path (`amount.total`).
//!
//! A text is read once ([`strict`]), watching for repeats on the way; only a text that pass
//! refuses is walked again to name the repeat, or parsed again to name the member at fault.

mod strict;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::error::JsonError;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses `bytes` as one JSON text into `T`.
pub(crate) fn from_slice<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, JsonError> {
    if let Some(value) = read_once(bytes) {
        return Ok(value);
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    refuse_duplicates(bytes)?;
    parse(bytes)
}

/// Parses `bytes` as [`from_slice`] does, in one pass, or `None` where [`from_slice`] would
/// fail (and sometimes where it would not: a text with a `RawValue` or a map keyed by numbers).
/// For a caller that has another way to read what this refuses.
pub(crate) fn read_once<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Option<T> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let value = strict::from_slice(bytes)?;
    // The walk below is the reference the one pass must agree with: debug builds (the tests
    // and the fuzz targets' replay) check every text read.
    debug_assert!(refuse_duplicates(bytes).is_ok(), "a repeated member name passed");
    Some(value)
}

/// Parses a JSON text cut from one [`from_slice`] already read (a `RawValue` member of it):
/// its members were checked for repeats with the whole.
pub(crate) fn from_checked_part<'de, T: Deserialize<'de>>(
    bytes: &'de [u8],
) -> Result<T, JsonError> {
    parse(bytes)
}

/// Parses without tracking the path, and again with it only to say where a failure is: the
/// same parser either way, so the answer is the same.
fn parse<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, JsonError> {
    if let Ok(value) = serde_json::from_slice(bytes) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        JsonError::new(path, error.into_inner())
    })?;
    deserializer.end().map_err(|error| JsonError::new(String::new(), error))?;
    Ok(value)
}

/// Walks the whole text once, refusing a member name repeated within one object. Member names
/// are borrowed from the text where it has no escapes, and a path is written out only for the
/// repeat found.
fn refuse_duplicates(bytes: &[u8]) -> Result<(), JsonError> {
    let duplicate = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let seed = Unique { at: &At::Root, duplicate: &duplicate };
    match seed.deserialize(&mut deserializer).and_then(|()| deserializer.end()) {
        Ok(()) => Ok(()),
        Err(error) => Err(JsonError::new(duplicate.take().unwrap_or_default(), error)),
    }
}

/// Where a value is: a chain of members and indices up to the root, written out on demand.
enum At<'a> {
    Root,
    Member(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The wire path, `a[0].b`.
    fn path(&self) -> String {
        let mut path = String::new();
        self.write(&mut path);
        path
    }

    fn write(&self, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            At::Root => {}
            At::Member(parent, name) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            At::Index(parent, index) => {
                parent.write(out);
                let _ = write!(out, "[{index}]");
            }
        }
    }
}

/// Any JSON value at `at`; on a repeated member, its path goes to `duplicate`.
struct Unique<'a, 'd> {
    at: &'a At<'a>,
    duplicate: &'d RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Unique<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_, '_> {
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
            let at = At::Index(self.at, index);
            if seq.next_element_seed(Unique { at: &at, duplicate: self.duplicate })?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = BTreeSet::new();
        while let Some(name) = map.next_key_seed(MemberName)? {
            if seen.contains(&name) {
                *self.duplicate.borrow_mut() = Some(At::Member(self.at, &name).path());
                return Err(de::Error::custom(format_args!("duplicate member {name:?}")));
            }
            let at = At::Member(self.at, &name);
            map.next_value_seed(Unique { at: &at, duplicate: self.duplicate })?;
            seen.insert(name);
        }
        Ok(())
    }
}

/// A member name, borrowed from the text when it holds no escape.
struct MemberName;

impl<'de> DeserializeSeed<'de> for MemberName {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for MemberName {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, name: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(name))
    }

    fn visit_str<E>(self, name: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(name.to_owned()))
    }

    fn visit_string<E>(self, name: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(name))
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

    #[test]
    fn a_repeat_spelled_with_an_escape_is_a_repeat_and_its_path_is_written_out() {
        let error = from_slice::<serde_json::Value>(br#"{"x":{"a":[1,{"b c":1,"b\u0020c":2}]}}"#)
            .unwrap_err();
        assert_eq!(error.path(), "x.a[1].b c");
        let error = from_slice::<serde_json::Value>(br#"[[0],[1,{"k":1,"k":2}]]"#).unwrap_err();
        assert_eq!(error.path(), "[1][1].k");
        // Siblings of the same name in different objects are not repeats.
        assert!(from_slice::<serde_json::Value>(br#"[{"k":1},{"k":2},{"a":{"k":3}}]"#).is_ok());
    }

    /// The one pass agrees with the two-pass reference on every text: one that reads, one
    /// that repeats a name anywhere (a typed field, an ignored member, an array, an escape, an
    /// object past the short list), one that does not read.
    #[test]
    fn the_one_pass_read_agrees_with_the_walk() {
        use super::{parse, refuse_duplicates, strict};

        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Typed {
            a: u8,
            #[serde(default)]
            list: Vec<std::collections::BTreeMap<String, u8>>,
            #[serde(default)]
            kind: Option<Kind>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        enum Kind {
            Unit,
            Pair(u8, u8),
            Named { x: std::collections::BTreeMap<String, u8> },
        }

        // 100 members, then `last`: a repeat of one kept in place or of one in the set.
        let wide = |last: &str| {
            let mut text: String = (0..100).map(|i| format!("\"m{i}\":{i},")).collect();
            text.push_str(&format!("\"{last}\":0"));
            format!("{{\"a\":1,\"extra\":{{{text}}}}}")
        };
        let texts = [
            r#"{"a":1}"#.to_owned(),
            r#"{"a":1,"a":1}"#.to_owned(),
            r#"{"a":1,"extra":{"x":{"y":1,"y":2}}}"#.to_owned(),
            r#"{"a":1,"extra":[{"y":1},{"y":2}]}"#.to_owned(),
            r#"{"a":1,"extra":[{"y":1,"z":[{"q":1,"q":1}]}]}"#.to_owned(),
            r#"{"a":1,"list":[{"k":1},{"k":1,"j":2}]}"#.to_owned(),
            r#"{"a":1,"list":[{"k":1,"k":2}]}"#.to_owned(),
            r#"{"a":1,"list":[{"b c":1,"b\u0020c":2}]}"#.to_owned(),
            r#"{"a":1,"\u0061":2}"#.to_owned(),
            r#"{"a":1,"kind":"Unit"}"#.to_owned(),
            r#"{"a":1,"kind":{"Pair":[1,2]}}"#.to_owned(),
            r#"{"a":1,"kind":{"Named":{"x":{"k":1,"k":2}}}}"#.to_owned(),
            r#"{"a":1,"kind":{"Named":{"x":{"k":1},"x":{}}}}"#.to_owned(),
            r#"{"a":300}"#.to_owned(),
            r#"{"a":1"#.to_owned(),
            r#"{"a":1} x"#.to_owned(),
            "\u{feff}{\"a\":1}".to_owned(),
            wide("last"),
            wide("m7"),
            wide("m70"),
        ];
        for text in &texts {
            let bytes = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
            let walked = refuse_duplicates(bytes).is_ok();
            let value = walked && parse::<serde_json::Value>(bytes).is_ok();
            let typed = walked && parse::<Typed>(bytes).is_ok();
            assert_eq!(strict::from_slice::<serde_json::Value>(bytes).is_some(), value, "{text}");
            assert_eq!(strict::from_slice::<Typed>(bytes).is_some(), typed, "{text}");
            assert_eq!(from_slice::<Typed>(text.as_bytes()).is_ok(), typed, "{text}");
        }
    }

    /// What the one pass cannot vouch for is read by the two passes, with the same answer.
    #[test]
    fn raw_values_and_number_keys_are_left_to_the_two_passes() {
        use super::strict;
        use std::collections::BTreeMap;

        #[derive(serde::Deserialize)]
        struct Raw<'a> {
            #[serde(borrow)]
            data: &'a serde_json::value::RawValue,
        }
        let text = br#"{"data":{"k":1}}"#;
        assert!(strict::from_slice::<Raw<'_>>(text).is_none());
        assert_eq!(from_slice::<Raw<'_>>(text).unwrap().data.get(), r#"{"k":1}"#);
        assert!(from_slice::<Raw<'_>>(br#"{"data":{"k":1,"k":2}}"#).is_err());

        let keyed = br#"{"1":2,"3":4}"#;
        assert!(strict::from_slice::<BTreeMap<u8, u8>>(keyed).is_none());
        assert_eq!(
            from_slice::<BTreeMap<u8, u8>>(keyed).unwrap(),
            BTreeMap::from([(1, 2), (3, 4)])
        );
        assert!(from_slice::<BTreeMap<u8, u8>>(br#"{"1":2,"1":4}"#).is_err());
    }

    #[test]
    fn a_type_error_names_its_path_as_before() {
        #[derive(Debug, serde::Deserialize)]
        struct Inner {
            #[allow(dead_code)]
            total: u64,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Outer {
            #[allow(dead_code)]
            amount: Inner,
        }
        let error = from_slice::<Outer>(br#"{"amount":{"total":"1"}}"#).unwrap_err();
        assert_eq!(error.path(), "amount.total");
        assert!(from_slice::<Outer>(br#"{"amount":{"total":1}}"#).is_ok());
    }
}
