//! 2.1, 2.3, 2.4, 3.1 and 4.1: orders placed, queried and closed. `PaySig` and `Authorization`
//! were checked by sas-hyper before these run.

use sas_core::api::payment::{close_order, create_jsapi_order, query_order};
use sas_core::api::virtual_payment::{create_mini_game_order, create_mini_program_order};
use sas_core::endpoint::ApiRequest;
use sas_core::types::StringOr;

use crate::sandbox::core::{Core, check_callback_url};
use crate::sandbox::error::SandboxError;
use crate::sandbox::model::{Order, OrderKey, OrderKind, TradeState, VirtualGoods};
use crate::sandbox::orders::{self, Placed};
use crate::sandbox::time::parse_rfc3339;

/// A request's content: its header values and JSON body, to tell a repeated request from a
/// different one under the same number.
pub(super) fn fingerprint<R: ApiRequest>(request: &R) -> Result<String, SandboxError> {
    let body = serde_json::to_string(request).map_err(|e| SandboxError::Internal(e.to_string()))?;
    let headers: Vec<String> =
        request.header_values().into_iter().map(|(n, v)| format!("{n}:{v}")).collect();
    Ok(format!("{}\n{body}", headers.join("\n")))
}

/// The merchant a message names must be the one its signature proved.
fn same_merchant(proved: &str, named: &str) -> Result<(), SandboxError> {
    if proved == named {
        Ok(())
    } else {
        Err(SandboxError::Invalid(format!(
            "TC-MerchantID {named:?} is not the merchant that signed ({proved:?})"
        )))
    }
}

/// The fields every new order starts with.
struct NewOrder<'a> {
    kind: OrderKind,
    mchid: &'a str,
    out_trade_no: &'a str,
    appid: &'a str,
    application_id: &'a str,
    description: &'a str,
    user_id: &'a str,
    open_id: &'a str,
    total: i64,
    currency: &'a str,
    callback_url: &'a str,
}

impl Core {
    fn draft(&self, new: NewOrder<'_>, fingerprint: String) -> Result<Order, SandboxError> {
        check_callback_url(new.callback_url)?;
        Ok(Order {
            kind: new.kind,
            mchid: new.mchid.to_owned(),
            out_trade_no: new.out_trade_no.to_owned(),
            prepay_id: Core::new_id("wx", 16)?,
            transaction_id: Core::new_id("4200", 12)?,
            appid: new.appid.to_owned(),
            application_id: new.application_id.to_owned(),
            description: new.description.to_owned(),
            user_id: new.user_id.to_owned(),
            open_id: new.open_id.to_owned(),
            total: new.total,
            currency: new.currency.to_owned(),
            attach: None,
            time_expire: None,
            callback_url: new.callback_url.to_owned(),
            fingerprint,
            state: TradeState::Notpay,
            created_at: self.now().as_millis(),
            paid_at: None,
            goods: None,
        })
    }

    /// Stores `draft` unless its number is taken: the same order again gives the first.
    async fn place(&self, draft: Order) -> Result<Order, SandboxError> {
        let now = self.now();
        let key = draft.key();
        let mut draft = Some(draft);
        self.store
            .update_order(&key, &mut |existing| {
                let draft =
                    draft.take().ok_or_else(|| SandboxError::Internal("placed twice".into()))?;
                orders::place(existing, draft, now).map(|placed| match placed {
                    Placed::New(order) | Placed::Again(order) => order,
                })
            })
            .await
    }

    pub(crate) async fn create_jsapi_order(
        &self,
        mchid: &str,
        request: create_jsapi_order::Request,
    ) -> Result<create_jsapi_order::Response, SandboxError> {
        same_merchant(mchid, &request.merchant_id)?;
        let time_expire = parse_rfc3339(&request.time_expire).ok_or_else(|| {
            SandboxError::Invalid("time_expire is not an RFC 3339 date-time".to_owned())
        })?;
        let mut draft = self.draft(
            NewOrder {
                kind: OrderKind::Jsapi,
                mchid,
                out_trade_no: &request.out_trade_no,
                appid: &request.appid,
                application_id: &request.application_id,
                description: &request.description,
                user_id: &request.user_id,
                open_id: &request.payer.openid,
                total: request.amount.total,
                currency: request.amount.currency.as_deref().unwrap_or("CNY"),
                callback_url: &request.payment_callback,
            },
            fingerprint(&request)?,
        )?;
        draft.attach.clone_from(&request.attach);
        draft.time_expire = Some(time_expire.as_millis());
        let order = self.place(draft).await?;
        Ok(create_jsapi_order::Response::new(create_jsapi_order::Prepay::new(order.prepay_id)))
    }

    pub(crate) async fn query_order(
        &self,
        mchid: &str,
        request: query_order::Request,
    ) -> Result<query_order::Response, SandboxError> {
        same_merchant(mchid, &request.mchid)?;
        let order = self.find_order(&request.out_trade_no, Some(mchid)).await?;
        let state = orders::state_at(&order, self.now());
        let mut view = query_order::Order::from(query_order::OrderInit {
            app_id: &order.appid,
            mchid: &order.mchid,
            out_trade_no: &order.out_trade_no,
            transaction_id: &order.transaction_id,
            trade_state: match state {
                TradeState::Notpay => query_order::TradeState::Notpay,
                TradeState::Success => query_order::TradeState::Success,
                TradeState::Payerror => query_order::TradeState::Payerror,
                TradeState::Closed => query_order::TradeState::Closed,
                TradeState::Refund => query_order::TradeState::Refund,
            },
            trade_state_desc: orders::describe(state),
        });
        if order.kind == OrderKind::Jsapi {
            view.trade_type = Some(query_order::TradeType::Jsapi);
        }
        let mut amount = query_order::OrderAmount::new();
        amount.total = Some(order.total);
        amount.currency = Some(order.currency.clone());
        if matches!(state, TradeState::Success | TradeState::Refund) {
            view.bank_type = Some("OTHERS".to_owned());
            view.success_time = order.paid_at.map(|m| crate::sandbox::time::rfc3339(m.into_time()));
            let mut payer = query_order::Payer::new();
            payer.openid = Some(order.open_id.clone());
            view.payer = Some(StringOr::Object(payer));
            amount.payer_total = Some(order.total);
            amount.payer_currency = Some(order.currency.clone());
        }
        view.amount = Some(amount);
        Ok(query_order::Response::new(view))
    }

