//! The walk: every hop of the protocol between SAS, the sandbox superapp, the merchant backend
//! and its front end, in order, each step checked.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail, ensure};
use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::api::message::send_message;
use sas_core::api::payment::{close_order, query_order};
use sas_core::api::refund::query_refund;
use sas_core::api::user::get_user_info_temporary_code::InfoType;
use sas_core::api::user::{
    check_user, get_user_avatar, get_user_email, get_user_info_temporary_code, get_user_nick,
    get_user_phone_number,
};
use sas_core::business::{ExpectedPayment, ExpectedRefund, ExpectedVirtualPayment};
use sas_core::crypto::{SessionKey, decrypt_user_info};
use sas_core::frontend::PaymentToSign;
use sas_hyper::time::{Clock, SystemClock};
use sas_hyper::{Client, SigningKeys};

use super::merchant::{MerchantServer, Notified, paths};
use super::report::Report;
use super::requests;
use crate::keyfile::{KeysFile, User};
use crate::sandbox::time::rfc3339;
use crate::sandbox::{AdminClient, Running, Sandbox, SandboxConfig};

const SAS: &str = "SAS";
const SUPERAPP: &str = "superapp (sandbox)";
const MERCHANT: &str = "merchant backend";
const FRONT_END: &str = "mini program front end";
const USER: &str = "user";

/// The callbacks of the walk: 2.2, 5.1.3, 3.2, 4.2, 5.2.2.
const CALLBACKS: usize = 5;

/// How long a callback may take to arrive.
const CALLBACK_WAIT: Duration = Duration::from_secs(10);

/// The parties of the walk.
pub(crate) struct Walk {
    pub(crate) sandbox: Running,
    pub(crate) merchant: MerchantServer,
    keys: KeysFile,
    user: User,
    sas: Client,
    merchant_client: Client,
    admin: AdminClient,
}

/// `"<n> chars of Base64"` for a value that is not shown.
fn hidden(value: &str) -> String {
    format!("<{} characters, not shown>", value.chars().count())
}

impl Walk {
    /// Starts the sandbox (fresh keys) and the merchant's callback server on loopback.
    pub(crate) async fn start() -> anyhow::Result<Self> {
        let sandbox = Sandbox::start(SandboxConfig::default()).await?;
        let keys = sandbox.keys.clone();
        let user = keys.users.first().cloned().context("the sandbox has no users")?;
        let merchant = MerchantServer::start(&keys, Arc::new(SystemClock)).await?;
        let sas = Client::builder()
            .base_url(&sandbox.base_url)
            .keys(SigningKeys::new().secret_key(keys.secret()?))
            .build()?;
        let merchant_client = Client::builder()
            .base_url(&sandbox.base_url)
            .keys(SigningKeys::new().merchant(keys.merchant_signer()?).app_key(keys.app()?))
            .build()?;
        let admin = AdminClient::new(&sandbox.base_url);
        Ok(Self { sandbox, merchant, keys, user, sas, merchant_client, admin })
    }

    /// Stops both servers.
    pub(crate) async fn stop(self) {
        self.merchant.shutdown().await;
        self.sandbox.shutdown().await;
    }

    async fn notified(&mut self) -> anyhow::Result<Notified> {
        tokio::time::timeout(CALLBACK_WAIT, self.merchant.notified.recv())
            .await
            .context("no callback reached the merchant within 10 s (see GET /sandbox/deliveries)")?
            .context("the merchant's callback server stopped")
    }

    /// Every step, in order; stops at the first that does not verify.
    pub(crate) async fn run(&mut self, report: &mut Report) -> anyhow::Result<()> {
        self.users(report).await.context("the user endpoints")?;
        self.message(report).await.context("the subscription message")?;
        self.jsapi(report).await.context("the JSAPI order")?;
        self.close(report).await.context("closing an order")?;
        self.mini_game(report).await.context("the mini game's virtual order")?;
        self.mini_program(report).await.context("the mini program's virtual order")?;
        self.virtual_refund(report).await.context("the virtual refund")?;
        self.deliveries(report).await.context("the delivery records")
    }

