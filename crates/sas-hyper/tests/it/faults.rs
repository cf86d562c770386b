//! Faults on loopback, each counted where it lands. Callback delivery against receivers that
//! reset the connection, hang past the attempt timeout, lose the answer after handling, answer
//! 500 or are down for a while: every callback ends handled exactly once, none lost. The client
//! against a server that drops the connection, answers 502 or 503, or cuts the body short:
//! queries (GET) are retried, creates (POST) are sent once, as the arrivals show.

mod front;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sas_core::api::payment::{payment_notification, query_order};
use sas_core::api::user::check_user;
use sas_core::endpoint::Example;
use sas_core::response::OutgoingResponse;
use sas_hyper::delivery::{
    Callback, Dispatcher, DispatcherConfig, MemoryOutbox, Outbox, Schedule, State,
};
use sas_hyper::receiver::{Delivered, Receiver};
use sas_hyper::server::{HandlerError, ResponseBody, ServeConfig};
use sas_hyper::{Client, RetryPolicy};

use crate::support::*;
use front::{Fault, Front};

type Notification = payment_notification::Request;

/// The dispatcher's limit of one attempt in these tests.
const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(300);

const ANSWER_500: &str = "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n";
const ANSWER_502: &str = "HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n";
const ANSWER_503: &str = "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n";
const BODY_CUT_SHORT: &str = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"returnCode\":\"0\",\"da";

/// Handler calls, by notification ID.
#[derive(Clone, Default)]
struct Handled(Arc<Mutex<BTreeMap<String, usize>>>);

impl Handled {
    fn record(&self, id: &str) -> usize {
        let mut counts = self.0.lock().unwrap();
        let count = counts.entry(id.to_owned()).or_default();
        *count += 1;
        *count
    }
    fn counts(&self) -> BTreeMap<String, usize> {
        self.0.lock().unwrap().clone()
    }
}

/// How the merchant's handler behaves on the first call for a notification.
#[derive(Clone, Copy)]
enum FirstCall {
    Handles,
    /// Takes this long (longer than the attempt timeout), then handles it.
    Slow(Duration),
    /// Fails (500), so the superapp sends it again.
    Fails,
}

/// The merchant's receiver on loopback: counts handler calls by notification ID, and the
/// requests that reach it.
struct Merchant {
    server: sas_hyper::server::Running,
    handled: Handled,
    requests: Arc<AtomicUsize>,
}

impl Merchant {
    async fn start(first_call: impl Fn(&str) -> FirstCall + Send + Sync + 'static) -> Self {
        let handled = Handled::default();
        let log = handled.clone();
        let first_call = Arc::new(first_call);
        let receiver =
            Receiver::builder(merchant_verifying(), move |paid: Delivered<Notification>| {
                let (log, first_call) = (log.clone(), Arc::clone(&first_call));
                async move {
                    let id = paid.notification_id;
                    // Only successful calls count as handled; a failed one is called again.
                    match first_call(&id) {
                        FirstCall::Fails if !log.counts().contains_key(&format!("failed {id}")) => {
                            log.record(&format!("failed {id}"));
                            return Err(HandlerError::internal("the database is down"));
                        }
                        FirstCall::Slow(delay) if !log.counts().contains_key(&id) => {
                            tokio::time::sleep(delay).await;
                        }
                        _ => {}
                    }
                    log.record(&id);
                    Ok::<(), HandlerError>(())
                }
            })
            .api_v3_key(api_v3_key())
            .build();
        let requests = Arc::new(AtomicUsize::new(0));
        let service = Counting { inner: receiver, requests: Arc::clone(&requests) };
        let server = serve_on_loopback(service, ServeConfig::default()).await;
        Self { server, handled, requests }
    }

    /// Handler calls that succeeded, by notification ID.
    fn handled(&self) -> BTreeMap<String, usize> {
        self.handled.counts().into_iter().filter(|(id, _)| !id.starts_with("failed ")).collect()
    }
}

/// A dispatcher with `attempts` attempts 20 ms apart, `concurrency` at once, a new connection
/// for every attempt.
fn fast_dispatcher(attempts: usize, concurrency: usize) -> Dispatcher<MemoryOutbox> {
    let client =
        Client::builder().retry(RetryPolicy::never()).pool_max_idle_per_host(0).build().unwrap();
    let config = DispatcherConfig::default()
        .schedule(Schedule::new(vec![Duration::from_millis(20); attempts - 1]))
        .poll_interval(Duration::from_millis(10))
        .attempt_timeout(ATTEMPT_TIMEOUT)
        .concurrency(concurrency)
        .shutdown_grace(Duration::from_secs(5));
    Dispatcher::with_client(Arc::new(MemoryOutbox::new()), superapp_signing(), client, config)
}

