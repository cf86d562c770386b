//! The few W3C WebDriver commands the browser tests use, as JSON over hyper to a local
//! chromedriver: open a session, navigate, find elements, click, read text and attributes, run
//! a script, resize, take a screenshot, close.

use std::time::{Duration, Instant};

use base64::Engine;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};

/// The key under which WebDriver names an element.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver session.
pub(crate) struct Session {
    http: Client<HttpConnector, Full<Bytes>>,
    base: String,
}

/// An element of the current page.
pub(crate) struct Element<'a> {
    session: &'a Session,
    id: String,
}

impl Session {
    /// Opens a session on the WebDriver at `driver` (`http://127.0.0.1:PORT`).
    pub(crate) async fn open(driver: &str, capabilities: Value) -> Result<Self, String> {
        let http = Client::builder(TokioExecutor::new()).build_http();
        let probe = Self { http, base: driver.to_owned() };
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = probe.call(http::Method::POST, "/session", Some(body)).await?;
        let id = value["sessionId"].as_str().ok_or("no sessionId")?.to_owned();
        Ok(Self { http: probe.http, base: format!("{driver}/session/{id}") })
    }

    /// Sends one command; returns its `value`, or the driver's error.
    async fn call(
        &self,
        method: http::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let bytes = body.map(|b| Bytes::from(b.to_string())).unwrap_or_default();
        let request = http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header(http::header::CONTENT_TYPE, "application/json")
            .body(Full::new(bytes))
            .map_err(|e| e.to_string())?;
        let response = self.http.request(request).await.map_err(|e| e.to_string())?;
        let status = response.status();
        let body = response.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
        let mut parsed: Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        let value = parsed["value"].take();
        if status.is_success() { Ok(value) } else { Err(format!("{path}: {status} {value}")) }
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.call(http::Method::POST, path, Some(body)).await.unwrap()
    }

    async fn get(&self, path: &str) -> Value {
        self.call(http::Method::GET, path, None).await.unwrap()
    }

    /// Loads `url` and waits for it.
    pub(crate) async fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url })).await;
    }

    /// The first element `css` selects, if any.
    pub(crate) async fn try_find(&self, css: &str) -> Option<Element<'_>> {
        let body = json!({ "using": "css selector", "value": css });
        let value = self.call(http::Method::POST, "/element", Some(body)).await.ok()?;
        let id = value[ELEMENT].as_str()?.to_owned();
        Some(Element { session: self, id })
    }

    /// The first element `css` selects; panics when there is none.
    pub(crate) async fn find(&self, css: &str) -> Element<'_> {
        match self.try_find(css).await {
            Some(element) => element,
            None => panic!("no element matches {css:?}"),
        }
    }

    /// Every element `css` selects.
    pub(crate) async fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let found = self.post("/elements", json!({ "using": "css selector", "value": css })).await;
        found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e[ELEMENT].as_str())
            .map(|id| Element { session: self, id: id.to_owned() })
            .collect()
    }

    /// Waits up to `limit` for an element `css` selects.
    pub(crate) async fn wait_for(&self, css: &str, limit: Duration) -> Element<'_> {
        let start = Instant::now();
        loop {
            if let Some(element) = self.try_find(css).await {
                return element;
            }
            assert!(start.elapsed() < limit, "no element matches {css:?} within {limit:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `script` with `args` in the page; returns what it returns.
    pub(crate) async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args })).await
    }

    /// Resizes the window.
    pub(crate) async fn resize(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({ "width": width, "height": height })).await;
    }

    /// A PNG of the viewport.
    pub(crate) async fn screenshot(&self) -> Vec<u8> {
        let value = self.get("/screenshot").await;
        let encoded = value.as_str().unwrap_or_default();
        base64::engine::general_purpose::STANDARD.decode(encoded).unwrap()
    }

    /// Ends the session (and its browser).
    pub(crate) async fn close(&self) -> Result<(), String> {
        self.call(http::Method::DELETE, "", None).await.map(drop)
    }
}

impl Element<'_> {
    /// Clicks it (and waits for a navigation it starts).
    pub(crate) async fn click(&self) {
        self.session.post(&format!("/element/{}/click", self.id), json!({})).await;
    }

    /// Its rendered text.
    pub(crate) async fn text(&self) -> String {
        let value = self.session.get(&format!("/element/{}/text", self.id)).await;
        value.as_str().unwrap_or_default().to_owned()
    }

    /// An attribute's value.
    pub(crate) async fn attr(&self, name: &str) -> Option<String> {
        let value = self.session.get(&format!("/element/{}/attribute/{name}", self.id)).await;
        value.as_str().map(str::to_owned)
    }
}
