//! `sas verify` and the explainer: real requests signed by sas-core with the committed test
//! keys, tampered one way each, and the cause each tampering leaves asserted, in the structured
//! explanation and in its text; `sas verify` run as a binary on a captured file. The fixtures
//! here (keys file, signed requests) are shared with the `listen` tests.

use std::path::PathBuf;

use sas_cli::keyfile::KeysFile;
use sas_cli::tools::capture::Captured;
use sas_cli::tools::explain::{Cause, Context, Explanation, Scheme, Verdict, explain};
use sas_cli::tools::keyring::Keyring;
use sas_cli::tools::render::render;
use sas_core::api::payment::{create_jsapi_order, payment_notification};
use sas_core::api::user::check_user;
use sas_core::api::virtual_payment::create_mini_program_order;
use sas_core::auth::{Signing, payment_callback};
use sas_core::callback;
use sas_core::crypto::{
    ApiV3Key, AppKey, AuthorizationSigner, RsaPrivateKey, SecretKey, callback_signature,
    tc_signature,
};
use sas_core::endpoint::Example;
use sas_core::request::OutgoingRequest;
use sas_core::time::UnixTime;

/// The fixed clock (seconds and milliseconds both occur).
pub(crate) const NOW: UnixTime = UnixTime::from_millis(1_735_293_931_220);
pub(crate) const SECRET: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";
pub(crate) const API_V3_KEY: &str = "0123456789ABCDEFabcdefghij012345";
pub(crate) const APP_KEY: &str = "12345";
pub(crate) const MCHID: &str = "1230000109";
pub(crate) const MERCHANT_SERIAL: &str = "MERCHANT-SERIAL-1";
pub(crate) const PLATFORM_SERIAL: &str = "5157F09EFDC664D1DE9A1D4DC4C6B8C3FC3BFD11";
pub(crate) const NONCE: &str = "593BEC0C930BF1AFEB40B4A08C8FB242";

pub(crate) fn key_file(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
    std::fs::read_to_string(format!("{dir}/{name}")).unwrap()
}

pub(crate) fn private_key(name: &str) -> RsaPrivateKey {
    RsaPrivateKey::from_pem(&key_file(name)).unwrap()
}

/// The keys file a counterpart of the sandbox gets (no platform private key).
pub(crate) fn keys_file() -> KeysFile {
    serde_json::from_value(serde_json::json!({
        "base_url": "http://127.0.0.1:1",
        "secret_key": SECRET,
        "api_v3_key": API_V3_KEY,
        "app_key": APP_KEY,
        "application_id": "app-zz8btbv1s4",
        "merchant": {
            "mchid": MCHID,
            "serial_no": MERCHANT_SERIAL,
            "private_key_pem": key_file("merchant-2048-pkcs1.pem"),
            "public_key_pem": key_file("merchant-2048-pkcs1.pub"),
        },
        "platform": {
            "serial_no": PLATFORM_SERIAL,
            "public_key_pem": key_file("platform-2048.pub"),
            "certificate_pem": key_file("platform-2048.crt"),
        },
        "mini_app_id": "mpvc3tdaldpq7zpu",
        "mini_game_id": "mgvc3tdaldpq7zpu",
        "users": [],
    }))
    .unwrap()
}

pub(crate) fn keyring() -> Keyring {
    Keyring::from_keys_file(&keys_file()).unwrap()
}

/// The keys file written to a fresh file, for the binary.
pub(crate) fn keys_path(name: &str) -> PathBuf {
    let path = temp_path(name);
    keys_file().save(&path).unwrap();
    path
}

pub(crate) fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sas-cli-tools-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A request as the explainer reads it.
pub(crate) fn captured(request: &http::Request<Vec<u8>>) -> Captured {
    let target = request.uri().path_and_query().map_or("/", |pq| pq.as_str()).to_owned();
    let mut headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
        .collect();
    if let Some(host) = request.uri().authority() {
        headers.insert(0, ("Host".to_owned(), host.to_string()));
    }
    Captured { method: request.method().to_string(), target, headers, body: request.body().clone() }
}

