//! The demo merchant's requests, built from the keys file: what a merchant backend sends to
//! place orders and refunds. The tests build theirs here too.

use sas_core::api::common::RefundRequestAmount;
use sas_core::api::payment::create_jsapi_order::{
    self, Amount, Detail, GoodsDetail, Payer, RequestInit as JsapiInit,
};
use sas_core::api::refund::{create_refund, create_virtual_refund};
use sas_core::api::virtual_payment::{create_mini_game_order, create_mini_program_order};
use sas_core::types::JsonString;

use crate::keyfile::{KeysFile, User};

/// A JSAPI order (2.1) of `total` cents for `user`, expiring at `time_expire` (RFC 3339), its
/// result to `callback`.
pub fn jsapi_order(
    keys: &KeysFile,
    user: &User,
    out_trade_no: &str,
    total: i64,
    time_expire: &str,
    callback: &str,
) -> create_jsapi_order::Request {
    let mut order = create_jsapi_order::Request::from(JsapiInit {
        payment_callback: callback,
        merchant_id: &keys.merchant.mchid,
        user_id: &user.user_id,
        platform_user_id: &user.open_id,
        application_id: &keys.application_id,
        appid: &keys.mini_app_id,
        description: "Sandbox tea shop - oolong, 250 g",
        out_trade_no,
        time_expire,
        amount: Amount::new(total),
        payer: Payer::new(&user.open_id),
        detail: Detail::new(vec![GoodsDetail::new("TEA-OOLONG-250", 1, total)]),
    });
    order.attach = Some("cart-7".to_owned());
    order
}

/// A mini game's virtual order (3.1): `quantity` of `product_id` at `unit_price` cents.
/// `PaySig` is added when the client signs.
///
/// # Errors
///
/// Never for these types (the `SignData` document is written with serde).
pub fn mini_game_order(
    keys: &KeysFile,
    user: &User,
    out_trade_no: &str,
    product_id: &str,
    quantity: i64,
    unit_price: i64,
    callback: &str,
) -> Result<create_mini_game_order::Request, serde_json::Error> {
    use create_mini_game_order::{RequestInit, SignData, SignDataInit};
    let mut sign_data = SignData::from(SignDataInit {
        buy_quantity: quantity,
        currency_type: "CNY",
        product_id,
        goods_price: unit_price,
        out_trade_no,
    });
    sign_data.attach = Some("level-3".to_owned());
    Ok(create_mini_game_order::Request::from(RequestInit {
        payment_callback: callback,
        user_id: &user.user_id,
        application_id: &keys.application_id,
        merchant_id: &keys.merchant.mchid,
        platform_user_id: &user.open_id,
        sign_data: JsonString::encode(&sign_data)?,
        app_id: &keys.application_id,
        mini_app_id: &keys.mini_game_id,
        goods_name: "A bag of 60 gems",
        order_source: 1,
    }))
}

/// A mini program's virtual order (4.1) carrying `sign_data` exactly as the front end's
/// `wx.requestVirtualPayment` object does.
pub fn mini_program_order(
    keys: &KeysFile,
    user: &User,
    sign_data: &str,
    callback: &str,
) -> create_mini_program_order::Request {
    use create_mini_program_order::RequestInit;
    create_mini_program_order::Request::from(RequestInit {
        payment_callback: callback,
        user_id: &user.user_id,
        application_id: &keys.application_id,
        merchant_id: &keys.merchant.mchid,
        platform_user_id: &user.open_id,
        sign_data: JsonString::from_raw(sign_data),
        app_id: &keys.application_id,
        mini_app_id: &keys.mini_app_id,
        goods_name: "A month of premium",
        order_source: 2,
    })
}

/// A standard refund (5.1.1) of `refund` cents of the order `out_trade_no` of `total` cents.
pub fn refund(
    keys: &KeysFile,
    out_trade_no: &str,
    out_refund_no: &str,
    refund: i64,
    total: i64,
    callback: &str,
) -> create_refund::Request {
    let mut request = create_refund::Request::from(create_refund::RequestInit {
        payment_callback: callback,
        application_id: &keys.application_id,
        out_refund_no,
        amount: RefundRequestAmount::new(refund, total, "CNY"),
    });
    request.out_trade_no = Some(out_trade_no.to_owned());
    request.reason = Some("the customer returned the goods".to_owned());
    request
}

/// A virtual refund (5.2.1); `pay_sig` is added when the client signs.
pub fn virtual_refund(
    keys: &KeysFile,
    out_trade_no: &str,
    out_refund_no: &str,
    refund: i64,
    total: i64,
    callback: &str,
) -> create_virtual_refund::Request {
    let mut request = create_virtual_refund::Request::from(create_virtual_refund::RequestInit {
        payment_callback: callback,
        application_id: &keys.application_id,
        merchant_id: &keys.merchant.mchid,
        out_refund_no,
        amount: RefundRequestAmount::new(refund, total, "CNY"),
    });
    request.out_trade_no = Some(out_trade_no.to_owned());
    request.reason = Some("the item was never delivered".to_owned());
    request
}
