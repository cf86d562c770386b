//! What can fail when a store is opened, migrated or pruned.

/// A store could not be opened, migrated or pruned.
///
/// The outbox and duplicate-store operations report storage failures through the traits' own
/// types ([`OutboxError::Storage`](sas_hyper::delivery::OutboxError::Storage); the duplicate
/// store answers [`Claim::InProgress`](sas_hyper::receiver::Claim::InProgress) so the sender
/// comes back later).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be reached or refused the connection (a wrong path, URL, user or
    /// password; a server that is down).
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// A schema migration failed; the database is left at the previous version.
    #[error("migration {set}/{version} ({name}) failed: {source}")]
    Migrate {
        /// The migration set (`"sas-store"` for this crate's own tables).
        set: String,
        /// Its version within the set.
        version: i64,
        /// Its name.
        name: &'static str,
        /// What the database said.
        #[source]
        source: sqlx::Error,
    },
    /// The database has a migration of the set newer than this build knows: a newer release
    /// of the application opened it. Run that release, or restore a copy from before.
    #[error("the database holds migration {set}/{version}, newer than this build knows")]
    NewerSchema {
        /// The migration set.
        set: String,
        /// The newest version the database holds.
        version: i64,
    },
    /// A query failed.
    #[error("the database failed: {0}")]
    Query(#[from] sqlx::Error),
}
