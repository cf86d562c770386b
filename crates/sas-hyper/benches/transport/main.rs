//! Transport benchmark, on loopback, in one run: checkUser (TC-Signature verify, parse,
//! envelope) served by sas-hyper against a bare hyper server answering the same bytes and
//! against a bare hyper server doing the same checks by hand ([`checked`]), and sent by
//! sas-hyper's client against a bare hyper client sending the same bytes.
//!
//! ```sh
//! cargo bench -p sas-hyper
//! ```
//!
//! Prints requests per second, p50 and p99 latency for each, and the ratios (targets: at least
//! 0.9× bare hyper on both sides). Each side runs ours and bare in alternating rounds and the
//! ratio is the median of the rounds' ratios, so that a machine whose load changes during the
//! run still gives a fair comparison. `SAS_BENCH_SECS` sets the measured seconds per case
//! (default 3), `SAS_BENCH_ROUNDS` the rounds they are split into (default 6), and
//! `SAS_BENCH_CONCURRENCY` the requests in flight (default 32).
//!
//! Timing on a shared machine is noisy; instruction counts much less so (about 1% from run to
//! run here, from how the runtime's threads happen to interleave). `SAS_BENCH_CASE` set to
//! `server-sas`, `client-sas`, `bare` or `bare-checked` sends `SAS_BENCH_REQUESTS` requests (default 2000) of
//! that case only, to be counted under callgrind:
//!
//! ```sh
//! SAS_BENCH_CASE=server-sas valgrind --tool=callgrind target/release/deps/transport-<hash>
//! ```
//!
//! In each case both ends run in this process, so the difference between `server-sas` (or
//! `client-sas`) and `bare`, divided by the requests, is what sas-hyper adds to one exchange.
//! Each of the requests in flight has a client of its own there, and so one connection, in
//! every case alike.

#![allow(clippy::unwrap_used, missing_docs)]

mod checked;

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

/// Serves `answer` with bare hyper (hyper-util's auto builder, default settings) on a
/// loopback port: the bare side of the server comparisons.
async fn serve_bare<F, Fut>(answer: F) -> SocketAddr
where
    F: Fn(http::Request<Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = http::Response<Full<Bytes>>> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            let _ = stream.set_nodelay(true);
            let answer = answer.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| {
                    let answer = answer(request);
                    async move { Ok::<_, Infallible>(answer.await) }
                });
                let builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
                let _ = builder.serve_connection(TokioIo::new(stream), service).await;
            });
        }
    });
    addr
}

/// A bare hyper server: reads the body, answers `body` with the same headers sas-hyper sends.
async fn bare_server(body: Bytes) -> SocketAddr {
    serve_bare(move |request: http::Request<Incoming>| {
        let body = body.clone();
        async move {
            let _ = request.into_body().collect().await;
            http::Response::builder()
                .header(http::header::CONTENT_TYPE, "application/json")
                .header("x-request-id", "bench")
                .body(Full::new(body))
                .unwrap()
        }
    })
    .await
}

/// Latencies of one case.
struct Figures {
    name: &'static str,
    requests: usize,
    elapsed: Duration,
    cpu: Duration,
    p50: Duration,
    p99: Duration,
}

impl Figures {
    fn new(name: &'static str, runs: Vec<Run>) -> Self {
        let elapsed = runs.iter().map(|run| run.elapsed).sum();
        let cpu = runs.iter().map(|run| run.cpu).sum();
        let mut latencies: Vec<Duration> = runs.into_iter().flat_map(|run| run.latencies).collect();
        latencies.sort();
        let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q) as usize];
        Self { name, requests: latencies.len(), elapsed, cpu, p50: at(0.5), p99: at(0.99) }
    }

    fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    fn print(&self) {
        println!(
            "{:<40} {:>8.0} req/s  {:>6.1} µs CPU/req   p50 {:>7.1} µs   p99 {:>7.1} µs   ({} requests)",
            self.name,
            self.rate(),
            self.cpu.as_secs_f64() * 1e6 / self.requests.max(1) as f64,
            self.p50.as_secs_f64() * 1e6,
            self.p99.as_secs_f64() * 1e6,
            self.requests
        );
    }
}

/// The CPU time this process has used (all threads, user and system), from `/proc/self/stat`
/// in clock ticks of 10 ms; zero where that file is missing.
fn cpu_time() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return Duration::ZERO };
    // The fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// What one run measured.
struct Run {
    latencies: Vec<Duration>,
    elapsed: Duration,
    cpu: Duration,
}