/// The request as raw HTTP/1.1 with CRLF line endings, as a proxy captures it.
pub(crate) fn raw_http(captured: &Captured) -> Vec<u8> {
    let mut raw = format!("{} {} HTTP/1.1\r\n", captured.method, captured.target).into_bytes();
    for (name, value) in &captured.headers {
        raw.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    raw.extend_from_slice(format!("Content-Length: {}\r\n\r\n", captured.body.len()).as_bytes());
    raw.extend_from_slice(&captured.body);
    raw
}

pub(crate) fn set_header(captured: &mut Captured, name: &str, value: &str) {
    captured.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    captured.headers.push((name.to_owned(), value.to_owned()));
}

pub(crate) fn explain_at(captured: &Captured, now: UnixTime) -> Explanation {
    let keys = keyring();
    explain(captured, None, &Context::new(&keys, now)).unwrap()
}

/// A 2.2 callback sealed with the APIv3 key and signed by the platform at `now` with `key`.
pub(crate) fn payment_callback_signed(now: UnixTime, key: &RsaPrivateKey) -> Captured {
    let mut notification = payment_notification::Request::example();
    notification.id = "EV-2026-0001".to_owned();
    let mut transaction = payment_notification::Transaction::example();
    transaction.out_trade_no = "ORDER-0001".to_owned();
    let api_v3_key = ApiV3Key::new(API_V3_KEY).unwrap();
    callback::seal(&mut notification, &transaction, &api_v3_key, "n0nce1234567", "transaction")
        .unwrap();
    let secret = SecretKey::new(SECRET).unwrap();
    let signing = payment_callback::Signing::new(now, NONCE, &secret, key, PLATFORM_SERIAL);
    let http = notification.try_into_http_request("http://127.0.0.1/notify", &signing).unwrap();
    captured(&http)
}

/// A 2.1 order signed by the merchant at `now`, sent to `base` (which may carry a prefix).
fn jsapi_order(now: UnixTime, signer: &AuthorizationSigner, base: &str) -> Captured {
    let mut order = create_jsapi_order::Request::example();
    order.merchant_id = MCHID.to_owned();
    let signing = Signing::new(now).nonce(NONCE).merchant(signer);
    captured(&order.try_into_http_request(base, &signing).unwrap())
}

fn merchant_signer() -> AuthorizationSigner {
    AuthorizationSigner::new(private_key("merchant-2048-pkcs1.pem"), MCHID, MERCHANT_SERIAL)
}

/// The same JSON with a space after each `:` and `,` (the examples hold neither in strings).
pub(crate) fn spaced(json: &[u8]) -> Vec<u8> {
    String::from_utf8(json.to_vec())
        .unwrap()
        .replace("\":", "\": ")
        .replace(",\"", ", \"")
        .into_bytes()
}

#[test]
fn keys_sorted_by_the_signer_is_a_reserialised_body() {
    // The sender signed its document with the keys sorted, and sent them in its own order.
    let mut order = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    let value: serde_json::Value = serde_json::from_slice(&order.body).unwrap();
    let sorted = serde_json::to_vec(&value).unwrap();
    assert_ne!(sorted, order.body);
    let signer = merchant_signer();
    let parts = sas_core::crypto::RequestParts {
        method: "POST",
        canonical_url: "/v3/pay/transactions/jsapi",
        body: &sorted,
    };
    let header = signer.sign(&parts, &NOW.as_secs().to_string(), NONCE).unwrap();
    set_header(&mut order, "Authorization", &header.to_string());
    let explanation = explain_at(&order, NOW);
    assert!(
        has(&explanation, |c| matches!(c, Cause::BodyReserialised { variant, .. }
            if variant.contains("keys sorted"))),
        "{:?}",
        explanation.likely_causes
    );
}

fn has(explanation: &Explanation, matches: impl Fn(&Cause) -> bool) -> bool {
    explanation.likely_causes.iter().any(matches)
}

#[test]
fn a_signed_order_verifies_and_shows_the_message_it_built() {
    let order = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    let explanation = explain_at(&order, NOW);
    assert_eq!(explanation.scheme, Scheme::Authorization);
    assert_eq!(explanation.verdict, Verdict::Verified, "{}", render(&explanation));
    let text = render(&explanation);
    assert!(text.contains("|POST\\n"), "{text}");
    assert!(text.contains("|/v3/pay/transactions/jsapi\\n"), "{text}");
    assert!(text.contains(&format!("|{NONCE}\\n")), "{text}");
    assert!(text.contains("serial_no names merchant 1230000109's API key"), "{text}");
    assert!(text.contains("verdict: VERIFIED"), "{text}");
}

#[test]
fn body_reserialised_is_found_by_the_variant_that_verifies() {
    let mut order = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    // The sender signed the compact JSON and sent it with spaces added.
    order.body = spaced(&order.body);
    let explanation = explain_at(&order, NOW);
    assert_eq!(explanation.verdict, Verdict::Failed);
    assert!(
        has(&explanation, |c| matches!(c, Cause::BodyReserialised { what, variant }
            if what == "body" && variant.contains("compacted"))),
        "{:?}",
        explanation.likely_causes
    );
    let text = render(&explanation);
    assert!(text.contains("[body-reserialised] body re-serialised"), "{text}");
    assert!(text.contains("What a correct signature would have been"), "{text}");
}

#[test]
fn wrong_key_is_found_among_the_keys_known() {
    // Signed with the platform's key under the merchant's serial.
    let signer = AuthorizationSigner::new(private_key("platform-2048.pem"), MCHID, MERCHANT_SERIAL);
    let order = jsapi_order(NOW, &signer, "https://superapp.example");
    let explanation = explain_at(&order, NOW);
    assert_eq!(explanation.verdict, Verdict::Failed);
    assert!(
        has(&explanation, |c| matches!(c, Cause::WrongKey { expected, signed_with }
            if expected.contains("merchant 1230000109") && signed_with.contains("platform key"))),
        "{:?}",
        explanation.likely_causes
    );
    assert!(render(&explanation).contains("[wrong-key] wrong key: the check used merchant"));
}

#[test]
fn a_stale_timestamp_gives_its_skew() {
    let order = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    let later = UnixTime::from_millis(NOW.as_millis() + 1_000_000);
    let explanation = explain_at(&order, later);
    assert_eq!(explanation.verdict, Verdict::Failed);
    assert!(
        has(&explanation, |c| matches!(
            c,
            Cause::StaleTimestamp { skew_secs: -1000, window_secs: 300, .. }
        )),
        "{:?}",
        explanation.likely_causes
    );
    let text = render(&explanation);
    assert!(text.contains("is 1000 s in the past, outside the 300 s window"), "{text}");
}

#[test]
fn seconds_vs_milliseconds_is_read_from_what_tc_signature_encrypts() {
    // SAS signs milliseconds; this sender signed milliseconds but sent seconds.
    let secret = SecretKey::new(SECRET).unwrap();
    let request = check_user::Request::new("openid-1", "mpvc3tdaldpq7zpu", "user-1");
    let http = request
        .try_into_http_request("https://superapp.example", &Signing::new(NOW).secret_key(&secret))
        .unwrap();
    let mut captured = captured(&http);
    set_header(&mut captured, "TC-Timestamp", &NOW.as_secs().to_string());
    let explanation = explain_at(&captured, NOW);
    assert_eq!(explanation.scheme, Scheme::TcSignature);
    assert_eq!(explanation.verdict, Verdict::Failed);
    assert!(
        has(&explanation, |c| matches!(c, Cause::SecondsVsMillis { fails: true, detail, .. }
            if detail.contains("1735293931220"))),
        "{:?}",
        explanation.likely_causes
    );
    let text = render(&explanation);
    assert!(text.contains("[seconds-vs-milliseconds]"), "{text}");
    assert!(text.contains(&format!(
        "TC-Signature for \"1735293931\": {}",
        tc_signature(&secret, "1735293931")
    )));
}

#[test]
fn seconds_vs_milliseconds_in_a_callback_signature() {
    let platform = private_key("platform-2048.pem");
    let mut callback = payment_callback_signed(NOW, &platform);
    let millis = NOW.as_millis().to_string();
    let signature = callback_signature(&platform, &millis, NONCE, &callback.body).unwrap();
    set_header(&mut callback, "TC-Callback-Signature", &signature);
    let explanation = explain_at(&callback, NOW);
    assert!(
        has(&explanation, |c| matches!(c, Cause::SecondsVsMillis { fails: true, .. })),
        "{:?}",
        explanation.likely_causes
    );
}

#[test]
fn serial_mismatch_lists_the_known_serials_and_finds_the_signer() {
    let mut callback = payment_callback_signed(NOW, &private_key("platform-2048.pem"));
    set_header(&mut callback, "TC-Callback-Serial", "PUB_KEY_ID_0000000000000024");
    let explanation = explain_at(&callback, NOW);
    assert_eq!(explanation.verdict, Verdict::Failed);
    assert!(
        has(&explanation, |c| matches!(c, Cause::SerialMismatch { serial, known, .. }
            if serial == "PUB_KEY_ID_0000000000000024" && known.contains(&PLATFORM_SERIAL.to_owned()))),
        "{:?}",
        explanation.likely_causes
    );
    let text = render(&explanation);
    assert!(text.contains("[serial-mismatch]"), "{text}");
    assert!(text.contains("the signature verifies with the platform key"), "{text}");
}

#[test]
fn a_callback_verifies_and_its_resource_is_opened() {
    let callback = payment_callback_signed(NOW, &private_key("platform-2048.pem"));
    let explanation = explain_at(&callback, NOW);
    assert_eq!(explanation.scheme, Scheme::Callback);
    assert_eq!(explanation.verdict, Verdict::Verified, "{}", render(&explanation));
    let document = explanation.document.unwrap();
    assert!(document.ids.contains(&("out_trade_no".to_owned(), "ORDER-0001".to_owned())));
    assert!(document.text.contains("\"out_trade_no\": \"ORDER-0001\""));
}

#[test]
fn wrong_url_signed_is_found() {
    // Signed without the service prefix, sent with it.
    let mut prefixed = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    prefixed.target = "/sas/v3/pay/transactions/jsapi".to_owned();
    let explanation = explain_at(&prefixed, NOW);
    assert!(
        has(&explanation, |c| matches!(c, Cause::WrongUrl { signed, received }
            if signed == "/v3/pay/transactions/jsapi" && received == "/sas/v3/pay/transactions/jsapi")),
        "{:?}",
        explanation.likely_causes
    );
    let text = render(&explanation);
    assert!(text.contains("[wrong-url] wrong URL signed"), "{text}");
    assert!(text.contains("the service prefix \"/sas\""), "{text}");
}

#[test]
fn a_missing_header_is_named() {
    let mut callback = payment_callback_signed(NOW, &private_key("platform-2048.pem"));
    callback.headers.retain(|(name, _)| !name.eq_ignore_ascii_case("TC-Callback-Nonce"));
    let explanation = explain_at(&callback, NOW);
    assert!(has(
        &explanation,
        |c| matches!(c, Cause::MissingHeader { name } if name == "TC-Callback-Nonce")
    ));
    assert!(
        render(&explanation).contains("[missing-header] the TC-Callback-Nonce header is missing")
    );
}

#[test]
fn pay_sig_with_the_mini_game_prefix_is_a_wrong_prefix() {
    let app_key = AppKey::new(APP_KEY).unwrap();
    let order = create_mini_program_order::Request::example();
    let http = order
        .try_into_http_request("https://superapp.example", &Signing::new(NOW).app_key(&app_key))
        .unwrap();
    let mut captured = captured(&http);
    let mut body: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&captured.body).unwrap();
    let sign_data = body["SignData"].as_str().unwrap().to_owned();
    let wrong = sas_core::crypto::pay_sig(&app_key, "requestMidasPaymentGameItem", &sign_data);
    body.insert("PaySig".to_owned(), wrong.into());
    captured.body = serde_json::to_vec(&body).unwrap();
    let explanation = explain_at(&captured, NOW);
    assert_eq!(explanation.scheme, Scheme::PaySig);
    assert!(
        has(&explanation, |c| matches!(c, Cause::WrongPrefix { signed, expected }
            if signed == "requestMidasPaymentGameItem" && expected == "requestVirtualPayment")),
        "{:?}",
        explanation.likely_causes
    );
}

