//! [`MemoryStore`]: lookups by number among many merchants, and the bounded history.

use super::*;
use crate::sandbox::orders::tests::order;

fn order_of(mchid: &str, no: &str, transaction_id: &str) -> Order {
    let mut order = order(no, 100);
    order.mchid = mchid.into();
    order.transaction_id = transaction_id.into();
    order
}

fn refund_of(order: &Order, no: &str) -> Refund {
    Refund {
        is_virtual: false,
        mchid: order.mchid.clone(),
        out_refund_no: no.into(),
        refund_id: format!("5030-{no}"),
        out_trade_no: order.out_trade_no.clone(),
        transaction_id: order.transaction_id.clone(),
        refund: 10,
        total: order.total,
        currency: "CNY".into(),
        reason: None,
        callback_url: "http://127.0.0.1:1/refund".into(),
        fingerprint: no.into(),
        state: RefundState::Processing,
        created_at: 1,
        completed_at: None,
    }
}

fn put(store: &MemoryStore, order: &Order) {
    let stored = store.update_order(&order.key(), &mut |_| Ok(order.clone()));
    assert_eq!(stored.as_ref(), Ok(order));
}

fn set_state(store: &MemoryStore, key: &OrderKey, state: TradeState) {
    let changed = store.update_order(key, &mut |current| {
        let mut order = current.cloned().ok_or(SandboxError::OrderNotFound(String::new()))?;
        order.state = state;
        Ok(order)
    });
    assert!(changed.is_ok(), "{changed:?}");
}

fn request(store: &MemoryStore, refund: &Refund) {
    let key = refund_key(refund);
    let order = OrderKey::new(&refund.mchid, &refund.out_trade_no);
    let stored = store.request_refund(&order, &key, &mut |_, _, _| Ok(refund.clone()));
    assert_eq!(stored.as_ref(), Ok(refund));
}

fn complete(store: &MemoryStore, refund: &Refund, state: RefundState) {
    let done = store.update_refund(&refund_key(refund), &mut |refund, order| {
        let mut refund = refund.clone();
        refund.state = state;
        let mut order = order.clone();
        order.state = TradeState::Refund;
        Ok((refund, order))
    });
    assert!(done.is_ok(), "{done:?}");
}

fn numbers(orders: &[Order]) -> Vec<(&str, &str)> {
    orders.iter().map(|o| (o.mchid.as_str(), o.out_trade_no.as_str())).collect()
}

#[test]
fn orders_and_refunds_are_found_by_number_among_many_merchants() {
    let store = MemoryStore::new([]);
    for m in 0..40 {
        for n in 0..25 {
            let order = order_of(&format!("m{m}"), &format!("{m}-{n}"), &format!("tx-{m}-{n}"));
            put(&store, &order);
            request(&store, &refund_of(&order, &format!("R{m}-{n}")));
        }
    }
    // Two merchants also use the same numbers.
    let shared = [order_of("m3", "SHARED", "tx-a"), order_of("m7", "SHARED", "tx-b")];
    for order in &shared {
        put(&store, order);
        request(&store, &refund_of(order, "R-SHARED"));
    }

    assert_eq!(numbers(&store.orders_numbered("17-4")), [("m17", "17-4")]);
    assert_eq!(numbers(&store.orders_numbered("SHARED")), [("m3", "SHARED"), ("m7", "SHARED")]);
    assert!(store.orders_numbered("17-25").is_empty());
    let refunds = store.refunds_numbered("R-SHARED");
    let by = |r: &Refund| (r.mchid.clone(), r.out_trade_no.clone());
    assert_eq!(
        refunds.iter().map(by).collect::<Vec<_>>(),
        [("m3".into(), "SHARED".into()), ("m7".into(), "SHARED".into())]
    );
    let refunds = store.refunds_numbered("R39-24");
    assert_eq!(refunds.iter().map(by).collect::<Vec<_>>(), [("m39".into(), "39-24".into())]);
    assert!(store.refunds_numbered("R40-0").is_empty());

    let found = store.order_by_transaction("m7", "tx-b").map(|o| o.key());
    assert_eq!(found, Some(OrderKey::new("m7", "SHARED")));
    assert_eq!(store.order_by_transaction("m3", "tx-b"), None, "another merchant's number");
    assert_eq!(store.orders().len(), 40 * 25 + 2);
    assert_eq!(store.refunds().len(), 40 * 25 + 2);
}

