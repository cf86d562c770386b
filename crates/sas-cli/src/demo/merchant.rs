//! The demo merchant's callback endpoints: one sas-hyper `Receiver` per callback (2.2, 3.2,
//! 4.2, 5.1.3, 5.2.2) in one axum router. Each verifies the raw bytes (the platform's
//! certificate, the AppKey), decrypts or reads the payload, checks it against what the merchant
//! expects (sas-core's `Expected…`), and passes it on once.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use sas_core::api::payment::payment_notification;
use sas_core::api::refund::{refund_notification, virtual_refund_notification};
use sas_core::api::virtual_payment::{
    mini_game_payment_notification, mini_program_payment_notification,
};
use sas_core::business::{ExpectedPayment, ExpectedRefund, ExpectedVirtualPayment, MismatchError};
use sas_hyper::receiver::{Delivered, Handler, Notification, Receiver};
use sas_hyper::server::HandlerError;
use sas_hyper::time::Clock;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use crate::keyfile::KeysFile;
use crate::sandbox::SharedClock;

/// A notification the merchant received, verified, opened, checked and new.
#[derive(Debug)]
#[non_exhaustive]
pub enum Notified {
    /// 2.2.
    Payment(Box<Delivered<payment_notification::Request>>),
    /// 3.2.
    MiniGame(Box<Delivered<mini_game_payment_notification::Request>>),
    /// 4.2.
    MiniProgram(Box<Delivered<mini_program_payment_notification::Request>>),
    /// 5.1.3.
    Refund(Box<Delivered<refund_notification::Request>>),
    /// 5.2.2.
    VirtualRefund(Box<Delivered<virtual_refund_notification::Request>>),
}

/// What the merchant expects of each order and refund, by number.
#[derive(Clone, Debug, Default)]
pub struct Expectations {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    payments: BTreeMap<String, ExpectedPayment>,
    virtual_payments: BTreeMap<String, ExpectedVirtualPayment>,
    refunds: BTreeMap<String, ExpectedRefund>,
}

impl Expectations {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Expects the standard order `out_trade_no` to be paid `total` cents.
    pub fn payment(&self, out_trade_no: &str, expected: ExpectedPayment) {
        self.lock().payments.insert(out_trade_no.to_owned(), expected);
    }

    /// Expects the virtual order `out_trade_no` as given.
    pub fn virtual_payment(&self, out_trade_no: &str, expected: ExpectedVirtualPayment) {
        self.lock().virtual_payments.insert(out_trade_no.to_owned(), expected);
    }

    /// Expects the refund `out_refund_no` as given.
    pub fn refund(&self, out_refund_no: &str, expected: ExpectedRefund) {
        self.lock().refunds.insert(out_refund_no.to_owned(), expected);
    }
}

/// Checks each callback against the expectations and sends it on.
struct Forward {
    expect: Expectations,
    sink: mpsc::UnboundedSender<Notified>,
}

fn forward(sink: &mpsc::UnboundedSender<Notified>, notified: Notified) -> Result<(), HandlerError> {
    sink.send(notified).map_err(|_| HandlerError::internal("nobody listens to notifications"))
}

impl Handler<payment_notification::Request> for Forward {
    async fn check(&self, event: &payment_notification::Transaction) -> Result<(), MismatchError> {
        let expected = self.expect.lock().payments.get(&event.out_trade_no).cloned();
        expected.map_or(Ok(()), |expected| expected.check(event))
    }
    async fn handle(
        &self,
        delivered: Delivered<payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        forward(&self.sink, Notified::Payment(Box::new(delivered)))
    }
}

impl Handler<mini_game_payment_notification::Request> for Forward {
    async fn check(
        &self,
        event: &mini_game_payment_notification::Payload,
    ) -> Result<(), MismatchError> {
        let expected = self.expect.lock().virtual_payments.get(&event.out_trade_no).cloned();
        expected.map_or(Ok(()), |expected| expected.check(event))
    }
    async fn handle(
        &self,
        delivered: Delivered<mini_game_payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        forward(&self.sink, Notified::MiniGame(Box::new(delivered)))
    }
}

impl Handler<mini_program_payment_notification::Request> for Forward {
    async fn check(
        &self,
        event: &mini_program_payment_notification::Payload,
    ) -> Result<(), MismatchError> {
        let expected = self.expect.lock().virtual_payments.get(&event.out_trade_no).cloned();
        expected.map_or(Ok(()), |expected| expected.check(event))
    }
    async fn handle(
        &self,
        delivered: Delivered<mini_program_payment_notification::Request>,
    ) -> Result<(), HandlerError> {
        forward(&self.sink, Notified::MiniProgram(Box::new(delivered)))
    }
}

