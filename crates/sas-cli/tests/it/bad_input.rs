//! The bad-input corpus: hundreds of malformed requests, generated from tables (kind × endpoint
//! × variant), sent over loopback TCP to a running sandbox and to running sas-hyper callback
//! receivers. Each must get the SAS error envelope with a fitting status, or, where HTTP itself
//! is malformed, hyper's 400/431 or a closed connection; after each, a valid signed request is
//! still answered; nothing panics, and no answer or log line holds secret material.

mod content;
mod h2;
mod harness;
mod http1;
mod signed;
mod slow;
mod wire;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sas_cli::keyfile::KeysFile;
use sas_cli::sandbox::{Running, Sandbox, SandboxConfig};
use sas_core::api::payment::payment_notification;
use sas_core::api::virtual_payment::mini_game_payment_notification;
use sas_hyper::receiver::{Delivered, Notification, Receiver};
use sas_hyper::server::{HandlerError, ServeConfig, serve};

use harness::{Capture, Case, Expect, Payload, Target};
use signed::{Endpoint, RECEIVERS, SANDBOX};
use wire::Answer;

use crate::support::sandbox_keys;

fn serve_config() -> ServeConfig {
    ServeConfig::default()
        .header_read_timeout(slow::HEADER_READ_TIMEOUT)
        .request_timeout(slow::REQUEST_TIMEOUT)
}

async fn sandbox() -> Running {
    let config = SandboxConfig::default().keys(sandbox_keys()).serve(serve_config());
    Sandbox::start(config).await.unwrap()
}

fn sandbox_target(keys: &KeysFile, running: &Running) -> Target {
    let (keys, base) = (keys.clone(), running.base_url.clone());
    Target {
        name: "sandbox",
        addr: running.local_addr().parse().unwrap(),
        probe: Box::new(move || signed::now(&keys, &SANDBOX[0], &base)),
        probe_ok: |answer: &Answer| {
            let json: serde_json::Value = serde_json::from_slice(&answer.body).unwrap_or_default();
            if answer.status == 200 && json["returnCode"] == "0" && json["data"] == "Ada" {
                Ok(())
            } else {
                Err(format!("{} {json}", answer.status))
            }
        },
    }
}

/// A receiver of `C` on loopback with the suite's limits; the handler counts.
async fn receiver<C: Notification>(
    keys: &KeysFile,
    name: &'static str,
    endpoint: &'static Endpoint,
) -> (Target, sas_hyper::server::Running) {
    let calls = Arc::new(AtomicUsize::new(0));
    let handler = move |_: Delivered<C>| {
        let calls = Arc::clone(&calls);
        async move {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok::<(), HandlerError>(())
        }
    };
    let receiver = Receiver::builder(keys.merchant_verifying().unwrap(), handler)
        .api_v3_key(keys.api_v3().unwrap())
        .build();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let running = serve(listener, receiver, serve_config()).unwrap();
    let addr = running.local_addr();
    let (keys, base) = (keys.clone(), format!("http://{addr}"));
    let target = Target {
        name,
        addr,
        probe: Box::new(move || signed::now(&keys, endpoint, &base)),
        probe_ok: |answer: &Answer| {
            let json: serde_json::Value = serde_json::from_slice(&answer.body).unwrap_or_default();
            if answer.status == 200 && json["returnCode"] == "0" {
                Ok(())
            } else {
                Err(format!("{} {json}", answer.status))
            }
        },
    };
    (target, running)
}

/// The receiver of `RECEIVERS[index]`.
async fn receiver_at(keys: &KeysFile, index: usize) -> (Target, sas_hyper::server::Running) {
    match index {
        0 => receiver::<payment_notification::Request>(keys, "receiver-2.2", &RECEIVERS[0]).await,
        _ => {
            receiver::<mini_game_payment_notification::Request>(keys, "receiver-3.2", &RECEIVERS[1])
                .await
        }
    }
}

/// Runs `cases` against `target` with the log captured; fails with every failure named.
async fn run_all(
    target: &Target,
    cases: Vec<Case>,
    capture: &Capture,
    failures: &mut Vec<String>,
    count: &mut usize,
) {
    let secrets = harness::secrets(&sandbox_keys());
    *count += cases.len();
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    for case in &cases {
        *kinds.entry(case.kind).or_default() += 1;
    }
    println!("{}: {kinds:?}", target.name);
    failures.extend(harness::run(target, cases, &secrets).await);
    failures.extend(capture.failures(&secrets));
}

