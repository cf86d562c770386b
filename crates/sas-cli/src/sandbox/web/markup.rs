//! Pieces both pages show: times, state badges, and the callback deliveries with every attempt.

use maud::{Markup, html};
use sas_core::time::UnixTime;
use sas_hyper::delivery::{Record, State as DeliveryState};

use crate::sandbox::model::{RefundState, TradeState};
use crate::sandbox::time::rfc3339;

/// How much of a callback's body a row shows.
const BODY_PREVIEW: usize = 160;

/// A time in milliseconds, as the protocol writes it (+08:00).
pub(crate) fn time(millis: u64) -> String {
    rfc3339(UnixTime::from_millis(millis))
}

/// An optional time in milliseconds, or a dash.
pub(crate) fn maybe_time(millis: Option<u64>) -> String {
    millis.map_or_else(|| "–".to_owned(), time)
}

/// An order's state as a coloured badge.
pub(crate) fn trade_state(state: TradeState) -> Markup {
    let class = match state {
        TradeState::Success => "ok",
        TradeState::Notpay => "wait",
        TradeState::Payerror | TradeState::Closed => "bad",
        TradeState::Refund => "muted",
    };
    html! { span.badge.(class) data-state=(state.as_str()) { (state.as_str()) } }
}

/// A refund's state as a coloured badge.
pub(crate) fn refund_state(state: RefundState) -> Markup {
    let class = match state {
        RefundState::Success => "ok",
        RefundState::Processing => "wait",
        RefundState::Closed | RefundState::Abnormal => "bad",
    };
    html! { span.badge.(class) data-state=(state.as_str()) { (state.as_str()) } }
}

/// A delivery's state as a coloured badge.
pub(crate) fn delivery_state(state: DeliveryState) -> Markup {
    let (class, text) = match state {
        DeliveryState::Delivered => ("ok", "DELIVERED"),
        DeliveryState::Dead => ("bad", "DEAD"),
        _ => ("wait", "PENDING"),
    };
    html! { span.badge.(class) data-state=(text) { (text) } }
}

/// The first characters of `text`, with an ellipsis when cut.
pub(crate) fn preview(text: &str, max: usize) -> String {
    let mut cut: String = text.chars().take(max).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

/// The deliveries table: each callback, where it went, its state, and every attempt with its
/// time, HTTP status, `returnCode`, latency, error and the start of the answer's body. `actions` adds the Redeliver buttons.
pub(crate) fn deliveries(records: &[Record], actions: bool) -> Markup {
    html! {
        @if records.is_empty() {
            p.muted { "No callback yet: pay an order or complete a refund." }
        } @else {
            div.scroll { table #deliveries {
                thead { tr {
                    th { "#" } th { "Callback" } th { "Target URL" } th { "State" }
                    th { "Attempts (time · status · returnCode · latency · error · answer)" } th { "Body sent" }
                    @if actions { th {} }
                } }
                tbody {
                    @for record in records {
                        tr data-callback=(record.id.0) {
                            td.num { (record.id.0) }
                            td { (record.callback.entry.section()) " " span.muted { (format!("{:?}", record.callback.entry)) } }
                            td { code { (record.callback.url) } }
                            td { (delivery_state(record.state)) }
                            td {
                                @if record.attempts.is_empty() { span.muted { "none yet" } }
                                @for attempt in &record.attempts {
                                    div.attempt {
                                        (rfc3339(attempt.at)) " · "
                                        @match attempt.status {
                                            Some(status) if (200..300).contains(&status) => span.ok { (status) },
                                            Some(status) => span.bad { (status) },
                                            None => span.bad { "no answer" },
                                        }
                                        " · " code { (attempt.return_code.as_deref().unwrap_or("–")) }
                                        " · " (attempt.latency.as_millis()) " ms"
                                        @if let Some(error) = &attempt.error {
                                            " · " span.bad { (preview(error, BODY_PREVIEW)) }
                                        }
                                        @if let Some(body) = attempt.body_start.as_deref().filter(|body| !body.is_empty()) {
                                            " · " code.answer title="The start of the response body" { (preview(body, BODY_PREVIEW)) }
                                        }
                                    }
                                }
                            }
                            td { code.long { (preview(&record.callback.body, BODY_PREVIEW)) } }
                            @if actions {
                                td.actions { form.inline method="post" action="/console/deliveries/redeliver" {
                                    input type="hidden" name="id" value=(record.id.0);
                                    button type="submit" { "Redeliver" }
                                } }
                            }
                        }
                    }
                }
            } }
        }
    }
}

/// Whether any callback still waits for an attempt.
pub(crate) fn any_pending(records: &[Record]) -> bool {
    records.iter().any(|r| r.state == DeliveryState::Pending)
}
