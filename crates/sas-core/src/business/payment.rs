//! Payments: the decrypted 2.2 transaction and the 2.3 order against the order placed.

use super::mismatch::{Comparison, MismatchError};
use crate::api::payment::{create_jsapi_order, payment_notification, query_order};

/// The order a merchant placed, as it expects to see it paid. The amount is always compared;
/// everything else only when set.
///
/// ```
/// use sas_core::api::payment::payment_notification::Transaction;
/// use sas_core::business::{ExpectedPayment, MismatchError};
/// use sas_core::endpoint::Example;
///
/// let mut transaction = Transaction::example(); // in practice: callback::open(…)?.resource
/// transaction.out_trade_no = "1217752501201407033233368018".to_owned();
/// transaction.amount.total = 100;
/// transaction.amount.currency = "CNY".to_owned();
///
/// let expected = ExpectedPayment::new("1217752501201407033233368018", 100).currency("CNY");
/// expected.check(&transaction)?;
///
/// transaction.amount.total = 1;
/// let error = expected.check(&transaction).unwrap_err();
/// assert_eq!(error.to_string(), r#"the payment differs from the order placed: amount.total is "1", expected "100""#);
/// # Ok::<(), MismatchError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedPayment {
    out_trade_no: String,
    total: i64,
    currency: Option<String>,
    merchant_id: Option<String>,
    app_id: Option<String>,
}

impl ExpectedPayment {
    /// The order `out_trade_no`, of `total` cents (the `amount.total` of 2.1).
    pub fn new(out_trade_no: impl Into<String>, total: i64) -> Self {
        Self {
            out_trade_no: out_trade_no.into(),
            total,
            currency: None,
            merchant_id: None,
            app_id: None,
        }
    }

    /// Also expects this currency (ISO 4217, compared ignoring case).
    #[must_use]
    pub fn currency(self, currency: impl Into<String>) -> Self {
        Self { currency: Some(currency.into()), ..self }
    }

    /// Also expects this merchant ID (`TC-MerchantID` of 2.1; compared with `mch_id` of 2.2 and
    /// `mchid` of 2.3).
    #[must_use]
    pub fn merchant_id(self, merchant_id: impl Into<String>) -> Self {
        Self { merchant_id: Some(merchant_id.into()), ..self }
    }

    /// Also expects this mini program appid (`appid` of 2.1; compared with `appid` of 2.2 and
    /// `app_id` of 2.3).
    #[must_use]
    pub fn app_id(self, app_id: impl Into<String>) -> Self {
        Self { app_id: Some(app_id.into()), ..self }
    }

    /// Compares `received` with the expectation: every expected field, each differing one
    /// reported.
    ///
    /// # Errors
    ///
    /// [`MismatchError::Payment`] listing every field that differs.
    pub fn check<P: ReceivedPayment + ?Sized>(&self, received: &P) -> Result<(), MismatchError> {
        let facts = received.facts();
        let mut comparison = Comparison::default();
        comparison.text(facts.merchant_id.0, self.merchant_id.as_deref(), facts.merchant_id.1);
        comparison.text(facts.app_id.0, self.app_id.as_deref(), facts.app_id.1);
        comparison.text("out_trade_no", Some(&self.out_trade_no), facts.out_trade_no);
        comparison.int("amount.total", Some(self.total), facts.total);
        comparison.currency("amount.currency", self.currency.as_deref(), facts.currency);
        comparison.finish(MismatchError::Payment)
    }
}

/// Everything the order request says: `out_trade_no`, `amount.total`, `amount.currency` when
/// set, `appid`, and `TC-MerchantID` as the merchant ID.
impl From<&create_jsapi_order::Request> for ExpectedPayment {
    fn from(order: &create_jsapi_order::Request) -> Self {
        Self {
            out_trade_no: order.out_trade_no.clone(),
            total: order.amount.total,
            currency: order.amount.currency.clone(),
            merchant_id: Some(order.merchant_id.clone()),
            app_id: Some(order.appid.clone()),
        }
    }
}

/// A payment as received: the decrypted 2.2 [`Transaction`](payment_notification::Transaction)
/// or the 2.3 [`Order`](query_order::Order).
pub trait ReceivedPayment: sealed::Sealed {}

impl ReceivedPayment for payment_notification::Transaction {}
impl ReceivedPayment for query_order::Order {}

mod sealed {
    use crate::api::payment::{payment_notification, query_order};

    /// The fields compared, with the wire names that differ between documents.
    pub struct Facts<'a> {
        pub(super) merchant_id: (&'static str, &'a str),
        pub(super) app_id: (&'static str, &'a str),
        pub(super) out_trade_no: &'a str,
        pub(super) total: Option<i64>,
        pub(super) currency: Option<&'a str>,
    }

    pub trait Sealed {
        fn facts(&self) -> Facts<'_>;
    }

    impl Sealed for payment_notification::Transaction {
        fn facts(&self) -> Facts<'_> {
            Facts {
                merchant_id: ("mch_id", &self.mch_id),
                app_id: ("appid", &self.appid),
                out_trade_no: &self.out_trade_no,
                total: Some(self.amount.total),
                currency: Some(&self.amount.currency),
            }
        }
    }

    impl Sealed for query_order::Order {
        fn facts(&self) -> Facts<'_> {
            let amount = self.amount.as_ref();
            Facts {
                merchant_id: ("mchid", &self.mchid),
                app_id: ("app_id", &self.app_id),
                out_trade_no: &self.out_trade_no,
                total: amount.and_then(|amount| amount.total),
                currency: amount.and_then(|amount| amount.currency.as_deref()),
            }
        }
    }
}
