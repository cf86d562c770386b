//! A connection that must send its first byte within a limit. hyper's header read timeout
//! starts once HTTP/1.1 is chosen, but the choice between HTTP/1.1 and HTTP/2 waits for the
//! first bytes with no limit, so a client that connects and sends nothing would hold its
//! connection (and a connection slot) forever.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

/// `io`, whose reads fail with [`io::ErrorKind::TimedOut`] when nothing has arrived within
/// the limit; once a byte has, it reads and writes as `io` does.
pub(crate) struct FirstByteWithin<I> {
    io: I,
    deadline: Option<Pin<Box<Sleep>>>,
}

impl<I> FirstByteWithin<I> {
    /// `io` with `limit` for its first byte, from now.
    pub(crate) fn new(io: I, limit: Duration) -> Self {
        Self { io, deadline: Some(Box::pin(tokio::time::sleep(limit))) }
    }
}

impl<I: AsyncRead + Unpin> AsyncRead for FirstByteWithin<I> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let filled = buf.filled().len();
        let read = Pin::new(&mut self.io).poll_read(cx, buf);
        match (&read, self.deadline.as_mut()) {
            (Poll::Ready(Ok(())), Some(_)) if buf.filled().len() > filled => {
                self.deadline = None;
                read
            }
            (Poll::Pending, Some(deadline)) => match deadline.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "no request within the header read timeout",
                ))),
                Poll::Pending => Poll::Pending,
            },
            _ => read,
        }
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for FirstByteWithin<I> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test]
    async fn nothing_within_the_limit_is_an_error_and_a_first_byte_lifts_the_limit() {
        let (client, server) = tokio::io::duplex(64);
        let mut silent = FirstByteWithin::new(server, Duration::from_millis(20));
        let error = silent.read(&mut [0; 8]).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        drop(client);

        let (mut client, server) = tokio::io::duplex(64);
        let mut talking = FirstByteWithin::new(server, Duration::from_millis(20));
        client.write_all(b"G").await.unwrap();
        assert_eq!(talking.read(&mut [0; 8]).await.unwrap(), 1);
        let later = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(60)).await;
            client.write_all(b"ET").await.unwrap();
            client
        });
        assert_eq!(talking.read(&mut [0; 8]).await.unwrap(), 2, "no limit after the first byte");
        drop(later.await.unwrap());
    }
}
