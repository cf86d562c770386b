//! The merchant's callback endpoints for the load run: one sas-hyper `Receiver` per callback
//! (2.2, 3.2, 4.2, 5.1.3, 5.2.2), each counting the notifications its handler is given, by
//! order or refund number, against the callbacks the run expects.
//!
//! What they keep is bounded, so that a long run measures the sandbox's memory and not theirs:
//! a callback expected and handled once is one bit, and each receiver remembers the last
//! [`SEEN`] notifications to drop duplicates (a duplicate of an older one reaches the handler,
//! which counts it as duplicated, so no duplicate goes unnoticed).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use sas_core::api::payment::payment_notification;
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_hyper::receiver::{Delivered, Handler, MemorySeen, Notification, Receiver};
use sas_hyper::server::HandlerError;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::demo::merchant::paths;
use crate::keyfile::KeysFile;

/// What a callback is about: an order paid (or not) or a refund completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Subject {
    /// 2.2, 3.2 or 4.2, by the order's sequence number.
    Payment,
    /// 5.1.3 or 5.2.2, by the refund's sequence number.
    Refund,
}

/// How many handled notifications each callback endpoint remembers to drop duplicates: at a
/// load run's rate (up to about 130 a second on one endpoint), those of the last 15 s or more,
/// as long as the sandbox waits before its first retry. A duplicate of an older one reaches
/// the handler and is counted as duplicated.
const SEEN: usize = 2_000;

/// How often one callback was expected and handled.
#[derive(Clone, Copy, Debug, Default)]
struct Count {
    expected: bool,
    handled: u32,
}

/// The callbacks expected and handled: those expected and handled exactly once as one bit
/// each, the others (still awaited, unexpected so far, or handled twice before they were
/// expected) counted by subject and sequence number.
#[derive(Debug, Default)]
struct Counts {
    open: BTreeMap<(Subject, u64), Count>,
    /// By subject, bit `seq` set once that callback was expected and handled once.
    settled: [Vec<u64>; 2],
    settled_count: u64,
    /// Handler calls for a settled callback.
    late_duplicates: u64,
}

impl Counts {
    fn bit(subject: Subject, seq: u64) -> (usize, usize, u64) {
        let word = usize::try_from(seq / 64).unwrap_or(usize::MAX);
        (subject as usize, word, 1 << (seq % 64))
    }

    fn is_settled(&self, subject: Subject, seq: u64) -> bool {
        let (set, word, bit) = Self::bit(subject, seq);
        self.settled[set].get(word).is_some_and(|w| w & bit != 0)
    }

    /// Settles the callback if it was expected and handled once.
    fn settle_if_done(&mut self, subject: Subject, seq: u64) {
        let Some(count) = self.open.get(&(subject, seq)) else { return };
        if !(count.expected && count.handled == 1) {
            return;
        }
        self.open.remove(&(subject, seq));
        let (set, word, bit) = Self::bit(subject, seq);
        let words = &mut self.settled[set];
        if words.len() <= word {
            words.resize(word + 1, 0);
        }
        words[word] |= bit;
        self.settled_count += 1;
    }

    fn expect(&mut self, subject: Subject, seq: u64) {
        self.open.entry((subject, seq)).or_default().expected = true;
        self.settle_if_done(subject, seq);
    }

    fn handled(&mut self, subject: Subject, seq: u64) {
        if self.is_settled(subject, seq) {
            self.late_duplicates += 1;
            return;
        }
        self.open.entry((subject, seq)).or_default().handled += 1;
        self.settle_if_done(subject, seq);
    }
}

/// The callbacks expected and handled, by subject and sequence number.
#[derive(Debug)]
pub(crate) struct Tally {
    /// `L<run>-` or `R<run>-` precede the sequence number in order and refund numbers.
    run: String,
    counts: Mutex<Counts>,
    /// Handled callbacks whose number is not one of this run's.
    foreign: AtomicU64,
    /// HTTP requests that reached the callback endpoints (redeliveries included).
    deliveries: AtomicU64,
}

