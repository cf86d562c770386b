//! Checks of the spec's constraints (lengths, character sets, enumerated values, formats,
//! one-of groups), generated for every message and object type, reporting every violation with
//! the path of the field.
//!
//! Messages are validated when they are built into HTTP and when a server parses a request.
//! Responses and callbacks a client receives are not rejected for constraint violations (they
//! are checked by type only): liberal in what we accept, so a notification is never lost to a
//! new enumeration value. Call [`Validate::check`] on them to look anyway.
//!
//! ```
//! use sas_core::api::payment::create_jsapi_order::{Amount, Detail, Payer, Request, RequestInit};
//! use sas_core::validate::{Validate, Violation};
//!
//! let mut request = Request::from(RequestInit {
//!     payment_callback: "https://merchant.example/notify",
//!     merchant_id: "1230000109",
//!     user_id: "user",
//!     platform_user_id: "openid",
//!     application_id: "app",
//!     appid: "wxappid",
//!     description: "A cup of tea",
//!     out_trade_no: "short",
//!     time_expire: "2026-01-02T03:04:05+08:00",
//!     amount: Amount::new(100),
//!     payer: Payer::new("openid"),
//!     detail: Detail::new(vec![]),
//! });
//! request.amount.currency = Some("usd".into());
//! let errors = request.check().unwrap_err();
//! assert_eq!(errors.len(), 2);
//! assert_eq!(errors[0].path, "out_trade_no");
//! assert!(matches!(errors[0].violation, Violation::TooShort { min: 6, len: 5 }));
//! assert_eq!(errors[1].path, "amount.currency");
//! ```

use std::fmt;

/// A string `format` of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// An RFC 3339 date-time with an offset: `2015-05-20T13:29:35+08:00`.
    Rfc3339,
    /// An ISO 4217 currency code: three capital letters.
    Currency,
    /// An absolute `http` or `https` URL.
    Url,
}

/// The rules a string field must follow (generated from the spec).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrRules {
    /// Minimum length in characters.
    pub min_len: Option<u32>,
    /// Maximum length in characters.
    pub max_len: Option<u32>,
    /// Allowed characters, as inclusive ranges; empty allows all.
    pub charset: &'static [(char, char)],
    /// Allowed values; empty allows all.
    pub values: &'static [&'static str],
    /// The string's format.
    pub format: Option<Format>,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Violation {
    /// Fewer characters than the spec allows.
    #[error("has {len} characters, fewer than {min}")]
    TooShort {
        /// The minimum.
        min: u32,
        /// The length found.
        len: usize,
    },
    /// More characters than the spec allows.
    #[error("has {len} characters, more than {max}")]
    TooLong {
        /// The maximum.
        max: u32,
        /// The length found.
        len: usize,
    },
    /// A character outside the allowed set.
    #[error("contains {character:?}, which is not allowed")]
    BadCharacter {
        /// The first offending character.
        character: char,
    },
    /// A value the spec does not enumerate.
    #[error("is not one of {allowed:?}")]
    NotOneOf {
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// Not in the required format.
    #[error("is not {}", format_name(*format))]
    BadFormat {
        /// The format required.
        format: Format,
    },
    /// None of a group of fields of which at least one is required.
    #[error("needs at least one of {fields:?}")]
    NoneOf {
        /// The group.
        fields: &'static [&'static str],
    },
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Rfc3339 => "an RFC 3339 date-time with an offset",
        Format::Currency => "a three-letter ISO 4217 currency code",
        Format::Url => "an absolute http(s) URL",
    }
}

/// One violation, with the path of the field (`amount.currency`, `detail.goods_detail[0].quantity`)
/// in wire names.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{path}` {violation}")]
#[non_exhaustive]
pub struct ValidationError {
    /// The field's path, in wire names.
    pub path: String,
    /// What is wrong.
    pub violation: Violation,
}