    async fn users(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let user = self.user.user_id.clone();
        let exists = self
            .sas
            .send(&check_user::Request::new(&self.user.open_id, &self.keys.mini_app_id, &user))
            .await?
            .response
            .data;
        ensure!(exists, "the superapp says {user} does not exist");
        report
            .step(SAS, SUPERAPP, "POST /user/checkUser (1.1)")
            .fact(format!("{user} exists: {exists}"))
            .verified("TC-Signature (AES-ECB under the SecretKey) accepted");
        report.done();

        let secret = self.keys.secret()?;
        for (kind, name) in [(InfoType::Email, "e-mail"), (InfoType::Phone, "phone")] {
            let issued = self
                .sas
                .send(&get_user_info_temporary_code::Request::new(kind.clone(), &user))
                .await?
                .response
                .data;
            report
                .step(SAS, SUPERAPP, "POST /user/getUserInfoTemporaryCode (1.2)")
                .fact(format!("type {name}: masked {:?}", issued.data))
                .fact(format!("temporary code {} (single-use, 300 s)", hidden(&issued.code)));
            report.done();
            let (call, encrypted) = match kind {
                InfoType::Email => (
                    "POST /user/getUserEmail (1.3)",
                    self.sas
                        .send(&get_user_email::Request::new(&issued.code, &user))
                        .await?
                        .response
                        .data,
                ),
                _ => (
                    "POST /user/getUserPhoneNumber (1.4)",
                    self.sas
                        .send(&get_user_phone_number::Request::new(&issued.code, &user))
                        .await?
                        .response
                        .data,
                ),
            };
            let plain = decrypt_user_info(&secret, &encrypted)
                .context("the encrypted value does not decrypt with the SecretKey")?;
            let again = match kind {
                InfoType::Email => {
                    self.sas.send(&get_user_email::Request::new(&issued.code, &user)).await.err()
                }
                _ => self
                    .sas
                    .send(&get_user_phone_number::Request::new(&issued.code, &user))
                    .await
                    .err(),
            };
            ensure!(again.is_some(), "the temporary code worked twice");
            report
                .step(SAS, SUPERAPP, call)
                .fact(format!("encrypted {name} {}", hidden(&encrypted)))
                .fact(format!("decrypted: {plain}"))
                .verified("AES-CBC under the SecretKey decrypts it (SAS's side)")
                .verified("the same temporary code is refused a second time");
            report.done();
        }

        let nick = self.sas.send(&get_user_nick::Request::new(&user)).await?.response.data;
        let avatar = self.sas.send(&get_user_avatar::Request::new(&user)).await?.response.data;
        report
            .step(SAS, SUPERAPP, "POST /user/getUserNick (1.5), POST /user/getUserAvatar (1.6)")
            .fact(format!("nickname {nick:?}, avatar {avatar}"));
        report.done();
        Ok(())
    }

    async fn message(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let now = SystemClock.now().as_secs();
        let message = send_message::Request::from(send_message::RequestInit {
            account_id: &self.user.user_id,
            message_id: "demo-message-1",
            content: "Your oolong has shipped",
            date_time: i64::try_from(now).unwrap_or(i64::MAX),
            template_id: "shipping-notice",
            mnp_id: &self.keys.mini_app_id,
            mnp_name: "Sandbox tea shop",
            template_title: "Order shipped",
            state: send_message::State::Formal,
            page: "orders?id=DEMO-ORDER-1",
            mnp_icon: "https://icons.sandbox.example/tea.png",
        });
        let accepted = self.sas.send(&message).await?.response.data;
        ensure!(accepted, "the superapp did not accept the message");
        let listed = self.admin.list("messages").await?;
        ensure!(
            listed.as_array().is_some_and(|m| m.len() == 1),
            "GET /sandbox/messages does not list the message"
        );
        report
            .step(SAS, SUPERAPP, "POST /message/send (1.7)")
            .fact("message demo-message-1 \"Your oolong has shipped\" accepted")
            .verified("stored, listed by GET /sandbox/messages");
        report.done();
        Ok(())
    }

