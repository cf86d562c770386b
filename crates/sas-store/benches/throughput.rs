//! Enqueue and deliver throughput, in callbacks per second, of each store on loopback: the
//! in-memory outbox (the reference), SQLite and PostgreSQL, in one run.
//!
//! ```sh
//! cargo bench -p sas-store
//! ```
//!
//! Enqueue: 16 tasks enqueue `COUNT` callbacks, each its own statement (a commit each).
//! Deliver: one dispatcher (16 attempts at once) delivers them to a receiver on loopback
//! (3.2 callbacks, HMAC-signed, an in-memory duplicate store); timed until the last is marked
//! delivered.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub, dead_code)]

#[path = "../tests/it/support.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use sas_hyper::delivery::{MemoryOutbox, Outbox, State};
use sas_hyper::receiver::MemorySeen;
use sas_hyper::time::{Clock, SystemClock};
use sas_store::SqliteStore;
use tokio::net::TcpListener;

use support::{TempDir, Watch, dispatcher, fast_config, game_callback, in_schema, serve_receiver};

const COUNT: usize = 2_000;

async fn measure<O: Outbox>(name: &str, outbox: Arc<O>, delivered: impl AsyncFn() -> usize) {
    let watch = Watch::default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/notify/game", listener.local_addr().unwrap());
    let receiver = serve_receiver(listener, &watch, MemorySeen::new(COUNT), Duration::ZERO);
    let callbacks: Vec<_> =
        (0..COUNT).map(|n| game_callback(&format!("ORDER-{n}"), &url)).collect();
    let callbacks = Arc::new(callbacks);

    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for task in 0..16 {
        let outbox = Arc::clone(&outbox);
        let callbacks = Arc::clone(&callbacks);
        tasks.spawn(async move {
            for callback in callbacks.iter().skip(task).step_by(16) {
                outbox.enqueue(callback.clone(), SystemClock.now()).await.unwrap();
            }
        });
    }
    while tasks.join_next().await.is_some() {}
    let enqueue = started.elapsed();

    let dispatcher = dispatcher(Arc::clone(&outbox), fast_config().concurrency(16));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let started = Instant::now();
    let running = tokio::spawn(dispatcher.run(async {
        stopped.await.ok();
    }));
    while delivered().await < COUNT {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let deliver = started.elapsed();
    stop.send(()).ok();
    running.await.unwrap();
    receiver.shutdown().await;
    assert_eq!(watch.handled().len(), COUNT);

    let rate = |took: Duration| COUNT as f64 / took.as_secs_f64();
    println!(
        "{name:<10} enqueue {:>9.0} callbacks/s   deliver {:>7.0} callbacks/s   ({COUNT} callbacks)",
        rate(enqueue),
        rate(deliver)
    );
}

async fn count<O: Outbox>(outbox: &O) -> usize {
    outbox.list(State::Delivered).await.unwrap().len()
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let memory = Arc::new(MemoryOutbox::new());
        measure("memory", Arc::clone(&memory), async || count(&*memory).await).await;

        let dir = TempDir::new();
        let sqlite = Arc::new(SqliteStore::open(dir.file("bench.db")).await.unwrap());
        let delivered = async || -> usize {
            let n: i64 =
                sqlx::query_scalar("SELECT count(*) FROM sas_callbacks WHERE state = 'delivered'")
                    .fetch_one(sqlite.pool())
                    .await
                    .unwrap();
            n as usize
        };
        measure("sqlite", Arc::clone(&sqlite), delivered).await;
        sqlite.pool().close().await;

        in_schema(async |schema| {
            let postgres = Arc::new(schema.store().await);
            let delivered = async || -> usize {
                let n: i64 = sqlx::query_scalar(
                    "SELECT count(*) FROM sas_callbacks WHERE state = 'delivered'",
                )
                .fetch_one(postgres.pool())
                .await
                .unwrap();
                n as usize
            };
            measure("postgres", Arc::clone(&postgres), delivered).await;
            postgres.pool().close().await;
        })
        .await;
    });
}
