//! TLS with a certificate generated in the test: HTTP/2 and HTTP/1.1 by ALPN, the extra root
//! trusted, an unknown one refused.

use std::sync::{Arc, Mutex};

use sas_core::api::user::check_user;
use sas_core::endpoint::Example;
use sas_hyper::server::{ServeConfig, SuperappService};
use sas_hyper::tls::server_config;
use sas_hyper::{Client, RetryPolicy, SigningKeys};

use crate::server::Examples;
use crate::support::*;

struct Tls {
    certificate: String,
    key: String,
}

fn localhost_certificate() -> Tls {
    let generated = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    Tls { certificate: generated.cert.pem(), key: generated.key_pair.serialize_pem() }
}

/// Records the HTTP version of each request before passing it on.
#[derive(Clone)]
struct Versions<S> {
    inner: S,
    seen: Arc<Mutex<Vec<http::Version>>>,
}

impl<S> tower_service::Service<http::Request<hyper::body::Incoming>> for Versions<S>
where
    S: tower_service::Service<http::Request<hyper::body::Incoming>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;
    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }
    fn call(&mut self, request: http::Request<hyper::body::Incoming>) -> S::Future {
        self.seen.lock().unwrap().push(request.version());
        self.inner.call(request)
    }
}

#[tokio::test]
async fn tls_with_a_generated_certificate_speaks_http2_by_alpn() {
    let tls = localhost_certificate();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let service = Versions {
        inner: SuperappService::new(Examples, superapp_verifying()),
        seen: Arc::clone(&seen),
    };
    let config = ServeConfig::default()
        .tls(server_config(tls.certificate.as_bytes(), tls.key.as_bytes()).unwrap());
    let server = serve_on_loopback(service, config).await;
    let base = format!("https://localhost:{}", server.local_addr().port());

    let client = Client::builder()
        .base_url(base.as_str())
        .keys(SigningKeys::new().secret_key(secret()))
        .add_root_certificate_pem(tls.certificate.as_bytes())
        .build()
        .unwrap();
    let answer = client.send(&check_user::Request::example()).await.unwrap();
    assert_eq!(answer.response, check_user::Response::example());
    assert_eq!(seen.lock().unwrap().as_slice(), [http::Version::HTTP_2]);

    let stranger = Client::builder()
        .base_url(base)
        .keys(SigningKeys::new().secret_key(secret()))
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let error = stranger.send(&check_user::Request::example()).await.unwrap_err();
    assert!(error.is_connect(), "an untrusted certificate was accepted: {error:?}");
    server.shutdown().await;
}

#[test]
fn unreadable_pem_is_refused_with_a_reason() {
    let tls = localhost_certificate();
    assert!(server_config(b"not pem", tls.key.as_bytes()).is_err());
    assert!(server_config(tls.certificate.as_bytes(), b"not pem").is_err());
    let other = localhost_certificate();
    assert!(
        server_config(tls.certificate.as_bytes(), other.key.as_bytes()).is_err(),
        "a key that does not match"
    );
}
