//! The cashier at `/cashier`: takes a `wx.requestPayment` or `wx.requestVirtualPayment` object
//! (pasted JSON, or query parameters as a front end passes them), checks it as a superapp
//! would (`check`), and shows the payment sheet with Pay, Fail and Cancel, or every check that
//! failed. Pay and Fail drive the order and send its callback; the result page follows the
//! delivery.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{Markup, html};
use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_hyper::delivery::CallbackId;
use serde::Deserialize;

use super::check::{self, Context, Failure, Sheet};
use super::input::{PageForm, PageQuery};
use super::layout::{Page, note, page as layout};
use super::markup::{deliveries, trade_state};
use super::{Note, Web, back, back_bad, html};
use crate::sandbox::orders::{self, PayResult};

/// The parameters a front end passes, by wire name: both JS APIs'.
const PARAMS: [&str; 9] = [
    "timeStamp",
    "nonceStr",
    "package",
    "signType",
    "paySign",
    "signData",
    "mode",
    "signature",
    "paySig",
];

/// An object received, of either JS API.
enum Received {
    Payment(request_payment::Params),
    Virtual(request_virtual_payment::Params),
}

/// Reads pasted JSON as the object of one JS API: `signData` makes it virtual.
fn parse(text: &str) -> Result<Received, Vec<Failure>> {
    let fail = |check, reason: String| vec![Failure { check, reason }];
    // Read as a superapp reads it: a member given twice (two `package`s) is refused, not
    // taken as the last one.
    let value: serde_json::Value = crate::tools::read_json(text.trim().as_bytes())
        .map_err(|e| fail("JSON", format!("the text is not a JSON object: {e}")))?;
    if !value.is_object() {
        return Err(fail("JSON", "pass the object given to wx.requestPayment, {…}".into()));
    }
    if value.get("signData").is_some() {
        serde_json::from_value(value)
            .map(Received::Virtual)
            .map_err(|e| fail("parameters", format!("not a wx.requestVirtualPayment object: {e}")))
    } else {
        serde_json::from_value(value)
            .map(Received::Payment)
            .map_err(|e| fail("parameters", format!("not a wx.requestPayment object: {e}")))
    }
}

/// Parses and checks `text` against the sandbox's state now.
async fn check_text(web: &Web, text: &str) -> Result<Sheet, Vec<Failure>> {
    let received = parse(text)?;
    let all_orders = web
        .core
        .store
        .orders()
        .await
        .map_err(|e| vec![Failure { check: "sandbox state", reason: e.to_string() }])?;
    let ctx = Context {
        merchant_keys: &web.merchant_keys,
        app_key: &web.app_key,
        session_keys: &web.session_keys,
        orders: &all_orders,
        now: web.core.now(),
    };
    match received {
        Received::Payment(params) => check::payment(&params, &ctx),
        Received::Virtual(params) => check::virtual_payment(&params, &ctx),
    }
}

/// `GET /cashier`: empty, or checking `?json=…` or the parameters themselves as a query.
pub(super) async fn page(
    State(web): State<Arc<Web>>,
    PageQuery(query): PageQuery<BTreeMap<String, String>>,
) -> Html<String> {
    let given = query.get("json").cloned().or_else(|| {
        let object: serde_json::Map<_, _> = PARAMS
            .iter()
            .filter_map(|name| {
                let value = query.get(*name)?;
                Some(((*name).to_owned(), serde_json::Value::String(value.clone())))
            })
            .collect();
        (!object.is_empty()).then(|| serde_json::Value::Object(object).to_string())
    });
    let note_kept = web.note(query.get("note").map(String::as_str));
    let result = match given.as_deref() {
        Some(text) => Some(check_text(&web, text).await),
        None => None,
    };
    html(render(given.as_deref().unwrap_or(""), note_kept, result))
}

#[derive(Deserialize)]
pub(super) struct CheckForm {
    json: String,
}

/// `POST /cashier`: checks the pasted object.
pub(super) async fn submit(
    State(web): State<Arc<Web>>,
    PageForm(form): PageForm<CheckForm>,
) -> Html<String> {
    let result = check_text(&web, &form.json).await;
    html(render(&form.json, None, Some(result)))
}

fn render(
    text: &str,
    note_kept: Option<Note>,
    result: Option<Result<Sheet, Vec<Failure>>>,
) -> Markup {
    layout(
        "Cashier",
        Page::Cashier,
        html! {
            (note(note_kept))
            @match &result {
                Some(Ok(sheet)) => (sheet_markup(sheet, text)),
                Some(Err(failures)) => section #refused {
                    h2.bad { "The superapp would refuse this payment" }
                    ul.failures { @for failure in failures {
                        li data-check=(failure.check) { b { code { (failure.check) } } ": " (failure.reason) }
                    } }
                },
                None => {},
            }
            section {
                h2 { "Check a wx.requestPayment or wx.requestVirtualPayment object" }
                p.muted {
                    "Paste the object your mini program passes to the JS API, as JSON, or open "
                    code { "/cashier?timeStamp=…&nonceStr=…&package=prepay_id%3D…&signType=RSA&paySign=…" }
                    ". The cashier checks it as a superapp would: paySign with the merchant's public \
                     key (paySig and signature with the AppKey and the payer's session_key), the \
                     order behind package (signData.outTradeNo), and that it can still be paid."
                }
                form method="post" action="/cashier" {
                    textarea #params name="json" spellcheck="false" aria-label="parameters" placeholder=r#"{"timeStamp":"…","nonceStr":"…","package":"prepay_id=…","signType":"RSA","paySign":"…"}"# { (text) }
                    p { button.primary #check type="submit" { "Check" } }
                }
            }
        },
    )
}

