//! Callback delivery against a real receiver on loopback: nothing lost, nothing handled twice,
//! every attempt signed afresh.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sas_core::api::payment::payment_notification;
use sas_hyper::delivery::{
    Callback, Dispatcher, DispatcherConfig, MemoryOutbox, Outbox, Schedule, State,
};
use sas_hyper::receiver::{Delivered, Receiver};
use sas_hyper::server::{HandlerError, ResponseBody, ServeConfig};
use sas_hyper::time::{Clock, ManualClock};
use sas_hyper::{Client, RetryPolicy};

use crate::support::*;

type Notification = payment_notification::Request;

fn fast_config(attempts: usize) -> DispatcherConfig {
    DispatcherConfig::default()
        .schedule(Schedule::new(vec![Duration::from_millis(20); attempts.saturating_sub(1)]))
        .poll_interval(Duration::from_millis(10))
        .attempt_timeout(Duration::from_secs(5))
        .shutdown_grace(Duration::from_secs(5))
}

fn client(clock: impl Clock) -> Client {
    Client::builder().retry(RetryPolicy::never()).clock(clock).build().unwrap()
}

fn dispatcher(config: DispatcherConfig) -> Dispatcher<MemoryOutbox> {
    Dispatcher::with_client(
        Arc::new(MemoryOutbox::new()),
        superapp_signing(),
        client(sas_hyper::time::SystemClock),
        config,
    )
}

/// Handled notifications, by identity.
#[derive(Clone, Default)]
struct Handled(Arc<Mutex<BTreeMap<String, usize>>>);

impl Handled {
    fn record(&self, id: &str) {
        *self.0.lock().unwrap().entry(id.to_owned()).or_default() += 1;
    }
    fn counts(&self) -> BTreeMap<String, usize> {
        self.0.lock().unwrap().clone()
    }
}

/// A receiver of 2.2 callbacks counting what its handler handles.
fn counting_receiver(
    handled: Handled,
) -> Receiver<Notification, impl sas_hyper::receiver::Handler<Notification>> {
    Receiver::builder(merchant_verifying(), move |delivered: Delivered<Notification>| {
        let handled = handled.clone();
        async move {
            handled.record(&delivered.notification_id);
            Ok::<(), HandlerError>(())
        }
    })
    .api_v3_key(api_v3_key())
    .build()
}

async fn enqueue_payments(dispatcher: &Dispatcher<MemoryOutbox>, url: &str, count: usize) {
    for i in 0..count {
        let callback = payment_callback(&format!("notify-{i}"), &format!("ORDER-{i}"));
        dispatcher.enqueue(Callback::new(&callback, url).unwrap()).await.unwrap();
    }
}

async fn delivered_count(outbox: &MemoryOutbox) -> usize {
    outbox.list(State::Delivered).await.unwrap().len()
}

