//! The sandbox's pages, server-rendered with maud: the console at `/` (orders, refunds,
//! callback deliveries with every attempt, users, messages, and the actions that play the user
//! and the payment system) and the cashier at `/cashier` (checks a `wx.requestPayment` or
//! `wx.requestVirtualPayment` object as a superapp would and shows the payment sheet).
//!
//! Every form posts to a small handler that redirects back, so the pages work without
//! JavaScript; a few inline lines refresh the live part while callbacks are pending. Everything
//! shown is escaped by maud (descriptions and callback bodies come from outside). The note an
//! action leaves is kept here for a few minutes under a random ID the redirect carries, so a
//! page shows only what the sandbox itself said, never text from a link. A POST from another
//! site, or any request naming another host, is refused (`origin`); malformed input gets a page naming the fault (`input`).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::response::{Html, Redirect};
use axum::routing::{get, post};
use maud::Markup;
use sas_core::crypto::{AppKey, PublicKeySet, SessionKey};
use sas_hyper::delivery::{Outbox, Record, State as DeliveryState};

use super::core::Core;

mod cashier;
pub(crate) mod check;
mod console;
mod input;
mod layout;
mod markup;
mod origin;

pub(crate) use origin::OwnHosts;

/// How long an action's note can be shown.
const NOTE_LIFETIME: Duration = Duration::from_secs(600);
/// How many notes are kept at most; the oldest goes first.
const NOTES_KEPT: usize = 256;

/// The result of an action, shown once the page it redirects to loads.
#[derive(Clone, Debug)]
pub(crate) struct Note {
    /// What the sandbox says.
    pub(crate) text: String,
    /// Whether the action failed.
    pub(crate) bad: bool,
}

/// What the pages need besides the core: the keys a superapp checks front-end objects with.
pub(crate) struct Web {
    pub(crate) core: Arc<Core>,
    pub(crate) merchant_keys: PublicKeySet,
    pub(crate) app_key: AppKey,
    pub(crate) session_keys: Vec<(String, SessionKey)>,
    /// The hosts and origins the pages answer to.
    own: Arc<OwnHosts>,
    /// The notes of recent actions, by ID, oldest first.
    notes: Mutex<VecDeque<(String, Instant, Note)>>,
}

impl Web {
    /// The pages' state from the sandbox's keys, answering to the hosts of `own`.
    pub(crate) fn new(
        core: Arc<Core>,
        keys: &crate::keyfile::KeysFile,
        own: Arc<OwnHosts>,
    ) -> anyhow::Result<Self> {
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
            own,
            notes: Mutex::new(VecDeque::new()),
        })
    }

    /// Keeps `note` and returns its ID: 16 random hex digits.
    fn keep(&self, note: Note) -> String {
        let mut bytes = [0_u8; 8];
        // Without randomness the IDs still differ (the time); they only need to be unique.
        if getrandom::getrandom(&mut bytes).is_err() {
            bytes = u64::try_from(std::time::UNIX_EPOCH.elapsed().unwrap_or_default().as_nanos())
                .unwrap_or(u64::MAX)
                .to_be_bytes();
        }
        let id = hex::encode(bytes);
        let now = Instant::now();
        let mut notes = self.notes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        notes.retain(|(_, at, _)| now.duration_since(*at) < NOTE_LIFETIME);
        while notes.len() >= NOTES_KEPT {
            notes.pop_front();
        }
        notes.push_back((id.clone(), now, note));
        id
    }

    /// The note kept under `id`, if it is one and still fresh.
    pub(crate) fn note(&self, id: Option<&str>) -> Option<Note> {
        let id = id?;
        let notes = self.notes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        notes
            .iter()
            .find(|(kept, at, _)| kept == id && at.elapsed() < NOTE_LIFETIME)
            .map(|(_, _, note)| note.clone())
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

/// The pages' routes: `/`, `/console/...`, `/cashier...`; only for the sandbox's own hosts,
/// and a POST only from the pages themselves.
pub(crate) fn routes(web: Arc<Web>) -> Router {
    let own = Arc::clone(&web.own);
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
        .method_not_allowed_fallback(input::wrong_method)
        .route_layer(axum::middleware::from_fn_with_state(own, origin::own_only))
        .with_state(web)
}

fn html(markup: Markup) -> Html<String> {
    Html(markup.into_string())
}

/// Back to `path` with a note to show (Post/Redirect/Get).
fn back(web: &Web, path: &str, text: String) -> Redirect {
    noted(web, path, Note { text, bad: false })
}

/// Back to `path` with a failure to show.
fn back_bad(web: &Web, path: &str, text: String) -> Redirect {
    noted(web, path, Note { text, bad: true })
}

fn noted(web: &Web, path: &str, note: Note) -> Redirect {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}note={}", web.keep(note)))
}
