//! 5.1.1, 5.1.2 and 5.2.1: refunds requested and queried. Completing them is the payment
//! system's part, played by `POST /sandbox/refunds/{out_refund_no}/complete`.

use sas_core::api::common::{
    Refund as RefundView, RefundAmount, RefundAmountInit, RefundInit, Status,
};
use sas_core::api::refund::{create_refund, create_virtual_refund, query_refund};

use super::orders::fingerprint;
use crate::sandbox::core::{Core, check_callback_url};
use crate::sandbox::error::SandboxError;
use crate::sandbox::model::{Order, OrderKey, Refund, RefundState};
use crate::sandbox::refunds::{self, Requested};
use crate::sandbox::time::rfc3339;

/// What a refund request names.
struct RefundRequest<'a> {
    is_virtual: bool,
    mchid: &'a str,
    out_trade_no: Option<&'a str>,
    transaction_id: Option<&'a str>,
    out_refund_no: &'a str,
    refund: i64,
    total: i64,
    currency: &'a str,
    reason: Option<&'a str>,
    callback_url: &'a str,
    fingerprint: String,
}

impl Core {
    /// The refunded order: by `out_trade_no`, else by `transaction_id`.
    async fn refunded_order(&self, request: &RefundRequest<'_>) -> Result<Order, SandboxError> {
        let found = match (request.out_trade_no, request.transaction_id) {
            (Some(no), _) => self.store.order(&OrderKey::new(request.mchid, no)).await?,
            (None, Some(id)) => self.store.order_by_transaction(request.mchid, id).await?,
            (None, None) => {
                return Err(SandboxError::Invalid(
                    "name the order by out_trade_no or transaction_id".to_owned(),
                ));
            }
        };
        let name = request.out_trade_no.or(request.transaction_id).unwrap_or_default();
        let order = found.ok_or_else(|| SandboxError::OrderNotFound(name.to_owned()))?;
        if order.kind.is_virtual() != request.is_virtual {
            return Err(SandboxError::Invalid(if request.is_virtual {
                format!("order {:?} is a JSAPI order: refund it with 5.1.1", order.out_trade_no)
            } else {
                format!("order {:?} is a virtual order: refund it with 5.2.1", order.out_trade_no)
            }));
        }
        Ok(order)
    }

    async fn request_refund(&self, request: RefundRequest<'_>) -> Result<Refund, SandboxError> {
        check_callback_url(request.callback_url)?;
        let order = self.refunded_order(&request).await?;
        let draft = Refund {
            is_virtual: request.is_virtual,
            mchid: request.mchid.to_owned(),
            out_refund_no: request.out_refund_no.to_owned(),
            refund_id: Core::new_id("5030", 12)?,
            out_trade_no: order.out_trade_no.clone(),
            transaction_id: order.transaction_id.clone(),
            refund: request.refund,
            total: request.total,
            currency: request.currency.to_owned(),
            reason: request.reason.map(str::to_owned),
            callback_url: request.callback_url.to_owned(),
            fingerprint: request.fingerprint,
            state: RefundState::Processing,
            created_at: self.now().as_millis(),
            completed_at: None,
        };
        let key = (draft.mchid.clone(), draft.out_refund_no.clone());
        let mut draft = Some(draft);
        self.store
            .request_refund(&order.key(), &key, &mut |order, so_far, existing| {
                let draft =
                    draft.take().ok_or_else(|| SandboxError::Internal("requested twice".into()))?;
                refunds::request(order, so_far, existing, draft).map(|requested| match requested {
                    Requested::New(refund) | Requested::Again(refund) => refund,
                })
            })
            .await
    }

    pub(crate) async fn create_refund(
        &self,
        mchid: &str,
        request: create_refund::Request,
    ) -> Result<create_refund::Response, SandboxError> {
        let refund = self
            .request_refund(RefundRequest {
                is_virtual: false,
                mchid,
                out_trade_no: request.out_trade_no.as_deref(),
                transaction_id: request.transaction_id.as_deref(),
                out_refund_no: &request.out_refund_no,
                refund: request.amount.refund,
                total: request.amount.total,
                currency: &request.amount.currency,
                reason: request.reason.as_deref(),
                callback_url: &request.payment_callback,
                fingerprint: fingerprint(&request)?,
            })
            .await?;
        Ok(create_refund::Response::new(view(&refund)))
    }

    pub(crate) async fn query_refund(
        &self,
        mchid: &str,
        request: query_refund::Request,
    ) -> Result<query_refund::Response, SandboxError> {
        let refund = self
            .store
            .refund(&(mchid.to_owned(), request.out_refund_no.clone()))
            .await?
            .ok_or_else(|| SandboxError::RefundNotFound(request.out_refund_no.clone()))?;
        Ok(query_refund::Response::new(view(&refund)))
    }

    pub(crate) async fn create_virtual_refund(
        &self,
        mchid: &str,
        request: create_virtual_refund::Request,
    ) -> Result<create_virtual_refund::Response, SandboxError> {
        if request.merchant_id != mchid {
            return Err(SandboxError::Invalid(format!(
                "TC-MerchantID {:?} is not the merchant whose AppKey signed",
                request.merchant_id
            )));
        }
        let refund = self
            .request_refund(RefundRequest {
                is_virtual: true,
                mchid,
                out_trade_no: request.out_trade_no.as_deref(),
                transaction_id: request.transaction_id.as_deref(),
                out_refund_no: &request.out_refund_no,
                refund: request.amount.refund,
                total: request.amount.total,
                currency: &request.amount.currency,
                reason: request.reason.as_deref(),
                callback_url: &request.payment_callback,
                fingerprint: fingerprint(&request)?,
            })
            .await?;
        Ok(create_virtual_refund::Response::new(view(&refund)))
    }
}

/// A refund as 5.1.1, 5.1.2 and 5.2.1 answer it.
fn view(refund: &Refund) -> RefundView {
    let mut view = RefundView::from(RefundInit {
        refund_id: &refund.refund_id,
        out_refund_no: &refund.out_refund_no,
        transaction_id: &refund.transaction_id,
        out_trade_no: &refund.out_trade_no,
        channel: "ORIGINAL",
        user_received_account: "sandbox wallet",
        create_time: &rfc3339(sas_core::time::UnixTime::from_millis(refund.created_at)),
        status: match refund.state {
            RefundState::Processing => Status::Processing,
            RefundState::Success => Status::Success,
            RefundState::Closed => Status::Closed,
            RefundState::Abnormal => Status::Abnormal,
        },
        amount: RefundAmount::from(RefundAmountInit {
            total: refund.total,
            refund: refund.refund,
            payer_total: refund.total,
            payer_refund: refund.refund,
            currency: &refund.currency,
            refund_fee: 0,
        }),
    });
    if refund.state == RefundState::Success {
        view.success_time =
            refund.completed_at.map(|m| rfc3339(sas_core::time::UnixTime::from_millis(m)));
    }
    view
}