/// The admin endpoints and the pages: bad bodies, forms, paths and sizes.
fn sandbox_own_routes() -> Vec<Case> {
    let post = |path: &str, content_type: &str, body: Vec<u8>| {
        http::Request::post(path).header("content-type", content_type).body(body).unwrap()
    };
    let mut cases = Vec::new();
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("invalid", b"{".to_vec()),
        ("wrong-type", b"{\"result\":5,\"status\":5}".to_vec()),
        ("unknown-value", b"{\"result\":\"BOGUS\",\"status\":\"BOGUS\"}".to_vec()),
        ("nested-100k", vec![b'['; 100_000]),
        ("non-utf8", b"{\"result\":\"\xff\xfe\"}".to_vec()),
        ("huge-number", b"{\"result\":1e400}".to_vec()),
    ];
    for (variant, body) in &bodies {
        for (route, path) in [
            ("pay", "/sandbox/orders/NO-SUCH/pay"),
            ("complete", "/sandbox/refunds/NO-SUCH/complete"),
        ] {
            let request = post(path, "application/json", body.clone());
            cases.push(Case::new(
                "admin",
                format!("{route}/{variant}"),
                Payload::Http(Box::new(request)),
                Expect::Envelope(&[400, 404]),
            ));
        }
    }
    let admin: Vec<(&str, http::Request<Vec<u8>>, Expect)> = vec![
        (
            "pay-path-ff",
            post(
                "/sandbox/orders/%FF%FE/pay",
                "application/json",
                b"{\"result\":\"SUCCESS\"}".to_vec(),
            ),
            Expect::Envelope(&[400, 404]),
        ),
        (
            "pay-10mib",
            post("/sandbox/orders/NO-SUCH/pay", "application/json", vec![b' '; 10 * 1024 * 1024]),
            Expect::Envelope(&[413]),
        ),
        (
            "unknown-route",
            http::Request::get("/sandbox/nothing-here").body(Vec::new()).unwrap(),
            Expect::Envelope(&[404]),
        ),
        (
            "orders-delete",
            http::Request::delete("/sandbox/orders").body(Vec::new()).unwrap(),
            Expect::Envelope(&[405]),
        ),
        (
            "pay-get",
            http::Request::get("/sandbox/orders/X/pay").body(Vec::new()).unwrap(),
            Expect::Envelope(&[405]),
        ),
        (
            "query-ff",
            http::Request::post("/sandbox/orders/NO-SUCH/pay?mchid=%FF")
                .body(b"{\"result\":\"SUCCESS\"}".to_vec())
                .unwrap(),
            Expect::Envelope(&[400, 404]),
        ),
    ];
    for (name, request, expect) in admin {
        cases.push(Case::new("admin", name, Payload::Http(Box::new(request)), expect));
    }
    // The pages answer HTML or redirect back with a note; a bad form is 4xx, never 5xx.
    let page_statuses: &[u16] = &[200, 303, 400, 404, 405, 413, 415, 422];
    let forms: Vec<(&str, &str, Vec<u8>)> = vec![
        ("form-garbage", "application/x-www-form-urlencoded", b"%%%&&&==".to_vec()),
        ("form-non-utf8", "application/x-www-form-urlencoded", b"params=\xff\xfe".to_vec()),
        ("form-as-json", "application/json", b"{\"params\":1}".to_vec()),
        ("form-multipart", "multipart/form-data; boundary=x", b"--x\r\n\r\n--x--".to_vec()),
        ("form-missing-type", "", b"params=1".to_vec()),
        ("form-10mib", "application/x-www-form-urlencoded", vec![b'a'; 10 * 1024 * 1024]),
        (
            "form-nested-json",
            "application/x-www-form-urlencoded",
            [b"params=".as_slice(), &vec![b'['; 100_000]].concat(),
        ),
    ];
    for path in [
        "/cashier",
        "/cashier/pay",
        "/console/orders/pay",
        "/console/refunds/complete",
        "/console/deliveries/redeliver",
    ] {
        for (variant, content_type, body) in &forms {
            let mut request = http::Request::post(path).body(body.clone()).unwrap();
            if !content_type.is_empty() {
                request
                    .headers_mut()
                    .insert("content-type", http::HeaderValue::from_static(content_type));
            }
            cases.push(Case::new(
                "page",
                format!("{path}/{variant}"),
                Payload::Http(Box::new(request)),
                Expect::Status(page_statuses),
            ));
        }
    }
    for query in ["?params=%FF%FE", "?params=%7B", "?note=%FF&bad=%FF", "?params=1e400"] {
        for path in ["/", "/cashier", "/cashier/result", "/console/live", "/cashier/result/live"] {
            let request = http::Request::get(format!("{path}{query}")).body(Vec::new()).unwrap();
            cases.push(Case::new(
                "page",
                format!("{path}{query}"),
                Payload::Http(Box::new(request)),
                Expect::Status(page_statuses),
            ));
        }
    }
    cases
}

