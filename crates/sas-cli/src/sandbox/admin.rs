//! The admin endpoints under `/sandbox`, which play the user and the payment system and show
//! the sandbox's state, as JSON in the SAS envelope (`{"returnCode":"0","data":…,"requestId":…}`;
//! a failure carries its `returnCode` and `returnMessage`):
//!
//! | method and path | body | what it does |
//! |---|---|---|
//! | `POST /sandbox/orders/{out_trade_no}/pay` | `{"result":"SUCCESS"\|"PAYERROR"}` | the user pays (standard and virtual orders); the callback is enqueued |
//! | `POST /sandbox/refunds/{out_refund_no}/complete` | `{"status":"SUCCESS"\|"CLOSED"\|"ABNORMAL"}` | the payment system completes a refund; the callback is enqueued |
//! | `GET /sandbox/orders` | | every order, its state as a query would show it now |
//! | `GET /sandbox/refunds` | | every refund |
//! | `GET /sandbox/messages` | | every subscription message received (1.7) |
//! | `GET /sandbox/deliveries` | | every callback with its state and every attempt |
//! | `GET /sandbox/users` | | the users and what the user endpoints reveal |
//!
//! Add `?mchid=…` to the two `POST`s when several merchants use the same number. A request
//! naming a host that is not the sandbox's, or a `POST` from another site, is refused with 403.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use sas_core::error::ApiError;
use sas_hyper::delivery::{Outbox, State as DeliveryState};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::core::Core;
use super::error::SandboxError;
use super::model::RefundState;
use super::orders::{self, PayResult};
use super::web::OwnHosts;

/// The admin routes, to nest under `/sandbox`, answering only to the hosts of `own`.
pub(crate) fn routes(core: Arc<Core>, own: Arc<OwnHosts>) -> Router {
    Router::new()
        .route("/orders", get(list_orders))
        .route("/orders/{out_trade_no}/pay", post(pay))
        .route("/refunds", get(list_refunds))
        .route("/refunds/{out_refund_no}/complete", post(complete))
        .route("/messages", get(list_messages))
        .route("/deliveries", get(list_deliveries))
        .route("/users", get(list_users))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(axum::middleware::from_fn_with_state(own, own_only))
        .with_state(core)
}

/// A request naming another host (DNS rebinding), or a `POST` sent by another site's page, is
/// refused (403): a page can post JSON as `text/plain` without asking.
async fn own_only(
    State(own): State<Arc<OwnHosts>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if let Some(refusal) = own.refusal(request.method(), request.uri(), request.headers()) {
        return refuse(http::StatusCode::FORBIDDEN, refusal.reason());
    }
    next.run(request).await
}

