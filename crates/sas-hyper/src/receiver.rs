//! The callback receiver, the merchant's side: a service for one callback URL.
//!
//! It takes the raw bytes, verifies them as the entry's scheme says, decrypts the resource (2.2,
//! 5.1.3) or reads the signed payload (3.2, 4.2, 5.2.2), drops duplicates by the notification's
//! identity, runs the handler's optional business check, calls the handler once per
//! notification, and answers the envelope the superapp counts as delivered.
//!
//! | what arrived | answer | handler called |
//! |---|---|---|
//! | a new notification, handled | 200, `returnCode` `"0"` | once |
//! | a duplicate of a handled one | 200, `returnCode` `"0"` | no |
//! | a notification being handled by a concurrent delivery | 503 (try again later) | no |
//! | a failed signature or stale timestamp | 401 | no |
//! | a body that is not the entry's | 400 | no |
//! | a business check that fails (amount or IDs differ) | 400 | no |
//! | a handler error or panic | 500 (the superapp retries) | yes |
//! | no APIv3 key configured for an encrypted callback | 500 | no |
//!
//! ```no_run
//! # async fn run(platform_keys: sas_core::crypto::PublicKeySet, api_v3_key: sas_core::crypto::ApiV3Key) -> Result<(), Box<dyn std::error::Error>> {
//! use sas_core::api::payment::payment_notification;
//! use sas_hyper::VerifyingKeys;
//! use sas_hyper::receiver::{Delivered, Receiver};
//! use sas_hyper::server::{HandlerError, ServeConfig, serve};
//!
//! let keys = VerifyingKeys::new().platform_keys(platform_keys);
//! let receiver = Receiver::builder(keys, |paid: Delivered<payment_notification::Request>| async move {
//!     println!("order {} is {}", paid.event.out_trade_no, paid.event.trade_state);
//!     Ok::<(), HandlerError>(())
//! })
//! .api_v3_key(api_v3_key)
//! .build();
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8443").await?;
//! let running = serve(listener, receiver, ServeConfig::default())?;
//! # running.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod notification;
mod seen;

use std::convert::Infallible;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use http::StatusCode;
use http_body::Body;
use sas_core::auth::Identity;
use sas_core::business::MismatchError;
use sas_core::callback::OpenError;
use sas_core::crypto::ApiV3Key;
use sas_core::response::OutgoingResponse;
use tracing::Instrument;

pub use notification::{Notification, OpenFailure};
pub use seen::{Claim, MemorySeen, SeenStore};

use crate::body::read_limited;
use crate::keys::VerifyingKeys;
use crate::server::{HandlerError, ResponseBody, body_failure, failure, finish, request_id};
use crate::time::{Clock, SystemClock};

/// A notification verified, opened, and new.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Delivered<C: Notification> {
    /// The callback as delivered (headers and body fields).
    pub callback: C,
    /// The decrypted resource or parsed payload.
    pub event: C::Event,
    /// Who signed it.
    pub identity: Identity,
    /// Its identity, the same on every delivery of it.
    pub notification_id: String,
    /// The request's ID (its `X-Request-Id`, or generated).
    pub request_id: String,
}

/// What the receiver calls: the optional business check, then the handler, once per
/// notification. An async closure `Fn(Delivered<C>) -> Future<Output = Result<(), E>>` is a
/// handler without a check.
pub trait Handler<C: Notification>: Send + Sync + 'static {
    /// Compares the event with what you expect (sas-core's `ExpectedPayment`,
    /// `ExpectedRefund`, `ExpectedVirtualPayment`); a mismatch is answered 400 and the
    /// handler is not called. Accepts everything by default.
    fn check(&self, event: &C::Event) -> impl Future<Output = Result<(), MismatchError>> + Send {
        let _ = event;
        async { Ok(()) }
    }

    /// Handles a new notification. An error (or a panic) is answered 500, so the superapp
    /// delivers it again and this is called again.
    fn handle(
        &self,
        delivered: Delivered<C>,
    ) -> impl Future<Output = Result<(), HandlerError>> + Send;
}

