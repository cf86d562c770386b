//! RSA-SHA256 (RSASSA-PKCS1-v1_5) signatures of SAS: the merchant's `Authorization` header,
//! callback and response signatures, and the `paySign` of `wx.requestPayment`; with the keys,
//! certificates and key sets they need. `ring` signs and verifies; RustCrypto's `x509-cert`,
//! `pkcs1` and `pem-rfc7468` read the key files.

mod authorization;
mod certificate;
mod key_set;
mod keys;
mod messages;
mod pem;

pub use authorization::{
    Authorization, AuthorizationSigner, RequestParts, WECHATPAY2_SHA256_RSA2048,
};
pub use certificate::Certificate;
pub use key_set::{CallbackSignature, PublicKeySet};
pub use keys::{RsaPrivateKey, RsaPublicKey};
pub use messages::{
    PaySignFields, authorization_message, callback_message, callback_signature, pay_sign,
    pay_sign_message, verify_pay_sign,
};
