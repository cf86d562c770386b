//! The RSA check both RSA schemes share: build the message with sas-core, verify with the key
//! the serial names, and on a mismatch look for what was signed instead (another body
//! serialisation, another URL, the timestamp in the other unit) and with which key.

use sas_core::crypto::{CryptoError, SignatureKind};

use super::timestamp::unit_variants;
use super::variants::{json_variants, url_variants};
use super::{Cause, Report, Status};
use crate::tools::keyring::RsaKey;

/// Builds the signed message from a URL line (ignored by schemes without one), a timestamp
/// and a body.
pub(crate) type Build<'a> = dyn Fn(&str, &str, &[u8]) -> Vec<u8> + 'a;

/// What was received.
pub(crate) struct Received<'a> {
    pub(crate) kind: SignatureKind,
    /// The header carrying the signature.
    pub(crate) field: &'a str,
    pub(crate) signature: &'a str,
    pub(crate) timestamp_field: &'a str,
    pub(crate) timestamp: &'a str,
    /// The URL line, for `Authorization`.
    pub(crate) url: Option<&'a str>,
    pub(crate) host: Option<&'a str>,
    pub(crate) body: &'a [u8],
}

/// Verifies `received` with `chosen` (the key its serial names, if any); on a failure, finds
/// the likely causes among `others`. Returns whether it verified.
pub(crate) fn check(
    report: &mut Report,
    received: &Received<'_>,
    build: &Build<'_>,
    chosen: Option<&RsaKey>,
    others: &[&RsaKey],
) -> bool {
    let url = received.url.unwrap_or("");
    let message = build(url, received.timestamp, received.body);
    report
        .step("Build the signed message (sas-core)", Status::Done)
        .bytes("signed message", message.clone());
    let Some(key) = chosen else {
        find_signer(report, received, &message, None, others);
        return false;
    };
    let verify =
        |message: &[u8]| key.public.verify_base64(message, received.signature, received.kind);
    match verify(&message) {
        Ok(()) => {
            report
                .step(format!("Check {} with {}", received.field, key.describe()), Status::Passed)
                .text(format!("{} verifies over the {} bytes", received.field, message.len()));
            true
        }
        Err(CryptoError::InvalidBase64 { .. }) => {
            report
                .step(format!("Decode {}", received.field), Status::Failed)
                .text("it is not standard Base64 (A–Z a–z 0–9 + /, padded with =)");
            report.fail(Cause::Malformed {
                what: received.field.to_owned(),
                reason: "not standard Base64".to_owned(),
            });
            false
        }
        Err(_) => {
            report
                .step(format!("Check {} with {}", received.field, key.describe()), Status::Failed)
                .text(format!(
                    "{} ({} Base64 characters) does not verify over these {} bytes",
                    received.field,
                    received.signature.len(),
                    message.len()
                ));
            let found = find_variant(report, received, build, &verify);
            if !found {
                find_signer(report, received, &message, Some(key), others);
            }
            if let Some(private) = &key.private
                && let Ok(correct) = private.sign_base64(&message)
            {
                report
                    .step("What a correct signature would have been", Status::Done)
                    .text(format!("{} with {}: {correct}", received.field, key.describe()));
            }
            false
        }
    }
}

/// Tries the other bytes the sender may have signed; records the first that verifies.
fn find_variant(
    report: &mut Report,
    received: &Received<'_>,
    build: &Build<'_>,
    verify: &dyn Fn(&[u8]) -> Result<(), CryptoError>,
) -> bool {
    let url = received.url.unwrap_or("");
    let mut tried = Vec::new();
    let mut found = None;
    for variant in json_variants(received.body) {
        if verify(&build(url, received.timestamp, &variant.bytes)).is_ok() {
            found = Some(Cause::BodyReserialised {
                what: "body".to_owned(),
                variant: variant.name.to_owned(),
            });
            tried.push(format!("the body {}: verifies", variant.name));
            break;
        }
        tried.push(format!("the body {}: no", variant.name));
    }
    if found.is_none()
        && let Some(url) = received.url
    {
        for (variant, what) in url_variants(url, received.host) {
            if verify(&build(&variant, received.timestamp, received.body)).is_ok() {
                tried.push(format!("{what} ({variant:?}): verifies"));
                found = Some(Cause::WrongUrl { signed: variant, received: url.to_owned() });
                break;
            }
            tried.push(format!("{what} ({variant:?}): no"));
        }
    }
    if found.is_none() {
        let variants = unit_variants(received.timestamp);
        let mut matched = false;
        for variant in &variants {
            if verify(&build(url, variant, received.body)).is_ok() {
                matched = true;
                tried.push(format!("the timestamp in the other unit, {variant}: verifies"));
                found = Some(Cause::SecondsVsMillis {
                    field: received.timestamp_field.to_owned(),
                    value: received.timestamp.to_owned(),
                    detail: format!(
                        "the signature covers the timestamp {variant}, the header sends {}: \
                         sign and send the same value, in seconds",
                        received.timestamp
                    ),
                    fails: true,
                });
                break;
            }
        }
        if !matched && !variants.is_empty() {
            tried.push(format!(
                "the timestamp in the other unit ({} values tried): no",
                variants.len()
            ));
        }
    }
    let status = if found.is_some() { Status::Failed } else { Status::Done };
    let step = report.step("Look for the bytes that were signed instead", status);
    for line in tried {
        step.text(line);
    }
    match found {
        Some(cause) => {
            report.fail(cause);
            true
        }
        None => false,
    }
}

/// Tries the other known keys over `message`; records the one that verifies.
fn find_signer(
    report: &mut Report,
    received: &Received<'_>,
    message: &[u8],
    chosen: Option<&RsaKey>,
    others: &[&RsaKey],
) {
    let mut tried = Vec::new();
    let mut signer = None;
    for other in others {
        if chosen.is_some_and(|key| key.public == other.public) {
            continue;
        }
        let verifies =
            other.public.verify_base64(message, received.signature, received.kind).is_ok();
        tried.push(format!("{}: {}", other.describe(), if verifies { "verifies" } else { "no" }));
        if verifies {
            signer = Some(*other);
            break;
        }
    }
    let step = report.step("Try the other keys known", Status::Done);
    if tried.is_empty() {
        step.text("no other key is known");
    }
    for line in tried {
        step.text(line);
    }
    match (signer, chosen) {
        (Some(signer), Some(chosen)) => report
            .fail(Cause::WrongKey { expected: chosen.describe(), signed_with: signer.describe() }),
        (Some(signer), None) => {
            report.step("The signing key", Status::Done).text(format!(
                "the signature verifies with {}: name its serial {:?}",
                signer.describe(),
                signer.id
            ));
        }
        _ => report.failed = true,
    }
}
