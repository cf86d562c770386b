//! Durable stores for [`sas-hyper`](sas_hyper)'s callback delivery and receiver: an
//! [`Outbox`](sas_hyper::delivery::Outbox) and a [`SeenStore`](sas_hyper::receiver::SeenStore)
//! on **SQLite** (the embedded default: one file, WAL, no server) and on **PostgreSQL** (one
//! outbox for any number of dispatchers on any number of nodes).
//!
//! - **Nothing lost**: a callback is a row from enqueue to delivery; a dispatcher that crashes
//!   holds its callbacks only under a lease, which expires, and another (or the restarted one)
//!   takes them again. Marks made with a lost lease are refused.
//! - **One holder at a time**: SQLite takes leases with one `UPDATE … RETURNING` under its one
//!   writer; PostgreSQL with `SELECT … FOR UPDATE SKIP LOCKED`, so dispatchers never wait on each
//!   other's rows.
//! - **The transactional outbox**: `SqliteStore::enqueue_in` and `PostgresStore::enqueue_in`
//!   enqueue a callback inside the application's own transaction, beside the order's change:
//!   both commit or neither does (`examples/transactional_outbox.rs`).
//! - **Handled once across restarts**: the duplicate store keeps handled notifications in the
//!   database, so a receiver restarted between two deliveries of one notification still
//!   answers the second as a duplicate.
//! - **Retention**: [`Prune`] removes delivered callbacks and handled notifications older than a
//!   [`Retention`]; dead callbacks stay until redelivered or removed.
//! - **Migrations** are compiled in and applied on open ([`migrate`]).
//!
//! Times come from the caller (the dispatcher's clock), as the outbox trait passes them; the
//! duplicate store, whose trait passes none, reads a [`Clock`](sas_hyper::time::Clock) you can
//! replace.
//!
//! ```no_run
//! # async fn run(keys: sas_hyper::SigningKeys) -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use sas_hyper::delivery::Dispatcher;
//! use sas_store::SqliteStore;
//!
//! let store = SqliteStore::open("callbacks.db").await?;
//! let dispatcher = Dispatcher::new(Arc::new(store), keys)?;
//! tokio::spawn(dispatcher.run(std::future::pending()));
//! # Ok(())
//! # }
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `sqlite` | on | `SqliteStore` (SQLite compiled in, through sqlx) |
//! | `postgres` | off | `PostgresStore` (sqlx's PostgreSQL driver) |
//! | `postgres-tls` | off | `postgres` with TLS to the server (rustls with ring, the webpki roots), for `sslmode=require` and stricter |

#![cfg_attr(docsrs, feature(doc_cfg))]

mod error;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub mod migrate;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub mod retention;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod row;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod seen;
#[cfg(feature = "sqlite")]
mod sqlite;

pub use error::StoreError;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub use retention::{Prune, Pruned, Retention};
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub use seen::DEFAULT_CLAIM_TIMEOUT;
#[cfg(feature = "sqlite")]
pub use sqlite::{DEFAULT_BUSY_TIMEOUT, SqliteStore};
pub use sqlx;
