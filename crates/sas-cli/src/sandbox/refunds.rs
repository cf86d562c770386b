//! The refund state machine, as pure functions: requesting (only a paid order, never more in
//! total than was paid, `out_refund_no` unique per merchant) and completing
//! (PROCESSING → SUCCESS / CLOSED / ABNORMAL).

use super::error::SandboxError;
use super::model::{Order, Refund, RefundState, TradeState};
use super::orders::state_error;

/// What requesting a refund did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Requested {
    /// A new refund, `PROCESSING`.
    New(Refund),
    /// The same refund sent again: the first one, as it stands.
    Again(Refund),
}

impl Requested {
    /// The refund either way.
    pub fn refund(&self) -> &Refund {
        match self {
            Self::New(refund) | Self::Again(refund) => refund,
        }
    }
}

/// Requests `draft` against `order`, whose refunds so far are `refunds` (`existing` is the one
/// with the same `out_refund_no`, if any).
///
/// Errors: [`SandboxError::OutRefundNoUsed`] for a reused number with other content,
/// [`SandboxError::OrderState`] unless the order is paid, [`SandboxError::Invalid`] for an
/// amount that is not positive or a total that is not the order's,
/// [`SandboxError::OverRefund`] when the refunds not closed would exceed the order's amount.
pub fn request(
    order: &Order,
    refunds: &[Refund],
    existing: Option<&Refund>,
    draft: Refund,
) -> Result<Requested, SandboxError> {
    if let Some(existing) = existing {
        return if existing.fingerprint == draft.fingerprint {
            Ok(Requested::Again(existing.clone()))
        } else {
            Err(SandboxError::OutRefundNoUsed(draft.out_refund_no))
        };
    }
    if !matches!(order.state, TradeState::Success | TradeState::Refund) {
        return Err(state_error(order, order.state, "refund"));
    }
    if draft.refund <= 0 {
        return Err(SandboxError::Invalid(format!(
            "refund {:?}: the amount must be positive",
            draft.out_refund_no
        )));
    }
    if draft.total != order.total {
        return Err(SandboxError::Invalid(format!(
            "refund {:?}: amount.total {} is not order {:?}'s amount {}",
            draft.out_refund_no, draft.total, order.out_trade_no, order.total
        )));
    }
    // In i128: a sum of i64 amounts cannot overflow it, so no total wraps past the paid one.
    let so_far: i128 = refunds
        .iter()
        .filter(|r| r.state != RefundState::Closed)
        .map(|r| i128::from(r.refund))
        .sum();
    let would_total = so_far + i128::from(draft.refund);
    if would_total > i128::from(order.total) {
        return Err(SandboxError::OverRefund {
            out_trade_no: order.out_trade_no.clone(),
            requested: draft.refund,
            would_total: i64::try_from(would_total).unwrap_or(i64::MAX),
            paid: order.total,
        });
    }
    Ok(Requested::New(draft))
}

/// Completes a `PROCESSING` refund with `status` at `now_millis`.
///
/// Errors: [`SandboxError::RefundState`] when it has completed already;
/// [`SandboxError::Invalid`] for `PROCESSING`.
pub fn complete(
    refund: &Refund,
    status: RefundState,
    now_millis: u64,
) -> Result<Refund, SandboxError> {
    if refund.state != RefundState::Processing {
        return Err(SandboxError::RefundState {
            out_refund_no: refund.out_refund_no.clone(),
            state: refund.state.as_str(),
            operation: "complete",
        });
    }
    if status == RefundState::Processing {
        return Err(SandboxError::Invalid(
            "a refund completes as SUCCESS, CLOSED or ABNORMAL".to_owned(),
        ));
    }
    let mut done = refund.clone();
    done.state = status;
    done.completed_at = Some(now_millis);
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::orders::tests::order;

    fn refund(no: &str, amount: i64, total: i64) -> Refund {
        Refund {
            is_virtual: false,
            mchid: "1900000109".into(),
            out_refund_no: no.into(),
            refund_id: format!("5000-{no}"),
            out_trade_no: "A1".into(),
            transaction_id: "4200-tx".into(),
            refund: amount,
            total,
            currency: "CNY".into(),
            reason: None,
            callback_url: "http://127.0.0.1:1/refund".into(),
            fingerprint: format!("{no}/{amount}"),
            state: RefundState::Processing,
            created_at: 1,
            completed_at: None,
        }
    }

    fn paid(total: i64) -> Order {
        let mut order = order("A1", total);
        order.state = TradeState::Success;
        order
    }

    #[test]
    fn refunds_never_exceed_what_was_paid_and_closed_ones_do_not_count() {
        let order = paid(100);
        let first = refund("R1", 60, 100);
        assert_eq!(request(&order, &[], None, first.clone()), Ok(Requested::New(first.clone())));
        let over = request(&order, std::slice::from_ref(&first), None, refund("R2", 41, 100));
        assert!(matches!(over, Err(SandboxError::OverRefund { would_total: 101, paid: 100, .. })));
        let mut closed = first.clone();
        closed.state = RefundState::Closed;
        assert!(request(&order, &[closed], None, refund("R2", 100, 100)).is_ok());
        assert!(matches!(
            request(&order, &[], None, refund("R3", 0, 100)),
            Err(SandboxError::Invalid(_))
        ));
        assert!(matches!(
            request(&order, &[], None, refund("R3", 10, 99)),
            Err(SandboxError::Invalid(_))
        ));
    }

    #[test]
    fn refunds_of_the_largest_amounts_never_wrap_past_what_was_paid() {
        let order = paid(i64::MAX);
        let first = refund("R1", i64::MAX, i64::MAX);
        assert!(request(&order, &[], None, first.clone()).is_ok());
        for amount in [i64::MAX, 1] {
            let again =
                request(&order, std::slice::from_ref(&first), None, refund("R2", amount, i64::MAX));
            assert!(
                matches!(again, Err(SandboxError::OverRefund { paid: i64::MAX, .. })),
                "{amount}: {again:?}"
            );
        }
        let two = [first.clone(), refund("R2", i64::MAX, i64::MAX)];
        assert!(matches!(
            request(&order, &two, None, refund("R3", 1, i64::MAX)),
            Err(SandboxError::OverRefund { would_total: i64::MAX, .. })
        ));
    }

    #[test]
    fn a_refund_number_is_unique_and_only_paid_orders_refund() {
        let order = paid(100);
        let first = refund("R1", 60, 100);
        assert_eq!(
            request(&order, std::slice::from_ref(&first), Some(&first), first.clone()),
            Ok(Requested::Again(first.clone()))
        );
        assert_eq!(
            request(&order, std::slice::from_ref(&first), Some(&first), refund("R1", 10, 100)),
            Err(SandboxError::OutRefundNoUsed("R1".into()))
        );
        let unpaid = crate::sandbox::orders::tests::order("A1", 100);
        assert!(matches!(
            request(&unpaid, &[], None, refund("R2", 1, 100)),
            Err(SandboxError::OrderState { state: "NOTPAY", .. })
        ));
    }

    #[test]
    fn a_refund_completes_once() {
        let processing = refund("R1", 60, 100);
        let done = complete(&processing, RefundState::Success, 9).unwrap();
        assert_eq!((done.state, done.completed_at), (RefundState::Success, Some(9)));
        assert!(matches!(
            complete(&done, RefundState::Closed, 10),
            Err(SandboxError::RefundState { state: "SUCCESS", .. })
        ));
        assert!(complete(&processing, RefundState::Processing, 9).is_err());
    }
}
