//! Retention: delivered callbacks and handled notifications go once older than the retention;
//! pending and dead callbacks stay.

use std::sync::Arc;
use std::time::Duration;

use sas_hyper::delivery::{Attempt, Outbox, State};
use sas_hyper::receiver::{Claim, SeenStore};
use sas_hyper::time::ManualClock;
use sas_store::{Prune, Pruned, Retention};

use crate::support::*;

const HOUR: Duration = Duration::from_secs(3600);

async fn finished_rows_are_pruned_after_the_retention<S>(store: S, clock: Arc<ManualClock>)
where
    S: Outbox + SeenStore + Prune,
{
    let attempt = |at| Attempt::new(at, Some(200), Some("0".to_owned()), Duration::ZERO, None);
    for n in 0..3 {
        store.enqueue(callback(n), T0).await.unwrap();
    }
    let leased = store.lease_due(T0, 2, MINUTE).await.unwrap();
    store.mark_delivered(leased[0].lease, attempt(T0)).await.unwrap();
    store.reschedule(leased[1].lease, attempt(T0), None).await.unwrap();
    clock.set(T0);
    assert_eq!(store.claim("handled").await, Claim::New);
    store.complete("handled").await;

    let retention = Retention::new().delivered(HOUR).seen(HOUR * 2);
    let none = store.prune(at(HOUR - MINUTE), &retention).await.unwrap();
    assert_eq!(none, Pruned::default(), "nothing is old enough yet");
    let first = store.prune(at(HOUR), &retention).await.unwrap();
    assert_eq!((first.callbacks, first.seen), (1, 0));
    assert!(store.list(State::Delivered).await.unwrap().is_empty());
    assert_eq!(store.list(State::Dead).await.unwrap().len(), 1, "dead ones are kept");
    assert_eq!(store.list(State::Pending).await.unwrap().len(), 1);
    assert_eq!(store.claim("handled").await, Claim::Done);
    let later = store.prune(at(HOUR * 24 * 365), &retention).await.unwrap();
    assert_eq!((later.callbacks, later.seen), (0, 1));
    assert_eq!(store.list(State::Dead).await.unwrap().len(), 1, "dead ones are kept for good");
    assert_eq!(store.claim("handled").await, Claim::New, "forgotten after its retention");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_prunes_finished_rows_after_the_retention() {
    let clock = Arc::new(ManualClock::new(T0));
    with_sqlite(async |store| {
        finished_rows_are_pruned_after_the_retention(store.with_clock(Arc::clone(&clock)), clock)
            .await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_prunes_finished_rows_after_the_retention() {
    let clock = Arc::new(ManualClock::new(T0));
    with_postgres(async |store| {
        finished_rows_are_pruned_after_the_retention(store.with_clock(Arc::clone(&clock)), clock)
            .await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prune_every_prunes_until_shutdown() {
    with_sqlite(async |store| {
        let leased = {
            store.enqueue(callback(0), T0).await.unwrap();
            store.lease_due(T0, 1, MINUTE).await.unwrap()
        };
        let attempt = Attempt::new(T0, Some(200), None, Duration::ZERO, None);
        store.mark_delivered(leased[0].lease, attempt).await.unwrap();
        let clock = ManualClock::new(at(HOUR * 24 * 30));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let pruning = sas_store::retention::prune_every(
            &store,
            Retention::default(),
            Duration::from_millis(10),
            &clock,
            async {
                stopped.await.ok();
            },
        );
        let stopping = async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            stop.send(()).ok();
        };
        tokio::join!(pruning, stopping);
        assert!(store.list(State::Delivered).await.unwrap().is_empty());
    })
    .await;
}