#[test]
fn tc_signature_made_with_another_key_names_it() {
    let api_v3_as_secret = SecretKey::new(API_V3_KEY).unwrap();
    let request = check_user::Request::new("openid-1", "mpvc3tdaldpq7zpu", "user-1");
    let http = request
        .try_into_http_request(
            "https://superapp.example",
            &Signing::new(NOW).secret_key(&api_v3_as_secret),
        )
        .unwrap();
    let explanation = explain_at(&captured(&http), NOW);
    assert!(
        has(
            &explanation,
            |c| matches!(c, Cause::WrongKey { signed_with, .. } if signed_with == "the APIv3 key")
        ),
        "{:?}",
        explanation.likely_causes
    );
}

#[test]
fn a_tc_signature_that_is_not_hex_of_whole_blocks_is_malformed_not_a_wrong_key() {
    let request = check_user::Request::new("openid-1", "mpvc3tdaldpq7zpu", "user-1");
    let secret = SecretKey::new(API_V3_KEY).unwrap();
    for bad in ["zz", "abc", "0123456789abcdef0123456789abcde", "g123456789abcdef0123456789abcdef"]
    {
        let mut http = request
            .try_into_http_request(
                "https://superapp.example",
                &Signing::new(NOW).secret_key(&secret),
            )
            .unwrap();
        http.headers_mut().insert("TC-Signature", http::HeaderValue::from_static(bad));
        let explanation = explain_at(&captured(&http), NOW);
        assert!(
            has(
                &explanation,
                |c| matches!(c, Cause::Malformed { what, .. } if what == "TC-Signature")
            ),
            "{bad}: {:?}",
            explanation.likely_causes
        );
        assert!(!has(&explanation, |c| matches!(c, Cause::WrongKey { .. })), "{bad}");
    }
}

