//! Shared fixtures: one set of generated keys for every test (RSA generation is the slow
//! part), a sandbox on a manual clock, clients signing with that clock, and the merchant's
//! callback endpoints.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use sas_cli::demo::merchant::{MerchantServer, Notified};
use sas_cli::keyfile::KeysFile;
use sas_cli::sandbox::{AdminClient, Running, Sandbox, SandboxConfig};
use sas_hyper::delivery::Schedule;
use sas_hyper::time::ManualClock;
use sas_hyper::{Client, RetryPolicy, SigningKeys};

/// The sandbox's own keys (with the platform's private key), generated once.
pub(crate) fn sandbox_keys() -> KeysFile {
    static KEYS: OnceLock<KeysFile> = OnceLock::new();
    KEYS.get_or_init(|| sas_cli::keygen::generate().unwrap()).clone()
}

/// A running sandbox with its clock, clients and the merchant's callback endpoints.
pub(crate) struct World {
    pub(crate) sandbox: Running,
    pub(crate) clock: Arc<ManualClock>,
    pub(crate) keys: KeysFile,
    pub(crate) admin: AdminClient,
    pub(crate) merchant: MerchantServer,
}

impl World {
    pub(crate) async fn start() -> Self {
        let clock = Arc::new(ManualClock::starting_now());
        let config = SandboxConfig::default()
            .keys(sandbox_keys())
            .clock(Arc::clone(&clock))
            .schedule(Schedule::new([Duration::from_millis(50); 3]));
        let sandbox = Sandbox::start(config).await.unwrap();
        let keys = sandbox.keys.clone();
        let admin = AdminClient::new(&sandbox.base_url);
        let merchant = MerchantServer::start(&keys, clock.clone()).await.unwrap();
        Self { sandbox, clock, keys, admin, merchant }
    }

    /// A client signing with `keys`, on the sandbox's clock.
    pub(crate) fn client_with(&self, keys: SigningKeys) -> Client {
        Client::builder()
            .base_url(&self.sandbox.base_url)
            .keys(keys)
            .clock(Arc::clone(&self.clock))
            .retry(RetryPolicy::never())
            .build()
            .unwrap()
    }

    /// SAS and the merchant in one: every key a counterpart holds.
    pub(crate) fn client(&self) -> Client {
        self.client_with(self.keys.counterpart_signing().unwrap())
    }

    /// The next notification the merchant handled, within 5 s.
    pub(crate) async fn next_notified(&mut self) -> Notified {
        tokio::time::timeout(Duration::from_secs(5), self.merchant.notified.recv())
            .await
            .expect("a callback within 5 s")
            .expect("the merchant server runs")
    }

    pub(crate) fn user(&self) -> &sas_cli::keyfile::User {
        &self.keys.users[0]
    }
}

/// The `returnCode` of a failed call.
pub(crate) fn code(error: &sas_hyper::Error) -> String {
    error
        .api_error()
        .map(|e| e.code.clone())
        .unwrap_or_else(|| format!("not an API error: {error}"))
}
