//! `sas sandbox --data DIR` as separate processes: the state survives a graceful restart, and
//! after a SIGKILL the restarted sandbox still knows every order and delivers every callback
//! left pending, each handled once by a merchant's receiver; a payment or refund whose callback
//! the outbox refuses is not made, and its retry sends one callback; a second sandbox on the
//! folder and a folder written by a newer sandbox are refused.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sas_cli::demo::requests;
use sas_cli::keyfile::KeysFile;
use sas_cli::sandbox::AdminClient;
use sas_cli::sandbox::time::rfc3339;
use sas_core::api::payment::{payment_notification, query_order};
use sas_core::api::refund::refund_notification;
use sas_hyper::receiver::{Delivered, MemorySeen, Receiver};
use sas_hyper::server::HandlerError;
use sas_hyper::time::{Clock, SystemClock};
use sas_hyper::{Client, RetryPolicy};
use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sas-cli-test-{}-data-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A callback schedule short enough for a test: 300 attempts 100 ms apart.
fn fast_retries() -> String {
    vec!["100"; 300].join(",")
}

/// A `sas sandbox --data` process, killed when dropped.
struct Process {
    child: Child,
    keys: KeysFile,
    log: PathBuf,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sandbox_command(scratch: &Path, run: &str) -> (Command, PathBuf, PathBuf) {
    let keys_out = scratch.join(format!("keys-{run}.json"));
    let log = scratch.join(format!("sandbox-{run}.log"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_sas"));
    command
        .args(["sandbox", "--listen", "127.0.0.1:0", "--callback-retry-ms", &fast_retries()])
        .arg("--data")
        .arg(scratch.join("data"))
        .arg("--keys-out")
        .arg(&keys_out)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap());
    (command, keys_out, log)
}

/// Starts a sandbox on `scratch/data` and waits for its keys file.
fn start(scratch: &Path, run: &str) -> Process {
    let (mut command, keys_out, log) = sandbox_command(scratch, run);
    let mut child = command.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let failure = loop {
        if let Ok(keys) = KeysFile::load(&keys_out) {
            return Process { child, keys, log };
        }
        if let Ok(Some(status)) = child.try_wait() {
            break format!("the sandbox exited ({status})");
        }
        if Instant::now() > deadline {
            break "no keys file within 60 s".to_owned();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = child.kill();
    let _ = child.wait();
    panic!("{failure}: {}", log_of(&log));
}

fn log_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Stops a sandbox as Ctrl-C does and waits for it to exit 0.
fn interrupt(mut process: Process) {
    let pid = process.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success(), "kill -INT {pid}");
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        if let Some(status) = process.child.try_wait().unwrap() {
            assert!(
                status.success(),
                "the sandbox stopped with {status}: {}",
                log_of(&process.log)
            );
            return;
        }
        assert!(Instant::now() < deadline, "no exit within 40 s of SIGINT");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn client(keys: &KeysFile) -> Client {
    Client::builder()
        .base_url(&keys.base_url)
        .keys(keys.counterpart_signing().unwrap())
        .retry(RetryPolicy::never())
        .build()
        .unwrap()
}

fn in_an_hour() -> String {
    rfc3339(sas_core::time::UnixTime::from_secs(SystemClock.now().as_secs() + 3600))
}

async fn place(keys: &KeysFile, out_trade_no: &str, callback: &str) {
    let order =
        requests::jsapi_order(keys, &keys.users[0], out_trade_no, 1000, &in_an_hour(), callback);
    client(keys).send(&order).await.unwrap();
}

async fn trade_state(keys: &KeysFile, out_trade_no: &str) -> String {
    let query = query_order::Request::new(out_trade_no, &keys.merchant.mchid);
    let order = client(keys).send(&query).await.unwrap().response.data;
    order.trade_state.as_str().to_owned()
}

/// `out_trade_no → state` of `GET /sandbox/orders`.
async fn order_states(admin: &AdminClient) -> BTreeMap<String, String> {
    let orders = admin.list("orders").await.unwrap();
    orders
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["out_trade_no"].as_str().unwrap().to_owned(), o["state"].to_string()))
        .collect()
}

fn deliveries_by_state(deliveries: &Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for record in deliveries.as_array().unwrap() {
        *counts.entry(record["state"].as_str().unwrap_or("?").to_owned()).or_insert(0) += 1;
    }
    counts
}

/// A free loopback port, closed again: the merchant's receiver is down until it binds it.
fn free_port() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap()
}

/// The merchant's receivers for 2.2 and 5.1.3 (sas-hyper's `Receiver`, each with its
/// `SeenStore`), counting the notifications handled and the requests received.
struct Merchant {
    handled: Arc<Mutex<BTreeMap<String, usize>>>,
    requests: Arc<AtomicUsize>,
    stop: tokio::sync::watch::Sender<bool>,
}

impl Merchant {
    async fn start(keys: &KeysFile, addr: SocketAddr) -> Self {
        let handled: Arc<Mutex<BTreeMap<String, usize>>> = Arc::default();
        let requests = Arc::new(AtomicUsize::new(0));
        let count = |handled: &Arc<Mutex<BTreeMap<String, usize>>>, id: String| {
            *handled.lock().unwrap().entry(id).or_insert(0) += 1;
        };
        let on_payment = {
            let handled = Arc::clone(&handled);
            move |delivered: Delivered<payment_notification::Request>| {
                count(&handled, format!("payment {}", delivered.event.out_trade_no));
                async { Ok::<(), HandlerError>(()) }
            }
        };
        let on_refund = {
            let handled = Arc::clone(&handled);
            move |delivered: Delivered<refund_notification::Request>| {
                count(&handled, format!("refund {}", delivered.event.out_refund_no));
                async { Ok::<(), HandlerError>(()) }
            }
        };
        let payments = Receiver::builder(keys.merchant_verifying().unwrap(), on_payment)
            .api_v3_key(keys.api_v3().unwrap())
            .seen_store(MemorySeen::new(1000))
            .build();
        let refunds = Receiver::builder(keys.merchant_verifying().unwrap(), on_refund)
            .api_v3_key(keys.api_v3().unwrap())
            .seen_store(MemorySeen::new(1000))
            .build();
        let hits = Arc::clone(&requests);
        let router = axum::Router::new()
            .route_service("/pay", payments)
            .route_service("/refund", refunds)
            .layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| {
                    hits.fetch_add(1, Ordering::SeqCst);
                    next.run(request)
                },
            ));
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        let (stop, mut stopped) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            let until = async move {
                let _ = stopped.wait_for(|stop| *stop).await;
            };
            axum::serve(listener, router).with_graceful_shutdown(until).await.unwrap();
        });
        Self { handled, requests, stop }
    }

    fn handled(&self) -> BTreeMap<String, usize> {
        self.handled.lock().unwrap().clone()
    }
}

