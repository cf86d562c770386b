//! Starting a sandbox in-process: keys (given, kept in the data folder, or generated), the
//! store and the callback outbox (in memory, or SQLite in the data folder), the callback
//! dispatcher, and one axum router serving the SAS endpoints and the admin endpoints.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sas_hyper::delivery::{Dispatcher, DispatcherConfig, MemoryOutbox, Schedule};
use sas_hyper::server::{ServeConfig, SuperappService};
use sas_hyper::time::{Clock, SystemClock};
use sas_hyper::{Client, RetryPolicy, SigningKeys};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::api::SandboxApp;
use super::core::Core;
use super::data::{self, DataDir};
use super::model::UserProfile;
use super::outbox::SandboxOutbox;
use super::served::Served;
use super::store::MemoryStore;
use super::store_async::AsyncStore;
use super::{admin, log, users, web};
use crate::keyfile::KeysFile;

/// How to start a sandbox.
#[must_use]
pub struct SandboxConfig {
    listen: SocketAddr,
    keys: Option<KeysFile>,
    users: Option<Vec<UserProfile>>,
    clock: Arc<dyn Clock>,
    schedule: Schedule,
    data: Option<PathBuf>,
    history: usize,
    serve: ServeConfig,
    public_urls: Vec<String>,
}

impl std::fmt::Debug for SandboxConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxConfig")
            .field("listen", &self.listen)
            .field("keys", &self.keys.as_ref().map(|_| "<given>"))
            .field("users", &self.users.as_ref().map(Vec::len))
            .field("data", &self.data)
            .field("history", &self.history)
            .field("public_urls", &self.public_urls)
            .finish_non_exhaustive()
    }
}

impl Default for SandboxConfig {
    /// On `127.0.0.1:0` (a free port), fresh keys, the built-in users, the system clock,
    /// PROTOCOL.md §4's retry schedule for callbacks, the state in memory with a history of
    /// [`DEFAULT_HISTORY`] finished orders, and sas-hyper's default connection and time limits.
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            keys: None,
            users: None,
            clock: Arc::new(SystemClock),
            schedule: Schedule::protocol(),
            data: None,
            history: DEFAULT_HISTORY,
            serve: ServeConfig::default(),
            public_urls: Vec::new(),
        }
    }
}

impl SandboxConfig {
    /// Where to listen.
    pub fn listen(mut self, addr: SocketAddr) -> Self {
        self.listen = addr;
        self
    }

    /// These keys instead of fresh ones; they must hold the platform's private key (a file
    /// `sas keys generate` wrote as `sandbox-config.json`). Their users are the sandbox's,
    /// with the built-in profiles.
    pub fn keys(mut self, keys: KeysFile) -> Self {
        self.keys = Some(keys);
        self
    }

    /// These users (a fixture) instead of the built-in ones.
    pub fn users(mut self, users: Vec<UserProfile>) -> Self {
        self.users = Some(users);
        self
    }

    /// Another clock, for every check and every record (tests expire orders and codes with
    /// `sas_hyper::time::ManualClock`; clients must then sign with the same clock).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Another retry schedule for callbacks.
    pub fn schedule(mut self, schedule: Schedule) -> Self {
        self.schedule = schedule;
        self
    }

    /// Keeps the state in the folder `dir` (created if missing) instead of in memory: the
    /// users, codes, orders, refunds and messages, and the callback outbox with every attempt,
    /// in the SQLite database `dir/sandbox.db`; the keys in `dir/sandbox-config.json` when
    /// none are given (generated on the first start, read on the next). A sandbox started
    /// again on `dir` knows every record and delivers the callbacks still pending. The folder
    /// is locked while the sandbox runs.
    pub fn data(mut self, dir: impl Into<PathBuf>) -> Self {
        self.data = Some(dir.into());
        self
    }

    /// How much of the past a sandbox in memory keeps ([`DEFAULT_HISTORY`] unless told): at
    /// most `orders` finished orders (paid, refunded or closed, with no refund in progress)
    /// with their refunds, as many received messages, and twice as many delivered callbacks
    /// (an order and a refund make one each). The least recently finished orders and the
    /// oldest messages and delivered callbacks go first; an order forgotten is as if never
    /// placed. Nothing still to happen is forgotten: unpaid orders, refunds in progress,
    /// callbacks pending or dead, and orders with a callback pending. `0` keeps everything. A sandbox on a data folder
    /// ([`data`](Self::data)) keeps everything whatever this says.
    pub fn history(mut self, orders: usize) -> Self {
        self.history = orders;
        self
    }

