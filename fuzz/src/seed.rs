//! The seed inputs of every target, made by sas-core itself: each entry's `Example` signed as
//! its sender would, sealed callbacks, response envelopes, signed front-end objects, the
//! committed test keys and certificates (PEM and DER), the spec files and the vendor texts.
//! `examples/seed.rs` writes them under `corpus/<target>/`.

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::api::{common, payment, refund, virtual_payment};
use sas_core::callback::{self, EncryptedCallback};
use sas_core::crypto::{encrypt_header_value, encrypt_user_info, seal_resource, tc_signature};
use sas_core::endpoint::{ApiRequest, EntryKind, Example, FrontendParams};
use sas_core::error::ApiError;
use sas_core::frontend::PaymentToSign;
use sas_core::request::OutgoingRequest;
use sas_core::response::{OutgoingResponse, error_response};
use sas_core::time::UnixTime;
use serde::Serialize;

use crate::support::{CALLBACK_URL, EachEntry, Keys, NOW, SUPERAPP, named_merchant, over_entries};
use crate::{APP_ID, wire};

/// One seed: its file name and its bytes.
pub type Seed = (String, Vec<u8>);

/// The seeds of target `target`, reading files below the repository root `root`.
///
/// # Errors
///
/// When a committed file cannot be read, or sas-core refuses to build an example.
pub fn seeds(target: &str, root: &Path) -> anyhow::Result<Vec<Seed>> {
    Ok(match target {
        "request" => requests()?,
        "callback" => callbacks()?,
        "response" => responses()?,
        "authorization" => authorizations()?,
        "keys" => keys(root)?,
        "ciphers" => ciphers()?,
        "json" => json(),
        "frontend" => frontend()?,
        "spec" => spec(root)?,
        "vendor" => vendor(root)?,
        other => anyhow::bail!("no seeds for the target `{other}`"),
    })
}

/// `request` and `callback` inputs: the request, with and without re-signing.
fn with_flags(selector: usize, name: &str, request: &http::Request<Vec<u8>>) -> Vec<Seed> {
    let bytes = wire::write(request);
    [0u8, 1]
        .into_iter()
        .map(|flags| {
            let mut input = vec![selector_byte(selector), flags];
            input.extend_from_slice(&bytes);
            (format!("{name}-{flags}"), input)
        })
        .collect()
}

fn selector_byte(index: usize) -> u8 {
    u8::try_from(index).unwrap_or(u8::MAX)
}

/// `message` signed with every key its scheme needs, as its sender sends it.
fn send<T: ApiRequest>(message: &T) -> anyhow::Result<http::Request<Vec<u8>>> {
    let keys = Keys::get();
    let merchant = keys.merchant_signer(&named_merchant(message));
    let target = if T::METADATA.kind == EntryKind::Callback { CALLBACK_URL } else { SUPERAPP };
    Ok(message.try_into_http_request(target, &keys.signing(&merchant))?)
}

struct Requests;

impl EachEntry for Requests {
    type Output = Option<anyhow::Result<(String, http::Request<Vec<u8>>)>>;

    fn request<T: ApiRequest>() -> Self::Output {
        Some(send(&T::example()).map(|request| (T::METADATA.module.to_owned(), request)))
    }

    fn params<T: FrontendParams>() -> Self::Output {
        None
    }
}

fn requests() -> anyhow::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    for (index, sent) in over_entries::<Requests>().into_iter().flatten().enumerate() {
        let (name, request) = sent?;
        seeds.extend(with_flags(index, &name, &request));
    }
    Ok(seeds)
}

/// `C`'s example with `C::Resource`'s example sealed into it.
fn sealed<C>() -> anyhow::Result<http::Request<Vec<u8>>>
where
    C: EncryptedCallback + Example,
    C::Resource: Example,
{
    let mut message = C::example();
    let key = &Keys::get().api_v3_key;
    callback::seal(&mut message, &C::Resource::example(), key, "n0nce1234567", "transaction")?;
    send(&message)
}

fn callbacks() -> anyhow::Result<Vec<Seed>> {
    let sent = [
        sealed::<payment::payment_notification::Request>()?,
        send(&virtual_payment::mini_game_payment_notification::Request::example())?,
        send(&virtual_payment::mini_program_payment_notification::Request::example())?,
        sealed::<refund::refund_notification::Request>()?,
        send(&refund::virtual_refund_notification::Request::example())?,
    ];
    let mut seeds = Vec::new();
    for (index, (request, (name, _))) in sent.iter().zip(crate::CALLBACKS).enumerate() {
        seeds.extend(with_flags(index, name, request));
    }
    Ok(seeds)
}

struct Responses;

impl EachEntry for Responses {
    type Output = Option<anyhow::Result<(String, Vec<u8>)>>;

