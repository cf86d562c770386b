//! Every endpoint through the client, answered with each failure status the server gives: 401
//! (auth), 413 (body limit), 500 (handler error and panic), 501 (left out), 503 (time limit),
//! and a handler's own API error with its status.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use sas_core::api;
use sas_core::crypto::{AppKey, PublicKeySet, SecretKey};
use sas_core::endpoint::{ApiRequest, Example};
use sas_hyper::server::{HandlerError, RequestContext, ServeConfig, Superapp, SuperappService};
use sas_hyper::{Client, RetryPolicy, VerifyingKeys};

use crate::support::*;

/// How every method of [`Failing`] answers.
#[derive(Clone, Copy, Debug)]
enum Mode {
    /// `HandlerError::internal` with a cause that must not reach the caller.
    Internal,
    /// A panic in the handler.
    Panic,
    /// The handler's own API error.
    Api,
    /// The example response, after longer than the request time limit.
    Slow,
    /// The example response.
    Ok,
}

/// A backend whose every method answers as its mode says.
struct Failing(Mode);

async fn answer<T: Example>(mode: Mode) -> Result<T, HandlerError> {
    match mode {
        Mode::Internal => Err(HandlerError::internal("connection to db password=hunter2 lost")),
        Mode::Panic => panic!("a bug in the handler"),
        Mode::Api => Err(HandlerError::api(http::StatusCode::CONFLICT, "ORDER_EXISTS", "taken")),
        Mode::Slow => {
            tokio::time::sleep(Duration::from_millis(500)).await;
            Ok(T::example())
        }
        Mode::Ok => Ok(T::example()),
    }
}

macro_rules! failing_superapp {
    ($($method:ident => $group:ident :: $module:ident;)*) => {
        impl Superapp for Failing {
            $(
                async fn $method(
                    &self,
                    _: RequestContext,
                    _: api::$group::$module::Request,
                ) -> Result<api::$group::$module::Response, HandlerError> {
                    answer(self.0).await
                }
            )*
        }
    };
}

failing_superapp! {
    check_user => user::check_user;
    get_user_info_temporary_code => user::get_user_info_temporary_code;
    get_user_email => user::get_user_email;
    get_user_phone_number => user::get_user_phone_number;
    get_user_nick => user::get_user_nick;
    get_user_avatar => user::get_user_avatar;
    send_message => message::send_message;
    create_jsapi_order => payment::create_jsapi_order;
    query_order => payment::query_order;
    close_order => payment::close_order;
    create_mini_game_order => virtual_payment::create_mini_game_order;
    create_mini_program_order => virtual_payment::create_mini_program_order;
    create_refund => refund::create_refund;
    query_refund => refund::query_refund;
    create_virtual_refund => refund::create_virtual_refund;
}

/// A backend that implements nothing.
struct Nothing;
impl Superapp for Nothing {}

/// Verifying keys that know every merchant the examples name, but by other keys than the
/// senders sign with.
fn wrong_verifying() -> VerifyingKeys {
    let other = private_key("platform-2048.pem").public_key();
    let merchants: BTreeMap<String, PublicKeySet> =
        ["example-mchid", "example-TC-MerchantID", "1230000109"]
            .into_iter()
            .map(|mchid| {
                (mchid.to_owned(), PublicKeySet::new().with_key(MERCHANT_SERIAL, other.clone()))
            })
            .collect();
    let app_keys: BTreeMap<String, AppKey> = ["example-TC-MerchantID", ""]
        .into_iter()
        .map(|id| (id.to_owned(), AppKey::new("another-app-key-of-32-bytes-long").unwrap()))
        .collect();
    VerifyingKeys::new()
        .secret_key(SecretKey::new("fedcba9876543210").unwrap())
        .merchant_keys(merchants)
        .app_keys(app_keys)
}

/// What one endpoint answered: its section and the failure's status, `returnCode` and message.
#[derive(Debug)]
struct Answer {
    section: &'static str,
    status: Option<u16>,
    code: Option<String>,
    message: String,
    auth: bool,
}

async fn send<R: ApiRequest>(base: &str) -> Answer {
    let request = R::example();
    let client = Client::builder()
        .base_url(base)
        .keys(sender_signing(&named_merchant(&request)))
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let section = R::METADATA.section;
    match client.send(&request).await {
        Ok(_) => {
            Answer { section, status: Some(200), code: None, message: String::new(), auth: false }
        }
        Err(error) => Answer {
            section,
            status: error.status().map(|s| s.as_u16()),
            code: error.api_error().map(|api| api.code.clone()),
            message: error.api_error().map(|api| api.message.clone()).unwrap_or_default(),
            auth: error.is_auth(),
        },
    }
}

