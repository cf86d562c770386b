//! A merchant's callback endpoint on sas-hyper, and the superapp delivering to it: the
//! superapp seals a payment result, its dispatcher signs and POSTs it (afresh on every
//! attempt); the receiver verifies the raw bytes with the platform's certificate, decrypts with
//! the APIv3 key, checks the amount, and calls the handler once per notification. `main` runs
//! both on loopback and delivers one callback twice: the handler runs once.
//!
//! ```sh
//! cargo run -p sas-hyper --example callback_receiver
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sas_core::api::payment::payment_notification::{self, Transaction};
use sas_core::business::{ExpectedPayment, MismatchError};
use sas_core::callback;
use sas_core::crypto::{ApiV3Key, Certificate, PublicKeySet, RsaPrivateKey, SecretKey};
use sas_core::endpoint::Example;
use sas_hyper::delivery::{Callback, Dispatcher, MemoryOutbox, Outbox, State};
use sas_hyper::receiver::{Delivered, Handler, Receiver};
use sas_hyper::server::{HandlerError, ServeConfig, serve};
use sas_hyper::{SigningKeys, VerifyingKeys};

const KEYS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys");
const API_V3_KEY: &str = "0123456789ABCDEFabcdefghij012345";

/// The merchant's handler: it knows every order costs 100 cents, and counts what it handles.
struct Orders {
    handled: Arc<AtomicUsize>,
}

impl Handler<payment_notification::Request> for Orders {
    async fn check(&self, transaction: &Transaction) -> Result<(), MismatchError> {
        // In practice: look the order up by out_trade_no and compare.
        ExpectedPayment::new(transaction.out_trade_no.clone(), 100).check(transaction)
    }

    async fn handle(
        &self,
        paid: Delivered<payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        self.handled.fetch_add(1, Ordering::SeqCst);
        println!("order {} paid: {}", paid.event.out_trade_no, paid.event.trade_state);
        Ok(())
    }
}

/// Delivers one payment callback twice to a loopback receiver; returns how many times the
/// handler ran and how many callbacks were delivered.
pub async fn run() -> Result<(usize, usize), Box<dyn std::error::Error>> {
    let certificate =
        Certificate::from_pem(&std::fs::read_to_string(format!("{KEYS}/platform-2048.crt"))?)?;
    let serial = certificate.serial_number().to_owned();
    let platform_key =
        RsaPrivateKey::from_pem(&std::fs::read_to_string(format!("{KEYS}/platform-2048.pem"))?)?;
    let api_v3_key = ApiV3Key::new(API_V3_KEY)?;

    // The merchant's side.
    let handled = Arc::new(AtomicUsize::new(0));
    let keys =
        VerifyingKeys::new().platform_keys(PublicKeySet::new().with_certificate(certificate));
    let receiver = Receiver::builder(keys, Orders { handled: Arc::clone(&handled) })
        .api_v3_key(api_v3_key.clone())
        .build();
    let running = serve(
        tokio::net::TcpListener::bind("127.0.0.1:0").await?,
        receiver,
        ServeConfig::default(),
    )?;
    let url = format!("http://{}/notify/pay?source=sas", running.local_addr());

    // The superapp's side: seal the transaction, enqueue, deliver.
    let mut transaction = Transaction::example();
    transaction.amount.total = 100;
    let mut notification = payment_notification::Request::example();
    callback::seal(&mut notification, &transaction, &api_v3_key, "n0nce1234567", "transaction")?;
    let signing = SigningKeys::new()
        .secret_key(SecretKey::new("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev")?)
        .platform(platform_key, serial);
    let dispatcher = Dispatcher::new(Arc::new(MemoryOutbox::new()), signing)?;
    for _ in 0..2 {
        dispatcher.enqueue(Callback::new(&notification, url.as_str())?).await?;
    }
    dispatcher.run_once().await?;
    let delivered = dispatcher.outbox().list(State::Delivered).await?.len();
    running.shutdown().await;
    Ok((handled.load(Ordering::SeqCst), delivered))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (handled, delivered) = run().await?;
    println!("{delivered} deliveries acknowledged, handled {handled} time(s)");
    Ok(())
}
