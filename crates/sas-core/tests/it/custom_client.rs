//! The `custom_client` example, run as a test so it cannot rot: ureq sends a request sas-core
//! built and signed to a loopback server that verifies and answers with sas-core, and sas-core
//! reads the answer; a request signed with the wrong key comes back as a typed API error.

use sas_core::error::FromHttpResponseError;

#[allow(dead_code)] // the example's `main`
#[path = "../../examples/custom_client.rs"]
mod example;

#[test]
fn the_example_flow_round_trips_over_loopback_with_ureq() {
    let received = example::run("MBMIvsoijBSTqLPoCHYinLXKvlaCKfev").unwrap();
    assert!(received.response.data, "the server found user-42");
    assert_eq!(received.request_id, "req-1");
    assert_eq!(received.status, http::StatusCode::OK);
}

#[test]
fn the_example_server_refuses_a_request_signed_with_another_key() {
    let error = example::run("0123456789abcdef0123456789abcdef").unwrap_err();
    match error.downcast_ref::<FromHttpResponseError>() {
        Some(FromHttpResponseError::Api(api)) => {
            assert_eq!(api.status, http::StatusCode::UNAUTHORIZED);
            assert_eq!(api.code, "401");
            assert!(api.message.contains("TC-Signature"), "{}", api.message);
            assert_eq!(api.request_id, "req-1");
        }
        _ => panic!("expected an API error, got {error}"),
    }
}