/// Enqueues `count` payment callbacks (`notify-0`…) to `url`; returns their notification IDs.
async fn enqueue(dispatcher: &Dispatcher<MemoryOutbox>, url: &str, count: usize) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..count {
        let id = format!("notify-{i}");
        let callback = payment_callback(&id, &format!("ORDER-{i}"));
        dispatcher.enqueue(Callback::new(&callback, url).unwrap()).await.unwrap();
        ids.push(id);
    }
    ids
}

/// Runs `dispatcher` until `count` callbacks are delivered (at most 20 s), then stops it.
async fn deliver_all(dispatcher: &Dispatcher<MemoryOutbox>, count: usize) {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(dispatcher.clone().run(async {
        stopped.await.ok();
    }));
    eventually(Duration::from_secs(20), async || {
        dispatcher.outbox().list(State::Delivered).await.unwrap().len() == count
    })
    .await;
    stop.send(()).ok();
    running.await.unwrap();
}

/// Every callback of `ids` was handled exactly once, and every one is delivered, none dead or
/// pending; returns the failed attempts.
async fn assert_each_handled_once(
    dispatcher: &Dispatcher<MemoryOutbox>,
    merchant: &Merchant,
    ids: &[String],
) -> usize {
    let handled = merchant.handled();
    let expected: BTreeMap<String, usize> = ids.iter().map(|id| (id.clone(), 1)).collect();
    assert_eq!(handled, expected, "each handled exactly once");
    let outbox = dispatcher.outbox();
    assert!(outbox.list(State::Pending).await.unwrap().is_empty());
    assert!(outbox.list(State::Dead).await.unwrap().is_empty());
    let delivered = outbox.list(State::Delivered).await.unwrap();
    assert_eq!(delivered.len(), ids.len());
    delivered.iter().flat_map(|r| &r.attempts).filter(|a| a.error.is_some()).count()
}

#[tokio::test]
async fn a_receiver_that_resets_the_connection_gets_each_callback_handled_once() {
    let merchant = Merchant::start(|_| FirstCall::Handles).await;
    let script = vec![Fault::ResetAtOnce, Fault::ResetAfterRequest, Fault::ResetAtOnce];
    let front = Front::start(Some(merchant.server.local_addr()), script).await;
    let dispatcher = fast_dispatcher(10, 1);
    let ids = enqueue(&dispatcher, &front.url("/notify"), 3).await;
    deliver_all(&dispatcher, 3).await;
    let failed = assert_each_handled_once(&dispatcher, &merchant, &ids).await;
    assert_eq!(failed, 3, "one failed attempt per reset");
    assert_eq!(front.left(), 0);
    assert_eq!(merchant.requests.load(Ordering::SeqCst), 3, "no reset request reached it");
    merchant.server.shutdown().await;
}

#[tokio::test]
async fn an_answer_lost_after_handling_is_sent_again_and_the_seen_store_absorbs_it() {
    let merchant = Merchant::start(|_| FirstCall::Handles).await;
    let front = Front::start(Some(merchant.server.local_addr()), vec![Fault::LoseAnswer; 3]).await;
    let dispatcher = fast_dispatcher(10, 1);
    let ids = enqueue(&dispatcher, &front.url("/notify"), 3).await;
    deliver_all(&dispatcher, 3).await;
    let failed = assert_each_handled_once(&dispatcher, &merchant, &ids).await;
    assert_eq!(failed, 3);
    assert_eq!(
        merchant.requests.load(Ordering::SeqCst),
        6,
        "each handled, then acknowledged again"
    );
    merchant.server.shutdown().await;
}

