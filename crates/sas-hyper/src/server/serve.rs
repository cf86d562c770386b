//! Serving any of this crate's services on a TCP listener: HTTP/1.1 and HTTP/2 (hyper-util's
//! auto builder), optional TLS (the `tls` feature), connection and time limits, graceful
//! shutdown.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::Either;

use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, oneshot};
use tokio::task::JoinHandle;
use tower_service::Service;

use super::deadline::{Deadline, Elapsed};
use super::envelope::{REQUEST_ID, ResponseBody, failure, request_id, request_id_of};
use super::first_byte::FirstByteWithin;

/// The largest request head (request line and headers) read over HTTP/1.1; a larger one is
/// answered 431 and the connection closed.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// How connections are served.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    #[cfg(feature = "tls")]
    tls: Option<Arc<rustls::ServerConfig>>,
    header_read_timeout: Duration,
    request_timeout: Duration,
    #[cfg(feature = "tls")]
    tls_handshake_timeout: Duration,
    max_connections: usize,
    shutdown_grace: Duration,
}

impl Default for ServeConfig {
    /// No TLS; 10 s to read a request's headers, 30 s per request, 10 s for a TLS handshake,
    /// 1024 connections at once, 30 s for in-flight requests on shutdown.
    fn default() -> Self {
        Self {
            #[cfg(feature = "tls")]
            tls: None,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            #[cfg(feature = "tls")]
            tls_handshake_timeout: Duration::from_secs(10),
            max_connections: 1024,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

impl ServeConfig {
    /// Serve over TLS with this configuration (see [`crate::tls::server_config`] to build one
    /// from PEM).
    #[cfg(feature = "tls")]
    #[must_use]
    pub fn tls(mut self, config: Arc<rustls::ServerConfig>) -> Self {
        self.tls = Some(config);
        self
    }

    /// The limit of reading a request's headers (HTTP/1.1), and of a new connection's first
    /// byte (either protocol); a slower client is disconnected.
    #[must_use]
    pub fn header_read_timeout(mut self, timeout: Duration) -> Self {
        self.header_read_timeout = timeout;
        self
    }

    /// The limit of one request, from its headers to the answer (body read and handler
    /// included); past it the answer is 503.
    #[must_use]
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// The limit of a TLS handshake.
    #[cfg(feature = "tls")]
    #[must_use]
    pub fn tls_handshake_timeout(mut self, timeout: Duration) -> Self {
        self.tls_handshake_timeout = timeout;
        self
    }

    /// How many connections are served at once; a connection beyond is answered 503 and
    /// closed.
    #[must_use]
    pub fn max_connections(mut self, max: usize) -> Self {
        self.max_connections = max.max(1);
        self
    }

    /// How long in-flight requests may take to finish on shutdown.
    #[must_use]
    pub fn shutdown_grace(mut self, grace: Duration) -> Self {
        self.shutdown_grace = grace;
        self
    }
}

/// A running server: its address, and the way to stop it.
#[derive(Debug)]
pub struct Running {
    local_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl Running {
    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Stops accepting, lets in-flight requests finish within the shutdown grace, then returns.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }

    /// Waits until the server stops (it stops only through [`shutdown`](Self::shutdown) or a
    /// panic).
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}

/// A service this module can serve: any `tower::Service` over hyper's request body that
/// answers with this crate's response body and never fails.
pub trait HttpService:
    Service<
        http::Request<Incoming>,
        Response = http::Response<ResponseBody>,
        Error = Infallible,
        Future: Send + 'static,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<S> HttpService for S where
    S: Service<
            http::Request<Incoming>,
            Response = http::Response<ResponseBody>,
            Error = Infallible,
            Future: Send + 'static,
        > + Clone
        + Send
        + Sync
        + 'static
{
}

/// Serves `service` on `listener` until [`Running::shutdown`].
///
/// Over HTTP/1.1 a request head (request line and headers) over 64 KiB, or over 100 headers, is
/// answered 431 and the connection closed; a connection that sends no byte within the header
/// read timeout is closed.
///
/// # Errors
///
/// The listener's address cannot be read.
pub fn serve<S: HttpService>(
    listener: TcpListener,
    service: S,
    config: ServeConfig,
) -> std::io::Result<Running> {
    let local_addr = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(accept_loop(listener, service, config, stopped));
    Ok(Running { local_addr, stop: Some(stop), task })
}

async fn accept_loop<S: HttpService>(
    listener: TcpListener,
    service: S,
    config: ServeConfig,
    mut stopped: oneshot::Receiver<()>,
) {
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(config.max_connections));
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(config.header_read_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .keep_alive(true);
    builder.http2().timer(TokioTimer::new());
    let builder = Arc::new(builder);
    loop {
        let (stream, _) = tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let permit = Arc::clone(&slots).try_acquire_owned().ok();
        let watcher = graceful.watcher();
        let builder = Arc::clone(&builder);
        let config = config.clone();
        let service = service.clone();
        tokio::spawn(async move {
            let timeout = config.request_timeout;
            let full = permit.is_none();
            let handler = hyper::service::service_fn(move |request: http::Request<Incoming>| {
                if full {
                    return Either::Left(std::future::ready(Ok(too_many_connections(&request))));
                }
                Either::Right(within_timeout(service.clone(), request, timeout).map(Ok))
            });
            serve_connection(stream, &builder, &config, handler, watcher).await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(config.shutdown_grace, graceful.shutdown()).await.is_err() {
        tracing::warn!("shutdown grace passed with requests in flight");
    }
}

async fn serve_connection<H>(
    stream: TcpStream,
    builder: &auto::Builder<TokioExecutor>,
    config: &ServeConfig,
    handler: H,
    watcher: hyper_util::server::graceful::Watcher,
) where
    H: hyper::service::Service<
            http::Request<Incoming>,
            Response = http::Response<ResponseBody>,
            Error = Infallible,
        > + Send
        + 'static,
    H::Future: Send + 'static,
{
    let first_byte = config.header_read_timeout;
    #[cfg(not(feature = "tls"))]
    let result = {
        let stream = TokioIo::new(FirstByteWithin::new(stream, first_byte));
        watcher.watch(builder.serve_connection(stream, handler).into_owned()).await
    };
    #[cfg(feature = "tls")]
    let result = match &config.tls {
        None => {
            let stream = TokioIo::new(FirstByteWithin::new(stream, first_byte));
            watcher.watch(builder.serve_connection(stream, handler).into_owned()).await
        }
        Some(tls) => {
            let acceptor = tokio_rustls::TlsAcceptor::from(Arc::clone(tls));
            let stream =
                match tokio::time::timeout(config.tls_handshake_timeout, acceptor.accept(stream))
                    .await
                {
                    Ok(Ok(stream)) => stream,
                    Ok(Err(error)) => {
                        tracing::debug!(%error, "TLS handshake failed");
                        return;
                    }
                    Err(_) => {
                        tracing::debug!("TLS handshake timed out");
                        return;
                    }
                };
            let stream = TokioIo::new(FirstByteWithin::new(stream, first_byte));
            watcher.watch(builder.serve_connection(stream, handler).into_owned()).await
        }
    };
    if let Err(error) = result {
        tracing::debug!(error = %error, "connection ended with an error");
    }
}

/// The 503 answer of a connection over the limit, which closes it.
fn too_many_connections(request: &http::Request<Incoming>) -> http::Response<ResponseBody> {
    let id = request_id(request.headers());
    let mut response = failure(http::StatusCode::SERVICE_UNAVAILABLE, "too many connections", &id);
    response
        .headers_mut()
        .insert(http::header::CONNECTION, http::HeaderValue::from_static("close"));
    response
}

/// Calls the service within the request timeout; past it, 503.
///
/// A service that is ready at once (this crate's are) is called here, so that the future holds
/// only the service's future and the deadline; one that is not is waited for within the
/// timeout. The deadline's timer is armed only if the answer has to wait.
fn within_timeout<S: HttpService>(
    mut service: S,
    request: http::Request<Incoming>,
    timeout: Duration,
) -> impl Future<Output = http::Response<ResponseBody>> + Send + 'static {
    // Only the header is kept (a reference count): the ID is worked out if the time runs out.
    let incoming_id = request.headers().get(&REQUEST_ID).cloned();
    let call = match service.poll_ready(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(())) => Either::Left(service.call(request)),
        Poll::Ready(Err(never)) => match never {},
        Poll::Pending => Either::Right(Box::pin(async move {
            match std::future::poll_fn(|cx| service.poll_ready(cx)).await {
                Ok(()) => service.call(request).await,
                Err(never) => Err(never),
            }
        })),
    };
    Deadline::new(call, timeout).map(move |answer| match answer {
        Ok(Ok(response)) => response,
        Ok(Err(never)) => match never {},
        Err(Elapsed) => {
            let id = request_id_of(incoming_id.as_ref());
            failure(http::StatusCode::SERVICE_UNAVAILABLE, "the request took too long", &id)
        }
    })
}
