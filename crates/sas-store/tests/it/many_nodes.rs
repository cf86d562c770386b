//! Many nodes: four dispatchers, each with its own runtime and connection pool, share one
//! PostgreSQL outbox and deliver 5,000 callbacks: none in flight twice at once, none lost.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::delivery::{
    Attempt, Callback, CallbackId, Lease, Leased, Outbox, OutboxError, Record, State,
};
use sas_hyper::receiver::MemorySeen;
use sas_hyper::time::{Clock, SystemClock};
use sas_store::PostgresStore;
use tokio::net::TcpListener;

use crate::support::*;

const CALLBACKS: usize = 5_000;
const NODES: usize = 4;

/// An outbox counting the deliveries it records: what one node did.
struct Counting<O> {
    inner: O,
    delivered: Arc<AtomicUsize>,
}

impl<O: Outbox> Outbox for Counting<O> {
    async fn enqueue(&self, callback: Callback, now: UnixTime) -> Result<CallbackId, OutboxError> {
        self.inner.enqueue(callback, now).await
    }
    async fn lease_due(
        &self,
        now: UnixTime,
        max: usize,
        lease_for: Duration,
    ) -> Result<Vec<Leased>, OutboxError> {
        self.inner.lease_due(now, max, lease_for).await
    }
    async fn mark_delivered(&self, lease: Lease, attempt: Attempt) -> Result<(), OutboxError> {
        self.inner.mark_delivered(lease, attempt).await?;
        self.delivered.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
    async fn reschedule(
        &self,
        lease: Lease,
        attempt: Attempt,
        next: Option<UnixTime>,
    ) -> Result<(), OutboxError> {
        self.inner.reschedule(lease, attempt, next).await
    }
    async fn list(&self, state: State) -> Result<Vec<Record>, OutboxError> {
        self.inner.list(state).await
    }
    async fn get(&self, id: CallbackId) -> Result<Record, OutboxError> {
        self.inner.get(id).await
    }
    async fn redeliver(&self, id: CallbackId, now: UnixTime) -> Result<(), OutboxError> {
        self.inner.redeliver(id, now).await
    }
    async fn next_due(&self) -> Result<Option<UnixTime>, OutboxError> {
        self.inner.next_due().await
    }
}

async fn count(store: &PostgresStore, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(store.pool()).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_dispatchers_on_one_postgres_outbox_deliver_5000_callbacks_once_each() {
    in_schema(async |schema| {
        let watch = Watch::default();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/notify/game", listener.local_addr().unwrap());
        let receiver =
            serve_receiver(listener, &watch, MemorySeen::new(CALLBACKS), Duration::from_millis(1));

        let store = schema.store().await;
        let now = SystemClock.now();
        let mut tx = store.begin().await.unwrap();
        for n in 0..CALLBACKS {
            let callback = game_callback(&format!("ORDER-{n}"), &url);
            PostgresStore::enqueue_in(&mut tx, &callback, now).await.unwrap();
        }
        tx.commit().await.unwrap();

        let mut nodes = Vec::new();
        for _ in 0..NODES {
            let options = schema.options();
            let delivered = Arc::new(AtomicUsize::new(0));
            let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
            let counter = Arc::clone(&delivered);
            let thread = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async move {
                    let pool = sqlx::postgres::PgPoolOptions::new().max_connections(4);
                    let inner = PostgresStore::connect_with(pool, options).await.unwrap();
                    let outbox = Arc::new(Counting { inner, delivered: counter });
                    dispatcher(outbox, fast_config().lease_for(Duration::from_secs(30)))
                        .run(async {
                            stopped.await.ok();
                        })
                        .await;
                });
            });
            nodes.push((thread, stop, delivered));
        }

        eventually(Duration::from_secs(120), "every callback delivered", async || {
            count(&store, "SELECT count(*) FROM sas_callbacks WHERE state = 'delivered'").await
                == CALLBACKS as i64
        })
        .await;
        let mut per_node = Vec::new();
        for (thread, stop, delivered) in nodes {
            stop.send(()).ok();
            thread.join().unwrap();
            per_node.push(delivered.load(Ordering::SeqCst));
        }
        receiver.shutdown().await;

        assert_eq!(watch.most_in_flight(), 1, "a callback was in flight twice at once");
        let handled = watch.handled();
        assert_eq!(handled.len(), CALLBACKS, "none lost");
        assert!(handled.values().all(|&n| n == 1), "each handled once");
        assert_eq!(watch.requests(), CALLBACKS, "each sent once");
        let retried = count(
            &store,
            "SELECT count(*) FROM sas_callbacks WHERE jsonb_array_length(attempts) <> 1",
        )
        .await;
        assert_eq!(retried, 0, "each attempted once");
        assert_eq!(per_node.iter().sum::<usize>(), CALLBACKS, "{per_node:?}");
        assert!(per_node.iter().all(|&n| n > 0), "every node delivered some: {per_node:?}");
        store.pool().close().await;
    })
    .await;
}
