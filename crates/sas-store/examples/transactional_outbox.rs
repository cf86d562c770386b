//! The transactional outbox: a superapp marks an order paid and enqueues its payment callback
//! in one SQLite transaction, so both commit or neither does; a dispatcher delivers what
//! committed.
//!
//! ```sh
//! cargo run -p sas-store --example transactional_outbox
//! ```

use std::sync::Arc;

use sas_core::api::virtual_payment::mini_game_payment_notification;
use sas_core::crypto::{AppKey, SecretKey};
use sas_core::endpoint::Example;
use sas_hyper::delivery::{Callback, Dispatcher, Outbox, State};
use sas_hyper::time::{Clock, SystemClock};
use sas_hyper::{SigningKeys, UnixTime};
use sas_store::SqliteStore;
use sqlx::SqliteConnection;

/// The application's own change and the callback it implies, in the caller's transaction.
async fn pay(
    tx: &mut SqliteConnection,
    order: &str,
    callback: &Callback,
    now: UnixTime,
) -> Result<(), Box<dyn std::error::Error>> {
    sqlx::query("UPDATE orders SET state = 'paid' WHERE out_trade_no = ?")
        .bind(order)
        .execute(&mut *tx)
        .await?;
    SqliteStore::enqueue_in(tx, callback, now).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("sas-store-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let store = SqliteStore::open(dir.join("superapp.db")).await?;
    sqlx::raw_sql(
        "CREATE TABLE orders (out_trade_no TEXT PRIMARY KEY, state TEXT NOT NULL);
         INSERT INTO orders VALUES ('ORDER-1', 'open'), ('ORDER-2', 'open');",
    )
    .execute(store.pool())
    .await?;
    // Nobody listens at port 9 (discard): the dispatcher records a failed attempt.
    let callback =
        Callback::new(&mini_game_payment_notification::Request::example(), "http://127.0.0.1:9/")?;

    // Committed: the order is paid and its callback waits in the outbox.
    let mut tx = store.begin().await?;
    pay(&mut tx, "ORDER-1", &callback, SystemClock.now()).await?;
    tx.commit().await?;

    // Rolled back (the application failed after the update): neither happened.
    let mut tx = store.begin().await?;
    pay(&mut tx, "ORDER-2", &callback, SystemClock.now()).await?;
    tx.rollback().await?;

    let states: Vec<(String, String)> =
        sqlx::query_as("SELECT out_trade_no, state FROM orders ORDER BY out_trade_no")
            .fetch_all(store.pool())
            .await?;
    println!("orders: {states:?}");
    println!("callbacks pending: {}", store.list(State::Pending).await?.len());

    let keys = SigningKeys::new().secret_key(SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?);
    let keys = keys.app_key(AppKey::new("12345")?);
    let dispatcher = Dispatcher::new(Arc::new(store.clone()), keys)?;
    dispatcher.run_once().await?;
    let record = &store.list(State::Pending).await?[0];
    println!(
        "attempt 1 of callback {}: {}; next at {} ms",
        record.id,
        record.attempts[0].error.as_deref().unwrap_or("delivered"),
        record.next_attempt_at.as_millis()
    );
    store.pool().close().await;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
