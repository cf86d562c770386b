//! Transport benchmark, on loopback, in one run: checkUser (TC-Signature verify, parse,
//! envelope) served by sas-hyper against a bare hyper server answering the same bytes, and
//! sent by sas-hyper's client against a bare hyper client sending the same bytes.
//!
//! ```sh
//! cargo bench -p sas-hyper
//! ```
//!
//! Prints requests per second, p50 and p99 latency for each, and the ratios (targets: at least
//! 0.9× bare hyper on both sides). `SAS_BENCH_SECS` sets the measured seconds per case
//! (default 3), `SAS_BENCH_CONCURRENCY` the requests in flight (default 32).

#![allow(clippy::unwrap_used, missing_docs)]

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use sas_core::api::user::check_user;
use sas_core::auth::Signing;
use sas_core::crypto::SecretKey;
use sas_core::request::OutgoingRequest;
use sas_core::response::OutgoingResponse;
use sas_hyper::server::{
    HandlerError, RequestContext, ServeConfig, Superapp, SuperappService, serve,
};
use sas_hyper::time::{Clock, SystemClock};
use sas_hyper::{Client, RetryPolicy, SigningKeys, VerifyingKeys};
use tokio::net::TcpListener;

const SECRET: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";

struct Backend;

impl Superapp for Backend {
    async fn check_user(
        &self,
        _: RequestContext,
        request: check_user::Request,
    ) -> Result<check_user::Response, HandlerError> {
        Ok(check_user::Response::new(request.user_id == "user-42"))
    }
}

fn request() -> check_user::Request {
    check_user::Request::new("open-id", "mini-app-id", "user-42")
}

/// The exact bytes sas-hyper answers checkUser with (the request ID is fixed by the load
/// generator's `X-Request-Id`).
fn answer_bytes() -> Bytes {
    Bytes::from(
        check_user::Response::new(true).try_into_http_response("bench").unwrap().into_body(),
    )
}

/// A bare hyper server: reads the body, answers `body` with the same headers sas-hyper sends.
async fn bare_server(body: Bytes) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let _ = stream.set_nodelay(true);
            let body = body.clone();
            tokio::spawn(async move {
                let service =
                    hyper::service::service_fn(move |request: http::Request<Incoming>| {
                        let body = body.clone();
                        async move {
                            let _ = request.into_body().collect().await;
                            let response = http::Response::builder()
                                .header(http::header::CONTENT_TYPE, "application/json")
                                .header("x-request-id", "bench")
                                .body(Full::new(body))
                                .unwrap();
                            Ok::<_, Infallible>(response)
                        }
                    });
                let builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
                let _ = builder.serve_connection(TokioIo::new(stream), service).await;
            });
        }
    });
    addr
}

/// Latencies of one case.
struct Figures {
    name: &'static str,
    requests: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
}

impl Figures {
    fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    fn print(&self) {
        println!(
            "{:<34} {:>10.0} req/s   p50 {:>7.1} µs   p99 {:>7.1} µs   ({} requests)",
            self.name,
            self.rate(),
            self.p50.as_secs_f64() * 1e6,
            self.p99.as_secs_f64() * 1e6,
            self.requests
        );
    }
}

/// Runs `concurrency` loops of `one` for `secs` after a short warm-up.
async fn drive<F, Fut>(name: &'static str, concurrency: usize, secs: Duration, one: F) -> Figures
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let run = |length: Duration| {
        let one = one.clone();
        async move {
            let deadline = Instant::now() + length;
            let mut tasks = Vec::new();
            for _ in 0..concurrency {
                let one = one.clone();
                tasks.push(tokio::spawn(async move {
                    let mut latencies = Vec::new();
                    while Instant::now() < deadline {
                        let started = Instant::now();
                        one().await;
                        latencies.push(started.elapsed());
                    }
                    latencies
                }));
            }
            let started = Instant::now();
            let mut all = Vec::new();
            for task in tasks {
                all.extend(task.await.unwrap());
            }
            (all, started.elapsed())
        }
    };
    run(Duration::from_millis(500)).await;
    let (mut latencies, elapsed) = run(secs).await;
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q) as usize];
    Figures { name, requests: latencies.len(), elapsed, p50: at(0.5), p99: at(0.99) }
}