impl<C, F, Fut, E> Handler<C> for F
where
    C: Notification,
    F: Fn(Delivered<C>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send,
    E: Into<HandlerError>,
{
    async fn handle(&self, delivered: Delivered<C>) -> Result<(), HandlerError> {
        self(delivered).await.map_err(Into::into)
    }
}

/// The service for one callback URL receiving callbacks of type `C`. A `tower::Service`; cheap
/// to clone.
pub struct Receiver<C: Notification, H, S = MemorySeen> {
    shared: Arc<Shared<C, H, S>>,
}

struct Shared<C, H, S> {
    keys: VerifyingKeys,
    api_v3_key: Option<ApiV3Key>,
    handler: H,
    seen: S,
    clock: Arc<dyn Clock>,
    max_body_bytes: usize,
    _callback: std::marker::PhantomData<fn() -> C>,
}

impl<C: Notification, H, S> Clone for Receiver<C, H, S> {
    fn clone(&self) -> Self {
        Self { shared: Arc::clone(&self.shared) }
    }
}

impl<C: Notification, H, S> std::fmt::Debug for Receiver<C, H, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiver")
            .field("entry", &C::METADATA.section)
            .field("keys", &self.shared.keys)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Receiver`].
#[must_use]
pub struct ReceiverBuilder<C: Notification, H, S = MemorySeen> {
    keys: VerifyingKeys,
    api_v3_key: Option<ApiV3Key>,
    handler: H,
    seen: S,
    clock: Arc<dyn Clock>,
    max_body_bytes: usize,
    _callback: std::marker::PhantomData<fn() -> C>,
}

impl<C: Notification, H: Handler<C>> Receiver<C, H> {
    /// A builder: callbacks are checked against `keys` (the platform's public keys for 2.2 and
    /// 5.1.3, the AppKey for the virtual callbacks; the SecretKey too if you hold it) and passed
    /// to `handler`.
    pub fn builder(keys: VerifyingKeys, handler: H) -> ReceiverBuilder<C, H> {
        ReceiverBuilder {
            keys,
            api_v3_key: None,
            handler,
            seen: MemorySeen::default(),
            clock: Arc::new(SystemClock),
            max_body_bytes: crate::server::DEFAULT_MAX_BODY_BYTES,
            _callback: std::marker::PhantomData,
        }
    }
}

impl<C: Notification, H: Handler<C>, S: SeenStore> ReceiverBuilder<C, H, S> {
    /// The APIv3 key that opens the resource of 2.2 and 5.1.3.
    pub fn api_v3_key(mut self, key: ApiV3Key) -> Self {
        self.api_v3_key = Some(key);
        self
    }

    /// Another store of handled notifications (a durable one, for several processes).
    pub fn seen_store<S2: SeenStore>(self, seen: S2) -> ReceiverBuilder<C, H, S2> {
        ReceiverBuilder {
            keys: self.keys,
            api_v3_key: self.api_v3_key,
            handler: self.handler,
            seen,
            clock: self.clock,
            max_body_bytes: self.max_body_bytes,
            _callback: std::marker::PhantomData,
        }
    }

    /// Another clock for the freshness checks (tests).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The largest body, in bytes (default 1 MiB; 413 beyond).
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The receiver.
    pub fn build(self) -> Receiver<C, H, S> {
        Receiver {
            shared: Arc::new(Shared {
                keys: self.keys,
                api_v3_key: self.api_v3_key,
                handler: self.handler,
                seen: self.seen,
                clock: self.clock,
                max_body_bytes: self.max_body_bytes,
                _callback: std::marker::PhantomData,
            }),
        }
    }
}

impl<C: Notification, H: Handler<C>, S: SeenStore> Receiver<C, H, S> {
    /// The store of handled notifications.
    pub fn seen_store(&self) -> &S {
        &self.shared.seen
    }

    /// Answers one delivery.
    pub async fn handle<B>(&self, request: http::Request<B>) -> http::Response<ResponseBody>
    where
        B: Body,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let id = request_id(request.headers());
        let span = tracing::info_span!(
            "sas.receive",
            entry = C::METADATA.section,
            request_id = id.as_str(),
            notification = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        let response = self.receive(request, id).instrument(span.clone()).await;
        span.record("status", response.status().as_u16());
        response
    }

    async fn receive<B>(
        &self,
        request: http::Request<B>,
        id: String,
    ) -> http::Response<ResponseBody>
    where
        B: Body,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let shared = &self.shared;
        if request.method() != http::Method::POST {
            let mut response = failure(StatusCode::METHOD_NOT_ALLOWED, "method not allowed", &id);
            response
                .headers_mut()
                .insert(http::header::ALLOW, http::HeaderValue::from_static("POST"));
            return response;
        }
        let (parts, body) = request.into_parts();
        let body = match read_limited(body, shared.max_body_bytes).await {
            Ok(body) => body,
            Err(error) => return body_failure(&error, &id),
        };
        let request = http::Request::from_parts(parts, body);
        let now = shared.clock.now();
        let (callback, identity, event) =
            match C::open(&request, &shared.keys, shared.api_v3_key.as_ref(), now) {
                Ok(opened) => opened,
                Err(failure_reason) => return refuse(&failure_reason, &id),
            };
        let notification_id = C::notification_id(&callback, &event);
        tracing::Span::current().record("notification", notification_id.as_str());
        if let Err(mismatch) = shared.handler.check(&event).await {
            tracing::warn!(%mismatch, "the business check failed");
            return failure(StatusCode::BAD_REQUEST, &mismatch.to_string(), &id);
        }
        let delivered =
            Delivered { callback, event, identity, notification_id, request_id: id.clone() };
        // Claiming, handling and recording run to the end in a task of their own: a sender
        // that hangs up mid-handling (it crashed, or its attempt timed out) must not leave the
        // notification claimed but never completed or released.
        let handling = tokio::spawn(
            claim_and_handle(Arc::clone(&self.shared), delivered, id.clone()).in_current_span(),
        );
        match handling.await {
            Ok(response) => response,
            Err(_) => failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the notification could not be handled",
                &id,
            ),
        }
    }
}

/// Claims the notification, calls the handler if it is new, and records the outcome.
async fn claim_and_handle<C: Notification, H: Handler<C>, S: SeenStore>(
    shared: Arc<Shared<C, H, S>>,
    delivered: Delivered<C>,
    id: String,
) -> http::Response<ResponseBody> {
    let notification_id = delivered.notification_id.clone();
    match shared.seen.claim(&notification_id).await {
        Claim::Done => {
            tracing::info!("duplicate acknowledged");
            return acknowledge::<C>(&id);
        }
        Claim::InProgress => {
            return failure(
                StatusCode::SERVICE_UNAVAILABLE,
                "this notification is being handled",
                &id,
            );
        }
        Claim::New => {}
    }
    let handled = AssertUnwindSafe(shared.handler.handle(delivered)).catch_unwind().await;
    match handled {
        Ok(Ok(())) => {
            shared.seen.complete(&notification_id).await;
            acknowledge::<C>(&id)
        }
        Ok(Err(error)) => {
            shared.seen.release(&notification_id).await;
            tracing::error!(%error, "the handler failed");
            failure(StatusCode::INTERNAL_SERVER_ERROR, "the notification could not be handled", &id)
        }
        Err(_) => {
            shared.seen.release(&notification_id).await;
            tracing::error!("the handler panicked");
            failure(StatusCode::INTERNAL_SERVER_ERROR, "the notification could not be handled", &id)
        }
    }
}

fn acknowledge<C: Notification>(id: &str) -> http::Response<ResponseBody> {
    match C::acknowledgement().try_into_http_response(id) {
        Ok(response) => finish(response, id),
        Err(_) => failure(StatusCode::INTERNAL_SERVER_ERROR, "internal error", id),
    }
}

fn refuse(reason: &OpenFailure, id: &str) -> http::Response<ResponseBody> {
    tracing::info!(?reason, "refused");
    match reason {
        OpenFailure::NoApiV3Key => failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the receiver is not configured for this callback",
            id,
        ),
        OpenFailure::Open(OpenError::Request(error)) => {
            let status = error.status();
            if status == StatusCode::INTERNAL_SERVER_ERROR {
                failure(status, "the receiver is not configured for this callback", id)
            } else {
                failure(status, &error.to_string(), id)
            }
        }
        OpenFailure::Open(OpenError::Crypto(_)) => {
            // The signature held, so the sender is genuine: the APIv3 key differs.
            failure(StatusCode::INTERNAL_SERVER_ERROR, "the resource cannot be decrypted", id)
        }
        OpenFailure::Open(error) => failure(StatusCode::BAD_REQUEST, &error.to_string(), id),
    }
}

impl<C, H, S, B> tower_service::Service<http::Request<B>> for Receiver<C, H, S>
where
    C: Notification,
    H: Handler<C>,
    S: SeenStore,
    B: Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = http::Response<ResponseBody>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { Ok(this.handle(request).await) })
    }
}
