//! The workload: journeys that together call every SAS endpoint the sandbox serves, as SAS and
//! as the merchant, through sas-hyper's client, with the admin endpoints playing the user and
//! the payment system so that every kind of callback is sent.
//!
//! | journey | calls | callbacks |
//! |---|---|---|
//! | user | 1.1, 1.2 and 1.3, 1.2 and 1.4, 1.5, 1.6, 1.7 | |
//! | paid order | 2.1 twice (the same prepayId), 2.3, pay, 2.3, 5.1.1, 5.1.2, complete | 2.2, 5.1.3 |
//! | failed order | 2.1, pay `PAYERROR`, 2.4, 2.3 | 2.2 |
//! | mini game | 3.1, pay, 5.2.1, 5.1.2, complete | 3.2, 5.2.2 |
//! | mini program | 4.1, pay | 4.2 |

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use sas_core::api::message::send_message;
use sas_core::api::payment::{close_order, query_order};
use sas_core::api::refund::query_refund;
use sas_core::api::user::get_user_info_temporary_code::InfoType;
use sas_core::api::user::{
    check_user, get_user_avatar, get_user_email, get_user_info_temporary_code, get_user_nick,
    get_user_phone_number,
};
use sas_core::endpoint::ApiRequest;
use sas_hyper::Client;
use sas_hyper::time::{Clock, SystemClock};

use super::receiver::{CallbackServer, Subject, Tally};
use super::stats::Stats;
use crate::demo::merchant::paths;
use crate::demo::requests;
use crate::keyfile::{KeysFile, User};
use crate::sandbox::time::rfc3339;
use crate::sandbox::{AdminClient, AdminError};

/// The label of the admin call that pays an order.
pub(crate) const ADMIN_PAY: &str = "admin: pay";
/// The label of the admin call that completes a refund.
pub(crate) const ADMIN_COMPLETE: &str = "admin: complete refund";

/// How many journeys there are; worker `w` starts with journey `w`, then takes the next.
const JOURNEYS: u64 = 5;

/// A journey stopped at its first error (already counted).
struct Stopped;

/// What every worker shares.
pub(crate) struct Mix {
    pub(crate) client: Client,
    pub(crate) admin: AdminClient,
    pub(crate) keys: KeysFile,
    pub(crate) stats: Arc<Stats>,
    pub(crate) tally: Arc<Tally>,
    /// The callback URLs, by kind.
    pub(crate) urls: Urls,
    /// The next order's sequence number.
    next: AtomicU64,
    /// Journeys finished without an error.
    pub(crate) journeys: AtomicU64,
    /// Orders placed.
    pub(crate) orders: AtomicU64,
}

/// The callback URLs the orders and refunds name.
pub(crate) struct Urls {
    payment: String,
    mini_game: String,
    mini_program: String,
    refund: String,
    virtual_refund: String,
}

impl Urls {
    /// The URLs of `server`'s endpoints.
    pub(crate) fn of(server: &CallbackServer) -> Self {
        Self {
            payment: server.url(paths::PAYMENT),
            mini_game: server.url(paths::MINI_GAME),
            mini_program: server.url(paths::MINI_PROGRAM),
            refund: server.url(paths::REFUND),
            virtual_refund: server.url(paths::VIRTUAL_REFUND),
        }
    }
}

impl Mix {
    /// The shared state of a run.
    pub(crate) fn new(
        client: Client,
        admin: AdminClient,
        keys: KeysFile,
        stats: Arc<Stats>,
        tally: Arc<Tally>,
        urls: Urls,
    ) -> Self {
        Self {
            client,
            admin,
            keys,
            stats,
            tally,
            urls,
            next: AtomicU64::new(1),
            journeys: AtomicU64::new(0),
            orders: AtomicU64::new(0),
        }
    }

    /// Runs journeys as worker `worker` until `deadline` (the journey under way finishes).
    pub(crate) async fn work(&self, worker: u64, deadline: tokio::time::Instant) {
        let mut journey = worker % JOURNEYS;
        while tokio::time::Instant::now() < deadline {
            let seq = self.next.fetch_add(1, Ordering::Relaxed);
            let done = match journey {
                0 => self.user(seq).await,
                1 => self.paid_order(seq).await,
                2 => self.failed_order(seq).await,
                3 => self.mini_game(seq).await,
                _ => self.mini_program(seq).await,
            };
            if done.is_ok() {
                self.journeys.fetch_add(1, Ordering::Relaxed);
            }
            journey = (journey + 1) % JOURNEYS;
        }
    }

