//! The pages' guard against other sites. A form on any page the user visits could otherwise
//! post to the sandbox on loopback and pay, fail, close, complete or redeliver; a page served
//! under a name that resolves to the sandbox (DNS rebinding) could otherwise also read the
//! console and `/sandbox/users`. So the pages and the admin endpoints answer only requests
//! whose `Host` is one the sandbox really has ([`OwnHosts`]: the address it listens on, the
//! loopback names for its port, and the public URL given with `--public-url`), and refuse
//! (403, with a page or an envelope saying why) a POST the browser says came from another
//! site (`Sec-Fetch-Site: cross-site`), or whose `Origin` (without one, its `Referer`) is not
//! one of those origins; a request with neither header (curl, a script) passes. The SAS
//! endpoints, which are signed, answer any `Host`.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, Method, StatusCode};

use super::input::Refused;

/// The hosts and origins the sandbox takes as its own.
#[derive(Clone, Debug)]
pub(crate) struct OwnHosts {
    /// `host[:port]`, lowercase, as a `Host` header names the sandbox.
    hosts: Vec<String>,
    /// `scheme://host[:port]`, lowercase, as an `Origin` header names the sandbox's pages.
    origins: Vec<String>,
    /// The port it listens on, when it listens on every address (then any IP address with
    /// this port names it: an address, unlike a name, cannot be rebound).
    any_ip_on: Option<u16>,
}

impl OwnHosts {
    /// The hosts of a sandbox listening on `listen` (the bound address, its port known) and
    /// reached also at `public` (`https://x.ngrok.app`, behind a proxy).
    pub(crate) fn new(listen: SocketAddr, public: &[String]) -> Self {
        let port = listen.port();
        let mut own = Self { hosts: Vec::new(), origins: Vec::new(), any_ip_on: None };
        for name in ["127.0.0.1", "localhost", "[::1]"] {
            own.add_http(name, port);
        }
        match listen.ip() {
            ip if ip.is_unspecified() => own.any_ip_on = Some(port),
            IpAddr::V4(ip) => own.add_http(&ip.to_string(), port),
            IpAddr::V6(ip) => own.add_http(&format!("[{ip}]"), port),
        }
        for url in public {
            let origin = origin_of(url.trim()).to_ascii_lowercase();
            if let Some((_, host)) = origin.split_once("://") {
                push_new(&mut own.hosts, host.to_owned());
            }
            push_new(&mut own.origins, origin);
        }
        own
    }

    /// `name:port` as a host and `http://name:port` as an origin (also without the port when it
    /// is 80, as a browser sends them).
    fn add_http(&mut self, name: &str, port: u16) {
        push_new(&mut self.hosts, format!("{name}:{port}"));
        push_new(&mut self.origins, format!("http://{name}:{port}"));
        if port == 80 {
            push_new(&mut self.hosts, name.to_owned());
            push_new(&mut self.origins, format!("http://{name}"));
        }
    }

    /// Whether `host` (a `Host` header) names the sandbox.
    pub(crate) fn has_host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.hosts.contains(&host) || self.any_ip_on.is_some_and(|port| is_ip_on(&host, port))
    }

    /// Whether `origin` (`scheme://host[:port]`) is one of the sandbox's pages.
    fn has_origin(&self, origin: &str) -> bool {
        let origin = origin.trim().to_ascii_lowercase();
        if self.origins.contains(&origin) {
            return true;
        }
        let Some(host) = origin.strip_prefix("http://") else {
            return false;
        };
        self.any_ip_on.is_some_and(|port| is_ip_on(host, port))
    }

    /// The hosts accepted, for a refusal to name.
    fn named(&self) -> String {
        let mut named = self.hosts.join(", ");
        if let Some(port) = self.any_ip_on {
            named.push_str(&format!(", or any IP address of this machine with port {port}"));
        }
        named
    }

    /// Why the request is refused, if it is: its `Host` is not the sandbox's (every method),
    /// or it is a POST from another site.
    pub(crate) fn refusal(
        &self,
        method: &Method,
        uri: &http::Uri,
        headers: &HeaderMap,
    ) -> Option<Refusal> {
        let host = headers
            .get(http::header::HOST)
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
            .or_else(|| uri.authority().map(ToString::to_string));
        match host {
            Some(host) if self.has_host(&host) => {}
            host => {
                let said = host.map_or_else(|| "no Host".to_owned(), |host| format!("Host {host}"));
                return Some(Refusal::Host(format!(
                    "this request names the sandbox as {said}, which is not one of its own \
                     ({}); the sandbox's pages and admin endpoints answer only to its own \
                     names (behind a proxy, start it with --public-url)",
                    self.named()
                )));
            }
        }
        if method == Method::POST {
            return self.cross_site(headers).map(Refusal::CrossSite);
        }
        None
    }

    /// Why a POST is not the sandbox's own page posting, if it is not (the admin endpoints
    /// refuse such a POST too: a page can send them JSON as `text/plain`).
    fn cross_site(&self, headers: &HeaderMap) -> Option<String> {
        let text =
            |name: &str| headers.get(name).map(|value| String::from_utf8_lossy(value.as_bytes()));
        if text("sec-fetch-site").is_some_and(|site| site.trim().eq_ignore_ascii_case("cross-site"))
        {
            return Some(
                "the browser says this form was sent from another site (Sec-Fetch-Site: \
                 cross-site); the sandbox takes actions only from its own pages"
                    .to_owned(),
            );
        }
        let (label, from) = match (text("origin"), text("referer")) {
            (Some(origin), _) => ("Origin", origin.trim().to_owned()),
            (None, Some(referer)) => ("Referer", origin_of(referer.trim())),
            (None, None) => return None,
        };
        if self.has_origin(&from) {
            return None;
        }
        Some(format!(
            "this form was sent from {from} ({label}), not from the sandbox's own pages ({}); \
             the sandbox takes actions only from its own pages",
            self.origins.join(", ")
        ))
    }
}

/// Why a request to the pages or the admin endpoints is refused (403).
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Its `Host` is not one of the sandbox's.
    Host(String),
    /// A POST from another site.
    CrossSite(String),
}

impl Refusal {
    /// What the refusal is called.
    pub(crate) fn title(&self) -> &'static str {
        match self {
            Self::Host(_) => "Unknown host refused",
            Self::CrossSite(_) => "Cross-site request refused",
        }
    }

    /// Why, for the user.
    pub(crate) fn reason(&self) -> &str {
        match self {
            Self::Host(reason) | Self::CrossSite(reason) => reason,
        }
    }
}

/// Refuses a request to a foreign host or a cross-site POST, or runs the page.
pub(crate) async fn own_only(
    State(own): State<Arc<OwnHosts>>,
    request: Request,
    next: Next,
) -> Response {
    if let Some(refusal) = own.refusal(request.method(), request.uri(), request.headers()) {
        return Refused {
            status: StatusCode::FORBIDDEN,
            title: refusal.title(),
            reason: refusal.reason().to_owned(),
        }
        .into_response();
    }
    next.run(request).await
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Whether `host` is an IP address (IPv6 in brackets) with `port`.
fn is_ip_on(host: &str, port: u16) -> bool {
    host.parse::<SocketAddr>().is_ok_and(|addr| addr.port() == port)
}

/// `scheme://host[:port]` of a URL, or the text itself when it has none.
fn origin_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    format!("{scheme}://{}", &rest[..end])
}
