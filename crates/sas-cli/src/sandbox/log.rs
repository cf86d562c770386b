//! One log line per request: method, path (never the query, which may carry `pay_sig`),
//! status and duration. Headers and bodies, which carry signatures and encrypted values, are
//! never logged.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// The middleware: logs each request once it is answered.
pub(crate) async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let request_id = response
        .headers()
        .get(sas_hyper::server::REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info!(target: "sas::sandbox", %method, path, status, millis, request_id, "request");
    response
}