#[test]
fn a_refund_request_sees_only_its_orders_refunds() {
    let store = MemoryStore::new([]);
    let (a, b) = (order_of("m1", "A", "tx-a"), order_of("m2", "A", "tx-b"));
    put(&store, &a);
    put(&store, &b);
    request(&store, &refund_of(&a, "R1"));
    request(&store, &refund_of(&b, "R2"));
    request(&store, &refund_of(&a, "R3"));
    let mut seen = Vec::new();
    let again = refund_of(&a, "R4");
    let stored = store.request_refund(&a.key(), &refund_key(&again), &mut |_, so_far, existing| {
        seen = so_far.iter().map(|r| r.out_refund_no.clone()).collect();
        assert!(existing.is_none());
        Ok(again.clone())
    });
    assert!(stored.is_ok());
    assert_eq!(seen, ["R1", "R3"]);
}

#[test]
fn a_transaction_number_that_changes_is_found_under_the_new_one() {
    let store = MemoryStore::new([]);
    let order = order_of("m1", "A", "tx-old");
    put(&store, &order);
    put(&store, &order_of("m1", "A", "tx-new"));
    assert_eq!(store.order_by_transaction("m1", "tx-old"), None);
    assert!(store.order_by_transaction("m1", "tx-new").is_some());
}

#[test]
fn the_history_forgets_the_oldest_finished_orders_and_keeps_the_unfinished_ones() {
    let store = MemoryStore::with_history([], 3);
    let orders: Vec<Order> =
        (0..8).map(|n| order_of("m1", &format!("O{n}"), &format!("tx-{n}"))).collect();
    for order in &orders {
        put(&store, order);
    }
    let key = |n: usize| orders[n].key();
    // O0 stays unpaid, O1 fails to pay (payable again), O2 has a refund in progress.
    set_state(&store, &key(1), TradeState::Payerror);
    set_state(&store, &key(2), TradeState::Success);
    let in_progress = refund_of(&orders[2], "R2");
    request(&store, &in_progress);
    // O3, O4, O5 finish: paid, closed, refunded.
    set_state(&store, &key(3), TradeState::Success);
    set_state(&store, &key(4), TradeState::Closed);
    set_state(&store, &key(5), TradeState::Success);
    let done = refund_of(&orders[5], "R5");
    request(&store, &done);
    complete(&store, &done, RefundState::Success);
    assert_eq!(store.orders().len(), 8, "three finished orders fit the history");

    // Two more finish: the two oldest finished ones (O3, O4) are forgotten.
    set_state(&store, &key(6), TradeState::Success);
    set_state(&store, &key(7), TradeState::Closed);
    let kept: Vec<String> = store.orders().into_iter().map(|o| o.out_trade_no).collect();
    assert_eq!(kept, ["O0", "O1", "O2", "O5", "O6", "O7"]);
    assert_eq!(store.order(&key(3)), None);
    assert!(store.orders_numbered("O4").is_empty());
    assert_eq!(store.order_by_transaction("m1", "tx-3"), None);

    // O2's refund completes: O2 has just finished, and the least recently finished one (O5,
    // though placed after O2) goes with its refund.
    complete(&store, &in_progress, RefundState::Closed);
    let kept: Vec<String> = store.orders().into_iter().map(|o| o.out_trade_no).collect();
    assert_eq!(kept, ["O0", "O1", "O2", "O6", "O7"]);
    assert!(store.refund(&refund_key(&done)).is_none());
    assert!(store.refunds_numbered("R5").is_empty());
    assert!(store.refund(&refund_key(&in_progress)).is_some(), "a kept order keeps its refunds");

    // A forgotten number is free again.
    put(&store, &orders[3]);
    assert_eq!(numbers(&store.orders_numbered("O3")), [("m1", "O3")]);
}

fn kept(store: &MemoryStore) -> Vec<String> {
    store.orders().into_iter().map(|o| o.out_trade_no).collect()
}

#[test]
fn the_history_forgets_the_least_recently_finished_order_not_the_first_placed() {
    let store = MemoryStore::with_history([], 2);
    let place = |no: &str| {
        let order = order_of("m1", no, &format!("tx-{no}"));
        put(&store, &order);
        order
    };
    let failed = place("PERR-1");
    set_state(&store, &failed.key(), TradeState::Payerror);
    for no in ["HIST-10", "HIST-11", "HIST-12"] {
        let order = place(no);
        set_state(&store, &order.key(), TradeState::Success);
    }
    let closed = place("CLOSE-1");
    set_state(&store, &closed.key(), TradeState::Closed);
    assert_eq!(kept(&store), ["PERR-1", "HIST-12", "CLOSE-1"]);

    // PERR-1, placed first, is paid at last: it finished last and stays; HIST-12 goes.
    set_state(&store, &failed.key(), TradeState::Success);
    assert_eq!(kept(&store), ["PERR-1", "CLOSE-1"]);
    assert!(store.order(&failed.key()).is_some());

    // A refund completed on the oldest kept order finishes it again: CLOSE-1 goes, not PERR-1.
    let refund = refund_of(&failed, "R-PERR");
    request(&store, &refund);
    assert_eq!(kept(&store), ["PERR-1", "CLOSE-1"], "a refund in progress unfinishes PERR-1");
    let later = place("HIST-13");
    set_state(&store, &later.key(), TradeState::Success);
    complete(&store, &refund, RefundState::Success);
    assert_eq!(kept(&store), ["PERR-1", "HIST-13"]);
    assert!(store.refund(&refund_key(&refund)).is_some());
}

