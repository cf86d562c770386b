//! The same order or refund number sent twice never makes two: at once from many tasks, with
//! the same or different contents, and again after an answer lost on the way back (which the
//! client does not retry on its own, since the create may have been handled).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sas_cli::demo::merchant::paths;
use sas_cli::demo::requests;
use sas_cli::sandbox::time::rfc3339;
use sas_hyper::Client;
use sas_hyper::time::Clock;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::support::{World, code};

fn in_an_hour(world: &World) -> String {
    rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() + 3600))
}

/// The sandbox's records of `what` (`orders`, `refunds`) numbered `number`.
async fn records(world: &World, what: &str, field: &str, number: &str) -> Vec<serde_json::Value> {
    let all = world.admin.list(what).await.unwrap();
    all.as_array().unwrap().iter().filter(|r| r[field] == number).cloned().collect()
}

#[tokio::test]
async fn the_same_order_sent_at_once_from_many_tasks_is_one_order() {
    let world = World::start().await;
    let user = world.user().clone();
    let jsapi = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-6001",
        1280,
        &in_an_hour(&world),
        &world.merchant.url(paths::PAYMENT),
    );
    let game = requests::mini_game_order(
        &world.keys,
        &user,
        "GAME-6002",
        "gems-60",
        2,
        300,
        &world.merchant.url(paths::MINI_GAME),
    )
    .unwrap();
    let client = world.client();
    let (jsapi_ids, game_ids) = tokio::join!(
        futures_join(16, |_| {
            let (client, order) = (client.clone(), jsapi.clone());
            async move { client.send(&order).await.map(|r| r.response.data.prepay_id) }
        }),
        futures_join(16, |_| {
            let (client, order) = (client.clone(), game.clone());
            async move { client.send(&order).await.map(|r| r.response.data.prepay_id) }
        }),
    );
    for (no, ids) in [("ORDER-6001", jsapi_ids), ("GAME-6002", game_ids)] {
        let ids: Vec<String> = ids.into_iter().map(Result::unwrap).collect();
        assert!(ids.iter().all(|id| *id == ids[0]), "{no}: one prepayId for all: {ids:?}");
        let stored = records(&world, "orders", "out_trade_no", no).await;
        assert_eq!(stored.len(), 1, "{no}: {stored:?}");
        assert_eq!(stored[0]["prepay_id"], ids[0]);
    }
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn one_number_with_different_contents_at_once_is_one_order_and_the_rest_conflict() {
    let world = World::start().await;
    let user = world.user().clone();
    let client = world.client();
    let (keys, expire, url) =
        (world.keys.clone(), in_an_hour(&world), world.merchant.url(paths::PAYMENT));
    let answers = futures_join(12, |i| {
        let order =
            requests::jsapi_order(&keys, &user, "ORDER-6101", 100 + i as i64, &expire, &url);
        let client = client.clone();
        async move { client.send(&order).await.map(|r| r.response.data.prepay_id) }
    })
    .await;
    let placed: Vec<&String> = answers.iter().filter_map(|a| a.as_ref().ok()).collect();
    assert_eq!(placed.len(), 1, "{answers:?}");
    for refused in answers.iter().filter_map(|a| a.as_ref().err()) {
        assert_eq!(code(refused), "OUT_TRADE_NO_USED");
    }
    let stored = records(&world, "orders", "out_trade_no", "ORDER-6101").await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(&stored[0]["prepay_id"], placed[0]);
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn the_same_refund_sent_at_once_from_many_tasks_is_one_refund() {
    let world = World::start().await;
    let user = world.user().clone();
    let client = world.client();
    let order = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-6201",
        1000,
        &in_an_hour(&world),
        &world.merchant.url(paths::PAYMENT),
    );
    client.send(&order).await.unwrap();
    world.admin.pay("ORDER-6201", "SUCCESS").await.unwrap();
    let refund = requests::refund(
        &world.keys,
        "ORDER-6201",
        "REFUND-6201",
        400,
        1000,
        &world.merchant.url(paths::REFUND),
    );
    let answers = futures_join(12, |_| {
        let (client, refund) = (client.clone(), refund.clone());
        async move { client.send(&refund).await.map(|r| r.response.data.refund_id) }
    })
    .await;
    let ids: Vec<String> = answers.into_iter().map(Result::unwrap).collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    let stored = records(&world, "refunds", "out_refund_no", "REFUND-6201").await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_create_whose_answer_was_lost_is_sent_once_and_sending_it_again_gives_the_same_order() {
    let world = World::start().await;
    let user = world.user().clone();
    let sandbox: SocketAddr = world.sandbox.local_addr().parse().unwrap();
    let front = LoseFirstAnswer::start(sandbox).await;
    // The default retry policy: it would retry a create that nothing reached.
    let client = Client::builder()
        .base_url(format!("http://{}", front.addr))
        .keys(world.keys.counterpart_signing().unwrap())
        .clock(Arc::clone(&world.clock))
        .build()
        .unwrap();
    let jsapi = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-6301",
        990,
        &in_an_hour(&world),
        &world.merchant.url(paths::PAYMENT),
    );
    let lost = client.send(&jsapi).await.unwrap_err();
    assert_eq!(lost.attempts(), 1, "not retried: the order may have been placed: {lost:?}");
    assert_eq!(front.passed_on.load(Ordering::SeqCst), 1);
    let stored = records(&world, "orders", "out_trade_no", "ORDER-6301").await;
    assert_eq!(stored.len(), 1, "the sandbox placed it before the answer was lost");

    let again = client.send(&jsapi).await.unwrap().response.data.prepay_id;
    assert_eq!(front.passed_on.load(Ordering::SeqCst), 2);
    let stored = records(&world, "orders", "out_trade_no", "ORDER-6301").await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["prepay_id"], again, "the order placed first");
    world.sandbox.shutdown().await;
}

/// Runs `count` futures made by `make(i)` at once; their results in order.
async fn futures_join<F, T>(count: usize, mut make: impl FnMut(usize) -> F) -> Vec<T>
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let tasks: Vec<_> = (0..count).map(|i| tokio::spawn(make(i))).collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    results
}

/// A TCP front passing connections on to a server; on its first connection it passes the
/// request on, waits for the answer to begin, and resets the connection instead of passing
/// the answer back.
struct LoseFirstAnswer {
    addr: SocketAddr,
    passed_on: Arc<AtomicUsize>,
}

impl LoseFirstAnswer {
    async fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let passed_on = Arc::new(AtomicUsize::new(0));
        let passed = Arc::clone(&passed_on);
        tokio::spawn(async move {
            let mut first = true;
            while let Ok((client, _)) = listener.accept().await {
                let server = TcpStream::connect(upstream).await.unwrap();
                passed.fetch_add(1, Ordering::SeqCst);
                if std::mem::take(&mut first) {
                    tokio::spawn(lose_answer(client, server));
                } else {
                    tokio::spawn(async move {
                        let (mut client, mut server) = (client, server);
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    });
                }
            }
        });
        Self { addr, passed_on }
    }
}

async fn lose_answer(mut client: TcpStream, mut server: TcpStream) {
    let mut buffer = vec![0; 64 * 1024];
    let mut first = [0u8; 1];
    loop {
        tokio::select! {
            read = client.read(&mut buffer) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => if server.write_all(&buffer[..n]).await.is_err() { return },
            },
            _ = server.read(&mut first) => break,
        }
    }
    client.set_zero_linger().unwrap();
    drop(client);
}
