//! A client of the admin endpoints (`/sandbox/...`): what `sas demo` and the tests use to play
//! the user and the payment system, and to read the sandbox's state.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

/// An admin endpoint answered with an error envelope, or not at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AdminError {
    /// The request did not complete.
    #[error("{0}")]
    Transport(String),
    /// The sandbox refused: its status, `returnCode` and `returnMessage`.
    #[error("HTTP {status}: {code}: {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The envelope's `returnCode`.
        code: String,
        /// The envelope's `returnMessage`.
        message: String,
    },
}

/// A client of one sandbox's admin endpoints.
#[derive(Clone, Debug)]
pub struct AdminClient {
    base_url: String,
    http: Client<HttpConnector, Full<Bytes>>,
}

impl AdminClient {
    /// A client of the sandbox at `base_url` (`http://127.0.0.1:PORT`).
    pub fn new(base_url: impl Into<String>) -> Self {
        let http = Client::builder(TokioExecutor::new()).build_http();
        Self { base_url: base_url.into().trim_end_matches('/').to_owned(), http }
    }

    /// `POST /sandbox/orders/{out_trade_no}/pay` with `result` (`SUCCESS` or `PAYERROR`):
    /// the order and its callback.
    ///
    /// # Errors
    ///
    /// [`AdminError`].
    pub async fn pay(&self, out_trade_no: &str, result: &str) -> Result<Value, AdminError> {
        let path = format!("/sandbox/orders/{}/pay", encode(out_trade_no));
        self.call("POST", &path, Some(serde_json::json!({ "result": result }))).await
    }

    /// `POST /sandbox/refunds/{out_refund_no}/complete` with `status` (`SUCCESS`, `CLOSED` or
    /// `ABNORMAL`): the refund and its callback.
    ///
    /// # Errors
    ///
    /// [`AdminError`].
    pub async fn complete_refund(
        &self,
        out_refund_no: &str,
        status: &str,
    ) -> Result<Value, AdminError> {
        let path = format!("/sandbox/refunds/{}/complete", encode(out_refund_no));
        self.call("POST", &path, Some(serde_json::json!({ "status": status }))).await
    }

    /// `GET /sandbox/{what}` (`orders`, `refunds`, `messages`, `deliveries`, `users`).
    ///
    /// # Errors
    ///
    /// [`AdminError`].
    pub async fn list(&self, what: &str) -> Result<Value, AdminError> {
        self.call("GET", &format!("/sandbox/{what}"), None).await
    }

    /// Sends one request and returns the envelope's `data`.
    ///
    /// # Errors
    ///
    /// [`AdminError`].
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, AdminError> {
        let transport = |e: &dyn std::fmt::Display| AdminError::Transport(e.to_string());
        let bytes = body.map(|b| b.to_string()).unwrap_or_default();
        let request = http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base_url))
            .header(http::header::CONTENT_TYPE, "application/json")
            .body(Full::new(Bytes::from(bytes)))
            .map_err(|e| transport(&e))?;
        let response = self.http.request(request).await.map_err(|e| transport(&e))?;
        let status = response.status();
        let body = response.into_body().collect().await.map_err(|e| transport(&e))?.to_bytes();
        let envelope: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let code = envelope.get("returnCode").and_then(Value::as_str).unwrap_or("");
        if status.is_success() && code == "0" {
            return Ok(envelope.get("data").cloned().unwrap_or(Value::Null));
        }
        let message = envelope.get("returnMessage").and_then(Value::as_str).unwrap_or("");
        Err(AdminError::Refused {
            status: status.as_u16(),
            code: code.to_owned(),
            message: message.to_owned(),
        })
    }
}

fn encode(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, percent_encoding::NON_ALPHANUMERIC).to_string()
}
