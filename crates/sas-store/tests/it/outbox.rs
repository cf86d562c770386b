//! One behaviour suite for every outbox: the in-memory one, SQLite and PostgreSQL.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use sas_hyper::delivery::{Attempt, CallbackId, MemoryOutbox, Outbox, OutboxError, State};

use crate::support::*;

fn failed(at: sas_hyper::UnixTime) -> Attempt {
    Attempt::new(
        at,
        Some(500),
        Some("SYSTEM_ERROR".to_owned()),
        Duration::from_nanos(3_141_592),
        Some("HTTP 500 Internal Server Error".to_owned()),
    )
}

fn ok(at: sas_hyper::UnixTime) -> Attempt {
    Attempt::new(at, Some(200), Some("0".to_owned()), Duration::from_millis(7), None)
}

async fn enqueued_callbacks_are_pending_due_now_with_no_history(outbox: Arc<impl Outbox>) {
    let mut ids = Vec::new();
    for n in 0..3 {
        ids.push(outbox.enqueue(callback(n), at(MINUTE * n as u32)).await.unwrap());
    }
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids grow: {ids:?}");
    let record = outbox.get(ids[1]).await.unwrap();
    assert_eq!(record.id, ids[1]);
    assert_eq!(record.callback, callback(1));
    assert_eq!(record.state, State::Pending);
    assert_eq!((record.enqueued_at, record.next_attempt_at), (at(MINUTE), at(MINUTE)));
    assert!(record.attempts.is_empty());
    assert_eq!(record.round_attempts, 0);
    let pending: Vec<CallbackId> =
        outbox.list(State::Pending).await.unwrap().iter().map(|r| r.id).collect();
    assert_eq!(pending, ids, "oldest first");
    assert!(outbox.list(State::Delivered).await.unwrap().is_empty());
    assert!(outbox.list(State::Dead).await.unwrap().is_empty());
    let unknown = CallbackId(ids[2].0 + 1000);
    assert!(matches!(outbox.get(unknown).await, Err(OutboxError::NotFound(id)) if id == unknown));
}

async fn a_leased_callback_is_not_leased_again_until_its_lease_expires(outbox: Arc<impl Outbox>) {
    outbox.enqueue(callback(0), T0).await.unwrap();
    let first = outbox.lease_due(T0, 10, MINUTE).await.unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].lease.until, at(MINUTE));
    assert_eq!(first[0].callback, callback(0));
    assert_eq!(first[0].attempts_made, 0);
    assert!(outbox.lease_due(at(MINUTE / 2), 10, MINUTE).await.unwrap().is_empty());
    let after = outbox.lease_due(at(MINUTE), 10, MINUTE).await.unwrap();
    assert_eq!(after.len(), 1, "an expired lease (a crashed dispatcher) gives it back");
    assert_ne!(after[0].lease.token, first[0].lease.token);
    // The crashed holder's late result is refused; the new holder's counts.
    let late = outbox.mark_delivered(first[0].lease, ok(T0)).await;
    assert!(matches!(late, Err(OutboxError::LeaseLost(_))), "{late:?}");
    let late = outbox.reschedule(first[0].lease, failed(T0), Some(T0)).await;
    assert!(matches!(late, Err(OutboxError::LeaseLost(_))), "{late:?}");
    outbox.mark_delivered(after[0].lease, ok(at(MINUTE))).await.unwrap();
    let delivered = outbox.list(State::Delivered).await.unwrap();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].attempts, [ok(at(MINUTE))]);
    assert_eq!(delivered[0].round_attempts, 1);
    // Marked once; a second mark with the same lease is refused.
    let again = outbox.mark_delivered(after[0].lease, ok(at(MINUTE))).await;
    assert!(matches!(again, Err(OutboxError::LeaseLost(_))), "{again:?}");
    assert!(outbox.lease_due(at(MINUTE * 10), 10, MINUTE).await.unwrap().is_empty());
}

async fn the_soonest_due_are_leased_first_up_to_the_maximum(outbox: Arc<impl Outbox>) {
    let late = outbox.enqueue(callback(0), at(MINUTE * 3)).await.unwrap();
    let soon = outbox.enqueue(callback(1), at(MINUTE)).await.unwrap();
    let middle = outbox.enqueue(callback(2), at(MINUTE * 2)).await.unwrap();
    let not_yet = outbox.enqueue(callback(3), at(MINUTE * 60)).await.unwrap();
    let leased = outbox.lease_due(at(MINUTE * 10), 2, MINUTE).await.unwrap();
    let ids: Vec<CallbackId> = leased.iter().map(|l| l.lease.id).collect();
    assert_eq!(ids, [soon, middle]);
    let rest = outbox.lease_due(at(MINUTE * 10), 10, MINUTE).await.unwrap();
    let ids: Vec<CallbackId> = rest.iter().map(|l| l.lease.id).collect();
    assert_eq!(ids, [late], "{not_yet} is not due yet");
    assert!(outbox.lease_due(at(MINUTE * 10), 0, MINUTE).await.unwrap().is_empty());
}

