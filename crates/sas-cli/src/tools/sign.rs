//! `sas sign`: one subcommand per scheme. The signed message goes to stderr (escaped, with its
//! byte count), the signature or header value to stdout.

use std::path::PathBuf;

use anyhow::Context as _;
use sas_core::crypto::{
    AuthorizationSigner, PaySignFields, REQUEST_VIRTUAL_PAYMENT, RequestParts, VIRTUAL_REFUND_URI,
    authorization_message, callback_message, callback_signature, hmac_message, pay_event_sig,
    pay_sig, pay_sign, pay_sign_message, refund_pay_sig, tc_signature, user_signature,
};
use sas_hyper::time::{NonceSource as _, OsNonces};

use super::keyring::{KeyArgs, KeyRole, Keyring, RsaKey};
use super::render::escape_lines;

/// Sign a message with one of the protocol's schemes; prints the signature (or header value)
/// on stdout and the exact signed message on stderr.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  sas sign tc-signature --keys keys.json --timestamp 1735293931220
  sas sign authorization --keys keys.json --url /v3/pay/transactions/jsapi --body order.json
  sas sign event-sig --app-key 12345 --event xpay_goods_deliver_notify --payload '{\"OpenId\":\"o1\"}'")]
pub struct SignArgs {
    /// The scheme.
    #[command(subcommand)]
    pub command: SignCommand,
}

