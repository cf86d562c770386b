//! Business checks after decryption: does what arrived describe the order or refund the
//! merchant expects? A valid signature proves who sent a message, not that it is about the
//! right order or the right amount; these checks compare the two and report every field that
//! differs, by wire name, as a [`MismatchError`].
//!
//! | Expectation | Checks | Built from |
//! |---|---|---|
//! | [`ExpectedPayment`] (`out_trade_no`, amount) | 2.2 `Transaction`, 2.3 `Order` | the 2.1 request |
//! | [`ExpectedRefund`] (`out_refund_no`, refund and total amounts) | 5.1.3 / 5.2.2 `RefundResult`, 5.1.1 / 5.1.2 / 5.2.1 `Refund` | the 5.1.1 or 5.2.1 request |
//! | [`ExpectedVirtualPayment`] (`OutTradeNo`, `ActualPrice`) | 3.2 and 4.2 `Payload` | — |
//!
//! Each expectation's constructor takes the amount, so it is never left unchecked; every other
//! field is compared only when set, so you state what you know. Setters name a concept once,
//! as the SDK's request types do, whatever each document calls it: `merchant_id` is compared
//! with `mch_id` or `mchid`, `app_id` with `appid` or `app_id`; a mismatch reports the
//! received document's wire name. Amounts are `i64` cents,
//! compared exactly; currencies ignore ASCII case; everything else compares byte for byte.
//!
//! ```
//! use sas_core::api::refund::refund_notification::RefundResult;
//! use sas_core::business::ExpectedRefund;
//! use sas_core::endpoint::Example;
//!
//! let result = RefundResult::example(); // in practice: callback::open(…)?.resource
//! let expected = ExpectedRefund::new(&result.out_refund_no, result.amount.refund, result.amount.total)
//!     .out_trade_no(&result.out_trade_no);
//! expected.check(&result)?;
//!
//! let wrong = ExpectedRefund::new(&result.out_refund_no, result.amount.refund + 1, result.amount.total);
//! let error = wrong.check(&result).unwrap_err();
//! assert_eq!(error.fields().len(), 1);
//! assert_eq!(error.fields()[0].field, "amount.refund");
//! # Ok::<(), sas_core::business::MismatchError>(())
//! ```

mod mismatch;
mod payment;
mod refund;
mod virtual_payment;

pub use mismatch::{FieldMismatch, MismatchError};
pub use payment::{ExpectedPayment, ReceivedPayment};
pub use refund::{ExpectedRefund, ReceivedRefund};
pub use virtual_payment::{ExpectedVirtualPayment, ReceivedVirtualPayment};
