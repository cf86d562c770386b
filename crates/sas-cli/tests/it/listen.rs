//! `sas listen` in-process on 127.0.0.1:0: callbacks delivered by sas-hyper's dispatcher are
//! verified, decrypted and acknowledged after `--fail-first` refusals; tampered callbacks
//! (sent as raw HTTP) are refused with their causes explained.

use std::io::{Read as _, Write as _};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use sas_cli::listen::entry::CallbackEntry;
use sas_cli::listen::{ListenConfig, Listener};
use sas_cli::tools::capture::Captured;
use sas_cli::tools::explain::Cause;
use sas_core::api::payment::payment_notification;
use sas_core::callback;
use sas_core::crypto::{ApiV3Key, AppKey, SecretKey, callback_signature};
use sas_core::endpoint::Example;
use sas_core::time::UnixTime;
use sas_hyper::SigningKeys;
use sas_hyper::delivery::{Callback, Dispatcher, DispatcherConfig, MemoryOutbox, Schedule};
use sas_hyper::server::{Running, ServeConfig, serve};

use crate::tools::{
    API_V3_KEY, APP_KEY, NONCE, NOW, PLATFORM_SERIAL, SECRET, keyring, payment_callback_signed,
    private_key, set_header,
};

async fn start(config: ListenConfig) -> (Running, Listener) {
    let listener = Listener::new(config);
    let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = serve(socket, listener.clone(), ServeConfig::default()).unwrap();
    (running, listener)
}

fn config(fail_first: usize, now: Option<UnixTime>) -> ListenConfig {
    let mut config = ListenConfig::new(keyring());
    config.fail_first = fail_first;
    config.now = now;
    config.print = false;
    config
}

