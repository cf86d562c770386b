//! Shared fixtures: the committed test keys, signed callbacks, servers on loopback.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::future::BoxFuture;

use sas_core::api::payment::payment_notification::{self, Transaction};
use sas_core::callback;
use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, Certificate, PublicKeySet, RsaPrivateKey, SecretKey,
};
use sas_core::endpoint::{ApiRequest, Example};
use sas_hyper::server::{HttpService, ResponseBody, Running, ServeConfig, serve};
use sas_hyper::{SigningKeys, VerifyingKeys};
use tokio::net::TcpListener;

pub const SECRET: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";
pub const API_V3_KEY: &str = "0123456789ABCDEFabcdefghij012345";
pub const APP_KEY: &str = "12345";
pub const PLATFORM_SERIAL: &str = "5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11";
pub const MERCHANT_SERIAL: &str = "MERCHANT-SERIAL-1";

/// A committed test key file's text.
pub fn key_file(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap()
}

pub fn private_key(name: &str) -> RsaPrivateKey {
    RsaPrivateKey::from_pem(&key_file(name)).unwrap()
}

pub fn secret() -> SecretKey {
    SecretKey::new(SECRET).unwrap()
}

pub fn api_v3_key() -> ApiV3Key {
    ApiV3Key::new(API_V3_KEY).unwrap()
}

pub fn platform_keys() -> PublicKeySet {
    PublicKeySet::new()
        .with_certificate(Certificate::from_pem(&key_file("platform-2048.crt")).unwrap())
}

/// What the superapp signs callbacks with.
pub fn superapp_signing() -> SigningKeys {
    SigningKeys::new()
        .secret_key(secret())
        .platform(private_key("platform-2048.pem"), PLATFORM_SERIAL)
        .app_key(AppKey::new(APP_KEY).unwrap())
}

/// What a merchant checks callbacks with.
pub fn merchant_verifying() -> VerifyingKeys {
    VerifyingKeys::new().platform_keys(platform_keys()).app_keys(AppKey::new(APP_KEY).unwrap())
}

/// What every sender of the superapp's endpoints signs with, for merchant `mchid`.
pub fn sender_signing(mchid: &str) -> SigningKeys {
    SigningKeys::new()
        .secret_key(secret())
        .merchant(AuthorizationSigner::new(
            private_key("merchant-2048-pkcs1.pem"),
            mchid,
            MERCHANT_SERIAL,
        ))
        .app_key(AppKey::new(APP_KEY).unwrap())
}

/// What the superapp checks its endpoints' requests with: every merchant named in the examples.
pub fn superapp_verifying() -> VerifyingKeys {
    let public = private_key("merchant-2048-pkcs1.pem").public_key();
    let merchants: BTreeMap<String, PublicKeySet> =
        ["example-mchid", "example-TC-MerchantID", "1230000109"]
            .into_iter()
            .map(|mchid| {
                (mchid.to_owned(), PublicKeySet::new().with_key(MERCHANT_SERIAL, public.clone()))
            })
            .collect();
    let app_keys: BTreeMap<String, AppKey> = ["example-TC-MerchantID", ""]
        .into_iter()
        .map(|id| (id.to_owned(), AppKey::new(APP_KEY).unwrap()))
        .collect();
    VerifyingKeys::new().secret_key(secret()).merchant_keys(merchants).app_keys(app_keys)
}

/// The merchant a request names (`TC-MerchantID`, query or body `mchid`).
pub fn named_merchant<T: ApiRequest>(request: &T) -> String {
    let header = request.header_values().into_iter().find(|(n, _)| *n == "TC-MerchantID");
    let query = request.query_values().into_iter().find(|(n, _)| *n == "mchid");
    header
        .or(query)
        .map(|(_, v)| v.to_owned())
        .or_else(|| request.text("mchid").map(str::to_owned))
        .unwrap_or_else(|| "1230000109".to_owned())
}

/// A 2.2 callback with notification `id` about order `out_trade_no`, sealed under the test
/// APIv3 key.
pub fn payment_callback(id: &str, out_trade_no: &str) -> payment_notification::Request {
    let mut transaction = Transaction::example();
    transaction.out_trade_no = out_trade_no.to_owned();
    let mut notification = payment_notification::Request::example();
    notification.id = id.to_owned();
    notification.callback_out_trade_no = out_trade_no.to_owned();
    callback::seal(&mut notification, &transaction, &api_v3_key(), "n0nce1234567", "transaction")
        .unwrap();
    notification
}

/// Serves `service` on a fresh loopback port.
pub async fn serve_on_loopback<S: HttpService>(service: S, config: ServeConfig) -> Running {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    serve(listener, service, config).unwrap()
}

/// Serves `service` on `addr` (a port chosen earlier).
pub async fn serve_at<S: HttpService>(addr: SocketAddr, service: S) -> Running {
    let listener = TcpListener::bind(addr).await.unwrap();
    serve(listener, service, ServeConfig::default()).unwrap()
}

/// A loopback address nothing listens on (yet).
pub async fn free_addr() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    listener.local_addr().unwrap()
}

/// Waits until `done` holds, polling every 10 ms, at most `limit`.
pub async fn eventually(limit: Duration, mut done: impl AsyncFnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + limit;
    while !done().await {
        assert!(tokio::time::Instant::now() < deadline, "not done within {limit:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Counts the HTTP requests that reach the inner service.
#[derive(Clone)]
pub struct Counting<S> {
    pub inner: S,
    pub requests: Arc<AtomicUsize>,
}

impl<S, B> tower_service::Service<http::Request<B>> for Counting<S>
where
    S: tower_service::Service<
            http::Request<B>,
            Response = http::Response<ResponseBody>,
            Error = Infallible,
            Future = BoxFuture<'static, Result<http::Response<ResponseBody>, Infallible>>,
        >,
{
    type Response = http::Response<ResponseBody>;
    type Error = Infallible;
    type Future = S::Future;
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }
    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        self.requests.fetch_add(1, Ordering::SeqCst);
        self.inner.call(request)
    }
}

/// A service from an async closure answering every request.
pub fn tower_service_fn<F, Fut>(f: F) -> ServiceFn<F>
where
    F: Fn(http::Request<hyper::body::Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = http::Response<ResponseBody>> + Send + 'static,
{
    ServiceFn(f)
}

#[derive(Clone)]
pub struct ServiceFn<F>(F);

impl<F, Fut> tower_service::Service<http::Request<hyper::body::Incoming>> for ServiceFn<F>
where
    F: Fn(http::Request<hyper::body::Incoming>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = http::Response<ResponseBody>> + Send + 'static,
{
    type Response = http::Response<ResponseBody>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;
    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }
    fn call(&mut self, request: http::Request<hyper::body::Incoming>) -> Self::Future {
        let future = (self.0)(request);
        Box::pin(async move { Ok(future.await) })
    }
}

/// A request sent as is, without the SDK: method, URL, headers, body → status, headers, JSON.
pub async fn raw(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: impl Into<Vec<u8>>,
) -> (http::StatusCode, http::HeaderMap, serde_json::Value) {
    use http_body_util::BodyExt;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<http_body_util::Full<bytes::Bytes>>();
    let mut builder = http::Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let request = builder.body(http_body_util::Full::new(bytes::Bytes::from(body.into()))).unwrap();
    let response = client.request(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (parts.status, parts.headers, json)
}
