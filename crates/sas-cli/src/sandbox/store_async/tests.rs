//! [`AsyncStore::update_order_enqueue`] on both stores: with the outbox made to fail (SQLite: a
//! trigger refusing every insert into `sas_callbacks`) or the callback failing to be made, the
//! order is left as it was and nothing is enqueued; a retry then stores both, one callback; and
//! paying an order already paid is refused without a second callback. And the lookups by
//! number on both stores, through an index in SQLite.

use sas_core::api::common::{GoodsInfo, GoodsInfoInit};
use sas_core::api::virtual_payment::mini_game_payment_notification as notification;
use sas_core::time::UnixTime;
use sas_core::types::JsonString;
use sas_hyper::delivery::{Callback, CallbackId, MemoryOutbox, Outbox, State};
use sas_store::{SqliteStore, sqlx};

use super::AsyncStore;
use crate::sandbox::error::SandboxError;
use crate::sandbox::model::{Order, TradeState};
use crate::sandbox::orders::tests::order;
use crate::sandbox::orders::{self, PayResult};
use crate::sandbox::outbox::SandboxOutbox;
use crate::sandbox::store::MemoryStore;
use crate::sandbox::store_sqlite::SqliteSandboxStore;

const NOW: UnixTime = UnixTime::from_millis(5_000);

fn internal(error: impl std::fmt::Display) -> SandboxError {
    SandboxError::Internal(error.to_string())
}

/// The mini game payment callback of `order` (sealing nothing, so no keys are needed).
fn payment_callback(order: &Order) -> Result<Vec<Callback>, SandboxError> {
    let payload = notification::Payload::from(notification::PayloadInit {
        open_id: &order.open_id,
        out_trade_no: &order.out_trade_no,
        goods_info: GoodsInfo::from(GoodsInfoInit {
            product_id: "gem",
            quantity: 1,
            orig_price: order.total,
            actual_price: order.total,
            attach: "",
            order_source: 1,
        }),
        transaction_id: &order.transaction_id,
    });
    let message = notification::Request::from(notification::RequestInit {
        application_id: &order.application_id,
        event_type: notification::EventType::TransactionSuccess,
        event: "",
        pay_model: "Wallet",
        payload: JsonString::encode(&payload).map_err(internal)?,
    });
    Ok(vec![Callback::new(&message, &order.callback_url).map_err(internal)?])
}

/// Pays `placed` with its callback made by `effects`.
async fn pay(
    store: &dyn AsyncStore,
    outbox: &SandboxOutbox,
    placed: &Order,
    effects: fn(&Order) -> Result<Vec<Callback>, SandboxError>,
) -> Result<(Order, Vec<CallbackId>), SandboxError> {
    let key = placed.key();
    store
        .update_order_enqueue(
            &key,
            &mut |current| {
                let current = current.ok_or_else(|| internal("no order"))?;
                orders::pay(current, PayResult::Success, NOW)
            },
            &mut |paid| effects(paid),
            outbox,
            NOW,
        )
        .await
}

async fn stored_state(store: &dyn AsyncStore, placed: &Order) -> TradeState {
    store.order(&placed.key()).await.unwrap().unwrap().state
}

async fn pending(outbox: &SandboxOutbox) -> Vec<CallbackId> {
    outbox.list(State::Pending).await.unwrap().into_iter().map(|record| record.id).collect()
}

fn cannot_make(_: &Order) -> Result<Vec<Callback>, SandboxError> {
    Err(internal("the callback cannot be made"))
}

/// The failure, the retry with one callback, and a second payment refused without one.
async fn check_atomic_pay(store: &dyn AsyncStore, outbox: &SandboxOutbox, placed: &Order) {
    let paid = pay(store, outbox, placed, payment_callback).await.unwrap();
    println!("retried: {:?} with callbacks {:?}", paid.0.state, paid.1);
    assert_eq!(paid.0.state, TradeState::Success);
    assert_eq!(paid.1.len(), 1);
    assert_eq!(stored_state(store, placed).await, TradeState::Success);
    assert_eq!(pending(outbox).await, paid.1);

    let again = pay(store, outbox, placed, payment_callback).await;
    println!("paid again: {again:?}");
    assert!(matches!(again, Err(SandboxError::OrderState { .. })), "{again:?}");
    assert_eq!(pending(outbox).await, paid.1, "no second callback");
}

