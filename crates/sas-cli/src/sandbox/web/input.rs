//! What the pages take from a request, read strictly: a form body only as
//! `application/x-www-form-urlencoded`, names and values only as UTF-8, and each field of the
//! handler's type (a missing one, a wrong type, a value outside an enumeration) refused with a
//! page of the sandbox's own that names the fault, never a plain-text rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::response::{IntoResponse, Response};
use http::request::Parts;
use http::{Method, StatusCode, Uri, header};
use maud::html;
use percent_encoding::{NON_ALPHANUMERIC, percent_decode, utf8_percent_encode};
use serde::de::DeserializeOwned;

use super::html;
use super::layout::{Page, page as layout};

/// A request a page refuses: its status, a title and why.
#[derive(Debug)]
pub(crate) struct Refused {
    /// 400, 403, 413 or 415.
    pub(crate) status: StatusCode,
    /// What kind of refusal (`Bad request`).
    pub(crate) title: &'static str,
    /// What is wrong, for the user.
    pub(crate) reason: String,
}

impl Refused {
    /// A 400: the input is malformed.
    pub(crate) fn bad(reason: impl Into<String>) -> Self {
        Self { status: StatusCode::BAD_REQUEST, title: "Bad request", reason: reason.into() }
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        let page = layout(
            self.title,
            Page::Console,
            html! {
                section #refusal {
                    h2.bad { (self.title) " " small { (self.status.as_u16()) } }
                    p #reason { (self.reason) }
                    p { a href="/" { "Open the console" } " · " a href="/cashier" { "Open the cashier" } }
                }
            },
        );
        (self.status, html(page)).into_response()
    }
}

/// A page asked with a method it does not take: 405 with the page saying so.
pub(crate) async fn wrong_method(method: Method, uri: Uri) -> Refused {
    Refused {
        status: StatusCode::METHOD_NOT_ALLOWED,
        title: "Method not allowed",
        reason: format!(
            "{} does not take {method}: open the pages with GET and use their buttons",
            uri.path()
        ),
    }
}

/// A form body read strictly into `T` (see the module doc).
pub(crate) struct PageForm<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PageForm<T> {
    type Rejection = Refused;

    async fn from_request(request: Request, state: &S) -> Result<Self, Refused> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
        let essence = content_type
            .as_deref()
            .and_then(|value| value.split(';').next())
            .map(|value| value.trim().to_ascii_lowercase());
        if essence.as_deref() != Some("application/x-www-form-urlencoded") {
            return Err(Refused {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                title: "Unsupported content type",
                reason: format!(
                    "this form takes application/x-www-form-urlencoded, not {}",
                    content_type.as_deref().map_or("a body without a Content-Type", |v| v)
                ),
            });
        }
        let body = Bytes::from_request(request, state).await.map_err(|rejection| Refused {
            status: rejection.status(),
            title: "Bad request",
            reason: format!("the form cannot be read: {}", rejection.body_text()),
        })?;
        deserialize(&body, "form").map(PageForm)
    }
}

/// A query string read strictly into `T` (see the module doc).
pub(crate) struct PageQuery<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for PageQuery<T> {
    type Rejection = Refused;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Refused> {
        let query = parts.uri.query().unwrap_or_default();
        deserialize(query.as_bytes(), "query").map(PageQuery)
    }
}

/// `name=value&…` (percent-encoded, `+` for a space) into `T`: every name and value must be
/// UTF-8 once decoded.
fn deserialize<T: DeserializeOwned>(encoded: &[u8], what: &str) -> Result<T, Refused> {
    let mut clean = String::new();
    for pair in encoded.split(|byte| *byte == b'&').filter(|pair| !pair.is_empty()) {
        let (name, value) = match pair.iter().position(|byte| *byte == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        let name = decode(name).map_err(|()| {
            Refused::bad(format!("a field name in the {what} is not UTF-8 once decoded"))
        })?;
        let value = decode(value).map_err(|()| {
            Refused::bad(format!("the {what}'s field `{name}` is not UTF-8 once decoded"))
        })?;
        if !clean.is_empty() {
            clean.push('&');
        }
        clean.extend(utf8_percent_encode(&name, NON_ALPHANUMERIC));
        clean.push('=');
        clean.extend(utf8_percent_encode(&value, NON_ALPHANUMERIC));
    }
    let uri: Uri = format!("/?{clean}")
        .parse()
        .map_err(|_| Refused::bad(format!("the {what} cannot be read")))?;
    Query::<T>::try_from_uri(&uri).map(|Query(value)| value).map_err(|rejection| {
        let text = rejection.body_text();
        let cause = text.split_once(": ").map_or(text.as_str(), |(_, cause)| cause);
        Refused::bad(format!("the {what} is not what this page takes: {cause}"))
    })
}

/// One form-encoded name or value, decoded; `Err` when not UTF-8.
fn decode(encoded: &[u8]) -> Result<String, ()> {
    let spaced: Vec<u8> =
        encoded.iter().map(|byte| if *byte == b'+' { b' ' } else { *byte }).collect();
    let bytes: Vec<u8> = percent_decode(&spaced).collect();
    String::from_utf8(bytes).map_err(|_| ())
}
