//! 1.1–1.7 against the sandbox: users, single-use expiring temporary codes, e-mail and phone
//! encrypted as the docs say, nickname, avatar, subscription messages, and a bad signature.

use std::time::Duration;

use sas_core::api::message::send_message::{self, RequestInit, State};
use sas_core::api::user::get_user_info_temporary_code::InfoType;
use sas_core::api::user::{
    check_user, get_user_avatar, get_user_email, get_user_info_temporary_code, get_user_nick,
    get_user_phone_number,
};
use sas_core::crypto::{SecretKey, decrypt_user_info};
use sas_hyper::SigningKeys;

use crate::support::{World, code};

#[tokio::test]
async fn users_exist_and_show_their_nickname_and_avatar() {
    let world = World::start().await;
    let sas = world.client();
    let user = world.user().clone();
    let exists = sas.send(&check_user::Request::new(&user.open_id, "mini", &user.user_id)).await;
    assert!(exists.unwrap().response.data);
    let nobody = sas.send(&check_user::Request::new("o-x", "mini", "nobody")).await.unwrap();
    assert!(!nobody.response.data);
    let nick = sas.send(&get_user_nick::Request::new(&user.user_id)).await.unwrap();
    assert_eq!(nick.response.data, "Ada");
    let avatar = sas.send(&get_user_avatar::Request::new(&user.user_id)).await.unwrap();
    assert!(avatar.response.data.starts_with("https://"), "{}", avatar.response.data);
    let missing = sas.send(&get_user_nick::Request::new("nobody")).await.unwrap_err();
    assert_eq!(code(&missing), "USER_NOT_FOUND");
    assert_eq!(missing.status(), Some(http::StatusCode::NOT_FOUND));
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_temporary_code_unlocks_the_encrypted_email_once() {
    let world = World::start().await;
    let sas = world.client();
    let user = world.user().user_id.clone();
    let secret = world.keys.secret().unwrap();
    let code_of = |kind| get_user_info_temporary_code::Request::new(kind, &user);

    let issued = sas.send(&code_of(InfoType::Email)).await.unwrap().response.data;
    assert_eq!(issued.data, "ad****ce@example.com");
    let email = sas.send(&get_user_email::Request::new(&issued.code, &user)).await.unwrap();
    assert_ne!(email.response.data, "ada.lovelace@example.com", "sent encrypted");
    assert_eq!(
        decrypt_user_info(&secret, &email.response.data).unwrap(),
        "ada.lovelace@example.com"
    );

    let reused = sas.send(&get_user_email::Request::new(&issued.code, &user)).await.unwrap_err();
    assert_eq!(code(&reused), "INVALID_TEMPORARY_CODE");

    let phone_code = sas.send(&code_of(InfoType::Phone)).await.unwrap().response.data;
    assert_eq!(phone_code.data, "138****8000");
    let wrong_kind =
        sas.send(&get_user_email::Request::new(&phone_code.code, &user)).await.unwrap_err();
    assert_eq!(code(&wrong_kind), "INVALID_TEMPORARY_CODE", "a phone code does not unlock e-mail");

    let phone_code = sas.send(&code_of(InfoType::Phone)).await.unwrap().response.data;
    let phone =
        sas.send(&get_user_phone_number::Request::new(&phone_code.code, &user)).await.unwrap();
    assert_eq!(decrypt_user_info(&secret, &phone.response.data).unwrap(), "13800138000");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_temporary_code_expires() {
    let world = World::start().await;
    let sas = world.client();
    let user = world.user().user_id.clone();
    let issued = sas
        .send(&get_user_info_temporary_code::Request::new(InfoType::Phone, &user))
        .await
        .unwrap()
        .response
        .data;
    world.clock.advance(sas_cli::sandbox::CODE_TTL + Duration::from_secs(1));
    let late =
        sas.send(&get_user_phone_number::Request::new(&issued.code, &user)).await.unwrap_err();
    assert_eq!(code(&late), "INVALID_TEMPORARY_CODE");
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn subscription_messages_are_kept_and_listed() {
    let world = World::start().await;
    let message = send_message::Request::from(RequestInit {
        account_id: &world.user().user_id,
        message_id: "msg-1",
        content: "Your order has shipped",
        date_time: 1_764_554_400,
        template_id: "tpl-1",
        mnp_id: &world.keys.mini_app_id,
        mnp_name: "Sandbox shop",
        template_title: "Shipping",
        state: State::Formal,
        page: "index?order=1",
        mnp_icon: "https://icons.sandbox.example/shop.png",
    });
    assert!(world.client().send(&message).await.unwrap().response.data);
    let listed = world.admin.list("messages").await.unwrap();
    assert_eq!(listed[0]["message"]["MessageId"], "msg-1", "{listed}");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    world.sandbox.shutdown().await;
}

#[tokio::test]
async fn a_bad_signature_is_refused_before_any_handler() {
    let world = World::start().await;
    let wrong = SecretKey::new("ThisIsNotTheSandboxSecretKey0000").unwrap();
    let impostor = world.client_with(SigningKeys::new().secret_key(wrong));
    let refused = impostor
        .send(&check_user::Request::new("o", "mini", &world.user().user_id))
        .await
        .unwrap_err();
    assert!(refused.is_auth(), "{refused}");
    assert_eq!(refused.status(), Some(http::StatusCode::UNAUTHORIZED));
    world.sandbox.shutdown().await;
}
