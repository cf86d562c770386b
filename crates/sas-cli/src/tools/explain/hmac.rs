//! The AppKey signatures, hex(HMAC-SHA256(AppKey, prefix & data)) over the message
//! [`sas_core::crypto::hmac_message`] shows: `PayEventSig` of the virtual callbacks (event &
//! payload), `PaySig` of virtual orders (method & `SignData`) and the virtual refund's
//! `pay_sig` (uri & body).

use sas_core::crypto::{
    AppKey, CryptoError, REQUEST_MIDAS_PAYMENT_GAME_ITEM, REQUEST_VIRTUAL_PAYMENT,
    VIRTUAL_REFUND_URI, hmac_message, pay_event_sig, pay_sig, refund_pay_sig, verify_pay_event_sig,
    verify_pay_sig, verify_refund_pay_sig,
};

use super::tc_signature;
use super::timestamp::Unit;
use super::variants::json_variants;
use super::{Cause, Context, Document, Report, Status};
use crate::tools::capture::Captured;

/// One of sas-core's AppKey signatures: check and produce.
#[derive(Clone, Copy)]
enum Kind {
    Event,
    Order,
    Refund,
}

impl Kind {
    fn verify(
        self,
        key: &AppKey,
        prefix: &str,
        data: &[u8],
        signature: &str,
    ) -> Result<(), CryptoError> {
        let text = String::from_utf8_lossy(data);
        match self {
            Self::Event => verify_pay_event_sig(key, prefix, &text, signature),
            Self::Order => verify_pay_sig(key, prefix, &text, signature),
            Self::Refund => verify_refund_pay_sig(key, prefix, data, signature),
        }
    }

    fn sign(self, key: &AppKey, prefix: &str, data: &[u8]) -> String {
        let text = String::from_utf8_lossy(data);
        match self {
            Self::Event => pay_event_sig(key, prefix, &text),
            Self::Order => pay_sig(key, prefix, &text),
            Self::Refund => refund_pay_sig(key, prefix, data),
        }
    }
}

/// What was received.
struct Signed<'a> {
    kind: Kind,
    /// The member or parameter carrying the signature.
    field: &'a str,
    signature: &'a str,
    prefix: &'a str,
    /// The member carrying the signed data (`Payload`, `SignData`, `body`).
    data_name: &'a str,
    data: &'a [u8],
    /// Other prefixes the sender may have used.
    other_prefixes: Vec<String>,
}

/// Explains the `PayEventSig` / `payEventSig` of a virtual payment or refund callback.
pub(crate) fn explain_event(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    let Some(body) = read_body(report, captured) else { return };
    let member = |name: &str| -> Option<(String, String)> {
        body.iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(key, value)| value.as_str().map(|v| (key.clone(), v.to_owned())))
    };
    let (Some((_, event)), Some((payload_name, payload)), Some((sig_name, signature))) = (
        need(report, member("Event"), "Event"),
        need(report, member("Payload"), "Payload"),
        need(report, member("PayEventSig"), "PayEventSig"),
    ) else {
        return;
    };
    let other_prefixes = member("EventType").map(|(_, v)| v).into_iter().collect();
    let signed = Signed {
        kind: Kind::Event,
        field: &sig_name,
        signature: &signature,
        prefix: &event,
        data_name: &payload_name,
        data: payload.as_bytes(),
        other_prefixes,
    };
    let verified = check(report, context, &signed);
    if context.keys.secret_key.is_some()
        && let Some(timestamp) = tc_signature::one_header(report, captured, &["TC-Timestamp"])
    {
        let aes = ["TC-Signature", "X-TC-Signature"]
            .into_iter()
            .find_map(|name| captured.header(name).map(|v| (name, v)));
        match aes {
            Some((name, value)) => {
                tc_signature::check(report, context, timestamp, name, value, Unit::Seconds);
            }
            None => report.fail(Cause::MissingHeader { name: "TC-Signature".to_owned() }),
        }
    }
    if verified {
        let parsed: Option<serde_json::Value> = serde_json::from_str(&payload).ok();
        let mut ids = vec![("event".to_owned(), event.clone())];
        if let Some(serde_json::Value::Object(fields)) = &parsed {
            for (name, value) in fields {
                let wanted = [
                    "OutTradeNo",
                    "TransactionId",
                    "out_trade_no",
                    "out_refund_no",
                    "refund_id",
                    "transaction_id",
                    "refund_status",
                ];
                if wanted.iter().any(|w| w == name)
                    && let Some(value) = value.as_str()
                {
                    ids.push((name.clone(), value.to_owned()));
                }
            }
        }
        let text = parsed
            .and_then(|value| serde_json::to_string_pretty(&value).ok())
            .unwrap_or_else(|| payload.clone());
        report.document = Some(Document { what: format!("{payload_name} (signed)"), text, ids });
    }
}

