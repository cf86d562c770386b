//! Tampering, for every entry of the registry that travels over HTTP: a signed byte changed
//! after signing, the signature removed, a stale timestamp, the wrong key. Each must give the
//! typed auth error its scheme implies, and never a parsed message.

use http::HeaderValue;
use sas_core::auth::Signing;
use sas_core::crypto::{
    AppKey, AuthorizationSigner, CryptoError, RsaPrivateKey, SecretKey, SignatureKind,
};
use sas_core::endpoint::{ApiRequest, AuthKind, EntryKind, Example};
use sas_core::error::{AuthError, FromHttpRequestError};
use sas_core::request::OutgoingRequest;
use sas_core::time::UnixTime;

use super::support::{
    CALLBACK_URL, EachEntry, Keys, NONCE, NOW, PLATFORM_SERIAL, SUPERAPP, named_merchant,
    over_entries, private_key, receive, send,
};

/// Another key of every kind, for "wrong key".
struct OtherKeys {
    secret: SecretKey,
    app_key: AppKey,
    rsa: RsaPrivateKey,
}

impl OtherKeys {
    fn load() -> Self {
        Self {
            secret: SecretKey::new("0123456789abcdef").unwrap(),
            app_key: AppKey::new("54321").unwrap(),
            rsa: private_key("wechatpay-test-pkcs1.pem"),
        }
    }
}

/// The signature kind a scheme's main check reports.
fn signature_kind(scheme: AuthKind) -> SignatureKind {
    match scheme {
        AuthKind::TcSignature => SignatureKind::TcSignature,
        AuthKind::MerchantRsa => SignatureKind::Authorization,
        AuthKind::PaySig => SignatureKind::PaySig,
        AuthKind::PaySigQuery => SignatureKind::RefundPaySig,
        AuthKind::PaymentCallback => SignatureKind::CallbackSignature,
        AuthKind::VirtualCallback => SignatureKind::PayEventSig,
        other => panic!("{other:?} is not an HTTP scheme"),
    }
}

fn auth_error<T: ApiRequest>(keys: &Keys, http: &http::Request<Vec<u8>>, mchid: &str) -> AuthError {
    match receive::<T>(keys, http, mchid) {
        Err(FromHttpRequestError::Auth(error)) => error,
        Err(other) => panic!("{}: expected an auth error, got {other}", T::METADATA.module),
        Ok(_) => panic!("{}: a tampered request was accepted", T::METADATA.module),
    }
}

fn assert_mismatch<T: ApiRequest>(error: AuthError, case: &str) {
    let kind = signature_kind(T::METADATA.auth);
    assert!(
        matches!(error, AuthError::Crypto(CryptoError::SignatureMismatch { kind: got }) if got == kind),
        "{} {case}: expected a {kind} mismatch, got {error:?}",
        T::METADATA.module
    );
}

/// Changes a byte of what the scheme signs: the body (inside a signed document for the virtual
/// schemes), or the path for a `GET`.
fn change_signed_byte<T: ApiRequest>(http: &mut http::Request<Vec<u8>>) -> bool {
    match T::METADATA.auth {
        AuthKind::TcSignature => false,
        AuthKind::MerchantRsa if http.body().is_empty() => {
            let uri = http.uri().to_string().replacen("example-", "exbmple-", 1);
            *http.uri_mut() = uri.parse().unwrap();
            true
        }
        _ => {
            let body = String::from_utf8(http.body().clone()).unwrap();
            assert!(body.contains("example"), "{}: nothing to change", T::METADATA.module);
            *http.body_mut() = body.replace("example", "exbmple").into_bytes();
            true
        }
    }
}

/// Removes the scheme's signature from the request; returns what the error should name.
fn remove_signature<T: ApiRequest>(http: &mut http::Request<Vec<u8>>) -> AuthError {
    let remove_header = |http: &mut http::Request<Vec<u8>>, name: &'static str| {
        assert!(http.headers_mut().remove(name).is_some(), "{name} was not sent");
        AuthError::MissingHeader(name)
    };
    match T::METADATA.auth {
        AuthKind::TcSignature | AuthKind::VirtualCallback => remove_header(http, "TC-Signature"),
        AuthKind::MerchantRsa => remove_header(http, "Authorization"),
        AuthKind::PaymentCallback => remove_header(http, "TC-Callback-Signature"),
        AuthKind::PaySig => {
            let mut body: serde_json::Value = serde_json::from_slice(http.body()).unwrap();
            body.as_object_mut().unwrap().remove("PaySig").unwrap();
            *http.body_mut() = serde_json::to_vec(&body).unwrap();
            AuthError::MissingField("PaySig")
        }
        AuthKind::PaySigQuery => {
            let uri = http.uri().to_string();
            let (path, _) = uri.split_once('?').unwrap();
            *http.uri_mut() = path.parse().unwrap();
            AuthError::MissingField("query parameter pay_sig")
        }
        other => panic!("{other:?} is not an HTTP scheme"),
    }
}

