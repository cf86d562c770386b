//! The superapp server on loopback: every endpoint through the client, every failure status,
//! limits, request IDs, panics, graceful shutdown.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sas_core::api::{self, user::check_user};
use sas_core::endpoint::Example;
use sas_hyper::server::{
    HandlerError, REQUEST_ID_HEADER, RequestContext, ServeConfig, Superapp, SuperappService,
};
use sas_hyper::{Client, RetryPolicy, SigningKeys};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::*;

macro_rules! answer_every_endpoint_with_its_example {
    ($($method:ident => $group:ident :: $module:ident;)*) => {
        /// Answers every endpoint with the spec's example response.
        pub struct Examples;

        impl Superapp for Examples {
            $(
                async fn $method(
                    &self,
                    _: RequestContext,
                    _: api::$group::$module::Request,
                ) -> Result<api::$group::$module::Response, HandlerError> {
                    Ok(Example::example())
                }
            )*
        }
    };
}

answer_every_endpoint_with_its_example! {
    check_user => user::check_user;
    get_user_info_temporary_code => user::get_user_info_temporary_code;
    get_user_email => user::get_user_email;
    get_user_phone_number => user::get_user_phone_number;
    get_user_nick => user::get_user_nick;
    get_user_avatar => user::get_user_avatar;
    send_message => message::send_message;
    create_jsapi_order => payment::create_jsapi_order;
    query_order => payment::query_order;
    close_order => payment::close_order;
    create_mini_game_order => virtual_payment::create_mini_game_order;
    create_mini_program_order => virtual_payment::create_mini_program_order;
    create_refund => refund::create_refund;
    query_refund => refund::query_refund;
    create_virtual_refund => refund::create_virtual_refund;
}

fn client_for(base: &str, keys: SigningKeys) -> Client {
    Client::builder().base_url(base).keys(keys).retry(RetryPolicy::never()).build().unwrap()
}

async fn send_example<R: sas_core::endpoint::ApiRequest>(base: &str) -> &'static str
where
    R::Response: PartialEq + std::fmt::Debug,
{
    let request = R::example();
    let client = client_for(base, sender_signing(&named_merchant(&request)));
    let meta = R::METADATA;
    let received = client
        .send(&request)
        .await
        .unwrap_or_else(|e| panic!("{} ({}): {e}", meta.module, meta.section));
    assert_eq!(received.response, R::Response::example(), "{}", meta.module);
    assert_eq!(received.request_id.len(), 32, "{}: a generated request ID", meta.module);
    meta.section
}

macro_rules! send_every_endpoint {
    ($($kind:ident $group:ident $module:ident;)*) => {
        async fn send_every_endpoint(base: &str) -> Vec<&'static str> {
            let mut sent = Vec::new();
            $(send_every_endpoint!(@one $kind $group $module, base, sent);)*
            sent
        }
    };
    (@one endpoint $group:ident $module:ident, $base:ident, $sent:ident) => {
        $sent.push(send_example::<api::$group::$module::Request>($base).await);
    };
    (@one $other:ident $group:ident $module:ident, $base:ident, $sent:ident) => {};
}

sas_core::for_each_entry!(send_every_endpoint);

#[tokio::test]
async fn every_endpoint_answers_through_the_client_under_a_base_path() {
    let service = SuperappService::new(Examples, superapp_verifying().path_prefix("/sas"));
    let server = serve_on_loopback(service, ServeConfig::default()).await;
    let sent = send_every_endpoint(&format!("http://{}/sas", server.local_addr())).await;
    assert_eq!(sent.len(), 15, "{sent:?}");
    server.shutdown().await;
}

/// A backend with one method of each behaviour; everything else left out.
struct Faulty {
    calls: Arc<AtomicUsize>,
}

