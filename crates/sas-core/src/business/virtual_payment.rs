//! Virtual payments: the payload of the 3.2 and 4.2 callbacks against the order placed.

use super::mismatch::{Comparison, MismatchError};
use crate::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};

/// The virtual order a merchant placed (3.1 or 4.1), as it expects to see it paid. The price
/// actually paid is always compared; everything else only when set.
///
/// `actual_price` is what you expect `GoodsInfo.ActualPrice` to say, in cents: for an order
/// of `buyQuantity` items at `goodsPrice`, normally their product.
///
/// ```
/// use sas_core::api::virtual_payment::mini_program_payment_notification::Payload;
/// use sas_core::business::ExpectedVirtualPayment;
/// use sas_core::endpoint::Example;
///
/// let payload = Payload::example(); // in practice: callback::read_payload(…)?.resource
/// let expected = ExpectedVirtualPayment::new(&payload.out_trade_no, payload.goods_info.actual_price)
///     .product_id(&payload.goods_info.product_id)
///     .quantity(payload.goods_info.quantity);
/// expected.check(&payload)?;
///
/// let error = expected.clone().quantity(payload.goods_info.quantity + 1).check(&payload).unwrap_err();
/// assert_eq!(error.fields()[0].field, "GoodsInfo.Quantity");
/// # Ok::<(), sas_core::business::MismatchError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedVirtualPayment {
    out_trade_no: String,
    actual_price: i64,
    open_id: Option<String>,
    product_id: Option<String>,
    quantity: Option<i64>,
    orig_price: Option<i64>,
    attach: Option<String>,
    order_source: Option<i64>,
}

impl ExpectedVirtualPayment {
    /// The order `out_trade_no` (the `outTradeNo` of its `SignData`), paid `actual_price`
    /// cents.
    pub fn new(out_trade_no: impl Into<String>, actual_price: i64) -> Self {
        Self {
            out_trade_no: out_trade_no.into(),
            actual_price,
            open_id: None,
            product_id: None,
            quantity: None,
            orig_price: None,
            attach: None,
            order_source: None,
        }
    }

    /// Also expects this buyer: the `TC-Platform-UserID` of the order, echoed as `OpenId`.
    #[must_use]
    pub fn open_id(self, open_id: impl Into<String>) -> Self {
        Self { open_id: Some(open_id.into()), ..self }
    }

    /// Also expects this item (`productId` of the order).
    #[must_use]
    pub fn product_id(self, product_id: impl Into<String>) -> Self {
        Self { product_id: Some(product_id.into()), ..self }
    }

    /// Also expects this many items (`buyQuantity` of the order).
    #[must_use]
    pub fn quantity(self, quantity: i64) -> Self {
        Self { quantity: Some(quantity), ..self }
    }

    /// Also expects this original price, in cents.
    #[must_use]
    pub fn orig_price(self, orig_price: i64) -> Self {
        Self { orig_price: Some(orig_price), ..self }
    }

    /// Also expects this pass-through data (`attach` of the order).
    #[must_use]
    pub fn attach(self, attach: impl Into<String>) -> Self {
        Self { attach: Some(attach.into()), ..self }
    }

    /// Also expects this order source (`OrderSource` of the order: 1 for 3.1, 10 for 4.1).
    #[must_use]
    pub fn order_source(self, order_source: i64) -> Self {
        Self { order_source: Some(order_source), ..self }
    }

    /// Compares `received` with the expectation: every expected field, each differing one
    /// reported.
    ///
    /// # Errors
    ///
    /// [`MismatchError::VirtualPayment`] listing every field that differs.
    pub fn check<P: ReceivedVirtualPayment + ?Sized>(
        &self,
        received: &P,
    ) -> Result<(), MismatchError> {
        let (open_id, out_trade_no, goods) = received.facts();
        let mut comparison = Comparison::default();
        comparison.text("OpenId", self.open_id.as_deref(), open_id);
        comparison.text("OutTradeNo", Some(&self.out_trade_no), out_trade_no);
        comparison.text("GoodsInfo.ProductId", self.product_id.as_deref(), &goods.product_id);
        comparison.int("GoodsInfo.Quantity", self.quantity, Some(goods.quantity));
        comparison.int("GoodsInfo.OrigPrice", self.orig_price, Some(goods.orig_price));
        comparison.int("GoodsInfo.ActualPrice", Some(self.actual_price), Some(goods.actual_price));
        comparison.text("GoodsInfo.Attach", self.attach.as_deref(), &goods.attach);
        comparison.int("GoodsInfo.OrderSource", self.order_source, Some(goods.order_source));
        comparison.finish(MismatchError::VirtualPayment)
    }
}

/// A virtual payment as received: the parsed `Payload` of the 3.2
/// ([`mini_game_payment_notification::Payload`]) or 4.2
/// ([`mini_program_payment_notification::Payload`]) callback.
pub trait ReceivedVirtualPayment: sealed::Sealed {}

impl ReceivedVirtualPayment for mini_game_payment_notification::Payload {}
impl ReceivedVirtualPayment for mini_program_payment_notification::Payload {}

mod sealed {
    use crate::api::common::GoodsInfo;
    use crate::api::virtual_payment::{
        mini_game_payment_notification, mini_program_payment_notification,
    };

    pub trait Sealed {
        /// `OpenId`, `OutTradeNo` and `GoodsInfo`.
        fn facts(&self) -> (&str, &str, &GoodsInfo);
    }

    impl Sealed for mini_game_payment_notification::Payload {
        fn facts(&self) -> (&str, &str, &GoodsInfo) {
            (&self.open_id, &self.out_trade_no, &self.goods_info)
        }
    }

    impl Sealed for mini_program_payment_notification::Payload {
        fn facts(&self) -> (&str, &str, &GoodsInfo) {
            (&self.open_id, &self.out_trade_no, &self.goods_info)
        }
    }
}
