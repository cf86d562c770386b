//! The SQLite store: one file, WAL, no server. SQLite is compiled in.
//!
//! Every outbox and duplicate-store operation is one SQL statement (leases are taken with one
//! `UPDATE … RETURNING`), so concurrent dispatchers in one process or several never hold the
//! same callback at once: SQLite runs one writer at a time and the others wait up to the busy
//! timeout.

mod outbox;
mod seen;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::delivery::{Callback, CallbackId, OutboxError};
use sas_hyper::time::Clock;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Connection, Sqlite, SqliteConnection, Transaction};

use crate::StoreError;
use crate::migrate::{self, Migration};
use crate::retention::{Prune, Pruned, Retention};
use crate::row;
use crate::seen::SeenConfig;

/// This crate's migrations for SQLite.
const MIGRATIONS: &[Migration] = &[
    Migration::new(1, "callbacks", include_str!("../migrations/sqlite/0001_callbacks.sql")),
    Migration::new(2, "seen", include_str!("../migrations/sqlite/0002_seen.sql")),
];

/// How long a statement waits for another writer (another connection or process) by default.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An [`Outbox`](sas_hyper::delivery::Outbox) and a
/// [`SeenStore`](sas_hyper::receiver::SeenStore) in one SQLite database. Cheap to clone (the
/// clones share the connection pool).
///
/// The tables are `sas_callbacks` and `sas_seen`, created on open. Applications can keep their
/// own tables in the same file, enqueue callbacks in their own transactions
/// ([`enqueue_in`](Self::enqueue_in)) and migrate their tables with [`migrate`](Self::migrate).
#[derive(Clone, Debug)]
pub struct SqliteStore {
    pool: SqlitePool,
    seen: Arc<SeenConfig>,
}

