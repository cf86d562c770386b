//! `TC-Signature` = hex(AES-ECB(SecretKey, PKCS#7(TC-Timestamp))): checked with
//! [`sas_core::crypto::verify_tc_signature`]; a mismatch is explained by decrypting the received
//! signature with the same key (sas-core's [`decrypt_header_value`]: it is the same cipher),
//! which shows the timestamp that was signed, or that another key was used.

use sas_core::crypto::{
    decrypt_header_value, tc_signature, tc_signature_legacy_cbc, verify_tc_signature,
};

use super::timestamp::{self, Unit};
use super::{Cause, Context, Report, Status};
use crate::tools::capture::Captured;

/// Explains the `TC-Timestamp` and `TC-Signature` headers of `captured`; `documented` is the
/// unit the entry documents (milliseconds from SAS, seconds on callbacks).
pub(crate) fn explain(
    report: &mut Report,
    captured: &Captured,
    context: &Context<'_>,
    documented: Unit,
    signature_names: &[&str],
) {
    let Some(timestamp) = one_header(report, captured, &["TC-Timestamp"]) else { return };
    let Some((name, signature)) =
        signature_names.iter().find_map(|name| captured.header(name).map(|value| (*name, value)))
    else {
        let name = signature_names.first().copied().unwrap_or("TC-Signature");
        report.step(format!("Read {name}"), Status::Failed).text("it is absent");
        report.fail(Cause::MissingHeader { name: name.to_owned() });
        return;
    };
    if captured.header_values(name).len() > 1 {
        report.fail(Cause::RepeatedHeader { name: name.to_owned() });
    }
    check(report, context, timestamp, name, signature, documented);
}

/// The one value of a header; a missing or repeated one is recorded.
pub(crate) fn one_header<'c>(
    report: &mut Report,
    captured: &'c Captured,
    names: &[&str],
) -> Option<&'c str> {
    let name = names.first().copied().unwrap_or_default();
    let values: Vec<&str> = names.iter().flat_map(|name| captured.header_values(name)).collect();
    match values.as_slice() {
        [] => {
            report.step(format!("Read {name}"), Status::Failed).text("it is absent");
            report.fail(Cause::MissingHeader { name: name.to_owned() });
            None
        }
        [value] => Some(value),
        [value, ..] => {
            report.fail(Cause::RepeatedHeader { name: name.to_owned() });
            Some(value)
        }
    }
}

/// Checks `signature` (header `name`) over `timestamp`.
pub(crate) fn check(
    report: &mut Report,
    context: &Context<'_>,
    timestamp: &str,
    name: &str,
    signature: &str,
    documented: Unit,
) {
    let Some(secret) = &context.keys.secret_key else {
        report.missing("SecretKey");
        return;
    };
    let Some(key) = secret.as_secret_key() else {
        report
            .step("Load the SecretKey", Status::Failed)
            .text(format!("it is {} bytes; AES needs 16, 24 or 32", secret.len()));
        report.fail(Cause::Malformed {
            what: "the SecretKey given".to_owned(),
            reason: format!("{} bytes, not 16, 24 or 32", secret.len()),
        });
        return;
    };
    report
        .step(format!("Build what {name} encrypts"), Status::Done)
        .bytes("plaintext (the TC-Timestamp value)", timestamp.as_bytes())
        .text(format!("AES-{}-ECB with the SecretKey, PKCS#7, lowercase hex", secret.len() * 8));
    match verify_tc_signature(&key, timestamp, signature) {
        Ok(()) => {
            report
                .step(format!("Check {name} with the SecretKey"), Status::Passed)
                .text(format!("{name} encrypts {timestamp:?}"));
        }
        Err(error) => {
            report
                .step(format!("Check {name} with the SecretKey"), Status::Failed)
                .text(format!("{error} ({} hex characters received)", signature.len()));
            diagnose(report, context, &key, timestamp, signature);
            report
                .step("What a correct signature would have been", Status::Done)
                .text(format!("{name} for {timestamp:?}: {}", tc_signature(&key, timestamp)));
        }
    }
    timestamp::check(report, "TC-Timestamp", timestamp, documented, context);
}

fn diagnose(
    report: &mut Report,
    context: &Context<'_>,
    key: &sas_core::crypto::SecretKey,
    timestamp: &str,
    signature: &str,
) {
    let step = report.step("Look for what was signed, and with which key", Status::Done);
    let whole_blocks = !signature.is_empty()
        && signature.len().is_multiple_of(32)
        && signature.bytes().all(|b| b.is_ascii_hexdigit());
    if !whole_blocks {
        step.text(format!(
            "{} characters: not the hex of whole 16-byte AES blocks, so no key could have made it",
            signature.len()
        ));
        report.fail(Cause::Malformed {
            what: "TC-Signature".to_owned(),
            reason: "it is not hex of whole AES blocks (32 hex digits per block)".to_owned(),
        });
        return;
    }
    if tc_signature_legacy_cbc(key, timestamp).eq_ignore_ascii_case(signature) {
        step.text("the legacy AES-CBC form of this timestamp: matches");
        report.fail(Cause::LegacyCbc);
        return;
    }
    step.text("the legacy AES-CBC form of this timestamp: no");
    match decrypt_header_value(key, signature) {
        Ok(signed) => {
            step.text(format!("decrypted with the SecretKey, it is {signed:?}"));
            let unit_slip = timestamp::is_unit_slip(timestamp, &signed);
            if unit_slip {
                report.fail(Cause::SecondsVsMillis {
                    field: "TC-Timestamp".to_owned(),
                    value: timestamp.to_owned(),
                    detail: format!(
                        "TC-Signature encrypts {signed:?}: the sender signed the time in one \
                         unit and sent it in the other"
                    ),
                    fails: true,
                });
            } else {
                report.fail(Cause::OtherTimestampSigned { sent: timestamp.to_owned(), signed });
            }
        }
        Err(_) => {
            step.text("decrypted with the SecretKey: not a PKCS#7 plaintext (another key)");
            let other = context.keys.symmetric().filter(|s| s.label != "SecretKey").find(|s| {
                s.as_secret_key()
                    .is_some_and(|other| verify_tc_signature(&other, timestamp, signature).is_ok())
            });
            match other {
                Some(other) => report.fail(Cause::WrongKey {
                    expected: "the SecretKey".to_owned(),
                    signed_with: format!("the {}", other.label),
                }),
                None => report.fail(Cause::WrongKey {
                    expected: "the SecretKey".to_owned(),
                    signed_with: "another key, not one of those given".to_owned(),
                }),
            }
        }
    }
}
