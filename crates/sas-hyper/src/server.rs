//! The superapp server: implement [`Superapp`] (one async method per endpoint), wrap it in a
//! [`SuperappService`] with the keys requests are checked against, and [`serve`] it (or mount
//! it in axum: it is a `tower::Service`).
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use sas_core::api::user::check_user;
//! use sas_core::crypto::SecretKey;
//! use sas_hyper::VerifyingKeys;
//! use sas_hyper::server::{HandlerError, RequestContext, ServeConfig, Superapp, SuperappService, serve};
//!
//! struct MyBackend;
//!
//! impl Superapp for MyBackend {
//!     async fn check_user(
//!         &self,
//!         _context: RequestContext,
//!         request: check_user::Request,
//!     ) -> Result<check_user::Response, HandlerError> {
//!         Ok(check_user::Response::new(request.user_id == "user-42"))
//!     }
//! }
//!
//! let keys = VerifyingKeys::new().secret_key(SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! let running = serve(listener, SuperappService::new(MyBackend, keys), ServeConfig::default())?;
//! // … on SIGTERM:
//! running.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod deadline;
mod envelope;
mod first_byte;
mod handler;
mod router;
mod serve;
mod service;
mod superapp;

pub use envelope::{REQUEST_ID_HEADER, ResponseBody};
pub use handler::{HandlerError, RequestContext};
pub use serve::{HttpService, Running, ServeConfig, serve};
pub use service::{DEFAULT_MAX_BODY_BYTES, SuperappService, SuperappServiceBuilder};
pub use superapp::Superapp;

pub(crate) use envelope::{body_failure, failure, finish, request_id};
