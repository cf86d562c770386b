//! The client's tracing span says what happened without a key, a signature or a secret.

use std::sync::{Arc, Mutex};

use sas_core::api::user::check_user;
use sas_core::endpoint::Example;
use sas_hyper::server::{ServeConfig, SuperappService};
use sas_hyper::{Client, SigningKeys};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

use crate::server::Examples;
use crate::support::*;

/// Every field of every span and event, as `name=value` text.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<String>>>);

struct Fields<'a>(&'a Mutex<Vec<String>>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.lock().unwrap().push(format!("{}={value:?}", field.name()));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        span.record(&mut Fields(&self.0));
        let mut lines = self.0.lock().unwrap();
        lines.push(format!("span={}", span.metadata().name()));
        Id::from_u64(lines.len() as u64)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        values.record(&mut Fields(&self.0));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        event.record(&mut Fields(&self.0));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test(flavor = "current_thread")]
async fn the_call_span_names_entry_status_and_request_id_but_no_secret() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let server = serve_on_loopback(
        SuperappService::new(Examples, superapp_verifying()),
        ServeConfig::default(),
    )
    .await;
    let base = format!("http://{}", server.local_addr());
    let request = sas_core::api::payment::query_order::Request::example();
    let client = Client::builder()
        .base_url(base.as_str())
        .keys(sender_signing(&named_merchant(&request)))
        .build()
        .unwrap();
    let answer = client.send(&request).await.unwrap();
    let sas = Client::builder()
        .base_url(base)
        .keys(SigningKeys::new().secret_key(secret()))
        .build()
        .unwrap();
    sas.send(&check_user::Request::example()).await.unwrap();
    server.shutdown().await;

    let lines = capture.0.lock().unwrap().clone();
    let text = lines.join("\n");
    for wanted in [
        "span=sas.call",
        "entry=\"2.3\"",
        "entry=\"1.1\"",
        "method=\"GET\"",
        "status=200",
        "return_code=\"0\"",
        "attempt=1",
    ] {
        assert!(lines.iter().any(|l| l == wanted), "missing {wanted} in\n{text}");
    }
    assert!(lines.iter().any(|l| l == &format!("request_id={:?}", answer.request_id)), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("duration_ms=")), "{text}");
    for secret in [SECRET, "WECHATPAY2-SHA256-RSA2048", "signature=", "TC-Signature", "BEGIN"] {
        assert!(!text.contains(secret), "{secret:?} leaked into tracing:\n{text}");
    }
}
