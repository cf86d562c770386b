//! Crash: a dispatcher process with 1,000 pending callbacks is killed with SIGKILL
//! mid-delivery and started again; every callback is delivered, and the receiver (whose
//! duplicate store is durable) handles each notification exactly once. On SQLite and on
//! PostgreSQL.
//!
//! The dispatcher is this test binary started again with `SAS_STORE_CRASH_CHILD` set; it runs
//! until killed. A harness of its own (`harness = false`) so the child needs no test filter.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub, dead_code)]

#[path = "../it/support.rs"]
mod support;

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::process::{ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::FutureExt;
use sas_hyper::delivery::{Outbox, State};
use sas_hyper::receiver::SeenStore;
use sas_hyper::time::{Clock, SystemClock};
use sas_store::{PostgresStore, SqliteStore};
use sqlx::postgres::PgConnectOptions;
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

use support::{
    TempDir, Watch, database_url, dispatcher, eventually, fast_config, game_callback, in_schema,
    serve_receiver,
};

const CHILD: &str = "SAS_STORE_CRASH_CHILD";
const DATABASE: &str = "SAS_STORE_CRASH_DATABASE";
const SCHEMA: &str = "SAS_STORE_CRASH_SCHEMA";
const CALLBACKS: usize = 1_000;
/// Handled before the kill: well into the run, well before its end.
const KILL_AFTER: usize = 300;

fn main() -> ExitCode {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    if let Ok(backend) = std::env::var(CHILD) {
        runtime.block_on(child(&backend));
        return ExitCode::SUCCESS;
    }
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    type Test = fn() -> std::pin::Pin<Box<dyn Future<Output = ()>>>;
    let tests: [(&str, Test); 2] = [
        (
            "sqlite_a_dispatcher_killed_mid_delivery_loses_nothing_and_duplicates_are_absorbed",
            || Box::pin(sqlite()),
        ),
        (
            "postgres_a_dispatcher_killed_mid_delivery_loses_nothing_and_duplicates_are_absorbed",
            || Box::pin(postgres()),
        ),
    ];
    let (mut passed, mut failed, mut filtered) = (0, 0, 0);
    for (name, test) in tests {
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            filtered += 1;
            continue;
        }
        println!("test {name} ...");
        let outcome = runtime.block_on(AssertUnwindSafe(test()).catch_unwind());
        if outcome.is_ok() {
            println!("test {name} ... ok");
            passed += 1;
        } else {
            println!("test {name} ... FAILED");
            failed += 1;
        }
    }
    let result = if failed == 0 { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {result}. {passed} passed; {failed} failed; 0 ignored; 0 measured; \
         {filtered} filtered out\n"
    );
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The dispatcher process: delivers the outbox until killed.
async fn child(backend: &str) {
    let database = std::env::var(DATABASE).unwrap();
    if backend == "sqlite" {
        let store = SqliteStore::open(&database).await.unwrap();
        dispatcher(Arc::new(store), fast_config()).run(std::future::pending()).await;
    } else {
        let options: PgConnectOptions = database.parse().unwrap();
        let schema = std::env::var(SCHEMA).unwrap();
        let options = options.options([("search_path", schema.as_str())]);
        let pool = sqlx::postgres::PgPoolOptions::new().max_connections(8);
        let store = PostgresStore::connect_with(pool, options).await.unwrap();
        dispatcher(Arc::new(store), fast_config()).run(std::future::pending()).await;
    }
}

fn spawn_child(env: &[(&str, String)]) -> Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    for (name, value) in env {
        command.env(name, value);
    }
    command.stdin(Stdio::null()).stdout(Stdio::null()).kill_on_drop(true).spawn().unwrap()
}

async fn sqlite() {
    let dir = TempDir::new();
    let outbox_file = dir.file("outbox.db");
    let outbox = SqliteStore::open(&outbox_file).await.unwrap();
    let seen = SqliteStore::open(dir.file("receiver.db")).await.unwrap();
    let env = [(CHILD, "sqlite".to_owned()), (DATABASE, outbox_file.display().to_string())];
    crash_and_restart(&outbox, seen, &env, async |url| {
        let mut tx = outbox.begin().await.unwrap();
        for n in 0..CALLBACKS {
            let callback = game_callback(&format!("ORDER-{n}"), url);
            SqliteStore::enqueue_in(&mut tx, &callback, SystemClock.now()).await.unwrap();
        }
        tx.commit().await.unwrap();
    })
    .await;
}

async fn postgres() {
    in_schema(async |schema| {
        let outbox = schema.store().await;
        let seen = schema.store().await;
        let env = [
            (CHILD, "postgres".to_owned()),
            (DATABASE, database_url().await),
            (SCHEMA, schema.name().to_owned()),
        ];
        crash_and_restart(&outbox, seen, &env, async |url| {
            let mut tx = outbox.begin().await.unwrap();
            for n in 0..CALLBACKS {
                let callback = game_callback(&format!("ORDER-{n}"), url);
                PostgresStore::enqueue_in(&mut tx, &callback, SystemClock.now()).await.unwrap();
            }
            tx.commit().await.unwrap();
        })
        .await;
        outbox.pool().close().await;
    })
    .await;
}

/// Enqueues the callbacks (`enqueue`, given the receiver's URL), runs the dispatcher process,
/// kills it with SIGKILL once [`KILL_AFTER`] are handled, starts it again and waits for every
/// callback to be delivered.
async fn crash_and_restart<O: Outbox>(
    outbox: &O,
    seen: impl SeenStore,
    env: &[(&str, String)],
    enqueue: impl AsyncFnOnce(&str),
) {
    let started = Instant::now();
    let watch = Watch::default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/notify/game", listener.local_addr().unwrap());
    let receiver = serve_receiver(listener, &watch, seen, Duration::from_millis(2));
    enqueue(&url).await;
    assert_eq!(outbox.list(State::Pending).await.unwrap().len(), CALLBACKS);

    let mut first = spawn_child(env);
    eventually(Duration::from_secs(60), "the first dispatcher handled some", async || {
        watch.handled_calls() >= KILL_AFTER
    })
    .await;
    first.start_kill().unwrap(); // SIGKILL
    first.wait().await.unwrap();
    let at_kill = watch.handled_calls();
    let delivered_at_kill = outbox.list(State::Delivered).await.unwrap().len();
    assert!(at_kill < CALLBACKS, "killed after the end: {at_kill} handled");

    let mut second = spawn_child(env);
    eventually(
        Duration::from_secs(120),
        "every callback delivered after the restart",
        async || outbox.list(State::Delivered).await.unwrap().len() == CALLBACKS,
    )
    .await;
    second.start_kill().unwrap();
    second.wait().await.unwrap();
    receiver.shutdown().await;

    let handled = watch.handled();
    assert_eq!(handled.len(), CALLBACKS, "none lost");
    let twice: Vec<_> = handled.iter().filter(|(_, n)| **n != 1).collect();
    assert!(twice.is_empty(), "handled more than once: {twice:?}");
    assert!(outbox.list(State::Pending).await.unwrap().is_empty());
    assert!(outbox.list(State::Dead).await.unwrap().is_empty());
    println!(
        "  killed with {at_kill} handled and {delivered_at_kill} marked delivered; \
         {} requests for {CALLBACKS} notifications ({} duplicates absorbed); {:.1?}",
        watch.requests(),
        watch.requests() - CALLBACKS,
        started.elapsed()
    );
}
