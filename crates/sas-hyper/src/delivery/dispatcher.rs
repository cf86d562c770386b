//! The dispatcher: lease due callbacks, sign each attempt afresh, POST, record, reschedule.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Notify, Semaphore};
use tokio::task::JoinSet;

use super::callback::CallbackError;
use super::outbox::{Attempt, CallbackId, Leased, Outbox, OutboxError};
use super::{Callback, Schedule};
use crate::client::{BuildError, Client, RetryPolicy};
use crate::keys::{SigningKeys, UnixTime};

/// How a [`Dispatcher`] works.
#[derive(Clone, Debug)]
pub struct DispatcherConfig {
    schedule: Schedule,
    concurrency: usize,
    attempt_timeout: Duration,
    lease_for: Duration,
    poll_interval: Duration,
    shutdown_grace: Duration,
}

impl Default for DispatcherConfig {
    /// PROTOCOL.md §4's schedule, 16 attempts at once, 10 s per attempt, leases of 60 s, a look
    /// at the outbox every second (and at once on enqueue), 30 s for in-flight attempts on
    /// shutdown.
    fn default() -> Self {
        Self {
            schedule: Schedule::protocol(),
            concurrency: 16,
            attempt_timeout: Duration::from_secs(10),
            lease_for: Duration::from_secs(60),
            poll_interval: Duration::from_secs(1),
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

impl DispatcherConfig {
    /// The retry schedule.
    #[must_use]
    pub fn schedule(mut self, schedule: Schedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// How many attempts run at once (at least 1).
    #[must_use]
    pub fn concurrency(mut self, concurrency: usize) -> Self {
        self.concurrency = concurrency.max(1);
        self
    }

    /// The limit of one attempt, from sending to the last byte of the answer.
    #[must_use]
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }

    /// How long a lease lasts; raised to twice the attempt timeout if shorter, so a lease never
    /// expires during an attempt.
    #[must_use]
    pub fn lease_for(mut self, lease: Duration) -> Self {
        self.lease_for = lease;
        self
    }

    /// How often the outbox is looked at when nothing is due sooner.
    #[must_use]
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self
    }

    /// How long in-flight attempts may take to finish on shutdown (the rest are dropped; their
    /// leases expire and the callbacks are attempted again later).
    #[must_use]
    pub fn shutdown_grace(mut self, grace: Duration) -> Self {
        self.shutdown_grace = grace;
        self
    }

    fn effective_lease(&self) -> Duration {
        self.lease_for.max(self.attempt_timeout.saturating_mul(2))
    }
}

/// Delivers the callbacks of an [`Outbox`]. Cheap to clone; run as many as you like on one
/// outbox, in one process or several.
pub struct Dispatcher<O: Outbox> {
    inner: Arc<Inner<O>>,
}

impl<O: Outbox> Clone for Dispatcher<O> {
    fn clone(&self) -> Self {
        Self { inner: Arc::clone(&self.inner) }
    }
}

impl<O: Outbox> std::fmt::Debug for Dispatcher<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

struct Inner<O> {
    outbox: Arc<O>,
    client: Client,
    keys: SigningKeys,
    config: DispatcherConfig,
    wake: Notify,
    slots: Arc<Semaphore>,
}

impl<O: Outbox> Dispatcher<O> {
    /// A dispatcher over `outbox`, signing with `keys` (the SecretKey, the platform key for 2.2
    /// and 5.1.3, the AppKey for the virtual callbacks), with the default client and config.
    ///
    /// # Errors
    ///
    /// [`BuildError`] if the default client cannot be built.
    pub fn new(outbox: Arc<O>, keys: SigningKeys) -> Result<Self, BuildError> {
        let client = Client::builder().retry(RetryPolicy::never()).build()?;
        Ok(Self::with_client(outbox, keys, client, DispatcherConfig::default()))
    }

    /// A dispatcher sending through `client` (its clock, nonces, TLS roots and size limit are
    /// used; its retries are not: the schedule is the dispatcher's).
    pub fn with_client(
        outbox: Arc<O>,
        keys: SigningKeys,
        client: Client,
        config: DispatcherConfig,
    ) -> Self {
        let slots = Arc::new(Semaphore::new(config.concurrency));
        Self { inner: Arc::new(Inner { outbox, client, keys, config, wake: Notify::new(), slots }) }
    }

    /// The outbox.
    pub fn outbox(&self) -> &Arc<O> {
        &self.inner.outbox
    }

    fn now(&self) -> UnixTime {
        self.inner.client.clock().now()
    }

    /// Adds a callback, due now, and wakes the dispatcher. It is signed once first, so a key
    /// the dispatcher lacks is an error now rather than a dead callback a day later.
    ///
    /// # Errors
    ///
    /// [`EnqueueError::Unsignable`] when the dispatcher's keys cannot sign it (or its stored
    /// form is not the entry's); [`EnqueueError::Outbox`] from the outbox.
    pub async fn enqueue(&self, callback: Callback) -> Result<CallbackId, EnqueueError> {
        let now = self.now();
        callback.sign(&self.inner.keys, now, &self.inner.client.nonce())?;
        let id = self.inner.outbox.enqueue(callback, now).await?;
        self.inner.wake.notify_one();
        Ok(id)
    }

    /// Wakes the dispatcher to look at the outbox now: after callbacks were put in the outbox
    /// without [`enqueue`](Self::enqueue) (such as sas-store's `SqliteStore::enqueue_in`, in
    /// the transaction of your own changes). Without it they wait for the next poll.
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    /// Makes a dead callback pending again, due now.
    ///
    /// # Errors
    ///
    /// [`OutboxError::NotFound`] unless it is dead.
    pub async fn redeliver(&self, id: CallbackId) -> Result<(), OutboxError> {
        self.inner.outbox.redeliver(id, self.now()).await?;
        self.inner.wake.notify_one();
        Ok(())
    }

    /// Attempts every callback due now (as many at once as the concurrency allows) and waits for
    /// them; returns how many were attempted. For tests and for callers that drive their own
    /// loop.
    ///
    /// # Errors
    ///
    /// [`OutboxError`] when leasing fails.
    pub async fn run_once(&self) -> Result<usize, OutboxError> {
        let mut tasks = JoinSet::new();
        let count = self.lease_and_spawn(&mut tasks).await?;
        while tasks.join_next().await.is_some() {}
        Ok(count)
    }

    /// Runs until `shutdown` completes: leases due callbacks as slots free up, sleeps until the
    /// next is due (or one is enqueued). On shutdown it stops leasing and gives in-flight
    /// attempts the configured grace; nothing pending is lost, since the outbox keeps it.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send) {
        let mut tasks = JoinSet::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            while tasks.try_join_next().is_some() {}
            if let Err(error) = self.lease_and_spawn(&mut tasks).await {
                tracing::warn!(%error, "cannot lease callbacks");
            }
            let pause = self.pause().await;
            tokio::select! {
                () = &mut shutdown => break,
                () = self.inner.wake.notified() => {}
                () = tokio::time::sleep(pause) => {}
                Some(_) = tasks.join_next(), if !tasks.is_empty() => {}
            }
        }
        let grace = tokio::time::sleep(self.inner.config.shutdown_grace);
        tokio::pin!(grace);
        loop {
            tokio::select! {
                next = tasks.join_next() => if next.is_none() { break },
                () = &mut grace => {
                    tracing::warn!(in_flight = tasks.len(), "shutdown grace passed; leases will expire");
                    tasks.abort_all();
                    break;
                }
            }
        }
    }

