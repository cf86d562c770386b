//! One HTTP exchange over hyper-util's pooled client with hyper-rustls: send the signed bytes,
//! read the answer up to the size limit, within the time limit.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use rustls_pki_types::CertificateDer;

use super::retry::{Outcome, retry_after};
use crate::body::{BodyError, read_limited};
use crate::error::{Error, Kind};
use crate::tls::{TlsError, client_config};

/// The pooled hyper client.
pub(crate) type Pool = HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// How the pool connects.
pub(crate) struct PoolOptions {
    pub(crate) webpki_roots: bool,
    pub(crate) extra_roots: Vec<CertificateDer<'static>>,
    pub(crate) connect_timeout: Duration,
    pub(crate) pool_idle_timeout: Duration,
    pub(crate) pool_max_idle_per_host: usize,
    pub(crate) http2_prior_knowledge: bool,
}

pub(crate) fn pool(options: &PoolOptions) -> Result<Pool, TlsError> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    http.set_connect_timeout(Some(options.connect_timeout));
    let tls = client_config(options.webpki_roots, &options.extra_roots)?;
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1()
        .enable_http2()
        .wrap_connector(http);
    let mut builder = HyperClient::builder(TokioExecutor::new());
    builder
        .timer(TokioTimer::new())
        .pool_timer(TokioTimer::new())
        .pool_idle_timeout(options.pool_idle_timeout)
        .pool_max_idle_per_host(options.pool_max_idle_per_host)
        .http2_only(options.http2_prior_knowledge);
    Ok(builder.build(connector))
}

/// Sends `request` and reads the response body (at most `limit` bytes) within `timeout`.
/// Returns what happened for the retry decision along with the result.
pub(crate) async fn exchange(
    pool: &Pool,
    request: http::Request<Vec<u8>>,
    timeout: Duration,
    limit: usize,
) -> (Outcome, Result<http::Response<Bytes>, Error>) {
    let request = request.map(|body| Full::new(Bytes::from(body)));
    let work = async {
        let response = match pool.request(request).await {
            Ok(response) => response,
            Err(error) if error.is_connect() => {
                return (Outcome::ConnectFailed, Err(Error::new(Kind::Connect, error)));
            }
            Err(error) => return (Outcome::MaybeSent, Err(Error::new(Kind::Transport, error))),
        };
        let (parts, body) = response.into_parts();
        match read_limited(body, limit).await {
            Ok(bytes) => {
                let outcome = Outcome::Answered {
                    status: parts.status,
                    retry_after: retry_after(&parts.headers),
                };
                (outcome, Ok(http::Response::from_parts(parts, bytes)))
            }
            Err(BodyError::TooLarge(limit)) => {
                let error = Error::new(
                    Kind::Body,
                    format!("the response body is larger than {limit} bytes"),
                )
                .with_response(parts.status, Bytes::new());
                (Outcome::Final, Err(error))
            }
            Err(BodyError::Read(error)) => {
                (Outcome::MaybeSent, Err(Error::new(Kind::Transport, error)))
            }
        }
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(result) => result,
        Err(_) => (
            Outcome::MaybeSent,
            Err(Error::new(Kind::Timeout, format!("no complete response within {timeout:?}"))),
        ),
    }
}