/// Pays the order under `key` with `callbacks` callbacks about it about to be enqueued.
fn pay_held(store: &MemoryStore, key: &OrderKey, callbacks: usize) {
    let paid = store.update_order_held(key, &mut |current| {
        let mut order = current.cloned().ok_or(SandboxError::OrderNotFound(String::new()))?;
        order.state = TradeState::Success;
        Ok((order, callbacks))
    });
    assert!(paid.is_ok(), "{paid:?}");
}

#[test]
fn an_order_with_a_callback_pending_is_not_forgotten_until_it_settles() {
    let store = MemoryStore::with_history([], 1);
    let orders: Vec<Order> =
        (0..5).map(|n| order_of("m1", &format!("O{n}"), &format!("tx-{n}"))).collect();
    for order in &orders {
        put(&store, order);
    }
    let key = |n: usize| orders[n].key();
    // O0's callback is pending; O1 finishes after it.
    pay_held(&store, &key(0), 1);
    store.hold(&key(0), &[CallbackId(1)]);
    pay_held(&store, &key(1), 1);
    store.hold(&key(1), &[CallbackId(2)]);
    set_state(&store, &key(2), TradeState::Success);
    assert_eq!(kept(&store), ["O0", "O1", "O2", "O3", "O4"], "O0 and O1 wait for their callbacks");

    // O3's callback is delivered before `hold` names it (the dispatcher may be that quick).
    pay_held(&store, &key(3), 1);
    store.settled(CallbackId(3), false);
    assert_eq!(kept(&store), ["O0", "O1", "O2", "O3", "O4"], "O3 counts as pending");
    store.hold(&key(3), &[CallbackId(3)]);
    assert_eq!(kept(&store), ["O0", "O1", "O3", "O4"], "O3 finished after O2, which goes");

    // O1's callback is delivered: O1 finished before O3, so it goes now.
    store.settled(CallbackId(2), false);
    assert_eq!(kept(&store), ["O0", "O3", "O4"]);
    // O0's callback dies: O0 goes. Redelivered then, it holds nothing (O0 is gone).
    store.settled(CallbackId(1), true);
    assert_eq!(kept(&store), ["O3", "O4"]);
    assert!(store.redelivering(CallbackId(1)), "a dead callback can be delivered again");
    store.settled(CallbackId(1), false);

    // O4's callback dies (O3, finished before, goes); redelivered, it holds O4 again.
    pay_held(&store, &key(4), 1);
    store.hold(&key(4), &[CallbackId(4)]);
    store.settled(CallbackId(4), true);
    assert_eq!(kept(&store), ["O4"]);
    assert!(store.redelivering(CallbackId(4)));
    let o5 = order_of("m1", "O5", "tx-5");
    put(&store, &o5);
    set_state(&store, &o5.key(), TradeState::Closed);
    assert_eq!(kept(&store), ["O4", "O5"], "O4 is held by its redelivered callback");
    store.settled(CallbackId(4), false);
    assert_eq!(kept(&store), ["O5"], "O4 finished before O5");
    assert!(!store.redelivering(CallbackId(4)), "a delivered callback is not dead");
    let inner = store.lock();
    assert!(inner.held.is_empty() && inner.pending.is_empty() && inner.settled_early.is_empty());
}

#[test]
fn the_history_keeps_the_newest_messages() {
    let store = MemoryStore::with_history([], 2);
    for n in 0..5 {
        store.push_message(Message { received_at: n, message: serde_json::json!(n) });
    }
    let kept: Vec<u64> = store.messages().iter().map(|m| m.received_at).collect();
    assert_eq!(kept, [3, 4]);
    let all = MemoryStore::new([]);
    for n in 0..5 {
        all.push_message(Message { received_at: n, message: serde_json::json!(n) });
    }
    assert_eq!(all.messages().len(), 5, "without a history every message is kept");
}
