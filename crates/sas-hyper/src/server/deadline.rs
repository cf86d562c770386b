//! A request's time limit whose timer is armed only when the request has to wait.
//!
//! `tokio::time::timeout` registers a timer with the runtime on its first poll and removes it
//! when dropped, two trips through the timer's lock per request. Most requests here are
//! answered on their first poll (hyper hands the service a body that is already buffered, and
//! checks and parsing need no waiting), so [`Deadline`] polls the request first and arms its
//! timer only when the request returns `Pending`. The limit still counts from when the
//! request was received, so a request that waits is cut off at the same instant either way,
//! and, as with `tokio::time::timeout`, a request that spends the task's cooperative budget
//! does not keep its timer from being looked at.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use pin_project_lite::pin_project;
use tokio::task::coop;
use tokio::time::{Instant, Sleep};

/// The limit passed before the request finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Elapsed;

pin_project! {
    /// `inner`, cut off [`Elapsed`] once its limit has passed.
    pub(crate) struct Deadline<F> {
        #[pin]
        inner: F,
        // `None` when the limit is too far to be written as an instant: no cut-off.
        deadline: Option<Instant>,
        timer: Option<Pin<Box<Sleep>>>,
    }
}

impl<F> Deadline<F> {
    /// `inner` within `limit` from now.
    pub(crate) fn new(inner: F, limit: Duration) -> Self {
        Self { inner, deadline: Instant::now().checked_add(limit), timer: None }
    }
}

impl<F: Future> Future for Deadline<F> {
    type Output = Result<F::Output, Elapsed>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let had_budget = coop::has_budget_remaining();
        if let Poll::Ready(output) = this.inner.poll(cx) {
            return Poll::Ready(Ok(output));
        }
        let Some(deadline) = *this.deadline else { return Poll::Pending };
        let timer = this.timer.get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        // As `tokio::time::timeout` does: when the request itself spent the task's cooperative
        // budget, the timer is polled outside it, or a request that always has ready work
        // would never be cut off.
        let fired = if had_budget && !coop::has_budget_remaining() {
            Pin::new(&mut coop::unconstrained(timer.as_mut())).poll(cx)
        } else {
            timer.as_mut().poll(cx)
        };
        match fired {
            Poll::Ready(()) => Poll::Ready(Err(Elapsed)),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_ready_request_arms_no_timer_and_a_waiting_one_is_cut_off_at_its_limit() {
        let ready = Deadline::new(std::future::ready(7), Duration::from_secs(1));
        assert_eq!(ready.await, Ok(7));

        let started = Instant::now();
        let mut waiting =
            std::pin::pin!(Deadline::new(std::future::pending::<()>(), Duration::from_secs(30)));
        let first = std::future::poll_fn(|cx| Poll::Ready(waiting.as_mut().poll(cx))).await;
        assert!(first.is_pending());
        assert!(waiting.timer.is_some(), "armed on the first Pending");
        assert_eq!(waiting.await, Err(Elapsed));
        assert_eq!(started.elapsed(), Duration::from_secs(30));

        // The limit counts from creation, not from the first poll.
        let late = Deadline::new(std::future::pending::<()>(), Duration::from_secs(5));
        tokio::time::sleep(Duration::from_secs(4)).await;
        let polled = Instant::now();
        assert_eq!(late.await, Err(Elapsed));
        assert_eq!(polled.elapsed(), Duration::from_secs(1));

        // A limit beyond what an instant can hold never cuts off.
        let endless = Deadline::new(
            async {
                tokio::time::sleep(Duration::from_secs(3600)).await;
                "done"
            },
            Duration::MAX,
        );
        assert_eq!(endless.await, Ok("done"));
    }

    /// A request that always has ready work spends the task's budget on every poll; its timer
    /// must still be looked at.
    #[tokio::test]
    async fn a_request_that_spends_the_whole_budget_is_still_cut_off() {
        let busy = async {
            loop {
                tokio::task::consume_budget().await;
            }
        };
        let started = std::time::Instant::now();
        let cut = tokio::time::timeout(
            Duration::from_secs(10),
            Deadline::new(busy, Duration::from_millis(50)),
        )
        .await;
        assert_eq!(cut, Ok(Err(Elapsed)), "cut off by its own deadline, not the outer one");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
