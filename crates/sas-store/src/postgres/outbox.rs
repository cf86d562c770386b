//! The outbox on PostgreSQL: each operation one statement; leases with `FOR UPDATE SKIP LOCKED`.

use std::time::Duration;

use sas_hyper::UnixTime;
use sas_hyper::delivery::{
    Attempt, Callback, CallbackId, Lease, Leased, Outbox, OutboxError, Record, State,
};
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};

use super::PostgresStore;
use crate::row::{self, LeasedRow, RecordRow, storage};

const RECORD_COLUMNS: &str =
    "id, callback, state, enqueued_at, next_attempt_at, attempts::TEXT AS attempts, round_attempts";

fn record(row: &PgRow) -> Result<Record, OutboxError> {
    RecordRow {
        id: row.try_get("id").map_err(storage)?,
        callback: row.try_get("callback").map_err(storage)?,
        state: row.try_get("state").map_err(storage)?,
        enqueued_at: row.try_get("enqueued_at").map_err(storage)?,
        next_attempt_at: row.try_get("next_attempt_at").map_err(storage)?,
        attempts: row.try_get("attempts").map_err(storage)?,
        round_attempts: row.try_get::<i32, _>("round_attempts").map_err(storage)?.into(),
    }
    .into_record()
}

/// Inserts a pending callback due at `now`.
pub(super) async fn insert(
    connection: &mut PgConnection,
    callback: &Callback,
    now: UnixTime,
) -> Result<CallbackId, OutboxError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sas_callbacks (state, callback, enqueued_at, next_attempt_at)
         VALUES ('pending', $1, $2, $2) RETURNING id",
    )
    .bind(row::callback_json(callback)?)
    .bind(row::millis(now))
    .fetch_one(connection)
    .await
    .map_err(storage)?;
    Ok(row::callback_id(id))
}

impl PostgresStore {
    /// `NotFound` when no callback has `id`, else `LeaseLost`: what a refused mark means.
    async fn refused(&self, id: CallbackId) -> OutboxError {
        let exists = sqlx::query("SELECT 1 FROM sas_callbacks WHERE id = $1")
            .bind(row::id(id))
            .fetch_optional(&self.pool)
            .await;
        match exists {
            Ok(Some(_)) => OutboxError::LeaseLost(id),
            Ok(None) => OutboxError::NotFound(id),
            Err(error) => storage(error),
        }
    }
}

impl Outbox for PostgresStore {
    async fn enqueue(&self, callback: Callback, now: UnixTime) -> Result<CallbackId, OutboxError> {
        let mut connection = self.pool.acquire().await.map_err(storage)?;
        insert(&mut connection, &callback, now).await
    }

    async fn lease_due(
        &self,
        now: UnixTime,
        max: usize,
        lease_for: Duration,
    ) -> Result<Vec<Leased>, OutboxError> {
        let until = row::after(now, lease_for);
        let rows = sqlx::query(
            "WITH due AS (
                 SELECT id FROM sas_callbacks
                 WHERE state = 'pending' AND next_attempt_at <= $1
                   AND (lease_until IS NULL OR lease_until <= $1)
                 ORDER BY next_attempt_at, id
                 LIMIT $3
                 FOR UPDATE SKIP LOCKED
             )
             UPDATE sas_callbacks AS c SET lease_token = c.lease_token + 1, lease_until = $2
             FROM due WHERE c.id = due.id
             RETURNING c.id, c.lease_token, c.callback, c.next_attempt_at, c.round_attempts",
        )
        .bind(row::millis(now))
        .bind(row::millis(until))
        .bind(i64::try_from(max).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        let rows = rows
            .iter()
            .map(|r| {
                Ok(LeasedRow {
                    id: r.try_get("id")?,
                    token: r.try_get("lease_token")?,
                    callback: r.try_get("callback")?,
                    next_attempt_at: r.try_get("next_attempt_at")?,
                    round_attempts: r.try_get::<i32, _>("round_attempts")?.into(),
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(storage)?;
        row::leased(rows, until)
    }

    async fn mark_delivered(&self, lease: Lease, attempt: Attempt) -> Result<(), OutboxError> {
        let done = sqlx::query(
            "UPDATE sas_callbacks
             SET state = 'delivered', attempts = attempts || jsonb_build_array($3::jsonb),
                 round_attempts = round_attempts + 1, lease_until = NULL, finished_at = $4
             WHERE id = $1 AND lease_token = $2 AND state = 'pending' AND lease_until IS NOT NULL",
        )
        .bind(row::id(lease.id))
        .bind(row::token(lease.token))
        .bind(row::attempt_json(&attempt)?)
        .bind(row::millis(attempt.at))
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        if done.rows_affected() == 0 {
            return Err(self.refused(lease.id).await);
        }
        Ok(())
    }

    async fn reschedule(
        &self,
        lease: Lease,
        attempt: Attempt,
        next: Option<UnixTime>,
    ) -> Result<(), OutboxError> {
        let done = sqlx::query(
            "UPDATE sas_callbacks
             SET state = CASE WHEN $4::BIGINT IS NULL THEN 'dead' ELSE 'pending' END,
                 next_attempt_at = COALESCE($4, next_attempt_at),
                 finished_at = CASE WHEN $4::BIGINT IS NULL THEN $5 ELSE NULL END,
                 attempts = attempts || jsonb_build_array($3::jsonb),
                 round_attempts = round_attempts + 1, lease_until = NULL
             WHERE id = $1 AND lease_token = $2 AND state = 'pending' AND lease_until IS NOT NULL",
        )
        .bind(row::id(lease.id))
        .bind(row::token(lease.token))
        .bind(row::attempt_json(&attempt)?)
        .bind(next.map(row::millis))
        .bind(row::millis(attempt.at))
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        if done.rows_affected() == 0 {
            return Err(self.refused(lease.id).await);
        }
        Ok(())
    }

    async fn list(&self, state: State) -> Result<Vec<Record>, OutboxError> {
        let rows = sqlx::query(&format!(
            "SELECT {RECORD_COLUMNS} FROM sas_callbacks WHERE state = $1 ORDER BY id"
        ))
        .bind(row::state_word(state))
        .fetch_all(&self.pool)
        .await
        .map_err(storage)?;
        rows.iter().map(record).collect()
    }

    async fn get(&self, id: CallbackId) -> Result<Record, OutboxError> {
        let found =
            sqlx::query(&format!("SELECT {RECORD_COLUMNS} FROM sas_callbacks WHERE id = $1"))
                .bind(row::id(id))
                .fetch_optional(&self.pool)
                .await
                .map_err(storage)?;
        found.as_ref().map(record).unwrap_or(Err(OutboxError::NotFound(id)))
    }

    async fn redeliver(&self, id: CallbackId, now: UnixTime) -> Result<(), OutboxError> {
        let done = sqlx::query(
            "UPDATE sas_callbacks
             SET state = 'pending', next_attempt_at = $2, round_attempts = 0,
                 lease_until = NULL, finished_at = NULL
             WHERE id = $1 AND state = 'dead'",
        )
        .bind(row::id(id))
        .bind(row::millis(now))
        .execute(&self.pool)
        .await
        .map_err(storage)?;
        if done.rows_affected() == 0 {
            return Err(OutboxError::NotFound(id));
        }
        Ok(())
    }

    async fn next_due(&self) -> Result<Option<UnixTime>, OutboxError> {
        let due: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(CASE WHEN lease_until > next_attempt_at THEN lease_until
                             ELSE next_attempt_at END)
             FROM sas_callbacks WHERE state = 'pending'",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(storage)?;
        Ok(due.map(row::time))
    }
}