/// The success envelope around `data`.
fn ok(data: serde_json::Value) -> Response {
    let request_id = request_id();
    let body = serde_json::json!({ "returnCode": "0", "data": data, "requestId": request_id });
    ([(http::header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

/// The failure envelope of `error`.
fn fail(error: &SandboxError) -> Response {
    let api = ApiError::new(error.status(), error.code(), error.to_string());
    let response = sas_core::response::error_response(&api, &request_id());
    let (parts, body) = response.into_parts();
    Response::from_parts(parts, axum::body::Body::from(body))
}

fn request_id() -> String {
    crate::keygen::random_hex(16).unwrap_or_default().to_ascii_lowercase()
}

/// A failure envelope with `status`, its number as the `returnCode`, and `message`.
fn refuse(status: http::StatusCode, message: &str) -> Response {
    let api = ApiError::new(status, status.as_u16().to_string(), message);
    let (parts, body) = sas_core::response::error_response(&api, &request_id()).into_parts();
    Response::from_parts(parts, axum::body::Body::from(body))
}

async fn not_found() -> Response {
    refuse(http::StatusCode::NOT_FOUND, "no such admin endpoint")
}

async fn method_not_allowed() -> Response {
    refuse(http::StatusCode::METHOD_NOT_ALLOWED, "method not allowed on this admin endpoint")
}

/// The path parameter and the body of a `POST`, or the status and reason that refuse them (a
/// path that is not UTF-8, a body over axum's limit).
fn path_and_body(
    path: Result<Path<String>, PathRejection>,
    bytes: Result<Bytes, BytesRejection>,
) -> Result<(String, Bytes), (http::StatusCode, String)> {
    let Path(path) = path.map_err(|e| (e.status(), e.body_text()))?;
    let bytes = bytes.map_err(|e| (e.status(), e.body_text()))?;
    Ok((path, bytes))
}

/// Reads a JSON body strictly (RFC 8259: a repeated member name refused, a BOM ignored),
/// refusing anything else with an envelope naming the member at fault.
fn body<T: DeserializeOwned>(bytes: &Bytes) -> Result<T, SandboxError> {
    crate::tools::read_json(bytes).map_err(|e| SandboxError::Invalid(format!("body: {e}")))
}

/// `?mchid=…`, if given.
fn mchid(query: Option<&str>) -> Option<String> {
    let value = query?.split('&').find_map(|pair| pair.strip_prefix("mchid="))?;
    Some(percent_encoding::percent_decode_str(value).decode_utf8_lossy().into_owned())
}

fn to_json(value: impl serde::Serialize) -> Response {
    match serde_json::to_value(value) {
        Ok(value) => ok(value),
        Err(error) => fail(&SandboxError::Internal(error.to_string())),
    }
}

/// A list read from the store, or the failure envelope.
fn listed(read: Result<impl serde::Serialize, SandboxError>) -> Response {
    match read {
        Ok(list) => to_json(list),
        Err(error) => fail(&error),
    }
}

#[derive(Deserialize)]
struct PayBody {
    result: PayResult,
}

async fn pay(
    State(core): State<Arc<Core>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let (out_trade_no, bytes) = match path_and_body(path, bytes) {
        Ok(parts) => parts,
        Err((status, reason)) => return refuse(status, &reason),
    };
    let result = async {
        let PayBody { result } = body(&bytes)?;
        let mchid = mchid(query.as_deref());
        core.pay(&out_trade_no, mchid.as_deref(), result).await
    }
    .await;
    match result {
        Ok((order, callback)) => to_json(serde_json::json!({
            "order": order,
            "callback": { "id": callback.0, "url": order.callback_url },
        })),
        Err(error) => fail(&error),
    }
}

#[derive(Deserialize)]
struct CompleteBody {
    status: RefundState,
}

async fn complete(
    State(core): State<Arc<Core>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let (out_refund_no, bytes) = match path_and_body(path, bytes) {
        Ok(parts) => parts,
        Err((status, reason)) => return refuse(status, &reason),
    };
    let result = async {
        let CompleteBody { status } = body(&bytes)?;
        let mchid = mchid(query.as_deref());
        core.complete_refund(&out_refund_no, mchid.as_deref(), status).await
    }
    .await;
    match result {
        Ok((refund, callback)) => to_json(serde_json::json!({
            "refund": refund,
            "callback": { "id": callback.0, "url": refund.callback_url },
        })),
        Err(error) => fail(&error),
    }
}

async fn list_orders(State(core): State<Arc<Core>>) -> Response {
    let now = core.now();
    let orders = match core.store.orders().await {
        Ok(orders) => orders,
        Err(error) => return fail(&error),
    };
    let orders: Vec<_> = orders
        .into_iter()
        .map(|mut order| {
            order.state = orders::state_at(&order, now);
            order
        })
        .collect();
    to_json(orders)
}

async fn list_refunds(State(core): State<Arc<Core>>) -> Response {
    listed(core.store.refunds().await)
}

async fn list_messages(State(core): State<Arc<Core>>) -> Response {
    listed(core.store.messages().await)
}

async fn list_users(State(core): State<Arc<Core>>) -> Response {
    listed(core.store.users().await)
}

async fn list_deliveries(State(core): State<Arc<Core>>) -> Response {
    let outbox = core.dispatcher.outbox();
    let mut records = Vec::new();
    for state in [DeliveryState::Pending, DeliveryState::Delivered, DeliveryState::Dead] {
        match outbox.list(state).await {
            Ok(found) => records.extend(found),
            Err(error) => return fail(&SandboxError::Internal(error.to_string())),
        }
    }
    records.sort_by_key(|record| record.id);
    to_json(records)
}