#[tokio::test]
async fn a_receiver_that_hangs_past_the_attempt_timeout_gets_each_callback_handled_once() {
    // Hung at the door: the request never reaches the handler.
    let merchant = Merchant::start(|_| FirstCall::Handles).await;
    let hang = Fault::Hang(ATTEMPT_TIMEOUT * 4);
    let front = Front::start(Some(merchant.server.local_addr()), vec![hang; 2]).await;
    let dispatcher = fast_dispatcher(10, 2);
    let ids = enqueue(&dispatcher, &front.url("/notify"), 2).await;
    deliver_all(&dispatcher, 2).await;
    let failed = assert_each_handled_once(&dispatcher, &merchant, &ids).await;
    assert_eq!(failed, 2);
    let record = &dispatcher.outbox().list(State::Delivered).await.unwrap()[0];
    let error = record.attempts[0].error.as_deref().unwrap_or_default();
    assert!(error.contains("no complete response within"), "{error}");
    assert!(record.attempts[0].latency >= ATTEMPT_TIMEOUT);
    merchant.server.shutdown().await;

    // Hung in the handler: the first attempt times out while the handler still works; the
    // next ones find it in progress (503) or done (acknowledged without handling).
    let merchant = Merchant::start(|_| FirstCall::Slow(ATTEMPT_TIMEOUT * 3)).await;
    let dispatcher = fast_dispatcher(40, 2);
    let url = format!("http://{}/notify", merchant.server.local_addr());
    let ids = enqueue(&dispatcher, &url, 2).await;
    deliver_all(&dispatcher, 2).await;
    let failed = assert_each_handled_once(&dispatcher, &merchant, &ids).await;
    assert!(failed >= 2, "the first attempts timed out");
    for record in dispatcher.outbox().list(State::Delivered).await.unwrap() {
        let statuses: Vec<Option<u16>> = record.attempts.iter().map(|a| a.status).collect();
        assert_eq!(statuses[0], None, "timed out: {statuses:?}");
        assert_eq!(statuses.last(), Some(&Some(200)));
        assert!(statuses[1..statuses.len() - 1].iter().all(|s| *s == Some(503)), "{statuses:?}");
    }
    merchant.server.shutdown().await;
}

#[tokio::test]
async fn under_every_fault_at_once_every_callback_is_handled_exactly_once_and_none_is_lost() {
    // Some notifications fail in the handler first, some are slow; the front resets, hangs,
    // answers 500 or 503, loses answers; and at first nobody listens at all.
    let merchant = Merchant::start(|id| match id.trim_start_matches("notify-").parse::<u32>() {
        Ok(n) if n % 5 == 1 => FirstCall::Fails,
        Ok(n) if n % 5 == 3 => FirstCall::Slow(ATTEMPT_TIMEOUT * 2),
        _ => FirstCall::Handles,
    })
    .await;
    let faults = [
        Fault::ResetAtOnce,
        Fault::Answer(ANSWER_500),
        Fault::LoseAnswer,
        Fault::Hang(ATTEMPT_TIMEOUT * 2),
        Fault::ResetAfterRequest,
        Fault::Relay,
        Fault::Answer(ANSWER_503),
        Fault::Answer(BODY_CUT_SHORT),
    ];
    let script: Vec<Fault> = faults.iter().copied().cycle().take(faults.len() * 4).collect();
    let addr = free_addr().await;
    let dispatcher = fast_dispatcher(60, 4);
    let ids = enqueue(&dispatcher, &format!("http://{addr}/notify"), 20).await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(dispatcher.clone().run(async {
        stopped.await.ok();
    }));
    // Down: the first attempts are refused.
    eventually(Duration::from_secs(5), async || {
        let pending = dispatcher.outbox().list(State::Pending).await.unwrap();
        pending.len() == 20 && pending.iter().all(|r| !r.attempts.is_empty())
    })
    .await;
    let front = Front::start_at(addr, Some(merchant.server.local_addr()), script).await;
    eventually(Duration::from_secs(30), async || {
        dispatcher.outbox().list(State::Delivered).await.unwrap().len() == 20
    })
    .await;
    stop.send(()).ok();
    running.await.unwrap();

    let failed = assert_each_handled_once(&dispatcher, &merchant, &ids).await;
    assert!(failed >= 20 + 4 * 7, "every fault was met: {failed} failed attempts");
    assert_eq!(front.left(), 0, "the whole script ran");
    let handler_failures =
        merchant.handled.counts().keys().filter(|k| k.starts_with("failed ")).count();
    assert_eq!(handler_failures, 4, "notify-1, 6, 11 and 16 failed once each");
    merchant.server.shutdown().await;
}

