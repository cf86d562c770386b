//! The superapp service: route, read the body within its limit, verify before any handler,
//! call the handler (a panic is answered 500), answer in the envelope.

use std::convert::Infallible;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use http::StatusCode;
use http_body::Body;
use sas_core::endpoint::ApiRequest;
use sas_core::response::OutgoingResponse;
use tracing::Instrument;

use super::envelope::{ResponseBody, body_failure, failure, finish, request_id};
use super::handler::{ErrorKind, HandlerError, RequestContext};
use super::router::{Routed, route};
use super::superapp::{Call, Route, Superapp, routes};
use crate::body::read_limited;
use crate::keys::{self, VerifyingKeys};
use crate::time::{Clock, SystemClock};

/// The default limit of a request body: 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

pub(crate) struct Shared<S> {
    app: Arc<S>,
    keys: VerifyingKeys,
    clock: Arc<dyn Clock>,
    max_body_bytes: usize,
    routes: Vec<Route<S>>,
}

/// A [`Superapp`] as a `tower::Service` over `http::Request<B>`: mount it in axum, or serve
/// it with [`serve`](super::serve). Cheap to clone.
///
/// Every answer is the SAS envelope with an `X-Request-Id`:
///
/// | status | when |
/// |---|---|
/// | 200 | the handler's `Response` |
/// | 400 | a body, header, path or query value the entry does not accept |
/// | 401 | the auth scheme's check failed (checked before the body is parsed) |
/// | 404 / 405 | no such path / not this method (with `Allow`) |
/// | 413 | a body over the limit (1 MiB by default) |
/// | 500 | a handler error or panic (the server stays up), or a key the server lacks |
/// | 501 | a trait method left out |
/// | 503 | over the connection limit, or past the request timeout (see [`ServeConfig`](super::ServeConfig)) |
pub struct SuperappService<S> {
    shared: Arc<Shared<S>>,
}

impl<S> Clone for SuperappService<S> {
    fn clone(&self) -> Self {
        Self { shared: Arc::clone(&self.shared) }
    }
}

impl<S> std::fmt::Debug for SuperappService<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SuperappService")
            .field("keys", &self.shared.keys)
            .field("max_body_bytes", &self.shared.max_body_bytes)
            .finish_non_exhaustive()
    }
}

/// Builds a [`SuperappService`].
#[must_use]
pub struct SuperappServiceBuilder<S> {
    app: S,
    keys: VerifyingKeys,
    clock: Arc<dyn Clock>,
    max_body_bytes: usize,
}

impl<S: Superapp> SuperappServiceBuilder<S> {
    /// Another clock for the freshness checks (tests).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The largest request body, in bytes (default 1 MiB); a larger one is answered 413.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The service.
    pub fn build(self) -> SuperappService<S> {
        SuperappService {
            shared: Arc::new(Shared {
                app: Arc::new(self.app),
                keys: self.keys,
                clock: self.clock,
                max_body_bytes: self.max_body_bytes,
                routes: routes::<S>(),
            }),
        }
    }
}

impl<S: Superapp> SuperappService<S> {
    /// The service of `app`, checking requests against `keys` (the SecretKey for SAS's calls,
    /// the merchants' public keys and AppKeys for the payment APIs; the base path, if any, with
    /// [`VerifyingKeys::path_prefix`]).
    pub fn new(app: S, keys: VerifyingKeys) -> Self {
        Self::builder(app, keys).build()
    }