/// Sends `captured` as raw HTTP/1.1 to `addr`; the status answered.
async fn send_raw(addr: SocketAddr, captured: &Captured) -> u16 {
    let mut raw = format!(
        "{} {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n",
        captured.method, captured.target
    )
    .into_bytes();
    for (name, value) in &captured.headers {
        if !name.eq_ignore_ascii_case("host") {
            raw.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
    }
    raw.extend_from_slice(format!("Content-Length: {}\r\n\r\n", captured.body.len()).as_bytes());
    raw.extend_from_slice(&captured.body);
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.write_all(&raw).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn fails_the_first_deliveries_then_acknowledges_the_dispatched_callback() {
    let (running, listener) = start(config(2, None)).await;
    let url = format!("http://{}/notify/pay", running.local_addr());

    let mut notification = payment_notification::Request::example();
    notification.id = "EV-LISTEN-1".to_owned();
    let mut transaction = payment_notification::Transaction::example();
    transaction.out_trade_no = "ORDER-LISTEN-1".to_owned();
    let api_v3_key = ApiV3Key::new(API_V3_KEY).unwrap();
    callback::seal(&mut notification, &transaction, &api_v3_key, "n0nce1234567", "transaction")
        .unwrap();
    let signing = SigningKeys::new()
        .secret_key(SecretKey::new(SECRET).unwrap())
        .platform(private_key("platform-2048.pem"), PLATFORM_SERIAL)
        .app_key(AppKey::new(APP_KEY).unwrap());
    let dispatcher_config = DispatcherConfig::default()
        .schedule(Schedule::new(vec![Duration::from_millis(20); 4]))
        .poll_interval(Duration::from_millis(10))
        .attempt_timeout(Duration::from_secs(5))
        .shutdown_grace(Duration::from_secs(5));
    let client = sas_hyper::Client::builder().build().unwrap();
    let dispatcher =
        Dispatcher::with_client(Arc::new(MemoryOutbox::new()), signing, client, dispatcher_config);
    dispatcher.enqueue(Callback::new(&notification, url).unwrap()).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let dispatching = tokio::spawn(dispatcher.clone().run(async {
        stopped.await.ok();
    }));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while listener.deliveries().len() < 3 {
        assert!(tokio::time::Instant::now() < deadline, "{:?}", listener.deliveries());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stop.send(());
    dispatching.await.unwrap();
    running.shutdown().await;

    let deliveries = listener.deliveries();
    let statuses: Vec<u16> = deliveries.iter().map(|d| d.status).collect();
    assert_eq!(statuses, [500, 500, 200], "{deliveries:#?}");
    assert!(deliveries[0].line.contains("[--fail-first: 1 of 2]"), "{}", deliveries[0].line);
    let third = &deliveries[2];
    assert_eq!(third.entry, Some(CallbackEntry::Payment));
    assert!(third.explanation.as_ref().unwrap().is_verified());
    assert!(third.line.contains("-> 200 verified 2.2"), "{}", third.line);
    assert!(third.line.contains("out_trade_no=ORDER-LISTEN-1"), "{}", third.line);
    assert!(third.text.contains("resource (transaction), decrypted"), "{}", third.text);
    assert!(!third.text.contains(SECRET) && !third.text.contains(API_V3_KEY));
}

#[tokio::test]
async fn refuses_tampered_callbacks_and_explains_five_causes() {
    let (running, listener) = start(config(0, Some(NOW))).await;
    let addr = running.local_addr();
    let platform = private_key("platform-2048.pem");

    // 1. Body re-serialised: signed compact, sent with spaces.
    let mut reserialised = payment_callback_signed(NOW, &platform);
    reserialised.body = crate::tools::spaced(&reserialised.body);
    // 2. Stale: signed 20 minutes ago.
    let stale = payment_callback_signed(UnixTime::from_secs(NOW.as_secs() - 1200), &platform);
    // 3. Serial mismatch.
    let mut unknown_serial = payment_callback_signed(NOW, &platform);
    set_header(&mut unknown_serial, "TC-Callback-Serial", "0BADC0FFEE");
    // 4. Wrong key: the merchant's key under the platform's serial.
    let wrong_key = payment_callback_signed(NOW, &private_key("merchant-2048-pkcs1.pem"));
    // 5. Seconds vs milliseconds: signed over the milliseconds, sent in seconds.
    let mut unit = payment_callback_signed(NOW, &platform);
    let signature =
        callback_signature(&platform, &NOW.as_millis().to_string(), NONCE, &unit.body).unwrap();
    set_header(&mut unit, "TC-Callback-Signature", &signature);
    // 6. A missing header.
    let mut missing = payment_callback_signed(NOW, &platform);
    missing.headers.retain(|(name, _)| !name.eq_ignore_ascii_case("TC-Callback-Nonce"));

    let cases: [(&Captured, &str); 6] = [
        (&reserialised, "body-reserialised"),
        (&stale, "stale-timestamp"),
        (&unknown_serial, "serial-mismatch"),
        (&wrong_key, "wrong-key"),
        (&unit, "seconds-vs-milliseconds"),
        (&missing, "missing-header"),
    ];
    for (captured, _) in cases {
        assert_eq!(send_raw(addr, captured).await, 401);
    }
    running.shutdown().await;

    let deliveries = listener.deliveries();
    assert_eq!(deliveries.len(), cases.len());
    for (delivery, (_, code)) in deliveries.iter().zip(cases) {
        let explanation = delivery.explanation.as_ref().unwrap();
        assert!(explanation.cause_codes().contains(&code), "{code}: {}", delivery.text);
        assert!(delivery.line.contains("-> 401 REFUSED"), "{}", delivery.line);
        assert!(delivery.line.contains(code), "{}", delivery.line);
        assert!(delivery.text.contains(&format!("[{code}]")), "{}", delivery.text);
        assert!(delivery.text.contains("verdict: FAILED"), "{}", delivery.text);
    }
    let stale = deliveries[1].explanation.as_ref().unwrap();
    assert!(
        stale
            .likely_causes
            .iter()
            .any(|c| matches!(c, Cause::StaleTimestamp { skew_secs: -1200, .. }))
    );
    assert!(deliveries[2].text.contains(PLATFORM_SERIAL), "the known serials are listed");
}

#[tokio::test]
async fn answers_a_verified_callback_with_the_acknowledging_envelope() {
    let (running, listener) = start(config(0, Some(NOW))).await;
    let callback = payment_callback_signed(NOW, &private_key("platform-2048.pem"));
    assert_eq!(send_raw(running.local_addr(), &callback).await, 200);
    assert_eq!(send_raw(running.local_addr(), &callback).await, 200);
    running.shutdown().await;
    let deliveries = listener.deliveries();
    assert!(
        deliveries[1].line.contains("a duplicate of one acknowledged"),
        "{}",
        deliveries[1].line
    );
}
