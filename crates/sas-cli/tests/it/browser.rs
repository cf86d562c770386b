//! The console and the cashier in headless Chromium: a valid `wx.requestPayment` object is
//! paid from the cashier and the console shows the order paid and its callback delivered;
//! tampered, unknown and paid objects are refused each with its own reason; descriptions are
//! shown as text. Screenshots go to `<target>/browser-screenshots/`.

use std::time::Duration;

use sas_cli::demo::merchant::paths;
use sas_cli::demo::requests;
use sas_cli::sandbox::time::rfc3339;
use sas_core::api::frontend::request_payment::Params;
use sas_core::frontend::PaymentToSign;
use sas_core::time::UnixTime;
use sas_hyper::time::Clock;

use crate::support::World;

mod chrome;
mod webdriver;

use chrome::Browser;

/// Places a JSAPI order described as `description`; returns its prepay ID.
async fn place(world: &World, out_trade_no: &str, total: i64, description: &str) -> String {
    let expire = rfc3339(UnixTime::from_secs(world.clock.now().as_secs() + 3600));
    let callback = world.merchant.url(paths::PAYMENT);
    let mut order =
        requests::jsapi_order(&world.keys, world.user(), out_trade_no, total, &expire, &callback);
    order.description = description.to_owned();
    world.client().send(&order).await.unwrap().response.data.prepay_id
}

/// The `wx.requestPayment` object the demo merchant hands its front end, as JSON.
fn request_payment(world: &World, prepay_id: &str) -> Params {
    Params::sign(
        &world.keys.merchant_private_key().unwrap(),
        PaymentToSign {
            app_id: &world.keys.mini_app_id,
            prepay_id,
            time_stamp: world.clock.now(),
            nonce_str: "BROWSER0NONCE0001",
        },
    )
    .unwrap()
}

/// Opens the cashier, pastes `params`, checks them and waits for the answer.
async fn check(browser: &Browser, base: &str, params: &Params) {
    let client = &browser.client;
    client.goto(&format!("{base}/cashier")).await;
    let json = serde_json::to_string(params).unwrap();
    client
        .execute(
            "document.getElementById('params').value = arguments[0];",
            vec![serde_json::Value::String(json)],
        )
        .await;
    client.find("#check").await.click().await;
    // The click may return before the answer is loaded: wait for its sheet or refusals.
    client.wait_for("#sheet, #refused", Duration::from_secs(10)).await;
}

/// The refusals on the page: (check, reason).
async fn refusals(browser: &Browser) -> Vec<(String, String)> {
    let client = &browser.client;
    let mut found = Vec::new();
    for item in client.find_all("#refused li").await {
        let check = item.attr("data-check").await.unwrap_or_default();
        found.push((check, item.text().await));
    }
    found
}

async fn text(browser: &Browser, css: &str) -> String {
    browser.client.find(css).await.text().await
}

#[tokio::test]
async fn the_cashier_pays_a_valid_object_and_the_console_shows_the_callback_delivered() {
    let mut world = World::start().await;
    let base = world.sandbox.base_url.clone();
    let prepay_id = place(&world, "WEB-PAY-0001", 1280, "Sandbox tea shop - oolong, 250 g").await;
    let browser = Browser::start().await;
    let client = &browser.client;

    check(&browser, &base, &request_payment(&world, &prepay_id)).await;
    assert_eq!(text(&browser, "#amount").await, "12.80 CNY");
    assert_eq!(text(&browser, "#description").await, "Sandbox tea shop - oolong, 250 g");
    let shot = browser.screenshot("cashier.png").await;

    client.find("#pay").await.click().await;
    let notified = world.next_notified().await;
    assert!(format!("{notified:?}").contains("WEB-PAY-0001"), "{notified:?}");
    // The result page refreshes itself until the delivery is acknowledged.
    client.wait_for("#callbacks [data-state='DELIVERED']", Duration::from_secs(10)).await;
    assert!(text(&browser, "#result").await.contains("SUCCESS"));

    client.goto(&format!("{base}/")).await;
    assert_eq!(text(&browser, "tr[data-order='WEB-PAY-0001'] [data-state]").await, "SUCCESS");
    assert_eq!(text(&browser, "#deliveries tr[data-callback] [data-state]").await, "DELIVERED");
    let attempt = text(&browser, "#deliveries .attempt").await;
    assert!(attempt.contains("200"), "{attempt}");
    let answer = text(&browser, "#deliveries .attempt .answer").await;
    assert!(answer.contains(r#""returnCode":"0""#), "the start of the merchant's answer: {answer}");
    assert!(text(&browser, "#deliveries").await.contains(&world.merchant.url(paths::PAYMENT)));
    let console = browser.screenshot("console.png").await;

    client.resize(390, 844).await;
    let phone = browser.screenshot("console-phone.png").await;
    browser.close().await;
    eprintln!("screenshots: {} {} {}", shot.display(), console.display(), phone.display());
}

#[tokio::test]
async fn the_cashier_refuses_each_bad_object_with_its_reason_and_shows_markup_as_text() {
    let world = World::start().await;
    let base = world.sandbox.base_url.clone();
    let hostile = "Tea <script>window.pwned = 1</script> & <b>cake</b>";
    let open = place(&world, "WEB-OPEN-0001", 500, hostile).await;
    let paid = place(&world, "WEB-PAID-0001", 700, "already paid").await;
    world.admin.pay("WEB-PAID-0001", "SUCCESS").await.unwrap();
    let browser = Browser::start().await;
    let client = &browser.client;

    // A paySign that does not match: passed as query parameters, as a front end would.
    let mut tampered = request_payment(&world, &open);
    tampered.nonce_str = "BROWSER0NONCE0002".to_owned();
    let query = serde_urlencoded_query(&tampered);
    client.goto(&format!("{base}/cashier?{query}")).await;
    let found = refusals(&browser).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "paySign");
    assert!(found[0].1.contains("does not verify with the merchant's public key"), "{found:?}");
    browser.screenshot("cashier-refused.png").await;

    check(&browser, &base, &request_payment(&world, "wx-no-such-order")).await;
    let found = refusals(&browser).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "package");
    assert!(found[0].1.contains("no order has prepayId \"wx-no-such-order\""), "{found:?}");

    check(&browser, &base, &request_payment(&world, &paid)).await;
    let found = refusals(&browser).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "order");
    assert!(found[0].1.contains("already paid"), "{found:?}");

    // The description comes from the merchant: shown as text, never run.
    check(&browser, &base, &request_payment(&world, &open)).await;
    assert_eq!(text(&browser, "#description").await, hostile);
    let ran = client.execute("return window.pwned === 1;", vec![]).await;
    assert_eq!(ran, serde_json::Value::Bool(false));
    client.goto(&format!("{base}/")).await;
    let row = text(&browser, "tr[data-order='WEB-OPEN-0001']").await;
    assert!(row.contains(hostile), "{row}");
    let ran = client.execute("return window.pwned === 1;", vec![]).await;
    assert_eq!(ran, serde_json::Value::Bool(false));
    browser.close().await;
}

