//! What the sandbox refuses, each with the status and `returnCode` of its error envelope.

use http::StatusCode;
use sas_hyper::server::HandlerError;

/// A request the sandbox refuses: the caller's fault unless said otherwise. Messages name
/// the order, refund or user concerned, never a key, code or encrypted value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// No such user.
    #[error("no user {0:?}")]
    UserNotFound(String),
    /// A temporary code that is unknown, used, expired, another user's or of another kind.
    #[error("the temporary code is unknown, already used, expired, or not for this user and value")]
    BadCode,
    /// No such order for this merchant.
    #[error("no order {0:?} for this merchant")]
    OrderNotFound(String),
    /// No such refund for this merchant.
    #[error("no refund {0:?} for this merchant")]
    RefundNotFound(String),
    /// An order number used before with different content.
    #[error(
        "out_trade_no {0:?} was used before with different content (the same order sent again gets the same prepayId)"
    )]
    OutTradeNoUsed(String),
    /// A refund number used before with different content.
    #[error("out_refund_no {0:?} was used before with different content")]
    OutRefundNoUsed(String),
    /// An order whose `time_expire` has passed.
    #[error("order {0:?} expired unpaid at its time_expire")]
    Expired(String),
    /// An order that is not in a state the operation accepts.
    #[error("order {out_trade_no:?} is {state}: cannot {operation}")]
    OrderState {
        /// The order.
        out_trade_no: String,
        /// Its state (`CLOSED`).
        state: &'static str,
        /// What was tried (`pay`).
        operation: &'static str,
    },
    /// A refund that is not in a state the operation accepts.
    #[error("refund {out_refund_no:?} is {state}: cannot {operation}")]
    RefundState {
        /// The refund.
        out_refund_no: String,
        /// Its state.
        state: &'static str,
        /// What was tried.
        operation: &'static str,
    },
    /// Refunds that would exceed what was paid.
    #[error(
        "refunding {requested} would bring order {out_trade_no:?}'s refunds to {would_total}, more than the {paid} paid"
    )]
    OverRefund {
        /// The order.
        out_trade_no: String,
        /// This refund, in cents.
        requested: i64,
        /// The refunds with this one, in cents.
        would_total: i64,
        /// The order's amount, in cents.
        paid: i64,
    },
    /// A value the sandbox cannot accept (a past `time_expire`, an amount that differs from the
    /// order's, a malformed admin request).
    #[error("{0}")]
    Invalid(String),
    /// The sandbox failed (a callback it cannot sign): its fault, not the caller's.
    #[error("the sandbox failed: {0}")]
    Internal(String),
}

impl SandboxError {
    /// The HTTP status of its envelope.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::UserNotFound(_) | Self::OrderNotFound(_) | Self::RefundNotFound(_) => {
                StatusCode::NOT_FOUND
            }
            Self::OutTradeNoUsed(_) | Self::OutRefundNoUsed(_) => StatusCode::CONFLICT,
            Self::OrderState { .. } | Self::RefundState { .. } | Self::Expired(_) => {
                StatusCode::FORBIDDEN
            }
            Self::BadCode | Self::OverRefund { .. } | Self::Invalid(_) => StatusCode::BAD_REQUEST,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The envelope's `returnCode`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UserNotFound(_) => "USER_NOT_FOUND",
            Self::BadCode => "INVALID_TEMPORARY_CODE",
            Self::OrderNotFound(_) => "ORDER_NOT_EXIST",
            Self::RefundNotFound(_) => "RESOURCE_NOT_EXISTS",
            Self::OutTradeNoUsed(_) => "OUT_TRADE_NO_USED",
            Self::OutRefundNoUsed(_) => "OUT_REFUND_NO_USED",
            Self::Expired(_) => "ORDER_EXPIRED",
            Self::OrderState { state: "SUCCESS" | "REFUND", .. } => "ORDER_PAID",
            Self::OrderState { state: "CLOSED", .. } => "ORDER_CLOSED",
            Self::OrderState { .. } => "ORDER_NOT_PAID",
            Self::RefundState { .. } => "REFUND_COMPLETED",
            Self::OverRefund { .. } => "NOT_ENOUGH",
            Self::Invalid(_) => "PARAM_ERROR",
            Self::Internal(_) => "SYSTEM_ERROR",
        }
    }
}

impl From<SandboxError> for HandlerError {
    fn from(error: SandboxError) -> Self {
        match error {
            SandboxError::Internal(cause) => HandlerError::internal(cause),
            error => HandlerError::api(error.status(), error.code(), error.to_string()),
        }
    }
}