    async fn jsapi(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let no = "DEMO-ORDER-1";
        let total = 1280;
        let expire =
            rfc3339(sas_core::time::UnixTime::from_secs(SystemClock.now().as_secs() + 1800));
        let order = requests::jsapi_order(
            &self.keys,
            &self.user,
            no,
            total,
            &expire,
            &self.merchant.url(paths::PAYMENT),
        );
        let prepay_id = self.merchant_client.send(&order).await?.response.data.prepay_id;
        let again = self.merchant_client.send(&order).await?.response.data.prepay_id;
        ensure!(again == prepay_id, "the same order sent twice gave another prepayId");
        report
            .step(MERCHANT, SUPERAPP, "POST /v3/pay/transactions/jsapi (2.1)")
            .fact(format!("out_trade_no {no}, {total} cents, expires {expire}"))
            .fact(format!("prepayId {prepay_id}"))
            .verified("Authorization (SHA256withRSA, the merchant's API key) accepted")
            .verified("the same order sent again gets the same prepayId");
        report.done();

        let merchant_key = self.keys.merchant_private_key()?;
        let nonce = crate::keygen::random_alphanumeric(32)?;
        let params = request_payment::Params::sign(
            &merchant_key,
            PaymentToSign {
                app_id: &self.keys.mini_app_id,
                prepay_id: &prepay_id,
                time_stamp: SystemClock.now(),
                nonce_str: &nonce,
            },
        )?;
        let verified = params.verify(&self.keys.merchant_public_keys()?, &self.keys.mini_app_id)?;
        ensure!(verified.prepay_id == prepay_id, "package names another prepay ID");
        report
            .step(MERCHANT, FRONT_END, "wx.requestPayment")
            .fact(format!(
                "timeStamp {}, nonceStr {}, package {}, signType {}",
                params.time_stamp, params.nonce_str, params.package, params.sign_type
            ))
            .fact(format!("paySign {}", hidden(&params.pay_sign)))
            .verified(format!(
                "paySign holds under the merchant's public key (serial {})",
                verified.key_id
            ));
        report.done();

        self.merchant
            .expect
            .payment(no, ExpectedPayment::new(no, total).merchant_id(&self.keys.merchant.mchid));
        self.admin.pay(no, "SUCCESS").await?;
        report
            .step(USER, SUPERAPP, format!("POST /sandbox/orders/{no}/pay"))
            .fact("the user pays: SUCCESS");
        report.done();

        let Notified::Payment(paid) = self.notified().await? else {
            bail!("the merchant received another callback than 2.2")
        };
        ensure!(paid.event.out_trade_no == no, "the callback is about another order");
        ensure!(
            paid.event.trade_state.as_str() == "SUCCESS",
            "the callback says {}",
            paid.event.trade_state.as_str()
        );
        report
            .step(SUPERAPP, MERCHANT, "POST <TC-Payment-Callback> (2.2)")
            .fact(format!(
                "{} {}: transaction {}, {} cents ({}) paid",
                paid.callback.event_type.as_str(),
                no,
                paid.event.transaction_id,
                paid.event.amount.total,
                paid.event.amount.currency
            ))
            .verified(format!(
                "TC-Signature and the RSA callback signature (platform certificate {}) verified",
                self.keys.platform.serial_no
            ))
            .verified("resource decrypted (AEAD_AES_256_GCM under the APIv3 key)")
            .verified("order number, amount and merchant match the order placed");
        report.done();

        let queried = self
            .merchant_client
            .send(&query_order::Request::new(no, &self.keys.merchant.mchid))
            .await?
            .response
            .data;
        ExpectedPayment::new(no, total).check(&queried)?;
        ensure!(
            queried.trade_state.as_str() == "SUCCESS",
            "the order is {}",
            queried.trade_state.as_str()
        );
        report
            .step(MERCHANT, SUPERAPP, format!("GET /v3/pay/transactions/out-trade-no/{no} (2.3)"))
            .fact(format!("trade_state {}", queried.trade_state.as_str()))
            .verified("the query agrees with the callback");
        report.done();

        let refund_no = "DEMO-REFUND-1";
        let refund = requests::refund(
            &self.keys,
            no,
            refund_no,
            500,
            total,
            &self.merchant.url(paths::REFUND),
        );
        let accepted = self.merchant_client.send(&refund).await?.response.data;
        report.step(MERCHANT, SUPERAPP, "POST /spay/refund/refunds (5.1.1)").fact(format!(
            "{refund_no}: 500 of {total} cents, status {}",
            accepted.status.as_str()
        ));
        report.done();
        self.merchant
            .expect
            .refund(refund_no, ExpectedRefund::new(refund_no, 500, total).out_trade_no(no));
        self.admin.complete_refund(refund_no, "SUCCESS").await?;
        let Notified::Refund(done) = self.notified().await? else {
            bail!("the merchant received another callback than 5.1.3")
        };
        ensure!(
            done.event.refund_status.as_str() == "SUCCESS",
            "the refund is {}",
            done.event.refund_status.as_str()
        );
        let queried =
            self.merchant_client.send(&query_refund::Request::new(refund_no)).await?.response.data;
        report
            .step(SUPERAPP, MERCHANT, "POST <TC-Payment-Callback> (5.1.3)")
            .fact(format!(
                "the payment system completes {refund_no} (POST /sandbox/refunds/{refund_no}/complete)"
            ))
            .fact(format!(
                "{} {refund_no}: {} of {} cents refunded",
                done.callback.event_type.as_str(),
                done.event.amount.refund,
                done.event.amount.total
            ))
            .verified("signatures verified, resource decrypted, refund matches the request")
            .verified(format!("GET /spay/refund/refunds/{refund_no} (5.1.2) says {}", queried.status.as_str()));
        report.done();
        Ok(())
    }

