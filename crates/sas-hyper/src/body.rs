//! Reading an HTTP body whole, up to a limit.

use bytes::{Buf, Bytes, BytesMut};
use http_body::Body;
use http_body_util::BodyExt;

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// The body is longer than the limit (bytes).
    TooLarge(usize),
    /// The connection failed or timed out while reading (the client reports the cause; the
    /// server answers without it).
    #[cfg_attr(not(feature = "client"), allow(dead_code))]
    Read(Box<dyn std::error::Error + Send + Sync>),
}

/// Collects `body`, refusing more than `limit` bytes (a `Content-Length` above it is refused
/// before reading). Trailers are read and dropped. A body that arrives in one piece is
/// returned as that piece, without a copy.
pub(crate) async fn read_limited<B>(body: B, limit: usize) -> Result<Bytes, BodyError>
where
    B: Body,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if let Some(upper) = body.size_hint().exact()
        && usize::try_from(upper).map_or(true, |len| len > limit)
    {
        return Err(BodyError::TooLarge(limit));
    }
    let mut body = std::pin::pin!(body);
    let mut first: Option<Bytes> = None;
    let mut joined: Option<BytesMut> = None;
    let mut read = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|error| BodyError::Read(error.into()))?;
        let Ok(mut data) = frame.into_data() else { continue };
        let len = data.remaining();
        read = read.saturating_add(len);
        if read > limit {
            return Err(BodyError::TooLarge(limit));
        }
        if len == 0 {
            continue;
        }
        match (&mut first, &mut joined) {
            (None, None) => first = Some(data.copy_to_bytes(len)),
            (Some(piece), None) => {
                let mut buffer = BytesMut::with_capacity(read);
                buffer.extend_from_slice(piece);
                buffer.extend_from_slice(&data.copy_to_bytes(len));
                first = None;
                joined = Some(buffer);
            }
            (_, Some(buffer)) => buffer.extend_from_slice(&data.copy_to_bytes(len)),
        }
    }
    Ok(joined.map(BytesMut::freeze).or(first).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use http_body_util::{Full, StreamBody};

    use super::*;

    fn chunked(pieces: &[&'static str]) -> impl Body<Data = Bytes, Error = Infallible> {
        let frames = pieces.iter().map(|piece| Ok(http_body::Frame::data(Bytes::from(*piece))));
        StreamBody::new(futures_util::stream::iter(frames.collect::<Vec<_>>()))
    }

    #[tokio::test]
    async fn pieces_are_joined_and_the_limit_holds_without_a_length() {
        let body = read_limited(chunked(&["ab", "", "cd", "e"]), 5).await.unwrap();
        assert_eq!(body, "abcde");
        let one = read_limited(chunked(&["abc"]), 3).await.unwrap();
        assert_eq!(one, "abc");
        assert_eq!(read_limited(chunked(&[]), 0).await.unwrap(), "");
        let over = read_limited(chunked(&["abc", "def"]), 5).await;
        assert!(matches!(over, Err(BodyError::TooLarge(5))));
    }

    #[tokio::test]
    async fn a_length_over_the_limit_is_refused_before_reading() {
        let over = read_limited(Full::new(Bytes::from_static(b"abcdef")), 5).await;
        assert!(matches!(over, Err(BodyError::TooLarge(5))));
        let within = read_limited(Full::new(Bytes::from_static(b"abcde")), 5).await.unwrap();
        assert_eq!(within, "abcde");
    }
}