/// How far the page is wider than the window: 0 when nothing makes it scroll sideways.
async fn overflow(browser: &Browser) -> i64 {
    let width = browser
        .client
        .execute(
            "const d = document.documentElement; \
             return [d.scrollWidth, d.clientWidth, document.body.scrollWidth];",
            vec![],
        )
        .await;
    let width: Vec<i64> = serde_json::from_value(width).unwrap();
    width[0].max(width[2]) - width[1]
}

#[tokio::test]
async fn at_phone_width_only_the_tables_scroll_sideways_and_the_cashier_sheet_fits() {
    let mut world = World::start().await;
    let base = world.sandbox.base_url.clone();
    let long = "Sandbox tea shop - a long description: oolong, jasmine, pu-erh, sencha, matcha";
    let open = place(&world, "WEB-PHONE-OPEN-0001-LONG-NUMBER", 990, long).await;
    place(&world, "WEB-PHONE-PAID-0001", 700, "paid").await;
    place(&world, "WEB-PHONE-OPEN-0002", 100, "to pay from the console").await;
    world.admin.pay("WEB-PHONE-PAID-0001", "SUCCESS").await.unwrap();
    world.next_notified().await;
    let browser = Browser::start().await;
    let client = &browser.client;
    client.resize(375, 812).await;

    check(&browser, &base, &request_payment(&world, &open)).await;
    assert_eq!(overflow(&browser).await, 0, "the cashier sheet is wider than a phone");
    browser.screenshot("cashier-375.png").await;
    client.find("#cancel").await.click().await;
    client.wait_for("#note", Duration::from_secs(10)).await;
    assert_eq!(overflow(&browser).await, 0, "the cashier's note is wider than a phone");
    check(&browser, &base, &request_payment(&world, "wx-no-such-order-with-a-long-identifier"))
        .await;
    assert_eq!(overflow(&browser).await, 0, "the cashier's refusals are wider than a phone");
    check(&browser, &base, &request_payment(&world, &open)).await;
    client.find("#pay").await.click().await;
    world.next_notified().await;
    client.wait_for("#callbacks [data-state='DELIVERED']", Duration::from_secs(10)).await;
    assert_eq!(overflow(&browser).await, 0, "the result page is wider than a phone");
    browser.screenshot("result-375.png").await;

    client.goto(&format!("{base}/")).await;
    client.wait_for("#deliveries", Duration::from_secs(10)).await;
    assert_eq!(overflow(&browser).await, 0, "the console is wider than a phone");
    // The tables are wider than the phone: each scrolls inside its own box.
    let scrolls = client
        .execute(
            "return [...document.querySelectorAll('.scroll')]\
             .map(box => box.scrollWidth > box.clientWidth \
                 && getComputedStyle(box).overflowX === 'auto');",
            vec![],
        )
        .await;
    assert!(scrolls.as_array().unwrap().iter().any(|s| s == true), "{scrolls}");
    // Not squeezed to fit: an identifier stays on one line, its table scrolls instead.
    let broken = client
        .execute(
            "return [...document.querySelectorAll('.scroll td code:not(.long)')]\
             .filter(code => code.getClientRects().length > 1).map(code => code.textContent);",
            vec![],
        )
        .await;
    assert_eq!(broken, serde_json::json!([]), "identifiers broken over lines");
    browser.screenshot("console-375.png").await;
    // The note after an action names the callback's URL, one long word.
    client.find("tr[data-order='WEB-PHONE-OPEN-0002'] button.primary").await.click().await;
    client.wait_for("#note", Duration::from_secs(10)).await;
    assert_eq!(overflow(&browser).await, 0, "the console's note is wider than a phone");
    browser.close().await;
}

/// `params` as a query string (`timeStamp=…&paySign=…`), percent-encoded.
fn serde_urlencoded_query(params: &Params) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let value = serde_json::to_value(params).unwrap();
    let object = value.as_object().unwrap();
    object
        .iter()
        .map(|(name, value)| {
            let value = value.as_str().unwrap_or_default();
            format!("{name}={}", utf8_percent_encode(value, NON_ALPHANUMERIC))
        })
        .collect::<Vec<_>>()
        .join("&")
}