impl Handler<refund_notification::Request> for Forward {
    async fn check(&self, event: &refund_notification::RefundResult) -> Result<(), MismatchError> {
        let expected = self.expect.lock().refunds.get(&event.out_refund_no).cloned();
        expected.map_or(Ok(()), |expected| expected.check(event))
    }
    async fn handle(
        &self,
        delivered: Delivered<refund_notification::Request>,
    ) -> Result<(), HandlerError> {
        forward(&self.sink, Notified::Refund(Box::new(delivered)))
    }
}

impl Handler<virtual_refund_notification::Request> for Forward {
    async fn check(
        &self,
        event: &virtual_refund_notification::RefundResult,
    ) -> Result<(), MismatchError> {
        let expected = self.expect.lock().refunds.get(&event.out_refund_no).cloned();
        expected.map_or(Ok(()), |expected| expected.check(event))
    }
    async fn handle(
        &self,
        delivered: Delivered<virtual_refund_notification::Request>,
    ) -> Result<(), HandlerError> {
        forward(&self.sink, Notified::VirtualRefund(Box::new(delivered)))
    }
}

/// The paths of the merchant's callback endpoints.
pub mod paths {
    /// 2.2.
    pub const PAYMENT: &str = "/notify/payment";
    /// 3.2.
    pub const MINI_GAME: &str = "/notify/mini-game";
    /// 4.2.
    pub const MINI_PROGRAM: &str = "/notify/mini-program";
    /// 5.1.3.
    pub const REFUND: &str = "/notify/refund";
    /// 5.2.2.
    pub const VIRTUAL_REFUND: &str = "/notify/virtual-refund";
}

/// The merchant's callback server, running.
#[derive(Debug)]
#[non_exhaustive]
pub struct MerchantServer {
    /// `http://127.0.0.1:PORT`: append a path of [`paths`].
    pub base_url: String,
    /// What the merchant expects; register orders and refunds before they are paid.
    pub expect: Expectations,
    /// The notifications handled, in arrival order.
    pub notified: mpsc::UnboundedReceiver<Notified>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

fn receiver<C, H>(
    keys: &KeysFile,
    clock: &Arc<dyn Clock>,
    handler: H,
) -> anyhow::Result<Receiver<C, H>>
where
    C: Notification,
    H: Handler<C>,
{
    Ok(Receiver::builder(keys.merchant_verifying()?, handler)
        .api_v3_key(keys.api_v3()?)
        .clock(SharedClock(Arc::clone(clock)))
        .build())
}

impl MerchantServer {
    /// Starts the callback endpoints on `127.0.0.1:0`, checking with the counterpart keys
    /// `keys` and the clock `clock` (the sandbox's).
    ///
    /// # Errors
    ///
    /// When a key of `keys` cannot be read or no port can be bound.
    pub async fn start(keys: &KeysFile, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let expect = Expectations::default();
        let (sink, notified) = mpsc::unbounded_channel();
        let handler = || Forward { expect: expect.clone(), sink: sink.clone() };
        let router = axum::Router::new()
            .route_service(
                paths::PAYMENT,
                receiver::<payment_notification::Request, _>(keys, &clock, handler())?,
            )
            .route_service(
                paths::MINI_GAME,
                receiver::<mini_game_payment_notification::Request, _>(keys, &clock, handler())?,
            )
            .route_service(
                paths::MINI_PROGRAM,
                receiver::<mini_program_payment_notification::Request, _>(keys, &clock, handler())?,
            )
            .route_service(
                paths::REFUND,
                receiver::<refund_notification::Request, _>(keys, &clock, handler())?,
            )
            .route_service(
                paths::VIRTUAL_REFUND,
                receiver::<virtual_refund_notification::Request, _>(keys, &clock, handler())?,
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let until = async move {
                let _ = stopped.wait_for(|stop| *stop).await;
            };
            if let Err(error) = axum::serve(listener, router).with_graceful_shutdown(until).await {
                tracing::error!(%error, "the merchant's callback server failed");
            }
        });
        Ok(Self { base_url, expect, notified, stop, task })
    }

    /// The full URL of a callback endpoint (`paths::PAYMENT`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Stops the server.
    pub async fn shutdown(self) {
        self.stop.send_replace(true);
        let _ = self.task.await;
    }
}