impl Run {
    fn rate(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    /// CPU time per request, in µs: both ends run in this process, so this is the cost of one
    /// exchange, whatever else the machine is doing.
    fn cpu_per_request(&self) -> f64 {
        self.cpu.as_secs_f64() * 1e6 / self.latencies.len().max(1) as f64
    }
}

/// Runs `concurrency` loops of `one` for `length`; returns every latency and the time taken.
async fn drive<F, Fut>(concurrency: usize, length: Duration, one: F) -> Run
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
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
    let (started, cpu) = (Instant::now(), cpu_time());
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    Run { latencies, elapsed: started.elapsed(), cpu: cpu_time().saturating_sub(cpu) }
}

/// Sends `requests` requests, `concurrency` at a time: a fixed amount of work, for counting
/// instructions under callgrind. Each of the `concurrency` tasks sends with its own `one`
/// from `make`, so that each has a client (and a pool) of its own and, sending one request
/// after another, keeps exactly one connection: every case then reuses its connections
/// alike. (With one pool shared by the tasks, how many connections it opens depends on how
/// the first requests race, and a case that happens to open one more than it has requests
/// in flight never empties its idle list, which saves the pool work per request.)
async fn fixed<M, F, Fut>(requests: usize, concurrency: usize, make: M)
where
    M: Fn() -> F,
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let tasks: Vec<_> = (0..concurrency)
        .map(|task| {
            let one = make();
            let share = requests / concurrency + usize::from(task < requests % concurrency);
            tokio::spawn(async move {
                for _ in 0..share {
                    one().await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}

/// One comparison: ours against bare, in `rounds` alternating rounds (ABBA order, so a load
/// that drifts during the run weighs on both alike). Each ratio is the median of the rounds'.
struct Comparison {
    ours: Figures,
    bare: Figures,
    /// Requests per second, ours over bare, per round.
    ratios: Vec<f64>,
    /// CPU time per request, bare over ours, per round: the throughput ratio a machine with
    /// nothing else to do would see.
    cpu_ratios: Vec<f64>,
}

/// The median: the middle value, or the mean of the two middle ones of an even count (the
/// upper one alone would favour whichever side it happens to favour).
fn median(values: &[f64]) -> f64 {
    let mut values = values.to_vec();
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    match values.len() {
        0 => f64::NAN,
        len if len % 2 == 0 => (values[mid - 1] + values[mid]) / 2.0,
        _ => values[mid],
    }
}

fn listed(values: &[f64]) -> String {
    values.iter().map(|r| format!("{r:.2}")).collect::<Vec<_>>().join(", ")
}

async fn compare<A, AF, B, BF>(
    names: (&'static str, &'static str),
    concurrency: usize,
    secs: Duration,
    rounds: u32,
    ours: A,
    bare: B,
) -> Comparison
where
    A: Fn() -> AF + Clone + Send + 'static,
    AF: Future<Output = ()> + Send,
    B: Fn() -> BF + Clone + Send + 'static,
    BF: Future<Output = ()> + Send,
{
    // Warm-up: connections, caches, the allocator.
    drive(concurrency, Duration::from_millis(300), ours.clone()).await;
    drive(concurrency, Duration::from_millis(300), bare.clone()).await;
    let length = secs / rounds;
    let (mut ours_all, mut bare_all) = (Vec::new(), Vec::new());
    let (mut ratios, mut cpu_ratios) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let (a, b) = if round % 2 == 0 {
            let a = drive(concurrency, length, ours.clone()).await;
            (a, drive(concurrency, length, bare.clone()).await)
        } else {
            let b = drive(concurrency, length, bare.clone()).await;
            (drive(concurrency, length, ours.clone()).await, b)
        };
        ratios.push(a.rate() / b.rate());
        cpu_ratios.push(b.cpu_per_request() / a.cpu_per_request());
        ours_all.push(a);
        bare_all.push(b);
    }
    Comparison {
        ours: Figures::new(names.0, ours_all),
        bare: Figures::new(names.1, bare_all),
        ratios,
        cpu_ratios,
    }
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
    let _ = bare_answer(client, addr, signed).await;
}

/// [`bare_call`], returning the answer's body.
async fn bare_answer(
    client: &HyperClient<HttpConnector, Full<Bytes>>,
    addr: SocketAddr,
    signed: &http::Request<Vec<u8>>,
) -> Bytes {
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
    response.into_body().collect().await.unwrap().to_bytes()
}

#[tokio::main]
async fn main() {
    // Seconds may be fractional; at least 0.1 s per case, at least one request in flight.
    let secs = Duration::from_secs_f64(
        std::env::var("SAS_BENCH_SECS")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| s.is_finite())
            .unwrap_or(3.0)
            .max(0.1),
    );
    let concurrency = std::env::var("SAS_BENCH_CONCURRENCY")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(32)
        .max(1);
    let rounds: u32 =
        std::env::var("SAS_BENCH_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(6).max(1);
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
        "checkUser on loopback: {concurrency} requests in flight, {:.1} s per case in {rounds} \
         alternating rounds\n",
        secs.as_secs_f64()
    );

    // Servers: sas-hyper and bare hyper, one bare hyper client driving both.
    let service = SuperappService::new(Backend, VerifyingKeys::new().secret_key(secret.clone()));
    let ours =
        serve(TcpListener::bind("127.0.0.1:0").await.unwrap(), service, ServeConfig::default())
            .unwrap();
    let ours_addr = ours.local_addr();
    let bare_addr = bare_server(answer_bytes()).await;
    let cipher = checked::cipher(SECRET);
    let checked_addr = serve_bare(move |request| {
        let cipher = cipher.clone();
        async move { checked::answer(&cipher, request).await }
    })
    .await;
    // The three servers answer the same bytes.
    for addr in [bare_addr, checked_addr] {
        assert_eq!(
            bare_answer(&bare_client(), addr, &signed).await,
            bare_answer(&bare_client(), ours_addr, &signed).await
        );
    }
    let client = bare_client();
    let bare_sender = |client: HyperClient<HttpConnector, Full<Bytes>>, addr: SocketAddr| {
        let signed = Arc::clone(&signed);
        move || {
            let (c, s) = (client.clone(), Arc::clone(&signed));
            async move { bare_call(&c, addr, &s).await }
        }
    };
    // The sas-hyper client, against the bare server.
    let sas_client = || {
        Client::builder()
            .base_url(format!("http://{bare_addr}"))
            .keys(SigningKeys::new().secret_key(secret.clone()))
            .retry(RetryPolicy::never())
            .pool_max_idle_per_host(1024)
            .build()
            .unwrap()
    };
    let sas_sender = |client: Client| {
        move || {
            let c = client.clone();
            async move {
                let answer = c.send(&request()).await.unwrap();
                assert!(answer.response.data);
            }
        }
    };

    if let Ok(case) = std::env::var("SAS_BENCH_CASE") {
        let requests =
            std::env::var("SAS_BENCH_REQUESTS").ok().and_then(|s| s.parse().ok()).unwrap_or(2000);
        match case.as_str() {
            "server-sas" => {
                fixed(requests, concurrency, || bare_sender(bare_client(), ours_addr)).await;
            }
            "bare" => fixed(requests, concurrency, || bare_sender(bare_client(), bare_addr)).await,
            "bare-checked" => {
                fixed(requests, concurrency, || bare_sender(bare_client(), checked_addr)).await;
            }
            "client-sas" => fixed(requests, concurrency, || sas_sender(sas_client())).await,
            other => panic!(
                "SAS_BENCH_CASE is server-sas, client-sas, bare or bare-checked, not {other}"
            ),
        }
        println!("{case}: {requests} requests");
        ours.shutdown().await;
        return;
    }

    let server = compare(
        ("server: sas-hyper", "server: bare hyper (same bytes)"),
        concurrency,
        secs,
        rounds,
        bare_sender(client.clone(), ours_addr),
        bare_sender(client.clone(), bare_addr),
    )
    .await;
    let checked = compare(
        ("server: sas-hyper (its own rounds)", "server: bare hyper (same checks by hand)"),
        concurrency,
        secs,
        rounds,
        bare_sender(client.clone(), ours_addr),
        bare_sender(client.clone(), checked_addr),
    )
    .await;

    // Clients: sas-hyper's (sign, send, read the envelope) and bare hyper's (send the same
    // bytes, read the body), against one bare server.
    let client = compare(
        ("client: sas-hyper", "client: bare hyper (same bytes)"),
        concurrency,
        secs,
        rounds,
        sas_sender(sas_client()),
        bare_sender(client.clone(), bare_addr),
    )
    .await;

    for comparison in [&server, &checked, &client] {
        comparison.ours.print();
        comparison.bare.print();
    }
    println!();
    for (side, comparison) in [
        ("server", &server),
        ("server (bare hyper doing the same checks)", &checked),
        ("client", &client),
    ] {
        println!(
            "{side} ratio (sas-hyper / bare hyper): {:.2}× by req/s [{}], {:.2}× by CPU per \
             request [{}] (target ≥ 0.9×)",
            median(&comparison.ratios),
            listed(&comparison.ratios),
            median(&comparison.cpu_ratios),
            listed(&comparison.cpu_ratios),
        );
    }
    ours.shutdown().await;
}
