//! The valid signed requests the corpus starts from, one per endpoint, at any time; and a body
//! swapped in with its signature made again, so a bad body reaches the parser rather than
//! stopping at the signature.

use sas_cli::demo::requests;
use sas_cli::keyfile::KeysFile;
use sas_core::api::payment::payment_notification::{self, Transaction};
use sas_core::api::payment::query_order;
use sas_core::api::user::{check_user, get_user_nick};
use sas_core::api::virtual_payment::mini_game_payment_notification;
use sas_core::auth::Signing;
use sas_core::crypto::{RequestParts, VIRTUAL_REFUND_URI, callback_signature, refund_pay_sig};
use sas_core::endpoint::{ApiRequest, Example};
use sas_core::request::OutgoingRequest;
use sas_core::time::UnixTime;
use sas_hyper::time::{Clock, SystemClock};

/// How an endpoint is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// `TC-Timestamp` and `TC-Signature` (SAS's calls); the body is not signed.
    TcSignature,
    /// The merchant's RSA `Authorization` over method, path, time, nonce and body.
    Authorization,
    /// The HMAC `PaySig` in the body over its `SignData` string.
    PaySig,
    /// The HMAC `pay_sig` in the query over the body.
    PaySigQuery,
    /// The platform's RSA `TC-Callback-Signature` over time, nonce and body (and `TC-Signature`).
    Callback,
    /// The HMAC event signatures in the body over its `Payload` string (and `TC-Signature`).
    VirtualCallback,
}

/// One endpoint of a server under test.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Endpoint {
    pub(crate) name: &'static str,
    pub(crate) scheme: Scheme,
}

/// The sandbox's endpoints in the corpus, one or two per scheme.
pub(crate) const SANDBOX: [Endpoint; 6] = [
    Endpoint { name: "getUserNick", scheme: Scheme::TcSignature },
    Endpoint { name: "checkUser", scheme: Scheme::TcSignature },
    Endpoint { name: "jsapi", scheme: Scheme::Authorization },
    Endpoint { name: "queryOrder", scheme: Scheme::Authorization },
    Endpoint { name: "gameOrder", scheme: Scheme::PaySig },
    Endpoint { name: "virtualRefund", scheme: Scheme::PaySigQuery },
];

/// The receivers' endpoints in the corpus.
pub(crate) const RECEIVERS: [Endpoint; 2] = [
    Endpoint { name: "paymentNotification", scheme: Scheme::Callback },
    Endpoint { name: "gamePaymentNotification", scheme: Scheme::VirtualCallback },
];

/// The callback paths the receivers are served at (one server each).
pub(crate) const CALLBACK_PATH: &str = "/notify";

/// Signs the endpoint's request at `at` for a server at `base` (`http://127.0.0.1:PORT`).
pub(crate) fn request(
    keys: &KeysFile,
    endpoint: &Endpoint,
    base: &str,
    at: UnixTime,
) -> http::Request<Vec<u8>> {
    let user = &keys.users[0];
    let secret = keys.secret().unwrap();
    let merchant = keys.merchant_signer().unwrap();
    let app_key = keys.app().unwrap();
    let platform = keys.platform_private_key().unwrap();
    let mut signing = Signing::new(at)
        .nonce("BADINPUT0NONCE00000000000000000X")
        .secret_key(&secret)
        .merchant(&merchant)
        .app_key(&app_key);
    if let Some(platform) = platform.as_ref() {
        signing = signing.platform(platform, &keys.platform.serial_no);
    }
    let expire = sas_cli::sandbox::time::rfc3339(UnixTime::from_secs(at.as_secs() + 3600));
    let callback = "http://127.0.0.1:9/notify";
    let url = format!("{base}{CALLBACK_PATH}");
    match endpoint.name {
        "getUserNick" => sign(&get_user_nick::Request::new(&user.user_id), base, &signing),
        "checkUser" => {
            sign(&check_user::Request::new(&user.open_id, "mini", &user.user_id), base, &signing)
        }
        "jsapi" => {
            let order = requests::jsapi_order(keys, user, "BAD-ORDER-1", 100, &expire, callback);
            sign(&order, base, &signing)
        }
        "queryOrder" => {
            sign(&query_order::Request::new("BAD-ORDER-1", &keys.merchant.mchid), base, &signing)
        }
        "gameOrder" => {
            let order =
                requests::mini_game_order(keys, user, "BAD-GAME-1", "gems-60", 1, 600, callback)
                    .unwrap();
            sign(&order, base, &signing)
        }
        "virtualRefund" => {
            let refund =
                requests::virtual_refund(keys, "BAD-GAME-1", "BAD-REFUND-1", 1, 600, callback);
            sign(&refund, base, &signing)
        }
        "paymentNotification" => {
            let mut transaction = Transaction::example();
            transaction.out_trade_no = "BAD-PAID-1".to_owned();
            let mut notification = payment_notification::Request::example();
            notification.callback_out_trade_no = "BAD-PAID-1".to_owned();
            sas_core::callback::seal(
                &mut notification,
                &transaction,
                &keys.api_v3().unwrap(),
                "n0nce1234567",
                "transaction",
            )
            .unwrap();
            sign(&notification, &url, &signing)
        }
        "gamePaymentNotification" => {
            sign(&mini_game_payment_notification::Request::example(), &url, &signing)
        }
        other => panic!("no endpoint {other}"),
    }
}