/// A server counting its arrivals and answering `answer` to each.
async fn counting_server(
    answer: fn() -> http::Response<ResponseBody>,
) -> (sas_hyper::server::Running, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let service = tower_service_fn(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        async move { answer() }
    });
    (serve_on_loopback(service, ServeConfig::default()).await, count)
}

fn order_ok() -> http::Response<ResponseBody> {
    let response = query_order::Response::example().try_into_http_response("req-ok").unwrap();
    response.map(ResponseBody::from)
}

fn check_ok() -> http::Response<ResponseBody> {
    let response = check_user::Response::new(true).try_into_http_response("req-ok").unwrap();
    response.map(ResponseBody::from)
}

/// A client of `base` retrying quickly, at most five attempts.
fn retrying_client(base: &str) -> Client {
    Client::builder()
        .base_url(base)
        .keys(sender_signing("example-mchid"))
        .retry(
            RetryPolicy::default()
                .max_attempts(5)
                .initial_backoff(Duration::from_millis(10))
                .max_backoff(Duration::from_millis(40)),
        )
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap()
}

/// A POST (1.1) through a front that applies `fault` to every connection: sent once, failed.
async fn post_once_through(fault: Fault) -> sas_hyper::Error {
    let (server, arrivals) = counting_server(check_ok).await;
    let front = Front::start(Some(server.local_addr()), vec![fault; 5]).await;
    let error = retrying_client(&front.url("")).send(&check_user::Request::example()).await;
    let error = error.unwrap_err();
    assert_eq!(error.attempts(), 1, "{fault:?}: {error:?}");
    assert_eq!(front.connections.load(Ordering::SeqCst), 1, "{fault:?}: one connection");
    assert_eq!(arrivals.load(Ordering::SeqCst), 0, "{fault:?}: never passed on");
    server.shutdown().await;
    error
}

/// A GET (2.3) through a front that applies `fault` to the first two connections: retried,
/// answered by the server on the third.
async fn get_retried_through(fault: Fault) {
    let (server, arrivals) = counting_server(order_ok).await;
    let front = Front::start(Some(server.local_addr()), vec![fault; 2]).await;
    let answer = retrying_client(&front.url("")).send(&query_order::Request::example()).await;
    assert_eq!(answer.unwrap().response, query_order::Response::example(), "{fault:?}");
    assert_eq!(front.connections.load(Ordering::SeqCst), 3, "{fault:?}: two faults, one answer");
    assert_eq!(arrivals.load(Ordering::SeqCst), 1, "{fault:?}");
    server.shutdown().await;
}

#[tokio::test]
async fn a_dropped_connection_is_retried_for_a_query_and_never_for_a_create() {
    for fault in [Fault::ResetAtOnce, Fault::ResetAfterRequest] {
        let error = post_once_through(fault).await;
        assert!(error.status().is_none() && !error.is_timeout(), "{fault:?}: {error:?}");
        get_retried_through(fault).await;
    }
}

#[tokio::test]
async fn a_502_or_503_is_retried_for_a_query_and_never_for_a_create() {
    for (fault, status) in [(Fault::Answer(ANSWER_502), 502), (Fault::Answer(ANSWER_503), 503)] {
        let error = post_once_through(fault).await;
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status), "{error:?}");
        get_retried_through(fault).await;
    }
}

#[tokio::test]
async fn a_body_cut_short_by_a_reset_is_retried_for_a_query_and_never_for_a_create() {
    let error = post_once_through(Fault::Answer(BODY_CUT_SHORT)).await;
    assert!(error.status().is_none() && !error.is_connect(), "a transport error: {error:?}");
    get_retried_through(Fault::Answer(BODY_CUT_SHORT)).await;
}

#[tokio::test]
async fn a_create_whose_answer_is_lost_after_the_server_handled_it_is_not_sent_again() {
    let (server, arrivals) = counting_server(check_ok).await;
    let front = Front::start(Some(server.local_addr()), vec![Fault::LoseAnswer; 5]).await;
    let error = retrying_client(&front.url("")).send(&check_user::Request::example()).await;
    assert!(error.is_err());
    assert_eq!(arrivals.load(Ordering::SeqCst), 1, "handled once, not sent again");
    assert_eq!(front.connections.load(Ordering::SeqCst), 1);
    assert_eq!(front.passed_on.load(Ordering::SeqCst), 1);
    server.shutdown().await;
}
