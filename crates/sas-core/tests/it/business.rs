//! Business checks: every kind of mismatch for payments, refunds and virtual payments, reported
//! by wire name with expected and received values; full matches; unset expectations ignored;
//! and the check run on a callback opened end to end.

use sas_core::api::common::{GoodsInfo, GoodsInfoInit, Refund, RefundResult};
use sas_core::api::payment::{create_jsapi_order, payment_notification, query_order};
use sas_core::api::refund::{create_refund, create_virtual_refund};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::auth::Verifying;
use sas_core::business::{
    ExpectedPayment, ExpectedRefund, ExpectedVirtualPayment, FieldMismatch, MismatchError,
};
use sas_core::callback;
use sas_core::endpoint::Example;
use sas_core::types::StringOr;

use super::support::{Keys, NOW, api_v3_key, send};

/// `(field, expected, received)` of every mismatch.
fn fields(error: &MismatchError) -> Vec<(&str, &str, Option<&str>)> {
    error.fields().iter().map(|f| (f.field, f.expected.as_str(), f.received.as_deref())).collect()
}

/// Every reported field is a path that exists in the received document's JSON, so the names
/// are the wire's.
fn assert_wire_paths<T: serde::Serialize>(received: &T, error: &MismatchError) {
    let json = serde_json::to_value(received).unwrap();
    for FieldMismatch { field, .. } in error.fields() {
        let mut node = &json;
        for segment in field.split('.') {
            node = node.get(segment).unwrap_or_else(|| panic!("{field} is not in {json}"));
        }
    }
}

fn transaction() -> payment_notification::Transaction {
    let mut transaction = payment_notification::Transaction::example();
    transaction.mch_id = "1230000109".to_owned();
    transaction.appid = "wxd678efh567hg6787".to_owned();
    transaction.out_trade_no = "1217752501201407033233368018".to_owned();
    transaction.amount.total = 100;
    transaction.amount.currency = "CNY".to_owned();
    transaction
}

fn order() -> query_order::Order {
    let mut order = query_order::Order::example();
    order.mchid = "1230000109".to_owned();
    order.app_id = "wxd678efh567hg6787".to_owned();
    order.out_trade_no = "1217752501201407033233368018".to_owned();
    let mut amount = query_order::OrderAmount::example();
    amount.total = Some(100);
    amount.currency = Some("CNY".to_owned());
    order.amount = Some(amount);
    order
}

fn expected_payment() -> ExpectedPayment {
    ExpectedPayment::new("1217752501201407033233368018", 100)
        .currency("CNY")
        .merchant_id("1230000109")
        .app_id("wxd678efh567hg6787")
}

#[test]
fn a_payment_that_matches_every_expectation_passes() {
    expected_payment().check(&transaction()).unwrap();
    expected_payment().check(&order()).unwrap();
    // Currency codes ignore case.
    ExpectedPayment::new("1217752501201407033233368018", 100)
        .currency("cny")
        .check(&transaction())
        .unwrap();
}

#[test]
fn every_differing_payment_field_is_reported_by_wire_name() {
    let mut transaction = transaction();
    transaction.mch_id = "1230000110".to_owned();
    transaction.appid = "wx-other".to_owned();
    transaction.out_trade_no = "OTHER-ORDER".to_owned();
    transaction.amount.total = 101;
    transaction.amount.currency = "USD".to_owned();
    let error = expected_payment().check(&transaction).unwrap_err();
    assert!(matches!(error, MismatchError::Payment(_)));
    assert_eq!(
        fields(&error),
        [
            ("mch_id", "1230000109", Some("1230000110")),
            ("appid", "wxd678efh567hg6787", Some("wx-other")),
            ("out_trade_no", "1217752501201407033233368018", Some("OTHER-ORDER")),
            ("amount.total", "100", Some("101")),
            ("amount.currency", "CNY", Some("USD")),
        ]
    );
    assert_wire_paths(&transaction, &error);
    assert_eq!(
        error.to_string(),
        "the payment differs from the order placed: mch_id is \"1230000110\", expected \
         \"1230000109\"; appid is \"wx-other\", expected \"wxd678efh567hg6787\"; out_trade_no is \
         \"OTHER-ORDER\", expected \"1217752501201407033233368018\"; amount.total is \"101\", \
         expected \"100\"; amount.currency is \"USD\", expected \"CNY\""
    );

    // The 2.3 order names the same facts `mchid` and `app_id`.
    let mut order = order();
    order.mchid = "1230000110".to_owned();
    order.app_id = "wx-other".to_owned();
    let error = expected_payment().check(&order).unwrap_err();
    assert_eq!(
        fields(&error),
        [
            ("mchid", "1230000109", Some("1230000110")),
            ("app_id", "wxd678efh567hg6787", Some("wx-other")),
        ]
    );
    assert_wire_paths(&order, &error);
}

