//! `paySign` of `wx.requestPayment`: SHA256withRSA with the merchant's API key over
//! `appId\ntimeStamp\nnonceStr\npackage\n` ([`sas_core::crypto::pay_sign_message`]). The body is
//! the parameter object; `appId` is not in it and comes from `--app-id`.

use sas_core::crypto::{PaySignFields, pay_sign, pay_sign_message, verify_pay_sign};

use super::timestamp::{self, Unit};
use super::{Cause, Context, Report, Status};
use crate::tools::capture::Captured;
use crate::tools::keyring::{KeyRole, RsaKey};

/// Explains the `paySign` of a `wx.requestPayment` parameter object.
pub(crate) fn explain(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    let Some(body) = captured.json_body() else {
        report.step("Read the parameter object", Status::Failed).text("it is not a JSON object");
        report.fail(Cause::Malformed {
            what: "the body".to_owned(),
            reason: "not a JSON object".to_owned(),
        });
        return;
    };
    let field = |name: &str| -> Option<String> {
        match body.get(name) {
            Some(serde_json::Value::String(value)) => Some(value.clone()),
            Some(serde_json::Value::Number(value)) => Some(value.to_string()),
            _ => None,
        }
    };
    let mut missing = false;
    let mut read = |name: &str| {
        let value = field(name);
        if value.is_none() {
            missing = true;
            report.fail(Cause::MissingField { name: name.to_owned() });
        }
        value.unwrap_or_default()
    };
    let (time_stamp, nonce_str, package, signature) =
        (read("timeStamp"), read("nonceStr"), read("package"), read("paySign"));
    let Some(app_id) = context.app_id else {
        report
            .step("Read appId", Status::Failed)
            .text("give the mini program's appid with --app-id");
        report.fail(Cause::MissingField { name: "appId (--app-id)".to_owned() });
        return;
    };
    if missing {
        return;
    }
    let fields = |time_stamp: &str| -> Vec<u8> {
        pay_sign_message(&PaySignFields {
            app_id,
            time_stamp,
            nonce_str: &nonce_str,
            package: &package,
        })
    };
    report
        .step("Build the signed message (sas-core)", Status::Done)
        .bytes("signed message", fields(&time_stamp));
    let merchant = |role: &KeyRole| matches!(role, KeyRole::Merchant { .. } | KeyRole::Given);
    let keys: Vec<&RsaKey> = context.keys.rsa_keys(merchant).collect();
    if keys.is_empty() {
        report.missing("merchant public key");
        return;
    }
    let verifies = |key: &RsaKey, time_stamp: &str| {
        let fields = PaySignFields { app_id, time_stamp, nonce_str: &nonce_str, package: &package };
        verify_pay_sign(&key.public, &fields, &signature).is_ok()
    };
    if let Some(key) = keys.iter().find(|key| verifies(key, &time_stamp)) {
        report.step(format!("Check paySign with {}", key.describe()), Status::Passed);
    } else {
        report.step("Check paySign with the merchant keys", Status::Failed).text(format!(
            "paySign ({} characters) verifies with none of {} merchant key(s)",
            signature.len(),
            keys.len()
        ));
        let slip = timestamp::unit_variants(&time_stamp)
            .into_iter()
            .find(|variant| keys.iter().any(|key| verifies(key, variant)));
        let other =
            context.keys.rsa.iter().find(|key| !merchant(&key.role) && verifies(key, &time_stamp));
        if let Some(variant) = slip {
            report.fail(Cause::SecondsVsMillis {
                field: "timeStamp".to_owned(),
                value: time_stamp.clone(),
                detail: format!(
                    "paySign covers {variant}; sign and send the same value, in seconds"
                ),
                fails: true,
            });
        } else if let Some(other) = other {
            report.fail(Cause::WrongKey {
                expected: "the merchant's API key".to_owned(),
                signed_with: other.describe(),
            });
        }
        if let Some(private) = keys.iter().find_map(|key| key.private.as_ref()) {
            let fields = PaySignFields {
                app_id,
                time_stamp: &time_stamp,
                nonce_str: &nonce_str,
                package: &package,
            };
            if let Ok(correct) = pay_sign(private, &fields) {
                report
                    .step("What a correct signature would have been", Status::Done)
                    .text(format!("paySign: {correct}"));
            }
        }
    }
    timestamp::check(report, "timeStamp", &time_stamp, Unit::Seconds, context);
}