    /// Sends `request`, timing it under its section (`"2.1"`); an error is counted.
    async fn send<R: ApiRequest>(&self, request: &R) -> Result<R::Response, Stopped> {
        let label = R::METADATA.section;
        let started = Instant::now();
        let result = self.client.send(request).await;
        self.stats.record(label, started.elapsed());
        result.map(|received| received.response).map_err(|error| {
            self.stats.error(label, format!("{error:#}"));
            Stopped
        })
    }

    /// Counts an error at `label` unless `holds`.
    fn check(
        &self,
        label: &'static str,
        holds: bool,
        what: impl FnOnce() -> String,
    ) -> Result<(), Stopped> {
        if holds {
            Ok(())
        } else {
            self.stats.error(label, what());
            Err(Stopped)
        }
    }

    /// An admin call, timed under `label`; the callback it causes is expected once it succeeds.
    async fn admin<F: Future<Output = Result<serde_json::Value, AdminError>>>(
        &self,
        label: &'static str,
        call: F,
        expect: (Subject, u64),
    ) -> Result<(), Stopped> {
        let started = Instant::now();
        let result = call.await;
        self.stats.record(label, started.elapsed());
        match result {
            Ok(_) => {
                self.tally.expect(expect.0, expect.1);
                Ok(())
            }
            Err(error) => {
                self.stats.error(label, error);
                Err(Stopped)
            }
        }
    }

    fn user_of(&self, seq: u64) -> Result<&User, Stopped> {
        let users = &self.keys.users;
        let at = usize::try_from(seq).unwrap_or_default() % users.len().max(1);
        users.get(at).ok_or_else(|| {
            self.stats.error("1.1", "the sandbox has no users");
            Stopped
        })
    }

    /// Places an order (2.1, 3.1 or 4.1), counting it.
    async fn place<R: ApiRequest>(&self, request: &R) -> Result<R::Response, Stopped> {
        let placed = self.send(request).await?;
        self.orders.fetch_add(1, Ordering::Relaxed);
        Ok(placed)
    }

    fn in_an_hour() -> String {
        rfc3339(sas_core::time::UnixTime::from_secs(SystemClock.now().as_secs() + 3600))
    }

    async fn user(&self, seq: u64) -> Result<(), Stopped> {
        let user = self.user_of(seq)?;
        let id = user.user_id.as_str();
        let exists =
            self.send(&check_user::Request::new(&user.open_id, &self.keys.mini_app_id, id)).await?;
        self.check("1.1", exists.data, || format!("{id} does not exist"))?;
        let issued =
            self.send(&get_user_info_temporary_code::Request::new(InfoType::Email, id)).await?;
        let email = self.send(&get_user_email::Request::new(&issued.data.code, id)).await?;
        self.check("1.3", !email.data.is_empty(), || "an empty e-mail".to_owned())?;
        let issued =
            self.send(&get_user_info_temporary_code::Request::new(InfoType::Phone, id)).await?;
        let phone = self.send(&get_user_phone_number::Request::new(&issued.data.code, id)).await?;
        self.check("1.4", !phone.data.is_empty(), || "an empty phone number".to_owned())?;
        self.send(&get_user_nick::Request::new(id)).await?;
        self.send(&get_user_avatar::Request::new(id)).await?;
        let message_id = format!("M{}", self.tally.order_no(seq));
        let message = send_message::Request::from(send_message::RequestInit {
            account_id: id,
            message_id: &message_id,
            content: "Your oolong has shipped",
            date_time: i64::try_from(SystemClock.now().as_secs()).unwrap_or(i64::MAX),
            template_id: "shipping-notice",
            mnp_id: &self.keys.mini_app_id,
            mnp_name: "Sandbox tea shop",
            template_title: "Order shipped",
            state: send_message::State::Formal,
            page: "orders",
            mnp_icon: "https://icons.sandbox.example/tea.png",
        });
        let accepted = self.send(&message).await?;
        self.check("1.7", accepted.data, || "the message was not accepted".to_owned())
    }