/// A message or object type whose fields the spec constrains.
pub trait Validate {
    /// Reports every violation of `self` into `validator`.
    fn validate(&self, validator: &mut Validator);

    /// Every violation, or `Ok` when there is none.
    fn check(&self) -> Result<(), Vec<ValidationError>> {
        let mut validator = Validator::default();
        self.validate(&mut validator);
        validator.finish()
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, validator: &mut Validator) {
        for (index, item) in self.iter().enumerate() {
            validator.path.push(Segment::Index(index));
            item.validate(validator);
            validator.path.pop();
        }
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate(&self, validator: &mut Validator) {
        if let Some(value) = self {
            value.validate(validator);
        }
    }
}

impl<T: Validate> Validate for crate::types::StringOr<T> {
    fn validate(&self, validator: &mut Validator) {
        if let crate::types::StringOr::Object(value) = self {
            value.validate(validator);
        }
    }
}

#[derive(Clone, Debug)]
enum Segment {
    Field(&'static str),
    Index(usize),
}

/// Collects violations while generated `validate` methods walk a message.
#[derive(Debug, Default)]
pub struct Validator {
    path: Vec<Segment>,
    errors: Vec<ValidationError>,
}

impl Validator {
    /// Every violation found, in field order.
    pub fn finish(self) -> Result<(), Vec<ValidationError>> {
        if self.errors.is_empty() { Ok(()) } else { Err(self.errors) }
    }

    fn report(&mut self, name: &'static str, violation: Violation) {
        let mut path = String::new();
        for segment in self.path.iter().chain(std::iter::once(&Segment::Field(name))) {
            match segment {
                Segment::Field(field) if path.is_empty() => path.push_str(field),
                Segment::Field(field) => {
                    path.push('.');
                    path.push_str(field);
                }
                Segment::Index(index) => path.push_str(&format!("[{index}]")),
            }
        }
        self.errors.push(ValidationError { path, violation });
    }

    /// Checks a string field against its rules.
    pub fn string(&mut self, name: &'static str, value: &str, rules: &StrRules) {
        if let Some(violation) = string_violation(value, rules) {
            self.report(name, violation);
        }
    }

    /// Validates a nested object (or list, or optional object) under `name`.
    pub fn nested<T: Validate + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.path.push(Segment::Field(name));
        value.validate(self);
        self.path.pop();
    }

    /// Checks that at least one field of a group is present.
    pub fn one_of(&mut self, fields: &'static [&'static str], present: &[bool]) {
        if !present.iter().any(|&p| p) {
            let name = fields.first().copied().unwrap_or("");
            self.report(name, Violation::NoneOf { fields });
        }
    }
}

/// The first rule `value` breaks, in the order: length, characters, values, format.
fn string_violation(value: &str, rules: &StrRules) -> Option<Violation> {
    let len = value.chars().count();
    if let Some(min) = rules.min_len
        && len < min as usize
    {
        return Some(Violation::TooShort { min, len });
    }
    if let Some(max) = rules.max_len
        && len > max as usize
    {
        return Some(Violation::TooLong { max, len });
    }
    if !rules.charset.is_empty()
        && let Some(character) =
            value.chars().find(|&c| !rules.charset.iter().any(|&(lo, hi)| lo <= c && c <= hi))
    {
        return Some(Violation::BadCharacter { character });
    }
    if !rules.values.is_empty() && !rules.values.contains(&value) {
        return Some(Violation::NotOneOf { allowed: rules.values });
    }
    match rules.format {
        Some(format) if !format_holds(format, value) => Some(Violation::BadFormat { format }),
        _ => None,
    }
}

