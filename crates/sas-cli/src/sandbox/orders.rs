//! The order state machine, as pure functions of an order and the time: placing (unique
//! `out_trade_no` per merchant, the same order twice gives the same prepay ID), expiry, paying,
//! closing, and what a query shows.
//!
//! ```text
//! NOTPAY ──pay SUCCESS──▶ SUCCESS ──refund SUCCESS──▶ REFUND
//! NOTPAY ──pay PAYERROR─▶ PAYERROR ──pay again──▶ SUCCESS or PAYERROR
//! NOTPAY, PAYERROR ──close, or time_expire passes──▶ CLOSED
//! ```

use sas_core::time::UnixTime;

use super::error::SandboxError;
use super::model::{Order, TradeState};

/// What placing an order did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placed {
    /// A new order.
    New(Order),
    /// The same order sent again: the one placed first, unchanged.
    Again(Order),
}

impl Placed {
    /// The order either way.
    pub fn order(&self) -> &Order {
        match self {
            Self::New(order) | Self::Again(order) => order,
        }
    }
}

/// Places `draft` where `existing` has the same key: the same content gives the existing order
/// back; different content is [`SandboxError::OutTradeNoUsed`]; a `time_expire` already past
/// is [`SandboxError::Invalid`].
pub fn place(
    existing: Option<&Order>,
    draft: Order,
    now: UnixTime,
) -> Result<Placed, SandboxError> {
    if let Some(existing) = existing {
        if existing.fingerprint != draft.fingerprint {
            return Err(SandboxError::OutTradeNoUsed(draft.out_trade_no));
        }
        // The same order again gets the same prepayId only while it can still be paid.
        return match state_at(existing, now) {
            TradeState::Notpay | TradeState::Payerror => Ok(Placed::Again(existing.clone())),
            state => Err(state_error(existing, state, "place again")),
        };
    }
    if draft.total <= 0 {
        return Err(SandboxError::Invalid(format!(
            "order {:?}: amount.total {} is not a positive number of cents",
            draft.out_trade_no, draft.total
        )));
    }
    if draft.time_expire.is_some_and(|expire| expire <= now.as_millis()) {
        return Err(SandboxError::Invalid(format!(
            "time_expire of order {:?} is not in the future",
            draft.out_trade_no
        )));
    }
    Ok(Placed::New(draft))
}

/// Whether an unpaid order's `time_expire` has passed at `now`.
pub fn is_expired(order: &Order, now: UnixTime) -> bool {
    matches!(order.state, TradeState::Notpay | TradeState::Payerror)
        && order.time_expire.is_some_and(|expire| expire <= now.as_millis())
}

/// The state a query shows at `now`: an unpaid order past its `time_expire` is `CLOSED`.
pub fn state_at(order: &Order, now: UnixTime) -> TradeState {
    if is_expired(order, now) { TradeState::Closed } else { order.state }
}

/// The vendor-style description of a state (`trade_state_desc`).
pub fn describe(state: TradeState) -> &'static str {
    match state {
        TradeState::Notpay => "not paid",
        TradeState::Success => "paid",
        TradeState::Payerror => "the payment failed",
        TradeState::Closed => "closed",
        TradeState::Refund => "refunded",
    }
}

/// The result the user's payment has, as the admin endpoint names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PayResult {
    /// Paid.
    Success,
    /// The payment failed.
    Payerror,
}

/// Pays `order` at `now` with `result`: allowed from `NOTPAY` and `PAYERROR` before
/// `time_expire`.
///
/// Errors: [`SandboxError::Expired`] past `time_expire`, [`SandboxError::OrderState`] when
/// paid, refunded or closed.
pub fn pay(order: &Order, result: PayResult, now: UnixTime) -> Result<Order, SandboxError> {
    if is_expired(order, now) {
        return Err(SandboxError::Expired(order.out_trade_no.clone()));
    }
    match order.state {
        TradeState::Notpay | TradeState::Payerror => {}
        state => return Err(state_error(order, state, "pay")),
    }
    let mut paid = order.clone();
    paid.state = match result {
        PayResult::Success => TradeState::Success,
        PayResult::Payerror => TradeState::Payerror,
    };
    paid.paid_at = Some(now.as_millis());
    Ok(paid)
}

/// Closes `order`: allowed while unpaid (an expired order closes too); closing a closed order
/// changes nothing.
///
/// Errors: [`SandboxError::OrderState`] when paid or refunded.
pub fn close(order: &Order) -> Result<Order, SandboxError> {
    match order.state {
        TradeState::Notpay | TradeState::Payerror | TradeState::Closed => {
            let mut closed = order.clone();
            closed.state = TradeState::Closed;
            Ok(closed)
        }
        state => Err(state_error(order, state, "close")),
    }
}

/// An order refunded successfully is `REFUND`.
pub fn mark_refunded(order: &Order) -> Order {
    let mut refunded = order.clone();
    if matches!(order.state, TradeState::Success) {
        refunded.state = TradeState::Refund;
    }
    refunded
}