#[tokio::test]
async fn receiver_down_then_up_every_callback_is_handled_exactly_once() {
    let addr = free_addr().await;
    let url = format!("http://{addr}/notify/pay?source=sas");
    let dispatcher = dispatcher(fast_config(16));
    enqueue_payments(&dispatcher, &url, 5).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(dispatcher.clone().run(async {
        stopped.await.ok();
    }));

    // Down: every first attempt is refused.
    eventually(Duration::from_secs(5), async || {
        dispatcher
            .outbox()
            .list(State::Pending)
            .await
            .unwrap()
            .iter()
            .all(|r| !r.attempts.is_empty())
    })
    .await;
    let handled = Handled::default();
    let receiver = serve_at(addr, counting_receiver(handled.clone())).await;
    eventually(Duration::from_secs(10), async || delivered_count(dispatcher.outbox()).await == 5)
        .await;

    let counts = handled.counts();
    assert_eq!(counts.len(), 5, "{counts:?}");
    assert!(counts.values().all(|&n| n == 1), "handled more than once: {counts:?}");
    for record in dispatcher.outbox().list(State::Delivered).await.unwrap() {
        assert!(
            record.attempts.len() >= 2,
            "the first attempt found nobody: {:?}",
            record.attempts
        );
        assert!(record.attempts[0].status.is_none() && record.attempts[0].error.is_some());
        assert_eq!(record.attempts[0].body_start, None, "nobody answered");
        let last = record.attempts.last().unwrap();
        assert_eq!(
            (last.status, last.return_code.as_deref(), &last.error),
            (Some(200), Some("0"), &None)
        );
        let answer = last.body_start.as_deref().unwrap_or_default();
        assert!(answer.contains(r#""returnCode":"0""#), "the answer's body: {answer:?}");
    }
    stop.send(()).ok();
    running.await.unwrap();
    receiver.shutdown().await;
}

#[tokio::test]
async fn a_receiver_answering_500_five_times_then_ok_gets_it_on_the_sixth_attempt() {
    let failures = Arc::new(AtomicUsize::new(0));
    let calls = Arc::clone(&failures);
    let receiver = Receiver::builder(merchant_verifying(), move |_: Delivered<Notification>| {
        let calls = Arc::clone(&calls);
        async move {
            if calls.fetch_add(1, Ordering::SeqCst) < 5 {
                Err(HandlerError::internal("the database is down"))
            } else {
                Ok(())
            }
        }
    })
    .api_v3_key(api_v3_key())
    .build();
    let server = serve_on_loopback(receiver, ServeConfig::default()).await;
    let dispatcher = dispatcher(fast_config(16));
    enqueue_payments(&dispatcher, &format!("http://{}/notify", server.local_addr()), 1).await;
    for _ in 0..10 {
        dispatcher.run_once().await.unwrap();
        if delivered_count(dispatcher.outbox()).await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let record = &dispatcher.outbox().list(State::Delivered).await.unwrap()[0];
    let statuses: Vec<Option<u16>> = record.attempts.iter().map(|a| a.status).collect();
    assert_eq!(statuses, [Some(500); 5].into_iter().chain([Some(200)]).collect::<Vec<_>>());
    assert!(
        record.attempts[..5]
            .iter()
            .all(|a| a.error.as_deref() == Some("HTTP 500 Internal Server Error"))
    );
    // The receiver's error envelope is kept, and says nothing of the handler's cause.
    for attempt in &record.attempts[..5] {
        let answer = attempt.body_start.as_deref().unwrap_or_default();
        assert!(answer.starts_with('{') && answer.contains("returnCode"), "{answer:?}");
        assert!(!answer.contains("database"), "{answer:?}");
    }
    assert!(record.attempts.windows(2).all(|w| w[0].at <= w[1].at));
    assert_eq!(failures.load(Ordering::SeqCst), 6);
    server.shutdown().await;
}

#[tokio::test]
async fn duplicates_run_the_handler_once_and_are_acknowledged() {
    let handled = Handled::default();
    let server =
        serve_on_loopback(counting_receiver(handled.clone()), ServeConfig::default()).await;
    let dispatcher = dispatcher(fast_config(3));
    let callback = payment_callback("notify-dup", "ORDER-DUP");
    let url = format!("http://{}/notify", server.local_addr());
    for _ in 0..3 {
        dispatcher.enqueue(Callback::new(&callback, url.as_str()).unwrap()).await.unwrap();
    }
    dispatcher.run_once().await.unwrap();
    assert_eq!(delivered_count(dispatcher.outbox()).await, 3, "every copy was acknowledged");
    assert_eq!(handled.counts(), BTreeMap::from([("notify-dup".to_owned(), 1)]));
    server.shutdown().await;
}

#[tokio::test]
async fn an_hour_later_a_retried_callback_still_passes_the_receivers_300_s_window() {
    let clock = Arc::new(ManualClock::starting_now());
    let fail_first = Arc::new(AtomicUsize::new(0));
    let calls = Arc::clone(&fail_first);
    let receiver = Receiver::builder(merchant_verifying(), move |_: Delivered<Notification>| {
        let calls = Arc::clone(&calls);
        async move {
            if calls.fetch_add(1, Ordering::SeqCst) == 0 {
                Err(HandlerError::internal("busy"))
            } else {
                Ok(())
            }
        }
    })
    .api_v3_key(api_v3_key())
    .clock(Arc::clone(&clock))
    .build();
    let server = serve_on_loopback(receiver, ServeConfig::default()).await;
    let config = DispatcherConfig::default().schedule(Schedule::protocol());
    let dispatcher = Dispatcher::with_client(
        Arc::new(MemoryOutbox::new()),
        superapp_signing(),
        client(Arc::clone(&clock)),
        config,
    );
    enqueue_payments(&dispatcher, &format!("http://{}/notify", server.local_addr()), 1).await;

    assert_eq!(dispatcher.run_once().await.unwrap(), 1);
    assert_eq!(dispatcher.run_once().await.unwrap(), 0, "not due before its 15 s delay");
    clock.advance(Duration::from_secs(3600));
    assert_eq!(dispatcher.run_once().await.unwrap(), 1);

    let record = &dispatcher.outbox().list(State::Delivered).await.unwrap()[0];
    assert_eq!(record.attempts.len(), 2);
    assert_eq!(record.attempts[1].at.as_millis() - record.attempts[0].at.as_millis(), 3_600_000);
    assert_eq!(record.attempts[1].status, Some(200), "{:?}", record.attempts[1]);
    server.shutdown().await;
}

#[tokio::test]
async fn after_the_last_attempt_a_callback_is_dead_kept_and_redeliverable() {
    let up = Arc::new(AtomicUsize::new(0));
    let flag = Arc::clone(&up);
    let receiver = Receiver::builder(merchant_verifying(), move |_: Delivered<Notification>| {
        let flag = Arc::clone(&flag);
        async move {
            if flag.load(Ordering::SeqCst) == 0 {
                Err(HandlerError::internal("down"))
            } else {
                Ok(())
            }
        }
    })
    .api_v3_key(api_v3_key())
    .build();
    let server = serve_on_loopback(receiver, ServeConfig::default()).await;
    let dispatcher = dispatcher(fast_config(3));
    enqueue_payments(&dispatcher, &format!("http://{}/notify", server.local_addr()), 1).await;
    for _ in 0..10 {
        dispatcher.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let dead = dispatcher.outbox().list(State::Dead).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].attempts.len(), 3, "three attempts, then dead");
    assert!(dead[0].attempts.iter().all(|a| a.status == Some(500) && a.latency > Duration::ZERO));

    up.store(1, Ordering::SeqCst);
    dispatcher.redeliver(dead[0].id).await.unwrap();
    dispatcher.run_once().await.unwrap();
    let record = dispatcher.outbox().get(dead[0].id).await.unwrap();
    assert_eq!(record.state, State::Delivered);
    assert_eq!(record.attempts.len(), 4, "the history is kept");
    server.shutdown().await;
}

#[tokio::test]
async fn two_dispatchers_on_one_outbox_never_deliver_one_callback_twice() {
    let handled = Handled::default();
    let requests = Arc::new(AtomicUsize::new(0));
    let service =
        Counting { inner: counting_receiver(handled.clone()), requests: Arc::clone(&requests) };
    let server = serve_on_loopback(service, ServeConfig::default()).await;
    let outbox = Arc::new(MemoryOutbox::new());
    let config = fast_config(16).concurrency(4);
    let first = Dispatcher::with_client(
        Arc::clone(&outbox),
        superapp_signing(),
        client(sas_hyper::time::SystemClock),
        config.clone(),
    );
    let second = Dispatcher::with_client(
        Arc::clone(&outbox),
        superapp_signing(),
        client(sas_hyper::time::SystemClock),
        config,
    );
    enqueue_payments(&first, &format!("http://{}/notify", server.local_addr()), 30).await;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let runs = [first, second].map(|dispatcher| {
        let mut stopped = stopped.clone();
        tokio::spawn(dispatcher.run(async move {
            stopped.changed().await.ok();
        }))
    });
    eventually(Duration::from_secs(10), async || delivered_count(&outbox).await == 30).await;
    stop.send(true).ok();
    for run in runs {
        run.await.unwrap();
    }
    assert_eq!(requests.load(Ordering::SeqCst), 30, "one request per callback");
    assert!(handled.counts().values().all(|&n| n == 1));
    for record in outbox.list(State::Delivered).await.unwrap() {
        assert_eq!(record.attempts.len(), 1);
    }
    server.shutdown().await;
}

#[tokio::test]
async fn concurrency_is_bounded() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let (now, top) = (Arc::clone(&in_flight), Arc::clone(&peak));
    let receiver = Receiver::builder(merchant_verifying(), move |_: Delivered<Notification>| {
        let (now, top) = (Arc::clone(&now), Arc::clone(&top));
        async move {
            let current = now.fetch_add(1, Ordering::SeqCst) + 1;
            top.fetch_max(current, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(30)).await;
            now.fetch_sub(1, Ordering::SeqCst);
            Ok::<(), HandlerError>(())
        }
    })
    .api_v3_key(api_v3_key())
    .build();
    let server = serve_on_loopback(receiver, ServeConfig::default()).await;
    let dispatcher = dispatcher(fast_config(3).concurrency(2));
    enqueue_payments(&dispatcher, &format!("http://{}/notify", server.local_addr()), 8).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(dispatcher.clone().run(async {
        stopped.await.ok();
    }));
    eventually(Duration::from_secs(10), async || delivered_count(dispatcher.outbox()).await == 8)
        .await;
    stop.send(()).ok();
    running.await.unwrap();
    assert_eq!(peak.load(Ordering::SeqCst), 2, "at most two at once, and two used");
    server.shutdown().await;
}

#[tokio::test]
async fn on_shutdown_nothing_pending_is_lost() {
    let addr = free_addr().await;
    let dispatcher = dispatcher(fast_config(16));
    enqueue_payments(&dispatcher, &format!("http://{addr}/notify"), 4).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(dispatcher.clone().run(async {
        stopped.await.ok();
    }));
    tokio::time::sleep(Duration::from_millis(50)).await;
    stop.send(()).ok();
    running.await.unwrap();
    let pending = dispatcher.outbox().list(State::Pending).await.unwrap();
    assert_eq!(pending.len(), 4, "every undelivered callback is still there");
    assert!(pending.iter().all(|r| !r.attempts.is_empty()));
}

#[tokio::test]
async fn every_attempt_is_signed_afresh() {
    let nonces = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&nonces);
    let service = tower_service_fn(move |request: http::Request<hyper::body::Incoming>| {
        let seen = Arc::clone(&seen);
        async move {
            let header =
                |name: &str| request.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
            seen.lock()
                .unwrap()
                .push((header("TC-Callback-Nonce"), header("TC-Callback-Signature")));
            let mut response = http::Response::new(ResponseBody::from("nope"));
            *response.status_mut() = http::StatusCode::BAD_GATEWAY;
            response
        }
    });
    let server = serve_on_loopback(service, ServeConfig::default()).await;
    let dispatcher = dispatcher(fast_config(3));
    enqueue_payments(&dispatcher, &format!("http://{}/notify", server.local_addr()), 1).await;
    for _ in 0..6 {
        dispatcher.run_once().await.unwrap();
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let nonces = nonces.lock().unwrap().clone();
    assert_eq!(nonces.len(), 3);
    assert!(nonces.iter().all(|(n, s)| n.is_some() && s.is_some()));
    assert_ne!(nonces[0], nonces[1]);
    assert_ne!(nonces[1], nonces[2]);
    server.shutdown().await;
}

#[tokio::test]
async fn a_callback_the_dispatchers_keys_cannot_sign_is_refused_at_enqueue() {
    let keys = sas_hyper::SigningKeys::new().secret_key(secret());
    let dispatcher = Dispatcher::with_client(
        Arc::new(MemoryOutbox::new()),
        keys,
        client(sas_hyper::time::SystemClock),
        fast_config(3),
    );
    let callback = Callback::new(&payment_callback("n", "O"), "http://127.0.0.1:9/notify").unwrap();
    let refused = dispatcher.enqueue(callback).await;
    assert!(
        matches!(refused, Err(sas_hyper::delivery::EnqueueError::Unsignable(_))),
        "{refused:?}"
    );
    assert!(dispatcher.outbox().list(State::Pending).await.unwrap().is_empty());
}
