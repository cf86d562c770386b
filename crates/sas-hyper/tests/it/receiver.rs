//! The callback receiver, called directly with signed requests: verify before anything, drop
//! duplicates, business checks, handler failures.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use sas_core::api::payment::payment_notification::{self, Transaction};
use sas_core::api::refund::refund_notification;
use sas_core::api::virtual_payment::mini_game_payment_notification;
use sas_core::auth::Signing;
use sas_core::business::{ExpectedPayment, MismatchError};
use sas_core::endpoint::{ApiRequest, Example};
use sas_core::request::OutgoingRequest;
use sas_core::types::JsonString;
use sas_hyper::receiver::{Delivered, Handler, Receiver};
use sas_hyper::server::HandlerError;
use sas_hyper::time::{Clock, SystemClock};

use crate::support::*;

/// Signs `callback` as the superapp does, now.
fn signed<C: ApiRequest>(callback: &C) -> http::Request<Full<Bytes>> {
    let platform = private_key("platform-2048.pem");
    let app_key = sas_core::crypto::AppKey::new(APP_KEY).unwrap();
    let secret = secret();
    let signing = Signing::new(SystemClock.now())
        .nonce("5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
        .secret_key(&secret)
        .platform(&platform, PLATFORM_SERIAL)
        .app_key(&app_key);
    let request =
        callback.try_into_http_request("https://merchant.example/notify", &signing).unwrap();
    request.map(|body| Full::new(Bytes::from(body)))
}

async fn answer(
    response: http::Response<sas_hyper::server::ResponseBody>,
) -> (u16, serde_json::Value) {
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&body).unwrap())
}

fn counting<C: sas_hyper::receiver::Notification>(calls: &Arc<AtomicUsize>) -> impl Handler<C> {
    let calls = Arc::clone(calls);
    move |_: Delivered<C>| {
        let calls = Arc::clone(&calls);
        async move {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok::<(), HandlerError>(())
        }
    }
}

#[tokio::test]
async fn a_tampered_body_is_401_and_the_handler_never_runs() {
    let calls = Arc::new(AtomicUsize::new(0));
    let receiver =
        Receiver::builder(merchant_verifying(), counting::<payment_notification::Request>(&calls))
            .api_v3_key(api_v3_key())
            .build();
    let request = signed(&payment_callback("n-1", "ORDER-1"));
    let (parts, body) = request.into_parts();
    let mut bytes = body.collect().await.unwrap().to_bytes().to_vec();
    let at = bytes.iter().position(|&b| b == b'1').unwrap();
    bytes[at] = b'2';
    let (status, json) = answer(
        receiver.handle(http::Request::from_parts(parts, Full::new(Bytes::from(bytes)))).await,
    )
    .await;
    assert_eq!(status, 401, "{json}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_payment_callback_is_opened_handled_once_and_acknowledged_as_delivered() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let receiver = Receiver::builder(
        merchant_verifying(),
        move |paid: Delivered<payment_notification::Request>| {
            let log = Arc::clone(&log);
            async move {
                log.lock().unwrap().push((paid.notification_id, paid.event.out_trade_no));
                Ok::<(), HandlerError>(())
            }
        },
    )
    .api_v3_key(api_v3_key())
    .build();
    let callback = payment_callback("n-2", "ORDER-2");
    for _ in 0..3 {
        let (status, json) = answer(receiver.handle(signed(&callback)).await).await;
        assert_eq!(
            (status, &json["returnCode"], &json["data"]),
            (200, &"0".into(), &true.into()),
            "{json}"
        );
    }
    assert_eq!(seen.lock().unwrap().as_slice(), [("n-2".to_owned(), "ORDER-2".to_owned())]);
}

#[tokio::test]
async fn a_handler_panic_is_500_and_the_next_delivery_is_handled() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let receiver = Receiver::builder(
        merchant_verifying(),
        move |_: Delivered<payment_notification::Request>| {
            let counter = Arc::clone(&counter);
            async move {
                if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                    panic!("a bug in the handler");
                }
                Ok::<(), HandlerError>(())
            }
        },
    )
    .api_v3_key(api_v3_key())
    .build();
    let callback = payment_callback("n-3", "ORDER-3");
    assert_eq!(answer(receiver.handle(signed(&callback)).await).await.0, 500);
    assert_eq!(answer(receiver.handle(signed(&callback)).await).await.0, 200);
    assert_eq!(answer(receiver.handle(signed(&callback)).await).await.0, 200);
    assert_eq!(calls.load(Ordering::SeqCst), 2, "handled again after the panic, then a duplicate");
}

