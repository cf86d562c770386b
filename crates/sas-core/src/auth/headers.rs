//! The headers the auth schemes read: each exactly once, under one of its spellings.

use http::HeaderMap;

use crate::error::AuthError;

/// `TC-Timestamp`.
pub(super) const TC_TIMESTAMP: &str = "TC-Timestamp";
/// `TC-Signature`.
pub(super) const TC_SIGNATURE: &str = "TC-Signature";
/// The Chinese table's spelling of the AES `TC-Signature` on callbacks.
pub(super) const X_TC_SIGNATURE: &str = "X-TC-Signature";
/// `Authorization`.
pub(super) const AUTHORIZATION: &str = "Authorization";
/// `TC-MerchantID`: the merchant a request names, read by every scheme that looks keys up by
/// merchant.
pub(super) const MERCHANT_ID: &str = "TC-MerchantID";
/// `TC-Callback-Serial`, `TC-Serial` in the Chinese table.
pub(super) const CALLBACK_SERIAL: [&str; 2] = ["TC-Callback-Serial", "TC-Serial"];
/// `TC-Callback-Nonce`, `TC-Nonce` in the Chinese table.
pub(super) const CALLBACK_NONCE: [&str; 2] = ["TC-Callback-Nonce", "TC-Nonce"];
/// `TC-Callback-Signature`.
pub(super) const CALLBACK_SIGNATURE: &str = "TC-Callback-Signature";

/// The value of the header spelled any of `names` (names compare case-insensitively), if
/// present: refused when it comes more than once, under one spelling or several, so no check
/// reads one copy while another part of the stack reads the other.
pub(super) fn optional<'h>(
    headers: &'h HeaderMap,
    names: &[&'static str],
) -> Result<Option<&'h str>, AuthError> {
    let name = names.first().copied().unwrap_or_default();
    let mut values = names.iter().flat_map(|candidate| headers.get_all(*candidate));
    let Some(value) = values.next() else { return Ok(None) };
    if values.next().is_some() {
        return Err(AuthError::RepeatedHeader(name));
    }
    std::str::from_utf8(value.as_bytes()).map(Some).map_err(|_| AuthError::BadHeader(name))
}

/// As [`optional`], for a header the scheme cannot do without.
pub(super) fn required<'h>(
    headers: &'h HeaderMap,
    names: &[&'static str],
) -> Result<&'h str, AuthError> {
    let name = names.first().copied().unwrap_or_default();
    optional(headers, names)?.ok_or(AuthError::MissingHeader(name))
}

/// Refuses any of `groups` (each a header's spellings) that comes more than once.
pub(super) fn refuse_repeats(
    headers: &HeaderMap,
    groups: &[&[&'static str]],
) -> Result<(), AuthError> {
    for names in groups {
        optional(headers, names)?;
    }
    Ok(())
}