/// The callbacks of a run, summed up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Callbacks {
    /// Callbacks the sandbox accepted to send (orders paid, refunds completed).
    pub(crate) expected: u64,
    /// Expected callbacks the handler was given at least once.
    pub(crate) received: u64,
    /// Expected callbacks never handled.
    pub(crate) lost: u64,
    /// Extra handler calls for a callback already handled.
    pub(crate) duplicated: u64,
    /// Callbacks handled that the run did not expect (no order paid or refund completed).
    pub(crate) unexpected: u64,
    /// HTTP requests that reached the callback endpoints.
    pub(crate) deliveries: u64,
}

impl Tally {
    /// A tally for the run whose numbers carry `run`.
    pub(crate) fn new(run: &str) -> Self {
        Self {
            run: run.to_owned(),
            counts: Mutex::new(Counts::default()),
            foreign: AtomicU64::new(0),
            deliveries: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The order number of sequence number `seq`.
    pub(crate) fn order_no(&self, seq: u64) -> String {
        format!("L{}-{seq}", self.run)
    }

    /// The refund number of sequence number `seq`.
    pub(crate) fn refund_no(&self, seq: u64) -> String {
        format!("R{}-{seq}", self.run)
    }

    /// The sandbox accepted to send one callback about `subject` number `seq`.
    pub(crate) fn expect(&self, subject: Subject, seq: u64) {
        self.lock().expect(subject, seq);
    }

    /// The handler was given a callback about `number`.
    fn handled(&self, subject: Subject, number: &str) {
        let prefix = match subject {
            Subject::Payment => 'L',
            Subject::Refund => 'R',
        };
        let seq = number
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix(self.run.as_str()))
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|seq| seq.parse::<u64>().ok());
        match seq {
            Some(seq) => self.lock().handled(subject, seq),
            None => {
                self.foreign.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// The figures so far.
    pub(crate) fn callbacks(&self) -> Callbacks {
        let counts = self.lock();
        let mut sum = Callbacks {
            expected: counts.settled_count,
            received: counts.settled_count,
            duplicated: counts.late_duplicates,
            unexpected: self.foreign.load(Ordering::Relaxed),
            deliveries: self.deliveries.load(Ordering::Relaxed),
            ..Callbacks::default()
        };
        for count in counts.open.values() {
            match (count.expected, count.handled) {
                (true, 0) => sum.lost += 1,
                (true, n) => {
                    sum.received += 1;
                    sum.duplicated += u64::from(n - 1);
                }
                (false, n) => sum.unexpected += u64::from(n),
            }
            sum.expected += u64::from(count.expected);
        }
        sum
    }
}

/// A handler counting each notification under its number.
#[derive(Clone)]
struct Counter {
    tally: Arc<Tally>,
}

impl Handler<payment_notification::Request> for Counter {
    async fn handle(
        &self,
        delivered: Delivered<payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.tally.handled(Subject::Payment, &delivered.event.out_trade_no);
        Ok(())
    }
}

impl Handler<mini_game_payment_notification::Request> for Counter {
    async fn handle(
        &self,
        delivered: Delivered<mini_game_payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.tally.handled(Subject::Payment, &delivered.event.out_trade_no);
        Ok(())
    }
}

impl Handler<mini_program_payment_notification::Request> for Counter {
    async fn handle(
        &self,
        delivered: Delivered<mini_program_payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.tally.handled(Subject::Payment, &delivered.event.out_trade_no);
        Ok(())
    }
}

impl Handler<refund_notification::Request> for Counter {
    async fn handle(
        &self,
        delivered: Delivered<refund_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.tally.handled(Subject::Refund, &delivered.event.out_refund_no);
        Ok(())
    }
}

impl Handler<virtual_refund_notification::Request> for Counter {
    async fn handle(
        &self,
        delivered: Delivered<virtual_refund_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.tally.handled(Subject::Refund, &delivered.event.out_refund_no);
        Ok(())
    }
}

/// The callback endpoints, running on loopback.
pub(crate) struct CallbackServer {
    /// `http://127.0.0.1:PORT`; the paths are the demo merchant's ([`paths`]).
    pub(crate) base_url: String,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

fn receiver<C>(keys: &KeysFile, tally: &Arc<Tally>) -> anyhow::Result<Receiver<C, Counter>>
where
    C: Notification,
    Counter: Handler<C>,
{
    Ok(Receiver::builder(keys.merchant_verifying()?, Counter { tally: Arc::clone(tally) })
        .api_v3_key(keys.api_v3()?)
        .seen_store(MemorySeen::new(SEEN))
        .build())
}

impl CallbackServer {
    /// Starts the five callback endpoints on `127.0.0.1:0`, checking with `keys` (a
    /// counterpart's) and counting into `tally`.
    ///
    /// # Errors
    ///
    /// When a key of `keys` cannot be read or no port can be bound.
    pub(crate) async fn start(keys: &KeysFile, tally: Arc<Tally>) -> anyhow::Result<Self> {
        let counted = Arc::clone(&tally);
        let router = axum::Router::new()
            .route_service(paths::PAYMENT, receiver::<payment_notification::Request>(keys, &tally)?)
            .route_service(
                paths::MINI_GAME,
                receiver::<mini_game_payment_notification::Request>(keys, &tally)?,
            )
            .route_service(
                paths::MINI_PROGRAM,
                receiver::<mini_program_payment_notification::Request>(keys, &tally)?,
            )
            .route_service(paths::REFUND, receiver::<refund_notification::Request>(keys, &tally)?)
            .route_service(
                paths::VIRTUAL_REFUND,
                receiver::<virtual_refund_notification::Request>(keys, &tally)?,
            )
            .layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| {
                    counted.deliveries.fetch_add(1, Ordering::Relaxed);
                    next.run(request)
                },
            ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let until = async move {
                let _ = stopped.wait_for(|stop| *stop).await;
            };
            if let Err(error) = axum::serve(listener, router).with_graceful_shutdown(until).await {
                tracing::error!(%error, "the load run's callback server failed");
            }
        });
        Ok(Self { base_url, stop, task })
    }

    /// The full URL of a callback endpoint (`paths::PAYMENT`).
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Stops the server.
    pub(crate) async fn shutdown(self) {
        self.stop.send_replace(true);
        let _ = self.task.await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_duplicated_and_unexpected_callbacks_are_told_apart() {
        let tally = Tally::new("ab12");
        assert_eq!(tally.order_no(7), "Lab12-7");
        assert_eq!(tally.refund_no(7), "Rab12-7");
        tally.expect(Subject::Payment, 1);
        tally.handled(Subject::Payment, "Lab12-1");
        tally.expect(Subject::Payment, 2);
        tally.handled(Subject::Refund, "Rab12-3");
        tally.handled(Subject::Refund, "Rab12-3");
        tally.expect(Subject::Refund, 3);
        tally.handled(Subject::Payment, "Lother-1");
        tally.handled(Subject::Payment, "Lab12-4");
        let sum = tally.callbacks();
        assert_eq!(
            (sum.expected, sum.received, sum.lost, sum.duplicated, sum.unexpected),
            (3, 2, 1, 1, 2)
        );
        // A callback settled (expected, handled once) and then handled again is a duplicate.
        tally.handled(Subject::Payment, "Lab12-1");
        tally.handled(Subject::Payment, "Lab12-2");
        let sum = tally.callbacks();
        assert_eq!(
            (sum.expected, sum.received, sum.lost, sum.duplicated, sum.unexpected),
            (3, 3, 0, 2, 2)
        );
    }

    #[test]
    fn callbacks_handled_once_are_kept_as_bits_whatever_the_order() {
        let tally = Tally::new("ab12");
        for seq in 0..1_000 {
            if seq % 2 == 0 {
                tally.expect(Subject::Payment, seq);
                tally.handled(Subject::Payment, &tally.order_no(seq));
            } else {
                tally.handled(Subject::Refund, &tally.refund_no(seq));
                tally.expect(Subject::Refund, seq);
            }
        }
        let sum = tally.callbacks();
        assert_eq!((sum.expected, sum.received, sum.lost, sum.duplicated), (1_000, 1_000, 0, 0));
        let counts = tally.lock();
        assert!(counts.open.is_empty(), "{} kept one by one", counts.open.len());
        assert!(counts.settled.iter().all(|words| words.len() <= 16));
    }
}