#[test]
fn raw_captures_read_with_crlf_lf_and_curl_prefixes() {
    let crlf =
        b"POST /notify?x=1 HTTP/1.1\r\nHost: a\r\nTC-Timestamp: 1\r\nContent-Length: 2\r\n\r\n{}\n";
    let lf = b"POST /notify?x=1 HTTP/1.1\nHost: a\nTC-Timestamp: 1\n\n{}";
    let curl = b"> POST /notify?x=1 HTTP/1.1\n> Host: a\n> TC-Timestamp: 1\n>\n{}";
    for raw in [&crlf[..], &lf[..], &curl[..]] {
        let captured = Captured::parse(raw).unwrap();
        assert_eq!(captured.method, "POST");
        assert_eq!(captured.canonical_url(), "/notify?x=1");
        assert_eq!(captured.header("tc-timestamp"), Some("1"));
        assert_eq!(captured.body, b"{}");
    }
    assert!(Captured::parse(b"not http\n\n").is_err());
}

#[test]
fn the_binary_verifies_a_captured_file_and_explains_a_failure() {
    let keys = keys_path("keys.json");
    let mut order = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    let good = temp_path("good.http");
    std::fs::write(&good, raw_http(&order)).unwrap();
    order.body = spaced(&order.body);
    let bad = temp_path("bad.http");
    std::fs::write(&bad, raw_http(&order)).unwrap();

    let run = |file: &PathBuf| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sas"))
            .args(["verify", "--now", "1735293931"])
            .arg("--keys")
            .arg(&keys)
            .arg(file)
            .output()
            .unwrap()
    };
    let ok = run(&good);
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{stdout}{}", String::from_utf8_lossy(&ok.stderr));
    assert!(stdout.contains("verdict: VERIFIED"), "{stdout}");

    let failed = run(&bad);
    let stdout = String::from_utf8_lossy(&failed.stdout);
    assert!(!failed.status.success());
    assert!(stdout.contains("verdict: FAILED"), "{stdout}");
    assert!(stdout.contains("[body-reserialised]"), "{stdout}");
    assert!(stdout.contains("signed message, "), "{stdout}");
    assert!(String::from_utf8_lossy(&failed.stderr).contains("does not verify"));
    // No secret is printed.
    assert!(!stdout.contains(SECRET) && !stdout.contains(API_V3_KEY));
}

