//! What every test shares: the PostgreSQL server (found once, in one place), a fresh schema per
//! test, a temporary SQLite file per test, callbacks, keys and a counting receiver.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use sas_core::api::virtual_payment::mini_game_payment_notification;
use sas_core::crypto::{AppKey, SecretKey};
use sas_core::endpoint::Example;
use sas_core::types::JsonString;
use sas_hyper::delivery::{
    Callback, CallbackEntry, Dispatcher, DispatcherConfig, Outbox, Schedule,
};
use sas_hyper::receiver::{Delivered, Receiver, SeenStore};
use sas_hyper::server::{HandlerError, ResponseBody, Running, ServeConfig, serve};
use sas_hyper::{Client, RetryPolicy, SigningKeys, UnixTime, VerifyingKeys};
use sas_store::{PostgresStore, SqliteStore};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, Executor, PgConnection};
use tokio::net::TcpListener;

/// The server the tests use when `SAS_TEST_DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// The PostgreSQL the tests use: `SAS_TEST_DATABASE_URL`, else the server at 127.0.0.1:5432 if
/// it answers. No test is skipped for want of one: a missing server fails with what to do.
pub async fn database_url() -> String {
    if let Ok(url) = std::env::var("SAS_TEST_DATABASE_URL") {
        return url;
    }
    let probe =
        tokio::time::timeout(Duration::from_secs(5), PgConnection::connect(DEFAULT_DATABASE_URL))
            .await;
    match probe {
        Ok(Ok(connection)) => {
            connection.close().await.ok();
            DEFAULT_DATABASE_URL.to_owned()
        }
        Ok(Err(error)) => no_server(&error.to_string()),
        Err(_) => no_server("no answer within 5 s"),
    }
}

fn no_server(why: &str) -> ! {
    panic!(
        "these tests need PostgreSQL and found none at {DEFAULT_DATABASE_URL} ({why}).\n\
         Set SAS_TEST_DATABASE_URL to a database where the tests may create and drop schemas, \
         start a server there (trust auth, database `test`), or run `cargo xtask ci`, which \
         starts a throwaway cluster from Debian's `postgresql` binaries when none answers."
    )
}

/// A name no other test (in this process or another) uses.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().subsec_nanos();
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst))
}

/// A schema of its own in the test database, dropped by [`PgSchema::drop`].
pub struct PgSchema {
    url: String,
    name: String,
}

