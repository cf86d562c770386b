//! A merchant backend places a JSAPI order with sas-hyper's client: the request is signed with
//! the merchant's API key (`Authorization`), sent over a pooled HTTP connection, and the typed
//! `prepayId` comes back. For the demo, `main` stands up a superapp that checks the signature
//! with the merchant's public key, on loopback.
//!
//! ```sh
//! cargo run -p sas-hyper --example merchant_client
//! ```

use std::collections::BTreeMap;

use sas_core::api::payment::create_jsapi_order::{
    self, Amount, Detail, GoodsDetail, Payer, Prepay, RequestInit,
};
use sas_core::auth::Identity;
use sas_core::crypto::{AuthorizationSigner, PublicKeySet, RsaPrivateKey};
use sas_hyper::server::{
    HandlerError, RequestContext, ServeConfig, Superapp, SuperappService, serve,
};
use sas_hyper::{Client, SigningKeys, VerifyingKeys};

const MCHID: &str = "1230000109";
const SERIAL: &str = "MERCHANT-SERIAL-1";

/// The merchant's API private key (a committed test key).
fn merchant_key() -> Result<RsaPrivateKey, Box<dyn std::error::Error>> {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/keys/merchant-2048-pkcs1.pem");
    Ok(RsaPrivateKey::from_pem(&std::fs::read_to_string(path)?)?)
}

/// The superapp of the demo: it answers every order with a prepay ID naming the merchant.
struct Superapp1;

impl Superapp for Superapp1 {
    async fn create_jsapi_order(
        &self,
        context: RequestContext,
        request: create_jsapi_order::Request,
    ) -> Result<create_jsapi_order::Response, HandlerError> {
        let Identity::Merchant { mchid, .. } = context.identity else {
            return Err(HandlerError::internal("not a merchant"));
        };
        Ok(create_jsapi_order::Response::new(Prepay::new(format!(
            "wx-{mchid}-{}",
            request.out_trade_no
        ))))
    }
}

/// Places one order through a loopback superapp and returns the prepay ID.
pub async fn run() -> Result<String, Box<dyn std::error::Error>> {
    // The superapp knows the merchant's public key by mchid and serial.
    let merchants = BTreeMap::from([(
        MCHID.to_owned(),
        PublicKeySet::new().with_key(SERIAL, merchant_key()?.public_key()),
    )]);
    let service = SuperappService::new(Superapp1, VerifyingKeys::new().merchant_keys(merchants));
    let running = serve(
        tokio::net::TcpListener::bind("127.0.0.1:0").await?,
        service,
        ServeConfig::default(),
    )?;

    // The merchant's client.
    let client = Client::builder()
        .base_url(format!("http://{}", running.local_addr()))
        .keys(SigningKeys::new().merchant(AuthorizationSigner::new(merchant_key()?, MCHID, SERIAL)))
        .build()?;
    let order = create_jsapi_order::Request::from(RequestInit {
        payment_callback: "https://merchant.example/pay/notify",
        merchant_id: MCHID,
        user_id: "user-42",
        platform_user_id: "openid-on-sas",
        application_id: "app-zz8btbv1s4",
        appid: "wxd678efh567hg6787",
        description: "Image形象店-深圳腾大-QQ公仔",
        out_trade_no: "1217752501201407033233368018",
        time_expire: "2026-12-01T10:00:00+08:00",
        amount: Amount::new(100),
        payer: Payer::new("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"),
        detail: Detail::new(vec![GoodsDetail::new("SKU-1", 1, 100)]),
    });
    let answer = client.send(&order).await;
    running.shutdown().await;
    let answer = answer?;
    Ok(format!("prepayId {} (requestId {})", answer.response.data.prepay_id, answer.request_id))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("{}", run().await?);
    Ok(())
}