pub(super) fn state_error(
    order: &Order,
    state: TradeState,
    operation: &'static str,
) -> SandboxError {
    SandboxError::OrderState {
        out_trade_no: order.out_trade_no.clone(),
        state: state.as_str(),
        operation,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::sandbox::model::OrderKind;

    pub(crate) fn order(out_trade_no: &str, total: i64) -> Order {
        Order {
            kind: OrderKind::Jsapi,
            mchid: "1900000109".into(),
            out_trade_no: out_trade_no.into(),
            prepay_id: "wx-prepay".into(),
            transaction_id: "4200-tx".into(),
            appid: "wxapp".into(),
            application_id: "app".into(),
            description: "a cup of tea".into(),
            user_id: "user-1001".into(),
            open_id: "o-1001".into(),
            total,
            currency: "CNY".into(),
            attach: None,
            time_expire: Some(10_000),
            callback_url: "http://127.0.0.1:1/notify".into(),
            fingerprint: format!("{out_trade_no}/{total}"),
            state: TradeState::Notpay,
            created_at: 1_000,
            paid_at: None,
            goods: None,
        }
    }

    const BEFORE: UnixTime = UnixTime::from_millis(5_000);
    const AFTER: UnixTime = UnixTime::from_millis(10_000);

    #[test]
    fn the_same_order_twice_is_the_first_and_different_content_is_refused() {
        let first = order("A1", 100);
        let Ok(Placed::New(placed)) = place(None, first.clone(), BEFORE) else { panic!() };
        let mut again = order("A1", 100);
        again.prepay_id = "another".into();
        assert_eq!(place(Some(&placed), again, BEFORE), Ok(Placed::Again(first)));
        assert_eq!(
            place(Some(&placed), order("A1", 200), BEFORE),
            Err(SandboxError::OutTradeNoUsed("A1".into()))
        );
        assert!(matches!(place(None, order("A2", 1), AFTER), Err(SandboxError::Invalid(_))));
    }

    #[test]
    fn an_order_of_no_or_negative_amount_is_refused() {
        for total in [0, -1, i64::MIN] {
            assert!(
                matches!(place(None, order("A1", total), BEFORE), Err(SandboxError::Invalid(_))),
                "{total}"
            );
        }
    }

    #[test]
    fn the_same_order_again_once_paid_closed_or_expired_is_refused_not_given_its_prepay_id() {
        let placed = order("A1", 100);
        let paid = pay(&placed, PayResult::Success, BEFORE).unwrap();
        let closed = close(&placed).unwrap();
        for (existing, at, state) in [
            (&paid, BEFORE, "SUCCESS"),
            (&mark_refunded(&paid), BEFORE, "REFUND"),
            (&closed, BEFORE, "CLOSED"),
            (&placed, AFTER, "CLOSED"),
        ] {
            let again = place(Some(existing), order("A1", 100), at);
            assert!(
                matches!(&again, Err(SandboxError::OrderState { state: s, .. }) if *s == state),
                "{state}: {again:?}"
            );
        }
        let failed = pay(&placed, PayResult::Payerror, BEFORE).unwrap();
        assert!(matches!(place(Some(&failed), order("A1", 100), BEFORE), Ok(Placed::Again(_))));
    }

    #[test]
    fn an_order_pays_once_before_it_expires() {
        let placed = order("A1", 100);
        let failed = pay(&placed, PayResult::Payerror, BEFORE).unwrap();
        assert_eq!(failed.state, TradeState::Payerror);
        let paid = pay(&failed, PayResult::Success, BEFORE).unwrap();
        assert_eq!(paid.state, TradeState::Success);
        assert_eq!(paid.paid_at, Some(5_000));
        assert!(matches!(
            pay(&paid, PayResult::Success, BEFORE),
            Err(SandboxError::OrderState { state: "SUCCESS", .. })
        ));
        assert_eq!(
            pay(&placed, PayResult::Success, AFTER),
            Err(SandboxError::Expired("A1".into()))
        );
        assert_eq!(state_at(&placed, AFTER), TradeState::Closed);
        assert_eq!(state_at(&paid, AFTER), TradeState::Success);
    }

    #[test]
    fn only_unpaid_orders_close_and_closed_orders_do_not_pay() {
        let closed = close(&order("A1", 100)).unwrap();
        assert_eq!(closed.state, TradeState::Closed);
        assert_eq!(close(&closed).unwrap(), closed);
        assert!(matches!(
            pay(&closed, PayResult::Success, BEFORE),
            Err(SandboxError::OrderState { state: "CLOSED", .. })
        ));
        let paid = pay(&order("A2", 1), PayResult::Success, BEFORE).unwrap();
        assert!(matches!(close(&paid), Err(SandboxError::OrderState { state: "SUCCESS", .. })));
        assert_eq!(mark_refunded(&paid).state, TradeState::Refund);
    }
}