impl PgSchema {
    pub async fn create() -> Self {
        let url = database_url().await;
        let name = unique("sas_test");
        let mut admin = PgConnection::connect(&url).await.unwrap();
        admin.execute(format!("CREATE SCHEMA {name}").as_str()).await.unwrap();
        admin.close().await.ok();
        Self { url, name }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Connection options whose tables live in this schema.
    pub fn options(&self) -> PgConnectOptions {
        let options: PgConnectOptions = self.url.parse().unwrap();
        options.options([("search_path", self.name.as_str())])
    }

    /// A store (its own pool) in this schema.
    pub async fn store(&self) -> PostgresStore {
        self.store_with(10).await
    }

    pub async fn store_with(&self, connections: u32) -> PostgresStore {
        PostgresStore::connect_with(
            PgPoolOptions::new().max_connections(connections),
            self.options(),
        )
        .await
        .unwrap()
    }

    pub async fn drop(self) {
        let mut admin = PgConnection::connect(&self.url).await.unwrap();
        let drop = format!("DROP SCHEMA {} CASCADE", self.name());
        admin.execute(drop.as_str()).await.unwrap();
        admin.close().await.ok();
    }
}

/// Runs `test` in a fresh schema and drops the schema afterwards, even when `test` panics.
pub async fn in_schema(test: impl AsyncFnOnce(&PgSchema)) {
    let schema = PgSchema::create().await;
    let outcome = std::panic::AssertUnwindSafe(test(&schema)).catch_unwind().await;
    schema.drop().await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Runs `test` on a store in a fresh schema, dropped afterwards.
pub async fn with_postgres(test: impl AsyncFnOnce(PostgresStore)) {
    in_schema(async |schema| test(schema.store().await).await).await;
}

/// A temporary folder, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(unique("sas-store-test"));
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `test` on a store in a fresh SQLite file, removed afterwards.
pub async fn with_sqlite(test: impl AsyncFnOnce(SqliteStore)) {
    let dir = TempDir::new();
    let store = SqliteStore::open(dir.file("store.db")).await.unwrap();
    test(store.clone()).await;
    store.pool().close().await;
}

/// A fixed start time.
pub const T0: UnixTime = UnixTime::from_secs(1_800_000_000);
pub const MINUTE: Duration = Duration::from_secs(60);

pub fn at(offset: Duration) -> UnixTime {
    UnixTime::from_millis(T0.as_millis() + u64::try_from(offset.as_millis()).unwrap())
}

pub const SECRET: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";
pub const APP_KEY: &str = "12345";

/// What the superapp signs 3.2 callbacks with.
pub fn signing_keys() -> SigningKeys {
    SigningKeys::new()
        .secret_key(SecretKey::new(SECRET).unwrap())
        .app_key(AppKey::new(APP_KEY).unwrap())
}

/// What the merchant checks them with.
pub fn verifying_keys() -> VerifyingKeys {
    VerifyingKeys::new().app_keys(AppKey::new(APP_KEY).unwrap())
}

pub type Game = mini_game_payment_notification::Request;

/// A 3.2 callback about order `out_trade_no`.
pub fn game_notification(out_trade_no: &str) -> Game {
    let mut callback = Game::example();
    let mut payload = callback.payload.parse().unwrap();
    payload.out_trade_no = out_trade_no.to_owned();
    callback.payload = JsonString::encode(&payload).unwrap();
    callback
}

/// The stored form of a 3.2 callback about `out_trade_no`, to `url`.
pub fn game_callback(out_trade_no: &str, url: &str) -> Callback {
    Callback::new(&game_notification(out_trade_no), url).unwrap()
}

/// A callback for the outbox tests (never sent).
pub fn callback(n: usize) -> Callback {
    let callback = game_callback(&format!("ORDER-{n}"), "http://127.0.0.1:1/notify");
    assert_eq!(callback.entry, CallbackEntry::MiniGamePayment);
    callback
}

/// What a receiver saw: handler calls per notification, deliveries in flight per order at the
/// HTTP level, and the most ever in flight for one order at once.
#[derive(Clone, Default)]
pub struct Watch(Arc<WatchInner>);

#[derive(Default)]
struct WatchInner {
    handled: Mutex<BTreeMap<String, usize>>,
    in_flight: Mutex<BTreeMap<String, usize>>,
    most_in_flight: AtomicUsize,
    requests: AtomicUsize,
}

impl Watch {
    pub fn handled(&self) -> BTreeMap<String, usize> {
        self.0.handled.lock().unwrap().clone()
    }

    pub fn handled_calls(&self) -> usize {
        self.0.handled.lock().unwrap().values().sum()
    }

    /// The most deliveries of one order ever in flight at once.
    pub fn most_in_flight(&self) -> usize {
        self.0.most_in_flight.load(Ordering::SeqCst)
    }

    pub fn requests(&self) -> usize {
        self.0.requests.load(Ordering::SeqCst)
    }

    fn enter(&self, order: &str) {
        self.0.requests.fetch_add(1, Ordering::SeqCst);
        let mut in_flight = self.0.in_flight.lock().unwrap();
        let now = in_flight.entry(order.to_owned()).or_default();
        *now += 1;
        self.0.most_in_flight.fetch_max(*now, Ordering::SeqCst);
    }

    fn leave(&self, order: &str) {
        let mut in_flight = self.0.in_flight.lock().unwrap();
        if let Some(now) = in_flight.get_mut(order) {
            *now -= 1;
        }
    }
}

/// A 3.2 receiver whose handler counts calls in `watch` (taking `work` each), with `seen` as its
/// duplicate store, served on `listener`, every request watched for overlap per order.
pub fn serve_receiver<S: SeenStore>(
    listener: TcpListener,
    watch: &Watch,
    seen: S,
    work: Duration,
) -> Running {
    let handled = watch.clone();
    let receiver = Receiver::builder(verifying_keys(), move |delivered: Delivered<Game>| {
        let handled = handled.clone();
        async move {
            tokio::time::sleep(work).await;
            *handled.0.handled.lock().unwrap().entry(delivered.notification_id).or_default() += 1;
            Ok::<(), HandlerError>(())
        }
    })
    .seen_store(seen)
    .build();
    let watching = Watching { receiver: Arc::new(receiver), watch: watch.clone() };
    serve(listener, watching, ServeConfig::default()).unwrap()
}

struct Watching<R> {
    receiver: Arc<R>,
    watch: Watch,
}

impl<R> Clone for Watching<R> {
    fn clone(&self) -> Self {
        Self { receiver: Arc::clone(&self.receiver), watch: self.watch.clone() }
    }
}

impl<H, S> tower_service::Service<http::Request<Incoming>> for Watching<Receiver<Game, H, S>>
where
    H: sas_hyper::receiver::Handler<Game>,
    S: SeenStore,
{
    type Response = http::Response<ResponseBody>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Incoming>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let bytes = body.collect().await.map(|body| body.to_bytes()).unwrap_or_default();
            let order = order_of(&bytes);
            this.watch.enter(&order);
            let request = http::Request::from_parts(parts, Full::new(bytes));
            let response = this.receiver.handle(request).await;
            this.watch.leave(&order);
            Ok(response)
        })
    }
}

/// The order a 3.2 body is about (its `Payload`'s `OutTradeNo`).
fn order_of(body: &[u8]) -> String {
    let body: serde_json::Value = serde_json::from_slice(body).unwrap();
    let payload: serde_json::Value =
        serde_json::from_str(body["Payload"].as_str().unwrap()).unwrap();
    payload["OutTradeNo"].as_str().unwrap().to_owned()
}

/// Waits until `done` holds, polling every 20 ms; panics with `what` after `limit`.
pub async fn eventually(limit: Duration, what: &str, mut done: impl AsyncFnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + limit;
    while !done().await {
        assert!(tokio::time::Instant::now() < deadline, "not within {limit:?}: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A dispatcher configuration for tests: fast polls, short leases, a compressed schedule.
pub fn fast_config() -> DispatcherConfig {
    DispatcherConfig::default()
        .schedule(Schedule::protocol().compressed(1000))
        .concurrency(16)
        .attempt_timeout(Duration::from_secs(1))
        .lease_for(Duration::from_secs(2))
        .poll_interval(Duration::from_millis(50))
        .shutdown_grace(Duration::from_secs(2))
}

/// A dispatcher over `outbox` with the test keys and `config`.
pub fn dispatcher<O: Outbox>(outbox: Arc<O>, config: DispatcherConfig) -> Dispatcher<O> {
    let client = Client::builder().retry(RetryPolicy::never()).build().unwrap();
    Dispatcher::with_client(outbox, signing_keys(), client, config)
}
