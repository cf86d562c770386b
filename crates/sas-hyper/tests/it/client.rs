//! The client's retries, time and size limits and errors, against loopback servers that
//! misbehave on purpose.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sas_core::api::payment::query_order;
use sas_core::api::user::check_user;
use sas_core::endpoint::Example;
use sas_core::response::OutgoingResponse;
use sas_hyper::server::{ResponseBody, ServeConfig};
use sas_hyper::{Client, RetryPolicy, SigningKeys};

use crate::support::*;

/// A server answering request `n` (from 0) with `answer(n)`, counting requests.
async fn scripted(
    answer: impl Fn(usize) -> http::Response<ResponseBody> + Clone + Send + Sync + 'static,
) -> (sas_hyper::server::Running, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let service = tower_service_fn(move |_request| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        let answer = answer.clone();
        async move { answer(n) }
    });
    (serve_on_loopback(service, ServeConfig::default()).await, count)
}

fn status(code: u16, headers: &[(&str, &str)], body: &str) -> http::Response<ResponseBody> {
    let mut builder = http::Response::builder().status(code);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(ResponseBody::from(body.to_owned())).unwrap()
}

fn order_ok() -> http::Response<ResponseBody> {
    let response = query_order::Response::example().try_into_http_response("req-ok").unwrap();
    response.map(ResponseBody::from)
}

fn check_ok() -> http::Response<ResponseBody> {
    let response = check_user::Response::new(true).try_into_http_response("req-ok").unwrap();
    response.map(ResponseBody::from)
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(5)
        .initial_backoff(Duration::from_millis(20))
        .max_backoff(Duration::from_millis(50))
        .retry_after_cap(Duration::from_secs(1))
}

fn client(base: &str, retry: RetryPolicy) -> Client {
    Client::builder()
        .base_url(base)
        .keys(sender_signing("example-mchid"))
        .retry(retry)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap()
}

fn query() -> query_order::Request {
    query_order::Request::example()
}

fn check() -> check_user::Request {
    check_user::Request::example()
}

#[tokio::test]
async fn a_get_is_retried_after_503_and_each_attempt_is_signed_afresh() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let service = tower_service_fn(move |request: http::Request<hyper::body::Incoming>| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        let authorization = request.headers()["authorization"].to_str().unwrap().to_owned();
        log.lock().unwrap().push(authorization);
        async move { if n == 0 { status(503, &[], "busy") } else { order_ok() } }
    });
    let server = serve_on_loopback(service, ServeConfig::default()).await;
    let answer = client(&format!("http://{}", server.local_addr()), fast_retries())
        .send(&query())
        .await
        .unwrap();
    assert_eq!(answer.response, query_order::Response::example());
    assert_eq!(count.load(Ordering::SeqCst), 2);
    let seen = seen.lock().unwrap().clone();
    assert_ne!(seen[0], seen[1], "the second attempt reused the first one's signature");
    server.shutdown().await;
}

#[tokio::test]
async fn a_post_answered_503_is_not_retried() {
    let (server, count) = scripted(|_| status(503, &[("Retry-After", "1")], "busy")).await;
    let error = client(&format!("http://{}", server.local_addr()), fast_retries())
        .send(&check())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE));
    assert!(error.is_status());
    assert_eq!(error.body(), Some(&b"busy"[..]), "the raw body is kept");
    assert_eq!(count.load(Ordering::SeqCst), 1);
    server.shutdown().await;
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let (server, count) = scripted(|n| {
        if n == 0 { status(429, &[("Retry-After", "1")], "slow down") } else { order_ok() }
    })
    .await;
    let started = Instant::now();
    let answer =
        client(&format!("http://{}", server.local_addr()), fast_retries()).send(&query()).await;
    assert!(answer.is_ok());
    assert!(started.elapsed() >= Duration::from_millis(950), "waited {:?}", started.elapsed());
    assert_eq!(count.load(Ordering::SeqCst), 2);
    server.shutdown().await;
}