    /// Another URL the sandbox is reached at (`https://x.ngrok.app`, through a proxy): its
    /// pages and admin endpoints answer to its host and take actions from its origin, besides
    /// the address it listens on and the loopback names for its port.
    pub fn public_url(mut self, url: impl Into<String>) -> Self {
        self.public_urls.push(url.into());
        self
    }

    /// Other connection and time limits (header read and request timeouts, connections).
    pub fn serve(mut self, serve: ServeConfig) -> Self {
        self.serve = serve;
        self
    }
}

/// A sandbox superapp.
#[derive(Debug)]
pub struct Sandbox;

/// A running sandbox: where it is, the keys its counterparts use, and the way to stop it.
#[derive(Debug)]
#[non_exhaustive]
pub struct Running {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// What a counterpart needs (what `--keys-out` writes): no platform private key.
    pub keys: KeysFile,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    /// The data folder's lock, released when the sandbox stops.
    data: Option<DataDir>,
}

impl Running {
    /// The address it listens on.
    pub fn local_addr(&self) -> &str {
        self.base_url.trim_start_matches("http://")
    }

    /// Stops serving and delivering, and waits for both (in-flight requests finish; pending
    /// callbacks stay in the outbox).
    pub async fn shutdown(self) {
        self.stop.send_replace(true);
        for task in self.tasks {
            if let Err(error) = task.await {
                tracing::warn!(%error, "a sandbox task ended abnormally");
            }
        }
        drop(self.data);
    }
}

impl Sandbox {
    /// Starts a sandbox: generates keys unless given (about a second), binds, and serves the SAS
    /// endpoints and `/sandbox/...` until [`Running::shutdown`].
    ///
    /// # Errors
    ///
    /// When keys cannot be generated or read (given keys without the platform's private key),
    /// the address cannot be bound, or the data folder cannot be locked (another sandbox runs
    /// on it), opened, or was written by a newer sandbox.
    pub async fn start(config: SandboxConfig) -> anyhow::Result<Running> {
        let data = config.data.as_deref().map(DataDir::lock).transpose()?;
        let kept = data.as_ref().map(DataDir::keys).transpose()?.flatten();
        let has_records = data.as_ref().is_some_and(DataDir::has_database);
        let (mut keys, save) = match (config.keys, kept, &data) {
            (Some(given), Some(kept), Some(data)) => {
                data.check_same_keys(&given, &kept)?;
                (given, false)
            }
            (None, Some(kept), _) => (kept, false),
            (_, None, Some(data)) if has_records => anyhow::bail!(
                "the data folder {} holds records but not the keys they were written with \
                 ({}); restore it, or choose another --data folder",
                data.path().display(),
                data::KEYS_FILE
            ),
            (Some(given), _, _) => (given, data.is_some()),
            (None, _, _) => (generate_keys().await?, data.is_some()),
        };
        // Kept in the folder once its database opened, so a failed start leaves no keys behind.
        let keys_to_save = save.then(|| keys.clone());
        let platform_key = keys.platform_private_key()?.context(
            "the sandbox's keys must hold platform.private_key_pem (use the sandbox-config.json \
             `sas keys generate` writes)",
        )?;
        let profiles = match config.users {
            Some(profiles) => {
                keys.users = merge_users(&keys, &profiles)?;
                profiles
            }
            None => users::demo_profiles(&keys.users),
        };
        let (store, outbox) = open_state(data.as_ref(), profiles, config.history).await?;
        if let (Some(data), Some(keys)) = (&data, &keys_to_save) {
            data.save_keys(keys)?;
        }
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        let addr = listener.local_addr()?;
        keys.base_url = format!("http://{addr}");

        let signing = SigningKeys::new()
            .secret_key(keys.secret()?)
            .platform(platform_key, keys.platform.serial_no.clone())
            .app_key(keys.app()?);
        let client = Client::builder()
            .clock(SharedClock(Arc::clone(&config.clock)))
            .retry(RetryPolicy::never())
            .build()?;
        let dispatcher = Dispatcher::with_client(
            Arc::new(outbox),
            signing,
            client,
            // A lease outlives an attempt (10 s) and is not much longer: a callback leased
            // by a sandbox that was killed waits no more than this before it is tried again.
            DispatcherConfig::default().schedule(config.schedule).lease_for(LEASE),
        );
        let core = Arc::new(Core {
            store,
            clock: Arc::clone(&config.clock),
            secret: keys.secret()?,
            api_v3: keys.api_v3()?,
            dispatcher: dispatcher.clone(),
        });
        let service =
            SuperappService::builder(SandboxApp(Arc::clone(&core)), keys.superapp_verifying()?)
                .clock(SharedClock(Arc::clone(&config.clock)))
                .build();
        let own = Arc::new(web::OwnHosts::new(addr, &config.public_urls));
        let pages = web::Web::new(Arc::clone(&core), &keys, Arc::clone(&own))?;
        let router = axum::Router::new()
            .nest("/sandbox", admin::routes(Arc::clone(&core), own))
            .merge(web::routes(Arc::new(pages)))
            .fallback_service(service)
            .layer(axum::middleware::from_fn(log::log_request));

        let (stop, stopped) = watch::channel(false);
        let until_stopped = |mut stopped: watch::Receiver<bool>| async move {
            // An error means the sender is gone: stop too.
            let _ = stopped.wait_for(|stop| *stop).await;
        };
        let running = sas_hyper::server::serve(listener, Served(router), config.serve)?;
        let server = tokio::spawn({
            let stopped = until_stopped(stopped.clone());
            async move {
                stopped.await;
                running.shutdown().await;
            }
        });
        let delivery = tokio::spawn(dispatcher.run(until_stopped(stopped)));
        tracing::info!(target: "sas::sandbox", base_url = keys.base_url, "sandbox started");
        Ok(Running {
            base_url: keys.base_url.clone(),
            keys: keys.for_counterpart(),
            stop,
            tasks: vec![server, delivery],
            data,
        })
    }
}

