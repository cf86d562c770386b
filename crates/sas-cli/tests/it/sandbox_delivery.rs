//! Callback delivery from the sandbox: every attempt recorded, retried on the schedule until
//! the callback is dead; and a sandbox started with a fixture of users.

use std::time::Duration;

use sas_cli::demo::requests;
use sas_cli::sandbox::model::UserProfile;
use sas_cli::sandbox::time::rfc3339;
use sas_cli::sandbox::{Sandbox, SandboxConfig};
use sas_core::api::user::get_user_nick;
use sas_hyper::time::Clock;

use crate::support::{World, sandbox_keys};

#[tokio::test]
async fn an_unreachable_callback_is_retried_on_the_schedule_then_dead() {
    let world = World::start().await;
    let expire = rfc3339(sas_core::time::UnixTime::from_secs(world.clock.now().as_secs() + 3600));
    let user = world.user().clone();
    // Nothing listens on port 9 of loopback (discard): every attempt fails to connect.
    let order = requests::jsapi_order(
        &world.keys,
        &user,
        "ORDER-8001",
        100,
        &expire,
        "http://127.0.0.1:9/notify",
    );
    world.client().send(&order).await.unwrap();
    world.admin.pay("ORDER-8001", "SUCCESS").await.unwrap();

    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let record = loop {
        let deliveries = world.admin.list("deliveries").await.unwrap();
        if deliveries[0]["state"] == "Dead" {
            break deliveries[0].clone();
        }
        assert!(tokio::time::Instant::now() < deadline, "not dead within 10 s: {deliveries}");
        // The schedule runs on the sandbox's clock: move it past the next attempt.
        world.clock.advance(Duration::from_millis(100));
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let attempts = record["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 4, "the first attempt and three retries: {record}");
    assert!(attempts.iter().all(|a| a["error"].is_string()), "{record}");
    assert_eq!(record["callback"]["url"], "http://127.0.0.1:9/notify");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_fixture_replaces_the_built_in_users() {
    let fixture: Vec<UserProfile> = serde_json::from_value(serde_json::json!([{
        "user_id": "fixture-7",
        "open_id": "o-fixture-7",
        "nickname": "Fixture Seven",
        "avatar": "https://avatars.example/7.png",
        "email": "seven@example.com",
        "phone": "13500135000"
    }]))
    .unwrap();
    let sandbox =
        Sandbox::start(SandboxConfig::default().keys(sandbox_keys()).users(fixture)).await.unwrap();
    assert_eq!(sandbox.keys.users.len(), 1);
    assert_eq!(sandbox.keys.users[0].open_id, "o-fixture-7");
    assert!(!sandbox.keys.users[0].session_key.is_empty());
    let sas = sas_hyper::Client::builder()
        .base_url(&sandbox.base_url)
        .keys(sandbox.keys.counterpart_signing().unwrap())
        .build()
        .unwrap();
    let nick = sas.send(&get_user_nick::Request::new("fixture-7")).await.unwrap();
    assert_eq!(nick.response.data, "Fixture Seven");
    assert!(sas.send(&get_user_nick::Request::new("user-1001")).await.is_err());
    sandbox.shutdown().await;
}
