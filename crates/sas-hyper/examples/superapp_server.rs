//! A superapp backend on sas-hyper: it serves checkUser and getUserNick from an in-memory user
//! table, checks SAS's `TC-Signature` before any handler runs, and leaves the other 13
//! endpoints to answer 501. `main` serves it on loopback, calls it once as SAS would, and
//! shuts down.
//!
//! ```sh
//! cargo run -p sas-hyper --example superapp_server
//! ```

use std::collections::BTreeMap;

use sas_core::api::user::{check_user, get_user_nick};
use sas_core::crypto::SecretKey;
use sas_hyper::server::{
    HandlerError, RequestContext, ServeConfig, Superapp, SuperappService, serve,
};
use sas_hyper::{Client, SigningKeys, VerifyingKeys};

const SECRET_KEY: &str = "MBMIvsoijBSTqLPoCHYinLXKvlaCKfev";

/// The superapp's users, by user ID, with their nicknames.
struct Backend {
    users: BTreeMap<String, String>,
}

impl Superapp for Backend {
    async fn check_user(
        &self,
        _context: RequestContext,
        request: check_user::Request,
    ) -> Result<check_user::Response, HandlerError> {
        Ok(check_user::Response::new(self.users.contains_key(&request.user_id)))
    }

    async fn get_user_nick(
        &self,
        _context: RequestContext,
        request: get_user_nick::Request,
    ) -> Result<get_user_nick::Response, HandlerError> {
        match self.users.get(&request.user_id) {
            Some(nick) => Ok(get_user_nick::Response::new(nick.clone())),
            None => Err(HandlerError::api(
                http::StatusCode::NOT_FOUND,
                "USER_NOT_FOUND",
                "no such user",
            )),
        }
    }
}

/// Serves the backend on loopback, asks it about `user-42` as SAS would, and returns what it
/// answered.
pub async fn run() -> Result<String, Box<dyn std::error::Error>> {
    let secret = SecretKey::new(SECRET_KEY)?;
    let backend = Backend { users: BTreeMap::from([("user-42".to_owned(), "Ada".to_owned())]) };
    let service = SuperappService::new(backend, VerifyingKeys::new().secret_key(secret.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let running = serve(listener, service, ServeConfig::default())?;

    // SAS's side (or the sandbox's): the same SecretKey signs.
    let sas = Client::builder()
        .base_url(format!("http://{}", running.local_addr()))
        .keys(SigningKeys::new().secret_key(secret))
        .build()?;
    let exists =
        sas.send(&check_user::Request::new("open-id-hex", "mini-app-id-hex", "user-42")).await?;
    let nick = sas.send(&get_user_nick::Request::new("user-42")).await?;
    running.shutdown().await;
    Ok(format!(
        "user-42 exists: {}, nickname {:?} (requestId {})",
        exists.response.data, nick.response.data, nick.request_id
    ))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("{}", run().await?);
    Ok(())
}