fn same_error(got: &AuthError, want: &AuthError) -> bool {
    match (got, want) {
        (AuthError::MissingHeader(a), AuthError::MissingHeader(b))
        | (AuthError::MissingField(a), AuthError::MissingField(b)) => a == b,
        _ => false,
    }
}

/// Signs `request` with the other keys (same serials and IDs), or at another time.
fn send_with<T: ApiRequest>(
    keys: &Keys,
    other: &OtherKeys,
    request: &T,
    now: UnixTime,
    wrong: bool,
) -> http::Request<Vec<u8>> {
    let mchid = named_merchant(request);
    let signer = if wrong {
        AuthorizationSigner::new(
            private_key("wechatpay-test-pkcs1.pem"),
            mchid,
            "MERCHANT-SERIAL-1",
        )
    } else {
        keys.merchant_signer(&mchid)
    };
    let platform = if wrong { &other.rsa } else { &keys.platform_key };
    let signing = Signing::new(now)
        .nonce(NONCE)
        .secret_key(if wrong { &other.secret } else { &keys.secret })
        .merchant(&signer)
        .app_key(if wrong { &other.app_key } else { &keys.app_key })
        .platform(platform, PLATFORM_SERIAL);
    let target = if T::METADATA.kind == EntryKind::Callback { CALLBACK_URL } else { SUPERAPP };
    request.try_into_http_request(target, &signing).unwrap()
}

fn tamper<T: ApiRequest>() -> &'static str {
    let meta = T::METADATA;
    let keys = Keys::load();
    let other = OtherKeys::load();
    let request = T::example();
    let mchid = named_merchant(&request);
    let signed = send(&keys, &request);
    assert!(
        receive::<T>(&keys, &signed, &mchid).is_ok(),
        "{}: the untouched request fails",
        meta.module
    );

    let mut changed = signed.clone();
    if change_signed_byte::<T>(&mut changed) {
        assert_mismatch::<T>(auth_error::<T>(&keys, &changed, &mchid), "with a changed byte");
    }

    let mut unsigned = signed.clone();
    let want = remove_signature::<T>(&mut unsigned);
    let got = auth_error::<T>(&keys, &unsigned, &mchid);
    assert!(
        same_error(&got, &want),
        "{}: removed signature gave {got:?}, want {want:?}",
        meta.module
    );

    if !matches!(meta.auth, AuthKind::PaySig | AuthKind::PaySigQuery) {
        let stale = send_with(
            &keys,
            &other,
            &request,
            UnixTime::from_millis(NOW.as_millis() - 301_000),
            false,
        );
        let got = auth_error::<T>(&keys, &stale, &mchid);
        assert!(
            matches!(got, AuthError::Crypto(CryptoError::StaleTimestamp { .. })),
            "{}: a stale timestamp gave {got:?}",
            meta.module
        );
    }

    let wrong = send_with(&keys, &other, &request, NOW, true);
    let got = auth_error::<T>(&keys, &wrong, &mchid);
    if meta.auth == AuthKind::PaymentCallback || meta.auth == AuthKind::VirtualCallback {
        // The SecretKey's TC-Signature is checked first when the verifier holds it.
        assert!(
            matches!(
                got,
                AuthError::Crypto(CryptoError::SignatureMismatch {
                    kind: SignatureKind::TcSignature
                })
            ),
            "{}: a wrong SecretKey gave {got:?}",
            meta.module
        );
    } else {
        assert_mismatch::<T>(got, "with the wrong key");
    }
    meta.section
}

/// Every entry that travels over HTTP; front-end sets do not.
struct Tamper;

impl EachEntry for Tamper {
    type Output = Option<&'static str>;

    fn request<T: ApiRequest>() -> Option<&'static str> {
        Some(tamper::<T>())
    }

    fn params<T>() -> Option<&'static str> {
        None
    }
}

