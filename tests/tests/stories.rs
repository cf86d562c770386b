//! End-to-end stories across the parties, every hop through `http` types, signed by its sender
//! and verified by its receiver with sas-core alone: a standard payment from order to refund,
//! and a virtual payment from order to delivery.

#![allow(clippy::unwrap_used)]

use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::api::payment::{create_jsapi_order, payment_notification, query_order};
use sas_core::api::refund::{create_refund, refund_notification};
use sas_core::api::virtual_payment::{
    create_mini_program_order, mini_program_payment_notification,
};
use sas_core::auth::{Identity, Signing, Verifying};
use sas_core::business::{ExpectedPayment, ExpectedRefund, ExpectedVirtualPayment};
use sas_core::callback;
use sas_core::endpoint::Example;
use sas_core::frontend::PaymentToSign;
use sas_core::request::{IncomingRequest, OutgoingRequest};
use sas_core::response::{IncomingResponse, OutgoingResponse};
use sas_core::types::JsonString;
use sas_tests::{APPID, CALLBACK_URL, MCHID, NOW, Parties, SUPERAPP_URL};

const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";

/// The superapp's verifier: the merchants' keys and the AppKeys it issued.
fn superapp(parties: &Parties) -> Verifying<'_> {
    Verifying::new(NOW).merchant_keys(&parties.merchant_keys).app_keys(&parties.app_key)
}

/// The merchant's verifier: the platform's certificate and its own AppKey; no SecretKey.
fn merchant(parties: &Parties) -> Verifying<'_> {
    Verifying::new(NOW).platform_keys(&parties.platform_keys).app_keys(&parties.app_key)
}

fn order() -> create_jsapi_order::Request {
    create_jsapi_order::Request::from(create_jsapi_order::RequestInit {
        payment_callback: CALLBACK_URL,
        merchant_id: MCHID,
        user_id: "user-42",
        platform_user_id: "openid-on-sas",
        application_id: "app-zz8btbv1s4",
        appid: APPID,
        description: "Image形象店-深圳腾大-QQ公仔",
        out_trade_no: "1217752501201407033233368018",
        time_expire: "2026-12-01T10:00:00+08:00",
        amount: create_jsapi_order::Amount::new(100),
        payer: create_jsapi_order::Payer::new("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"),
        detail: create_jsapi_order::Detail::new(vec![create_jsapi_order::GoodsDetail::new(
            "SKU-1", 1, 100,
        )]),
    })
}

#[test]
fn a_standard_payment_from_order_to_refund() {
    let parties = Parties::load().unwrap();
    let merchant_signing = Signing::new(NOW).nonce(NONCE).merchant(&parties.merchant);
    let superapp_signing = Signing::new(NOW)
        .nonce(NONCE)
        .secret_key(&parties.secret_key)
        .platform(&parties.platform_key, &parties.platform_serial);

    // 2.1: the merchant places the order; the superapp verifies who sent it and answers.
    let order = order();
    let sent = order.try_into_http_request(SUPERAPP_URL, &merchant_signing).unwrap();
    let received =
        create_jsapi_order::Request::try_from_http_request(&sent, &superapp(&parties)).unwrap();
    assert!(matches!(&received.identity, Identity::Merchant { mchid, .. } if mchid == MCHID));
    assert_eq!(received.message, order);
    let prepay = create_jsapi_order::Prepay::new("wx201410272009395522657a690389285100");
    let answer =
        create_jsapi_order::Response::new(prepay).try_into_http_response("req-2.1").unwrap();
    let prepay_id = create_jsapi_order::Response::try_from_http_response(&answer)
        .unwrap()
        .response
        .data
        .prepay_id;

    // wx.requestPayment: the merchant backend signs the front end's parameters; the superapp's
    // client checks them with the merchant's key.
    let params = request_payment::Params::sign(
        &parties.merchant_key,
        PaymentToSign {
            app_id: APPID,
            prepay_id: &prepay_id,
            time_stamp: NOW,
            nonce_str: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        },
    )
    .unwrap();
    let merchant_keys = &parties.merchant_keys[MCHID];
    let verified = params.verify(merchant_keys, APPID).unwrap();
    assert_eq!(verified.prepay_id, prepay_id);

    // 2.2: the superapp seals the transaction for the merchant and posts it to the order's URL.
    let mut transaction = payment_notification::Transaction::example();
    transaction.mch_id = MCHID.to_owned();
    transaction.appid = APPID.to_owned();
    transaction.out_trade_no = order.out_trade_no.clone();
    transaction.amount.total = 100;
    transaction.amount.currency = "CNY".to_owned();
    let mut notification = payment_notification::Request::example();
    notification.callback_out_trade_no = order.out_trade_no.clone();
    callback::seal(
        &mut notification,
        &transaction,
        &parties.api_v3_key,
        "n0nce1234567",
        "transaction",
    )
    .unwrap();
    let posted = notification
        .try_into_http_request(&received.message.payment_callback, &superapp_signing)
        .unwrap();
    assert_eq!(posted.uri(), CALLBACK_URL);

    // The merchant verifies the platform's signature, decrypts, and checks the business facts.
    let opened = callback::open::<payment_notification::Request, _>(
        &posted,
        &merchant(&parties),
        &parties.api_v3_key,
    )
    .unwrap();
    ExpectedPayment::from(&order).check(&opened.resource).unwrap();
    let mut forged = transaction.clone();
    forged.amount.total = 1;
    let error = ExpectedPayment::from(&order).check(&forged).unwrap_err();
    assert_eq!(error.fields()[0].field, "amount.total");

    // The merchant acknowledges; the superapp reads the acknowledgement.
    let ack = payment_notification::Response::new(true).try_into_http_response("req-2.2").unwrap();
    let ack = payment_notification::Response::try_from_http_response(&ack).unwrap();
    assert!(callback::acknowledges(&serde_json::to_value(ack.response.data).unwrap()));

    // 2.3: the merchant queries the order.
    let query = query_order::Request::new(order.out_trade_no.clone(), MCHID);
    let sent = query.try_into_http_request(SUPERAPP_URL, &merchant_signing).unwrap();
    assert_eq!(
        sent.uri().path_and_query().unwrap(),
        "/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1230000109"
    );
    let received = query_order::Request::try_from_http_request(&sent, &superapp(&parties)).unwrap();
    assert_eq!(received.message, query);

    // 5.1.1 and 5.1.3: a refund, and its result sealed back to the merchant.
    let refund = create_refund::Request::from(create_refund::RequestInit {
        payment_callback: CALLBACK_URL,
        application_id: "app-zz8btbv1s4",
        out_refund_no: "R1217752501201407033233368018",
        amount: create_refund::RefundRequestAmount::new(100, 100, "CNY"),
    });
    let mut refund = refund;
    refund.out_trade_no = Some(order.out_trade_no.clone());
    let sent = refund.try_into_http_request(SUPERAPP_URL, &merchant_signing).unwrap();
    create_refund::Request::try_from_http_request(&sent, &superapp(&parties)).unwrap();
    let mut result = refund_notification::RefundResult::example();
    result.mch_id = MCHID.to_owned();
    result.out_trade_no = order.out_trade_no.clone();
    result.out_refund_no = refund.out_refund_no.clone();
    result.amount.refund = 100;
    result.amount.total = 100;
    result.amount.currency = "CNY".to_owned();
    let mut refunded = refund_notification::Request::example();
    callback::seal(&mut refunded, &result, &parties.api_v3_key, "n0nce7654321", "").unwrap();
    let posted = refunded.try_into_http_request(CALLBACK_URL, &superapp_signing).unwrap();
    let opened = callback::open::<refund_notification::Request, _>(
        &posted,
        &merchant(&parties),
        &parties.api_v3_key,
    )
    .unwrap();
    ExpectedRefund::from(&refund).check(&opened.resource).unwrap();
}