    async fn close(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let no = "DEMO-ORDER-2";
        let expire =
            rfc3339(sas_core::time::UnixTime::from_secs(SystemClock.now().as_secs() + 1800));
        let order = requests::jsapi_order(
            &self.keys,
            &self.user,
            no,
            300,
            &expire,
            &self.merchant.url(paths::PAYMENT),
        );
        self.merchant_client.send(&order).await?;
        let closed = self
            .merchant_client
            .send(&close_order::Request::new(no, &self.keys.merchant.mchid))
            .await?
            .response
            .data;
        let queried = self
            .merchant_client
            .send(&query_order::Request::new(no, &self.keys.merchant.mchid))
            .await?
            .response
            .data;
        ensure!(
            queried.trade_state.as_str() == "CLOSED",
            "the order is {}",
            queried.trade_state.as_str()
        );
        let refused = self.admin.pay(no, "SUCCESS").await;
        ensure!(refused.is_err(), "a closed order could be paid");
        report
            .step(
                MERCHANT,
                SUPERAPP,
                format!("POST /v3/pay/transactions/out-trade-no/{no}/close (2.4)"),
            )
            .fact(format!("a second order, {no}, placed then closed: {closed}"))
            .verified("the query (2.3) says CLOSED")
            .verified("paying it is refused");
        report.done();
        Ok(())
    }

    async fn mini_game(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let no = "DEMO-GAME-1";
        let order = requests::mini_game_order(
            &self.keys,
            &self.user,
            no,
            "gems-60",
            2,
            300,
            &self.merchant.url(paths::MINI_GAME),
        )?;
        let prepay = self.merchant_client.send(&order).await?.response.data.prepay_id;
        report
            .step(MERCHANT, SUPERAPP, "POST /requestMidasPaymentGameItem (3.1)")
            .fact(format!("{no}: 2 × gems-60 at 300 cents; prepayId {prepay}"))
            .verified("PaySig (HMAC-SHA256 under the AppKey over SignData) accepted");
        report.done();
        self.merchant.expect.virtual_payment(
            no,
            ExpectedVirtualPayment::new(no, 600).product_id("gems-60").quantity(2),
        );
        self.admin.pay(no, "SUCCESS").await?;
        let Notified::MiniGame(paid) = self.notified().await? else {
            bail!("the merchant received another callback than 3.2")
        };
        report
            .step(SUPERAPP, MERCHANT, "POST <TC-Payment-Callback> (3.2)")
            .fact(format!(
                "the user pays; {} {no}: {} cents",
                paid.callback.event_type.as_str(),
                paid.event.goods_info.actual_price
            ))
            .verified("TC-Signature and PayEventSig (HMAC-SHA256 under the AppKey) verified")
            .verified("product, quantity and price match the order");
        report.done();
        Ok(())
    }