    /// A builder, for another clock or body limit.
    pub fn builder(app: S, keys: VerifyingKeys) -> SuperappServiceBuilder<S> {
        SuperappServiceBuilder {
            app,
            keys,
            clock: Arc::new(SystemClock),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// Answers one request.
    pub async fn handle<B>(&self, request: http::Request<B>) -> http::Response<ResponseBody>
    where
        B: Body,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let id = request_id(request.headers());
        let span = serve_span(&request, &id);
        let call = match route_of(&self.shared, &request, &id, &span) {
            Routing::Found(call) => call,
            Routing::Answer(response) => return recorded(&span, response),
        };
        let (parts, body) = request.into_parts();
        let shared = Arc::clone(&self.shared);
        let answer = read_then_call(shared, call, parts, body, id, span.clone());
        match answer.instrument(span).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    }
}

/// The span of one request: its ID, method and path; its entry and status once known.
fn serve_span<B>(request: &http::Request<B>, id: &str) -> tracing::Span {
    tracing::info_span!(
        "sas.serve",
        request_id = id,
        method = %request.method(),
        path = request.uri().path(),
        entry = tracing::field::Empty,
        status = tracing::field::Empty,
    )
}

/// Records the answer's status in the request's span.
fn recorded(
    span: &tracing::Span,
    response: http::Response<ResponseBody>,
) -> http::Response<ResponseBody> {
    span.record("status", response.status().as_u16());
    response
}

/// Where routing leads a request.
enum Routing<S> {
    /// This route's call.
    Found(Call<S>),
    /// This answer (404 or 405).
    Answer(http::Response<ResponseBody>),
}

/// The route of `request` (its entry recorded in `span`), or the 404 or 405 answer.
fn route_of<S, B>(
    shared: &Shared<S>,
    request: &http::Request<B>,
    id: &str,
    span: &tracing::Span,
) -> Routing<S> {
    let table = shared.routes.iter().map(|r| {
        (r.meta.method.as_ref().map_or("POST", http::Method::as_str), r.meta.path.unwrap_or(""))
    });
    let index =
        match route(table, shared.keys.prefix(), request.method().as_str(), request.uri().path()) {
            Routed::Found(index) => index,
            Routed::NotFound => {
                return Routing::Answer(failure(StatusCode::NOT_FOUND, "no such endpoint", id));
            }
            Routed::WrongMethod(allowed) => {
                let mut response =
                    failure(StatusCode::METHOD_NOT_ALLOWED, "method not allowed", id);
                if let Ok(allow) = http::HeaderValue::from_str(&allowed.join(", ")) {
                    response.headers_mut().insert(http::header::ALLOW, allow);
                }
                return Routing::Answer(response);
            }
        };
    let Some(found) = shared.routes.get(index) else {
        return Routing::Answer(failure(StatusCode::NOT_FOUND, "no such endpoint", id));
    };
    span.record("entry", found.meta.section);
    Routing::Found(found.call)
}

/// Reads the body within the limit, then verifies, parses and calls the route; records the
/// answer's status in `span`.
///
/// It takes the request in parts and holds nothing else across its waits, so that the future
/// of each request stays small; it answers as the service does (never an error), so that the
/// service's future is this one, instrumented, with no adapter between.
async fn read_then_call<S, B>(
    shared: Arc<Shared<S>>,
    call: Call<S>,
    parts: http::request::Parts,
    body: B,
    id: String,
    span: tracing::Span,
) -> Result<http::Response<ResponseBody>, Infallible>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let response = match read_limited(body, shared.max_body_bytes).await {
        Ok(body) => call(shared, http::Request::from_parts(parts, body), id).await,
        Err(error) => body_failure(&error, &id),
    };
    Ok(recorded(&span, response))
}

/// Verifies and parses `request` as `R`, then calls `method` and answers in the envelope.
///
/// Verifying and parsing happen before the future is made, so that it holds only the
/// handler's future and the request ID.
pub(crate) fn dispatch<S, R, F, Fut>(
    shared: Arc<Shared<S>>,
    request: http::Request<Bytes>,
    id: String,
    method: F,
) -> BoxFuture<'static, http::Response<ResponseBody>>
where
    S: Superapp,
    R: ApiRequest + Send + 'static,
    F: FnOnce(Arc<S>, RequestContext, R) -> Fut + Send + 'static,
    Fut: Future<Output = Result<R::Response, HandlerError>> + Send + 'static,
{
    let received = match keys::verify::<R, _>(&request, &shared.keys, shared.clock.now()) {
        Ok(received) => received,
        Err(error) => {
            let status = error.status();
            tracing::info!(%error, "refused");
            let message = if status == StatusCode::INTERNAL_SERVER_ERROR {
                "the server is not configured for this request".to_owned()
            } else {
                error.to_string()
            };
            return Box::pin(std::future::ready(failure(status, &message, &id)));
        }
    };
    drop(request);
    let context = RequestContext { request_id: id.clone(), identity: received.identity };
    let handler = method(Arc::clone(&shared.app), context, received.message);
    Box::pin(AssertUnwindSafe(handler).catch_unwind().map(move |answer| match answer {
        Ok(Ok(response)) => match response.try_into_http_response(&id) {
            Ok(response) => finish(response, &id),
            Err(error) => {
                tracing::error!(%error, "the handler's response cannot be written");
                failure(StatusCode::INTERNAL_SERVER_ERROR, "internal error", &id)
            }
        },
        Ok(Err(error)) => handler_failure(&error, &id),
        Err(_) => {
            tracing::error!("the handler panicked");
            failure(StatusCode::INTERNAL_SERVER_ERROR, "internal error", &id)
        }
    }))
}

fn handler_failure(error: &HandlerError, id: &str) -> http::Response<ResponseBody> {
    match error.kind() {
        ErrorKind::Api(api) => finish(sas_core::response::error_response(api, id), id),
        ErrorKind::Internal(cause) => {
            tracing::error!(cause = %cause, "the handler failed");
            failure(StatusCode::INTERNAL_SERVER_ERROR, "internal error", id)
        }
        ErrorKind::NotImplemented => failure(StatusCode::NOT_IMPLEMENTED, "not implemented", id),
    }
}

impl<S, B> tower_service::Service<http::Request<B>> for SuperappService<S>
where
    S: Superapp,
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
        // What needs no waiting is done here; the future holds the rest of the request once.
        let id = request_id(request.headers());
        let span = serve_span(&request, &id);
        let call = match route_of(&self.shared, &request, &id, &span) {
            Routing::Found(call) => call,
            Routing::Answer(response) => {
                return Box::pin(std::future::ready(Ok(recorded(&span, response))));
            }
        };
        let (parts, body) = request.into_parts();
        let shared = Arc::clone(&self.shared);
        Box::pin(read_then_call(shared, call, parts, body, id, span.clone()).instrument(span))
    }
}
