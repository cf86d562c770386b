//! Wire types the generated messages use where JSON alone is not enough: documents carried
//! inside a string, values a sender may give in two forms, and enumerated values the spec does
//! not list.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A JSON document carried inside a JSON string (`SignData`, `Payload`, `payload`), kept
/// exactly as sent, because signatures cover the string's bytes, not the document.
///
/// Parse it with [`JsonString::parse`] only after its signature holds.
///
/// ```
/// use sas_core::types::JsonString;
///
/// #[derive(serde::Deserialize)]
/// struct Doc { a: u8 }
///
/// let raw = JsonString::<Doc>::from_raw(r#"{"a": 1}"#);
/// assert_eq!(raw.as_str(), r#"{"a": 1}"#);
/// assert_eq!(raw.parse().unwrap().a, 1);
/// ```
pub struct JsonString<T> {
    raw: String,
    document: PhantomData<fn() -> T>,
}

impl<T> JsonString<T> {
    /// Wraps a string as received or as it will be sent.
    pub fn from_raw(raw: impl Into<String>) -> Self {
        Self { raw: raw.into(), document: PhantomData }
    }

    /// The exact string.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The exact string, owned.
    pub fn into_raw(self) -> String {
        self.raw
    }
}

impl<T: Serialize> JsonString<T> {
    /// Encodes `document` as compact JSON (serde_json's output, field order as declared).
    pub fn encode(document: &T) -> Result<Self, serde_json::Error> {
        serde_json::to_string(document).map(Self::from_raw)
    }
}

impl<T: DeserializeOwned> JsonString<T> {
    /// Parses the document by RFC 8259 (a leading BOM ignored, repeated member names refused).
    /// Verify the signature over [`JsonString::as_str`] first.
    ///
    /// # Errors
    ///
    /// [`JsonError`](crate::error::JsonError), naming the member at fault by its wire path.
    pub fn parse(&self) -> Result<T, crate::error::JsonError> {
        crate::json::from_slice(self.raw.as_bytes())
    }
}

impl<T> Clone for JsonString<T> {
    fn clone(&self) -> Self {
        Self::from_raw(self.raw.clone())
    }
}

impl<T> PartialEq for JsonString<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T> Eq for JsonString<T> {}

impl<T> fmt::Debug for JsonString<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("JsonString").field(&self.raw).finish()
    }
}

impl<T> Serialize for JsonString<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de, T> Deserialize<'de> for JsonString<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::from_raw)
    }
}

/// A value a sender may give as a bare string or as an object (the payer of a transaction):
/// either form is accepted, and the form received is kept, so it serialises back unchanged.
/// A type error inside the object form names its member (`payer.openid`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum StringOr<T> {
    /// The bare string form.
    String(String),
    /// The object form.
    Object(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for StringOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the form the JSON has, so the object form is read in place (an untagged
        /// enum would buffer it and lose the path of an error inside).
        struct Form<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Form<T> {
            type Value = StringOr<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an object")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(StringOr::String(value.to_owned()))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
                Ok(StringOr::String(value))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(StringOr::Object)
            }
        }

        deserializer.deserialize_any(Form(PhantomData))
    }
}

/// A value of an enumerated field that the spec does not list, kept exactly as received: the
/// hidden catch-all of every generated enumeration (`TradeState`, `EventType`, …).
///
/// Only deserialisation (and `From<&str>` on the enumeration) makes one, so a listed value is
/// always its named variant. Read it with the enumeration's `as_str`.
///
/// ```
/// use sas_core::api::payment::query_order::TradeState;
///
/// let state: TradeState = serde_json::from_str(r#""PARTIALLY_REFUNDED""#)?;
/// assert!(!state.is_known());
/// assert_eq!(state.as_str(), "PARTIALLY_REFUNDED");
/// assert_eq!(serde_json::to_string(&state)?, r#""PARTIALLY_REFUNDED""#);
/// assert_eq!(TradeState::from("SUCCESS"), TradeState::Success);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(pub(crate) Box<str>);

impl UnknownValue {
    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
