//! The client: send a typed request (signed afresh for every attempt), get the typed response.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use sas_core::api::user::check_user;
//! use sas_core::crypto::SecretKey;
//! use sas_hyper::{Client, SigningKeys};
//!
//! let client = Client::builder()
//!     .base_url("https://superapp.example/sas")
//!     .keys(SigningKeys::new().secret_key(SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?))
//!     .build()?;
//! let answer = client.send(&check_user::Request::new("8d45e488", "8dc9708f", "user-42")).await?;
//! println!("exists: {}, requestId {}", answer.response.data, answer.request_id);
//! # Ok(())
//! # }
//! ```

mod builder;
mod retry;
mod transport;

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use sas_core::endpoint::{ApiRequest, AuthKind, EntryKind};
use sas_core::response::{IncomingResponse, Received};
use tracing::Instrument;

pub use builder::{BuildError, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES};
pub use retry::RetryPolicy;

use crate::error::{Error, Kind};
use crate::keys::{self, SigningKeys};
use crate::time::{Clock, NonceSource};
use retry::{Outcome, next_delay};
use transport::{Pool, exchange};

/// An HTTPS client for the SAS API: every endpoint a party sends, and callbacks to a URL.
///
/// Cheap to clone (the pool and keys are shared). Built with [`Client::builder`].
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    pool: Pool,
    base_url: Option<String>,
    keys: SigningKeys,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
    timeout: Duration,
    max_response_bytes: usize,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("keys", &self.inner.keys)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder with the defaults: system clock and randomness, webpki roots, 10 s to connect,
    /// 30 s per request, 4 MiB responses, [`RetryPolicy::default`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// Sends an endpoint request to the base URL and reads the typed `data`.
    ///
    /// Each attempt is signed afresh (new timestamp and nonce); retries follow the
    /// [`RetryPolicy`], and never repeat a POST that may have reached the server.
    ///
    /// # Errors
    ///
    /// [`Error`]: ask it with its predicates. A failure envelope is
    /// [`Error::api_error`]; a body that is not the envelope keeps its status and bytes.
    pub async fn send<R: ApiRequest>(&self, request: &R) -> Result<Received<R::Response>, Error> {
        let Some(base) = self.inner.base_url.as_deref() else {
            return Err(Error::new(Kind::Build, "the client has no base URL"));
        };
        if R::METADATA.kind != EntryKind::Endpoint {
            return Err(Error::new(Kind::Build, "callbacks go to a URL: use `send_to`"));
        }
        self.call(request, base).await
    }

    /// Sends a request to `url`: the full URL of a callback (the order's
    /// `TC-Payment-Callback`), or another base URL for an endpoint.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send).
    pub async fn send_to<R: ApiRequest>(
        &self,
        request: &R,
        url: &str,
    ) -> Result<Received<R::Response>, Error> {
        self.call(request, url).await
    }

    async fn call<R: ApiRequest>(
        &self,
        request: &R,
        target: &str,
    ) -> Result<Received<R::Response>, Error> {
        let meta = R::METADATA;
        let method = R::METHOD;
        let span = tracing::info_span!(
            "sas.call",
            entry = meta.section,
            method = method.as_str(),
            path = meta.path.unwrap_or("<callback URL>"),
            status = tracing::field::Empty,
            return_code = tracing::field::Empty,
            request_id = tracing::field::Empty,
            attempt = tracing::field::Empty,
            duration_ms = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self
            .attempts(request, target, method == http::Method::GET)
            .instrument(span.clone())
            .await;
        span.record(
            "duration_ms",
            u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        );
        let (attempts, result) = result;
        span.record("attempt", attempts);
        let response = result.map_err(|error| error.with_attempts(attempts))?;
        let status = response.status();
        span.record("status", status.as_u16());
        match R::Response::try_from_http_response(&response) {
            Ok(received) => {
                span.record("return_code", sas_core::response::SUCCESS_CODE);
                span.record("request_id", received.request_id.as_str());
                Ok(received)
            }
            Err(error) => {
                let error = Error::from_response(error, status, response.into_body())
                    .with_attempts(attempts);
                if let Some(api) = error.api_error() {
                    span.record("return_code", api.code.as_str());
                    span.record("request_id", api.request_id.as_str());
                }
                Err(error)
            }
        }
    }

    /// The attempts of one call: sign, exchange, and decide whether to go again.
    async fn attempts<R: ApiRequest>(
        &self,
        request: &R,
        target: &str,
        idempotent: bool,
    ) -> (u32, Result<http::Response<Bytes>, Error>) {
        let inner = &self.inner;
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let nonce =
                if signs_a_nonce(R::METADATA.auth) { inner.nonces.nonce() } else { String::new() };
            let signed = match keys::sign(request, target, &inner.keys, inner.clock.now(), &nonce) {
                Ok(signed) => signed,
                Err(error) => return (attempt, Err(Error::new(Kind::Build, error))),
            };
            let (outcome, result) =
                exchange(&inner.pool, signed, inner.timeout, inner.max_response_bytes).await;
            if outcome == Outcome::Final {
                return (attempt, result);
            }
            let Some(delay) =
                next_delay(&inner.retry, outcome, idempotent, attempt, started.elapsed())
            else {
                return (attempt, result);
            };
            tracing::debug!(attempt, ?delay, "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt of an already signed request, without retries: for callback delivery, which
    /// keeps its own schedule.
    pub(crate) async fn exchange_once(
        &self,
        request: http::Request<Vec<u8>>,
        timeout: Duration,
    ) -> Result<http::Response<Bytes>, Error> {
        exchange(&self.inner.pool, request, timeout, self.inner.max_response_bytes).await.1
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        self.inner.clock.as_ref()
    }

    pub(crate) fn nonce(&self) -> String {
        self.inner.nonces.nonce()
    }
}

/// Whether requests of `auth` sign a nonce: every scheme does but those known to sign none
/// (`TC-Signature` covers the timestamp only, `PaySig` and `pay_sig` the body), which are
/// sent without drawing one.
fn signs_a_nonce(auth: AuthKind) -> bool {
    !matches!(
        auth,
        AuthKind::TcSignature
            | AuthKind::PaySig
            | AuthKind::PaySigQuery
            | AuthKind::VirtualCallback
    )
}

#[cfg(test)]
mod tests {
    use sas_core::api::{refund, user, virtual_payment};
    use sas_core::auth::Signing;
    use sas_core::crypto::{AppKey, SecretKey};
    use sas_core::endpoint::Example;
    use sas_core::request::OutgoingRequest;

    use super::*;
    use crate::keys::UnixTime;

    /// Signs the example of `R` with no nonce at all: an error if its scheme needs one.
    fn signs_without_a_nonce<R: ApiRequest + Example>(auth: AuthKind, signing: &Signing<'_>) {
        assert_eq!(R::METADATA.auth, auth);
        assert!(!signs_a_nonce(auth));
        let signed = R::example().try_into_http_request("http://superapp.example", signing);
        assert!(signed.is_ok(), "{}: {:?}", R::METADATA.section, signed.err());
    }

    #[test]
    fn the_schemes_sent_without_a_nonce_sign_none() {
        let secret = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap();
        let app_key = AppKey::new("12345").unwrap();
        let signing =
            Signing::new(UnixTime::from_secs(1_700_000_000)).secret_key(&secret).app_key(&app_key);
        signs_without_a_nonce::<user::check_user::Request>(AuthKind::TcSignature, &signing);
        signs_without_a_nonce::<virtual_payment::create_mini_game_order::Request>(
            AuthKind::PaySig,
            &signing,
        );
        signs_without_a_nonce::<refund::create_virtual_refund::Request>(
            AuthKind::PaySigQuery,
            &signing,
        );
        signs_without_a_nonce::<virtual_payment::mini_game_payment_notification::Request>(
            AuthKind::VirtualCallback,
            &signing,
        );
        // The RSA schemes sign one.
        assert!(signs_a_nonce(AuthKind::MerchantRsa));
        assert!(signs_a_nonce(AuthKind::PaymentCallback));
    }
}