impl Superapp for Faulty {
    async fn check_user(
        &self,
        context: RequestContext,
        request: check_user::Request,
    ) -> Result<check_user::Response, HandlerError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        match request.user_id.as_str() {
            "panic" => panic!("a bug in the handler"),
            "fail" => Err(HandlerError::internal("db password=hunter2 refused")),
            "unknown" => Err(HandlerError::api(
                http::StatusCode::NOT_FOUND,
                "USER_NOT_FOUND",
                "no such user",
            )),
            "slow" => {
                tokio::time::sleep(Duration::from_millis(400)).await;
                Ok(check_user::Response::new(true))
            }
            _ => Ok(check_user::Response::new(!context.request_id.is_empty())),
        }
    }
}

async fn faulty_server(
    config: ServeConfig,
    body_limit: usize,
) -> (sas_hyper::server::Running, Arc<AtomicUsize>, String) {
    let calls = Arc::new(AtomicUsize::new(0));
    let service =
        SuperappService::builder(Faulty { calls: Arc::clone(&calls) }, superapp_verifying())
            .max_body_bytes(body_limit)
            .build();
    let server = serve_on_loopback(service, config).await;
    let base = format!("http://{}", server.local_addr());
    (server, calls, base)
}

fn check(user: &str) -> check_user::Request {
    let mut request = check_user::Request::example();
    request.user_id = user.to_owned();
    request
}

fn sas_client(base: &str) -> Client {
    client_for(base, SigningKeys::new().secret_key(secret()))
}

#[tokio::test]
async fn handler_errors_are_envelopes_with_fitting_statuses_and_a_panic_leaves_the_server_up() {
    let (server, calls, base) = faulty_server(ServeConfig::default(), 1024 * 1024).await;
    let client = sas_client(&base);

    let error = client.send(&check("unknown")).await.unwrap_err();
    let api = error.api_error().unwrap();
    assert_eq!(
        (api.status.as_u16(), api.code.as_str(), api.message.as_str()),
        (404, "USER_NOT_FOUND", "no such user")
    );
    assert!(error.is_status() && !error.is_auth());

    let error = client.send(&check("fail")).await.unwrap_err();
    let api = error.api_error().unwrap();
    assert_eq!(error.status(), Some(http::StatusCode::INTERNAL_SERVER_ERROR));
    assert!(!api.message.contains("hunter2"), "the cause leaked: {}", api.message);
    assert_eq!(api.request_id.len(), 32);

    let error = client.send(&check("panic")).await.unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::INTERNAL_SERVER_ERROR), "{error}");
    let after = client.send(&check("user-42")).await.unwrap();
    assert!(after.response.data, "the server is still up after a panic");
    assert_eq!(calls.load(Ordering::SeqCst), 4);

    let error = client.send(&api::user::get_user_nick::Request::example()).await.unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::NOT_IMPLEMENTED));
    assert_eq!(error.api_error().unwrap().code, "501");
    server.shutdown().await;
}

#[tokio::test]
async fn auth_is_checked_before_any_handler_and_answers_401() {
    let (server, calls, base) = faulty_server(ServeConfig::default(), 1024 * 1024).await;
    let wrong = client_for(
        &base,
        SigningKeys::new()
            .secret_key(sas_core::crypto::SecretKey::new("0123456789abcdef").unwrap()),
    );
    let error = wrong.send(&check("user-42")).await.unwrap_err();
    assert!(error.is_auth() && error.is_status(), "{error:?}");
    assert_eq!(error.status(), Some(http::StatusCode::UNAUTHORIZED));
    assert_eq!(error.api_error().unwrap().code, "401");

    // No signature at all, and a body that is not even JSON: 401, not 400.
    for body in [r#"{"userId":"u"}"#, "not json at all"] {
        let (status, _, json) = raw("POST", &format!("{base}/user/checkUser"), &[], body).await;
        assert_eq!(status, 401, "{json}");
    }
    assert_eq!(calls.load(Ordering::SeqCst), 0, "no handler ran");
    server.shutdown().await;
}