impl SqliteStore {
    /// Opens (creating it if missing) the database file at `path` and applies the migrations:
    /// WAL journal, `synchronous = FULL` (a commit survives a power cut), foreign keys on, a busy
    /// timeout of [`DEFAULT_BUSY_TIMEOUT`], up to 4 connections.
    ///
    /// # Errors
    ///
    /// [`StoreError::Connect`] when the file cannot be opened or created;
    /// [`StoreError::Migrate`] or [`StoreError::NewerSchema`] from the migrations.
    pub async fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(DEFAULT_BUSY_TIMEOUT);
        Self::open_with(SqlitePoolOptions::new().max_connections(4), options).await
    }

    /// Opens a database with your pool and connection options (used as given: set WAL and a
    /// busy timeout yourself), and applies the migrations.
    ///
    /// # Errors
    ///
    /// As [`open`](Self::open).
    pub async fn open_with(
        pool: SqlitePoolOptions,
        options: SqliteConnectOptions,
    ) -> Result<Self, StoreError> {
        let pool = pool.connect_with(options).await.map_err(StoreError::Connect)?;
        Self::from_pool(pool).await
    }

    /// A store over an existing pool; applies the migrations.
    ///
    /// # Errors
    ///
    /// [`StoreError::Migrate`] or [`StoreError::NewerSchema`] from the migrations.
    pub async fn from_pool(pool: SqlitePool) -> Result<Self, StoreError> {
        let store = Self { pool, seen: Arc::new(SeenConfig::default()) };
        store.migrate(migrate::SET, MIGRATIONS).await?;
        Ok(store)
    }

    /// The connection pool, for the application's own queries.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The clock the duplicate store stamps claims and completions with (the system's by
    /// default).
    #[must_use]
    pub fn with_clock(mut self, clock: impl Clock) -> Self {
        Arc::make_mut(&mut self.seen).clock = Arc::new(clock);
        self
    }

    /// How long a notification may stay claimed without being completed or released before
    /// another delivery takes it over (a receiver that stopped mid-handling); default
    /// [`DEFAULT_CLAIM_TIMEOUT`](crate::DEFAULT_CLAIM_TIMEOUT). Keep it above the longest a
    /// handler runs.
    #[must_use]
    pub fn claim_timeout(mut self, timeout: Duration) -> Self {
        Arc::make_mut(&mut self.seen).claim_timeout = timeout;
        self
    }

    /// Applies the migrations of `set` newer than those the database holds, in one transaction
    /// begun with `BEGIN IMMEDIATE` (two processes opening the file at once apply each once).
    /// This is how an application keeps its own tables beside the store's: give its set a name
    /// of its own.
    ///
    /// # Errors
    ///
    /// [`StoreError::Migrate`] naming the migration that failed (none of the set's pending
    /// ones is applied then), [`StoreError::NewerSchema`], [`StoreError::Query`].
    pub async fn migrate(&self, set: &str, migrations: &[Migration]) -> Result<(), StoreError> {
        let mut connection = self.pool.acquire().await?;
        let mut tx = connection.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS sas_store_migrations (
                 set_name TEXT NOT NULL,
                 version  INTEGER NOT NULL,
                 name     TEXT NOT NULL,
                 PRIMARY KEY (set_name, version)
             )",
        )
        .execute(&mut *tx)
        .await?;
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM sas_store_migrations WHERE set_name = ?")
                .bind(set)
                .fetch_one(&mut *tx)
                .await?;
        for migration in migrate::pending(set, migrations, applied)? {
            let failed = |source| StoreError::Migrate {
                set: set.to_owned(),
                version: migration.version,
                name: migration.name,
                source,
            };
            sqlx::raw_sql(migration.sql).execute(&mut *tx).await.map_err(failed)?;
            sqlx::query(
                "INSERT INTO sas_store_migrations (set_name, version, name) VALUES (?, ?, ?)",
            )
            .bind(set)
            .bind(migration.version)
            .bind(migration.name)
            .execute(&mut *tx)
            .await
            .map_err(failed)?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Begins a write transaction (`BEGIN IMMEDIATE`: it takes the write lock at once, waiting
    /// up to the busy timeout, so it cannot fail later for another writer), for
    /// [`enqueue_in`](Self::enqueue_in) beside your own changes.
    ///
    /// # Errors
    ///
    /// [`StoreError::Query`] when no connection or lock can be had.
    pub async fn begin(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Enqueues `callback`, due at `now`, on `connection` — inside your transaction, so the
    /// callback is stored if and only if your changes commit (the transactional outbox). A
    /// dispatcher on this store picks it up at its next look at the outbox (within its poll
    /// interval; call [`Dispatcher::wake`](sas_hyper::delivery::Dispatcher::wake) after the
    /// commit for at once). Unlike
    /// [`Dispatcher::enqueue`](sas_hyper::delivery::Dispatcher::enqueue), it does not sign the
    /// callback first: check the keys when the dispatcher starts.
    ///
    /// ```no_run
    /// # async fn run(store: sas_store::SqliteStore, callback: sas_hyper::delivery::Callback, now: sas_hyper::UnixTime) -> Result<(), Box<dyn std::error::Error>> {
    /// let mut tx = store.begin().await?;
    /// sqlx::query("UPDATE orders SET state = 'paid' WHERE out_trade_no = ?")
    ///     .bind("ORDER-1")
    ///     .execute(&mut *tx)
    ///     .await?;
    /// sas_store::SqliteStore::enqueue_in(&mut tx, &callback, now).await?;
    /// tx.commit().await?; // both or neither
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`OutboxError::Storage`] when the insert fails (roll the transaction back).
    pub async fn enqueue_in(
        connection: &mut SqliteConnection,
        callback: &Callback,
        now: UnixTime,
    ) -> Result<CallbackId, OutboxError> {
        outbox::insert(connection, callback, now).await
    }
}

impl Prune for SqliteStore {
    async fn prune(&self, now: UnixTime, retention: &Retention) -> Result<Pruned, StoreError> {
        let callbacks =
            sqlx::query("DELETE FROM sas_callbacks WHERE state = 'delivered' AND finished_at <= ?")
                .bind(row::millis(retention.delivered_before(now)))
                .execute(&self.pool)
                .await?
                .rows_affected();
        let seen = sqlx::query(
            "DELETE FROM sas_seen WHERE (done = 1 AND completed_at <= ?1)
                OR (done = 0 AND claimed_at <= ?1)",
        )
        .bind(row::millis(retention.seen_before(now)))
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(Pruned { callbacks, seen })
    }
}
