//! The headers the auth schemes read: each exactly once, under one of its spellings.

use http::header::{AUTHORIZATION as AUTHORIZATION_NAME, CONTENT_TYPE, GetAll};
use http::{HeaderMap, HeaderName, HeaderValue};

use crate::error::AuthError;

/// The prepared `HeaderName` of each header name this crate writes or reads, by the spelling
/// it uses (the spec's, or the auth schemes'): looked up without parsing the name again.
macro_rules! prepared_names {
    ($($spelling:literal => $name:expr,)*) => {
        /// The prepared `HeaderName` of `spelling`, when it is one this crate knows; `None`
        /// for another name, which is parsed as usual.
        pub(crate) fn prepared(spelling: &str) -> Option<HeaderName> {
            match spelling {
                $($spelling => {
                    const NAME: HeaderName = $name;
                    Some(NAME)
                })*
                _ => None,
            }
        }

        /// Every spelling [`prepared`] knows.
        #[cfg(test)]
        const SPELLINGS: &[&str] = &[$($spelling),*];
    };
}

prepared_names! {
    "TC-Timestamp" => HeaderName::from_static("tc-timestamp"),
    "TC-Signature" => HeaderName::from_static("tc-signature"),
    "content-type" => CONTENT_TYPE,
    "Content-Type" => CONTENT_TYPE,
    "TC-OpenId" => HeaderName::from_static("tc-openid"),
    "TC-MiniAppID" => HeaderName::from_static("tc-miniappid"),
    "TC-MerchantID" => HeaderName::from_static("tc-merchantid"),
    "TC-MerchantId" => HeaderName::from_static("tc-merchantid"),
    "Authorization" => AUTHORIZATION_NAME,
    "X-TC-Signature" => HeaderName::from_static("x-tc-signature"),
    "TC-ApplicationID" => HeaderName::from_static("tc-applicationid"),
    "X-TC-ApplicationId" => HeaderName::from_static("x-tc-applicationid"),
    "TC-Callback-Nonce" => HeaderName::from_static("tc-callback-nonce"),
    "TC-Nonce" => HeaderName::from_static("tc-nonce"),
    "TC-Callback-Serial" => HeaderName::from_static("tc-callback-serial"),
    "TC-Serial" => HeaderName::from_static("tc-serial"),
    "TC-Callback-Signature" => HeaderName::from_static("tc-callback-signature"),
    "TC-Callback-OutRefundNo" => HeaderName::from_static("tc-callback-outrefundno"),
    "TC-Callback-OutTradeNo" => HeaderName::from_static("tc-callback-outtradeno"),
    "TC-Payment-Callback" => HeaderName::from_static("tc-payment-callback"),
    "TC-Platform-UserID" => HeaderName::from_static("tc-platform-userid"),
    "TC-Platform-UserId" => HeaderName::from_static("tc-platform-userid"),
    "TC-TradeType" => HeaderName::from_static("tc-tradetype"),
    "TC-UserID" => HeaderName::from_static("tc-userid"),
}

/// Every value of the header spelled `name` (compared case-insensitively): through its
/// prepared `HeaderName` when it has one.
pub(crate) fn get_all<'h>(headers: &'h HeaderMap, name: &str) -> GetAll<'h, HeaderValue> {
    match prepared(name) {
        Some(prepared) => headers.get_all(prepared),
        None => headers.get_all(name),
    }
}

/// The first value of the header spelled `name`, as [`get_all`] finds it.
pub(crate) fn get<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h HeaderValue> {
    match prepared(name) {
        Some(prepared) => headers.get(prepared),
        None => headers.get(name),
    }
}

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
    let (name, aliases) = names.split_first().map_or(("", &[][..]), |(n, a)| (*n, a));
    let Some(value) = only_value(headers, name, aliases)? else { return Ok(None) };
    std::str::from_utf8(value.as_bytes()).map(Some).map_err(|_| AuthError::BadHeader(name))
}

/// The value of the header spelled `name` or any of `aliases`, if present; refused
/// ([`AuthError::RepeatedHeader`], naming `name`) when it comes more than once, under one
/// spelling or several. A header without aliases (most) is looked up once, without chaining
/// iterators.
pub(crate) fn only_value<'h>(
    headers: &'h HeaderMap,
    name: &'static str,
    aliases: &[&'static str],
) -> Result<Option<&'h HeaderValue>, AuthError> {
    let repeated = || AuthError::RepeatedHeader(name);
    if aliases.is_empty() {
        let mut values = get_all(headers, name).into_iter();
        let value = values.next();
        return if values.next().is_some() { Err(repeated()) } else { Ok(value) };
    }
    let names = std::iter::once(name).chain(aliases.iter().copied());
    let mut values = names.flat_map(|candidate| get_all(headers, candidate));
    let value = values.next();
    if values.next().is_some() { Err(repeated()) } else { Ok(value) }
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

#[cfg(test)]
mod tests {
    use http::HeaderName;

    use super::{SPELLINGS, prepared};

    #[test]
    fn each_prepared_name_is_its_spelling_parsed() {
        for spelling in SPELLINGS {
            let parsed = HeaderName::from_bytes(spelling.as_bytes()).unwrap();
            assert_eq!(prepared(spelling), Some(parsed), "{spelling}");
        }
        assert_eq!(prepared("TC-Unknown"), None);
        // Every header name of the spec, and each of its aliases, has one.
        for entry in crate::api::ENTRIES {
            for field in entry.headers {
                for spelling in std::iter::once(&field.name).chain(field.aliases) {
                    assert!(prepared(spelling).is_some(), "{spelling} of {}", entry.section);
                }
            }
        }
        assert_eq!(prepared("tc-timestamp"), None);
    }

    #[test]
    fn the_auth_spellings_are_prepared() {
        for spelling in [super::TC_TIMESTAMP, super::TC_SIGNATURE, super::X_TC_SIGNATURE]
            .into_iter()
            .chain([super::AUTHORIZATION, super::MERCHANT_ID, super::CALLBACK_SIGNATURE])
            .chain(super::CALLBACK_SERIAL)
            .chain(super::CALLBACK_NONCE)
        {
            assert!(prepared(spelling).is_some(), "{spelling}");
        }
    }
}
