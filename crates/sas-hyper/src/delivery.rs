//! Callback delivery, the superapp's side: an [`Outbox`] of callbacks and a [`Dispatcher`] that
//! POSTs each to its URL until the receiver acknowledges it, losing none.
//!
//! - **Enqueue** a callback (2.2, 3.2, 4.2, 5.1.3, 5.2.2) with its target URL:
//!   [`Callback::new`] keeps its header values and JSON body; nothing is signed yet.
//! - **Every attempt is signed afresh** (new `TC-Timestamp`, nonce, `TC-Signature`, and the RSA
//!   or HMAC signature), because receivers enforce a 300 s window; the body, and so the
//!   notification's identity, stays the same.
//! - **Delivered** means a 2xx whose body is an envelope with `returnCode` `"0"`. Anything else
//!   is retried on the [`Schedule`] (PROTOCOL.md §4's by default); after the last attempt the
//!   callback is [`State::Dead`]: kept, listable and redeliverable.
//! - **Every attempt is recorded** ([`Attempt`]): time, status, `returnCode`, latency, error.
//! - **Leases**: a dispatcher leases due callbacks for a while; a crashed dispatcher's leases
//!   expire and the callbacks come back; two dispatchers on one outbox never hold the same
//!   callback at once.
//!
//! ```no_run
//! # async fn run(transaction_callback: sas_core::api::payment::payment_notification::Request) -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use sas_hyper::SigningKeys;
//! use sas_hyper::delivery::{Callback, Dispatcher, MemoryOutbox};
//!
//! # let keys = SigningKeys::new();
//! let dispatcher = Dispatcher::new(Arc::new(MemoryOutbox::new()), keys)?;
//! dispatcher.enqueue(Callback::new(&transaction_callback, "https://merchant.example/notify")?).await?;
//! let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
//! let running = tokio::spawn(dispatcher.clone().run(async { stopped.await.ok(); }));
//! // … later
//! stop.send(()).ok();
//! running.await?;
//! # Ok(())
//! # }
//! ```

mod callback;
mod dispatcher;
mod memory;
mod outbox;
mod schedule;

pub use callback::{Callback, CallbackEntry, CallbackError, Deliverable};
pub use dispatcher::{Dispatcher, DispatcherConfig, EnqueueError};
pub use memory::MemoryOutbox;
pub use outbox::{Attempt, CallbackId, Lease, Leased, Outbox, OutboxError, Record, State};
pub use schedule::Schedule;
