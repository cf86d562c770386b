//! The transactional outbox: a callback enqueued in the application's transaction is stored if
//! and only if the transaction commits.

use sas_hyper::delivery::{Outbox, State};
use sas_store::{PostgresStore, SqliteStore};

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_enqueues_with_the_applications_change_or_not_at_all() {
    with_sqlite(async |store| {
        sqlx_exec(&store, "CREATE TABLE orders (id TEXT PRIMARY KEY, state TEXT NOT NULL)").await;
        sqlx_exec(&store, "INSERT INTO orders VALUES ('A', 'open'), ('B', 'open')").await;

        let mut tx = store.begin().await.unwrap();
        sqlx::query("UPDATE orders SET state = 'paid' WHERE id = 'A'")
            .execute(&mut *tx)
            .await
            .unwrap();
        SqliteStore::enqueue_in(&mut tx, &callback(1), T0).await.unwrap();
        tx.rollback().await.unwrap();
        assert!(store.list(State::Pending).await.unwrap().is_empty(), "rolled back: nothing");
        assert_eq!(order_state(&store, "A").await, "open");

        let mut tx = store.begin().await.unwrap();
        sqlx::query("UPDATE orders SET state = 'paid' WHERE id = 'B'")
            .execute(&mut *tx)
            .await
            .unwrap();
        let id = SqliteStore::enqueue_in(&mut tx, &callback(2), T0).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(order_state(&store, "B").await, "paid");
        assert_eq!(store.get(id).await.unwrap().callback, callback(2), "committed: both");
    })
    .await;
}

async fn sqlx_exec(store: &SqliteStore, sql: &str) {
    sqlx::query(sql).execute(store.pool()).await.unwrap();
}

async fn order_state(store: &SqliteStore, id: &str) -> String {
    sqlx::query_scalar("SELECT state FROM orders WHERE id = ?")
        .bind(id)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_enqueues_with_the_applications_change_or_not_at_all() {
    with_postgres(async |store| {
        let pool = store.pool();
        sqlx::query("CREATE TABLE orders (id TEXT PRIMARY KEY, state TEXT NOT NULL)")
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO orders VALUES ('A', 'open'), ('B', 'open')")
            .execute(pool)
            .await
            .unwrap();
        let state = async |id: &str| -> String {
            sqlx::query_scalar("SELECT state FROM orders WHERE id = $1")
                .bind(id)
                .fetch_one(pool)
                .await
                .unwrap()
        };

        let mut tx = store.begin().await.unwrap();
        sqlx::query("UPDATE orders SET state = 'paid' WHERE id = 'A'")
            .execute(&mut *tx)
            .await
            .unwrap();
        PostgresStore::enqueue_in(&mut tx, &callback(1), T0).await.unwrap();
        tx.rollback().await.unwrap();
        assert!(store.list(State::Pending).await.unwrap().is_empty(), "rolled back: nothing");
        assert_eq!(state("A").await, "open");

        let mut tx = store.begin().await.unwrap();
        sqlx::query("UPDATE orders SET state = 'paid' WHERE id = 'B'")
            .execute(&mut *tx)
            .await
            .unwrap();
        let id = PostgresStore::enqueue_in(&mut tx, &callback(2), T0).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(state("B").await, "paid");
        assert_eq!(store.get(id).await.unwrap().callback, callback(2), "committed: both");
    })
    .await;
}
