//! The rules the inputs of front-end parameters follow beyond the spec's own: values that go
//! into a newline-separated signed message are non-empty visible ASCII, so no input can shift
//! a line.

use crate::validate::{StrRules, ValidationError, Validator};

/// Visible ASCII, `!` to `~`: no spaces, no line breaks, no control characters.
const VISIBLE_ASCII: &[(char, char)] = &[('!', '~')];

/// `appId`: one or more visible ASCII characters.
pub(super) const APP_ID: StrRules =
    StrRules { min_len: Some(1), max_len: None, charset: VISIBLE_ASCII, values: &[], format: None };

/// The prepay ID: one or more visible ASCII characters but `=`, so that an ID passed with its
/// `prepay_id=` prefix already on is caught rather than prefixed twice.
pub(super) const PREPAY_ID: StrRules = StrRules {
    min_len: Some(1),
    max_len: None,
    charset: &[('!', '<'), ('>', '~')],
    values: &[],
    format: None,
};

/// `nonceStr`: 1 to 32 visible ASCII characters.
pub(super) const NONCE_STR: StrRules = StrRules {
    min_len: Some(1),
    max_len: Some(32),
    charset: VISIBLE_ASCII,
    values: &[],
    format: None,
};

/// Checks each `(name, value, rules)` and returns every violation.
pub(super) fn check(
    fields: &[(&'static str, &str, &StrRules)],
) -> Result<(), Vec<ValidationError>> {
    let mut validator = Validator::default();
    for (name, value, rules) in fields {
        validator.string(name, value, rules);
    }
    validator.finish()
}
