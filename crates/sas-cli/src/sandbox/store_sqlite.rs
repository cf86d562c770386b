//! [`SqliteSandboxStore`]: the sandbox's state in SQLite (`sas sandbox --data DIR`), in the
//! same database as sas-store's callback outbox.
//!
//! Records are stored as their JSON (the model's serde form) beside the columns they are found
//! by (`store_sqlite/0001_state.sql`), each lookup served by an index
//! (`store_sqlite/0002_by_number.sql` adds those by order and refund number alone). The tables are the migration set `sas-sandbox`, applied
//! on open through [`SqliteStore::migrate`]: a database written by a newer sandbox is refused.
//! Read-modify-write operations run in one `BEGIN IMMEDIATE` transaction, so they are atomic
//! across connections and processes; a change that causes callbacks enqueues them in that same
//! transaction ([`SqliteStore::enqueue_in`]), so a crash never keeps one without the other.

use sas_core::time::UnixTime;
use sas_hyper::delivery::{Callback, CallbackId};
use sas_store::SqliteStore;
use sas_store::migrate::Migration;
use sas_store::sqlx::{self, Sqlite, SqliteConnection, Transaction};

use super::error::SandboxError;
use super::model::{InfoKind, Message, Order, OrderKey, Refund, TemporaryCode, UserProfile};
use super::outbox::SandboxOutbox;
use super::store::RefundKey;
use super::store_async::{
    AsyncStore, Effects, RequestRefund, StoreFuture, UpdateOrder, UpdateRefund, outbox_error,
};

/// The name of the sandbox's migration set in `sas_store_migrations`.
pub(crate) const MIGRATION_SET: &str = "sas-sandbox";

/// The sandbox's migrations, newest last; the last version is the schema this build writes.
const MIGRATIONS: &[Migration] = &[
    Migration::new(1, "state", include_str!("store_sqlite/0001_state.sql")),
    Migration::new(2, "by_number", include_str!("store_sqlite/0002_by_number.sql")),
];

/// An [`AsyncStore`] in SQLite: what it holds survives the process. Cheap to clone.
#[derive(Clone, Debug)]
pub(crate) struct SqliteSandboxStore {
    db: SqliteStore,
}

/// A storage failure, as the sandbox reports it (500, `INTERNAL_ERROR`).
fn storage(error: impl std::fmt::Display) -> SandboxError {
    SandboxError::Internal(format!("sandbox storage: {error}"))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, SandboxError> {
    serde_json::to_string(value).map_err(storage)
}

fn order_from((record, fingerprint): (String, String)) -> Result<Order, SandboxError> {
    let mut order: Order = serde_json::from_str(&record).map_err(storage)?;
    order.fingerprint = fingerprint;
    Ok(order)
}

fn refund_from((record, fingerprint): (String, String)) -> Result<Refund, SandboxError> {
    let mut refund: Refund = serde_json::from_str(&record).map_err(storage)?;
    refund.fingerprint = fingerprint;
    Ok(refund)
}

fn kind_word(kind: InfoKind) -> &'static str {
    match kind {
        InfoKind::Email => "email",
        InfoKind::Phone => "phone",
    }
}

fn kind_from(word: &str) -> Result<InfoKind, SandboxError> {
    match word {
        "email" => Ok(InfoKind::Email),
        "phone" => Ok(InfoKind::Phone),
        other => Err(storage(format!("unknown code kind {other:?}"))),
    }
}

/// Milliseconds as SQLite's integer (saturating).
fn to_i64(millis: u64) -> i64 {
    i64::try_from(millis).unwrap_or(i64::MAX)
}

impl SqliteSandboxStore {
    /// The sandbox's tables in `db` (migrated to this build's schema), holding `users` besides
    /// those it already holds (a user of `users` replaces the stored one with the same ID).
    ///
    /// # Errors
    ///
    /// [`sas_store::StoreError::NewerSchema`] when a newer sandbox wrote the database,
    /// [`sas_store::StoreError::Migrate`] or [`sas_store::StoreError::Query`] when it cannot
    /// be migrated or written.
    pub(crate) async fn open(
        db: SqliteStore,
        users: impl IntoIterator<Item = UserProfile>,
    ) -> Result<Self, sas_store::StoreError> {
        db.migrate(MIGRATION_SET, MIGRATIONS).await?;
        let mut tx = db.begin().await?;
        for user in users {
            let record = serde_json::to_string(&user)
                .map_err(|e| sas_store::StoreError::Query(sqlx::Error::Encode(Box::new(e))))?;
            sqlx::query(
                "INSERT INTO sandbox_users (user_id, record) VALUES (?, ?)
                 ON CONFLICT (user_id) DO UPDATE SET record = excluded.record",
            )
            .bind(&user.user_id)
            .bind(record)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Self { db })
    }

