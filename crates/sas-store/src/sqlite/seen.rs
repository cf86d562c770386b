//! The duplicate store on SQLite.

use sas_hyper::receiver::{Claim, SeenStore};

use super::SqliteStore;
use crate::row;

impl SeenStore for SqliteStore {
    async fn claim(&self, id: &str) -> Claim {
        let now = self.seen.now();
        // New, or a claim abandoned longer than the claim timeout: ours now.
        let taken = sqlx::query(
            "INSERT INTO sas_seen (id, done, claimed_at) VALUES (?1, 0, ?2)
             ON CONFLICT (id) DO UPDATE SET claimed_at = excluded.claimed_at
             WHERE sas_seen.done = 0 AND sas_seen.claimed_at <= ?3",
        )
        .bind(id)
        .bind(row::millis(now))
        .bind(row::millis(self.seen.stale_before(now)))
        .execute(&self.pool)
        .await;
        match taken {
            Ok(done) if done.rows_affected() > 0 => return Claim::New,
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%error, "cannot claim the notification; the sender will retry");
                return Claim::InProgress;
            }
        }
        let done: Result<Option<i64>, _> =
            sqlx::query_scalar("SELECT done FROM sas_seen WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await;
        match done {
            Ok(Some(1)) => Claim::Done,
            // Claimed by another delivery (or released just now): the sender comes back.
            Ok(_) => Claim::InProgress,
            Err(error) => {
                tracing::warn!(%error, "cannot read the notification's claim; the sender will retry");
                Claim::InProgress
            }
        }
    }

    async fn complete(&self, id: &str) {
        let now = row::millis(self.seen.now());
        let done = sqlx::query(
            "INSERT INTO sas_seen (id, done, claimed_at, completed_at) VALUES (?1, 1, ?2, ?2)
             ON CONFLICT (id) DO UPDATE SET done = 1, completed_at = ?2",
        )
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await;
        if let Err(error) = done {
            tracing::error!(%error, "cannot record the notification as handled; a duplicate would be handled again");
        }
    }

    async fn release(&self, id: &str) {
        let done = sqlx::query("DELETE FROM sas_seen WHERE id = ? AND done = 0")
            .bind(id)
            .execute(&self.pool)
            .await;
        if let Err(error) = done {
            tracing::warn!(%error, "cannot release the claim; it is taken over after the claim timeout");
        }
    }
}