#[test]
fn a_payment_amount_is_compared_exactly_and_never_skipped() {
    for total in [99, 1, 0, -100, 10_000] {
        let mut transaction = transaction();
        transaction.amount.total = total;
        let error = ExpectedPayment::new("1217752501201407033233368018", 100)
            .check(&transaction)
            .unwrap_err();
        assert_eq!(fields(&error), [("amount.total", "100", Some(total.to_string().as_str()))]);
    }

    // A 2.3 order without an amount cannot prove the amount.
    let mut order = order();
    order.amount = None;
    let error = expected_payment().check(&order).unwrap_err();
    assert_eq!(fields(&error), [("amount.total", "100", None), ("amount.currency", "CNY", None)]);
    assert!(error.to_string().contains("amount.total is absent, expected \"100\""), "{error}");
}

#[test]
fn unset_payment_expectations_are_not_compared() {
    let mut transaction = transaction();
    transaction.mch_id = "someone-else".to_owned();
    transaction.appid = "wx-other".to_owned();
    transaction.amount.currency = "USD".to_owned();
    transaction.payer = StringOr::String("anyone".to_owned());
    ExpectedPayment::new("1217752501201407033233368018", 100).check(&transaction).unwrap();
}

#[test]
fn the_order_request_is_the_payment_expectation() {
    let mut request = create_jsapi_order::Request::example();
    request.merchant_id = "1230000109".to_owned();
    request.appid = "wxd678efh567hg6787".to_owned();
    request.out_trade_no = "1217752501201407033233368018".to_owned();
    request.amount.total = 100;
    request.amount.currency = Some("CNY".to_owned());
    let expected = ExpectedPayment::from(&request);
    assert_eq!(expected, expected_payment());
    expected.check(&transaction()).unwrap();

    // Without a currency in the order, the currency is not compared.
    request.amount.currency = None;
    let mut transaction = transaction();
    transaction.amount.currency = "USD".to_owned();
    ExpectedPayment::from(&request).check(&transaction).unwrap();
}

fn refund_result() -> RefundResult {
    let mut result = RefundResult::example();
    result.mch_id = "1230000109".to_owned();
    result.transaction_id = "4200000000000000001".to_owned();
    result.out_trade_no = "1217752501201407033233368018".to_owned();
    result.out_refund_no = "R123456".to_owned();
    result.amount.total = 100;
    result.amount.refund = 10;
    result.amount.currency = "USD".to_owned();
    result
}

fn refund() -> Refund {
    let mut refund = Refund::example();
    refund.transaction_id = "4200000000000000001".to_owned();
    refund.out_trade_no = "1217752501201407033233368018".to_owned();
    refund.out_refund_no = "R123456".to_owned();
    refund.amount.total = 100;
    refund.amount.refund = 10;
    refund.amount.currency = "USD".to_owned();
    refund
}

fn expected_refund() -> ExpectedRefund {
    ExpectedRefund::new("R123456", 10, 100)
        .out_trade_no("1217752501201407033233368018")
        .transaction_id("4200000000000000001")
        .currency("USD")
        .merchant_id("1230000109")
}

#[test]
fn a_refund_that_matches_every_expectation_passes() {
    expected_refund().check(&refund_result()).unwrap();
    // The 5.1.x responses carry no mch_id: the expectation is not compared there.
    expected_refund().check(&refund()).unwrap();
}