    /// How long to sleep: until the next callback is due, at most the poll interval.
    async fn pause(&self) -> Duration {
        let poll = self.inner.config.poll_interval;
        match self.inner.outbox.next_due().await {
            Ok(Some(due)) => {
                let wait = due.as_millis().saturating_sub(self.now().as_millis());
                Duration::from_millis(wait).clamp(Duration::from_millis(1), poll)
            }
            _ => poll,
        }
    }

    async fn lease_and_spawn(&self, tasks: &mut JoinSet<()>) -> Result<usize, OutboxError> {
        let free = self.inner.slots.available_permits();
        if free == 0 {
            return Ok(0);
        }
        let lease_for = self.inner.config.effective_lease();
        let leased = self.inner.outbox.lease_due(self.now(), free, lease_for).await?;
        let count = leased.len();
        for item in leased {
            let Ok(permit) = Arc::clone(&self.inner.slots).acquire_owned().await else {
                break;
            };
            let this = self.clone();
            tasks.spawn(async move {
                this.attempt(item).await;
                drop(permit);
            });
        }
        Ok(count)
    }

    /// One attempt of one leased callback, recorded in the outbox.
    async fn attempt(&self, leased: Leased) {
        let inner = &self.inner;
        let at = self.now();
        let started = Instant::now();
        let entry = leased.callback.entry.section();
        let span = tracing::info_span!(
            "sas.deliver",
            entry,
            id = %leased.lease.id,
            attempt = leased.attempts_made + 1,
            status = tracing::field::Empty,
            return_code = tracing::field::Empty,
        );
        let _enter = span.enter();
        let (status, return_code, error, body) =
            match leased.callback.sign(&inner.keys, at, &inner.client.nonce()) {
                Err(error) => (None, None, Some(error.to_string()), None),
                Ok(request) => {
                    match inner.client.exchange_once(request, inner.config.attempt_timeout).await {
                        Err(error) => (
                            error.status().map(|s| s.as_u16()),
                            None,
                            Some(error.to_string()),
                            None,
                        ),
                        Ok(response) => {
                            let (status, return_code, error) = judge(&response);
                            (status, return_code, error, Some(response.into_body()))
                        }
                    }
                }
            };
        if let Some(status) = status {
            span.record("status", status);
        }
        if let Some(code) = &return_code {
            span.record("return_code", code.as_str());
        }
        let mut record = Attempt::new(at, status, return_code, started.elapsed(), error);
        if let Some(body) = body {
            record = record.with_body_start(&body);
        }
        let result = if record.error.is_none() {
            tracing::info!("delivered");
            inner.outbox.mark_delivered(leased.lease, record).await
        } else {
            let made = leased.attempts_made + 1;
            let next = inner.config.schedule.delay_after(made).map(|delay| {
                let delay = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                UnixTime::from_millis(self.now().as_millis().saturating_add(delay))
            });
            if next.is_none() {
                tracing::warn!(attempts = made, "callback is dead after its last attempt");
            } else {
                tracing::info!(error = record.error.as_deref().unwrap_or(""), "attempt failed");
            }
            inner.outbox.reschedule(leased.lease, record, next).await
        };
        if let Err(error) = result {
            tracing::warn!(%error, "cannot record the attempt");
        }
    }
}