#[tokio::test]
async fn a_connection_refused_before_anything_was_sent_is_retried_even_for_a_post() {
    let addr = free_addr().await;
    let client = client(
        &format!("http://{addr}"),
        fast_retries().max_attempts(40).total(Duration::from_secs(10)),
    );
    let sending = tokio::spawn(async move { client.send(&check()).await });
    tokio::time::sleep(Duration::from_millis(150)).await;
    let (server, count) = {
        let count = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&count);
        let service = tower_service_fn(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
            async { check_ok() }
        });
        (serve_at(addr, service).await, count)
    };
    let answer = sending.await.unwrap().unwrap();
    assert!(answer.response.data);
    assert_eq!(count.load(Ordering::SeqCst), 1);
    server.shutdown().await;
}

#[tokio::test]
async fn a_post_that_timed_out_after_being_sent_is_not_retried_but_a_get_is() {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&count);
    let service = tower_service_fn(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        async {
            tokio::time::sleep(Duration::from_millis(600)).await;
            order_ok()
        }
    });
    let server = serve_on_loopback(service, ServeConfig::default()).await;
    let base = format!("http://{}", server.local_addr());
    let error = client(&base, fast_retries()).send(&check()).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.attempts(), 1);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(count.load(Ordering::SeqCst), 1, "the POST was sent again");

    let error = client(&base, fast_retries().max_attempts(3)).send(&query()).await.unwrap_err();
    assert!(error.is_timeout());
    assert_eq!(error.attempts(), 3);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(count.load(Ordering::SeqCst), 4, "one POST and three GETs");
    server.shutdown().await;
}

#[tokio::test]
async fn a_refused_connection_is_a_connect_error() {
    let addr = free_addr().await;
    let error =
        client(&format!("http://{addr}"), RetryPolicy::never()).send(&check()).await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn a_connection_not_made_within_the_connect_timeout_is_a_connect_error_and_a_timeout() {
    // A listener that never accepts, its backlog full: the kernel drops further SYNs, so a
    // connect neither succeeds nor is refused.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..4 {
        let connect = tokio::net::TcpStream::connect(addr);
        if let Ok(Ok(stream)) = tokio::time::timeout(Duration::from_millis(100), connect).await {
            fillers.push(stream);
        }
    }
    let client = Client::builder()
        .base_url(format!("http://{addr}"))
        .keys(sender_signing("example-mchid"))
        .retry(RetryPolicy::never())
        .connect_timeout(Duration::from_millis(200))
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(&check()).await.unwrap_err();
    assert!(error.is_connect() && error.is_timeout(), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(2), "the connect timeout, not the request's");
    drop((fillers, listener));
}

#[tokio::test]
async fn a_response_over_the_size_limit_is_a_body_error() {
    let (server, _) = scripted(|_| status(200, &[], &"x".repeat(5 * 1024 * 1024))).await;
    let error = client(&format!("http://{}", server.local_addr()), RetryPolicy::never())
        .send(&check())
        .await
        .unwrap_err();
    assert!(error.is_body(), "{error:?}");
    assert_eq!(error.status(), Some(http::StatusCode::OK));
    server.shutdown().await;
}

#[tokio::test]
async fn a_body_that_is_not_the_envelope_keeps_status_and_bytes() {
    let (server, _) = scripted(|_| status(200, &[], "<html>gateway</html>")).await;
    let error = client(&format!("http://{}", server.local_addr()), RetryPolicy::never())
        .send(&check())
        .await
        .unwrap_err();
    assert!(error.is_body() && !error.is_status());
    assert_eq!(error.body(), Some(&b"<html>gateway</html>"[..]));
    server.shutdown().await;
}

#[tokio::test]
async fn a_missing_key_is_a_build_and_auth_error_and_nothing_is_sent() {
    let (server, count) = scripted(|_| check_ok()).await;
    let client = Client::builder()
        .base_url(format!("http://{}", server.local_addr()))
        .keys(SigningKeys::new())
        .build()
        .unwrap();
    let error = client.send(&check()).await.unwrap_err();
    assert!(error.is_build() && error.is_auth(), "{error:?}");
    assert_eq!(count.load(Ordering::SeqCst), 0);
    server.shutdown().await;
}