    pub(crate) async fn close_order(
        &self,
        mchid: &str,
        request: close_order::Request,
    ) -> Result<close_order::Response, SandboxError> {
        same_merchant(mchid, &request.mchid)?;
        let key = OrderKey::new(mchid, &request.out_trade_no);
        self.store
            .update_order(&key, &mut |existing| {
                let order = existing
                    .ok_or_else(|| SandboxError::OrderNotFound(request.out_trade_no.clone()))?;
                orders::close(order)
            })
            .await?;
        Ok(close_order::Response::new("OK".to_owned()))
    }

    pub(crate) async fn create_mini_game_order(
        &self,
        mchid: &str,
        request: create_mini_game_order::Request,
    ) -> Result<create_mini_game_order::Response, SandboxError> {
        same_merchant(mchid, &request.merchant_id)?;
        let sign_data = request
            .sign_data
            .parse()
            .map_err(|e| SandboxError::Invalid(format!("SignData: {e}")))?;
        let goods = VirtualGoods {
            product_id: sign_data.product_id.clone(),
            quantity: sign_data.buy_quantity,
            unit_price: sign_data.goods_price,
            goods_name: request.goods_name.clone(),
            order_source: request.order_source,
            event: request.event.clone(),
        };
        let order = self
            .place_virtual(
                OrderKind::MiniGame,
                mchid,
                VirtualRequest {
                    out_trade_no: &sign_data.out_trade_no,
                    currency: &sign_data.currency_type,
                    attach: sign_data.attach.as_deref(),
                    mini_app_id: &request.mini_app_id,
                    application_id: &request.application_id,
                    user_id: &request.user_id,
                    open_id: &request.platform_user_id,
                    callback_url: &request.payment_callback,
                },
                goods,
                fingerprint(&request)?,
            )
            .await?;
        Ok(create_mini_game_order::Response::new(create_mini_game_order::Prepay::new(
            order.prepay_id,
        )))
    }

    pub(crate) async fn create_mini_program_order(
        &self,
        mchid: &str,
        request: create_mini_program_order::Request,
    ) -> Result<create_mini_program_order::Response, SandboxError> {
        same_merchant(mchid, &request.merchant_id)?;
        let sign_data = request
            .sign_data
            .parse()
            .map_err(|e| SandboxError::Invalid(format!("SignData: {e}")))?;
        let goods = VirtualGoods {
            product_id: sign_data.product_id.clone(),
            quantity: sign_data.buy_quantity,
            unit_price: sign_data.goods_price,
            goods_name: request.goods_name.clone(),
            order_source: request.order_source,
            event: request.event.clone(),
        };
        let order = self
            .place_virtual(
                OrderKind::MiniProgram,
                mchid,
                VirtualRequest {
                    out_trade_no: &sign_data.out_trade_no,
                    currency: &sign_data.currency_type,
                    attach: sign_data.attach.as_deref(),
                    mini_app_id: &request.mini_app_id,
                    application_id: &request.application_id,
                    user_id: &request.user_id,
                    open_id: &request.platform_user_id,
                    callback_url: &request.payment_callback,
                },
                goods,
                fingerprint(&request)?,
            )
            .await?;
        Ok(create_mini_program_order::Response::new(create_mini_program_order::Prepay::new(
            order.prepay_id,
        )))
    }

    async fn place_virtual(
        &self,
        kind: OrderKind,
        mchid: &str,
        request: VirtualRequest<'_>,
        goods: VirtualGoods,
        fingerprint: String,
    ) -> Result<Order, SandboxError> {
        let total =
            goods.unit_price.checked_mul(goods.quantity).filter(|t| *t > 0).ok_or_else(|| {
                SandboxError::Invalid("goodsPrice × buyQuantity is not a positive amount".into())
            })?;
        let mut draft = self.draft(
            NewOrder {
                kind,
                mchid,
                out_trade_no: request.out_trade_no,
                appid: request.mini_app_id,
                application_id: request.application_id,
                description: &goods.goods_name,
                user_id: request.user_id,
                open_id: request.open_id,
                total,
                currency: request.currency,
                callback_url: request.callback_url,
            },
            fingerprint,
        )?;
        draft.attach = request.attach.map(str::to_owned);
        draft.goods = Some(goods);
        self.place(draft).await
    }
}

/// The parts of 3.1 and 4.1 an order keeps.
struct VirtualRequest<'a> {
    out_trade_no: &'a str,
    currency: &'a str,
    attach: Option<&'a str>,
    mini_app_id: &'a str,
    application_id: &'a str,
    user_id: &'a str,
    open_id: &'a str,
    callback_url: &'a str,
}

/// Milliseconds as a [`sas_core::time::UnixTime`].
trait IntoTime {
    fn into_time(self) -> sas_core::time::UnixTime;
}

impl IntoTime for u64 {
    fn into_time(self) -> sas_core::time::UnixTime {
        sas_core::time::UnixTime::from_millis(self)
    }
}
