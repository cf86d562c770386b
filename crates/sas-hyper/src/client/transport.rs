//! One HTTP exchange over hyper-util's pooled client with hyper-rustls (plain HTTP only without
//! the `tls` feature): send the signed bytes, read the answer up to the size limit, within the
//! time limit.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
#[cfg(feature = "tls")]
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
#[cfg(feature = "tls")]
use rustls_pki_types::CertificateDer;

use super::BuildError;
use super::retry::{Outcome, retry_after};
use crate::body::{BodyError, read_limited};
use crate::error::{Error, Kind};
#[cfg(feature = "tls")]
use crate::tls::client_config;

/// The pooled hyper client.
#[cfg(feature = "tls")]
pub(crate) type Pool = HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>;
/// The pooled hyper client.
#[cfg(not(feature = "tls"))]
pub(crate) type Pool = HyperClient<HttpConnector, Full<Bytes>>;

/// How the pool connects.
pub(crate) struct PoolOptions {
    #[cfg(feature = "tls")]
    pub(crate) webpki_roots: bool,
    #[cfg(feature = "tls")]
    pub(crate) extra_roots: Vec<CertificateDer<'static>>,
    pub(crate) connect_timeout: Duration,
    pub(crate) pool_idle_timeout: Duration,
    pub(crate) pool_max_idle_per_host: usize,
    #[cfg(feature = "http2")]
    pub(crate) http2_prior_knowledge: bool,
}

pub(crate) fn pool(options: &PoolOptions) -> Result<Pool, BuildError> {
    let mut http = HttpConnector::new();
    // Without TLS, an `https://` URL fails to connect rather than going out in plain text.
    http.enforce_http(!cfg!(feature = "tls"));
    http.set_nodelay(true);
    http.set_connect_timeout(Some(options.connect_timeout));
    #[cfg(feature = "tls")]
    let connector = {
        let tls = client_config(options.webpki_roots, &options.extra_roots)?;
        let builder = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1();
        #[cfg(feature = "http2")]
        let builder = builder.enable_http2();
        builder.wrap_connector(http)
    };
    #[cfg(not(feature = "tls"))]
    let connector = http;
    let mut builder = HyperClient::builder(TokioExecutor::new());
    builder
        .timer(TokioTimer::new())
        .pool_timer(TokioTimer::new())
        .pool_idle_timeout(options.pool_idle_timeout)
        .pool_max_idle_per_host(options.pool_max_idle_per_host);
    #[cfg(feature = "http2")]
    builder.http2_only(options.http2_prior_knowledge);
    Ok(builder.build(connector))
}

/// Whether a connect error is hyper-util's connect timeout (an `io::Error` of kind `TimedOut`
/// in the chain), or the operating system's.
fn timed_out(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(error);
    while let Some(error) = cause {
        if error
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        cause = error.source();
    }
    false
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
                let kind = if timed_out(&error) { Kind::ConnectTimeout } else { Kind::Connect };
                return (Outcome::ConnectFailed, Err(Error::new(kind, error)));
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
