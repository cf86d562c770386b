//! Reading an HTTP body whole, up to a limit.

use bytes::Bytes;
use http_body::Body;
use http_body_util::{BodyExt, LengthLimitError, Limited};

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
/// before reading).
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
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            Err(BodyError::TooLarge(limit))
        }
        Err(error) => Err(BodyError::Read(error)),
    }
}
