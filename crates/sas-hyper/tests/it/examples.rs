//! Every example, run as a test: what the README and rustdoc promise works on loopback.

#[allow(dead_code)]
#[path = "../../examples/superapp_server.rs"]
mod superapp_server;

#[allow(dead_code)]
#[path = "../../examples/merchant_client.rs"]
mod merchant_client;

#[allow(dead_code)]
#[path = "../../examples/callback_receiver.rs"]
mod callback_receiver;

#[allow(dead_code)]
#[path = "../../examples/axum_mount.rs"]
mod axum_mount;

#[tokio::test]
async fn the_superapp_server_example_answers_sas() {
    let printed = superapp_server::run().await.unwrap();
    assert!(printed.starts_with("user-42 exists: true, nickname \"Ada\""), "{printed}");
}

#[tokio::test]
async fn the_merchant_client_example_places_an_order() {
    let printed = merchant_client::run().await.unwrap();
    assert!(
        printed.starts_with("prepayId wx-1230000109-1217752501201407033233368018"),
        "{printed}"
    );
}

#[tokio::test]
async fn the_callback_receiver_example_handles_a_notification_once() {
    assert_eq!(callback_receiver::run().await.unwrap(), (1, 2));
}

#[tokio::test]
async fn the_axum_mount_example_serves_sas_under_a_prefix() {
    let printed = axum_mount::run().await.unwrap();
    assert_eq!(printed, "health reachable: true; user-42 exists: true");
}
