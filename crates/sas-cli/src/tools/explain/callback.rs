//! Payment and refund callbacks (2.2, 5.1.3): `TC-Callback-Signature`, SHA256withRSA over
//! `TIMESTAMP\nNONCE\nBODY\n` ([`sas_core::crypto::callback_message`]) with the platform key
//! `TC-Callback-Serial` names; `TC-Signature` when the SecretKey is held; then the resource
//! opened with the APIv3 key ([`sas_core::crypto::open_resource`]).

use sas_core::crypto::{SignatureKind, callback_message, open_resource};

use super::rsa_check::{self, Received};
use super::tc_signature;
use super::timestamp::{self, Unit};
use super::{Cause, Context, Document, Report, Status};
use crate::tools::capture::Captured;
use crate::tools::keyring::{KeyRole, RsaKey};

/// Explains a payment or refund callback.
pub(crate) fn explain(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    // The Chinese table's names: `TC-Signature` is the RSA one, `X-TC-Signature` the AES one.
    let chinese = captured.header("TC-Callback-Signature").is_none()
        && captured.header("X-TC-Signature").is_some();
    let (rsa_name, aes_names): (&str, &[&str]) = if chinese {
        ("TC-Signature", &["X-TC-Signature"])
    } else {
        ("TC-Callback-Signature", &["TC-Signature", "X-TC-Signature"])
    };
    let timestamp = tc_signature::one_header(report, captured, &["TC-Timestamp"]);
    let nonce = tc_signature::one_header(report, captured, &["TC-Callback-Nonce", "TC-Nonce"]);
    let serial = tc_signature::one_header(report, captured, &["TC-Callback-Serial", "TC-Serial"]);
    let signature = tc_signature::one_header(report, captured, &[rsa_name]);
    let (Some(timestamp), Some(nonce), Some(serial), Some(signature)) =
        (timestamp, nonce, serial, signature)
    else {
        return;
    };
    report.step("Read the callback signature headers", Status::Done).text(format!(
        "TC-Timestamp {timestamp:?}, nonce {nonce:?}, serial {serial:?}, {rsa_name} of {} \
         characters{}",
        signature.len(),
        if chinese { " (the Chinese table's header names)" } else { "" }
    ));

    let keys = context.keys;
    let platform = |role: &KeyRole| matches!(role, KeyRole::Platform | KeyRole::Given);
    if keys.rsa_keys(platform).next().is_none() {
        report.missing("platform public key");
    } else {
        let chosen = keys.find_rsa(serial, platform);
        let known: Vec<String> = keys.rsa_keys(platform).map(|key| key.id.clone()).collect();
        match chosen {
            Some(key) => {
                report
                    .step("Choose the key by TC-Callback-Serial", Status::Passed)
                    .text(format!("the serial names {}", key.describe()));
            }
            None => {
                report
                    .step("Choose the key by TC-Callback-Serial", Status::Failed)
                    .text(format!("{serial:?} names no platform key; known: {known:?}"));
                report.fail(Cause::SerialMismatch {
                    field: "TC-Callback-Serial".to_owned(),
                    serial: serial.to_owned(),
                    known,
                });
            }
        }
        let build =
            |_: &str, timestamp: &str, body: &[u8]| callback_message(timestamp, nonce, body);
        let others: Vec<&RsaKey> = keys.rsa.iter().collect();
        let received = Received {
            kind: SignatureKind::CallbackSignature,
            field: rsa_name,
            signature,
            timestamp_field: "TC-Timestamp",
            timestamp,
            url: None,
            host: None,
            body: &captured.body,
        };
        let verified = rsa_check::check(report, &received, &build, chosen, &others);
        timestamp::check(report, "TC-Timestamp", timestamp, Unit::Seconds, context);
        if verified {
            open(report, captured, context);
        }
    }
    if keys.secret_key.is_some() {
        let aes = aes_names.iter().find_map(|name| captured.header(name).map(|v| (*name, v)));
        match aes {
            Some((name, value)) => {
                tc_signature::check(report, context, timestamp, name, value, Unit::Seconds);
            }
            None => {
                report.step("Read TC-Signature", Status::Failed).text("it is absent");
                report.fail(Cause::MissingHeader { name: "TC-Signature".to_owned() });
            }
        }
    }
}

/// Opens the resource with the APIv3 key.
fn open(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    let Some(body) = captured.json_body() else {
        report.step("Read the body", Status::Failed).text("it is not a JSON object");
        report.fail(Cause::Malformed {
            what: "the body".to_owned(),
            reason: "not a JSON object".to_owned(),
        });
        return;
    };
    let resource = body
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("resource"))
        .and_then(|(_, value)| value.as_object());
    let Some(resource) = resource else {
        report.step("Read the resource", Status::Failed).text("the body has no resource object");
        report.fail(Cause::MissingField { name: "resource".to_owned() });
        return;
    };
    let text = |name: &str| resource.get(name).and_then(|v| v.as_str()).unwrap_or_default();
    let Some(api_v3_key) = &context.keys.api_v3_key else {
        report.missing("APIv3 key");
        return;
    };
    let Some(key) = api_v3_key.as_api_v3_key() else {
        report.fail(Cause::Malformed {
            what: "the APIv3 key given".to_owned(),
            reason: format!("{} bytes, not 32", api_v3_key.len()),
        });
        return;
    };
    match open_resource(&key, text("nonce"), text("associated_data"), text("ciphertext")) {
        Ok(plaintext) => {
            let original_type = text("original_type").to_owned();
            report
                .step("Open the resource with the APIv3 key (AEAD_AES_256_GCM)", Status::Passed)
                .text(format!("{} bytes of {original_type}", plaintext.len()));
            let mut ids = Vec::new();
            for name in ["id", "event_type"] {
                if let Some(serde_json::Value::String(value)) = body.get(name) {
                    ids.push((name.to_owned(), value.clone()));
                }
            }
            let document: Option<serde_json::Value> = serde_json::from_slice(&plaintext).ok();
            if let Some(serde_json::Value::Object(fields)) = &document {
                for name in [
                    "out_trade_no",
                    "transaction_id",
                    "out_refund_no",
                    "refund_id",
                    "trade_state",
                    "refund_status",
                ] {
                    if let Some(value) = fields.get(name).and_then(|v| v.as_str()) {
                        ids.push((name.to_owned(), value.to_owned()));
                    }
                }
            }
            let text = document
                .and_then(|value| serde_json::to_string_pretty(&value).ok())
                .unwrap_or_else(|| String::from_utf8_lossy(&plaintext).into_owned());
            report.document = Some(Document {
                what: format!("resource ({original_type}), decrypted"),
                text,
                ids,
            });
        }
        Err(error) => {
            report
                .step("Open the resource with the APIv3 key", Status::Failed)
                .text(error.to_string());
            report.fail(Cause::WrongApiV3Key { reason: error.to_string() });
        }
    }
}