#[test]
fn without_keys_nothing_is_claimed() {
    let order = jsapi_order(NOW, &merchant_signer(), "https://superapp.example");
    let keys = Keyring::default();
    let explanation = explain(&order, None, &Context::new(&keys, NOW)).unwrap();
    assert!(
        matches!(&explanation.verdict, Verdict::Unchecked { missing } if missing == "merchant public key"),
        "{}",
        render(&explanation)
    );
}

#[test]
fn a_virtual_callback_payload_reserialised_is_found() {
    use sas_core::api::virtual_payment::mini_program_payment_notification;
    use sas_core::auth::virtual_callback;

    let secret = SecretKey::new(SECRET).unwrap();
    let app_key = AppKey::new(APP_KEY).unwrap();
    let notification = mini_program_payment_notification::Request::example();
    let http = notification
        .try_into_http_request(
            "http://127.0.0.1/notify",
            &virtual_callback::Signing::new(NOW, &secret, &app_key),
        )
        .unwrap();
    let good = captured(&http);
    let verified = explain_at(&good, NOW);
    assert_eq!(verified.scheme, Scheme::EventSig);
    assert_eq!(verified.verdict, Verdict::Verified, "{}", render(&verified));

    let mut tampered = good.clone();
    let mut body: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&tampered.body).unwrap();
    let payload = body["Payload"].as_str().unwrap().as_bytes().to_vec();
    let spaced = String::from_utf8(spaced(&payload)).unwrap();
    assert_ne!(spaced.as_bytes(), payload.as_slice());
    body.insert("Payload".to_owned(), spaced.into());
    tampered.body = serde_json::to_vec(&body).unwrap();
    let explanation = explain_at(&tampered, NOW);
    assert!(
        has(
            &explanation,
            |c| matches!(c, Cause::BodyReserialised { what, .. } if what == "Payload")
        ),
        "{}",
        render(&explanation)
    );
}