#[tokio::test]
async fn the_sandbox_answers_bad_content_with_the_envelope() {
    harness::panics_on_this_thread();
    let capture = Capture::start();
    let keys = sandbox_keys();
    let running = sandbox().await;
    let target = sandbox_target(&keys, &running);
    let mut cases = Vec::new();
    for endpoint in &SANDBOX {
        cases.extend(content::cases(&keys, endpoint, &running.base_url));
    }
    cases.extend(content::paths(&keys, &SANDBOX[0], &running.base_url));
    cases.extend(content::paths(&keys, &SANDBOX[3], &running.base_url));
    cases.extend(sandbox_own_routes());
    let (mut failures, mut count) = (Vec::new(), 0);
    run_all(&target, cases, &capture, &mut failures, &mut count).await;
    running.shutdown().await;
    harness::report(failures, count);
}

async fn receiver_content(index: usize) {
    harness::panics_on_this_thread();
    let capture = Capture::start();
    let keys = sandbox_keys();
    let (mut failures, mut count) = (Vec::new(), 0);
    let (target, running) = receiver_at(&keys, index).await;
    let base = format!("http://{}", target.addr);
    let mut cases = content::cases(&keys, &RECEIVERS[index], &base);
    cases.extend(content::paths(&keys, &RECEIVERS[index], &base));
    run_all(&target, cases, &capture, &mut failures, &mut count).await;
    running.shutdown().await;
    harness::report(failures, count);
}

#[tokio::test]
async fn the_payment_receiver_answers_bad_content_with_the_envelope() {
    receiver_content(0).await;
}

#[tokio::test]
async fn the_game_receiver_answers_bad_content_with_the_envelope() {
    receiver_content(1).await;
}

/// Malformed HTTP/1.1, HTTP/2 abuse and slow clients against `target`.
async fn transport_cases(
    target: &Target,
    capture: &Capture,
    failures: &mut Vec<String>,
    count: &mut usize,
) {
    let valid = (target.probe)();
    let path = valid.uri().path().to_owned();
    let bytes = http1::to_bytes(&valid);
    run_all(target, http1::cases(&bytes, &path), capture, failures, count).await;
    if !h2::answers(target.addr, &path).await {
        failures.push(format!("{}: no answer over HTTP/2 with prior knowledge", target.name));
    }
    for case in h2::cases(&path) {
        *count += 1;
        let started = std::time::Instant::now();
        let result = h2::run(target.addr, &case).await;
        println!("{}/h2/{}: {:?}", target.name, case.name, started.elapsed());
        if let Err(why) = result {
            failures.push(format!("{}/h2/{}: {why}", target.name, case.name));
        }
        if let Err(why) = harness::probe(target).await {
            failures.push(format!(
                "{}/h2/{}: the probe after it failed: {why}",
                target.name, case.name
            ));
        }
    }
    let started = std::time::Instant::now();
    let (slow, slow_failures) = slow::run(target.name, target.addr, &bytes).await;
    println!("{}/slow: {:?}", target.name, started.elapsed());
    *count += slow;
    failures.extend(slow_failures);
    if let Err(why) = harness::probe(target).await {
        failures.push(format!("{}/slow: the probe after them failed: {why}", target.name));
    }
    failures.extend(capture.failures(&harness::secrets(&sandbox_keys())));
}

#[tokio::test]
async fn the_sandbox_survives_malformed_http_and_slow_clients() {
    harness::panics_on_this_thread();
    let capture = Capture::start();
    let keys = sandbox_keys();
    let running = sandbox().await;
    let target = sandbox_target(&keys, &running);
    let (mut failures, mut count) = (Vec::new(), 0);
    transport_cases(&target, &capture, &mut failures, &mut count).await;
    running.shutdown().await;
    harness::report(failures, count);
}

async fn receiver_transport(index: usize) {
    harness::panics_on_this_thread();
    let capture = Capture::start();
    let keys = sandbox_keys();
    let (mut failures, mut count) = (Vec::new(), 0);
    let (target, running) = receiver_at(&keys, index).await;
    transport_cases(&target, &capture, &mut failures, &mut count).await;
    running.shutdown().await;
    harness::report(failures, count);
}

#[tokio::test]
async fn the_payment_receiver_survives_malformed_http_and_slow_clients() {
    receiver_transport(0).await;
}

#[tokio::test]
async fn the_game_receiver_survives_malformed_http_and_slow_clients() {
    receiver_transport(1).await;
}