/// A merchant expecting 100 cents for every order.
struct ExpectsOneYuan(Arc<AtomicUsize>);

impl Handler<payment_notification::Request> for ExpectsOneYuan {
    async fn check(&self, event: &Transaction) -> Result<(), MismatchError> {
        ExpectedPayment::new(event.out_trade_no.clone(), 100).check(event)
    }

    async fn handle(
        &self,
        _: Delivered<payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

#[tokio::test]
async fn a_business_check_rejects_a_callback_whose_amount_differs() {
    let calls = Arc::new(AtomicUsize::new(0));
    let receiver = Receiver::builder(merchant_verifying(), ExpectsOneYuan(Arc::clone(&calls)))
        .api_v3_key(api_v3_key())
        .build();
    let mut transaction = Transaction::example();
    transaction.amount.total = 1;
    let mut callback = payment_notification::Request::example();
    sas_core::callback::seal(&mut callback, &transaction, &api_v3_key(), "n0nce1234567", "")
        .unwrap();
    let (status, json) = answer(receiver.handle(signed(&callback)).await).await;
    assert_eq!(status, 400, "{json}");
    assert!(json["returnMessage"].as_str().unwrap().contains("amount.total"), "{json}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);

    transaction.amount.total = 100;
    let mut callback = payment_notification::Request::example();
    callback.id = "n-right".to_owned();
    sas_core::callback::seal(&mut callback, &transaction, &api_v3_key(), "n0nce1234567", "")
        .unwrap();
    assert_eq!(answer(receiver.handle(signed(&callback)).await).await.0, 200);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn an_encrypted_callback_without_an_api_v3_key_is_500_so_it_comes_back() {
    let calls = Arc::new(AtomicUsize::new(0));
    let receiver =
        Receiver::builder(merchant_verifying(), counting::<refund_notification::Request>(&calls))
            .build();
    let (status, _) =
        answer(receiver.handle(signed(&refund_notification::Request::example())).await).await;
    assert_eq!(status, 500);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn virtual_callbacks_are_deduplicated_by_order_number_and_event() {
    type Game = mini_game_payment_notification::Request;
    let ids = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&ids);
    let receiver = Receiver::builder(merchant_verifying(), move |paid: Delivered<Game>| {
        let log = Arc::clone(&log);
        async move {
            log.lock().unwrap().push(paid.notification_id);
            Ok::<(), HandlerError>(())
        }
    })
    .build();
    let first = Game::example();
    let mut payload = first.payload.parse().unwrap();
    payload.out_trade_no = "GAME-2".to_owned();
    let mut second = first.clone();
    second.payload = JsonString::encode(&payload).unwrap();
    for callback in [&first, &second, &first, &second] {
        let (status, json) = answer(receiver.handle(signed(callback)).await).await;
        assert_eq!((status, &json["data"]), (200, &"OK".into()), "{json}");
    }
    let ids = ids.lock().unwrap().clone();
    let out_trade_no = first.payload.parse().unwrap().out_trade_no;
    assert_eq!(ids, [format!("{out_trade_no}#{}", first.event), format!("GAME-2#{}", first.event)]);
}

#[tokio::test]
async fn a_duplicate_arriving_while_the_first_is_handled_is_503_and_handled_once() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let receiver = Receiver::builder(
        merchant_verifying(),
        move |_: Delivered<payment_notification::Request>| {
            let counter = Arc::clone(&counter);
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                Ok::<(), HandlerError>(())
            }
        },
    )
    .api_v3_key(api_v3_key())
    .build();
    let callback = payment_callback("n-concurrent", "ORDER-C");
    let (first, second) = tokio::join!(receiver.handle(signed(&callback)), async {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        receiver.handle(signed(&callback)).await
    });
    assert_eq!((first.status().as_u16(), second.status().as_u16()), (200, 503));
    assert_eq!(answer(receiver.handle(signed(&callback)).await).await.0, 200);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}
