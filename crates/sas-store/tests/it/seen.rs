//! One behaviour suite for every duplicate store, and what only the durable ones do: remember
//! across a reopen, and hand over a claim abandoned longer than the claim timeout.

use std::sync::Arc;
use std::time::Duration;

use sas_hyper::receiver::{Claim, MemorySeen, SeenStore};
use sas_hyper::time::ManualClock;
use sas_store::{PostgresStore, SqliteStore};

use crate::support::*;

async fn a_claim_is_new_once_then_in_progress_then_done_and_released_ones_come_back(
    seen: impl SeenStore,
) {
    assert_eq!(seen.claim("a").await, Claim::New);
    assert_eq!(seen.claim("a").await, Claim::InProgress);
    assert_eq!(seen.claim("b").await, Claim::New, "claims are per notification");
    seen.release("a").await;
    assert_eq!(seen.claim("a").await, Claim::New);
    seen.complete("a").await;
    assert_eq!(seen.claim("a").await, Claim::Done);
    seen.release("a").await;
    assert_eq!(seen.claim("a").await, Claim::Done, "a handled one is not released");
    assert_eq!(seen.claim("b").await, Claim::InProgress);
}

async fn concurrent_claims_of_one_notification_give_one_new(seen: impl SeenStore + Clone) {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let seen = seen.clone();
        tasks.spawn(async move { seen.claim("same").await });
    }
    let mut new = 0;
    while let Some(claim) = tasks.join_next().await {
        match claim.unwrap() {
            Claim::New => new += 1,
            other => assert_eq!(other, Claim::InProgress),
        }
    }
    assert_eq!(new, 1);
}

#[derive(Clone)]
struct SharedMemory(Arc<MemorySeen>);

impl SeenStore for SharedMemory {
    async fn claim(&self, id: &str) -> Claim {
        self.0.claim(id).await
    }
    async fn complete(&self, id: &str) {
        self.0.complete(id).await;
    }
    async fn release(&self, id: &str) {
        self.0.release(id).await;
    }
}

macro_rules! suite {
    ($($test:ident),* $(,)?) => {
        mod memory {
            $(#[tokio::test]
            async fn $test() {
                super::$test(super::SharedMemory(std::sync::Arc::new(super::MemorySeen::new(100)))).await;
            })*
        }
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                crate::support::with_sqlite(async |store| super::$test(store).await).await;
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                crate::support::with_postgres(async |store| super::$test(store).await).await;
            })*
        }
    };
}

suite! {
    a_claim_is_new_once_then_in_progress_then_done_and_released_ones_come_back,
    concurrent_claims_of_one_notification_give_one_new,
}

/// Reopened (a new pool, as after a restart), a store remembers handled notifications and
/// claims in progress; a claim older than the timeout is handed over.
async fn durable_claims<S: SeenStore>(open: impl AsyncFn(Arc<ManualClock>) -> S) {
    let clock = Arc::new(ManualClock::new(T0));
    let before = open(Arc::clone(&clock)).await;
    assert_eq!(before.claim("handled").await, Claim::New);
    before.complete("handled").await;
    assert_eq!(before.claim("abandoned").await, Claim::New);
    drop(before);
    let after = open(Arc::clone(&clock)).await;
    assert_eq!(after.claim("handled").await, Claim::Done);
    assert_eq!(after.claim("abandoned").await, Claim::InProgress);
    clock.advance(Duration::from_secs(59));
    assert_eq!(after.claim("abandoned").await, Claim::InProgress, "within the claim timeout");
    clock.advance(Duration::from_secs(1));
    assert_eq!(after.claim("abandoned").await, Claim::New, "taken over after the timeout");
    assert_eq!(after.claim("abandoned").await, Claim::InProgress);
    after.complete("abandoned").await;
    clock.advance(Duration::from_secs(3600));
    assert_eq!(after.claim("abandoned").await, Claim::Done, "handled ones never time out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_remembers_across_a_reopen_and_hands_over_abandoned_claims() {
    let dir = TempDir::new();
    let path = dir.file("seen.db");
    durable_claims(async |clock| {
        SqliteStore::open(&path)
            .await
            .unwrap()
            .with_clock(clock)
            .claim_timeout(Duration::from_secs(60))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_remembers_across_a_reopen_and_hands_over_abandoned_claims() {
    in_schema(async |schema| {
        durable_claims(async |clock| -> PostgresStore {
            schema.store().await.with_clock(clock).claim_timeout(Duration::from_secs(60))
        })
        .await;
    })
    .await;
}
