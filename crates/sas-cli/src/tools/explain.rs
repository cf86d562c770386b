//! The explainer: a captured request and the keys in, a structured [`Explanation`] out (the
//! steps taken, the verdict, and the likely causes of a failure, each found by a real check).
//! Pure functions: no I/O, the time is an argument. Every message, signature and cipher is
//! sas-core's; this module only chooses what to try.
//!
//! | scheme | module |
//! |---|---|
//! | `TC-Signature` | [`tc_signature`] |
//! | `Authorization` (merchant RSA) | [`authorization`] |
//! | `TC-Callback-Signature` (payment and refund callbacks) | [`callback`] |
//! | `PayEventSig`, `PaySig`, `pay_sig` (AppKey HMACs) | [`hmac`] |
//! | `paySign` of `wx.requestPayment` | [`pay_sign`] |

pub mod authorization;
pub mod callback;
mod cause;
pub mod hmac;
pub mod pay_sign;
mod report;
mod rsa_check;
pub mod tc_signature;
mod timestamp;
mod variants;

use sas_core::crypto::FreshnessWindow;
use sas_core::time::UnixTime;

pub use cause::Cause;
pub(crate) use report::Report;
pub use report::{Detail, Document, Status, Step};

use super::capture::Captured;
use super::keyring::Keyring;

/// The signature schemes `sas verify` explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
#[non_exhaustive]
pub enum Scheme {
    /// `TC-Timestamp` + `TC-Signature` (SAS → superapp backend).
    TcSignature,
    /// `Authorization: WECHATPAY2-SHA256-RSA2048 …` (merchant → superapp backend).
    Authorization,
    /// `TC-Callback-Signature` (payment and refund callbacks, superapp → merchant).
    Callback,
    /// `PayEventSig` / `payEventSig` in the body (virtual payment and refund callbacks).
    EventSig,
    /// `PaySig` in the body (virtual orders 3.1, 4.1).
    PaySig,
    /// `pay_sig` in the query (virtual refund 5.2.1).
    RefundPaySig,
    /// `paySign` of `wx.requestPayment` (the body is the parameter object).
    PaySign,
}

impl Scheme {
    /// What the scheme is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::TcSignature => "TC-Signature (AES-ECB of TC-Timestamp with the SecretKey)",
            Self::Authorization => "merchant Authorization (SHA256withRSA)",
            Self::Callback => "callback TC-Callback-Signature (SHA256withRSA)",
            Self::EventSig => "virtual callback PayEventSig (HMAC-SHA256 with the AppKey)",
            Self::PaySig => "virtual order PaySig (HMAC-SHA256 with the AppKey)",
            Self::RefundPaySig => "virtual refund pay_sig (HMAC-SHA256 with the AppKey)",
            Self::PaySign => "wx.requestPayment paySign (SHA256withRSA)",
        }
    }

    /// The scheme a captured request uses, from its headers, query and body; `None` when
    /// nothing tells.
    pub fn infer(captured: &Captured) -> Option<Self> {
        let body = captured.json_body();
        let in_body = |name: &str| {
            body.as_ref().is_some_and(|body| body.keys().any(|key| key.eq_ignore_ascii_case(name)))
        };
        if captured.header("Authorization").is_some() {
            Some(Self::Authorization)
        } else if captured.header("TC-Callback-Signature").is_some()
            || captured.header("TC-Callback-Serial").is_some()
            || captured.header("TC-Serial").is_some()
        {
            Some(Self::Callback)
        } else if in_body("PayEventSig") {
            Some(Self::EventSig)
        } else if captured.query().iter().any(|(name, _)| name == "pay_sig") {
            Some(Self::RefundPaySig)
        } else if in_body("PaySig") {
            Some(Self::PaySig)
        } else if captured.header("TC-Signature").is_some()
            || captured.header("TC-Timestamp").is_some()
        {
            Some(Self::TcSignature)
        } else if in_body("paySign") {
            Some(Self::PaySign)
        } else {
            None
        }
    }
}

/// The verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// Every check held.
    Verified,
    /// A check failed; the likely causes say why.
    Failed,
    /// Nothing failed, but a key needed to check was not given.
    Unchecked {
        /// What was missing.
        missing: String,
    },
}

/// What the explainer found.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Explanation {
    /// The scheme checked.
    pub scheme: Scheme,
    /// The request line (`POST /path`).
    pub request: String,
    /// What was done, in order.
    pub steps: Vec<Step>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why it failed (or what a stricter receiver would refuse), most likely first.
    pub likely_causes: Vec<Cause>,
    /// The decrypted resource or the signed payload, once the signature held.
    pub document: Option<Document>,
}

impl Explanation {
    /// Whether the request verified.
    pub fn is_verified(&self) -> bool {
        self.verdict == Verdict::Verified
    }

    /// The short codes of the likely causes (`body-reserialised`, …).
    pub fn cause_codes(&self) -> Vec<&'static str> {
        self.likely_causes.iter().map(Cause::code).collect()
    }
}

/// What the explainer works with besides the request.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The keys.
    pub keys: &'a Keyring,
    /// The time to check timestamps against.
    pub now: UnixTime,
    /// The freshness window.
    pub window: FreshnessWindow,
    /// `wx.requestPayment`'s `appId` (not in the parameter object), for [`Scheme::PaySign`].
    pub app_id: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// Checking at `now` with the default window (300 s).
    pub fn new(keys: &'a Keyring, now: UnixTime) -> Self {
        Self { keys, now, window: FreshnessWindow::DEFAULT, app_id: None }
    }
}

/// Explains `captured` as `scheme`, or as the scheme [`Scheme::infer`] finds.
///
/// # Errors
///
/// When no scheme is given and none can be inferred.
pub fn explain(
    captured: &Captured,
    scheme: Option<Scheme>,
    context: &Context<'_>,
) -> Result<Explanation, NoScheme> {
    let scheme = scheme.or_else(|| Scheme::infer(captured)).ok_or(NoScheme)?;
    let mut report = Report::default();
    match scheme {
        Scheme::TcSignature => {
            let names = ["TC-Signature"];
            tc_signature::explain(&mut report, captured, context, timestamp::Unit::Millis, &names);
        }
        Scheme::Authorization => authorization::explain(&mut report, captured, context),
        Scheme::Callback => callback::explain(&mut report, captured, context),
        Scheme::EventSig => hmac::explain_event(&mut report, captured, context),
        Scheme::PaySig => hmac::explain_pay_sig(&mut report, captured, context),
        Scheme::RefundPaySig => hmac::explain_refund(&mut report, captured, context),
        Scheme::PaySign => pay_sign::explain(&mut report, captured, context),
    }
    Ok(report.finish(scheme, captured.to_string()))
}

/// No scheme was given and none could be inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot tell which signature this request carries (no Authorization, TC-Callback-*, \
     TC-Signature, PayEventSig, PaySig, pay_sig or paySign): choose one with --scheme"
)]
pub struct NoScheme;
