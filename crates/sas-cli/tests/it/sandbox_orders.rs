//! 2.1–2.4, 3.1–3.2 and 4.1–4.2 against the sandbox: unique order numbers, expiry, the state
//! machine, payment through the admin endpoint and the callbacks the merchant receives.

use std::time::Duration;

use sas_cli::demo::merchant::{Notified, paths};
use sas_cli::demo::requests;
use sas_cli::sandbox::AdminError;
use sas_cli::sandbox::time::rfc3339;
use sas_core::api::payment::{close_order, query_order};
use sas_core::crypto::{AppKey, AuthorizationSigner};
use sas_hyper::SigningKeys;
use sas_hyper::time::Clock;

use crate::support::{World, code};

fn in_an_hour(world: &World) -> String {
    rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() + 3600))
}

fn admin_code(error: AdminError) -> String {
    match error {
        AdminError::Refused { code, .. } => code,
        other => format!("not refused: {other}"),
    }
}

async fn state(world: &World, out_trade_no: &str) -> String {
    let query = query_order::Request::new(out_trade_no, &world.keys.merchant.mchid);
    let order = world.client().send(&query).await.unwrap().response.data;
    order.trade_state.as_str().to_owned()
}

#[tokio::test]
async fn an_order_is_placed_once_paid_once_and_its_callback_verified() {
    let mut world = World::start().await;
    let merchant = world.client();
    let callback = world.merchant.url(paths::PAYMENT);
    let user = world.user().clone();
    let order = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-1001",
        1280,
        &in_an_hour(&world),
        &callback,
    );

    let first = merchant.send(&order).await.unwrap().response.data.prepay_id;
    let again = merchant.send(&order).await.unwrap().response.data.prepay_id;
    assert_eq!(first, again, "the same order twice gives the same prepayId");
    let mut changed = order.clone();
    changed.amount.total = 1;
    let conflict = merchant.send(&changed).await.unwrap_err();
    assert_eq!(code(&conflict), "OUT_TRADE_NO_USED");
    assert_eq!(conflict.status(), Some(http::StatusCode::CONFLICT));
    assert_eq!(state(&world, "ORDER-1001").await, "NOTPAY");

    world
        .merchant
        .expect
        .payment("ORDER-1001", sas_core::business::ExpectedPayment::new("ORDER-1001", 1280));
    let paid = world.admin.pay("ORDER-1001", "SUCCESS").await.unwrap();
    assert_eq!(paid["order"]["state"], "SUCCESS");
    let Notified::Payment(delivered) = world.next_notified().await else { panic!("not 2.2") };
    assert_eq!(delivered.event.out_trade_no, "ORDER-1001");
    assert_eq!(delivered.event.trade_state.as_str(), "SUCCESS");
    assert_eq!(delivered.event.amount.total, 1280);
    assert_eq!(delivered.event.attach.as_deref(), Some("cart-7"));
    assert_eq!(state(&world, "ORDER-1001").await, "SUCCESS");

    let close = close_order::Request::new("ORDER-1001", &world.keys.merchant.mchid);
    assert_eq!(code(&merchant.send(&close).await.unwrap_err()), "ORDER_PAID");
    assert_eq!(
        admin_code(world.admin.pay("ORDER-1001", "SUCCESS").await.unwrap_err()),
        "ORDER_PAID"
    );

    let deliveries = world.admin.list("deliveries").await.unwrap();
    assert_eq!(deliveries[0]["state"], "Delivered", "{deliveries}");
    assert_eq!(deliveries[0]["attempts"][0]["status"], 200);
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_closed_order_cannot_be_paid_and_a_failed_payment_is_reported() {
    let mut world = World::start().await;
    let merchant = world.client();
    let callback = world.merchant.url(paths::PAYMENT);
    let user = world.user().clone();
    for no in ["ORDER-2001", "ORDER-2002"] {
        let order =
            requests::jsapi_order(&world.keys, &user, no, 500, &in_an_hour(&world), &callback);
        merchant.send(&order).await.unwrap();
    }
    let close = close_order::Request::new("ORDER-2001", &world.keys.merchant.mchid);
    assert_eq!(merchant.send(&close).await.unwrap().response.data, "OK");
    assert_eq!(state(&world, "ORDER-2001").await, "CLOSED");
    assert_eq!(
        admin_code(world.admin.pay("ORDER-2001", "SUCCESS").await.unwrap_err()),
        "ORDER_CLOSED"
    );

    world.admin.pay("ORDER-2002", "PAYERROR").await.unwrap();
    let Notified::Payment(failed) = world.next_notified().await else { panic!("not 2.2") };
    assert_eq!(failed.event.trade_state.as_str(), "PAYERROR");
    assert_eq!(state(&world, "ORDER-2002").await, "PAYERROR");

    let unknown = query_order::Request::new("ORDER-9999", &world.keys.merchant.mchid);
    assert_eq!(code(&merchant.send(&unknown).await.unwrap_err()), "ORDER_NOT_EXIST");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn time_expire_is_enforced() {
    let world = World::start().await;
    let merchant = world.client();
    let callback = world.merchant.url(paths::PAYMENT);
    let user = world.user().clone();
    let soon = rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() + 60));
    let order = requests::jsapi_order(&world.keys, &user, "ORDER-3001", 100, &soon, &callback);
    merchant.send(&order).await.unwrap();
    world.clock.advance(Duration::from_secs(120));
    assert_eq!(state(&world, "ORDER-3001").await, "CLOSED", "expired unpaid");
    assert_eq!(
        admin_code(world.admin.pay("ORDER-3001", "SUCCESS").await.unwrap_err()),
        "ORDER_EXPIRED"
    );

    let past = rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() - 1));
    let late = requests::jsapi_order(&world.keys, &user, "ORDER-3002", 100, &past, &callback);
    assert_eq!(code(&merchant.send(&late).await.unwrap_err()), "PARAM_ERROR");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn virtual_orders_need_a_valid_pay_sig_and_report_their_payment() {
    let mut world = World::start().await;
    let merchant = world.client();
    let user = world.user().clone();
    let game = requests::mini_game_order(
        &world.keys,
        &user,
        "GAME-4001",
        "gems-60",
        2,
        300,
        &world.merchant.url(paths::MINI_GAME),
    )
    .unwrap();
    let wrong_key =
        world.client_with(SigningKeys::new().app_key(AppKey::new("not-the-app-key").unwrap()));
    let refused = wrong_key.send(&game).await.unwrap_err();
    assert!(refused.is_auth(), "{refused}");

    let prepay = merchant.send(&game).await.unwrap().response.data.prepay_id;
    assert!(!prepay.is_empty());
    world.merchant.expect.virtual_payment(
        "GAME-4001",
        sas_core::business::ExpectedVirtualPayment::new("GAME-4001", 600)
            .product_id("gems-60")
            .quantity(2),
    );
    world.admin.pay("GAME-4001", "SUCCESS").await.unwrap();
    let Notified::MiniGame(paid) = world.next_notified().await else { panic!("not 3.2") };
    assert_eq!(paid.event.out_trade_no, "GAME-4001");
    assert_eq!(paid.event.goods_info.actual_price, 600);
    assert_eq!(paid.event.open_id, user.open_id);

    let sign_data = r#"{"offerId":"offer-1","buyQuantity":1,"currencyType":"CNY","productId":"premium-1m","goodsPrice":990,"outTradeNo":"MINI-4002","attach":"a"}"#;
    let program = requests::mini_program_order(
        &world.keys,
        &user,
        sign_data,
        &world.merchant.url(paths::MINI_PROGRAM),
    );
    merchant.send(&program).await.unwrap();
    world.admin.pay("MINI-4002", "SUCCESS").await.unwrap();
    let Notified::MiniProgram(paid) = world.next_notified().await else { panic!("not 4.2") };
    assert_eq!(paid.event.pay_info.mch_order_no, "MINI-4002");
    assert_eq!(paid.event.goods_info.actual_price, 990);
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn an_order_signed_with_another_key_is_refused() {
    let world = World::start().await;
    let other_key = world.keys.merchant_private_key().ok();
    let platform = sas_cli::keyfile::KeysFile::clone(&crate::support::sandbox_keys());
    let not_the_merchants = platform.platform_private_key().unwrap().unwrap();
    assert!(other_key.is_some());
    let signer = AuthorizationSigner::new(
        not_the_merchants,
        &world.keys.merchant.mchid,
        &world.keys.merchant.serial_no,
    );
    let impostor = world.client_with(SigningKeys::new().merchant(signer));
    let user = world.user().clone();
    let order = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-5001",
        100,
        &in_an_hour(&world),
        &world.merchant.url(paths::PAYMENT),
    );
    let refused = impostor.send(&order).await.unwrap_err();
    assert!(refused.is_auth(), "{refused}");
    assert!(world.admin.list("orders").await.unwrap().as_array().is_some_and(Vec::is_empty));
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn admin_endpoints_answer_bad_input_with_an_envelope() {
    let world = World::start().await;
    let bad = world
        .admin
        .call("POST", "/sandbox/orders/X/pay", Some(serde_json::json!({"result": "MAYBE"})))
        .await;
    assert!(
        matches!(bad, Err(AdminError::Refused { status: 400, ref code, .. }) if code == "PARAM_ERROR"),
        "{bad:?}"
    );
    let missing = world.admin.pay("NO-SUCH-ORDER", "SUCCESS").await.unwrap_err();
    assert!(matches!(missing, AdminError::Refused { status: 404, .. }), "{missing:?}");
    let nowhere = world.admin.list("nothing-here").await.unwrap_err();
    assert!(matches!(nowhere, AdminError::Refused { status: 404, .. }), "{nowhere:?}");

    // What axum itself refuses is answered in the envelope too.
    let addr = world.sandbox.base_url.trim_start_matches("http://").to_owned();
    let big = format!("{{\"result\":\"SUCCESS\",\"pad\":\"{}\"}}", "x".repeat(3 << 20));
    for (method, path, body, status) in [
        ("POST", "/sandbox/orders", String::new(), 405),
        ("FOO", "/sandbox/orders", String::new(), 405),
        ("GET", "/sandbox/orders/X/pay", String::new(), 405),
        ("POST", "/sandbox/orders/%ff/pay", r#"{"result":"SUCCESS"}"#.to_owned(), 400),
        ("POST", "/sandbox/refunds/%ff/complete", r#"{"status":"SUCCESS"}"#.to_owned(), 400),
        ("POST", "/sandbox/orders/X/pay", big, 413),
    ] {
        let (got, json) = raw(&addr, method, path, body).await;
        assert_eq!(got, status, "{method} {path}: {json}");
        assert_eq!(json["returnCode"], status.to_string(), "{method} {path}: {json}");
        assert!(json["requestId"].as_str().is_some_and(|id| !id.is_empty()), "{json}");
    }
    world.sandbox.shutdown().await;
}

/// Sends one raw HTTP/1.1 request and reads the status and the JSON body of the answer.
async fn raw(addr: &str, method: &str, path: &str, body: String) -> (u16, serde_json::Value) {
    use std::io::{Read, Write};
    let (addr, request) = (
        addr.to_owned(),
        format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        // The server may answer and close before reading a large body: a failed write is fine.
        let _ = stream.write_all(request.as_bytes());
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let text = String::from_utf8_lossy(&answer).into_owned();
        let status = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
        (status, serde_json::from_str(body).unwrap_or(serde_json::Value::Null))
    })
    .await
    .unwrap()
}
