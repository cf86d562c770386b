//! 5.1.1–5.1.3 and 5.2.1–5.2.2 against the sandbox: refunds never exceed what was paid, complete
//! once, and their callbacks reach the merchant verified and decrypted.

use sas_cli::demo::merchant::{Notified, paths};
use sas_cli::demo::requests;
use sas_cli::sandbox::time::rfc3339;
use sas_core::api::payment::query_order;
use sas_core::api::refund::query_refund;
use sas_core::business::ExpectedRefund;
use sas_hyper::time::Clock;

use crate::support::{World, code};

async fn paid_order(world: &mut World, out_trade_no: &str, total: i64) {
    let expire = rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() + 3600));
    let user = world.user().clone();
    let order = requests::jsapi_order(
        &world.keys,
        &user,
        out_trade_no,
        total,
        &expire,
        &world.merchant.url(paths::PAYMENT),
    );
    world.client().send(&order).await.unwrap();
    world.admin.pay(out_trade_no, "SUCCESS").await.unwrap();
    assert!(matches!(world.next_notified().await, Notified::Payment(_)));
}

#[tokio::test]
async fn refunds_never_exceed_what_was_paid_and_their_callback_arrives() {
    let mut world = World::start().await;
    paid_order(&mut world, "ORDER-6001", 1000).await;
    let merchant = world.client();
    let url = world.merchant.url(paths::REFUND);

    let unpaid_expire =
        rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() + 3600));
    let user = world.user().clone();
    let unpaid = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-6002",
        10,
        &unpaid_expire,
        &world.merchant.url(paths::PAYMENT),
    );
    merchant.send(&unpaid).await.unwrap();
    let refund_unpaid = requests::refund(&world.keys, "ORDER-6002", "REFUND-6000", 10, 10, &url);
    assert_eq!(code(&merchant.send(&refund_unpaid).await.unwrap_err()), "ORDER_NOT_PAID");

    let first = requests::refund(&world.keys, "ORDER-6001", "REFUND-6001", 600, 1000, &url);
    let accepted = merchant.send(&first).await.unwrap().response.data;
    assert_eq!(accepted.status.as_str(), "PROCESSING");
    assert_eq!(
        merchant.send(&first).await.unwrap().response.data.refund_id,
        accepted.refund_id,
        "the same refund twice"
    );

    let over = requests::refund(&world.keys, "ORDER-6001", "REFUND-6002", 401, 1000, &url);
    let refused = merchant.send(&over).await.unwrap_err();
    assert_eq!(code(&refused), "NOT_ENOUGH");
    assert!(refused.api_error().unwrap().message.contains("1001"), "{refused}");

    world.merchant.expect.refund("REFUND-6001", ExpectedRefund::new("REFUND-6001", 600, 1000));
    world.admin.complete_refund("REFUND-6001", "SUCCESS").await.unwrap();
    let Notified::Refund(done) = world.next_notified().await else { panic!("not 5.1.3") };
    assert_eq!(done.event.out_refund_no, "REFUND-6001");
    assert_eq!(done.event.refund_status.as_str(), "SUCCESS");
    assert_eq!(done.event.amount.refund, 600);

    let queried = merchant.send(&query_refund::Request::new("REFUND-6001")).await.unwrap();
    assert_eq!(queried.response.data.status.as_str(), "SUCCESS");
    let order = merchant
        .send(&query_order::Request::new("ORDER-6001", &world.keys.merchant.mchid))
        .await
        .unwrap();
    assert_eq!(order.response.data.trade_state.as_str(), "REFUND");
    let again = world.admin.complete_refund("REFUND-6001", "CLOSED").await.unwrap_err();
    assert!(again.to_string().contains("REFUND_COMPLETED"), "{again}");

    let rest = requests::refund(&world.keys, "ORDER-6001", "REFUND-6003", 400, 1000, &url);
    merchant.send(&rest).await.unwrap();
    world.admin.complete_refund("REFUND-6003", "ABNORMAL").await.unwrap();
    let Notified::Refund(abnormal) = world.next_notified().await else { panic!("not 5.1.3") };
    assert_eq!(abnormal.event.refund_status.as_str(), "ABNORMAL");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_virtual_refund_is_signed_with_pay_sig_and_reported() {
    let mut world = World::start().await;
    let merchant = world.client();
    let user = world.user().clone();
    let game = requests::mini_game_order(
        &world.keys,
        &user,
        "GAME-7001",
        "gems-60",
        1,
        600,
        &world.merchant.url(paths::MINI_GAME),
    )
    .unwrap();
    merchant.send(&game).await.unwrap();
    world.admin.pay("GAME-7001", "SUCCESS").await.unwrap();
    assert!(matches!(world.next_notified().await, Notified::MiniGame(_)));

    let url = world.merchant.url(paths::VIRTUAL_REFUND);
    let standard = requests::refund(
        &world.keys,
        "GAME-7001",
        "VREFUND-7000",
        100,
        600,
        &world.merchant.url(paths::REFUND),
    );
    assert_eq!(
        code(&merchant.send(&standard).await.unwrap_err()),
        "PARAM_ERROR",
        "a virtual order refunds with 5.2.1"
    );
    let over = requests::virtual_refund(&world.keys, "GAME-7001", "VREFUND-7002", 601, 600, &url);
    assert_eq!(code(&merchant.send(&over).await.unwrap_err()), "NOT_ENOUGH");
    let refund = requests::virtual_refund(&world.keys, "GAME-7001", "VREFUND-7001", 600, 600, &url);
    assert_eq!(merchant.send(&refund).await.unwrap().response.data.status.as_str(), "PROCESSING");
    world.admin.complete_refund("VREFUND-7001", "SUCCESS").await.unwrap();
    let Notified::VirtualRefund(done) = world.next_notified().await else { panic!("not 5.2.2") };
    assert_eq!(done.event.out_refund_no, "VREFUND-7001");
    assert_eq!(done.event.amount.refund, 600);
    world.sandbox.shutdown().await;
}
