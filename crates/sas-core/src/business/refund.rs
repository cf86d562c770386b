//! Refunds: the 5.1.3 and 5.2.2 results and the 5.1.1/5.1.2/5.2.1 responses against the refund
//! requested.

use super::mismatch::{Comparison, MismatchError};
use crate::api::common::{Refund, RefundResult};
use crate::api::refund::{create_refund, create_virtual_refund};

/// The refund a merchant requested, as it expects to see it reported. Both amounts are always
/// compared; everything else only when set.
///
/// ```
/// use sas_core::api::refund::create_refund;
/// use sas_core::api::common::{RefundAmount, Refund, RefundRequestAmount};
/// use sas_core::business::ExpectedRefund;
/// use sas_core::endpoint::Example;
///
/// let mut request = create_refund::Request::example();
/// request.out_trade_no = Some("1217752501201407033233368018".to_owned());
/// request.amount = RefundRequestAmount::new(10, 100, "USD");
/// let expected = ExpectedRefund::from(&request);
///
/// let mut refund = Refund::example(); // in practice: the 5.1.1 response's data
/// refund.out_refund_no = request.out_refund_no.clone();
/// refund.out_trade_no = "1217752501201407033233368018".to_owned();
/// refund.amount.refund = 10;
/// refund.amount.total = 100;
/// refund.amount.currency = "USD".to_owned();
/// expected.check(&refund)?;
///
/// refund.amount.refund = 100;
/// refund.amount.currency = "EUR".to_owned();
/// let error = expected.check(&refund).unwrap_err();
/// let fields: Vec<_> = error.fields().iter().map(|f| f.field).collect();
/// assert_eq!(fields, ["amount.refund", "amount.currency"]);
/// # Ok::<(), sas_core::business::MismatchError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedRefund {
    out_refund_no: String,
    refund: i64,
    total: i64,
    out_trade_no: Option<String>,
    transaction_id: Option<String>,
    currency: Option<String>,
    merchant_id: Option<String>,
}

impl ExpectedRefund {
    /// The refund `out_refund_no` of `refund` cents out of an order of `total` cents (the
    /// `amount.refund` and `amount.total` of the request).
    pub fn new(out_refund_no: impl Into<String>, refund: i64, total: i64) -> Self {
        Self {
            out_refund_no: out_refund_no.into(),
            refund,
            total,
            out_trade_no: None,
            transaction_id: None,
            currency: None,
            merchant_id: None,
        }
    }

    /// Also expects the refund to be of this merchant order number.
    #[must_use]
    pub fn out_trade_no(self, out_trade_no: impl Into<String>) -> Self {
        Self { out_trade_no: Some(out_trade_no.into()), ..self }
    }

    /// Also expects the refund to be of this payment transaction.
    #[must_use]
    pub fn transaction_id(self, transaction_id: impl Into<String>) -> Self {
        Self { transaction_id: Some(transaction_id.into()), ..self }
    }

    /// Also expects this currency (ISO 4217, compared ignoring case).
    #[must_use]
    pub fn currency(self, currency: impl Into<String>) -> Self {
        Self { currency: Some(currency.into()), ..self }
    }

    /// Also expects this merchant ID (`TC-MerchantID` of the request), compared where the
    /// document carries one (`mch_id` of the 5.1.3 and 5.2.2 results; the 5.1.x responses carry
    /// none).
    #[must_use]
    pub fn merchant_id(self, merchant_id: impl Into<String>) -> Self {
        Self { merchant_id: Some(merchant_id.into()), ..self }
    }

    /// Compares `received` with the expectation: every expected field, each differing one
    /// reported.
    ///
    /// # Errors
    ///
    /// [`MismatchError::Refund`] listing every field that differs.
    pub fn check<R: ReceivedRefund + ?Sized>(&self, received: &R) -> Result<(), MismatchError> {
        let facts = received.facts();
        let mut comparison = Comparison::default();
        if let Some(mch_id) = facts.mch_id {
            comparison.text("mch_id", self.merchant_id.as_deref(), mch_id);
        }
        comparison.text("transaction_id", self.transaction_id.as_deref(), facts.transaction_id);
        comparison.text("out_trade_no", self.out_trade_no.as_deref(), facts.out_trade_no);
        comparison.text("out_refund_no", Some(&self.out_refund_no), facts.out_refund_no);
        comparison.int("amount.total", Some(self.total), Some(facts.total));
        comparison.int("amount.refund", Some(self.refund), Some(facts.refund));
        comparison.currency("amount.currency", self.currency.as_deref(), Some(facts.currency));
        comparison.finish(MismatchError::Refund)
    }

    fn from_request(
        out_refund_no: &str,
        amount: &crate::api::common::RefundRequestAmount,
        out_trade_no: Option<&String>,
        transaction_id: Option<&String>,
    ) -> Self {
        Self {
            out_trade_no: out_trade_no.cloned(),
            transaction_id: transaction_id.cloned(),
            currency: Some(amount.currency.clone()),
            ..Self::new(out_refund_no, amount.refund, amount.total)
        }
    }
}

/// Everything the 5.1.1 request says: `out_refund_no`, both amounts, the currency, and
/// `out_trade_no` or `transaction_id`, whichever is set.
impl From<&create_refund::Request> for ExpectedRefund {
    fn from(request: &create_refund::Request) -> Self {
        Self::from_request(
            &request.out_refund_no,
            &request.amount,
            request.out_trade_no.as_ref(),
            request.transaction_id.as_ref(),
        )
    }
}

/// Everything the 5.2.1 request says: as for 5.1.1, and `TC-MerchantID` as `mch_id`.
impl From<&create_virtual_refund::Request> for ExpectedRefund {
    fn from(request: &create_virtual_refund::Request) -> Self {
        Self::from_request(
            &request.out_refund_no,
            &request.amount,
            request.out_trade_no.as_ref(),
            request.transaction_id.as_ref(),
        )
        .merchant_id(&request.merchant_id)
    }
}

/// A refund as received: the [`RefundResult`] of the 5.1.3 callback's resource and the 5.2.2
/// callback's payload, or the [`Refund`] of the 5.1.1, 5.1.2 and 5.2.1 responses.
pub trait ReceivedRefund: sealed::Sealed {}

impl ReceivedRefund for RefundResult {}
impl ReceivedRefund for Refund {}

mod sealed {
    use crate::api::common::{Refund, RefundResult};

    /// The fields compared; `mch_id` only where the document has it.
    pub struct Facts<'a> {
        pub(super) mch_id: Option<&'a str>,
        pub(super) transaction_id: &'a str,
        pub(super) out_trade_no: &'a str,
        pub(super) out_refund_no: &'a str,
        pub(super) total: i64,
        pub(super) refund: i64,
        pub(super) currency: &'a str,
    }

    pub trait Sealed {
        fn facts(&self) -> Facts<'_>;
    }

    impl Sealed for RefundResult {
        fn facts(&self) -> Facts<'_> {
            Facts {
                mch_id: Some(&self.mch_id),
                transaction_id: &self.transaction_id,
                out_trade_no: &self.out_trade_no,
                out_refund_no: &self.out_refund_no,
                total: self.amount.total,
                refund: self.amount.refund,
                currency: &self.amount.currency,
            }
        }
    }

    impl Sealed for Refund {
        fn facts(&self) -> Facts<'_> {
            Facts {
                mch_id: None,
                transaction_id: &self.transaction_id,
                out_trade_no: &self.out_trade_no,
                out_refund_no: &self.out_refund_no,
                total: self.amount.total,
                refund: self.amount.refund,
                currency: &self.amount.currency,
            }
        }
    }
}
