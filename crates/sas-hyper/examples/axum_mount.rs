//! The superapp service mounted in an axum router under `/sas`, next to the application's own
//! routes: it is a `tower::Service`. `main` serves the router on loopback and calls both.
//!
//! ```sh
//! cargo run -p sas-hyper --example axum_mount
//! ```

use axum::Router;
use axum::routing::get;
use sas_core::api::user::check_user;
use sas_core::crypto::SecretKey;
use sas_hyper::server::{HandlerError, RequestContext, Superapp, SuperappService};
use sas_hyper::{Client, SigningKeys, VerifyingKeys};

const SECRET_KEY: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";

struct Backend;

impl Superapp for Backend {
    async fn check_user(
        &self,
        _context: RequestContext,
        request: check_user::Request,
    ) -> Result<check_user::Response, HandlerError> {
        Ok(check_user::Response::new(request.user_id.starts_with("user-")))
    }
}

/// The application's router: its own `/health`, and the SAS endpoints under `/sas`.
pub fn router() -> Result<Router, Box<dyn std::error::Error>> {
    let keys = VerifyingKeys::new().secret_key(SecretKey::new(SECRET_KEY)?);
    Ok(Router::new()
        .route("/health", get(|| async { "ok" }))
        .nest_service("/sas", SuperappService::new(Backend, keys)))
}

/// Serves the router on loopback and calls `/health` and checkUser under `/sas`.
pub async fn run() -> Result<String, Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(
        axum::serve(listener, router()?)
            .with_graceful_shutdown(async { stopped.await.unwrap_or(()) })
            .into_future(),
    );

    let sas = Client::builder()
        .base_url(format!("http://{addr}/sas"))
        .keys(SigningKeys::new().secret_key(SecretKey::new(SECRET_KEY)?))
        .build()?;
    let answer =
        sas.send(&check_user::Request::new("open-id-hex", "mini-app-id-hex", "user-42")).await?;
    let health = tokio::net::TcpStream::connect(addr).await.is_ok();
    stop.send(()).ok();
    server.await??;
    Ok(format!("health reachable: {health}; user-42 exists: {}", answer.response.data))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("{}", run().await?);
    Ok(())
}