fn bare_client() -> HyperClient<HttpConnector, Full<Bytes>> {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    HyperClient::builder(TokioExecutor::new()).pool_max_idle_per_host(1024).build(connector)
}

/// Sends the pre-signed `signed` request to `addr` with a bare hyper client.
async fn bare_call(
    client: &HyperClient<HttpConnector, Full<Bytes>>,
    addr: SocketAddr,
    signed: &http::Request<Vec<u8>>,
) {
    let mut builder = http::Request::builder()
        .method(signed.method())
        .uri(format!("http://{addr}{}", signed.uri().path()))
        .header("x-request-id", "bench");
    for (name, value) in signed.headers() {
        builder = builder.header(name, value);
    }
    let request = builder.body(Full::new(Bytes::from(signed.body().clone()))).unwrap();
    let response = client.request(request).await.unwrap();
    assert!(response.status().is_success());
    let _ = response.into_body().collect().await.unwrap();
}

fn ratio(ours: &Figures, bare: &Figures) -> f64 {
    ours.rate() / bare.rate()
}

#[tokio::main]
async fn main() {
    let secs = Duration::from_secs(
        std::env::var("SAS_BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(3),
    );
    let concurrency =
        std::env::var("SAS_BENCH_CONCURRENCY").ok().and_then(|s| s.parse().ok()).unwrap_or(32);
    let secret = SecretKey::new(SECRET).unwrap();
    // Signed once: TC-Signature covers the timestamp only, valid for the 300 s window.
    let signed = Arc::new(
        request()
            .try_into_http_request(
                "http://bench",
                &Signing::new(SystemClock.now()).secret_key(&secret),
            )
            .unwrap(),
    );
    println!(
        "checkUser on loopback: {concurrency} requests in flight, {} s per case\n",
        secs.as_secs()
    );

    // Servers: sas-hyper and bare hyper, one bare hyper client driving both.
    let service = SuperappService::new(Backend, VerifyingKeys::new().secret_key(secret.clone()));
    let ours =
        serve(TcpListener::bind("127.0.0.1:0").await.unwrap(), service, ServeConfig::default())
            .unwrap();
    let ours_addr = ours.local_addr();
    let bare_addr = bare_server(answer_bytes()).await;
    let client = bare_client();
    let (c, s) = (client.clone(), Arc::clone(&signed));
    let server_ours = drive("server: sas-hyper", concurrency, secs, move || {
        let (c, s) = (c.clone(), Arc::clone(&s));
        async move { bare_call(&c, ours_addr, &s).await }
    })
    .await;
    let (c, s) = (client.clone(), Arc::clone(&signed));
    let server_bare = drive("server: bare hyper (same bytes)", concurrency, secs, move || {
        let (c, s) = (c.clone(), Arc::clone(&s));
        async move { bare_call(&c, bare_addr, &s).await }
    })
    .await;

    // Clients: sas-hyper's (sign, send, read the envelope) and bare hyper's (send the same
    // bytes, read the body), against one bare server.
    let sas_client = Client::builder()
        .base_url(format!("http://{bare_addr}"))
        .keys(SigningKeys::new().secret_key(secret))
        .retry(RetryPolicy::never())
        .pool_max_idle_per_host(1024)
        .build()
        .unwrap();
    let client_ours = drive("client: sas-hyper", concurrency, secs, move || {
        let c = sas_client.clone();
        async move {
            let answer = c.send(&request()).await.unwrap();
            assert!(answer.response.data);
        }
    })
    .await;
    let (c, s) = (client.clone(), Arc::clone(&signed));
    let client_bare = drive("client: bare hyper (same bytes)", concurrency, secs, move || {
        let (c, s) = (c.clone(), Arc::clone(&s));
        async move { bare_call(&c, bare_addr, &s).await }
    })
    .await;

    for figures in [&server_ours, &server_bare, &client_ours, &client_bare] {
        figures.print();
    }
    println!();
    println!(
        "server ratio (sas-hyper / bare hyper): {:.2}× (target ≥ 0.9×)",
        ratio(&server_ours, &server_bare)
    );
    println!(
        "client ratio (sas-hyper / bare hyper): {:.2}× (target ≥ 0.9×)",
        ratio(&client_ours, &client_bare)
    );
    ours.shutdown().await;
}
