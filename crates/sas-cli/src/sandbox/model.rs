//! The sandbox's records: users, temporary codes, orders, refunds and messages, as the store
//! keeps them and the admin endpoints list them (JSON).

use sas_core::time::UnixTime;
use serde::{Deserialize, Serialize};

/// A user of the superapp, with what the user endpoints reveal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserProfile {
    /// The superapp's user ID (`userId`, `TC-UserID`).
    pub user_id: String,
    /// The user's OpenID in the demo mini program.
    pub open_id: String,
    /// The nickname (1.5).
    pub nickname: String,
    /// The avatar URL (1.6).
    pub avatar: String,
    /// The e-mail address (1.3, sent encrypted).
    pub email: String,
    /// The phone number (1.4, sent encrypted).
    pub phone: String,
}

/// Which value a temporary code unlocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InfoKind {
    /// The e-mail address.
    Email,
    /// The phone number.
    Phone,
}

/// A temporary code of 1.2: single-use, bound to a user and a kind, expiring.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemporaryCode {
    /// The code.
    pub code: String,
    /// Whose value it unlocks.
    pub user_id: String,
    /// Which value.
    pub kind: InfoKind,
    /// When it stops working.
    pub expires_at: UnixTime,
}

/// Which API placed an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OrderKind {
    /// 2.1, a JSAPI order.
    Jsapi,
    /// 3.1, a mini game's virtual order.
    MiniGame,
    /// 4.1, a mini program's virtual order.
    MiniProgram,
}

impl OrderKind {
    /// Whether the order is virtual (3.1, 4.1), refunded by 5.2.1.
    pub fn is_virtual(self) -> bool {
        !matches!(self, Self::Jsapi)
    }
}

/// Where an order stands (the `trade_state` of 2.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TradeState {
    /// Placed, not paid.
    Notpay,
    /// Paid.
    Success,
    /// The payment failed; the user may pay again.
    Payerror,
    /// Closed by the merchant, or expired unpaid.
    Closed,
    /// Paid, then (partly) refunded.
    Refund,
}

impl TradeState {
    /// The vendor's spelling (`NOTPAY`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Notpay => "NOTPAY",
            Self::Success => "SUCCESS",
            Self::Payerror => "PAYERROR",
            Self::Closed => "CLOSED",
            Self::Refund => "REFUND",
        }
    }
}

/// What a virtual order buys (the `SignData` of 3.1 and 4.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VirtualGoods {
    /// `productId`.
    pub product_id: String,
    /// `buyQuantity`.
    pub quantity: i64,
    /// `goodsPrice`, the unit price in cents.
    pub unit_price: i64,
    /// `GoodsName`.
    pub goods_name: String,
    /// `OrderSource`.
    pub order_source: i64,
    /// `Event`, carried back in the callback.
    pub event: String,
}

/// An order (2.1, 3.1 or 4.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Order {
    /// Which API placed it.
    pub kind: OrderKind,
    /// The merchant (`mchid` of `Authorization`, or `TC-MerchantID`).
    pub mchid: String,
    /// The merchant's order number, unique per merchant.
    pub out_trade_no: String,
    /// The prepay ID given back.
    pub prepay_id: String,
    /// The platform's order number.
    pub transaction_id: String,
    /// The mini program's or mini game's appid.
    pub appid: String,
    /// The superapp's application ID (`TC-ApplicationID`).
    pub application_id: String,
    /// What is bought.
    pub description: String,
    /// The payer's superapp user ID (`TC-UserID`).
    pub user_id: String,
    /// The payer's OpenID.
    pub open_id: String,
    /// The amount in cents.
    pub total: i64,
    /// The currency.
    pub currency: String,
    /// The merchant's pass-through data.
    pub attach: Option<String>,
    /// When an unpaid order expires (2.1's `time_expire`), in milliseconds.
    pub time_expire: Option<u64>,
    /// Where the payment result goes (`TC-Payment-Callback`).
    pub callback_url: String,
    /// The order's content as received, to tell a repeated order from a different one.
    #[serde(skip)]
    pub fingerprint: String,
    /// Where it stands.
    pub state: TradeState,
    /// When it was placed, in milliseconds.
    pub created_at: u64,
    /// When it was paid (or the payment failed), in milliseconds.
    pub paid_at: Option<u64>,
    /// The goods of a virtual order.
    pub goods: Option<VirtualGoods>,
}

/// Where a refund stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RefundState {
    /// Accepted, being processed.
    Processing,
    /// Refunded.
    Success,
    /// Closed without refunding.
    Closed,
    /// Failed; the money is held until resolved.
    Abnormal,
}

impl RefundState {
    /// The vendor's spelling (`PROCESSING`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Processing => "PROCESSING",
            Self::Success => "SUCCESS",
            Self::Closed => "CLOSED",
            Self::Abnormal => "ABNORMAL",
        }
    }
}

/// A refund (5.1.1 or 5.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Refund {
    /// Whether it refunds a virtual order (5.2.1).
    pub is_virtual: bool,
    /// The merchant.
    pub mchid: String,
    /// The merchant's refund number, unique per merchant.
    pub out_refund_no: String,
    /// The platform's refund ID.
    pub refund_id: String,
    /// The refunded order.
    pub out_trade_no: String,
    /// The refunded order's platform number.
    pub transaction_id: String,
    /// The amount refunded, in cents.
    pub refund: i64,
    /// The order's amount, in cents.
    pub total: i64,
    /// The currency.
    pub currency: String,
    /// Why.
    pub reason: Option<String>,
    /// Where the refund result goes (`TC-Payment-Callback`).
    pub callback_url: String,
    /// The refund's content as received.
    #[serde(skip)]
    pub fingerprint: String,
    /// Where it stands.
    pub state: RefundState,
    /// When it was requested, in milliseconds.
    pub created_at: u64,
    /// When it completed, in milliseconds.
    pub completed_at: Option<u64>,
}

/// A subscription message received on 1.7.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// When it arrived, in milliseconds.
    pub received_at: u64,
    /// The message as received (its JSON body).
    pub message: serde_json::Value,
}

/// An order's key: the merchant and its order number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderKey {
    /// The merchant.
    pub mchid: String,
    /// The merchant's order number.
    pub out_trade_no: String,
}

impl OrderKey {
    /// The key of `out_trade_no` under `mchid`.
    pub fn new(mchid: impl Into<String>, out_trade_no: impl Into<String>) -> Self {
        Self { mchid: mchid.into(), out_trade_no: out_trade_no.into() }
    }
}

impl Order {
    /// The order's key.
    pub fn key(&self) -> OrderKey {
        OrderKey::new(&self.mchid, &self.out_trade_no)
    }
}

/// Milliseconds of a time.
pub fn millis(time: UnixTime) -> u64 {
    time.as_millis()
}
