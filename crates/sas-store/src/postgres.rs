//! The PostgreSQL store: one outbox for any number of dispatchers on any number of nodes.
//!
//! Leases are taken with `SELECT … FOR UPDATE SKIP LOCKED` and set in the same statement, so
//! dispatchers never wait on each other's rows and never hold the same callback at once; a
//! crashed dispatcher's leases expire and its callbacks are taken again.

mod outbox;
mod seen;

use std::sync::Arc;
use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::delivery::{Callback, CallbackId, OutboxError};
use sas_hyper::time::Clock;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{PgConnection, Postgres, Transaction};

use crate::StoreError;
use crate::migrate::{self, Migration};
use crate::retention::{Prune, Pruned, Retention};
use crate::row;
use crate::seen::SeenConfig;

/// This crate's migrations for PostgreSQL.
const MIGRATIONS: &[Migration] = &[
    Migration::new(1, "callbacks", include_str!("../migrations/postgres/0001_callbacks.sql")),
    Migration::new(2, "seen", include_str!("../migrations/postgres/0002_seen.sql")),
];

/// The advisory lock that serialises migrations across nodes opening the database at once.
const MIGRATION_LOCK: i64 = 0x5A5_5707E;

/// An [`Outbox`](sas_hyper::delivery::Outbox) and a
/// [`SeenStore`](sas_hyper::receiver::SeenStore) in one PostgreSQL database. Cheap to clone (the
/// clones share the connection pool).
///
/// The tables are `sas_callbacks` and `sas_seen`, created on open in the connection's current
/// schema (set another with the URL's `options=-c search_path=…`). Applications can keep their
/// own tables in the same database, enqueue callbacks in their own transactions
/// ([`enqueue_in`](Self::enqueue_in)) and migrate their tables with [`migrate`](Self::migrate).
#[derive(Clone, Debug)]
pub struct PostgresStore {
    pool: PgPool,
    seen: Arc<SeenConfig>,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user:password@host:port/database?…`, up to 10 connections)
    /// and applies the migrations.
    ///
    /// # Errors
    ///
    /// [`StoreError::Connect`] when the URL is malformed or the server cannot be reached;
    /// [`StoreError::Migrate`] or [`StoreError::NewerSchema`] from the migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options: PgConnectOptions = url.parse().map_err(StoreError::Connect)?;
        Self::connect_with(PgPoolOptions::new().max_connections(10), options).await
    }

    /// Connects with your pool and connection options, and applies the migrations.
    ///
    /// # Errors
    ///
    /// As [`connect`](Self::connect).
    pub async fn connect_with(
        pool: PgPoolOptions,
        options: PgConnectOptions,
    ) -> Result<Self, StoreError> {
        let pool = pool.connect_with(options).await.map_err(StoreError::Connect)?;
        Self::from_pool(pool).await
    }

    /// A store over an existing pool; applies the migrations.
    ///
    /// # Errors
    ///
    /// [`StoreError::Migrate`] or [`StoreError::NewerSchema`] from the migrations.
    pub async fn from_pool(pool: PgPool) -> Result<Self, StoreError> {
        let store = Self { pool, seen: Arc::new(SeenConfig::default()) };
        store.migrate(migrate::SET, MIGRATIONS).await?;
        Ok(store)
    }

    /// The connection pool, for the application's own queries.
    pub fn pool(&self) -> &PgPool {
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
    /// under an advisory lock (nodes opening the database at once apply each once). This is how
    /// an application keeps its own tables beside the store's: give its set a name of its own.
    ///
    /// # Errors
    ///
    /// [`StoreError::Migrate`] naming the migration that failed (none of the set's pending
    /// ones is applied then), [`StoreError::NewerSchema`], [`StoreError::Query`].
    pub async fn migrate(&self, set: &str, migrations: &[Migration]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *tx)
            .await?;
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS sas_store_migrations (
                 set_name TEXT NOT NULL,
                 version  BIGINT NOT NULL,
                 name     TEXT NOT NULL,
                 PRIMARY KEY (set_name, version)
             )",
        )
        .execute(&mut *tx)
        .await?;
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM sas_store_migrations WHERE set_name = $1")
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
                "INSERT INTO sas_store_migrations (set_name, version, name) VALUES ($1, $2, $3)",
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

    /// Begins a transaction, for [`enqueue_in`](Self::enqueue_in) beside your own changes.
    ///
    /// # Errors
    ///
    /// [`StoreError::Query`] when no connection can be had.
    pub async fn begin(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        Ok(self.pool.begin().await?)
    }

    /// Enqueues `callback`, due at `now`, on `connection` — inside your transaction, so the
    /// callback is stored if and only if your changes commit (the transactional outbox). A
    /// dispatcher on this database picks it up at its next look at the outbox (within its poll
    /// interval; call [`Dispatcher::wake`](sas_hyper::delivery::Dispatcher::wake) after the
    /// commit for at once). Unlike
    /// [`Dispatcher::enqueue`](sas_hyper::delivery::Dispatcher::enqueue), it does not sign the
    /// callback first: check the keys when the dispatcher starts.
    ///
    /// ```no_run
    /// # async fn run(store: sas_store::PostgresStore, callback: sas_hyper::delivery::Callback, now: sas_hyper::UnixTime) -> Result<(), Box<dyn std::error::Error>> {
    /// let mut tx = store.begin().await?;
    /// sqlx::query("UPDATE orders SET state = 'paid' WHERE out_trade_no = $1")
    ///     .bind("ORDER-1")
    ///     .execute(&mut *tx)
    ///     .await?;
    /// sas_store::PostgresStore::enqueue_in(&mut tx, &callback, now).await?;
    /// tx.commit().await?; // both or neither
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`OutboxError::Storage`] when the insert fails (roll the transaction back).
    pub async fn enqueue_in(
        connection: &mut PgConnection,
        callback: &Callback,
        now: UnixTime,
    ) -> Result<CallbackId, OutboxError> {
        outbox::insert(connection, callback, now).await
    }
}

impl Prune for PostgresStore {
    async fn prune(&self, now: UnixTime, retention: &Retention) -> Result<Pruned, StoreError> {
        let callbacks = sqlx::query(
            "DELETE FROM sas_callbacks WHERE state = 'delivered' AND finished_at <= $1",
        )
        .bind(row::millis(retention.delivered_before(now)))
        .execute(&self.pool)
        .await?
        .rows_affected();
        let seen = sqlx::query(
            "DELETE FROM sas_seen WHERE (done AND completed_at <= $1)
                OR (NOT done AND claimed_at <= $1)",
        )
        .bind(row::millis(retention.seen_before(now)))
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(Pruned { callbacks, seen })
    }
}