#[tokio::test]
async fn a_bad_body_with_good_auth_is_400() {
    let (server, calls, base) = faulty_server(ServeConfig::default(), 1024 * 1024).await;
    let signed = signed_check_user(&base);
    let headers: Vec<(String, String)> = signed
        .headers()
        .iter()
        .filter(|(n, _)| n.as_str() != "content-length")
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_owned()))
        .collect();
    let headers: Vec<(&str, &str)> =
        headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let (status, _, json) =
        raw("POST", &signed.uri().to_string(), &headers, r#"{"userId": 5}"#).await;
    assert_eq!(status, 400, "{json}");
    assert_eq!(json["returnCode"], "400");
    assert!(json["returnMessage"].as_str().unwrap().contains("userId"), "{json}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    server.shutdown().await;
}

/// A check_user request signed now for `base`.
fn signed_check_user(base: &str) -> http::Request<Vec<u8>> {
    use sas_core::auth::Signing;
    use sas_core::request::OutgoingRequest;
    use sas_hyper::time::Clock;
    let now = sas_hyper::time::SystemClock.now();
    let key = secret();
    check("user-42").try_into_http_request(base, &Signing::new(now).secret_key(&key)).unwrap()
}

#[tokio::test]
async fn unknown_paths_are_404_and_wrong_methods_405_with_allow() {
    let (server, _, base) = faulty_server(ServeConfig::default(), 1024 * 1024).await;
    let (status, headers, json) = raw("POST", &format!("{base}/user/nope"), &[], "{}").await;
    assert_eq!((status.as_u16(), json["returnCode"].as_str()), (404, Some("404")));
    assert_eq!(headers[REQUEST_ID_HEADER].len(), 32);
    let (status, headers, json) = raw("GET", &format!("{base}/user/checkUser"), &[], "").await;
    assert_eq!(status, 405, "{json}");
    assert_eq!(headers[http::header::ALLOW], "POST");
    let (status, headers, _) =
        raw("DELETE", &format!("{base}/v3/pay/transactions/out-trade-no/A1"), &[], "").await;
    assert_eq!(status, 405);
    assert_eq!(headers[http::header::ALLOW], "GET");
    server.shutdown().await;
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let (server, calls, base) = faulty_server(ServeConfig::default(), 1024).await;
    let big = format!(r#"{{"userId":"{}"}}"#, "x".repeat(2048));
    let (status, _, json) = raw("POST", &format!("{base}/user/checkUser"), &[], big).await;
    assert_eq!(status, 413, "{json}");
    assert_eq!(json["returnCode"], "413");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
    server.shutdown().await;
}

#[tokio::test]
async fn the_request_id_comes_from_x_request_id_or_is_generated() {
    let (server, _, base) = faulty_server(ServeConfig::default(), 1024).await;
    let (_, headers, json) =
        raw("POST", &format!("{base}/nope"), &[("X-Request-Id", "trace-7")], "").await;
    assert_eq!(headers[REQUEST_ID_HEADER], "trace-7");
    assert_eq!(json["requestId"], "trace-7");
    let (_, headers, json) = raw("POST", &format!("{base}/nope"), &[], "").await;
    let generated = headers[REQUEST_ID_HEADER].to_str().unwrap();
    assert_eq!(json["requestId"], generated);
    assert!(generated.len() == 32 && generated.bytes().all(|b| b.is_ascii_hexdigit()));
    server.shutdown().await;
}

#[tokio::test]
async fn a_request_over_its_time_limit_is_503() {
    let config = ServeConfig::default().request_timeout(Duration::from_millis(100));
    let (server, _, base) = faulty_server(config, 1024).await;
    let error = sas_client(&base).send(&check("slow")).await.unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::SERVICE_UNAVAILABLE), "{error:?}");
    assert_eq!(error.api_error().unwrap().code, "503");
    server.shutdown().await;
}

