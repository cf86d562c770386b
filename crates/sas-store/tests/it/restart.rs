//! A receiver restarted between two deliveries of one notification still calls its handler
//! once: the durable duplicate store remembers it.

use std::sync::Arc;
use std::time::Duration;

use sas_hyper::delivery::{MemoryOutbox, Outbox, State};
use sas_hyper::receiver::{MemorySeen, SeenStore};
use sas_store::SqliteStore;
use tokio::net::TcpListener;

use crate::support::*;

/// Delivers one notification, restarts the receiver (a new store over the same database from
/// `open`), delivers the same notification again; returns the handler calls.
async fn deliver_across_a_restart<S: SeenStore>(open: impl AsyncFn() -> S) -> usize {
    let watch = Watch::default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let url = format!("http://{addr}/notify/game");
    let outbox = Arc::new(MemoryOutbox::new());
    let dispatcher = dispatcher(Arc::clone(&outbox), fast_config());

    let first = serve_receiver(listener, &watch, open().await, Duration::ZERO);
    dispatcher.enqueue(game_callback("ORDER-R", &url)).await.unwrap();
    assert_eq!(dispatcher.run_once().await.unwrap(), 1);
    assert_eq!(watch.handled_calls(), 1);
    first.shutdown().await;

    let listener = TcpListener::bind(addr).await.unwrap();
    let second = serve_receiver(listener, &watch, open().await, Duration::ZERO);
    // The sender delivers the same notification again (its acknowledgement was lost, say). An
    // attempt over a connection the first receiver closed fails and is retried 15 ms later.
    dispatcher.enqueue(game_callback("ORDER-R", &url)).await.unwrap();
    eventually(Duration::from_secs(10), "the second delivery acknowledged", async || {
        dispatcher.run_once().await.unwrap();
        outbox.list(State::Delivered).await.unwrap().len() == 2
    })
    .await;
    second.shutdown().await;
    watch.handled_calls()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_receiver_restarted_between_two_deliveries_handles_the_notification_once() {
    let dir = TempDir::new();
    let path = dir.file("receiver.db");
    let calls = deliver_across_a_restart(async || SqliteStore::open(&path).await.unwrap()).await;
    assert_eq!(calls, 1, "the duplicate store remembered it across the restart");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_receiver_restarted_between_two_deliveries_handles_the_notification_once() {
    in_schema(async |schema| {
        let calls = deliver_across_a_restart(async || schema.store().await).await;
        assert_eq!(calls, 1, "the duplicate store remembered it across the restart");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_memory_the_restarted_receiver_handles_it_again() {
    // What the durable stores prevent (and what shows the test above can fail).
    let calls = deliver_across_a_restart(async || MemorySeen::new(100)).await;
    assert_eq!(calls, 2);
}