    /// The database, with sas-store's outbox in it.
    pub(crate) fn database(&self) -> &SqliteStore {
        &self.db
    }

    async fn begin(&self) -> Result<Transaction<'static, Sqlite>, SandboxError> {
        self.db.begin().await.map_err(storage)
    }
}

async fn order_in(
    connection: &mut SqliteConnection,
    key: &OrderKey,
) -> Result<Option<Order>, SandboxError> {
    sqlx::query_as::<_, (String, String)>(
        "SELECT record, fingerprint FROM sandbox_orders WHERE mchid = ? AND out_trade_no = ?",
    )
    .bind(&key.mchid)
    .bind(&key.out_trade_no)
    .fetch_optional(connection)
    .await
    .map_err(storage)?
    .map(order_from)
    .transpose()
}

async fn put_order(
    connection: &mut SqliteConnection,
    key: &OrderKey,
    order: &Order,
) -> Result<(), SandboxError> {
    sqlx::query(
        "INSERT INTO sandbox_orders (mchid, out_trade_no, transaction_id, fingerprint, record)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (mchid, out_trade_no) DO UPDATE SET transaction_id = excluded.transaction_id,
             fingerprint = excluded.fingerprint, record = excluded.record",
    )
    .bind(&key.mchid)
    .bind(&key.out_trade_no)
    .bind(&order.transaction_id)
    .bind(&order.fingerprint)
    .bind(json(order)?)
    .execute(connection)
    .await
    .map_err(storage)?;
    Ok(())
}

async fn refund_in(
    connection: &mut SqliteConnection,
    key: &RefundKey,
) -> Result<Option<Refund>, SandboxError> {
    sqlx::query_as::<_, (String, String)>(
        "SELECT record, fingerprint FROM sandbox_refunds WHERE mchid = ? AND out_refund_no = ?",
    )
    .bind(&key.0)
    .bind(&key.1)
    .fetch_optional(connection)
    .await
    .map_err(storage)?
    .map(refund_from)
    .transpose()
}