fn sign<R: ApiRequest>(request: &R, target: &str, signing: &Signing<'_>) -> http::Request<Vec<u8>> {
    request.try_into_http_request(target, signing).unwrap()
}

/// A copy of `request` (method, target, headers, body).
pub(crate) fn copy(request: &http::Request<Vec<u8>>) -> http::Request<Vec<u8>> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.headers_mut() = request.headers().clone();
    copy
}

/// Signed now.
pub(crate) fn now(keys: &KeysFile, endpoint: &Endpoint, base: &str) -> http::Request<Vec<u8>> {
    request(keys, endpoint, base, SystemClock.now())
}

/// `request` with `body` instead, signed again where the scheme signs the body bytes (the
/// body-carried HMACs cover a string inside the body and stay as they are).
pub(crate) fn with_body(
    keys: &KeysFile,
    endpoint: &Endpoint,
    mut request: http::Request<Vec<u8>>,
    body: Vec<u8>,
) -> http::Request<Vec<u8>> {
    *request.body_mut() = body;
    resign(keys, endpoint, &mut request);
    request
}

/// Makes the body signature of `request` hold again for its (changed) body.
pub(crate) fn resign(keys: &KeysFile, endpoint: &Endpoint, request: &mut http::Request<Vec<u8>>) {
    match endpoint.scheme {
        Scheme::Authorization => {
            let header = request.headers()["authorization"].to_str().unwrap().to_owned();
            let parsed = sas_core::crypto::Authorization::parse(&header).unwrap();
            let canonical = request.uri().path_and_query().unwrap().as_str().to_owned();
            let parts = RequestParts {
                method: request.method().as_str(),
                canonical_url: &canonical,
                body: request.body(),
            };
            let signer = keys.merchant_signer().unwrap();
            let signed = signer.sign(&parts, parsed.timestamp(), parsed.nonce_str()).unwrap();
            let value = http::HeaderValue::from_str(&signed.to_string()).unwrap();
            request.headers_mut().insert("authorization", value);
        }
        Scheme::Callback => {
            let headers = request.headers();
            let timestamp = headers["tc-timestamp"].to_str().unwrap().to_owned();
            let nonce = headers["tc-callback-nonce"].to_str().unwrap().to_owned();
            let key = keys.platform_private_key().unwrap().unwrap();
            let signature = callback_signature(&key, &timestamp, &nonce, request.body()).unwrap();
            let value = http::HeaderValue::from_str(&signature).unwrap();
            request.headers_mut().insert("tc-callback-signature", value);
        }
        Scheme::PaySigQuery => {
            let app_key = keys.app().unwrap();
            let sig = refund_pay_sig(&app_key, VIRTUAL_REFUND_URI, request.body());
            let uri = request.uri();
            let query: Vec<String> = uri
                .query()
                .unwrap_or("")
                .split('&')
                .filter(|p| !p.is_empty() && !p.starts_with("pay_sig="))
                .map(str::to_owned)
                .chain([format!("pay_sig={sig}")])
                .collect();
            let uri = format!("{}?{}", uri.path(), query.join("&"));
            *request.uri_mut() = uri.parse().unwrap();
        }
        Scheme::TcSignature | Scheme::PaySig | Scheme::VirtualCallback => {}
    }
}