/// A callback could not be enqueued.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EnqueueError {
    /// The dispatcher's keys cannot sign it (a missing platform key or AppKey, say), or its
    /// stored form is not the entry's.
    #[error("the callback cannot be signed: {0}")]
    Unsignable(#[from] CallbackError),
    /// The outbox refused it.
    #[error(transparent)]
    Outbox(#[from] OutboxError),
}

/// Status, `returnCode`, and the error unless the answer acknowledges the callback: a 2xx with
/// an envelope whose `returnCode` is `"0"`.
fn judge(response: &http::Response<bytes::Bytes>) -> (Option<u16>, Option<String>, Option<String>) {
    let status = response.status();
    let return_code = return_code(response.body());
    let error = if !status.is_success() {
        Some(format!("HTTP {status}"))
    } else {
        match return_code.as_deref() {
            Some(sas_core::response::SUCCESS_CODE) => None,
            Some(code) => Some(format!("returnCode {code:?}")),
            None => Some("the answer is not a response envelope".to_owned()),
        }
    };
    (Some(status.as_u16()), return_code, error)
}

/// The envelope's `returnCode` (a string, or a number as liberal input), if the body is one.
fn return_code(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        #[serde(rename = "returnCode")]
        return_code: serde_json::Value,
    }
    match serde_json::from_slice::<Envelope>(body).ok()?.return_code {
        serde_json::Value::String(code) => Some(code),
        serde_json::Value::Number(code) => Some(code.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> http::Response<bytes::Bytes> {
        let mut response = http::Response::new(bytes::Bytes::from(body.to_owned()));
        *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or_default();
        response
    }

    #[test]
    fn only_a_2xx_envelope_with_return_code_0_delivers() {
        let ok = r#"{"returnCode":"0","data":"OK","requestId":"r"}"#;
        assert_eq!(judge(&response(200, ok)).2, None);
        assert_eq!(judge(&response(204, r#"{"returnCode":0}"#)).2, None);
        assert!(judge(&response(500, ok)).2.is_some(), "a 500 with a success body");
        assert!(judge(&response(200, r#"{"returnCode":"1"}"#)).2.is_some());
        assert!(judge(&response(200, "OK")).2.is_some(), "not an envelope");
        assert!(judge(&response(200, "")).2.is_some());
    }
}