#[test]
fn decrypt_resource_refuses_a_member_given_twice() {
    let keys = keys_path("keys.json");
    let file = temp_path("twice.json");
    let one = r#"{"nonce":"a","associated_data":"b","ciphertext":"c"}"#;
    std::fs::write(&file, format!(r#"{{"resource":{one},"resource":{one}}}"#)).unwrap();
    let output = decrypt_resource(&file, &keys);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("duplicate member") && stderr.contains("resource"), "{stderr}");
}

#[test]
fn decrypt_resource_shows_a_plaintext_that_repeats_a_member_as_it_is_and_says_why() {
    let keys = keys_path("keys.json");
    let plaintext = r#"{"out_trade_no":"A","out_trade_no":"B"}"#;
    let key = ApiV3Key::new(API_V3_KEY).unwrap();
    let ciphertext =
        sas_core::crypto::seal_resource(&key, "n0nce1234567", "", plaintext.as_bytes()).unwrap();
    let file = temp_path("plaintext-twice.json");
    let resource = serde_json::json!({"nonce": "n0nce1234567", "associated_data": "", "ciphertext": ciphertext});
    std::fs::write(&file, resource.to_string()).unwrap();
    let output = decrypt_resource(&file, &keys);
    let (stdout, stderr) =
        (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(stdout.trim(), plaintext, "both members shown: {stderr}");
    assert!(stderr.contains("duplicate member") && stderr.contains("out_trade_no"), "{stderr}");
}

/// `sas decrypt resource FILE --keys KEYS`.
fn decrypt_resource(file: &std::path::Path, keys: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sas"))
        .args(["decrypt", "resource"])
        .arg(file)
        .arg("--keys")
        .arg(keys)
        .output()
        .unwrap()
}
