//! The callbacks the sandbox sends, built from its records: 2.2 and 5.1.3 with their resource
//! sealed under the APIv3 key (a fresh 12-byte nonce each), 3.2, 4.2 and 5.2.2 with their
//! payload as a JSON string. The dispatcher signs every attempt.

use sas_core::api::common::{
    EncryptedResource, OriginalType, RefundResult, RefundResultAmount, RefundResultAmountInit,
    RefundResultInit, RefundStatus,
};
use sas_core::api::common::{GoodsInfo, GoodsInfoInit};
use sas_core::api::payment::payment_notification::{
    self, Transaction, TransactionAmount, TransactionAmountInit, TransactionInit,
};
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::callback;
use sas_core::types::{JsonString, StringOr};

use super::core::Core;
use super::error::SandboxError;
use super::model::{Order, OrderKind, Refund, RefundState, TradeState};
use super::time::rfc3339;
use sas_core::time::UnixTime;

/// A payment callback, by the API that placed the order.
pub(crate) enum Payment {
    /// 2.2.
    Jsapi(payment_notification::Request),
    /// 3.2.
    MiniGame(mini_game_payment_notification::Request),
    /// 4.2.
    MiniProgram(mini_program_payment_notification::Request),
}

fn internal(error: impl std::fmt::Display) -> SandboxError {
    SandboxError::Internal(error.to_string())
}

fn nonce() -> Result<String, SandboxError> {
    crate::keygen::random_alphanumeric(12).map_err(internal)
}

fn millis_text(millis: Option<u64>) -> String {
    millis.map(|m| rfc3339(UnixTime::from_millis(m))).unwrap_or_default()
}

/// The payment callback of a paid (or failed) order.
pub(crate) fn payment(core: &Core, order: &Order) -> Result<Payment, SandboxError> {
    let success = order.state == TradeState::Success;
    match order.kind {
        OrderKind::Jsapi => jsapi_payment(core, order, success).map(Payment::Jsapi),
        OrderKind::MiniGame => {
            let payload = mini_game_payment_notification::Payload::from(
                mini_game_payment_notification::PayloadInit {
                    open_id: &order.open_id,
                    out_trade_no: &order.out_trade_no,
                    goods_info: goods_info(order),
                    transaction_id: &order.transaction_id,
                },
            );
            let event_type = if success {
                mini_game_payment_notification::EventType::TransactionSuccess
            } else {
                mini_game_payment_notification::EventType::TransactionPayerror
            };
            let message = mini_game_payment_notification::Request::from(
                mini_game_payment_notification::RequestInit {
                    application_id: &order.application_id,
                    event_type,
                    event: &event(order),
                    pay_model: "Wallet",
                    payload: JsonString::encode(&payload).map_err(internal)?,
                },
            );
            Ok(Payment::MiniGame(message))
        }
        OrderKind::MiniProgram => {
            let paid_secs = order.paid_at.unwrap_or(order.created_at) / 1000;
            let payload = mini_program_payment_notification::Payload::from(
                mini_program_payment_notification::PayloadInit {
                    open_id: &order.open_id,
                    out_trade_no: &order.out_trade_no,
                    goods_info: goods_info(order),
                    pay_info: mini_program_payment_notification::PayInfo::new(
                        &order.out_trade_no,
                        i64::try_from(paid_secs).unwrap_or(i64::MAX),
                        &order.transaction_id,
                    ),
                },
            );
            let event_type = if success {
                mini_program_payment_notification::EventType::TransactionSuccess
            } else {
                mini_program_payment_notification::EventType::TransactionPayerror
            };
            let message = mini_program_payment_notification::Request::from(
                mini_program_payment_notification::RequestInit {
                    application_id: &order.application_id,
                    event_type,
                    event: &event(order),
                    pay_model: "Wallet",
                    payload: JsonString::encode(&payload).map_err(internal)?,
                },
            );
            Ok(Payment::MiniProgram(message))
        }
    }
}

fn event(order: &Order) -> String {
    order.goods.as_ref().map(|g| g.event.clone()).unwrap_or_default()
}

fn goods_info(order: &Order) -> GoodsInfo {
    let (product_id, quantity, unit_price, order_source) = order
        .goods
        .as_ref()
        .map(|g| (g.product_id.as_str(), g.quantity, g.unit_price, g.order_source))
        .unwrap_or(("", 1, order.total, 1));
    GoodsInfo::from(GoodsInfoInit {
        product_id,
        quantity,
        orig_price: unit_price,
        actual_price: order.total,
        attach: order.attach.as_deref().unwrap_or(""),
        order_source,
    })
}