#[tokio::test]
async fn sqlite_rolls_a_payment_back_with_its_failed_callback_and_a_retry_stores_both_once() {
    let dir = std::env::temp_dir().join(format!("sas-cli-unit-{}-atomic", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = SqliteStore::open(dir.join("sandbox.db")).await.unwrap();
    let store = SqliteSandboxStore::open(db.clone(), []).await.unwrap();
    let outbox = SandboxOutbox::Sqlite(db.clone());
    let placed = order("A1", 100);
    store.update_order(&placed.key(), &mut |_| Ok(placed.clone())).await.unwrap();

    sqlx::query(
        "CREATE TRIGGER refuse_callbacks BEFORE INSERT ON sas_callbacks
         BEGIN SELECT RAISE(ABORT, 'the outbox is down'); END",
    )
    .execute(db.pool())
    .await
    .unwrap();
    let failed = pay(&store, &outbox, &placed, payment_callback).await;
    println!("while the outbox fails: {failed:?}");
    assert!(
        matches!(&failed, Err(SandboxError::Internal(m)) if m.contains("the outbox is down")),
        "{failed:?}"
    );
    assert_eq!(stored_state(&store, &placed).await, TradeState::Notpay, "rolled back");
    assert_eq!(pending(&outbox).await, []);

    let unmade = pay(&store, &outbox, &placed, cannot_make).await;
    assert!(matches!(unmade, Err(SandboxError::Internal(_))), "{unmade:?}");
    assert_eq!(stored_state(&store, &placed).await, TradeState::Notpay);

    sqlx::query("DROP TRIGGER refuse_callbacks").execute(db.pool()).await.unwrap();
    check_atomic_pay(&store, &outbox, &placed).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn memory_leaves_a_payment_undone_when_its_callback_fails_and_a_retry_stores_both_once() {
    let store = MemoryStore::new([]);
    let outbox = SandboxOutbox::memory(MemoryOutbox::new());
    let placed = order("A1", 100);
    AsyncStore::update_order(&store, &placed.key(), &mut |_| Ok(placed.clone())).await.unwrap();

    let unmade = pay(&store, &outbox, &placed, cannot_make).await;
    println!("while the callback cannot be made: {unmade:?}");
    assert!(matches!(unmade, Err(SandboxError::Internal(_))), "{unmade:?}");
    assert_eq!(stored_state(&store, &placed).await, TradeState::Notpay, "left undone");
    assert_eq!(pending(&outbox).await, []);

    check_atomic_pay(&store, &outbox, &placed).await;
}

/// Orders `A1` of merchants `m1` and `m2`, `B1` of `m1`, and a refund of each `A1` numbered `R1`.
async fn numbered_records(store: &dyn AsyncStore) {
    for (mchid, no) in [("m1", "A1"), ("m2", "A1"), ("m1", "B1")] {
        let mut placed = order(no, 100);
        placed.mchid = mchid.into();
        placed.transaction_id = format!("tx-{mchid}-{no}");
        placed.state = TradeState::Success;
        store.update_order(&placed.key(), &mut |_| Ok(placed.clone())).await.unwrap();
        if no == "A1" {
            let key = (mchid.to_owned(), "R1".to_owned());
            let refund = crate::sandbox::model::Refund {
                is_virtual: false,
                mchid: mchid.into(),
                out_refund_no: "R1".into(),
                refund_id: format!("5030-{mchid}"),
                out_trade_no: no.into(),
                transaction_id: placed.transaction_id.clone(),
                refund: 10,
                total: 100,
                currency: "CNY".into(),
                reason: None,
                callback_url: "http://127.0.0.1:1/refund".into(),
                fingerprint: "R1".into(),
                state: crate::sandbox::model::RefundState::Processing,
                created_at: 1,
                completed_at: None,
            };
            let requested =
                store.request_refund(&placed.key(), &key, &mut |_, _, _| Ok(refund.clone())).await;
            assert!(requested.is_ok(), "{requested:?}");
        }
    }
}

async fn check_numbered(store: &dyn AsyncStore) {
    numbered_records(store).await;
    let merchants = |orders: Vec<Order>| orders.into_iter().map(|o| o.mchid).collect::<Vec<_>>();
    assert_eq!(merchants(store.orders_numbered("A1").await.unwrap()), ["m1", "m2"]);
    assert_eq!(merchants(store.orders_numbered("B1").await.unwrap()), ["m1"]);
    assert!(store.orders_numbered("C1").await.unwrap().is_empty());
    let refunds = store.refunds_numbered("R1").await.unwrap();
    let of =
        refunds.iter().map(|r| (r.mchid.as_str(), r.out_trade_no.as_str())).collect::<Vec<_>>();
    assert_eq!(of, [("m1", "A1"), ("m2", "A1")]);
    assert!(store.refunds_numbered("R2").await.unwrap().is_empty());
    let found = store.order_by_transaction("m2", "tx-m2-A1").await.unwrap();
    assert_eq!(found.map(|o| o.mchid), Some("m2".to_owned()));
    assert_eq!(store.order_by_transaction("m1", "tx-m2-A1").await.unwrap(), None);
}

#[tokio::test]
async fn memory_finds_orders_and_refunds_by_number_of_every_merchant() {
    check_numbered(&MemoryStore::new([])).await;
}

#[tokio::test]
async fn sqlite_finds_orders_and_refunds_by_number_through_an_index() {
    let dir = std::env::temp_dir().join(format!("sas-cli-unit-{}-numbered", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = SqliteStore::open(dir.join("sandbox.db")).await.unwrap();
    let store = SqliteSandboxStore::open(db.clone(), []).await.unwrap();
    check_numbered(&store).await;
    for (query, index) in [
        ("SELECT record FROM sandbox_orders WHERE out_trade_no = 'A1'", "sandbox_orders_by_number"),
        (
            "SELECT record FROM sandbox_refunds WHERE out_refund_no = 'R1'",
            "sandbox_refunds_by_number",
        ),
        (
            "SELECT record FROM sandbox_orders WHERE mchid = 'm1' AND transaction_id = 'tx'",
            "sandbox_orders_by_transaction",
        ),
    ] {
        let plan: Vec<(i64, i64, i64, String)> =
            sqlx::query_as(&format!("EXPLAIN QUERY PLAN {query}"))
                .fetch_all(db.pool())
                .await
                .unwrap();
        let steps: Vec<&str> = plan.iter().map(|step| step.3.as_str()).collect();
        assert!(steps.iter().any(|step| step.contains(index)), "{query}: {steps:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