/// The schemes `sas sign` signs with.
#[derive(Debug, clap::Subcommand)]
#[non_exhaustive]
pub enum SignCommand {
    /// `TC-Signature` of a `TC-Timestamp` (AES-ECB with the SecretKey, hex).
    TcSignature {
        /// The `TC-Timestamp` value (default: now, in milliseconds).
        #[arg(long)]
        timestamp: Option<String>,
        /// The keys.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// The `Authorization` header of a merchant request (SHA256withRSA, merchant key).
    Authorization {
        /// The method.
        #[arg(long, default_value = "POST")]
        method: String,
        /// The path and query, as sent (`/v3/pay/transactions/jsapi`).
        #[arg(long, value_name = "PATH")]
        url: String,
        /// The body, exactly as sent (none for GET).
        #[arg(long, value_name = "FILE")]
        body: Option<PathBuf>,
        /// The timestamp, Unix seconds (default: now).
        #[arg(long)]
        timestamp: Option<String>,
        /// The nonce (default: 32 random hex characters).
        #[arg(long)]
        nonce: Option<String>,
        /// The merchant ID (default: the keys file's merchant).
        #[arg(long)]
        mchid: Option<String>,
        /// The keys: the merchant's private key (`--keys`, or `--private-key SERIAL=FILE`).
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// `TC-Callback-Signature` of a payment or refund callback (SHA256withRSA, platform key).
    Callback {
        /// The body, exactly as sent.
        #[arg(long, value_name = "FILE")]
        body: PathBuf,
        /// `TC-Timestamp`, Unix seconds (default: now).
        #[arg(long)]
        timestamp: Option<String>,
        /// `TC-Callback-Nonce` (default: 32 random hex characters).
        #[arg(long)]
        nonce: Option<String>,
        /// The keys: the platform's private key (a sandbox `--config` keys file, or
        /// `--private-key SERIAL=FILE`).
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// `PaySig` of a virtual order: HMAC-SHA256(AppKey, method & SignData).
    PaySig {
        /// The method before `&`: `requestVirtualPayment` (4.1) or
        /// `requestMidasPaymentGameItem` (3.1).
        #[arg(long, default_value = REQUEST_VIRTUAL_PAYMENT)]
        method: String,
        /// The `SignData` string, exactly as sent.
        #[arg(long)]
        sign_data: String,
        /// The keys: the AppKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// `PayEventSig` of a virtual callback: HMAC-SHA256(AppKey, event & payload).
    EventSig {
        /// The `Event` value.
        #[arg(long)]
        event: String,
        /// The `Payload` string, exactly as sent.
        #[arg(long)]
        payload: String,
        /// The keys: the AppKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// `pay_sig` of a virtual refund: HMAC-SHA256(AppKey, uri & body).
    RefundPaySig {
        /// The uri before `&`.
        #[arg(long, default_value = VIRTUAL_REFUND_URI)]
        uri: String,
        /// The body, exactly as sent.
        #[arg(long, value_name = "FILE")]
        body: PathBuf,
        /// The keys: the AppKey.
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// The user-mode `signature`: HMAC-SHA256(session_key, signData).
    UserSignature {
        /// The user's `session_key`, as the text jscode2session returned.
        #[arg(long, env = "SAS_SESSION_KEY", hide_env_values = true)]
        session_key: String,
        /// The `signData` string, exactly as sent.
        #[arg(long)]
        sign_data: String,
    },
    /// `paySign` of `wx.requestPayment` (SHA256withRSA, merchant key).
    PaySign {
        /// `appId`: the mini program's appid.
        #[arg(long)]
        app_id: String,
        /// `timeStamp`, Unix seconds (default: now).
        #[arg(long)]
        time_stamp: Option<String>,
        /// `nonceStr` (default: 32 random hex characters).
        #[arg(long)]
        nonce_str: Option<String>,
        /// `package`: `prepay_id=…`.
        #[arg(long)]
        package: String,
        /// The keys: the merchant's private key.
        #[command(flatten)]
        keys: KeyArgs,
    },
}

/// Runs `sas sign`.
///
/// # Errors
///
/// A key that is missing or cannot be loaded, an input that cannot be read or signed.
pub fn run(args: SignArgs) -> anyhow::Result<()> {
    let now = super::system_now();
    let nonce = || OsNonces.nonce();
    let (message, signature) = match args.command {
        SignCommand::TcSignature { timestamp, keys } => {
            let ring = Keyring::load(&keys)?;
            let key = ring
                .secret_key
                .as_ref()
                .and_then(super::keyring::Symmetric::as_secret_key)
                .context("give the SecretKey (--secret-key or --keys), 16, 24 or 32 bytes")?;
            let timestamp = timestamp.unwrap_or_else(|| now.as_millis().to_string());
            (timestamp.clone().into_bytes(), tc_signature(&key, &timestamp))
        }
        SignCommand::Authorization { method, url, body, timestamp, nonce: given, mchid, keys } => {
            let ring = Keyring::load(&keys)?;
            let key =
                private(&ring, |role| matches!(role, KeyRole::Merchant { .. } | KeyRole::Given))
                    .context(
                        "give the merchant's private key (--keys, or --private-key SERIAL=FILE)",
                    )?;
            let mchid = mchid
                .or_else(|| match &key.role {
                    KeyRole::Merchant { mchid } => Some(mchid.clone()),
                    _ => None,
                })
                .context("give --mchid")?;
            let body = body.map(|path| super::read_input(&path)).transpose()?.unwrap_or_default();
            let timestamp = timestamp.unwrap_or_else(|| now.as_secs().to_string());
            let nonce = given.unwrap_or_else(nonce);
            let method = method.to_ascii_uppercase();
            let private = key.private.clone().context("no private key")?;
            let signer = AuthorizationSigner::new(private, mchid, key.id.clone());
            let parts = RequestParts { method: &method, canonical_url: &url, body: &body };
            let header = signer.sign(&parts, &timestamp, &nonce)?;
            let message = authorization_message(&method, &url, &timestamp, &nonce, &body);
            (message, header.to_string())
        }
        SignCommand::Callback { body, timestamp, nonce: given, keys } => {
            let ring = Keyring::load(&keys)?;
            let key = private(&ring, |role| matches!(role, KeyRole::Platform | KeyRole::Given))
                .context("give the platform's private key (a sandbox --config keys file, or --private-key SERIAL=FILE)")?;
            let body = super::read_input(&body)?;
            let timestamp = timestamp.unwrap_or_else(|| now.as_secs().to_string());
            let nonce = given.unwrap_or_else(nonce);
            let private = key.private.as_ref().context("no private key")?;
            let signature = callback_signature(private, &timestamp, &nonce, &body)?;
            eprintln!("TC-Timestamp: {timestamp}");
            eprintln!("TC-Callback-Nonce: {nonce}");
            eprintln!("TC-Callback-Serial: {}", key.id);
            (callback_message(&timestamp, &nonce, &body), signature)
        }
        SignCommand::PaySig { method, sign_data, keys } => {
            let key = app_key(&keys)?;
            (hmac_message(&method, sign_data.as_bytes()), pay_sig(&key, &method, &sign_data))
        }
        SignCommand::EventSig { event, payload, keys } => {
            let key = app_key(&keys)?;
            (hmac_message(&event, payload.as_bytes()), pay_event_sig(&key, &event, &payload))
        }
        SignCommand::RefundPaySig { uri, body, keys } => {
            let key = app_key(&keys)?;
            let body = super::read_input(&body)?;
            (hmac_message(&uri, &body), refund_pay_sig(&key, &uri, &body))
        }
        SignCommand::UserSignature { session_key, sign_data } => {
            let key = sas_core::crypto::SessionKey::new(&session_key)?;
            (sign_data.clone().into_bytes(), user_signature(&key, &sign_data))
        }
        SignCommand::PaySign { app_id, time_stamp, nonce_str, package, keys } => {
            let ring = Keyring::load(&keys)?;
            let key =
                private(&ring, |role| matches!(role, KeyRole::Merchant { .. } | KeyRole::Given))
                    .context(
                        "give the merchant's private key (--keys, or --private-key SERIAL=FILE)",
                    )?;
            let time_stamp = time_stamp.unwrap_or_else(|| now.as_secs().to_string());
            let nonce_str = nonce_str.unwrap_or_else(nonce);
            let fields = PaySignFields {
                app_id: &app_id,
                time_stamp: &time_stamp,
                nonce_str: &nonce_str,
                package: &package,
            };
            let private = key.private.as_ref().context("no private key")?;
            (pay_sign_message(&fields), pay_sign(private, &fields)?)
        }
    };
    eprintln!("signed message, {} bytes:", message.len());
    for line in escape_lines(&message) {
        eprintln!("  |{line}");
    }
    println!("{signature}");
    Ok(())
}

/// The first key with a private half among `wanted` roles.
fn private(ring: &Keyring, wanted: impl Fn(&KeyRole) -> bool) -> Option<&RsaKey> {
    ring.rsa_keys(wanted).find(|key| key.private.is_some())
}

fn app_key(keys: &KeyArgs) -> anyhow::Result<sas_core::crypto::AppKey> {
    Keyring::load(keys)?
        .app_key
        .as_ref()
        .and_then(super::keyring::Symmetric::as_app_key)
        .context("give the AppKey (--app-key or --keys)")
}