fn jsapi_payment(
    core: &Core,
    order: &Order,
    success: bool,
) -> Result<payment_notification::Request, SandboxError> {
    let mut transaction = Transaction::from(TransactionInit {
        transaction_id: &order.transaction_id,
        mch_id: &order.mchid,
        out_trade_no: &order.out_trade_no,
        appid: &order.appid,
        trade_state: if success {
            payment_notification::TradeState::Success
        } else {
            payment_notification::TradeState::Payerror
        },
        trade_state_desc: if success { "payment succeeded" } else { "payment failed" },
        trade_type: payment_notification::TradeType::Jsapi,
        bank_type: "OTHERS",
        success_time: &millis_text(order.paid_at),
        payer: StringOr::Object({
            let mut payer = payment_notification::Payer::new();
            payer.openid = Some(order.open_id.clone());
            payer
        }),
        amount: TransactionAmount::from(TransactionAmountInit {
            total: order.total,
            payer_total: order.total,
            currency: &order.currency,
            payer_currency: &order.currency,
        }),
    });
    transaction.attach.clone_from(&order.attach);
    let id = Core::new_id("", 16)?;
    let mut message = payment_notification::Request::from(payment_notification::RequestInit {
        callback_out_trade_no: &order.out_trade_no,
        application_id: &order.application_id,
        id: &id,
        create_time: &rfc3339(core.now()),
        event_type: if success {
            payment_notification::EventType::TransactionSuccess
        } else {
            payment_notification::EventType::TransactionPayerror
        },
        summary: if success { "payment succeeded" } else { "payment failed" },
        resource: EncryptedResource::new("", OriginalType::Transaction, ""),
    });
    callback::seal(&mut message, &transaction, &core.api_v3, &nonce()?, "transaction")
        .map_err(internal)?;
    Ok(message)
}

fn refund_result(refund: &Refund) -> RefundResult {
    let status = match refund.state {
        RefundState::Success | RefundState::Processing => RefundStatus::Success,
        RefundState::Closed => RefundStatus::Closed,
        RefundState::Abnormal => RefundStatus::Abnormal,
    };
    let mut result = RefundResult::from(RefundResultInit {
        mch_id: &refund.mchid,
        transaction_id: &refund.transaction_id,
        out_trade_no: &refund.out_trade_no,
        refund_id: &refund.refund_id,
        out_refund_no: &refund.out_refund_no,
        refund_status: status,
        user_received_account: "sandbox wallet",
        amount: RefundResultAmount::from(RefundResultAmountInit {
            total: refund.total,
            refund: refund.refund,
            payer_total: refund.total,
            payer_refund: refund.refund,
            currency: &refund.currency,
        }),
    });
    if refund.state == RefundState::Success {
        result.success_time = Some(millis_text(refund.completed_at));
    }
    result
}

/// The 5.1.3 callback of a completed standard refund.
pub(crate) fn refund(
    core: &Core,
    refund: &Refund,
    order: &Order,
) -> Result<refund_notification::Request, SandboxError> {
    let (event_type, summary) = match refund.state {
        RefundState::Closed => (refund_notification::EventType::RefundClosed, "refund closed"),
        RefundState::Abnormal => {
            (refund_notification::EventType::RefundAbnormal, "refund abnormal")
        }
        _ => (refund_notification::EventType::RefundSuccess, "refund succeeded"),
    };
    let id = Core::new_id("", 16)?;
    let mut message = refund_notification::Request::from(refund_notification::RequestInit {
        callback_out_refund_no: &refund.out_refund_no,
        merchant_id: &refund.mchid,
        application_id: &order.application_id,
        id: &id,
        create_time: &rfc3339(core.now()),
        event_type,
        summary,
        resource: EncryptedResource::new("", OriginalType::Refund, ""),
    });
    callback::seal(&mut message, &refund_result(refund), &core.api_v3, &nonce()?, "refund")
        .map_err(internal)?;
    Ok(message)
}

/// The 5.2.2 callback of a completed virtual refund.
pub(crate) fn virtual_refund(
    _core: &Core,
    refund: &Refund,
    order: &Order,
) -> Result<virtual_refund_notification::Request, SandboxError> {
    use virtual_refund_notification::{Event, EventType};
    let (event_type, event) = match refund.state {
        RefundState::Closed => (EventType::RefundClosed, Event::RefundClosed),
        RefundState::Abnormal => (EventType::RefundAbnormal, Event::RefundAbnormal),
        _ => (EventType::RefundSuccess, Event::RefundSuccess),
    };
    Ok(virtual_refund_notification::Request::from(virtual_refund_notification::RequestInit {
        merchant_id: &refund.mchid,
        callback_out_refund_no: &refund.out_refund_no,
        application_id: &order.application_id,
        event_type,
        event,
        payload: JsonString::encode(&refund_result(refund)).map_err(internal)?,
    }))
}
