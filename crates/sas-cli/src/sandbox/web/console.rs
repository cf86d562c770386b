//! The console at `/`: every order, refund, callback delivery, user and message, and the
//! actions that play the user (pay, fail) and the payment system (complete a refund), close an
//! order, and redeliver a callback. Actions post and redirect back with a note.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{Html, Redirect};
use maud::{Markup, html};
use sas_hyper::delivery::CallbackId;
use serde::Deserialize;

use super::check::amount;
use super::input::{PageForm, PageQuery};
use super::layout::{Page, note, page as layout};
use super::markup::{self, deliveries, maybe_time, preview, refund_state, time, trade_state};
use super::{Web, back, back_bad, html};
use crate::sandbox::model::{RefundState, TradeState};
use crate::sandbox::orders::{self, PayResult};
use crate::sandbox::store_async::or_empty;

/// `?note=ID`: the result of the last action, kept by the sandbox under that ID.
#[derive(Deserialize, Default)]
pub(super) struct NoteQuery {
    note: Option<String>,
}

pub(super) async fn page(
    State(web): State<Arc<Web>>,
    PageQuery(query): PageQuery<NoteQuery>,
) -> Html<String> {
    let live = live_part(&web).await;
    html(layout(
        "Console",
        Page::Console,
        html! {
            (note(web.note(query.note.as_deref())))
            (live)
        },
    ))
}

pub(super) async fn live(State(web): State<Arc<Web>>) -> Html<String> {
    html(live_part(&web).await)
}

