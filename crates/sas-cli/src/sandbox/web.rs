//! The sandbox's pages, server-rendered with maud: the console at `/` (orders, refunds,
//! callback deliveries with every attempt, users, messages, and the actions that play the user
//! and the payment system) and the cashier at `/cashier` (checks a `wx.requestPayment` or
//! `wx.requestVirtualPayment` object as a superapp would and shows the payment sheet).
//!
//! Every form posts to a small handler that redirects back, so the pages work without
//! JavaScript; a few inline lines refresh the live part while callbacks are pending. Everything
//! shown is escaped by maud (descriptions and callback bodies come from outside).

use std::sync::Arc;

use axum::Router;
use axum::response::{Html, Redirect};
use axum::routing::{get, post};
use maud::Markup;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use sas_core::crypto::{AppKey, PublicKeySet, SessionKey};
use sas_hyper::delivery::{Outbox, Record, State as DeliveryState};

use super::core::Core;

mod cashier;
pub(crate) mod check;
mod console;
mod layout;
mod markup;

/// What the pages need besides the core: the keys a superapp checks front-end objects with.
pub(crate) struct Web {
    pub(crate) core: Arc<Core>,
    pub(crate) merchant_keys: PublicKeySet,
    pub(crate) app_key: AppKey,
    pub(crate) session_keys: Vec<(String, SessionKey)>,
}

impl Web {
    /// The pages' state from the sandbox's keys.
    pub(crate) fn new(core: Arc<Core>, keys: &crate::keyfile::KeysFile) -> anyhow::Result<Self> {
        let session_keys = keys
            .users
            .iter()
            .filter_map(|user| {
                SessionKey::new(&user.session_key).ok().map(|key| (user.user_id.clone(), key))
            })
            .collect();
        Ok(Self {
            core,
            merchant_keys: keys.merchant_public_keys()?,
            app_key: keys.app()?,
            session_keys,
        })
    }

    /// Every callback with its attempts, oldest first.
    async fn deliveries(&self) -> Result<Vec<Record>, String> {
        let outbox = self.core.dispatcher.outbox();
        let mut records = Vec::new();
        for state in [DeliveryState::Pending, DeliveryState::Delivered, DeliveryState::Dead] {
            records.extend(outbox.list(state).await.map_err(|e| e.to_string())?);
        }
        records.sort_by_key(|record| record.id);
        Ok(records)
    }
}

/// The pages' routes: `/`, `/console/...`, `/cashier...`.
pub(crate) fn routes(web: Arc<Web>) -> Router {
    Router::new()
        .route("/", get(console::page))
        .route("/console/live", get(console::live))
        .route("/console/orders/pay", post(console::pay))
        .route("/console/orders/close", post(console::close))
        .route("/console/refunds/complete", post(console::complete))
        .route("/console/deliveries/redeliver", post(console::redeliver))
        .route("/cashier", get(cashier::page).post(cashier::submit))
        .route("/cashier/pay", post(cashier::act))
        .route("/cashier/result", get(cashier::result))
        .route("/cashier/result/live", get(cashier::result_live))
        .with_state(web)
}

fn html(markup: Markup) -> Html<String> {
    Html(markup.into_string())
}

/// Back to `path` with a note to show (Post/Redirect/Get).
fn back(path: &str, note: &str) -> Redirect {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}note={}", utf8_percent_encode(note, NON_ALPHANUMERIC)))
}

/// Back to `path` with a failure to show.
fn back_bad(path: &str, note: &str) -> Redirect {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}bad=1&note={}", utf8_percent_encode(note, NON_ALPHANUMERIC)))
}
