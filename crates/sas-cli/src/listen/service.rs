//! The [`Listener`]: a `tower::Service` (served by sas-hyper's `serve`) that reads each
//! delivery's exact bytes, runs the explainer on them, prints the result and answers as a
//! merchant would. Each delivery is also kept as a [`Delivery`] record.

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::fmt::Write as _;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context as TaskContext, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;
use http_body_util::{BodyExt as _, Full, Limited};
use sas_core::crypto::FreshnessWindow;
use sas_core::error::ApiError;
use sas_core::response::error_response;
use sas_core::time::UnixTime;
use sas_hyper::server::ResponseBody;

use super::entry::CallbackEntry;
use crate::tools::capture::Captured;
use crate::tools::explain::{Context, Explanation, Verdict, explain};
use crate::tools::keyring::Keyring;
use crate::tools::render::render;

/// The largest body read, in bytes.
const MAX_BODY_BYTES: usize = 1 << 20;

/// How the listener works.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ListenConfig {
    /// The keys deliveries are checked with.
    pub keys: Keyring,
    /// How many deliveries are answered 500 first.
    pub fail_first: usize,
    /// A fixed time to check timestamps against; the system clock when `None`.
    pub now: Option<UnixTime>,
    /// The freshness window.
    pub window: Duration,
    /// Whether each delivery is printed to stdout.
    pub print: bool,
}

impl ListenConfig {
    /// Checking with `keys`, failing nothing, the system clock, 300 s, printing.
    pub fn new(keys: Keyring) -> Self {
        Self { keys, fail_first: 0, now: None, window: Duration::from_secs(300), print: true }
    }
}

/// One delivery: what arrived, what the explainer found, what was answered, what was printed.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Delivery {
    /// 1 for the first delivery.
    pub number: usize,
    /// The request as received.
    pub request: Captured,
    /// The explanation (`None` when no signature scheme could be told).
    pub explanation: Option<Explanation>,
    /// Which callback it is, once verified.
    pub entry: Option<CallbackEntry>,
    /// The status answered.
    pub status: u16,
    /// The one log line.
    pub line: String,
    /// Everything printed for it (the line, then the callback or the explanation).
    pub text: String,
}

/// The callback endpoint: any path, POST only. Cheap to clone.
#[derive(Clone)]
pub struct Listener {
    inner: Arc<Inner>,
}

struct Inner {
    config: ListenConfig,
    count: AtomicUsize,
    deliveries: Mutex<Vec<Delivery>>,
    acknowledged: Mutex<BTreeSet<String>>,
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener")
            .field("fail_first", &self.inner.config.fail_first)
            .field("deliveries", &self.inner.count.load(Ordering::SeqCst))
            .finish_non_exhaustive()
    }
}

impl Listener {
    /// A listener with `config`.
    pub fn new(config: ListenConfig) -> Self {
        Self {
            inner: Arc::new(Inner {
                config,
                count: AtomicUsize::new(0),
                deliveries: Mutex::new(Vec::new()),
                acknowledged: Mutex::new(BTreeSet::new()),
            }),
        }
    }

