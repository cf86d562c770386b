//! The JSON codec: the response envelope written and read (a `queryOrder` order) and a typed
//! request body read and validated (`sendMessage`), against `serde_json` with plain derived
//! structs of the same shape.

use std::error::Error;
use std::hint::black_box;

use sas_core::api::message::send_message;
use sas_core::api::payment::query_order;
use sas_core::response::{IncomingResponse as _, OutgoingResponse as _};
use sas_core::types::JsonString;
use sas_core::validate::Validate as _;
use serde::{Deserialize, Serialize};

use crate::measure::Op;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const ENVELOPE: &str = r#"{"returnCode":"0","returnMessage":"success","data":{"app_id":"mpvc3tdaldpq7zpu","mchid":"1900009191","out_trade_no":"ORDER123456","transaction_id":"4200000000000000001","trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"Payment successful","bank_type":"OTHERS","success_time":"2026-01-16T10:34:56+08:00","payer":{"openid":"o1_user_openid_0000000000"},"amount":{"total":"100","payer_total":"100","currency":"SGD","payer_currency":"SGD"}},"requestId":"req-1"}"#;

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
struct PlainOrder {
    app_id: String,
    mchid: String,
    out_trade_no: String,
    transaction_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trade_type: Option<String>,
    trade_state: String,
    trade_state_desc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bank_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    success_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payer: Option<PlainPayer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<PlainAmount>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
struct PlainPayer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    openid: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
struct PlainAmount {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payer_total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payer_currency: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlainOutEnvelope<'a, T> {
    return_code: &'a str,
    return_message: &'a str,
    data: Option<&'a T>,
    request_id: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlainInEnvelope<T> {
    return_code: String,
    #[serde(default)]
    return_message: Option<String>,
    #[serde(default = "Option::default")]
    data: Option<T>,
    #[serde(default)]
    request_id: Option<String>,
}

fn plain_response(data: Option<&PlainOrder>) -> Option<http::Response<Vec<u8>>> {
    let envelope =
        PlainOutEnvelope { return_code: "0", return_message: "success", data, request_id: "req-1" };
    let body = serde_json::to_vec(&envelope).ok()?;
    http::Response::builder()
        .status(http::StatusCode::OK)
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(body)
        .ok()
}

/// Writing a typed response into the envelope, as an `http::Response`.
pub fn envelope_write() -> Result<Op> {
    let received = http::Response::new(ENVELOPE.as_bytes().to_vec());
    let response = query_order::Response::try_from_http_response(&received)?.response;
    let plain: PlainInEnvelope<PlainOrder> = serde_json::from_str(ENVELOPE)?;
    let plain = plain.data.ok_or("no data")?;
    let ours = response.try_into_http_response("req-1")?;
    if plain_response(Some(&plain)).map(http::Response::into_body).as_deref()
        != Some(ours.body().as_slice())
        || ours.body() != ENVELOPE.as_bytes()
    {
        return Err("the plain envelope is not written as the SDK's".into());
    }
    Ok(Op {
        name: "envelope.write",
        what: "response envelope write vs serde_json",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            black_box(black_box(&response).try_into_http_response("req-1").is_ok());
        }),
        bare: Box::new(move || {
            black_box(plain_response(Some(black_box(&plain))));
        }),
    })
}

/// Reading a received envelope into the typed response (ours reads by RFC 8259: repeated
/// member names refused, errors by wire path).
pub fn envelope_read() -> Result<Op> {
    let received = http::Response::new(ENVELOPE.as_bytes().to_vec());
    let bare = |body: &[u8]| -> Option<PlainOrder> {
        let envelope: PlainInEnvelope<PlainOrder> = serde_json::from_slice(body).ok()?;
        (envelope.return_code == "0").then_some(())?;
        black_box((envelope.return_message, envelope.request_id));
        envelope.data
    };
    let ours = query_order::Response::try_from_http_response(&received)?;
    if bare(received.body()).is_none() || ours.request_id != "req-1" {
        return Err("the envelope does not read".into());
    }
    Ok(Op {
        name: "envelope.read",
        what: "response envelope read vs serde_json",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            let read = query_order::Response::try_from_http_response(black_box(&received));
            black_box(read.is_ok());
        }),
        bare: Box::new(move || {
            black_box(bare(black_box(ENVELOPE.as_bytes())));
        }),
    })
}

const MESSAGE: &str = r#"{"AccountId":"user-42","MessageId":"MSG-2026-0001","Content":"Your order ORDER123456 has shipped","DateTime":1735293931,"TemplateId":"TPL-SHIPPED","MnpId":"mpvc3tdaldpq7zpu","MnpName":"Image Shop","TemplateTitle":"Order shipped","State":"formal","Page":"index?order=ORDER123456","MnpIcon":"https://cdn.example/icon.png"}"#;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct PlainMessage {
    account_id: String,
    message_id: String,
    content: String,
    #[serde(alias = "DataTime")]
    date_time: i64,
    template_id: String,
    mnp_id: String,
    mnp_name: String,
    template_title: String,
    state: String,
    page: String,
    mnp_icon: String,
}

/// Reading a typed request body and checking it against the spec's constraints, as a server
/// does once the request's signature holds.
pub fn request_read() -> Result<Op> {
    let document = JsonString::<send_message::Request>::from_raw(MESSAGE);
    let ours = move || -> Option<send_message::Request> {
        let request = document.parse().ok()?;
        request.check().ok()?;
        Some(request)
    };
    let bare = |body: &[u8]| serde_json::from_slice::<PlainMessage>(body).ok();
    if ours().is_none() || bare(MESSAGE.as_bytes()).is_none() {
        return Err("the request body does not read".into());
    }
    Ok(Op {
        name: "request.read",
        what: "typed request body read + check vs serde_json",
        target: 1.2,
        count_iterations: 200,
        ours: Box::new(move || {
            black_box(ours());
        }),
        bare: Box::new(move || {
            black_box(bare(black_box(MESSAGE.as_bytes())));
        }),
    })
}