fn sheet_markup(sheet: &Sheet, text: &str) -> Markup {
    let order = &sheet.order;
    html! {
        section.sheet #sheet {
            div.muted { "Pay merchant " code { (order.mchid) } }
            div.amount #amount { (sheet.amount) }
            div #description { (order.description) }
            dl {
                dt { "Order" } dd { code { (order.out_trade_no) } }
                dt { "prepayId" } dd { code { (order.prepay_id) } }
                dt { "Mini program" } dd { code { (order.appid) } }
                dt { "Payer" } dd { code { (order.user_id) } }
                @if let Some(goods) = &order.goods {
                    dt { "Goods" } dd { (goods.goods_name) " × " (goods.quantity) }
                }
                dt { "State" } dd { (trade_state(order.state)) }
            }
            form.actions method="post" action="/cashier/pay" {
                input type="hidden" name="json" value=(text);
                button.primary #pay type="submit" name="action" value="pay" { "Pay" }
                button.danger #fail type="submit" name="action" value="fail" { "Fail" }
                button #cancel type="submit" name="action" value="cancel" { "Cancel" }
            }
        }
    }
}

#[derive(Deserialize)]
pub(super) struct ActForm {
    json: String,
    action: Action,
}

/// What the user chose on the payment sheet.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Action {
    Pay,
    Fail,
    Cancel,
}

/// `POST /cashier/pay`: checks again, then pays, fails or cancels.
pub(super) async fn act(
    State(web): State<Arc<Web>>,
    PageForm(form): PageForm<ActForm>,
) -> Response {
    let sheet = match check_text(&web, &form.json).await {
        Ok(sheet) => sheet,
        Err(failures) => {
            return html(render(&form.json, None, Some(Err(failures)))).into_response();
        }
    };
    let order = &sheet.order;
    let result = match form.action {
        Action::Pay => PayResult::Success,
        Action::Fail => PayResult::Payerror,
        Action::Cancel => {
            return back(
                &web,
                "/cashier",
                format!(
                    "Cancelled: order {} stays unpaid; the front end gets a cancel",
                    order.out_trade_no
                ),
            )
            .into_response();
        }
    };
    match web.core.pay(&order.out_trade_no, Some(&order.mchid), result).await {
        Ok((paid, callback)) => Redirect::to(&format!(
            "/cashier/result?{}",
            result_query(&paid.mchid, &paid.out_trade_no, callback.0)
        ))
        .into_response(),
        Err(error) => back_bad(&web, "/cashier", error.to_string()).into_response(),
    }
}

fn result_query(mchid: &str, out_trade_no: &str, callback: u64) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    format!(
        "mchid={}&out_trade_no={}&callback={callback}",
        utf8_percent_encode(mchid, NON_ALPHANUMERIC),
        utf8_percent_encode(out_trade_no, NON_ALPHANUMERIC)
    )
}

#[derive(Deserialize)]
pub(super) struct ResultQuery {
    mchid: String,
    out_trade_no: String,
    callback: u64,
}

/// `GET /cashier/result`: the order and its callback's delivery.
pub(super) async fn result(
    State(web): State<Arc<Web>>,
    PageQuery(query): PageQuery<ResultQuery>,
) -> Html<String> {
    let live = result_part(&web, &query).await;
    html(layout("Payment result", Page::Cashier, live))
}

/// `GET /cashier/result/live`: the live part of the result page.
pub(super) async fn result_live(
    State(web): State<Arc<Web>>,
    PageQuery(query): PageQuery<ResultQuery>,
) -> Html<String> {
    html(result_part(&web, &query).await)
}

async fn result_part(web: &Web, query: &ResultQuery) -> Markup {
    let again = result_query(&query.mchid, &query.out_trade_no, query.callback);
    let now = web.core.now();
    let order = web.core.find_order(&query.out_trade_no, Some(&query.mchid)).await;
    let records = web.deliveries().await.unwrap_or_default();
    let mine: Vec<_> = records.into_iter().filter(|r| r.id == CallbackId(query.callback)).collect();
    let pending = super::markup::any_pending(&mine);
    html! {
        div #live data-pending=(pending) data-src=(format!("/cashier/result/live?{again}")) {
            section #result {
                @match &order {
                    Ok(order) => {
                        h2 { "Order " code { (order.out_trade_no) } " " (trade_state(orders::state_at(order, now))) }
                        p { (order.description) " · " (check::amount(order.total, &order.currency)) }
                    },
                    Err(error) => p.bad { (error.to_string()) },
                }
                p { a href="/cashier" { "Check another object" } " · " a href="/" { "Open the console" } }
            }
            section #callbacks {
                h2 { "Callback " @if pending { small.wait { "pending… refreshing" } } }
                (deliveries(&mine, false))
            }
        }
    }
}
