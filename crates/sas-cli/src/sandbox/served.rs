//! The sandbox's axum router as a service sas-hyper's `serve` runs, so the sandbox has the
//! same connection and time limits as any sas-hyper server (a header read timeout against
//! slow clients, a request timeout, a connection limit) and speaks HTTP/1.1 and HTTP/2 alike.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use sas_core::error::ApiError;
use sas_hyper::server::ResponseBody;
use tower_service::Service;

/// The router; each answer's body (a page or a JSON document, all built in memory) is read
/// into one buffer.
#[derive(Clone)]
pub(crate) struct Served(pub(crate) axum::Router);

impl Service<http::Request<Incoming>> for Served {
    type Response = http::Response<ResponseBody>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Incoming>) -> Self::Future {
        let mut router = self.0.clone();
        Box::pin(async move {
            let Ok(response) = router.call(request.map(axum::body::Body::new)).await;
            let (parts, body) = response.into_parts();
            let body = match body.collect().await {
                Ok(collected) => collected.to_bytes(),
                Err(error) => {
                    tracing::error!(target: "sas::sandbox", %error, "an answer could not be read");
                    let status = http::StatusCode::INTERNAL_SERVER_ERROR;
                    let api = ApiError::new(status, status.as_u16().to_string(), "internal error");
                    let id = crate::keygen::random_hex(16).unwrap_or_default().to_ascii_lowercase();
                    let failed = sas_core::response::error_response(&api, &id);
                    return Ok(failed.map(|body| Full::new(Bytes::from(body))));
                }
            };
            Ok(http::Response::from_parts(parts, Full::new(body)))
        })
    }
}