    fn request<T: ApiRequest>() -> Self::Output {
        let response = T::Response::example().try_into_http_response("req-1");
        Some(
            response
                .map(|response| (T::METADATA.module.to_owned(), response.into_body()))
                .map_err(anyhow::Error::from),
        )
    }

    fn params<T: FrontendParams>() -> Self::Output {
        None
    }
}

fn responses() -> anyhow::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    for (index, answered) in over_entries::<Responses>().into_iter().flatten().enumerate() {
        let (name, body) = answered?;
        let mut input = vec![selector_byte(index), 0];
        input.extend_from_slice(&body);
        seeds.push((name, input));
    }
    let error = ApiError::new(http::StatusCode::BAD_REQUEST, "1001", "invalid request");
    let mut input = vec![0, 3];
    input.extend_from_slice(error_response(&error, "req-1").body());
    seeds.push(("error".to_owned(), input));
    Ok(seeds)
}

fn authorizations() -> anyhow::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    for (index, sent) in over_entries::<Requests>().into_iter().flatten().enumerate() {
        let (name, request) = sent?;
        if let Some(header) = request.headers().get("Authorization") {
            seeds.push((format!("{name}-{index}"), header.as_bytes().to_vec()));
        }
    }
    seeds.push((
        "spaced".to_owned(),
        br#"WECHATPAY2-SHA256-RSA2048  Mchid = 1900009191 , nonce_str="a\"b",, signature="c2ln", timestamp=1554208460 ,serial_no="5157""#.to_vec(),
    ));
    Ok(seeds)
}

fn keys(root: &Path) -> anyhow::Result<Vec<Seed>> {
    let dir = root.join("tests/vectors/keys");
    let mut names: Vec<String> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .filter_map(|item| item.file_name().into_string().ok())
        .filter(|name| [".pem", ".pub", ".crt"].iter().any(|ext| name.ends_with(ext)))
        .collect();
    names.sort();
    let loaders: Vec<&str> = crate::KEY_LOADERS.iter().map(|(name, _)| *name).collect();
    let selector =
        |loader: &str| selector_byte(loaders.iter().position(|l| *l == loader).unwrap_or(0));
    let mut seeds = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name))?;
        let (pem, der) = match name.rsplit('.').next() {
            Some("pem") if text.contains("BEGIN PRIVATE KEY") => {
                ("private-pem", "private-pkcs8-der")
            }
            Some("pem") => ("private-pem", "private-pkcs1-der"),
            Some("pub") if text.contains("BEGIN RSA PUBLIC KEY") => {
                ("public-pem", "public-pkcs1-der")
            }
            Some("pub") => ("public-pem", "public-spki-der"),
            _ => ("certificate-pem", "certificate-der"),
        };
        let mut input = vec![selector(pem)];
        input.extend_from_slice(text.as_bytes());
        seeds.push((format!("{name}.pem"), input));
        if let Some(der_bytes) = pem_body(&text) {
            let mut input = vec![selector(der)];
            input.extend_from_slice(&der_bytes);
            seeds.push((format!("{name}.der"), input));
        }
    }
    for (loader, key) in [
        ("secret-key", "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev"),
        ("api-v3-key", "0123456789ABCDEFabcdefghij012345"),
        ("app-key", "12345"),
    ] {
        let mut input = vec![selector(loader)];
        input.extend_from_slice(key.as_bytes());
        seeds.push((loader.to_owned(), input));
    }
    Ok(seeds)
}

/// The DER bytes of the first PEM block of `text`, when its body is plain Base64.
fn pem_body(text: &str) -> Option<Vec<u8>> {
    let body: String = text
        .lines()
        .skip_while(|line| !line.starts_with("-----BEGIN"))
        .skip(1)
        .take_while(|line| !line.starts_with("-----END"))
        .collect();
    STANDARD.decode(body.trim()).ok()
}

fn ciphers() -> anyhow::Result<Vec<Seed>> {
    let keys = Keys::get();
    let readers: Vec<&str> = crate::CIPHER_READERS.iter().map(|(name, _)| *name).collect();
    let resource = seal_resource(&keys.api_v3_key, "n0nce1234567", "transaction", b"{\"a\":1}")?;
    let timestamp = NOW.as_millis().to_string();
    let fields = [
        ("resource", format!("n0nce1234567\ntransaction\n{resource}")),
        ("header-value", encrypt_header_value(&keys.secret, "openid-of-user-42")),
        ("user-info", encrypt_user_info(&keys.secret, "user@example.com")),
        ("tc-signature", format!("{timestamp}\n{}", tc_signature(&keys.secret, &timestamp))),
        ("timestamp", UnixTime::from_secs(NOW.as_secs()).as_secs().to_string()),
    ];
    Ok(fields
        .into_iter()
        .map(|(reader, text)| {
            let index = readers.iter().position(|r| *r == reader).unwrap_or(0);
            let mut input = vec![selector_byte(index)];
            input.extend_from_slice(text.as_bytes());
            (reader.to_owned(), input)
        })
        .collect())
}