fn format_holds(format: Format, value: &str) -> bool {
    match format {
        Format::Rfc3339 => is_rfc3339(value),
        Format::Currency => value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()),
        Format::Url => is_absolute_url(value),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with calendar-plausible fields.
pub(crate) fn is_rfc3339(value: &str) -> bool {
    let bytes = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let separators_ok = bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && matches!(bytes.get(10), Some(b'T' | b't'))
        && bytes.get(13) == Some(&b':')
        && bytes.get(16) == Some(&b':');
    let (Some(_), Some(month), Some(day), Some(hour), Some(minute), Some(second)) =
        (digits(0..4), digits(5..7), digits(8..10), digits(11..13), digits(14..16), digits(17..19))
    else {
        return false;
    };
    let fields_ok = separators_ok
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second <= 60;
    let mut rest = value.get(19..).unwrap_or("");
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    let offset_ok = match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
                && (*h1 - b'0') * 10 + (*h2 - b'0') < 24
                && (*m1 - b'0') * 10 + (*m2 - b'0') < 60
        }
        _ => false,
    };
    fields_ok && offset_ok
}

/// `http://` or `https://`, a non-empty host, no spaces or control characters.
fn is_absolute_url(value: &str) -> bool {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(format_name(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::{Format, StrRules, Violation, is_absolute_url, is_rfc3339, string_violation};

    const ORDER_NO: StrRules = StrRules {
        min_len: Some(6),
        max_len: Some(32),
        charset: &[
            ('0', '9'),
            ('A', 'Z'),
            ('a', 'z'),
            ('_', '_'),
            ('|', '|'),
            ('*', '*'),
            ('-', '-'),
        ],
        values: &[],
        format: None,
    };

    #[test]
    fn order_numbers_follow_the_documented_rule() {
        assert_eq!(string_violation("1217752501201407033233368018", &ORDER_NO), None);
        assert_eq!(string_violation("a_-|*9", &ORDER_NO), None);
        assert_eq!(
            string_violation("abcde", &ORDER_NO),
            Some(Violation::TooShort { min: 6, len: 5 })
        );
        let long = "x".repeat(33);
        assert_eq!(
            string_violation(&long, &ORDER_NO),
            Some(Violation::TooLong { max: 32, len: 33 })
        );
        assert_eq!(
            string_violation("order#123", &ORDER_NO),
            Some(Violation::BadCharacter { character: '#' })
        );
        assert_eq!(
            string_violation("订单号码一二三", &ORDER_NO),
            Some(Violation::BadCharacter { character: '订' })
        );
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let rules =
            StrRules { min_len: None, max_len: Some(3), charset: &[], values: &[], format: None };
        assert_eq!(string_violation("深圳腾", &rules), None);
        assert_eq!(
            string_violation("深圳腾大", &rules),
            Some(Violation::TooLong { max: 3, len: 4 })
        );
    }

    #[test]
    fn rfc3339_needs_an_offset_and_plausible_fields() {
        for good in
            ["2015-05-20T13:29:35+08:00", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.123-05:30"]
        {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "2015-05-20 13:29:35+08:00",
            "2015-05-20T13:29:35",
            "2015-13-20T13:29:35+08:00",
            "2015-05-20T24:00:00+08:00",
            "2015-05-20T13:29:35+0800",
            "2015-05-20T13:29:35.+08:00",
            "20150520T132935Z",
            "",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }

    #[test]
    fn currencies_and_urls() {
        let currency = StrRules {
            min_len: None,
            max_len: None,
            charset: &[],
            values: &[],
            format: Some(Format::Currency),
        };
        assert_eq!(string_violation("USD", &currency), None);
        for bad in ["usd", "US", "USDT", "U$D"] {
            assert_eq!(
                string_violation(bad, &currency),
                Some(Violation::BadFormat { format: Format::Currency }),
                "{bad}"
            );
        }
        assert!(is_absolute_url("https://merchant.example/pay/notify?x=1"));
        assert!(is_absolute_url("http://127.0.0.1:8080/cb"));
        for bad in ["merchant.example/notify", "https://", "ftp://x", "https://a b"] {
            assert!(!is_absolute_url(bad), "{bad}");
        }
    }
}