/// How many finished orders a sandbox in memory keeps by default (see
/// [`SandboxConfig::history`]): about 100 MiB of orders, refunds and callbacks at most.
pub const DEFAULT_HISTORY: usize = 10_000;

/// How long the dispatcher holds a callback it is delivering.
const LEASE: Duration = Duration::from_secs(15);

/// Fresh keys (about a second).
async fn generate_keys() -> anyhow::Result<KeysFile> {
    Ok(tokio::task::spawn_blocking(crate::keygen::generate)
        .await
        .context("key generation stopped")??)
}

/// The store and the outbox: in the data folder's database, or in memory keeping `history`
/// finished orders (everything when 0).
async fn open_state(
    data: Option<&DataDir>,
    profiles: Vec<UserProfile>,
    history: usize,
) -> anyhow::Result<(Arc<dyn AsyncStore>, SandboxOutbox)> {
    Ok(match data {
        Some(data) => {
            let store = data.open_store(profiles).await?;
            let outbox = SandboxOutbox::Sqlite(store.database().clone());
            (Arc::new(store), outbox)
        }
        None if history == 0 => {
            (Arc::new(MemoryStore::new(profiles)), SandboxOutbox::memory(MemoryOutbox::new()))
        }
        None => {
            // The outbox tells the store when each callback settles: an order with a callback
            // pending is not forgotten.
            let store = Arc::new(MemoryStore::with_history(profiles, history));
            let outbox = MemoryOutbox::with_retention(history.saturating_mul(2));
            (Arc::clone(&store) as Arc<dyn AsyncStore>, SandboxOutbox::memory_for(outbox, store))
        }
    })
}

/// The keys file's users for a fixture: each profile's IDs, with the `session_key` the keys
/// already hold for that user, or a fresh one.
fn merge_users(
    keys: &KeysFile,
    profiles: &[UserProfile],
) -> anyhow::Result<Vec<crate::keyfile::User>> {
    use base64::Engine;
    profiles
        .iter()
        .map(|profile| {
            let known = keys.users.iter().find(|u| u.user_id == profile.user_id);
            let session_key = match known {
                Some(user) if !user.session_key.is_empty() => user.session_key.clone(),
                _ => base64::engine::general_purpose::STANDARD
                    .encode(crate::keygen::random_alphanumeric(16)?),
            };
            Ok(crate::keyfile::User::new(&profile.user_id, &profile.open_id, session_key))
        })
        .collect()
}

/// A shared clock as a [`Clock`]: one clock for a server, its clients and its records.
#[derive(Clone)]
pub struct SharedClock(pub Arc<dyn Clock>);

impl Clock for SharedClock {
    fn now(&self) -> sas_core::time::UnixTime {
        self.0.now()
    }
}
