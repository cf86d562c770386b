//! The one-pass read: a `serde::Deserializer` around serde_json's that watches each object's
//! member names on their way to the type and stops at the first name given twice. It only says
//! yes or no; [`super::from_slice`] goes back over a text it refuses to say where and why.
//!
//! A text it cannot vouch for in one pass is refused here too, and the two-pass path decides:
//! one holding a `RawValue` (serde_json hands its text over unread) or an object whose member
//! names a type reads as something other than a string (a map keyed by numbers).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// serde_json's name for the newtype a `RawValue` is read through.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// Why a text is handed to the two-pass path.
const TWO_PASS: &str = "read in two passes";

/// Reads `bytes` (no byte order mark) as one JSON text into `T`, or `None` when it does not
/// read or gives a member name twice in one object.
pub(super) fn from_slice<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Option<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(Strict(&mut deserializer)).ok()?;
    deserializer.end().ok()?;
    Some(value)
}

/// Hands `$then!` the `deserialize_*` methods that do not read a string or an identifier, and
/// are not `newtype_struct` or `ignored_any` (each wrapper writes those itself), with the
/// arguments each takes before its visitor.
macro_rules! non_string_methods {
    ($then:ident) => {
        $then! {
            deserialize_bool();
            deserialize_i8();
            deserialize_i16();
            deserialize_i32();
            deserialize_i64();
            deserialize_i128();
            deserialize_u8();
            deserialize_u16();
            deserialize_u32();
            deserialize_u64();
            deserialize_u128();
            deserialize_f32();
            deserialize_f64();
            deserialize_char();
            deserialize_bytes();
            deserialize_byte_buf();
            deserialize_option();
            deserialize_unit();
            deserialize_unit_struct(name: &'static str);
            deserialize_seq();
            deserialize_tuple(len: usize);
            deserialize_tuple_struct(name: &'static str, len: usize);
            deserialize_map();
            deserialize_struct(name: &'static str, fields: &'static [&'static str]);
            deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        }
    };
}

/// A deserializer whose objects are watched for repeated member names.
struct Strict<D>(D);

/// Forwards `deserialize_*` methods to the inner deserializer with the visitor watched.
macro_rules! forward_watched {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* Watch(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_watched! {
        deserialize_any();
        deserialize_str();
        deserialize_string();
        deserialize_identifier();
    }
    non_string_methods!(forward_watched);

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if name == RAW_VALUE {
            return Err(de::Error::custom(TWO_PASS));
        }
        self.0.deserialize_newtype_struct(name, Watch(visitor))
    }

    /// A member the type ignores is still walked: its objects must not repeat a name either.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(Watch(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// Forwards `visit_*` methods of plain values to the inner visitor (`$this.0`).
macro_rules! forward_values {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            self.0.$method(value)
        }
    )*};
}

/// A visitor whose objects, arrays, options and enums are read through [`Strict`].
struct Watch<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Watch<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_values! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_f32(f32);
        visit_f64(f64);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Strict(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Elements(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Members { map, seen: Seen::default() })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Variant(data))
    }
}

/// A seed whose value is read through [`Strict`].
struct Seed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

/// An array's elements, each read through [`Strict`].
struct Elements<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Elements<A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.0.next_element_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// An object's members: each name is kept and checked against those before it, each value is
/// read through [`Strict`].
struct Members<'de, A> {
    map: A,
    seen: Seen<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut name = None;
        let key = self.map.next_key_seed(Name { seed, name: &mut name })?;
        if key.is_some() {
            let name = name.ok_or_else(|| de::Error::custom(TWO_PASS))?;
            if !self.seen.insert(name) {
                return Err(de::Error::custom("a member name given twice"));
            }
        }
        Ok(key)
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(Seed(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// The member names of one object so far: the first [`Seen::FEW`] kept in place (no
/// allocation for a common object), the rest in a set (an object of thousands of members stays
/// linear-logarithmic). A bit per name, by a cheap hash of its length and ends, spares the search
/// for a name whose bit is still clear.
struct Seen<'de> {
    marks: u64,
    len: usize,
    few: [Option<Cow<'de, str>>; Seen::FEW],
    many: BTreeSet<Cow<'de, str>>,
}

impl Default for Seen<'_> {
    fn default() -> Self {
        Seen { marks: 0, len: 0, few: [const { None }; Seen::FEW], many: BTreeSet::new() }
    }
}

impl<'de> Seen<'de> {
    const FEW: usize = 16;

    /// Adds `name`; `false` when it was there already.
    fn insert(&mut self, name: Cow<'de, str>) -> bool {
        let mark = Self::mark(&name);
        if self.marks & mark != 0
            && (self.few.iter().flatten().any(|seen| *seen == name) || self.many.contains(&name))
        {
            return false;
        }
        self.marks |= mark;
        match self.few.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(name);
                self.len += 1;
            }
            None => {
                self.many.insert(name);
            }
        }
        true
    }

    /// One of 64 bits, from the name's length and first and last bytes.
    fn mark(name: &str) -> u64 {
        let bytes = name.as_bytes();
        let ends = u64::from(bytes.first().copied().unwrap_or(0)) << 8
            | u64::from(bytes.last().copied().unwrap_or(0)) << 16;
        let key = (bytes.len() as u64) ^ ends;
        1 << (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
    }
}

/// A member name's seed: the type's own seed, with the name written to `name` on its way.
struct Name<'n, 'de, K> {
    seed: K,
    name: &'n mut Option<Cow<'de, str>>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for Name<'_, 'de, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.seed.deserialize(NameReader { inner: deserializer, name: self.name })
    }
}

/// The deserializer a member name is read from. A type that reads a name as a string (a
/// field, a `String` key, an ignored member) has it written down; any other reading is left
/// to the two-pass path.
struct NameReader<'n, 'de, D> {
    inner: D,
    name: &'n mut Option<Cow<'de, str>>,
}

/// Forwards `deserialize_*` methods that read a name as a string, writing it down.
macro_rules! forward_named {
    ($($method:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.inner.$method(Written { visitor, name: self.name })
        }
    )*};
}

/// `deserialize_*` methods that read a name as something other than a string: refused.
macro_rules! two_pass {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $(_: $ty,)* _: V) -> Result<V::Value, D::Error> {
            Err(de::Error::custom(TWO_PASS))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for NameReader<'_, 'de, D> {
    type Error = D::Error;

    forward_named! {
        deserialize_any;
        deserialize_str;
        deserialize_string;
        deserialize_identifier;
        deserialize_ignored_any;
    }

    two_pass! {
        deserialize_newtype_struct(name: &'static str);
    }
    non_string_methods!(two_pass);

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A visitor of a member name that writes the name down before passing it on. A name seen as
/// anything but a string is not written, and the member is left to the two-pass path.
struct Written<'n, 'de, V> {
    visitor: V,
    name: &'n mut Option<Cow<'de, str>>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Written<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<V::Value, E> {
        *self.name = Some(Cow::Borrowed(name));
        self.visitor.visit_borrowed_str(name)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(name.to_owned()));
        self.visitor.visit_str(name)
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<V::Value, E> {
        *self.name = Some(Cow::Owned(name.clone()));
        self.visitor.visit_string(name)
    }
}

/// An enum's variant, whose content is read through [`Strict`].
struct Variant<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Variant<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(seed)?;
        Ok((value, Variant(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(Seed(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Watch(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, Watch(visitor))
    }
}