#[test]
fn a_virtual_payment_from_order_to_delivery() {
    let parties = Parties::load().unwrap();
    let developer_signing = Signing::new(NOW).app_key(&parties.app_key);
    let superapp_signing =
        Signing::new(NOW).secret_key(&parties.secret_key).app_key(&parties.app_key);

    // The developer backend signs the front end's wx.requestVirtualPayment parameters.
    let sign_data =
        request_virtual_payment::SignData::from(request_virtual_payment::SignDataInit {
            offer_id: "123",
            buy_quantity: 1,
            currency_type: "USD",
            product_id: "testproductId",
            goods_price: 10,
            out_trade_no: "ORDER-0001",
            attach: "testdata",
        });
    let params =
        request_virtual_payment::Params::sign(&sign_data, &parties.app_key, &parties.session_key)
            .unwrap();
    let checked = params.verify(&parties.app_key, Some(&parties.session_key)).unwrap();
    assert_eq!(checked, sign_data);

    // 4.1: the same signData, exactly as signed, goes to the superapp with its PaySig.
    let mut order = create_mini_program_order::Request::example();
    order.merchant_id = MCHID.to_owned();
    order.sign_data = JsonString::from_raw(params.sign_data.as_str());
    let sent = order.try_into_http_request(SUPERAPP_URL, &developer_signing).unwrap();
    let received =
        create_mini_program_order::Request::try_from_http_request(&sent, &superapp(&parties))
            .unwrap();
    assert_eq!(received.message.pay_sig, params.pay_sig, "PaySig and paySig sign the same string");
    let document = received.message.sign_data.parse().unwrap();
    assert_eq!(document.out_trade_no, "ORDER-0001");

    // 4.2: the superapp reports delivery; the merchant checks the event signature, then reads.
    let mut payload = mini_program_payment_notification::Payload::example();
    payload.out_trade_no = document.out_trade_no.clone();
    payload.goods_info.actual_price = document.goods_price * document.buy_quantity;
    payload.goods_info.product_id = document.product_id.clone();
    let mut delivered = mini_program_payment_notification::Request::example();
    delivered.payload = JsonString::encode(&payload).unwrap();
    let posted = delivered.try_into_http_request(CALLBACK_URL, &superapp_signing).unwrap();
    let opened = callback::read_payload::<mini_program_payment_notification::Request, _>(
        &posted,
        &merchant(&parties),
    )
    .unwrap();
    ExpectedVirtualPayment::new("ORDER-0001", 10)
        .product_id("testproductId")
        .check(&opened.resource)
        .unwrap();
    let error = ExpectedVirtualPayment::new("ORDER-0001", 20).check(&opened.resource).unwrap_err();
    assert_eq!(error.fields().len(), 1);
}