#[test]
fn every_signed_entry_rejects_tampering() {
    let checked: Vec<&str> = over_entries::<Tamper>().into_iter().flatten().collect();
    assert_eq!(checked.len(), 20, "every API List entry travels over HTTP: {checked:?}");
}

/// A wrong platform key is caught by the RSA check when the verifier lacks the SecretKey (a
/// merchant); a wrong AppKey by the event signature.
#[test]
fn callbacks_without_the_secret_key_check_their_own_signature() {
    use sas_core::api::payment::payment_notification;
    use sas_core::api::virtual_payment::mini_game_payment_notification;
    use sas_core::auth::Verifying;
    use sas_core::request::IncomingRequest;

    let keys = Keys::load();
    let other = OtherKeys::load();
    let merchant_side =
        Verifying::new(NOW).platform_keys(&keys.platform_keys).app_keys(&keys.app_key);

    let payment = payment_notification::Request::example();
    let wrong = send_with(&keys, &other, &payment, NOW, true);
    let error =
        payment_notification::Request::try_from_http_request(&wrong, &merchant_side).unwrap_err();
    assert!(
        matches!(
            error,
            FromHttpRequestError::Auth(AuthError::Crypto(CryptoError::SignatureMismatch {
                kind: SignatureKind::CallbackSignature
            }))
        ),
        "{error:?}"
    );
    let right = send(&keys, &payment);
    assert!(payment_notification::Request::try_from_http_request(&right, &merchant_side).is_ok());

    let virtual_payment = mini_game_payment_notification::Request::example();
    let wrong = send_with(&keys, &other, &virtual_payment, NOW, true);
    let error =
        mini_game_payment_notification::Request::try_from_http_request(&wrong, &merchant_side)
            .unwrap_err();
    assert!(
        matches!(
            error,
            FromHttpRequestError::Auth(AuthError::Crypto(CryptoError::SignatureMismatch {
                kind: SignatureKind::PayEventSig
            }))
        ),
        "{error:?}"
    );
}

/// The Chinese table's 2.2 header names: `TC-Signature` is the RSA signature, `X-TC-Signature`
/// the AES one, `TC-Serial` and `TC-Nonce` the others.
#[test]
fn payment_callbacks_with_the_chinese_header_names_verify() {
    use sas_core::api::payment::payment_notification::Request;

    let keys = Keys::load();
    let mut http = send(&keys, &Request::example());
    let headers = http.headers_mut();
    let rsa = headers.remove("TC-Callback-Signature").unwrap();
    let aes = headers.remove("TC-Signature").unwrap();
    let serial = headers.remove("TC-Callback-Serial").unwrap();
    let nonce = headers.remove("TC-Callback-Nonce").unwrap();
    headers.insert("TC-Signature", rsa);
    headers.insert("X-TC-Signature", aes);
    headers.insert("TC-Serial", serial);
    headers.insert("TC-Nonce", nonce);
    let received = receive::<Request>(&keys, &http, "").unwrap();
    assert_eq!(received.message.id, Request::example().id);

    headers_tampered(&keys, http);
}

fn headers_tampered(keys: &Keys, mut http: http::Request<Vec<u8>>) {
    use sas_core::api::payment::payment_notification::Request;
    http.headers_mut().insert("TC-Nonce", HeaderValue::from_static("another-nonce"));
    let error = auth_error::<Request>(keys, &http, "");
    assert!(
        matches!(
            error,
            AuthError::Crypto(CryptoError::SignatureMismatch {
                kind: SignatureKind::CallbackSignature
            })
        ),
        "{error:?}"
    );
}

/// A merchant may act only on its own orders: the signer's `mchid` must be the one the request
/// names.
#[test]
fn a_merchant_cannot_sign_for_another() {
    use sas_core::api::payment::query_order::Request;

    let keys = Keys::load();
    let mut request = Request::example();
    request.mchid = "1230000109".into();
    let signer = keys.merchant_signer("1900000001");
    let signing = Signing::new(NOW).nonce(NONCE).merchant(&signer);
    let http = request.try_into_http_request(SUPERAPP, &signing).unwrap();
    let error = auth_error::<Request>(&keys, &http, "1900000001");
    assert!(
        matches!(&error, AuthError::MerchantMismatch { signed, named } if signed == "1900000001" && named == "1230000109"),
        "{error:?}"
    );
}