#[tokio::test]
async fn a_connection_over_the_limit_is_answered_503() {
    let config = ServeConfig::default().max_connections(1);
    let (server, _, base) = faulty_server(config, 1024).await;
    // Hold the one connection open.
    let mut held = tokio::net::TcpStream::connect(server.local_addr()).await.unwrap();
    held.write_all(b"POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").await.unwrap();
    let mut buffer = [0u8; 512];
    let read = held.read(&mut buffer).await.unwrap();
    assert!(String::from_utf8_lossy(&buffer[..read]).starts_with("HTTP/1.1 404"));
    let (status, _, json) = raw("POST", &format!("{base}/nope"), &[], "").await;
    assert_eq!(status, 503, "{json}");
    drop(held);
    server.shutdown().await;
}

#[tokio::test]
async fn a_slow_client_is_disconnected_after_the_header_read_timeout() {
    let config = ServeConfig::default().header_read_timeout(Duration::from_millis(200));
    let (server, _, _) = faulty_server(config, 1024).await;
    let mut slow = tokio::net::TcpStream::connect(server.local_addr()).await.unwrap();
    slow.write_all(b"POST /user/checkUser HTTP/1.1\r\nHost: x\r\n").await.unwrap();
    let mut buffer = [0u8; 512];
    let started = std::time::Instant::now();
    let read = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut buffer)).await;
    let elapsed = started.elapsed();
    assert!(matches!(read, Ok(Ok(_)) | Ok(Err(_))), "the connection was not closed");
    assert!(elapsed >= Duration::from_millis(150), "closed after {elapsed:?}");
    server.shutdown().await;
}

#[tokio::test]
async fn a_client_that_sends_nothing_is_disconnected_after_the_header_read_timeout() {
    let config = ServeConfig::default().header_read_timeout(Duration::from_millis(200));
    let (server, _, _) = faulty_server(config, 1024).await;
    let mut silent = tokio::net::TcpStream::connect(server.local_addr()).await.unwrap();
    let started = std::time::Instant::now();
    let read = tokio::time::timeout(Duration::from_secs(5), silent.read(&mut [0u8; 64])).await;
    assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "the connection was not closed: {read:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "closed after {:?}",
        started.elapsed()
    );
    server.shutdown().await;
}

#[tokio::test]
async fn a_request_head_over_64_kib_is_431() {
    let (server, _, _) = faulty_server(ServeConfig::default(), 1024).await;
    let client = tokio::net::TcpStream::connect(server.local_addr()).await.unwrap();
    let (mut read, mut write) = client.into_split();
    let head = format!(
        "POST /user/checkUser HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "b".repeat(100 * 1024)
    );
    // Written while the answer is read: the server answers before it has read it all.
    let writer = tokio::spawn(async move {
        let _ = write.write_all(head.as_bytes()).await;
        write
    });
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), read.read_to_end(&mut answer)).await;
    writer.abort();
    assert!(answer.starts_with(b"HTTP/1.1 431"), "{}", String::from_utf8_lossy(&answer));
    server.shutdown().await;
}

#[tokio::test]
async fn graceful_shutdown_lets_requests_in_flight_finish_and_stops_accepting() {
    let (server, _, base) = faulty_server(ServeConfig::default(), 1024).await;
    let addr = server.local_addr();
    let client = sas_client(&base);
    let in_flight = tokio::spawn(async move { client.send(&check("slow")).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    server.shutdown().await;
    let answer = in_flight.await.unwrap().unwrap();
    assert!(answer.response.data, "the in-flight request finished");
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "still accepting");
}

#[tokio::test]
async fn http2_with_prior_knowledge() {
    let (server, _, base) = faulty_server(ServeConfig::default(), 1024).await;
    let client = Client::builder()
        .base_url(base)
        .keys(SigningKeys::new().secret_key(secret()))
        .http2_prior_knowledge(true)
        .build()
        .unwrap();
    assert!(client.send(&check("user-42")).await.unwrap().response.data);
    server.shutdown().await;
}
