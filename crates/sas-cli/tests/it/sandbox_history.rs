//! A sandbox in memory with a bounded history: the least recently finished orders are
//! forgotten, with as many delivered callbacks beyond twice the history; unpaid orders stay,
//! and so do orders whose callback is still pending.

use std::sync::Arc;
use std::time::Duration;

use sas_cli::demo::merchant::{MerchantServer, Notified, paths};
use sas_cli::demo::requests;
use sas_cli::sandbox::time::rfc3339;
use sas_cli::sandbox::{AdminClient, Sandbox, SandboxConfig};
use sas_core::api::payment::{close_order, query_order};
use sas_hyper::delivery::Schedule;
use sas_hyper::time::{Clock, ManualClock};
use sas_hyper::{Client, RetryPolicy};

use crate::support::{code, sandbox_keys};

fn numbers(list: &serde_json::Value, field: &str) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|record| record.get(field).and_then(serde_json::Value::as_str))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_oldest_finished_orders_are_forgotten_and_unpaid_ones_stay() {
    let mut world = History::start(2).await;
    world.place_to("UNPAID-1", None).await;
    for n in 1..=5 {
        let no = format!("HIST-{n}");
        world.place_to(&no, None).await;
        world.pay(&no, "SUCCESS").await;
    }

    assert_eq!(world.kept().await, ["UNPAID-1", "HIST-4", "HIST-5"]);
    assert_eq!(world.state("HIST-1").await, "ORDER_NOT_EXIST");
    assert_eq!(world.state("HIST-5").await, "SUCCESS");

    // Five callbacks delivered, four kept (twice the history), once the last is marked.
    let mut delivered = Vec::new();
    for _ in 0..100 {
        let deliveries = world.admin.list("deliveries").await.unwrap();
        delivered = numbers(&deliveries, "state");
        if delivered.len() == 4 && delivered.iter().all(|state| state == "Delivered") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(delivered, ["Delivered"; 4]);

    // A forgotten number can be used again.
    world.place_to("HIST-1", None).await;
    assert_eq!(world.state("HIST-1").await, "NOTPAY");
    world.sandbox.shutdown().await;
}

/// A sandbox keeping `history` finished orders on a manual clock, its merchant, and a client.
struct History {
    sandbox: sas_cli::sandbox::Running,
    clock: Arc<ManualClock>,
    admin: AdminClient,
    merchant: MerchantServer,
    client: Client,
    keys: sas_cli::keyfile::KeysFile,
}

impl History {
    async fn start(history: usize) -> Self {
        let clock = Arc::new(ManualClock::starting_now());
        let config = SandboxConfig::default()
            .keys(sandbox_keys())
            .clock(Arc::clone(&clock))
            .schedule(Schedule::new([Duration::from_millis(50); 3]))
            .history(history);
        let sandbox = Sandbox::start(config).await.unwrap();
        let keys = sandbox.keys.clone();
        let admin = AdminClient::new(&sandbox.base_url);
        let merchant = MerchantServer::start(&keys, clock.clone()).await.unwrap();
        let client = Client::builder()
            .base_url(&sandbox.base_url)
            .keys(keys.counterpart_signing().unwrap())
            .clock(Arc::clone(&clock))
            .retry(RetryPolicy::never())
            .build()
            .unwrap();
        Self { sandbox, clock, admin, merchant, client, keys }
    }

    /// Places order `no` whose callbacks go to `url` (the merchant's when `None`).
    async fn place_to(&self, no: &str, url: Option<&str>) {
        let expire =
            rfc3339(sas_core::time::UnixTime::from_secs(self.clock.now().as_secs() + 3600));
        let url = url.map_or_else(|| self.merchant.url(paths::PAYMENT), str::to_owned);
        let order = requests::jsapi_order(&self.keys, &self.keys.users[0], no, 100, &expire, &url);
        self.client.send(&order).await.unwrap();
    }

    /// Pays order `no` with `result` and waits for the merchant to be told.
    async fn pay(&mut self, no: &str, result: &str) {
        self.admin.pay(no, result).await.unwrap();
        let notified =
            tokio::time::timeout(Duration::from_secs(5), self.merchant.notified.recv()).await;
        assert!(matches!(notified, Ok(Some(Notified::Payment(_)))), "{no}: {notified:?}");
    }

    /// The state of order `no`, or the error code of its query.
    async fn state(&self, no: &str) -> String {
        let query = query_order::Request::new(no, &self.keys.merchant.mchid);
        match self.client.send(&query).await {
            Ok(found) => found.response.data.trade_state.as_str().to_owned(),
            Err(error) => code(&error).to_owned(),
        }
    }

    async fn kept(&self) -> Vec<String> {
        numbers(&self.admin.list("orders").await.unwrap(), "out_trade_no")
    }
}

#[tokio::test]
async fn an_order_paid_after_others_finished_is_kept_and_the_least_recently_finished_goes() {
    let mut world = History::start(2).await;
    world.place_to("PERR-1", None).await;
    world.pay("PERR-1", "PAYERROR").await;
    for no in ["HIST-10", "HIST-11", "HIST-12"] {
        world.place_to(no, None).await;
        world.pay(no, "SUCCESS").await;
    }
    world.place_to("CLOSE-1", None).await;
    let close = close_order::Request::new("CLOSE-1", &world.keys.merchant.mchid);
    world.client.send(&close).await.unwrap();
    assert_eq!(world.kept().await, ["PERR-1", "HIST-12", "CLOSE-1"]);

    world.pay("PERR-1", "SUCCESS").await;
    assert_eq!(world.state("PERR-1").await, "SUCCESS", "PERR-1 finished last");
    assert_eq!(world.state("HIST-12").await, "ORDER_NOT_EXIST", "HIST-12 finished first");
    assert_eq!(world.kept().await, ["PERR-1", "CLOSE-1"]);
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn an_order_whose_callback_is_pending_is_kept_until_the_callback_dies() {
    let mut world = History::start(2).await;
    // Nobody listens on port 1: the callback fails and waits for its next attempt, which the
    // manual clock holds back.
    world.place_to("STUCK-1", Some("http://127.0.0.1:1/pay")).await;
    world.admin.pay("STUCK-1", "SUCCESS").await.unwrap();
    for no in ["HIST-20", "HIST-21", "HIST-22"] {
        world.place_to(no, None).await;
        world.pay(no, "SUCCESS").await;
    }
    assert_eq!(world.state("STUCK-1").await, "SUCCESS", "its callback is still pending");
    assert_eq!(world.state("HIST-20").await, "ORDER_NOT_EXIST");
    assert_eq!(world.kept().await, ["STUCK-1", "HIST-21", "HIST-22"]);

    // Its callback dies after its last attempt: STUCK-1, finished first, is forgotten then.
    let mut states = Vec::new();
    for _ in 0..200 {
        world.clock.advance(Duration::from_millis(100));
        tokio::time::sleep(Duration::from_millis(20)).await;
        states = numbers(&world.admin.list("deliveries").await.unwrap(), "state");
        if states.iter().any(|state| state == "Dead") {
            break;
        }
    }
    assert!(states.iter().any(|state| state == "Dead"), "{states:?}");
    assert_eq!(world.state("STUCK-1").await, "ORDER_NOT_EXIST");
    assert_eq!(world.kept().await, ["HIST-21", "HIST-22"]);
    world.sandbox.shutdown().await;
}
