//! sas-store's tests: one behaviour suite over the in-memory, SQLite and PostgreSQL stores,
//! retention, the transactional outbox, durable duplicates across a receiver restart, and
//! four dispatchers sharing one PostgreSQL outbox.

#![allow(clippy::unwrap_used, missing_docs, unreachable_pub)]

mod many_nodes;
mod outbox;
mod restart;
mod retention;
mod seen;
mod support;
mod transactional;