    /// The deliveries so far, in order.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.inner.deliveries.lock().map(|d| d.clone()).unwrap_or_default()
    }

    /// Answers one delivery.
    pub async fn handle<B>(&self, request: http::Request<B>) -> http::Response<ResponseBody>
    where
        B: http_body::Body,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let number = self.inner.count.fetch_add(1, Ordering::SeqCst) + 1;
        let request_id = request
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map_or_else(|| format!("listen-{number}"), str::to_owned);
        let (parts, body) = request.into_parts();
        let target = parts.uri.path_and_query().map_or("/", |pq| pq.as_str()).to_owned();
        let headers = parts
            .headers
            .iter()
            .map(|(name, value)| {
                (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned())
            })
            .collect();
        let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
            Ok(collected) => collected.to_bytes().to_vec(),
            Err(_) => {
                let line = format!(
                    "#{number} {} {target} -> 413 body too large or unreadable",
                    parts.method
                );
                self.record(
                    number,
                    Captured {
                        method: parts.method.to_string(),
                        target,
                        headers,
                        body: Vec::new(),
                    },
                    None,
                    None,
                    413,
                    line,
                    String::new(),
                );
                return failure(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "the body is too large or unreadable",
                    &request_id,
                );
            }
        };
        let captured = Captured { method: parts.method.to_string(), target, headers, body };
        let (response, record) = self.answer(number, &captured, &request_id);
        self.record(
            number,
            captured,
            record.explanation,
            record.entry,
            response.status().as_u16(),
            record.line,
            record.detail,
        );
        response
    }

    fn answer(
        &self,
        number: usize,
        captured: &Captured,
        request_id: &str,
    ) -> (http::Response<ResponseBody>, Record) {
        let config = &self.inner.config;
        let now = config.now.unwrap_or_else(crate::tools::system_now);
        let mut context = Context::new(&config.keys, now);
        context.window = FreshnessWindow::new(config.window);
        let head = format!("#{number} {} {}", captured.method, captured.target);
        if captured.method != "POST" {
            let line = format!("{head} -> 405 (callbacks are POSTed)");
            let response =
                failure(StatusCode::METHOD_NOT_ALLOWED, "method not allowed", request_id);
            return (
                response,
                Record { explanation: None, entry: None, line, detail: String::new() },
            );
        }
        let explanation = match explain(captured, None, &context) {
            Ok(explanation) => explanation,
            Err(error) => {
                let line = format!("{head} -> 400 {error}");
                let response =
                    failure(StatusCode::BAD_REQUEST, "not a signed callback", request_id);
                return (
                    response,
                    Record { explanation: None, entry: None, line, detail: String::new() },
                );
            }
        };
        let entry = CallbackEntry::of(explanation.scheme, captured);
        let failing = number <= config.fail_first;
        let mut detail = String::new();
        let (response, outcome) = match (&explanation.verdict, entry) {
            (Verdict::Verified, Some(entry)) => {
                let ids = explanation
                    .document
                    .as_ref()
                    .map(|d| {
                        d.ids.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join(" ")
                    })
                    .unwrap_or_default();
                let key = format!("{}#{ids}", entry.name());
                let duplicate = !failing
                    && self
                        .inner
                        .acknowledged
                        .lock()
                        .map(|mut seen| !seen.insert(key))
                        .unwrap_or(false);
                if let Some(document) = &explanation.document {
                    let _ = writeln!(detail, "  {}:", document.what);
                    for line in document.text.lines() {
                        let _ = writeln!(detail, "    {line}");
                    }
                }
                let outcome = format!(
                    "verified {}{}{}",
                    entry.name(),
                    if ids.is_empty() { String::new() } else { format!(", {ids}") },
                    if duplicate { " (a duplicate of one acknowledged)" } else { "" }
                );
                let response = if failing {
                    failing_response(number, config.fail_first, request_id)
                } else {
                    match entry.acknowledgement(request_id) {
                        Ok(response) => response.map(|body| Full::new(Bytes::from(body))),
                        Err(_) => {
                            failure(StatusCode::INTERNAL_SERVER_ERROR, "internal error", request_id)
                        }
                    }
                };
                (response, outcome)
            }
            (verdict, _) => {
                detail = render(&explanation).lines().map(|line| format!("  {line}\n")).collect();
                let outcome = match verdict {
                    Verdict::Unchecked { missing } => format!("not checked: no {missing}"),
                    _ => format!("REFUSED: {}", explanation.cause_codes().join(", ")),
                };
                let response = if failing {
                    failing_response(number, config.fail_first, request_id)
                } else {
                    failure(StatusCode::UNAUTHORIZED, "the signature does not verify", request_id)
                };
                (response, outcome)
            }
        };
        let mut line = format!("{head} -> {} {outcome}", response.status().as_u16());
        if failing {
            let _ = write!(line, " [--fail-first: {number} of {}]", config.fail_first);
        }
        (response, Record { explanation: Some(explanation), entry, line, detail })
    }

    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        number: usize,
        request: Captured,
        explanation: Option<Explanation>,
        entry: Option<CallbackEntry>,
        status: u16,
        line: String,
        detail: String,
    ) {
        let text = format!("{line}\n{detail}");
        if self.inner.config.print {
            print!("{text}");
        }
        let delivery = Delivery { number, request, explanation, entry, status, line, text };
        if let Ok(mut deliveries) = self.inner.deliveries.lock() {
            deliveries.push(delivery);
        }
    }
}

/// What one answer leaves behind.
struct Record {
    explanation: Option<Explanation>,
    entry: Option<CallbackEntry>,
    line: String,
    detail: String,
}

fn failing_response(number: usize, of: usize, request_id: &str) -> http::Response<ResponseBody> {
    let message = format!("failing delivery {number} of the first {of} on purpose (--fail-first)");
    failure(StatusCode::INTERNAL_SERVER_ERROR, &message, request_id)
}

fn failure(status: StatusCode, message: &str, request_id: &str) -> http::Response<ResponseBody> {
    let code = status.as_u16().to_string();
    error_response(&ApiError::new(status, code, message), request_id)
        .map(|body| Full::new(Bytes::from(body)))
}

impl<B> tower_service::Service<http::Request<B>> for Listener
where
    B: http_body::Body + Send + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Response = http::Response<ResponseBody>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut TaskContext<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { Ok(this.handle(request).await) })
    }
}