#[test]
fn every_differing_refund_field_is_reported_by_wire_name() {
    let mut result = refund_result();
    result.mch_id = "1230000110".to_owned();
    result.transaction_id = "4200000000000000002".to_owned();
    result.out_trade_no = "OTHER-ORDER".to_owned();
    result.out_refund_no = "R654321".to_owned();
    result.amount.total = 1000;
    result.amount.refund = 100;
    result.amount.currency = "EUR".to_owned();
    let error = expected_refund().check(&result).unwrap_err();
    assert!(matches!(error, MismatchError::Refund(_)));
    assert_eq!(
        fields(&error),
        [
            ("mch_id", "1230000109", Some("1230000110")),
            ("transaction_id", "4200000000000000001", Some("4200000000000000002")),
            ("out_trade_no", "1217752501201407033233368018", Some("OTHER-ORDER")),
            ("out_refund_no", "R123456", Some("R654321")),
            ("amount.total", "100", Some("1000")),
            ("amount.refund", "10", Some("100")),
            ("amount.currency", "USD", Some("EUR")),
        ]
    );
    assert_wire_paths(&result, &error);

    let mut response = refund();
    response.amount.refund = 11;
    let error = expected_refund().check(&response).unwrap_err();
    assert_eq!(fields(&error), [("amount.refund", "10", Some("11"))]);
    assert_wire_paths(&response, &error);
}

#[test]
fn both_refund_amounts_are_always_compared() {
    let mut result = refund_result();
    result.amount.total = 99;
    let error = ExpectedRefund::new("R123456", 10, 100).check(&result).unwrap_err();
    assert_eq!(fields(&error), [("amount.total", "100", Some("99"))]);

    let mut result = refund_result();
    result.amount.refund = 9;
    let error = ExpectedRefund::new("R123456", 10, 100).check(&result).unwrap_err();
    assert_eq!(fields(&error), [("amount.refund", "10", Some("9"))]);
}

#[test]
fn unset_refund_expectations_are_not_compared() {
    let mut result = refund_result();
    result.mch_id = "someone-else".to_owned();
    result.transaction_id = "other".to_owned();
    result.out_trade_no = "other".to_owned();
    result.amount.currency = "EUR".to_owned();
    ExpectedRefund::new("R123456", 10, 100).check(&result).unwrap();
}

#[test]
fn the_refund_requests_are_the_refund_expectations() {
    let mut request = create_refund::Request::example();
    request.out_refund_no = "R123456".to_owned();
    request.out_trade_no = Some("1217752501201407033233368018".to_owned());
    request.transaction_id = None;
    request.amount = sas_core::api::common::RefundRequestAmount::new(10, 100, "USD");
    let expected = ExpectedRefund::from(&request);
    assert_eq!(
        expected,
        ExpectedRefund::new("R123456", 10, 100)
            .out_trade_no("1217752501201407033233368018")
            .currency("USD")
    );
    expected.check(&refund()).unwrap();
    expected.check(&refund_result()).unwrap();

    let mut request = create_virtual_refund::Request::example();
    request.merchant_id = "1230000109".to_owned();
    request.out_refund_no = "R123456".to_owned();
    request.out_trade_no = None;
    request.transaction_id = Some("4200000000000000001".to_owned());
    request.amount = sas_core::api::common::RefundRequestAmount::new(10, 100, "USD");
    let expected = ExpectedRefund::from(&request);
    expected.check(&refund_result()).unwrap();
    let mut result = refund_result();
    result.mch_id = "1230000110".to_owned();
    let error = expected.check(&result).unwrap_err();
    assert_eq!(fields(&error), [("mch_id", "1230000109", Some("1230000110"))]);
}

fn goods_info() -> GoodsInfo {
    GoodsInfo::from(GoodsInfoInit {
        product_id: "testproductId",
        quantity: 2,
        orig_price: 20,
        actual_price: 18,
        attach: "testdata",
        order_source: 10,
    })
}

