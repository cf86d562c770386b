//! Every signature and cipher of SAS, as pure functions: no I/O, no clock, no randomness.
//!
//! Time and nonces are arguments; keys are small newtypes that validate once, print as
//! `<redacted>` and share their prepared key when cloned (an `Arc`: a signer per request costs
//! nothing); functions are named for what they produce and take the exact bytes that travel
//! (`&str` header values, `&[u8]` bodies), never re-serialised JSON. Received signatures are
//! compared in constant time.
//!
//! | What | Produce | Check |
//! |---|---|---|
//! | `TC-Signature` (AES-ECB of `TC-Timestamp`, hex) | [`tc_signature`] | [`TcSignatureVerifier`], [`verify_tc_signature`] |
//! | `TC-OpenId` / `TC-MiniAppID` values (AES-ECB, hex) | [`encrypt_header_value`] | [`decrypt_header_value`] |
//! | e-mail / phone `data` of API 1.3 / 1.4 (AES-CBC, Base64) | [`encrypt_user_info`] | [`decrypt_user_info`] |
//! | callback `resource` (AEAD_AES_256_GCM, Base64) | [`seal_resource`] | [`open_resource`] |
//! | `paySig` (HMAC-SHA256, hex) | [`pay_sig`] | [`verify_pay_sig`] |
//! | `PayEventSig` | [`pay_event_sig`] | [`verify_pay_event_sig`] |
//! | virtual refund `pay_sig` | [`refund_pay_sig`] | [`verify_refund_pay_sig`] |
//! | user-mode `signature` (session_key) | [`user_signature`] | [`verify_user_signature`] |
//! | `Authorization` (RSA-SHA256) | [`AuthorizationSigner`] | [`PublicKeySet::verify_authorization`] |
//! | `TC-Callback-Signature` (RSA-SHA256) | [`callback_signature`] | [`PublicKeySet::verify_callback`] |
//! | `paySign` of `wx.requestPayment` (RSA-SHA256) | [`pay_sign`] | [`verify_pay_sign`] |
//! | timestamp freshness (10 digits = s, 13 = ms) | — | [`FreshnessWindow`] |
//!
//! Errors: [`KeyError`] when key material is unusable (the SDK user's configuration),
//! [`CryptoError`] for everything else, each variant saying who is at fault.
//!
//! ```
//! use sas_core::crypto::{SecretKey, TcSignatureVerifier, tc_signature};
//! use sas_core::time::UnixTime;
//!
//! let key = SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?;
//! let signature = tc_signature(&key, "1735293931220");
//! let now = UnixTime::from_millis(1_735_293_931_500);
//! TcSignatureVerifier::new().verify(&key, "1735293931220", &signature, now)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod block_modes;
mod encoding;
mod error;
mod field_cipher;
mod freshness;
mod hmac_sig;
mod keys;
mod resource;
mod rsa;
mod tc_signature;

pub use error::{
    AuthorizationError, CryptoError, KeyError, KeyKind, NonceEncoding, NonceReading, PemLayout,
    SignatureKind,
};
pub use field_cipher::{decrypt_user_info, encrypt_user_info};
pub use freshness::FreshnessWindow;
pub use hmac_sig::{
    REQUEST_MIDAS_PAYMENT_GAME_ITEM, REQUEST_VIRTUAL_PAYMENT, VIRTUAL_REFUND_URI, hmac_message,
    pay_event_sig, pay_sig, refund_pay_sig, user_signature, verify_pay_event_sig, verify_pay_sig,
    verify_refund_pay_sig, verify_user_signature,
};
pub use keys::{ApiV3Key, AppKey, SecretKey, SessionKey};
pub use resource::{AEAD_AES_256_GCM, GCM_NONCE_LEN, open_resource, seal_resource};
pub use rsa::{
    Authorization, AuthorizationSigner, CallbackSignature, Certificate, PaySignFields,
    PublicKeySet, RequestParts, RsaPrivateKey, RsaPublicKey, WECHATPAY2_SHA256_RSA2048,
    authorization_message, callback_message, callback_signature, pay_sign, pay_sign_message,
    verify_pay_sign,
};
pub(crate) use tc_signature::decrypt_header_bytes;
pub use tc_signature::{
    TcSignatureVerifier, decrypt_header_value, encrypt_header_value, tc_signature,
    tc_signature_legacy_cbc, verify_tc_signature,
};
