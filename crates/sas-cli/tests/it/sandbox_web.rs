//! The console's and the cashier's pages over plain HTTP: a POST from another site is refused
//! with a page saying why; a note comes only from the sandbox, never from a link; malformed
//! forms and queries, and values outside an enumeration, get the sandbox's own HTML page with
//! 400 (415 for a wrong content type) naming the fault. Also: a `--data` folder whose
//! `sandbox.db` is not a database is refused with each cause said once.

use sas_cli::demo::merchant::paths;
use sas_cli::demo::requests;
use sas_cli::sandbox::time::rfc3339;
use sas_cli::sandbox::{Sandbox, SandboxConfig};
use sas_core::time::UnixTime;
use sas_hyper::time::Clock;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::World;

/// An answer read off the wire.
#[derive(Debug)]
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    /// A page of the sandbox's own (not a plain-text rejection).
    fn is_page(&self) -> bool {
        self.header("content-type").is_some_and(|value| value.starts_with("text/html"))
            && self.body.contains("SAS sandbox")
    }
}

/// Sends `method path` with `headers` (`host` is the sandbox's address unless given) and
/// `body` over a fresh connection.
async fn send(
    world: &World,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let addr = world.sandbox.local_addr().to_owned();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nconnection: close\r\n");
    if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("host: {addr}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    Answer { status, head: head.to_owned(), body: body.to_owned() }
}

const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

async fn post_form(world: &World, path: &str, extra: &[(&str, &str)], body: &str) -> Answer {
    let mut headers = vec![FORM];
    headers.extend_from_slice(extra);
    send(world, "POST", path, &headers, body.as_bytes()).await
}

async fn get(world: &World, path: &str) -> Answer {
    send(world, "GET", path, &[], b"").await
}

/// Places a JSAPI order.
async fn place(world: &World, out_trade_no: &str) {
    let expire = rfc3339(UnixTime::from_secs(world.clock.now().as_secs() + 3600));
    let callback = world.merchant.url(paths::PAYMENT);
    let order =
        requests::jsapi_order(&world.keys, world.user(), out_trade_no, 100, &expire, &callback);
    world.client().send(&order).await.unwrap();
}

/// The order's state as the console shows it.
async fn state_of(world: &World, out_trade_no: &str) -> String {
    let page = get(world, "/").await.body;
    let row = page.split(&format!("data-order=\"{out_trade_no}\"")).nth(1).unwrap_or_default();
    let row = row.split("</tr>").next().unwrap_or_default();
    let state = row.split("data-state=\"").nth(1).unwrap_or_default();
    state.split('"').next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_post_from_another_site_is_refused_and_one_from_the_pages_or_a_script_passes() {
    let world = World::start().await;
    place(&world, "WEB-CSRF-0001").await;
    let own = world.sandbox.base_url.clone();
    let pay = "out_trade_no=WEB-CSRF-0001&mchid=".to_owned() + &world.keys.merchant.mchid;
    let pay = pay + "&result=SUCCESS";
    let own_referer = format!("{own}/");
    let cross: Vec<Vec<(&str, &str)>> = vec![
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
        vec![("origin", "http://127.0.0.1:1")],
        vec![("referer", "https://evil.example/page")],
        vec![("origin", &own), ("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "cross-site")],
    ];
    let forms = [
        ("/console/orders/pay", pay.clone()),
        ("/console/orders/close", "out_trade_no=WEB-CSRF-0001&mchid=x".to_owned()),
        ("/console/refunds/complete", "out_refund_no=R&mchid=x&status=SUCCESS".to_owned()),
        ("/console/deliveries/redeliver", "id=1".to_owned()),
        ("/cashier/pay", "json=%7B%7D&action=pay".to_owned()),
        ("/cashier", "json=%7B%7D".to_owned()),
    ];
    for (path, body) in &forms {
        for headers in &cross {
            let answer = post_form(&world, path, headers, body).await;
            assert_eq!(answer.status, 403, "{path} {headers:?}: {answer:?}");
            assert!(answer.is_page(), "{answer:?}");
            assert!(answer.body.contains("Cross-site request refused"), "{answer:?}");
            assert!(answer.body.contains("only from its own pages"), "{answer:?}");
        }
    }
    // The admin endpoints too: a page can post them JSON as text/plain without asking.
    for headers in &cross {
        let mut headers = headers.clone();
        headers.push(("content-type", "text/plain"));
        let path = "/sandbox/orders/WEB-CSRF-0001/pay";
        let answer = send(&world, "POST", path, &headers, br#"{"result":"SUCCESS","a":"="}"#).await;
        assert_eq!(answer.status, 403, "{path} {headers:?}: {answer:?}");
        assert!(answer.body.contains("only from its own pages"), "{answer:?}");
    }
    assert_eq!(state_of(&world, "WEB-CSRF-0001").await, "NOTPAY");

    // The pages themselves, and a script without either header, pass.
    let answer = post_form(&world, "/cashier", &[("origin", &own)], "json=%7B%7D").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let answer = post_form(&world, "/cashier", &[("referer", &own_referer)], "json=%7B%7D").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    let same = [("origin", own.as_str()), ("sec-fetch-site", "same-origin")];
    let answer = post_form(&world, "/console/orders/pay", &same, &pay).await;
    assert_eq!(answer.status, 303, "{answer:?}");
    assert_eq!(state_of(&world, "WEB-CSRF-0001").await, "SUCCESS");
    place(&world, "WEB-CSRF-0002").await;
    let script = pay.replace("WEB-CSRF-0001", "WEB-CSRF-0002");
    let answer = post_form(&world, "/console/orders/pay", &[], &script).await;
    assert_eq!(answer.status, 303, "{answer:?}");
    assert_eq!(state_of(&world, "WEB-CSRF-0002").await, "SUCCESS");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_request_naming_another_host_is_refused_and_the_sandbox_s_own_names_pass() {
    let world = World::start().await;
    place(&world, "WEB-HOST-0001").await;
    let port = world.sandbox.local_addr().rsplit(':').next().unwrap().to_owned();
    let mchid = world.keys.merchant.mchid.clone();
    let pay = format!("out_trade_no=WEB-HOST-0001&mchid={mchid}&result=SUCCESS");

    // DNS rebinding: a page at attacker.example, its name now resolving to the sandbox, posts
    // from its own origin, which is also the Host it sends.
    let rebound = format!("attacker.example:{port}");
    let rebound_origin = format!("http://{rebound}");
    let foreign = [("host", rebound.as_str()), ("origin", rebound_origin.as_str())];
    let answer = post_form(&world, "/console/orders/pay", &foreign, &pay).await;
    assert_eq!(answer.status, 403, "{answer:?}");
    assert!(answer.is_page(), "{answer:?}");
    assert!(answer.body.contains("Unknown host refused"), "{answer:?}");
    assert!(answer.body.contains("--public-url"), "{answer:?}");
    let path = "/sandbox/orders/WEB-HOST-0001/pay";
    let answer = send(&world, "POST", path, &foreign, br#"{"result":"SUCCESS"}"#).await;
    assert_eq!(answer.status, 403, "{answer:?}");
    assert_eq!(state_of(&world, "WEB-HOST-0001").await, "NOTPAY");
    // Nor can it read the console, the cashier or the admin lists.
    for path in ["/", "/console/live", "/cashier", "/sandbox/users", "/sandbox/orders"] {
        let answer = send(&world, "GET", path, &[("host", &rebound)], b"").await;
        assert_eq!(answer.status, 403, "{path}: {answer:?}");
        assert!(!answer.body.contains(&world.user().open_id), "{path}: {answer:?}");
        assert!(answer.body.contains("not one of its own"), "{path}: {answer:?}");
    }
    let answer = send(&world, "GET", "/sandbox/users", &[("host", "localhost")], b"").await;
    assert_eq!(answer.status, 403, "another port: {answer:?}");
    // The SAS endpoints, which are signed, answer any Host (here: unsigned, so not 403).
    let answer = send(&world, "GET", "/v3/pay/transactions/id/1", &[("host", &rebound)], b"").await;
    assert_ne!(answer.status, 403, "{answer:?}");

    // The sandbox's own names pass, as curl sends them, and as its pages post.
    for name in ["127.0.0.1", "localhost", "LocalHost", "[::1]"] {
        let host = format!("{name}:{port}");
        let answer = send(&world, "GET", "/sandbox/users", &[("host", &host)], b"").await;
        assert_eq!(answer.status, 200, "{host}: {answer:?}");
        assert!(answer.body.contains(&world.user().open_id), "{host}: {answer:?}");
        let answer = send(&world, "GET", "/", &[("host", &host)], b"").await;
        assert_eq!(answer.status, 200, "{host}: {answer:?}");
    }
    let host = format!("localhost:{port}");
    let origin = format!("http://127.0.0.1:{port}");
    let answer =
        post_form(&world, "/console/orders/pay", &[("host", &host), ("origin", &origin)], &pay)
            .await;
    assert_eq!(answer.status, 303, "{answer:?}");
    assert_eq!(state_of(&world, "WEB-HOST-0001").await, "SUCCESS");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_sandbox_behind_a_proxy_answers_to_its_public_url() {
    let config = SandboxConfig::default().keys(crate::support::sandbox_keys());
    let sandbox = Sandbox::start(config.public_url("https://x.ngrok.app/")).await.unwrap();
    let addr = sandbox.local_addr().to_owned();
    let post_pay = |host: &'static str, origin: &'static str| {
        let addr = addr.clone();
        async move {
            let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
            let request = format!(
                "POST /sandbox/orders/NONE/pay HTTP/1.1\r\nhost: {host}\r\norigin: {origin}\r\n\
                 connection: close\r\ncontent-length: 20\r\n\r\n{{\"result\":\"SUCCESS\"}}"
            );
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).await.unwrap();
            answer
        }
    };
    // Through the proxy: the action runs (the order is unknown: 404, not 403).
    let answer = post_pay("x.ngrok.app", "https://x.ngrok.app").await;
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    let answer = post_pay("x.ngrok.app", "http://x.ngrok.app").await;
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    let answer = post_pay("y.ngrok.app", "https://y.ngrok.app").await;
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn json_given_to_the_cashier_and_the_admin_endpoints_is_read_strictly() {
    let world = World::start().await;
    place(&world, "WEB-JSON-0001").await;
    // Two `package` members: refused, not checked as the last one.
    let pasted =
        "json=%7B%22package%22%3A%22prepay_id%3Da%22%2C%22package%22%3A%22prepay_id%3Db%22%7D";
    let answer = post_form(&world, "/cashier", &[], pasted).await;
    assert!(answer.is_page(), "{answer:?}");
    assert!(answer.body.contains("duplicate member"), "{}", answer.body);
    assert!(answer.body.contains("at package"), "{}", answer.body);

    let path = "/sandbox/orders/WEB-JSON-0001/pay";
    let twice = br#"{"result":"PAYERROR","result":"SUCCESS"}"#;
    let answer = send(&world, "POST", path, &[], twice).await;
    assert_eq!(answer.status, 400, "{answer:?}");
    assert!(answer.body.contains("duplicate member"), "{answer:?}");
    assert!(answer.body.contains("at result"), "{answer:?}");
    assert_eq!(state_of(&world, "WEB-JSON-0001").await, "NOTPAY");
    // A leading byte order mark is ignored, as RFC 8259 allows.
    let answer = send(&world, "POST", path, &[], b"\xEF\xBB\xBF{\"result\":\"SUCCESS\"}").await;
    assert_eq!(answer.status, 200, "{answer:?}");
    assert_eq!(state_of(&world, "WEB-JSON-0001").await, "SUCCESS");
    world.sandbox.shutdown().await;
}

#[test]
fn a_users_file_is_read_strictly() {
    let dir = std::env::temp_dir().join(format!("sas-users-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("users.json");
    let one = r#"{"user_id":"u1","open_id":"o1","nickname":"N","avatar":"a","email":"e@x.io","phone":"13800138000"}"#;
    std::fs::write(&path, format!("\u{feff}[{one}]")).unwrap();
    let users = sas_cli::sandbox::users::load_profiles(&path).unwrap();
    assert_eq!(users[0].user_id, "u1");
    let twice = one.replacen(r#""nickname":"N""#, r#""nickname":"N","nickname":"M""#, 1);
    std::fs::write(&path, format!("[{twice}]")).unwrap();
    let error = format!("{:#}", sas_cli::sandbox::users::load_profiles(&path).unwrap_err());
    assert!(error.contains("duplicate member") && error.contains("nickname"), "{error}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_page_shows_only_notes_the_sandbox_made_never_text_from_the_link() {
    let world = World::start().await;
    let spoof = "Your+merchant+account+is+suspended";
    for path in ["/", "/cashier"] {
        for query in [format!("?note={spoof}"), format!("?bad=1&note={spoof}"), "?note=0".into()] {
            let answer = get(&world, &format!("{path}{query}")).await;
            assert_eq!(answer.status, 200, "{path}{query}: {answer:?}");
            assert!(!answer.body.contains("suspended"), "{path}{query}: {}", answer.body);
            assert!(!answer.body.contains("id=\"note\""), "{path}{query}: {}", answer.body);
        }
    }

    // An action's note: carried by an ID the sandbox chose, shown on the page it leads to.
    place(&world, "WEB-NOTE-0001").await;
    let body =
        format!("out_trade_no=WEB-NOTE-0001&mchid={}&result=SUCCESS", world.keys.merchant.mchid);
    let answer = post_form(&world, "/console/orders/pay", &[], &body).await;
    assert_eq!(answer.status, 303, "{answer:?}");
    let location = answer.header("location").unwrap().to_owned();
    let id = location.strip_prefix("/?note=").unwrap();
    assert!(id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()), "{location}");
    let page = get(&world, &location).await;
    assert!(page.body.contains("Order WEB-NOTE-0001 is SUCCESS"), "{}", page.body);
    let failed = post_form(&world, "/console/orders/pay", &[], &body).await;
    let page = get(&world, failed.header("location").unwrap()).await;
    assert!(page.body.contains("class=\"note bad\""), "{}", page.body);
    assert!(page.body.contains("cannot pay"), "{}", page.body);
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn malformed_input_gets_the_sandbox_s_page_naming_the_fault() {
    let world = World::start().await;
    // (path, content type, body, status, what the page must name)
    let form = "application/x-www-form-urlencoded";
    let cases: Vec<(&str, &str, &[u8], u16, &str)> = vec![
        (
            "/console/orders/pay",
            form,
            b"mchid=1&result=SUCCESS",
            400,
            "missing field `out_trade_no`",
        ),
        ("/console/orders/pay", form, b"", 400, "missing field"),
        ("/console/orders/close", form, b"out_trade_no=X", 400, "missing field `mchid`"),
        (
            "/console/refunds/complete",
            form,
            b"out_refund_no=R&mchid=M",
            400,
            "missing field `status`",
        ),
        ("/console/deliveries/redeliver", form, b"id=abc", 400, "id"),
        ("/console/deliveries/redeliver", form, b"id=-1", 400, "id"),
        ("/console/deliveries/redeliver", form, b"id=%FF", 400, "`id` is not UTF-8"),
        ("/cashier", form, b"json=\xff\xfe", 400, "`json` is not UTF-8"),
        ("/cashier", form, b"%FF=1", 400, "field name in the form is not UTF-8"),
        ("/cashier", "application/json", b"{\"json\":1}", 415, "not application/json"),
        ("/cashier/pay", "multipart/form-data; boundary=x", b"--x--", 415, "multipart/form-data"),
        ("/console/orders/pay", "", b"out_trade_no=X", 415, "without a Content-Type"),
        ("/cashier/pay", form, b"json=%7B%7D", 400, "missing field `action`"),
    ];
    for (path, content_type, body, status, names) in cases {
        let headers: Vec<(&str, &str)> =
            if content_type.is_empty() { vec![] } else { vec![("content-type", content_type)] };
        let answer = send(&world, "POST", path, &headers, body).await;
        assert_eq!(answer.status, status, "{path} {body:?}: {answer:?}");
        assert!(answer.is_page(), "{path} {body:?}: {answer:?}");
        assert!(answer.body.contains(names), "{path} {body:?} names {names}: {}", answer.body);
    }
    let queries: Vec<(&str, &str)> = vec![
        ("/cashier/result", "missing field"),
        ("/cashier/result?mchid=1&out_trade_no=X", "missing field `callback`"),
        ("/cashier/result?mchid=1&out_trade_no=X&callback=x", "callback"),
        ("/cashier/result/live?mchid=1&out_trade_no=X&callback=x", "callback"),
        ("/cashier?json=%FF", "`json` is not UTF-8"),
        ("/?note=%FF", "`note` is not UTF-8"),
    ];
    for (method, path) in [("GET", "/console/orders/pay"), ("PUT", "/cashier"), ("DELETE", "/")] {
        let answer = send(&world, method, path, &[], b"").await;
        assert_eq!(answer.status, 405, "{method} {path}: {answer:?}");
        assert!(answer.is_page(), "{method} {path}: {answer:?}");
        assert!(answer.body.contains(&format!("does not take {method}")), "{}", answer.body);
    }
    for (path, names) in queries {
        let answer = get(&world, path).await;
        assert_eq!(answer.status, 400, "{path}: {answer:?}");
        assert!(answer.is_page(), "{path}: {answer:?}");
        assert!(answer.body.contains(names), "{path} names {names}: {}", answer.body);
    }
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_value_outside_an_enumeration_is_refused_naming_the_allowed_ones() {
    let world = World::start().await;
    let cases = [
        ("/cashier/pay", "json=%7B%7D&action=bogus", "`pay`, `fail`, `cancel`"),
        ("/cashier/pay", "json=%7B%7D&action=PAY", "`pay`, `fail`, `cancel`"),
        (
            "/console/orders/pay",
            "out_trade_no=X&mchid=M&result=BOGUS",
            "expected `SUCCESS` or `PAYERROR`",
        ),
        (
            "/console/refunds/complete",
            "out_refund_no=R&mchid=M&status=PROCESSING",
            "`SUCCESS`, `CLOSED`, `ABNORMAL`",
        ),
    ];
    for (path, body, allowed) in cases {
        let answer = post_form(&world, path, &[], body).await;
        assert_eq!(answer.status, 400, "{path} {body}: {answer:?}");
        assert!(answer.is_page(), "{answer:?}");
        assert!(answer.body.contains(allowed), "{path} {body} names {allowed}: {}", answer.body);
    }
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_data_folder_whose_database_is_not_one_is_refused_saying_each_cause_once() {
    let dir = std::env::temp_dir().join(format!("sas-web-notdb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sandbox.db"), vec![0x42; 8192]).unwrap();
    crate::support::sandbox_keys().save(&dir.join("sandbox-config.json")).unwrap();
    let config = SandboxConfig::default().data(&dir);
    let Err(refused) = Sandbox::start(config).await else {
        panic!("a database that is not one is refused");
    };
    let said = format!("{refused:#}");
    assert!(said.contains("cannot open the sandbox database"), "{said}");
    assert_eq!(said.matches("file is not a database").count(), 1, "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}
