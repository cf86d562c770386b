//! A sandbox in memory with a bounded history: the oldest finished orders are forgotten, with
//! as many delivered callbacks beyond twice the history; unpaid orders stay.

use std::sync::Arc;
use std::time::Duration;

use sas_cli::demo::merchant::{MerchantServer, Notified, paths};
use sas_cli::demo::requests;
use sas_cli::sandbox::time::rfc3339;
use sas_cli::sandbox::{AdminClient, Sandbox, SandboxConfig};
use sas_core::api::payment::query_order;
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
    let clock = Arc::new(ManualClock::starting_now());
    let config = SandboxConfig::default()
        .keys(sandbox_keys())
        .clock(Arc::clone(&clock))
        .schedule(Schedule::new([Duration::from_millis(50); 3]))
        .history(2);
    let sandbox = Sandbox::start(config).await.unwrap();
    let keys = sandbox.keys.clone();
    let admin = AdminClient::new(&sandbox.base_url);
    let mut merchant = MerchantServer::start(&keys, clock.clone()).await.unwrap();
    let client = Client::builder()
        .base_url(&sandbox.base_url)
        .keys(keys.counterpart_signing().unwrap())
        .clock(Arc::clone(&clock))
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let expire = rfc3339(sas_core::time::UnixTime::from_secs(clock.now().as_secs() + 3600));
    let url = merchant.url(paths::PAYMENT);
    let place = async |no: &str| {
        let order = requests::jsapi_order(&keys, &keys.users[0], no, 100, &expire, &url);
        client.send(&order).await.unwrap();
    };

    place("UNPAID-1").await;
    for n in 1..=5 {
        let no = format!("HIST-{n}");
        place(&no).await;
        admin.pay(&no, "SUCCESS").await.unwrap();
        let notified = tokio::time::timeout(Duration::from_secs(5), merchant.notified.recv()).await;
        assert!(matches!(notified, Ok(Some(Notified::Payment(_)))), "{no}: {notified:?}");
    }

    let orders = admin.list("orders").await.unwrap();
    assert_eq!(numbers(&orders, "out_trade_no"), ["UNPAID-1", "HIST-4", "HIST-5"]);
    let forgotten = client.send(&query_order::Request::new("HIST-1", &keys.merchant.mchid)).await;
    assert_eq!(code(&forgotten.unwrap_err()), "ORDER_NOT_EXIST");
    let kept = client.send(&query_order::Request::new("HIST-5", &keys.merchant.mchid)).await;
    assert_eq!(kept.unwrap().response.data.trade_state.as_str(), "SUCCESS");

    // Five callbacks delivered, four kept (twice the history), once the last is marked.
    let mut delivered = Vec::new();
    for _ in 0..100 {
        let deliveries = admin.list("deliveries").await.unwrap();
        delivered = numbers(&deliveries, "state");
        if delivered.len() == 4 && delivered.iter().all(|state| state == "Delivered") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(delivered, ["Delivered"; 4]);

    // A forgotten number can be used again.
    place("HIST-1").await;
    let again = client.send(&query_order::Request::new("HIST-1", &keys.merchant.mchid)).await;
    assert_eq!(again.unwrap().response.data.trade_state.as_str(), "NOTPAY");
    sandbox.shutdown().await;
}