fn mini_program_payload() -> mini_program_payment_notification::Payload {
    let mut payload = mini_program_payment_notification::Payload::example();
    payload.open_id = "o1".to_owned();
    payload.out_trade_no = "xxxxxx".to_owned();
    payload.goods_info = goods_info();
    payload
}

fn expected_virtual() -> ExpectedVirtualPayment {
    ExpectedVirtualPayment::new("xxxxxx", 18)
        .open_id("o1")
        .product_id("testproductId")
        .quantity(2)
        .orig_price(20)
        .attach("testdata")
        .order_source(10)
}

#[test]
fn a_virtual_payment_that_matches_every_expectation_passes() {
    expected_virtual().check(&mini_program_payload()).unwrap();
    let mut payload = mini_game_payment_notification::Payload::example();
    payload.open_id = "o1".to_owned();
    payload.out_trade_no = "xxxxxx".to_owned();
    payload.goods_info = goods_info();
    expected_virtual().check(&payload).unwrap();
}

#[test]
fn every_differing_virtual_payment_field_is_reported_by_wire_name() {
    let mut payload = mini_program_payload();
    payload.open_id = "o2".to_owned();
    payload.out_trade_no = "yyyyyy".to_owned();
    payload.goods_info = GoodsInfo::from(GoodsInfoInit {
        product_id: "otherProduct",
        quantity: 3,
        orig_price: 30,
        actual_price: 1,
        attach: "other",
        order_source: 1,
    });
    let error = expected_virtual().check(&payload).unwrap_err();
    assert!(matches!(error, MismatchError::VirtualPayment(_)));
    assert_eq!(
        fields(&error),
        [
            ("OpenId", "o1", Some("o2")),
            ("OutTradeNo", "xxxxxx", Some("yyyyyy")),
            ("GoodsInfo.ProductId", "testproductId", Some("otherProduct")),
            ("GoodsInfo.Quantity", "2", Some("3")),
            ("GoodsInfo.OrigPrice", "20", Some("30")),
            ("GoodsInfo.ActualPrice", "18", Some("1")),
            ("GoodsInfo.Attach", "testdata", Some("other")),
            ("GoodsInfo.OrderSource", "10", Some("1")),
        ]
    );
    assert_wire_paths(&payload, &error);

    let mut game = mini_game_payment_notification::Payload::example();
    game.out_trade_no = "xxxxxx".to_owned();
    game.goods_info = goods_info();
    game.goods_info.actual_price = 17;
    let error = ExpectedVirtualPayment::new("xxxxxx", 18).check(&game).unwrap_err();
    assert_eq!(fields(&error), [("GoodsInfo.ActualPrice", "18", Some("17"))]);
    assert_wire_paths(&game, &error);
}

#[test]
fn unset_virtual_payment_expectations_are_not_compared() {
    let mut payload = mini_program_payload();
    payload.open_id = "someone".to_owned();
    payload.goods_info = GoodsInfo::from(GoodsInfoInit {
        product_id: "other",
        quantity: 9,
        orig_price: 99,
        actual_price: 18,
        attach: "x",
        order_source: 1,
    });
    ExpectedVirtualPayment::new("xxxxxx", 18).check(&payload).unwrap();
}

/// The whole merchant path: verify and decrypt a 2.2 callback, then check it.
#[test]
fn an_opened_payment_callback_is_checked_against_the_order() {
    let keys = Keys::load();
    let api_v3_key = api_v3_key();
    let mut notification = payment_notification::Request::example();
    callback::seal(&mut notification, &transaction(), &api_v3_key, "n0nce1234567", "transaction")
        .unwrap();
    let http = send(&keys, &notification);

    let verifying = Verifying::new(NOW).platform_keys(&keys.platform_keys);
    let opened =
        callback::open::<payment_notification::Request, _>(&http, &verifying, &api_v3_key).unwrap();
    expected_payment().check(&opened.resource).unwrap();

    // A genuine callback about another amount: the signature holds, the business check does not.
    let error = ExpectedPayment::new("1217752501201407033233368018", 1000).check(&opened.resource);
    assert_eq!(fields(&error.unwrap_err()), [("amount.total", "1000", Some("100"))]);
}