macro_rules! send_every_endpoint {
    ($($kind:ident $group:ident $module:ident;)*) => {
        /// Sends every endpoint's example to `base`, returning each answer.
        async fn send_every_endpoint(base: &str) -> Vec<(Answer, bool)> {
            let mut answers = Vec::new();
            $(send_every_endpoint!(@one $kind $group $module, base, answers);)*
            answers
        }
    };
    (@one endpoint $group:ident $module:ident, $base:ident, $answers:ident) => {
        let has_body = api::$group::$module::METADATA.method != Some(http::Method::GET);
        $answers.push((send::<api::$group::$module::Request>($base).await, has_body));
    };
    (@one $other:ident $group:ident $module:ident, $base:ident, $answers:ident) => {};
}

sas_core::for_each_entry!(send_every_endpoint);

/// Serves `service` with `config` on loopback and sends every endpoint to it.
async fn answers_of<S: Superapp>(
    app: S,
    keys: VerifyingKeys,
    body_limit: usize,
    config: ServeConfig,
) -> Vec<(Answer, bool)> {
    let service = SuperappService::builder(app, keys).max_body_bytes(body_limit).build();
    let server = serve_on_loopback(service, config).await;
    let answers = send_every_endpoint(&format!("http://{}", server.local_addr())).await;
    server.shutdown().await;
    let sections: BTreeSet<&str> = answers.iter().map(|(answer, _)| answer.section).collect();
    assert_eq!(sections.len(), 15, "every endpoint once: {sections:?}");
    answers
}

fn assert_every(answers: &[(Answer, bool)], status: u16, code: &str) {
    for (answer, _) in answers {
        assert_eq!(answer.status, Some(status), "{answer:?}");
        assert_eq!(answer.code.as_deref(), Some(code), "{answer:?}");
    }
}

#[tokio::test]
async fn every_endpoint_answers_401_to_a_sender_signing_with_other_keys() {
    let answers =
        answers_of(Failing(Mode::Ok), wrong_verifying(), 1 << 20, ServeConfig::default()).await;
    assert_every(&answers, 401, "401");
    assert!(answers.iter().all(|(answer, _)| answer.auth), "{answers:?}");
}

#[tokio::test]
async fn every_endpoint_answers_500_to_a_handler_error_without_its_cause() {
    let answers =
        answers_of(Failing(Mode::Internal), superapp_verifying(), 1 << 20, ServeConfig::default())
            .await;
    assert_every(&answers, 500, "500");
    for (answer, _) in &answers {
        assert!(!answer.message.contains("hunter2"), "{answer:?}");
    }
}

#[tokio::test]
async fn every_endpoint_answers_500_to_a_panicking_handler() {
    let answers =
        answers_of(Failing(Mode::Panic), superapp_verifying(), 1 << 20, ServeConfig::default())
            .await;
    assert_every(&answers, 500, "500");
}

#[tokio::test]
async fn every_endpoint_answers_a_handler_api_error_with_its_own_status_and_code() {
    let answers =
        answers_of(Failing(Mode::Api), superapp_verifying(), 1 << 20, ServeConfig::default()).await;
    assert_every(&answers, 409, "ORDER_EXISTS");
    assert!(answers.iter().all(|(answer, _)| answer.message == "taken"), "{answers:?}");
}

#[tokio::test]
async fn every_endpoint_left_out_answers_501() {
    let answers = answers_of(Nothing, superapp_verifying(), 1 << 20, ServeConfig::default()).await;
    assert_every(&answers, 501, "501");
}

#[tokio::test]
async fn every_endpoint_over_its_time_limit_answers_503() {
    let config = ServeConfig::default().request_timeout(Duration::from_millis(100));
    let answers = answers_of(Failing(Mode::Slow), superapp_verifying(), 1 << 20, config).await;
    assert_every(&answers, 503, "503");
}

#[tokio::test]
async fn every_endpoint_with_a_body_over_the_limit_answers_413_and_the_others_succeed() {
    let answers =
        answers_of(Failing(Mode::Ok), superapp_verifying(), 8, ServeConfig::default()).await;
    let mut limited = 0;
    for (answer, has_body) in &answers {
        if *has_body {
            limited += 1;
            assert_eq!(
                (answer.status, answer.code.as_deref()),
                (Some(413), Some("413")),
                "{answer:?}"
            );
        } else {
            assert_eq!(answer.status, Some(200), "{answer:?}");
        }
    }
    assert!(limited >= 12, "{answers:?}");
}
