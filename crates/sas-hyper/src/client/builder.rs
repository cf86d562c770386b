//! Building a [`Client`]: base URL, keys, clock and nonces, TLS roots, time and size limits,
//! retries.

use std::sync::Arc;
use std::time::Duration;

#[cfg(feature = "tls")]
use rustls_pki_types::CertificateDer;

use super::transport::{PoolOptions, pool};
use super::{Client, Inner, RetryPolicy};
use crate::keys::SigningKeys;
use crate::time::{Clock, NonceSource, OsNonces, SystemClock};
#[cfg(feature = "tls")]
use crate::tls::{TlsError, certificates};

/// The default limit of a response body: 4 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

/// A [`Client`] could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The base URL is not an absolute `http(s)` URL without a query (`http` only without the
    /// `tls` feature).
    #[error("{0:?} is not an absolute http(s) base URL without query or fragment")]
    BaseUrl(String),
    /// An extra root certificate could not be read, or rustls refused the configuration.
    #[cfg(feature = "tls")]
    #[error(transparent)]
    Tls(#[from] TlsError),
}

/// Builds a [`Client`]; see [`Client::builder`] for the defaults.
#[must_use]
pub struct ClientBuilder {
    base_url: Option<String>,
    keys: SigningKeys,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
    #[cfg(feature = "tls")]
    webpki_roots: bool,
    #[cfg(feature = "tls")]
    extra_roots: Vec<Vec<u8>>,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_bytes: usize,
    retry: RetryPolicy,
    pool_idle_timeout: Duration,
    pool_max_idle_per_host: usize,
    #[cfg(feature = "http2")]
    http2_prior_knowledge: bool,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder").field("base_url", &self.base_url).finish_non_exhaustive()
    }
}

impl ClientBuilder {
    pub(super) fn new() -> Self {
        Self {
            base_url: None,
            keys: SigningKeys::new(),
            clock: Arc::new(SystemClock),
            nonces: Arc::new(OsNonces),
            #[cfg(feature = "tls")]
            webpki_roots: true,
            #[cfg(feature = "tls")]
            extra_roots: Vec::new(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryPolicy::default(),
            pool_idle_timeout: Duration::from_secs(90),
            pool_max_idle_per_host: 32,
            #[cfg(feature = "http2")]
            http2_prior_knowledge: false,
        }
    }

    /// The base URL endpoints are sent to, e.g. `https://superapp.example` or one with a base
    /// path, `https://superapp.example/sas` (kept before every documented path).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// The keys requests are signed with.
    pub fn keys(mut self, keys: SigningKeys) -> Self {
        self.keys = keys;
        self
    }

    /// Another clock (tests).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Another nonce source (tests).
    pub fn nonces(mut self, nonces: impl NonceSource) -> Self {
        self.nonces = Arc::new(nonces);
        self
    }

    /// Also trust the certificates in `pem` as roots (a private CA, a test certificate).
    #[cfg(feature = "tls")]
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.extra_roots.push(pem.into());
        self
    }

    /// Whether to trust the webpki roots (on by default).
    #[cfg(feature = "tls")]
    pub fn webpki_roots(mut self, trust: bool) -> Self {
        self.webpki_roots = trust;
        self
    }

    /// The limit of making a TCP connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The limit of one attempt, from sending to the last byte of the response (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The largest response body read, in bytes (default 4 MiB).
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// When to try again ([`RetryPolicy::never`] for no retries).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// How long an idle pooled connection is kept (default 90 s).
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// How many idle connections are kept per host (default 32).
    pub fn pool_max_idle_per_host(mut self, max: usize) -> Self {
        self.pool_max_idle_per_host = max;
        self
    }

    /// Speak HTTP/2 without negotiation (`http://` to an HTTP/2 server). Over TLS, ALPN picks
    /// HTTP/2 or HTTP/1.1 without this.
    #[cfg(feature = "http2")]
    pub fn http2_prior_knowledge(mut self, on: bool) -> Self {
        self.http2_prior_knowledge = on;
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`BuildError`]: a malformed base URL or an unreadable root certificate.
    pub fn build(self) -> Result<Client, BuildError> {
        let base_url = self.base_url.map(|url| check_base_url(&url)).transpose()?;
        #[cfg(feature = "tls")]
        let mut extra_roots: Vec<CertificateDer<'static>> = Vec::new();
        #[cfg(feature = "tls")]
        for pem in &self.extra_roots {
            extra_roots.extend(certificates(pem)?);
        }
        let pool = pool(&PoolOptions {
            #[cfg(feature = "tls")]
            webpki_roots: self.webpki_roots,
            #[cfg(feature = "tls")]
            extra_roots,
            connect_timeout: self.connect_timeout,
            pool_idle_timeout: self.pool_idle_timeout,
            pool_max_idle_per_host: self.pool_max_idle_per_host,
            #[cfg(feature = "http2")]
            http2_prior_knowledge: self.http2_prior_knowledge,
        })?;
        Ok(Client {
            inner: Arc::new(Inner {
                pool,
                base_url,
                keys: self.keys,
                clock: self.clock,
                nonces: self.nonces,
                timeout: self.timeout,
                max_response_bytes: self.max_response_bytes,
                retry: self.retry,
            }),
        })
    }
}

fn check_base_url(url: &str) -> Result<String, BuildError> {
    let bad = || BuildError::BaseUrl(url.to_owned());
    let uri: http::Uri = url.parse().map_err(|_| bad())?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http"))
        || (cfg!(feature = "tls") && matches!(uri.scheme_str(), Some("https")));
    if !scheme_ok || uri.authority().is_none() || uri.query().is_some() || url.contains('#') {
        return Err(bad());
    }
    Ok(url.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_path_is_kept_and_a_query_refused() {
        assert_eq!(
            check_base_url("https://a.example/sas/").ok().as_deref(),
            Some("https://a.example/sas")
        );
        assert!(check_base_url("https://a.example/?x=1").is_err());
        assert!(check_base_url("ftp://a.example").is_err());
        assert!(check_base_url("/relative").is_err());
    }
}