async fn live_part(web: &Web) -> Markup {
    let now = web.core.now();
    let all_orders: Vec<_> = or_empty("orders", web.core.store.orders().await)
        .into_iter()
        .map(|mut order| {
            order.state = orders::state_at(&order, now);
            order
        })
        .collect();
    let refunds = or_empty("refunds", web.core.store.refunds().await);
    let users = or_empty("users", web.core.store.users().await);
    let messages = or_empty("messages", web.core.store.messages().await);
    let records = web.deliveries().await;
    let pending = records.as_deref().is_ok_and(markup::any_pending);
    html! {
        div #live data-pending=(pending) data-src="/console/live" {
            section #orders {
                h2 { "Orders " small { (all_orders.len()) } }
                @if all_orders.is_empty() {
                    p.muted { "No order yet: place one (2.1, 3.1 or 4.1) against this sandbox." }
                } @else {
                    div.scroll { table {
                        thead { tr {
                            th { "out_trade_no" } th { "Kind" } th { "State" } th { "Amount" }
                            th { "Description" } th { "prepayId" } th { "Merchant" } th { "Placed" }
                            th { "Paid" } th { "Expires" } th {}
                        } }
                        tbody { @for order in &all_orders {
                            tr data-order=(order.out_trade_no) {
                                td { code { (order.out_trade_no) } }
                                td { (format!("{:?}", order.kind)) }
                                td { (trade_state(order.state)) }
                                td.num { (amount(order.total, &order.currency)) }
                                td.text { (order.description) }
                                td { code { (order.prepay_id) } }
                                td { code { (order.mchid) } }
                                td { (time(order.created_at)) }
                                td { (maybe_time(order.paid_at)) }
                                td { (maybe_time(order.time_expire)) }
                                td.actions { @if matches!(order.state, TradeState::Notpay | TradeState::Payerror) {
                                    form.inline method="post" action="/console/orders/pay" {
                                        input type="hidden" name="out_trade_no" value=(order.out_trade_no);
                                        input type="hidden" name="mchid" value=(order.mchid);
                                        button.primary type="submit" name="result" value="SUCCESS" { "Pay" }
                                        button.danger type="submit" name="result" value="PAYERROR" { "Fail" }
                                    }
                                    form.inline method="post" action="/console/orders/close" {
                                        input type="hidden" name="out_trade_no" value=(order.out_trade_no);
                                        input type="hidden" name="mchid" value=(order.mchid);
                                        button type="submit" { "Close" }
                                    }
                                } }
                            }
                        } }
                    } }
                }
            }
            section #refunds {
                h2 { "Refunds " small { (refunds.len()) } }
                @if refunds.is_empty() {
                    p.muted { "No refund yet (5.1.1, 5.2.1)." }
                } @else {
                    div.scroll { table {
                        thead { tr {
                            th { "out_refund_no" } th { "Order" } th { "State" } th { "Refund" }
                            th { "Of" } th { "Reason" } th { "Requested" } th { "Completed" } th {}
                        } }
                        tbody { @for refund in &refunds {
                            tr data-refund=(refund.out_refund_no) {
                                td { code { (refund.out_refund_no) } }
                                td { code { (refund.out_trade_no) } }
                                td { (refund_state(refund.state)) }
                                td.num { (amount(refund.refund, &refund.currency)) }
                                td.num { (amount(refund.total, &refund.currency)) }
                                td.text { (refund.reason.as_deref().unwrap_or("")) }
                                td { (time(refund.created_at)) }
                                td { (maybe_time(refund.completed_at)) }
                                td.actions { @if refund.state == RefundState::Processing {
                                    form.inline method="post" action="/console/refunds/complete" {
                                        input type="hidden" name="out_refund_no" value=(refund.out_refund_no);
                                        input type="hidden" name="mchid" value=(refund.mchid);
                                        select name="status" aria-label="refund result" {
                                            option value="SUCCESS" { "SUCCESS" }
                                            option value="CLOSED" { "CLOSED" }
                                            option value="ABNORMAL" { "ABNORMAL" }
                                        }
                                        button type="submit" { "Complete" }
                                    }
                                } }
                            }
                        } }
                    } }
                }
            }
            section #callbacks {
                h2 { "Callback deliveries " @if pending { small.wait { "pending… refreshing" } } }
                @match &records {
                    Ok(records) => (deliveries(records, true)),
                    Err(error) => p.bad { "The outbox cannot be read: " (error) },
                }
            }
            section #users {
                h2 { "Users " small { (users.len()) } }
                div.scroll { table {
                    thead { tr { th { "userId" } th { "OpenID" } th { "Nickname" } th { "E-mail" } th { "Phone" } } }
                    tbody { @for user in &users {
                        tr { td { code { (user.user_id) } } td { code { (user.open_id) } } td { (user.nickname) } td { (user.email) } td { (user.phone) } }
                    } }
                } }
            }
            section #messages {
                h2 { "Subscription messages received " small { (messages.len()) } }
                @if messages.is_empty() {
                    p.muted { "No message yet (1.7)." }
                } @else {
                    div.scroll { table {
                        thead { tr { th { "Received" } th { "Message" } } }
                        tbody { @for message in &messages {
                            tr { td { (time(message.received_at)) } td { code.long { (preview(&message.message.to_string(), 400)) } } }
                        } }
                    } }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub(super) struct PayForm {
    out_trade_no: String,
    mchid: String,
    result: PayResult,
}

pub(super) async fn pay(
    State(web): State<Arc<Web>>,
    PageForm(form): PageForm<PayForm>,
) -> Redirect {
    match web.core.pay(&form.out_trade_no, Some(&form.mchid), form.result).await {
        Ok((order, callback)) => back(
            &web,
            "/",
            format!(
                "Order {} is {}; callback #{} is on its way to {}",
                order.out_trade_no,
                order.state.as_str(),
                callback.0,
                order.callback_url
            ),
        ),
        Err(error) => back_bad(&web, "/", error.to_string()),
    }
}

#[derive(Deserialize)]
pub(super) struct OrderForm {
    out_trade_no: String,
    mchid: String,
}

pub(super) async fn close(
    State(web): State<Arc<Web>>,
    PageForm(form): PageForm<OrderForm>,
) -> Redirect {
    let result = async {
        let order = web.core.find_order(&form.out_trade_no, Some(&form.mchid)).await?;
        web.core
            .store
            .update_order(&order.key(), &mut |current| match current {
                Some(current) => orders::close(current),
                None => Err(crate::sandbox::error::SandboxError::OrderNotFound(
                    form.out_trade_no.clone(),
                )),
            })
            .await
    }
    .await;
    match result {
        Ok(order) => back(&web, "/", format!("Order {} is closed", order.out_trade_no)),
        Err(error) => back_bad(&web, "/", error.to_string()),
    }
}

#[derive(Deserialize)]
pub(super) struct CompleteForm {
    out_refund_no: String,
    mchid: String,
    status: Completion,
}

/// How the payment system completes a refund: the states a refund can end in.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub(super) enum Completion {
    Success,
    Closed,
    Abnormal,
}

impl From<Completion> for RefundState {
    fn from(completion: Completion) -> Self {
        match completion {
            Completion::Success => Self::Success,
            Completion::Closed => Self::Closed,
            Completion::Abnormal => Self::Abnormal,
        }
    }
}

pub(super) async fn complete(
    State(web): State<Arc<Web>>,
    PageForm(form): PageForm<CompleteForm>,
) -> Redirect {
    let status = form.status.into();
    match web.core.complete_refund(&form.out_refund_no, Some(&form.mchid), status).await {
        Ok((refund, callback)) => back(
            &web,
            "/",
            format!(
                "Refund {} is {}; callback #{} is on its way to {}",
                refund.out_refund_no,
                refund.state.as_str(),
                callback.0,
                refund.callback_url
            ),
        ),
        Err(error) => back_bad(&web, "/", error.to_string()),
    }
}

#[derive(Deserialize)]
pub(super) struct RedeliverForm {
    id: u64,
}

pub(super) async fn redeliver(
    State(web): State<Arc<Web>>,
    PageForm(form): PageForm<RedeliverForm>,
) -> Redirect {
    match web.core.dispatcher.redeliver(CallbackId(form.id)).await {
        Ok(()) => back(&web, "/", format!("Callback #{} is queued again", form.id)),
        Err(error) => {
            back_bad(&web, "/", format!("Callback #{} cannot be redelivered: {error}", form.id))
        }
    }
}