fn document<T: Serialize + Example>() -> Vec<u8> {
    serde_json::to_vec(&T::example()).unwrap_or_default()
}

struct Documents;

impl EachEntry for Documents {
    type Output = [(String, Vec<u8>); 2];

    fn request<T: ApiRequest>() -> Self::Output {
        let module = T::METADATA.module;
        [
            (format!("{module}-request"), document::<T>()),
            (format!("{module}-response"), document::<T::Response>()),
        ]
    }

    fn params<T: FrontendParams>() -> Self::Output {
        let module = T::METADATA.module;
        [
            (format!("{module}-params"), document::<T>()),
            (format!("{module}-value"), document::<T>()),
        ]
    }
}

/// In [`crate::json_types`] order.
fn json() -> Vec<Seed> {
    let mut documents =
        vec![("value".to_owned(), br#"{"a":[1,2.5e3,"\u00e9",true,null]}"#.to_vec())];
    documents.extend(over_entries::<Documents>().into_iter().flatten());
    documents.extend([
        ("transaction".to_owned(), document::<payment::payment_notification::Transaction>()),
        ("refund-result".to_owned(), document::<common::RefundResult>()),
        (
            "game-payload".to_owned(),
            document::<virtual_payment::mini_game_payment_notification::Payload>(),
        ),
        (
            "program-payload".to_owned(),
            document::<virtual_payment::mini_program_payment_notification::Payload>(),
        ),
        (
            "game-sign-data".to_owned(),
            document::<virtual_payment::create_mini_game_order::SignData>(),
        ),
        (
            "program-sign-data".to_owned(),
            document::<virtual_payment::create_mini_program_order::SignData>(),
        ),
        ("frontend-sign-data".to_owned(), document::<request_virtual_payment::SignData>()),
    ]);
    documents
        .into_iter()
        .enumerate()
        .map(|(index, (name, text))| {
            let mut input = vec![selector_byte(index)];
            input.extend_from_slice(&text);
            (name, input)
        })
        .collect()
}

fn frontend() -> anyhow::Result<Vec<Seed>> {
    let keys = Keys::get();
    let payment = request_payment::Params::sign(
        &keys.pay_sign_key,
        PaymentToSign {
            app_id: APP_ID,
            prepay_id: "wx201410272009395522657a690389285100",
            time_stamp: UnixTime::from_secs(1_414_561_699),
            nonce_str: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        },
    )?;
    let virtual_payment = request_virtual_payment::Params::sign(
        &request_virtual_payment::SignData::example(),
        &keys.app_key,
        &keys.session_key,
    )?;
    let mut seeds = Vec::new();
    for flags in [0u8, 1] {
        let mut input = vec![0, flags];
        input.extend_from_slice(&serde_json::to_vec(&payment)?);
        seeds.push((format!("request_payment-{flags}"), input));
        let mut input = vec![1, flags];
        input.extend_from_slice(&serde_json::to_vec(&virtual_payment)?);
        seeds.push((format!("request_virtual_payment-{flags}"), input));
    }
    Ok(seeds)
}

fn spec(root: &Path) -> anyhow::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    let mut input = vec![1];
    input.extend_from_slice(std::fs::read(root.join("spec/sas.toml"))?.as_slice());
    seeds.push(("sas.toml".to_owned(), input));
    for (index, group) in crate::groups().into_iter().enumerate() {
        let dir = root.join("spec/api").join(group);
        let mut names: Vec<_> =
            std::fs::read_dir(&dir)?.filter_map(Result::ok).map(|item| item.path()).collect();
        names.sort();
        for path in names {
            let mut input = vec![selector_byte(index * 2)];
            input.extend_from_slice(&std::fs::read(&path)?);
            let name = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or("entry");
            seeds.push((format!("{group}-{name}"), input));
        }
    }
    Ok(seeds)
}

/// Lines per vendor seed: a few sections each, so inputs stay small enough to mutate quickly.
const VENDOR_LINES: usize = 120;

fn vendor(root: &Path) -> anyhow::Result<Vec<Seed>> {
    use crate::spec_check::vendor::Source;
    let mut seeds = Vec::new();
    for (index, source) in Source::ALL.into_iter().enumerate() {
        let text = std::fs::read_to_string(root.join("spec/vendor").join(source.file_name()))?;
        let lines: Vec<&str> = text.lines().collect();
        for (part, chunk) in lines.chunks(VENDOR_LINES).enumerate() {
            let mut input = vec![selector_byte(index)];
            input.extend_from_slice(chunk.join("\n").as_bytes());
            seeds.push((format!("{source}-{part}"), input));
        }
    }
    Ok(seeds)
}