    async fn mini_program(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let no = "DEMO-MINI-1";
        let app_key = self.keys.app()?;
        let session_key = SessionKey::new(&self.user.session_key)?;
        let sign_data =
            request_virtual_payment::SignData::from(request_virtual_payment::SignDataInit {
                offer_id: &self.keys.mini_app_id,
                buy_quantity: 1,
                currency_type: "CNY",
                product_id: "premium-1m",
                goods_price: 990,
                out_trade_no: no,
                attach: "plan=monthly",
            });
        let params = request_virtual_payment::Params::sign(&sign_data, &app_key, &session_key)?;
        params.verify(&app_key, Some(&session_key))?;
        report
            .step(MERCHANT, FRONT_END, "wx.requestVirtualPayment")
            .fact(format!("signData {}", params.sign_data.as_str()))
            .fact(format!(
                "mode {}, paySig {}, signature {}",
                params.mode.as_str(),
                hidden(&params.pay_sig),
                hidden(&params.signature)
            ))
            .verified("paySig holds under the AppKey, signature under the user's session_key");
        report.done();

        let order = requests::mini_program_order(
            &self.keys,
            &self.user,
            params.sign_data.as_str(),
            &self.merchant.url(paths::MINI_PROGRAM),
        );
        let prepay = self.merchant_client.send(&order).await?.response.data.prepay_id;
        report
            .step(MERCHANT, SUPERAPP, "POST /requestVirtualPayment (4.1)")
            .fact(format!("{no}: the same signData; prepayId {prepay}"))
            .verified("PaySig accepted");
        report.done();
        self.merchant
            .expect
            .virtual_payment(no, ExpectedVirtualPayment::new(no, 990).product_id("premium-1m"));
        self.admin.pay(no, "SUCCESS").await?;
        let Notified::MiniProgram(paid) = self.notified().await? else {
            bail!("the merchant received another callback than 4.2")
        };
        report
            .step(SUPERAPP, MERCHANT, "POST <TC-Payment-Callback> (4.2)")
            .fact(format!(
                "the user pays; {} {no}: {} cents, transaction {}",
                paid.callback.event_type.as_str(),
                paid.event.goods_info.actual_price,
                paid.event.pay_info.transaction_id
            ))
            .verified("TC-Signature and PayEventSig verified; the payment matches the order");
        report.done();
        Ok(())
    }

    async fn virtual_refund(&mut self, report: &mut Report) -> anyhow::Result<()> {
        let (no, refund_no) = ("DEMO-GAME-1", "DEMO-VREFUND-1");
        let refund = requests::virtual_refund(
            &self.keys,
            no,
            refund_no,
            600,
            600,
            &self.merchant.url(paths::VIRTUAL_REFUND),
        );
        let accepted = self.merchant_client.send(&refund).await?.response.data;
        report
            .step(MERCHANT, SUPERAPP, "POST /vpay/refund/refunds (5.2.1)")
            .fact(format!(
                "{refund_no}: 600 of 600 cents of {no}, status {}",
                accepted.status.as_str()
            ))
            .verified("pay_sig (HMAC-SHA256 under the AppKey over the URI and body) accepted");
        report.done();
        self.merchant
            .expect
            .refund(refund_no, ExpectedRefund::new(refund_no, 600, 600).out_trade_no(no));
        self.admin.complete_refund(refund_no, "SUCCESS").await?;
        let Notified::VirtualRefund(done) = self.notified().await? else {
            bail!("the merchant received another callback than 5.2.2")
        };
        report
            .step(SUPERAPP, MERCHANT, "POST <TC-Payment-Callback> (5.2.2)")
            .fact(format!(
                "{} {refund_no}: {} cents refunded",
                done.callback.event.as_str(),
                done.event.amount.refund
            ))
            .verified("TC-Signature and PayEventSig verified; the refund matches the request");
        report.done();
        Ok(())
    }

    async fn deliveries(&mut self, report: &mut Report) -> anyhow::Result<()> {
        // The dispatcher records an acknowledgement just after the merchant's answer: wait for
        // the last one.
        let deadline = tokio::time::Instant::now() + CALLBACK_WAIT;
        loop {
            let records = self.admin.list("deliveries").await?;
            let records = records.as_array().cloned().unwrap_or_default();
            let delivered = records.iter().filter(|r| r["state"] == "Delivered").count();
            let attempts: usize =
                records.iter().map(|r| r["attempts"].as_array().map_or(0, Vec::len)).sum();
            if delivered == CALLBACKS && records.len() == CALLBACKS {
                report
                    .step("you", SUPERAPP, "GET /sandbox/deliveries")
                    .fact(format!("{delivered} callbacks, {attempts} attempts"))
                    .verified("every callback acknowledged by the merchant (returnCode \"0\")");
                report.done();
                return Ok(());
            }
            ensure!(
                tokio::time::Instant::now() < deadline,
                "{delivered} of {} callbacks acknowledged, {CALLBACKS} expected",
                records.len()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
