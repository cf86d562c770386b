//! The signatures some schemes carry in the JSON body, read before the body is typed: the body
//! as an untyped JSON object, each member found under its wire name or one of its aliases.

use crate::crypto::SignatureKind;
use crate::endpoint::Metadata;
use crate::error::AuthError;

/// The string members `names` of the body object (each under its name or an alias of the
/// entry's metadata). A body that is not a JSON object, a member given twice or under two
/// spellings, or a member that is not a string, is answered as the failed signature `kind`
/// would be: nothing about the body is revealed before its signature holds.
pub(super) fn members<const N: usize>(
    meta: &'static Metadata,
    body: &[u8],
    names: [&str; N],
    kind: SignatureKind,
) -> Result<[Option<String>; N], AuthError> {
    let unreadable = || AuthError::UnreadableSignedBody { kind };
    let object: serde_json::Map<String, serde_json::Value> =
        crate::json::from_slice(body).map_err(|_| unreadable())?;
    let mut found: [Option<String>; N] = std::array::from_fn(|_| None);
    for (slot, name) in found.iter_mut().zip(names) {
        let aliases = meta.body.iter().find(|f| f.name == name).map_or(&[][..], |f| f.aliases);
        let mut values = std::iter::once(name)
            .chain(aliases.iter().copied())
            .filter_map(|spelling| object.get(spelling));
        let Some(value) = values.next() else { continue };
        if values.next().is_some() {
            return Err(unreadable());
        }
        *slot = Some(value.as_str().ok_or_else(unreadable)?.to_owned());
    }
    Ok(found)
}

/// A signature the scheme needs: present and not empty.
pub(super) fn needed(value: Option<String>, name: &'static str) -> Result<String, AuthError> {
    value.filter(|v| !v.is_empty()).ok_or(AuthError::MissingField(name))
}

/// A signed member the scheme needs: present, and checked by the signature even when empty (an
/// empty document that verifies is authenticated, and reported as a document that does not
/// parse, with its bytes).
pub(super) fn signed(value: Option<String>, name: &'static str) -> Result<String, AuthError> {
    value.ok_or(AuthError::MissingField(name))
}