async fn put_refund(
    connection: &mut SqliteConnection,
    key: &RefundKey,
    refund: &Refund,
) -> Result<(), SandboxError> {
    sqlx::query(
        "INSERT INTO sandbox_refunds (mchid, out_refund_no, out_trade_no, fingerprint, record)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (mchid, out_refund_no) DO UPDATE SET out_trade_no = excluded.out_trade_no,
             fingerprint = excluded.fingerprint, record = excluded.record",
    )
    .bind(&key.0)
    .bind(&key.1)
    .bind(&refund.out_trade_no)
    .bind(&refund.fingerprint)
    .bind(json(refund)?)
    .execute(connection)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Enqueues `callbacks` in the transaction on `connection`, due at `now`.
async fn enqueue_in(
    connection: &mut SqliteConnection,
    callbacks: Vec<Callback>,
    now: UnixTime,
) -> Result<Vec<CallbackId>, SandboxError> {
    let mut ids = Vec::with_capacity(callbacks.len());
    for callback in callbacks {
        ids.push(SqliteStore::enqueue_in(connection, &callback, now).await.map_err(outbox_error)?);
    }
    Ok(ids)
}

/// Replaces a refund and its order with what `change` makes of them, in the transaction on
/// `connection`.
async fn update_refund_in(
    connection: &mut SqliteConnection,
    key: &RefundKey,
    change: &mut UpdateRefund<'_>,
) -> Result<(Refund, Order), SandboxError> {
    let refund = refund_in(connection, key)
        .await?
        .ok_or_else(|| SandboxError::RefundNotFound(key.1.clone()))?;
    let order_key = OrderKey::new(&refund.mchid, &refund.out_trade_no);
    let order = order_in(connection, &order_key)
        .await?
        .ok_or_else(|| SandboxError::OrderNotFound(order_key.out_trade_no.clone()))?;
    let (new_refund, new_order) = change(&refund, &order)?;
    put_refund(connection, key, &new_refund).await?;
    put_order(connection, &order_key, &new_order).await?;
    Ok((new_refund, new_order))
}

impl AsyncStore for SqliteSandboxStore {
    fn users(&self) -> StoreFuture<'_, Vec<UserProfile>> {
        Box::pin(async move {
            let rows: Vec<String> =
                sqlx::query_scalar("SELECT record FROM sandbox_users ORDER BY user_id")
                    .fetch_all(self.db.pool())
                    .await
                    .map_err(storage)?;
            rows.iter().map(|row| serde_json::from_str(row).map_err(storage)).collect()
        })
    }

    fn user<'a>(&'a self, user_id: &'a str) -> StoreFuture<'a, Option<UserProfile>> {
        Box::pin(async move {
            let row: Option<String> =
                sqlx::query_scalar("SELECT record FROM sandbox_users WHERE user_id = ?")
                    .bind(user_id)
                    .fetch_optional(self.db.pool())
                    .await
                    .map_err(storage)?;
            row.map(|row| serde_json::from_str(&row).map_err(storage)).transpose()
        })
    }

    fn insert_code(&self, code: TemporaryCode) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            sqlx::query(
                "INSERT OR REPLACE INTO sandbox_codes (code, user_id, kind, expires_at)
                 VALUES (?, ?, ?, ?)",
            )
            .bind(&code.code)
            .bind(&code.user_id)
            .bind(kind_word(code.kind))
            .bind(to_i64(code.expires_at.as_millis()))
            .execute(self.db.pool())
            .await
            .map_err(storage)?;
            Ok(())
        })
    }

    fn take_code<'a>(&'a self, code: &'a str) -> StoreFuture<'a, Option<TemporaryCode>> {
        Box::pin(async move {
            let row: Option<(String, String, i64)> = sqlx::query_as(
                "DELETE FROM sandbox_codes WHERE code = ? RETURNING user_id, kind, expires_at",
            )
            .bind(code)
            .fetch_optional(self.db.pool())
            .await
            .map_err(storage)?;
            row.map(|(user_id, kind, expires_at)| {
                Ok(TemporaryCode {
                    code: code.to_owned(),
                    user_id,
                    kind: kind_from(&kind)?,
                    expires_at: UnixTime::from_millis(u64::try_from(expires_at).unwrap_or(0)),
                })
            })
            .transpose()
        })
    }

    fn order<'a>(&'a self, key: &'a OrderKey) -> StoreFuture<'a, Option<Order>> {
        Box::pin(async move {
            let mut connection = self.db.pool().acquire().await.map_err(storage)?;
            order_in(&mut connection, key).await
        })
    }

    fn order_by_transaction<'a>(
        &'a self,
        mchid: &'a str,
        transaction_id: &'a str,
    ) -> StoreFuture<'a, Option<Order>> {
        Box::pin(async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT record, fingerprint FROM sandbox_orders
                 WHERE mchid = ? AND transaction_id = ? ORDER BY seq LIMIT 1",
            )
            .bind(mchid)
            .bind(transaction_id)
            .fetch_optional(self.db.pool())
            .await
            .map_err(storage)?
            .map(order_from)
            .transpose()
        })
    }

    fn orders(&self) -> StoreFuture<'_, Vec<Order>> {
        Box::pin(async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT record, fingerprint FROM sandbox_orders ORDER BY seq",
            )
            .fetch_all(self.db.pool())
            .await
            .map_err(storage)?
            .into_iter()
            .map(order_from)
            .collect()
        })
    }

    fn orders_numbered<'a>(&'a self, out_trade_no: &'a str) -> StoreFuture<'a, Vec<Order>> {
        Box::pin(async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT record, fingerprint FROM sandbox_orders WHERE out_trade_no = ? ORDER BY seq",
            )
            .bind(out_trade_no)
            .fetch_all(self.db.pool())
            .await
            .map_err(storage)?
            .into_iter()
            .map(order_from)
            .collect()
        })
    }

    fn update_order<'a>(
        &'a self,
        key: &'a OrderKey,
        change: &'a mut UpdateOrder<'_>,
    ) -> StoreFuture<'a, Order> {
        Box::pin(async move {
            let mut tx = self.begin().await?;
            let current = order_in(&mut tx, key).await?;
            let new = change(current.as_ref())?;
            put_order(&mut tx, key, &new).await?;
            tx.commit().await.map_err(storage)?;
            Ok(new)
        })
    }

    /// The callbacks go to the outbox in this store's database, whatever `_outbox` is (the
    /// sandbox gives this database's).
    fn update_order_enqueue<'a>(
        &'a self,
        key: &'a OrderKey,
        change: &'a mut UpdateOrder<'_>,
        effects: &'a mut Effects<'_, Order>,
        _outbox: &'a SandboxOutbox,
        now: UnixTime,
    ) -> StoreFuture<'a, (Order, Vec<CallbackId>)> {
        Box::pin(async move {
            let mut tx = self.begin().await?;
            let current = order_in(&mut tx, key).await?;
            let new = change(current.as_ref())?;
            put_order(&mut tx, key, &new).await?;
            let ids = enqueue_in(&mut tx, effects(&new)?, now).await?;
            tx.commit().await.map_err(storage)?;
            Ok((new, ids))
        })
    }

    fn refund<'a>(&'a self, key: &'a RefundKey) -> StoreFuture<'a, Option<Refund>> {
        Box::pin(async move {
            let mut connection = self.db.pool().acquire().await.map_err(storage)?;
            refund_in(&mut connection, key).await
        })
    }

    fn refunds(&self) -> StoreFuture<'_, Vec<Refund>> {
        Box::pin(async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT record, fingerprint FROM sandbox_refunds ORDER BY seq",
            )
            .fetch_all(self.db.pool())
            .await
            .map_err(storage)?
            .into_iter()
            .map(refund_from)
            .collect()
        })
    }

    fn refunds_numbered<'a>(&'a self, out_refund_no: &'a str) -> StoreFuture<'a, Vec<Refund>> {
        Box::pin(async move {
            sqlx::query_as::<_, (String, String)>(
                "SELECT record, fingerprint FROM sandbox_refunds WHERE out_refund_no = ?
                 ORDER BY seq",
            )
            .bind(out_refund_no)
            .fetch_all(self.db.pool())
            .await
            .map_err(storage)?
            .into_iter()
            .map(refund_from)
            .collect()
        })
    }

    fn request_refund<'a>(
        &'a self,
        order: &'a OrderKey,
        key: &'a RefundKey,
        change: &'a mut RequestRefund<'_>,
    ) -> StoreFuture<'a, Refund> {
        Box::pin(async move {
            let mut tx = self.begin().await?;
            let found = order_in(&mut tx, order)
                .await?
                .ok_or_else(|| SandboxError::OrderNotFound(order.out_trade_no.clone()))?;
            let so_far = sqlx::query_as::<_, (String, String)>(
                "SELECT record, fingerprint FROM sandbox_refunds
                 WHERE mchid = ? AND out_trade_no = ? ORDER BY seq",
            )
            .bind(&order.mchid)
            .bind(&order.out_trade_no)
            .fetch_all(&mut *tx)
            .await
            .map_err(storage)?
            .into_iter()
            .map(refund_from)
            .collect::<Result<Vec<_>, _>>()?;
            let existing = refund_in(&mut tx, key).await?;
            let new = change(&found, &so_far, existing.as_ref())?;
            let stored_under = match existing {
                Some(_) => key.clone(),
                None => (new.mchid.clone(), new.out_refund_no.clone()),
            };
            put_refund(&mut tx, &stored_under, &new).await?;
            tx.commit().await.map_err(storage)?;
            Ok(new)
        })
    }

    /// The callbacks go to the outbox in this store's database, whatever `_outbox` is.
    fn update_refund_enqueue<'a>(
        &'a self,
        key: &'a RefundKey,
        change: &'a mut UpdateRefund<'_>,
        effects: &'a mut Effects<'_, (Refund, Order)>,
        _outbox: &'a SandboxOutbox,
        now: UnixTime,
    ) -> StoreFuture<'a, ((Refund, Order), Vec<CallbackId>)> {
        Box::pin(async move {
            let mut tx = self.begin().await?;
            let new = update_refund_in(&mut tx, key, change).await?;
            let ids = enqueue_in(&mut tx, effects(&new)?, now).await?;
            tx.commit().await.map_err(storage)?;
            Ok((new, ids))
        })
    }

    fn push_message(&self, message: Message) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            sqlx::query("INSERT INTO sandbox_messages (received_at, message) VALUES (?, ?)")
                .bind(to_i64(message.received_at))
                .bind(json(&message.message)?)
                .execute(self.db.pool())
                .await
                .map_err(storage)?;
            Ok(())
        })
    }

    fn messages(&self) -> StoreFuture<'_, Vec<Message>> {
        Box::pin(async move {
            sqlx::query_as::<_, (i64, String)>(
                "SELECT received_at, message FROM sandbox_messages ORDER BY seq",
            )
            .fetch_all(self.db.pool())
            .await
            .map_err(storage)?
            .into_iter()
            .map(|(received_at, message)| {
                Ok(Message {
                    received_at: u64::try_from(received_at).unwrap_or(0),
                    message: serde_json::from_str(&message).map_err(storage)?,
                })
            })
            .collect()
        })
    }
}