/// Waits up to `limit` for `done`, polling every 50 ms.
async fn until<F, Fut>(limit: Duration, what: &str, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !done().await {
        assert!(Instant::now() < deadline, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_sigkill_a_restarted_sandbox_knows_every_order_and_delivers_every_callback_once() {
    let dir = scratch("crash");
    let merchant_addr = free_port();
    let pay_url = format!("http://{merchant_addr}/pay");
    let refund_url = format!("http://{merchant_addr}/refund");

    // Twelve orders, eight paid, one of them refunded and another refund requested, while the
    // merchant's receiver is down: nine callbacks pending, each tried and failed.
    let first = start(&dir, "first");
    let keys = first.keys.clone();
    let admin = AdminClient::new(&keys.base_url);
    let numbers: Vec<String> = (1..=12).map(|i| format!("CRASH-{i:02}")).collect();
    for number in &numbers {
        place(&keys, number, &pay_url).await;
    }
    for number in &numbers[..8] {
        admin.pay(number, "SUCCESS").await.unwrap();
    }
    for (order, refund) in [("CRASH-01", "REFUND-01"), ("CRASH-02", "REFUND-02")] {
        let request = requests::refund(&keys, order, refund, 400, 1000, &refund_url);
        client(&keys).send(&request).await.unwrap();
    }
    admin.complete_refund("REFUND-01", "SUCCESS").await.unwrap();
    until(Duration::from_secs(10), "every callback tried", || async {
        let deliveries = admin.list("deliveries").await.unwrap();
        let records = deliveries.as_array().unwrap();
        records.len() == 9
            && records.iter().all(|r| {
                r["state"] == "Pending" && r["attempts"].as_array().is_some_and(|a| !a.is_empty())
            })
    })
    .await;
    let before = order_states(&admin).await;
    let refunds_before = admin.list("refunds").await.unwrap();

    let mut first = first;
    first.child.kill().unwrap(); // SIGKILL: no shutdown at all
    first.child.wait().unwrap();

    let restarted_at = Instant::now();
    let second = start(&dir, "second");
    let restart = restarted_at.elapsed();
    let admin = AdminClient::new(&second.keys.base_url);
    assert_eq!(second.keys.merchant.mchid, keys.merchant.mchid, "the folder keeps the keys");
    assert_eq!(second.keys.users, keys.users, "and the users");

    // Every order and refund as it was; the pending callbacks kept their attempts.
    assert_eq!(order_states(&admin).await, before);
    assert_eq!(before.len(), 12);
    assert_eq!(before["CRASH-01"], "\"REFUND\"");
    assert_eq!(before["CRASH-05"], "\"SUCCESS\"");
    assert_eq!(before["CRASH-12"], "\"NOTPAY\"");
    assert_eq!(admin.list("refunds").await.unwrap(), refunds_before);
    let deliveries = admin.list("deliveries").await.unwrap();
    assert_eq!(deliveries_by_state(&deliveries), BTreeMap::from([("Pending".to_owned(), 9)]));
    let attempts_kept: usize = deliveries
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["attempts"].as_array().unwrap().len())
        .sum();
    assert!(attempts_kept >= 9, "{deliveries}");

    // The restarted sandbox goes on: an order placed before is queried and paid, a refund
    // requested before is completed.
    assert_eq!(trade_state(&second.keys, "CRASH-09").await, "NOTPAY");
    admin.pay("CRASH-09", "SUCCESS").await.unwrap();
    assert_eq!(trade_state(&second.keys, "CRASH-09").await, "SUCCESS");
    admin.complete_refund("REFUND-02", "SUCCESS").await.unwrap();
    assert_eq!(trade_state(&second.keys, "CRASH-02").await, "REFUND");

    // The merchant comes up: every callback arrives, each handled once.
    let merchant_up = Instant::now();
    let merchant = Merchant::start(&second.keys, merchant_addr).await;
    let mut expected: BTreeMap<String, usize> =
        numbers[..9].iter().map(|n| (format!("payment {n}"), 1)).collect();
    expected.insert("refund REFUND-01".to_owned(), 1);
    expected.insert("refund REFUND-02".to_owned(), 1);
    until(Duration::from_secs(30), "every callback delivered", || async {
        let deliveries = admin.list("deliveries").await.unwrap();
        deliveries_by_state(&deliveries) == BTreeMap::from([("Delivered".to_owned(), 11)])
    })
    .await;
    let drained = merchant_up.elapsed();
    assert_eq!(merchant.handled(), expected, "each notification handled exactly once");
    let requests = merchant.requests.load(Ordering::SeqCst);
    println!(
        "restart on a folder with 9 pending callbacks: {} ms to the keys file; 11 callbacks \
         delivered {} ms after the merchant came up ({requests} requests for 11 notifications)",
        restart.as_millis(),
        drained.as_millis()
    );
    merchant.stop.send_replace(true);
    interrupt(second);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gracefully_restarted_sandbox_keeps_its_state_and_refuses_a_second_on_the_folder() {
    let dir = scratch("restart");
    let down = format!("http://{}/pay", free_port());
    let first = start(&dir, "first");
    let keys = first.keys.clone();
    let admin = AdminClient::new(&keys.base_url);
    place(&keys, "PLAIN-1", &down).await;
    place(&keys, "PLAIN-2", &down).await;
    admin.pay("PLAIN-1", "SUCCESS").await.unwrap();
    let orders = admin.list("orders").await.unwrap();
    let users = admin.list("users").await.unwrap();

    // A second sandbox on the folder stops at once, saying why; the first is unharmed.
    let (mut command, _, log) = sandbox_command(&dir, "intruder");
    let status = command.status().unwrap();
    assert!(!status.success());
    let said = log_of(&log);
    assert!(said.contains("is in use by another sandbox"), "{said}");
    assert_eq!(admin.list("orders").await.unwrap(), orders);

    interrupt(first);
    let second = start(&dir, "second");
    let admin = AdminClient::new(&second.keys.base_url);
    assert_eq!(admin.list("orders").await.unwrap(), orders);
    assert_eq!(admin.list("users").await.unwrap(), users);
    assert_eq!(trade_state(&second.keys, "PLAIN-1").await, "SUCCESS");
    admin.pay("PLAIN-2", "PAYERROR").await.unwrap();
    assert_eq!(trade_state(&second.keys, "PLAIN-2").await, "PAYERROR");
    let again = client(&second.keys)
        .send(&requests::jsapi_order(
            &second.keys,
            &second.keys.users[0],
            "PLAIN-1",
            1,
            &in_an_hour(),
            &down,
        ))
        .await
        .unwrap_err();
    assert_eq!(crate::support::code(&again), "OUT_TRADE_NO_USED", "the number is still taken");
    assert_eq!(deliveries_by_state(&admin.list("deliveries").await.unwrap())["Pending"], 2);
    interrupt(second);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_folder_written_by_a_newer_sandbox_is_refused() {
    let dir = scratch("newer");
    interrupt(start(&dir, "first"));
    let db = sas_store::SqliteStore::open(dir.join("data/sandbox.db")).await.unwrap();
    sas_store::sqlx::query(
        "INSERT INTO sas_store_migrations (set_name, version, name) VALUES ('sas-sandbox', 99, 'x')",
    )
    .execute(db.pool())
    .await
    .unwrap();
    db.pool().close().await;

    let (mut command, _, log) = sandbox_command(&dir, "second");
    let status = command.status().unwrap();
    assert!(!status.success());
    let said = log_of(&log);
    assert!(said.contains("was written by a newer sas"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Makes every insert into the sandbox's callback outbox fail (`on`) or work again.
async fn outbox_down(db: &sas_store::SqliteStore, on: bool) {
    let statement = if on {
        "CREATE TRIGGER outbox_down BEFORE INSERT ON sas_callbacks
         BEGIN SELECT RAISE(ABORT, 'the outbox is down'); END"
    } else {
        "DROP TRIGGER outbox_down"
    };
    sas_store::sqlx::query(statement).execute(db.pool()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payment_or_refund_whose_callback_cannot_be_enqueued_is_undone_and_a_retry_sends_one() {
    let dir = scratch("outbox-down");
    let merchant_addr = free_port();
    let pay_url = format!("http://{merchant_addr}/pay");
    let refund_url = format!("http://{merchant_addr}/refund");
    let sandbox = start(&dir, "only");
    let keys = sandbox.keys.clone();
    let admin = AdminClient::new(&keys.base_url);
    let merchant = Merchant::start(&keys, merchant_addr).await;
    let db = sas_store::SqliteStore::open(dir.join("data").join("sandbox.db")).await.unwrap();
    place(&keys, "DOWN-1", &pay_url).await;

    // While the outbox refuses the callback, the payment is refused and not made.
    outbox_down(&db, true).await;
    let refused = admin.pay("DOWN-1", "SUCCESS").await;
    println!("paying while the outbox is down: {refused:?}");
    assert!(refused.is_err());
    assert_eq!(trade_state(&keys, "DOWN-1").await, "NOTPAY");
    assert_eq!(admin.list("deliveries").await.unwrap(), serde_json::json!([]));
    outbox_down(&db, false).await;
    admin.pay("DOWN-1", "SUCCESS").await.unwrap();
    assert_eq!(trade_state(&keys, "DOWN-1").await, "SUCCESS");
    let again = admin.pay("DOWN-1", "SUCCESS").await;
    println!("paying the paid order again: {again:?}");
    assert!(again.is_err());

    // The same for a refund's completion.
    let request = requests::refund(&keys, "DOWN-1", "DOWN-R1", 1000, 1000, &refund_url);
    client(&keys).send(&request).await.unwrap();
    outbox_down(&db, true).await;
    let refused = admin.complete_refund("DOWN-R1", "SUCCESS").await;
    println!("completing a refund while the outbox is down: {refused:?}");
    assert!(refused.is_err());
    assert_eq!(trade_state(&keys, "DOWN-1").await, "SUCCESS");
    outbox_down(&db, false).await;
    admin.complete_refund("DOWN-R1", "SUCCESS").await.unwrap();
    assert_eq!(trade_state(&keys, "DOWN-1").await, "REFUND");

    until(Duration::from_secs(10), "both callbacks delivered", || async {
        let deliveries = admin.list("deliveries").await.unwrap();
        deliveries_by_state(&deliveries) == BTreeMap::from([("Delivered".to_owned(), 2)])
    })
    .await;
    let expected =
        BTreeMap::from([("payment DOWN-1".to_owned(), 1), ("refund DOWN-R1".to_owned(), 1)]);
    assert_eq!(merchant.handled(), expected, "one callback each");
    merchant.stop.send_replace(true);
    interrupt(sandbox);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The keys a folder's records were written with are the only keys it starts with: other
/// keys (`--config`) or none at all (the keys file lost) are refused, before anything is
/// written; the folder and its database are the owner's alone.
#[tokio::test]
async fn a_folder_refuses_other_keys_and_keeps_its_files_private() {
    use sas_cli::sandbox::{Sandbox, SandboxConfig};
    let dir = scratch("keys").join("data");
    let first = Sandbox::start(SandboxConfig::default().data(&dir)).await.unwrap();
    let kept = KeysFile::load(&dir.join("sandbox-config.json")).unwrap();
    first.shutdown().await;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700, "the folder");
        assert_eq!(mode(&dir.join("sandbox.db")), 0o600, "the database");
        assert_eq!(mode(&dir.join("sandbox-config.json")), 0o600, "the keys");
    }

    // Other keys: refused, naming what differs and nothing secret.
    let mut other = kept.clone();
    other.secret_key = "b3RoZXIgc2VjcmV0IGtleSAxMjM0NTY3OA==".to_owned();
    let Err(refused) =
        Sandbox::start(SandboxConfig::default().data(&dir).keys(other.clone())).await
    else {
        panic!("other keys are refused");
    };
    let message = format!("{refused:#}");
    assert!(message.contains("other keys") && message.contains("secret_key"), "{message}");
    assert!(!message.contains(&other.secret_key) && !message.contains(&kept.secret_key));
    // The same keys given with --config are accepted.
    Sandbox::start(SandboxConfig::default().data(&dir).keys(kept.clone()))
        .await
        .unwrap()
        .shutdown()
        .await;

    // The keys file lost while the records remain: refused, and no new keys are written.
    std::fs::remove_file(dir.join("sandbox-config.json")).unwrap();
    let Err(refused) = Sandbox::start(SandboxConfig::default().data(&dir)).await else {
        panic!("records without their keys are refused");
    };
    assert!(format!("{refused:#}").contains("not the keys they were written with"), "{refused:#}");
    assert!(!dir.join("sandbox-config.json").exists(), "a refused start writes no keys");

    // A folder holding only a broken database is refused before any keys are made.
    let broken = scratch("keys-broken").join("data");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("sandbox.db"), vec![0x42; 8192]).unwrap();
    assert!(Sandbox::start(SandboxConfig::default().data(&broken)).await.is_err());
    assert!(!broken.join("sandbox-config.json").exists());

    // A file where the folder should be.
    let file = scratch("keys-file").join("data");
    std::fs::write(&file, b"").unwrap();
    let refused = Sandbox::start(SandboxConfig::default().data(&file)).await.err().unwrap();
    assert!(format!("{refused:#}").contains("is a file, not a folder"), "{refused:#}");
}
