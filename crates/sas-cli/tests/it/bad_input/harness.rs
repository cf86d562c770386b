//! The corpus's harness: a case (its name, what is sent, what must come back), the checks
//! every answer gets (the expected status, the SAS envelope, no secret), the probe after every
//! case, the servers' log output captured, and panics recorded.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};

use sas_cli::keyfile::KeysFile;

use super::wire::{Answer, Outcome, send_http, send_raw};

/// What a case sends.
pub(crate) enum Payload {
    /// Bytes written as they are.
    Raw(Vec<u8>),
    /// Bytes written, then the write side shut down.
    HalfClosed(Vec<u8>),
    /// A well-formed request, through hyper's client.
    Http(Box<http::Request<Vec<u8>>>),
}

/// What must come back.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Expect {
    /// The SAS envelope (`returnCode` other than `"0"`, `returnMessage`, `requestId`) with one
    /// of these statuses.
    Envelope(&'static [u16]),
    /// The SAS envelope, success or failure, with one of these statuses (a 5xx is never
    /// among them).
    Json(&'static [u16]),
    /// An HTTP answer with one of these statuses (hyper's own 400 and 431 have no body), or the
    /// connection closed without an answer.
    StatusOrClosed(&'static [u16]),
    /// One of these statuses, any body (the console's pages and redirects).
    Status(&'static [u16]),
}

/// One malformed request.
pub(crate) struct Case {
    pub(crate) kind: &'static str,
    pub(crate) name: String,
    pub(crate) send: Payload,
    pub(crate) expect: Expect,
}

impl Case {
    pub(crate) fn new(
        kind: &'static str,
        name: impl Into<String>,
        send: Payload,
        expect: Expect,
    ) -> Self {
        Self { kind, name: name.into(), send, expect }
    }
}

/// A server under test: where it is, and a valid signed request it must keep answering.
pub(crate) struct Target {
    pub(crate) name: &'static str,
    pub(crate) addr: SocketAddr,
    pub(crate) probe: Box<dyn Fn() -> http::Request<Vec<u8>> + Send + Sync>,
    /// Checks the probe's answer; `Err` says what is wrong.
    pub(crate) probe_ok: fn(&Answer) -> Result<(), String>,
}

/// Runs `cases` against `target` one after the other; returns every failure, named.
///
/// The console and the admin endpoints show the users' profiles by design: their answers are
/// checked for key material only.
pub(crate) async fn run(target: &Target, cases: Vec<Case>, secrets: &[String]) -> Vec<String> {
    let keys_only: Vec<String> = secrets.iter().filter(|s| !is_profile(s)).cloned().collect();
    let mut failures = Vec::new();
    for case in cases {
        let label = format!("{}/{}/{}", target.name, case.kind, case.name);
        let started = std::time::Instant::now();
        let outcome = match case.send {
            Payload::Raw(bytes) => send_raw(target.addr, bytes, false).await,
            Payload::HalfClosed(bytes) => send_raw(target.addr, bytes, true).await,
            Payload::Http(request) => send_http(target.addr, *request).await,
        };
        if started.elapsed() > std::time::Duration::from_millis(500) {
            println!("{label}: {:?}", started.elapsed());
        }
        let secrets = if matches!(case.kind, "page" | "admin") { &keys_only } else { secrets };
        if let Err(why) = check(&outcome, case.expect, secrets) {
            failures.push(format!("{label}: {why} (got {outcome})"));
        }
        if let Err(why) = probe(target).await {
            failures.push(format!("{label}: the probe after it failed: {why}"));
        }
    }
    failures
}

/// The valid signed request answers as it should.
pub(crate) async fn probe(target: &Target) -> Result<(), String> {
    match send_http(target.addr, (target.probe)()).await {
        Outcome::Answer(answer) => (target.probe_ok)(&answer),
        other => Err(format!("{other}")),
    }
}

/// Checks one outcome against its expectation and the secrets.
pub(crate) fn check(outcome: &Outcome, expect: Expect, secrets: &[String]) -> Result<(), String> {
    let answer = match (outcome, expect) {
        (Outcome::Closed, Expect::StatusOrClosed(_)) => return Ok(()),
        (Outcome::Answer(answer), _) => answer,
        (other, _) => return Err(format!("expected {expect:?}, the connection was {other}")),
    };
    let mut text = answer.body.clone();
    for (name, value) in &answer.headers {
        text.extend_from_slice(name.as_bytes());
        text.extend_from_slice(value);
    }
    if let Some(secret) = leaked(&text, secrets) {
        return Err(format!("the answer holds secret material ({}…)", &secret[..4]));
    }
    match expect {
        Expect::StatusOrClosed(statuses) | Expect::Status(statuses) => {
            if statuses.contains(&answer.status) {
                Ok(())
            } else {
                Err(format!("expected {statuses:?}"))
            }
        }
        Expect::Envelope(statuses) => {
            if !statuses.contains(&answer.status) {
                return Err(format!("expected an envelope with {statuses:?}"));
            }
            envelope(answer)
        }
        Expect::Json(statuses) => {
            if !statuses.contains(&answer.status) {
                return Err(format!("expected an envelope with {statuses:?}"));
            }
            if answer.status == 200 { success(answer) } else { envelope(answer) }
        }
    }
}

/// The SAS failure envelope: JSON, a `returnCode` other than `"0"`, a `returnMessage`, a
/// `requestId` (the same as `X-Request-Id` when that is present).
pub(crate) fn envelope(answer: &Answer) -> Result<(), String> {
    let json_type =
        answer.header("content-type").is_some_and(|v| v.starts_with(b"application/json"));
    if !json_type {
        return Err("not application/json".to_owned());
    }
    let json: serde_json::Value =
        serde_json::from_slice(&answer.body).map_err(|e| format!("not JSON: {e}"))?;
    let code = json["returnCode"].as_str().ok_or("no returnCode string")?;
    if code == "0" || code.is_empty() {
        return Err(format!("returnCode {code:?} on a failure"));
    }
    json["returnMessage"].as_str().ok_or("no returnMessage string")?;
    let id = json["requestId"].as_str().ok_or("no requestId string")?;
    if let Some(header) = answer.header("x-request-id")
        && header != id.as_bytes()
    {
        return Err("requestId differs from X-Request-Id".to_owned());
    }
    Ok(())
}

/// The SAS success envelope: JSON, `returnCode` `"0"`, a `requestId`.
pub(crate) fn success(answer: &Answer) -> Result<(), String> {
    let json: serde_json::Value =
        serde_json::from_slice(&answer.body).map_err(|e| format!("not JSON: {e}"))?;
    if json["returnCode"] != "0" || !json["requestId"].is_string() {
        return Err("not a success envelope".to_owned());
    }
    Ok(())
}

/// An e-mail address or a phone number of the demo users.
fn is_profile(secret: &str) -> bool {
    secret.contains('@') || secret.bytes().all(|b| b.is_ascii_digit())
}

/// The first secret `text` holds.
pub(crate) fn leaked<'a>(text: &[u8], secrets: &'a [String]) -> Option<&'a String> {
    let text = String::from_utf8_lossy(text);
    secrets.iter().find(|s| text.contains(s.as_str()))
}

/// Every secret of `keys`: the SecretKey, APIv3 key, AppKey, session keys, each line of
/// Base64 of the private keys, and the demo users' e-mail addresses and phone numbers.
pub(crate) fn secrets(keys: &KeysFile) -> Vec<String> {
    let mut secrets = vec![keys.secret_key.clone(), keys.api_v3_key.clone(), keys.app_key.clone()];
    secrets.extend(keys.users.iter().map(|u| u.session_key.clone()));
    let pems = [Some(&keys.merchant.private_key_pem), keys.platform.private_key_pem.as_ref()];
    for pem in pems.into_iter().flatten() {
        secrets.extend(
            pem.lines().filter(|l| !l.starts_with("-----") && l.len() >= 16).map(str::to_owned),
        );
    }
    for profile in sas_cli::sandbox::users::demo_profiles(&keys.users) {
        secrets.push(profile.email);
        secrets.push(profile.phone);
    }
    secrets.retain(|s| s.len() >= 8);
    secrets
}

/// The log lines of the servers on this thread (every level), captured while `Capture` lives.
pub(crate) struct Capture {
    buffer: Arc<Mutex<Vec<u8>>>,
    _guard: tracing::subscriber::DefaultGuard,
}

impl Capture {
    /// Captures on this thread: a `#[tokio::test]` runs the servers' tasks on it too.
    pub(crate) fn start() -> Self {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let writer = Writer(Arc::clone(&buffer));
        // Every level of the SDK's crates; hyper's and h2's frame-by-frame traces (which
        // never see a key) at INFO.
        let filter = "info,sas_core=trace,sas_hyper=trace,sas_cli=trace,sas=trace";
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        Self { buffer, _guard: tracing::subscriber::set_default(subscriber) }
    }

    /// What was logged so far.
    pub(crate) fn text(&self) -> Vec<u8> {
        self.buffer.lock().unwrap().clone()
    }

    /// The failures the log shows: a panic, or a secret.
    pub(crate) fn failures(&self, secrets: &[String]) -> Vec<String> {
        let text = self.text();
        let mut failures = Vec::new();
        if String::from_utf8_lossy(&text).contains("panicked") {
            failures.push("the log says something panicked".to_owned());
        }
        if let Some(secret) = leaked(&text, secrets) {
            failures.push(format!("the log holds secret material ({}…)", &secret[..4]));
        }
        failures
    }
}

#[derive(Clone)]
struct Writer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Records every panic (after the usual report), by the name of its thread.
pub(crate) fn panics_on_this_thread() -> Vec<String> {
    type Panics = Arc<Mutex<Vec<(String, String)>>>;
    static PANICS: OnceLock<Panics> = OnceLock::new();
    let panics = PANICS.get_or_init(|| {
        let panics = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&panics);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let thread = std::thread::current().name().unwrap_or("").to_owned();
            if let Ok(mut panics) = record.lock() {
                panics.push((thread, info.to_string()));
            }
            previous(info);
        }));
        panics
    });
    let thread = std::thread::current().name().unwrap_or("").to_owned();
    panics.lock().unwrap().iter().filter(|(t, _)| *t == thread).map(|(_, p)| p.clone()).collect()
}

/// Fails the test with every failure, or passes.
pub(crate) fn report(mut failures: Vec<String>, cases: usize) {
    failures.extend(panics_on_this_thread().into_iter().map(|p| format!("panic: {p}")));
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
