//! The pages' guard against cross-site requests: a form on any page the user visits could
//! otherwise post to the sandbox on loopback and pay, fail, close, complete or redeliver. A
//! POST is refused (403, with a page saying why) when the browser says it came from another
//! site (`Sec-Fetch-Site: cross-site`), or when its `Origin` (without one, its `Referer`) is
//! not the sandbox's own; a request with neither header (curl, a script) passes.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode};

use super::input::Refused;

/// Refuses a cross-site POST, or runs the page.
pub(crate) async fn same_origin_only(request: Request, next: Next) -> Response {
    if request.method() == Method::POST
        && let Some(reason) = cross_site(request.headers())
    {
        return Refused {
            status: StatusCode::FORBIDDEN,
            title: "Cross-site request refused",
            reason,
        }
        .into_response();
    }
    next.run(request).await
}

/// Why the request is not the sandbox's own page posting, if it is not (the admin endpoints
/// refuse such a POST too: a page can send them JSON as `text/plain`).
pub(crate) fn cross_site(headers: &HeaderMap) -> Option<String> {
    let text =
        |name: &str| headers.get(name).map(|value| String::from_utf8_lossy(value.as_bytes()));
    if text("sec-fetch-site").is_some_and(|site| site.trim().eq_ignore_ascii_case("cross-site")) {
        return Some(
            "the browser says this form was sent from another site (Sec-Fetch-Site: \
             cross-site); the sandbox takes actions only from its own pages"
                .to_owned(),
        );
    }
    let own = text("host").map(|host| format!("http://{}", host.trim()));
    let (label, from) = match (text("origin"), text("referer")) {
        (Some(origin), _) => ("Origin", origin.trim().to_owned()),
        (None, Some(referer)) => ("Referer", origin_of(referer.trim())),
        (None, None) => return None,
    };
    if own.as_deref().is_some_and(|own| own.eq_ignore_ascii_case(&from)) {
        return None;
    }
    Some(format!(
        "this form was sent from {from} ({label}), not from the sandbox's own pages ({}); the \
         sandbox takes actions only from its own pages",
        own.as_deref().unwrap_or("a request without a Host")
    ))
}

/// `scheme://host[:port]` of a URL, or the text itself when it has none.
fn origin_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    format!("{scheme}://{}", &rest[..end])
}