async fn failures_reschedule_then_kill_and_dead_ones_come_back_on_request(
    outbox: Arc<impl Outbox>,
) {
    let id = outbox.enqueue(callback(0), T0).await.unwrap();
    let leased = outbox.lease_due(T0, 10, MINUTE).await.unwrap();
    let next = at(MINUTE);
    outbox.reschedule(leased[0].lease, failed(T0), Some(next)).await.unwrap();
    let record = outbox.get(id).await.unwrap();
    assert_eq!(
        (record.state, record.next_attempt_at, record.round_attempts),
        (State::Pending, next, 1)
    );
    assert!(outbox.lease_due(at(MINUTE / 2), 10, MINUTE).await.unwrap().is_empty());
    let leased = outbox.lease_due(next, 10, MINUTE).await.unwrap();
    assert_eq!(leased[0].attempts_made, 1);
    outbox.reschedule(leased[0].lease, failed(next), None).await.unwrap();
    let dead = outbox.list(State::Dead).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].attempts, [failed(T0), failed(next)], "every attempt kept, exactly");
    assert!(outbox.lease_due(at(MINUTE * 100), 10, MINUTE).await.unwrap().is_empty());
    assert_eq!(outbox.next_due().await.unwrap(), None, "dead callbacks are never due");
    let redeliver_pending = outbox.redeliver(CallbackId(id.0 + 1000), next).await;
    assert!(matches!(redeliver_pending, Err(OutboxError::NotFound(_))));
    let later = at(MINUTE * 200);
    outbox.redeliver(id, later).await.unwrap();
    let again = outbox.redeliver(id, later).await;
    assert!(matches!(again, Err(OutboxError::NotFound(_))), "only dead ones: {again:?}");
    let leased = outbox.lease_due(later, 10, MINUTE).await.unwrap();
    assert_eq!(leased.len(), 1);
    assert_eq!(leased[0].attempts_made, 0, "a redelivered callback starts the schedule again");
    outbox.mark_delivered(leased[0].lease, ok(later)).await.unwrap();
    let record = outbox.get(id).await.unwrap();
    assert_eq!(record.state, State::Delivered);
    assert_eq!(record.attempts.len(), 3, "its history is kept");
}

async fn next_due_is_the_soonest_pending_callback_after_its_lease(outbox: Arc<impl Outbox>) {
    assert_eq!(outbox.next_due().await.unwrap(), None);
    outbox.enqueue(callback(0), at(MINUTE * 5)).await.unwrap();
    outbox.enqueue(callback(1), at(MINUTE * 2)).await.unwrap();
    assert_eq!(outbox.next_due().await.unwrap(), Some(at(MINUTE * 2)));
    let leased = outbox.lease_due(at(MINUTE * 3), 1, MINUTE * 10).await.unwrap();
    assert_eq!(outbox.next_due().await.unwrap(), Some(at(MINUTE * 5)), "the leased one waits");
    outbox.mark_delivered(leased[0].lease, ok(at(MINUTE * 3))).await.unwrap();
    let leased = outbox.lease_due(at(MINUTE * 5), 1, MINUTE * 10).await.unwrap();
    assert_eq!(outbox.next_due().await.unwrap(), Some(at(MINUTE * 15)), "until its lease ends");
    outbox.mark_delivered(leased[0].lease, ok(at(MINUTE * 5))).await.unwrap();
    assert_eq!(outbox.next_due().await.unwrap(), None);
}

async fn concurrent_leasers_never_get_the_same_callback(outbox: Arc<impl Outbox>) {
    const COUNT: usize = 200;
    for n in 0..COUNT {
        outbox.enqueue(callback(n), T0).await.unwrap();
    }
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let outbox = Arc::clone(&outbox);
        tasks.spawn(async move {
            let mut mine = Vec::new();
            loop {
                let leased = outbox.lease_due(T0, 7, MINUTE).await.unwrap();
                if leased.is_empty() {
                    return mine;
                }
                for item in leased {
                    mine.push(item.lease.id);
                    outbox.mark_delivered(item.lease, ok(T0)).await.unwrap();
                }
            }
        });
    }
    let mut all = Vec::new();
    while let Some(mine) = tasks.join_next().await {
        all.extend(mine.unwrap());
    }
    let distinct: BTreeSet<CallbackId> = all.iter().copied().collect();
    assert_eq!(all.len(), COUNT, "each leased once");
    assert_eq!(distinct.len(), COUNT);
    assert_eq!(outbox.list(State::Delivered).await.unwrap().len(), COUNT);
}

macro_rules! suite {
    ($($test:ident),* $(,)?) => {
        mod memory {
            $(#[tokio::test]
            async fn $test() {
                super::$test(std::sync::Arc::new(super::MemoryOutbox::new())).await;
            })*
        }
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                crate::support::with_sqlite(async |store| super::$test(std::sync::Arc::new(store)).await).await;
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                crate::support::with_postgres(async |store| super::$test(std::sync::Arc::new(store)).await).await;
            })*
        }
    };
}

suite! {
    enqueued_callbacks_are_pending_due_now_with_no_history,
    a_leased_callback_is_not_leased_again_until_its_lease_expires,
    the_soonest_due_are_leased_first_up_to_the_maximum,
    failures_reschedule_then_kill_and_dead_ones_come_back_on_request,
    next_due_is_the_soonest_pending_callback_after_its_lease,
    concurrent_leasers_never_get_the_same_callback,
}
