//! `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,signature=…,timestamp=…,serial_no=…`
//! (merchant → superapp): the header parsed by sas-core, the key looked up by `mchid` and
//! `serial_no`, the message `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n` built by
//! [`sas_core::crypto::authorization_message`].

use sas_core::crypto::{Authorization, SignatureKind, authorization_message};

use super::rsa_check::{self, Received};
use super::timestamp::{self, Unit};
use super::{Cause, Context, Report, Status};
use crate::tools::capture::Captured;
use crate::tools::keyring::{KeyRole, RsaKey};

/// Explains the `Authorization` header of `captured`.
pub(crate) fn explain(report: &mut Report, captured: &Captured, context: &Context<'_>) {
    let values = captured.header_values("Authorization");
    let Some(value) = values.first() else {
        report.step("Read the Authorization header", Status::Failed).text("it is absent");
        report.fail(Cause::MissingHeader { name: "Authorization".to_owned() });
        return;
    };
    if values.len() > 1 {
        report.step("Read the Authorization header", Status::Failed).text("it comes twice");
        report.fail(Cause::RepeatedHeader { name: "Authorization".to_owned() });
        return;
    }
    let authorization = match Authorization::parse(value) {
        Ok(authorization) => authorization,
        Err(error) => {
            report.step("Read the Authorization header", Status::Failed).text(error.to_string());
            report.fail(Cause::Malformed {
                what: "the Authorization header".to_owned(),
                reason: error.to_string(),
            });
            return;
        }
    };
    report.step("Read the Authorization header (sas-core)", Status::Done).text(format!(
        "scheme {}, mchid {:?}, serial_no {:?}, timestamp {:?}, nonce_str {:?}, signature of {} \
         characters",
        authorization.scheme(),
        authorization.mchid(),
        authorization.serial_no(),
        authorization.timestamp(),
        authorization.nonce_str(),
        authorization.signature().len()
    ));

    let keys = context.keys;
    let merchant_keys = |role: &KeyRole| {
        matches!(role, KeyRole::Merchant { mchid } if mchid == authorization.mchid())
            || *role == KeyRole::Given
    };
    let known_merchant = keys.merchants.iter().any(|mchid| mchid == authorization.mchid())
        || keys.rsa.iter().any(|key| key.role == KeyRole::Given);
    let chosen = keys.find_rsa(authorization.serial_no(), merchant_keys);
    let known: Vec<String> = keys.rsa_keys(merchant_keys).map(|key| key.id.clone()).collect();
    if keys.rsa.is_empty() {
        report.missing("merchant public key");
        return;
    }
    {
        let status = if chosen.is_some() { Status::Passed } else { Status::Failed };
        let step = report.step("Choose the key by mchid and serial_no", status);
        match chosen {
            Some(key) => step.text(format!("serial_no names {}", key.describe())),
            None => step.text(format!(
                "serial_no {:?} names no key of merchant {:?}; known: {:?}",
                authorization.serial_no(),
                authorization.mchid(),
                known
            )),
        };
    }
    if !known_merchant {
        report.fail(Cause::UnknownMerchant {
            mchid: authorization.mchid().to_owned(),
            known: keys.merchants.clone(),
        });
    } else if chosen.is_none() {
        report.fail(Cause::SerialMismatch {
            field: "serial_no".to_owned(),
            serial: authorization.serial_no().to_owned(),
            known,
        });
    }

    let url = captured.canonical_url();
    let method = captured.method.as_str();
    let nonce = authorization.nonce_str();
    let build = |url: &str, timestamp: &str, body: &[u8]| {
        authorization_message(method, url, timestamp, nonce, body)
    };
    let others: Vec<&RsaKey> = keys.rsa.iter().collect();
    let received = Received {
        kind: SignatureKind::Authorization,
        field: "the Authorization signature",
        signature: authorization.signature(),
        timestamp_field: "timestamp",
        timestamp: authorization.timestamp(),
        url: Some(url),
        host: captured.header("Host"),
        body: &captured.body,
    };
    rsa_check::check(report, &received, &build, chosen, &others);
    timestamp::check(report, "timestamp", authorization.timestamp(), Unit::Seconds, context);
    check_merchant(report, captured, authorization.mchid());
}

/// The merchant the request names (`TC-MerchantID`, query or body `mchid`) must be the signer.
fn check_merchant(report: &mut Report, captured: &Captured, signed: &str) {
    let mut named: Vec<String> =
        captured.header_values("TC-MerchantID").into_iter().map(str::to_owned).collect();
    named.extend(captured.query().into_iter().filter(|(n, _)| n == "mchid").map(|(_, v)| v));
    if let Some(serde_json::Value::String(mchid)) =
        captured.json_body().and_then(|body| body.get("mchid").cloned())
    {
        named.push(mchid);
    }
    if named.is_empty() {
        return;
    }
    match named.iter().find(|name| *name != signed) {
        Some(other) => {
            report
                .step("Check the merchant the request names", Status::Failed)
                .text(format!("Authorization mchid {signed:?}, request names {other:?}"));
            report
                .fail(Cause::MerchantMismatch { signed: signed.to_owned(), named: other.clone() });
        }
        None => {
            report
                .step("Check the merchant the request names", Status::Passed)
                .text(format!("the request names merchant {signed:?}, the signer"));
        }
    }
}
