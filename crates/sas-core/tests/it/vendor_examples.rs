//! Every JSON example printed in the vendor texts deserialises into the generated types and
//! serialises back with the same fields (the same bytes, where the vendor printed compact JSON).

use std::path::Path;

use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::api::virtual_payment::{create_mini_game_order, create_mini_program_order};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn vendor_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/vendor").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The JSON documents the texts print between single quotes (`'{"offerId":…}'`), in order.
fn quoted_json(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("'{") {
        let after = &rest[start + 1..];
        let Some(end) = after.find("}'") else { break };
        found.push(after[..=end].to_owned());
        rest = &after[end + 1..];
    }
    found
}

/// Parses `raw` as `T` and checks it serialises back to exactly `raw`.
fn round_trips_exactly<T: Serialize + DeserializeOwned>(raw: &str) {
    let parsed: T = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
    assert_eq!(serde_json::to_string(&parsed).unwrap(), raw);
}

/// Parses `value` as `T` and checks it serialises back with the same fields and values.
fn round_trips_fields<T: Serialize + DeserializeOwned>(value: &Value) -> T {
    let parsed: T =
        serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"));
    assert_eq!(&serde_json::to_value(&parsed).unwrap(), value);
    parsed
}

#[test]
fn sign_data_examples_of_the_api_list_round_trip() {
    for text in [vendor_text("api-list.en.txt"), vendor_text("api-list.zh.txt")] {
        let examples = quoted_json(&text);
        assert_eq!(examples.len(), 2, "one SignData example each in 3.1 and 4.1");
        round_trips_exactly::<create_mini_game_order::SignData>(&examples[0]);
        round_trips_exactly::<create_mini_program_order::SignData>(&examples[1]);
    }
}

#[test]
fn sign_data_example_of_the_front_end_table_round_trips() {
    let examples = quoted_json(&vendor_text("frontend-payment.en.txt"));
    assert_eq!(examples.len(), 1, "the signData row prints one example");
    round_trips_exactly::<request_virtual_payment::SignData>(&examples[0]);
}

/// The `wx.requestVirtualPayment({…})` example, with `JSON.stringify` evaluated; `success` and
/// `fail` are the front end's functions, not data.
#[test]
fn request_virtual_payment_example_round_trips() {
    let sign_data = r#"{"offerId":"123","buyQuantity":1,"currencyType":"USD","productId":"testproductId","goodsPrice":10,"outTradeNo":"xxxxxx","attach":"testdata"}"#;
    let example = serde_json::json!({
        "signData": sign_data,
        "paySig": "d0b8bbccbe109b11549bcfd6602b08711f46600965253a949cd6a2b895152f9d",
        "signature": "d0b8bbccbe109b11549bcfd6602b08711f46600965253a949cd6a2b895152f9d",
        "mode": "short_series_goods",
    });
    let params: request_virtual_payment::Params = round_trips_fields(&example);
    assert_eq!(params.sign_data.as_str(), sign_data);
    let document = params.sign_data.parse().expect("signData holds a SignData document");
    assert_eq!(document.buy_quantity, 1);
    assert_eq!(document.goods_price, 10);
    round_trips_exactly::<request_virtual_payment::SignData>(sign_data);
}

/// The `wx.requestPayment({…})` example: every value but `signType` is left empty there.
#[test]
fn request_payment_example_round_trips() {
    let example = serde_json::json!({
        "timeStamp": "",
        "nonceStr": "",
        "package": "",
        "signType": "RSA",
        "paySign": "",
    });
    let params: request_payment::Params = round_trips_fields(&example);
    assert_eq!(params.sign_type, "RSA");
}

#[test]
fn quoted_json_finds_each_document_once() {
    let text = "a '{\"x\":1}' b '{\"y\":{\"z\":2}}' c";
    assert_eq!(quoted_json(text), vec![r#"{"x":1}"#, r#"{"y":{"z":2}}"#]);
}
