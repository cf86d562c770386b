//! The parameter objects a merchant backend hands its mini program front end, signed; and the
//! checks a superapp runs on such an object before it starts the payment.
//!
//! The objects are the generated [`request_payment::Params`] and
//! [`request_virtual_payment::Params`]; this module gives them their signing and checking
//! methods. Serialise them with `serde_json` and pass them to the JS API as they are.
//!
//! | JS API | Build (merchant backend) | Check (superapp) |
//! |---|---|---|
//! | `wx.requestPayment` | [`request_payment::Params::sign`] | [`request_payment::Params::verify`] |
//! | `wx.requestVirtualPayment` | [`request_virtual_payment::Params::sign`], [`request_virtual_payment::Params::sign_exact`] | [`request_virtual_payment::Params::verify`] |
//! Time and nonces are arguments: this module reads no clock and draws no
//! randomness. Errors: [`BuildError`] when the SDK user's input cannot become parameters,
//! [`VerifyError`] when a received object does not hold.
//!
//! ```
//! # let pem = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/wechatpay-test-pkcs1.pem"))?;
//! use sas_core::api::frontend::request_payment::Params;
//! use sas_core::crypto::{PublicKeySet, RsaPrivateKey};
//! use sas_core::time::UnixTime;
//! use sas_core::frontend::PaymentToSign;
//!
//! // The merchant backend, after placing the order (2.1) and receiving its prepay ID:
//! let key = RsaPrivateKey::from_pem(&pem)?;
//! let params = Params::sign(&key, PaymentToSign {
//!     app_id: "wx8888888888888888",
//!     prepay_id: "wx201410272009395522657a690389285100",
//!     time_stamp: UnixTime::from_secs(1_414_561_699),
//!     nonce_str: "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
//! })?;
//! let json = serde_json::to_string(&params)?; // hand this to wx.requestPayment
//! assert!(json.starts_with(r#"{"timeStamp":"1414561699","nonceStr":"5K8264ILTKCH16CQ2502SI8ZNMTM67VS","package":"prepay_id=wx201410272009395522657a690389285100","signType":"RSA","paySign":"mIDSHc+67t"#));
//!
//! // The superapp, holding the merchant's public key:
//! let merchant_keys = PublicKeySet::new().with_key("MERCHANT-SERIAL-1", key.public_key());
//! let verified = params.verify(&merchant_keys, "wx8888888888888888")?;
//! assert_eq!(verified.prepay_id, "wx201410272009395522657a690389285100");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`request_payment::Params`]: crate::api::frontend::request_payment::Params
//! [`request_payment::Params::sign`]: crate::api::frontend::request_payment::Params::sign
//! [`request_payment::Params::verify`]: crate::api::frontend::request_payment::Params::verify
//! [`request_virtual_payment::Params`]: crate::api::frontend::request_virtual_payment::Params
//! [`request_virtual_payment::Params::sign`]: crate::api::frontend::request_virtual_payment::Params::sign
//! [`request_virtual_payment::Params::sign_exact`]: crate::api::frontend::request_virtual_payment::Params::sign_exact
//! [`request_virtual_payment::Params::verify`]: crate::api::frontend::request_virtual_payment::Params::verify

mod error;
mod payment;
mod rules;
mod virtual_payment;

pub use error::{BuildError, VerifyError};
pub use payment::{PREPAY_ID_PREFIX, PaymentToSign, VerifiedPayment};