    async fn state(&self, no: &str, expected: &str) -> Result<(), Stopped> {
        let order =
            self.send(&query_order::Request::new(no, &self.keys.merchant.mchid)).await?.data;
        let state = order.trade_state.as_str();
        self.check("2.3", state == expected, || format!("{no} is {state}, not {expected}"))
    }

    async fn paid_order(&self, seq: u64) -> Result<(), Stopped> {
        let user = self.user_of(seq)?;
        let (no, refund_no) = (self.tally.order_no(seq), self.tally.refund_no(seq));
        let order = requests::jsapi_order(
            &self.keys,
            user,
            &no,
            1280,
            &Self::in_an_hour(),
            &self.urls.payment,
        );
        let first = self.place(&order).await?.data.prepay_id;
        let again = self.send(&order).await?.data.prepay_id;
        self.check("2.1", first == again, || format!("{no} sent twice gave two prepayIds"))?;
        self.state(&no, "NOTPAY").await?;
        self.admin(ADMIN_PAY, self.admin.pay(&no, "SUCCESS"), (Subject::Payment, seq)).await?;
        self.state(&no, "SUCCESS").await?;
        let refund = requests::refund(&self.keys, &no, &refund_no, 500, 1280, &self.urls.refund);
        self.refund_and_complete(&refund, &refund_no, seq).await
    }

    /// Sends `refund`, queries it, and completes it through the admin API.
    async fn refund_and_complete<R: ApiRequest>(
        &self,
        refund: &R,
        refund_no: &str,
        seq: u64,
    ) -> Result<(), Stopped> {
        self.send(refund).await?;
        self.send(&query_refund::Request::new(refund_no)).await?;
        self.admin(
            ADMIN_COMPLETE,
            self.admin.complete_refund(refund_no, "SUCCESS"),
            (Subject::Refund, seq),
        )
        .await
    }

    async fn failed_order(&self, seq: u64) -> Result<(), Stopped> {
        let user = self.user_of(seq)?;
        let no = self.tally.order_no(seq);
        let order = requests::jsapi_order(
            &self.keys,
            user,
            &no,
            300,
            &Self::in_an_hour(),
            &self.urls.payment,
        );
        self.place(&order).await?;
        self.admin(ADMIN_PAY, self.admin.pay(&no, "PAYERROR"), (Subject::Payment, seq)).await?;
        let closed = self.send(&close_order::Request::new(&no, &self.keys.merchant.mchid)).await?;
        self.check("2.4", closed.data == "OK", || format!("closing {no} said {}", closed.data))?;
        self.state(&no, "CLOSED").await
    }

    async fn mini_game(&self, seq: u64) -> Result<(), Stopped> {
        let user = self.user_of(seq)?;
        let (no, refund_no) = (self.tally.order_no(seq), self.tally.refund_no(seq));
        let order = requests::mini_game_order(
            &self.keys,
            user,
            &no,
            "gems-60",
            2,
            300,
            &self.urls.mini_game,
        )
        .map_err(|error| {
            self.stats.error("3.1", error);
            Stopped
        })?;
        self.place(&order).await?;
        self.admin(ADMIN_PAY, self.admin.pay(&no, "SUCCESS"), (Subject::Payment, seq)).await?;
        let refund = requests::virtual_refund(
            &self.keys,
            &no,
            &refund_no,
            600,
            600,
            &self.urls.virtual_refund,
        );
        self.refund_and_complete(&refund, &refund_no, seq).await
    }

    async fn mini_program(&self, seq: u64) -> Result<(), Stopped> {
        let user = self.user_of(seq)?;
        let no = self.tally.order_no(seq);
        let sign_data = serde_json::json!({
            "offerId": self.keys.mini_app_id,
            "buyQuantity": 1,
            "currencyType": "CNY",
            "productId": "premium-1m",
            "goodsPrice": 990,
            "outTradeNo": no,
            "attach": "plan=monthly",
        })
        .to_string();
        let order =
            requests::mini_program_order(&self.keys, user, &sign_data, &self.urls.mini_program);
        self.place(&order).await?;
        self.admin(ADMIN_PAY, self.admin.pay(&no, "SUCCESS"), (Subject::Payment, seq)).await
    }
}