/// Explains the `PaySig` of a virtual order (3.1, 4.1).
pub(crate) fn explain_pay_sig(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    merchant_header(report, captured);
    let Some(body) = read_body(report, captured) else { return };
    let member = |name: &str| -> Option<String> {
        body.get(name).and_then(|value| value.as_str()).map(str::to_owned)
    };
    let (Some(sign_data), Some(signature)) =
        (need(report, member("SignData"), "SignData"), need(report, member("PaySig"), "PaySig"))
    else {
        return;
    };
    let (prefix, other) = if captured.path().ends_with(REQUEST_MIDAS_PAYMENT_GAME_ITEM) {
        (REQUEST_MIDAS_PAYMENT_GAME_ITEM, REQUEST_VIRTUAL_PAYMENT)
    } else {
        (REQUEST_VIRTUAL_PAYMENT, REQUEST_MIDAS_PAYMENT_GAME_ITEM)
    };
    let signed = Signed {
        kind: Kind::Order,
        field: "PaySig",
        signature: &signature,
        prefix,
        data_name: "SignData",
        data: sign_data.as_bytes(),
        other_prefixes: vec![other.to_owned()],
    };
    check(report, context, &signed);
}

/// Explains the `pay_sig` query parameter of a virtual refund (5.2.1).
pub(crate) fn explain_refund(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    merchant_header(report, captured);
    let query = captured.query();
    let signatures: Vec<&String> =
        query.iter().filter(|(name, _)| name == "pay_sig").map(|(_, v)| v).collect();
    let signature = match signatures.as_slice() {
        [] => {
            report.step("Read the pay_sig query parameter", Status::Failed).text("it is absent");
            report.fail(Cause::MissingField { name: "query parameter pay_sig".to_owned() });
            return;
        }
        [one] => (*one).clone(),
        [first, ..] => {
            report.fail(Cause::RepeatedHeader { name: "query parameter pay_sig".to_owned() });
            (*first).clone()
        }
    };
    let path = captured.path();
    let without_signature: Vec<String> = query
        .iter()
        .filter(|(name, _)| name != "pay_sig")
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let mut other_prefixes = vec![path.to_owned(), captured.canonical_url().to_owned()];
    if !without_signature.is_empty() {
        other_prefixes.push(format!("{path}?{}", without_signature.join("&")));
    }
    let signed = Signed {
        kind: Kind::Refund,
        field: "pay_sig",
        signature: &signature,
        prefix: VIRTUAL_REFUND_URI,
        data_name: "body",
        data: &captured.body,
        other_prefixes,
    };
    check(report, context, &signed);
}

/// Checks one AppKey signature; on a mismatch, finds what was signed instead and with which
/// key. Returns whether it verified.
fn check(report: &mut Report, context: &Context<'_>, signed: &Signed<'_>) -> bool {
    report
        .step("Build the signed message (sas-core): prefix & data", Status::Done)
        .bytes("signed message", hmac_message(signed.prefix, signed.data))
        .text(format!(
            "prefix {:?}, then '&', then {} exactly as sent",
            signed.prefix, signed.data_name
        ));
    let Some(app_key) = &context.keys.app_key else {
        report.missing("AppKey");
        return false;
    };
    let Some(key) = app_key.as_app_key() else {
        report.fail(Cause::Malformed {
            what: "the AppKey given".to_owned(),
            reason: "empty".to_owned(),
        });
        return false;
    };
    match signed.kind.verify(&key, signed.prefix, signed.data, signed.signature) {
        Ok(()) => {
            report
                .step(format!("Check {} with the AppKey", signed.field), Status::Passed)
                .text(format!("{} verifies", signed.field));
            return true;
        }
        Err(CryptoError::InvalidHex { .. }) => {
            report.step(format!("Decode {}", signed.field), Status::Failed).text("it is not hex");
            report.fail(Cause::Malformed {
                what: signed.field.to_owned(),
                reason: "not hex".to_owned(),
            });
            return false;
        }
        Err(error) => {
            report
                .step(format!("Check {} with the AppKey", signed.field), Status::Failed)
                .text(error.to_string());
        }
    }
    let mut tried = Vec::new();
    let mut found = None;
    for variant in json_variants(signed.data) {
        let verifies =
            signed.kind.verify(&key, signed.prefix, &variant.bytes, signed.signature).is_ok();
        tried.push(format!("{} {}: {}", signed.data_name, variant.name, yes_no(verifies)));
        if verifies {
            found = Some(Cause::BodyReserialised {
                what: signed.data_name.to_owned(),
                variant: variant.name.to_owned(),
            });
            break;
        }
    }
    if found.is_none() {
        for prefix in &signed.other_prefixes {
            if prefix == signed.prefix {
                continue;
            }
            let verifies = signed.kind.verify(&key, prefix, signed.data, signed.signature).is_ok();
            tried.push(format!("prefix {prefix:?}: {}", yes_no(verifies)));
            if verifies {
                found = Some(Cause::WrongPrefix {
                    signed: prefix.clone(),
                    expected: signed.prefix.to_owned(),
                });
                break;
            }
        }
    }
    if found.is_none() {
        for other in context.keys.symmetric().filter(|s| s.label != "AppKey") {
            let verifies = other.as_app_key().is_some_and(|other_key| {
                signed.kind.verify(&other_key, signed.prefix, signed.data, signed.signature).is_ok()
            });
            tried.push(format!("the {} instead of the AppKey: {}", other.label, yes_no(verifies)));
            if verifies {
                found = Some(Cause::WrongKey {
                    expected: "the AppKey".to_owned(),
                    signed_with: format!("the {}", other.label),
                });
                break;
            }
        }
    }
    let step = report.step("Look for what was signed instead, and with which key", Status::Done);
    for line in tried {
        step.text(line);
    }
    if let Some(cause) = found {
        report.fail(cause);
    }
    report.step("What a correct signature would have been", Status::Done).text(format!(
        "{} with the AppKey: {}",
        signed.field,
        signed.kind.sign(&key, signed.prefix, signed.data)
    ));
    false
}

fn yes_no(verifies: bool) -> &'static str {
    if verifies { "verifies" } else { "no" }
}

fn read_body(
    report: &mut Report,
    captured: &Captured,
) -> Option<serde_json::Map<String, serde_json::Value>> {
    let body = captured.json_body();
    if body.is_none() {
        report.step("Read the body", Status::Failed).text("it is not a JSON object");
        report.fail(Cause::Malformed {
            what: "the body".to_owned(),
            reason: "not a JSON object".to_owned(),
        });
    }
    body
}

fn need<T>(report: &mut Report, value: Option<T>, name: &str) -> Option<T> {
    if value.is_none() {
        report.step(format!("Read {name}"), Status::Failed).text("it is absent or not a string");
        report.fail(Cause::MissingField { name: name.to_owned() });
    }
    value
}

/// Virtual orders and refunds name their merchant in `TC-MerchantID` (the AppKey is looked up
/// by it).
fn merchant_header(report: &mut Report, captured: &Captured) {
    if captured.header("TC-MerchantID").is_none() {
        report
            .step("Read TC-MerchantID", Status::Failed)
            .text("it is absent: the receiver looks the AppKey up by it");
        report.fail(Cause::MissingHeader { name: "TC-MerchantID".to_owned() });
    }
}
