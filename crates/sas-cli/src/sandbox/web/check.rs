//! The cashier's checks, as a superapp runs them before it shows the payment sheet: a pure
//! function of the parameters the front end passed and the sandbox's orders, giving the sheet
//! or every check that failed, each with a reason a front-end developer can act on.
//!
//! The signature checks are sas-core's (`request_payment::Params::verify`,
//! `request_virtual_payment::Params::verify`); this module only says which order they name and
//! whether it can still be paid.

use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::crypto::{AppKey, CryptoError, PublicKeySet, SessionKey};
use sas_core::frontend::{PREPAY_ID_PREFIX, VerifyError};
use sas_core::time::UnixTime;

use crate::sandbox::model::{Order, TradeState};
use crate::sandbox::orders;

/// One check that failed: its name (`paySign`, `package`, `order`) and why, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Failure {
    /// The parameter or step checked.
    pub(crate) check: &'static str,
    /// Why it failed and what to look at.
    pub(crate) reason: String,
}

impl Failure {
    fn new(check: &'static str, reason: impl Into<String>) -> Self {
        Self { check, reason: reason.into() }
    }
}

/// What the payment sheet shows: the order the parameters name, which can be paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sheet {
    /// The order, as it stands now.
    pub(crate) order: Order,
    /// The amount in currency units with its currency (`12.80 USD`).
    pub(crate) amount: String,
}

/// What the cashier knows besides the parameters: the keys a superapp holds and the orders.
pub(crate) struct Context<'a> {
    /// The merchant's public keys, for `paySign`.
    pub(crate) merchant_keys: &'a PublicKeySet,
    /// The AppKey, for `paySig`.
    pub(crate) app_key: &'a AppKey,
    /// The users' `session_key`s by user ID, for `signature`.
    pub(crate) session_keys: &'a [(String, SessionKey)],
    /// Every order the sandbox holds.
    pub(crate) orders: &'a [Order],
    /// Now, for expiry.
    pub(crate) now: UnixTime,
}

/// Checks a `wx.requestPayment` object: its form and `paySign` (with the appId of the order
/// `package` names), the order behind `package`, and that it can still be paid.
///
/// Errors: every failed check, in the order a superapp runs them.
pub(crate) fn payment(
    params: &request_payment::Params,
    ctx: &Context<'_>,
) -> Result<Sheet, Vec<Failure>> {
    let mut failures = Vec::new();
    let prepay_id = params.package.strip_prefix(PREPAY_ID_PREFIX).unwrap_or_default();
    let order = ctx.orders.iter().find(|o| !prepay_id.is_empty() && o.prepay_id == prepay_id);
    // The appId is the presenting mini program's: the one the order was placed for.
    if let Some(order) = order {
        if let Err(error) = params.verify(ctx.merchant_keys, &order.appid) {
            failures.push(payment_failure(&error, &order.appid));
        }
    } else if prepay_id.is_empty() {
        failures.push(Failure::new(
            "package",
            format!(
                "package must be \"prepay_id=\" followed by the prepayId that placing the order \
                 (2.1) returned; it is {:?}",
                cut(&params.package)
            ),
        ));
    } else {
        failures.push(Failure::new(
            "package",
            format!(
                "no order has prepayId {:?}: pass the prepayId the sandbox returned when the \
                 order was placed (2.1), unchanged, after \"prepay_id=\"",
                cut(prepay_id)
            ),
        ));
    }
    match order {
        Some(order) => match payable(order, ctx.now) {
            Ok(sheet) if failures.is_empty() => Ok(sheet),
            Ok(_) => Err(failures),
            Err(failure) => {
                failures.push(failure);
                Err(failures)
            }
        },
        None => Err(failures),
    }
}

/// Checks a `wx.requestVirtualPayment` object: its form, `paySig` (AppKey) and `signature`
/// (the payer's `session_key`) over the exact `signData`, the order `signData.outTradeNo`
/// names, its price, and that it can still be paid.
///
/// Errors: every failed check.
pub(crate) fn virtual_payment(
    params: &request_virtual_payment::Params,
    ctx: &Context<'_>,
) -> Result<Sheet, Vec<Failure>> {
    let document = match params.sign_data.parse() {
        Ok(document) => document,
        Err(error) => {
            return Err(vec![Failure::new(
                "signData",
                format!("signData must be the SignData JSON document as a string: {error}"),
            )]);
        }
    };
    let out_trade_no = document.out_trade_no.as_str();
    let Some(order) =
        ctx.orders.iter().find(|o| o.kind.is_virtual() && o.out_trade_no == out_trade_no)
    else {
        return Err(vec![Failure::new(
            "signData.outTradeNo",
            format!(
                "no virtual order is numbered {:?}: place it first (3.1 or 4.1) and sign the \
                 same outTradeNo",
                cut(out_trade_no)
            ),
        )]);
    };
    let mut failures = Vec::new();
    let session_key =
        ctx.session_keys.iter().find(|(user, _)| *user == order.user_id).map(|(_, key)| key);
    if session_key.is_none() {
        failures.push(Failure::new(
            "signature",
            format!("the payer {:?} of the order is not a sandbox user", order.user_id),
        ));
    }
    if let Err(error) = params.verify(ctx.app_key, session_key) {
        failures.push(virtual_failure(&error));
    }
    if let Some(goods) = order.goods.as_ref().filter(|goods| {
        document.goods_price != goods.unit_price || document.buy_quantity != goods.quantity
    }) {
        failures.push(Failure::new(
            "signData",
            format!(
                "signData says {} × {} cents, the order was placed for {} × {} cents",
                document.buy_quantity, document.goods_price, goods.quantity, goods.unit_price
            ),
        ));
    }
    match payable(order, ctx.now) {
        Ok(sheet) if failures.is_empty() => Ok(sheet),
        Ok(_) => Err(failures),
        Err(failure) => {
            failures.push(failure);
            Err(failures)
        }
    }
}

/// The sheet of an order that can be paid now, or why it cannot.
fn payable(order: &Order, now: UnixTime) -> Result<Sheet, Failure> {
    let why = match orders::state_at(order, now) {
        TradeState::Notpay | TradeState::Payerror => None,
        TradeState::Success => Some("it is already paid: a superapp never charges twice"),
        TradeState::Refund => Some("it was paid and refunded"),
        TradeState::Closed if orders::is_expired(order, now) => {
            Some("it expired unpaid (time_expire has passed): place a new order")
        }
        TradeState::Closed => Some("the merchant closed it (2.4): place a new order"),
    };
    match why {
        None => Ok(Sheet { order: order.clone(), amount: amount(order.total, &order.currency) }),
        Some(why) => Err(Failure::new(
            "order",
            format!("order {:?} cannot be paid: {why}", order.out_trade_no),
        )),
    }
}

fn payment_failure(error: &VerifyError, app_id: &str) -> Failure {
    match error {
        VerifyError::Invalid(errors) => Failure::new(
            "parameters",
            format!(
                "the object breaks the spec: {}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
            ),
        ),
        VerifyError::Malformed { param, received, expected } => {
            Failure::new(param, format!("{param} is {received:?}, it must be {expected}"))
        }
        VerifyError::NoKeys => Failure::new("paySign", "the sandbox holds no merchant key"),
        VerifyError::Crypto(CryptoError::SignatureMismatch { .. }) => Failure::new(
            "paySign",
            format!(
                "paySign does not verify with the merchant's public key over appId {app_id:?}, \
                 timeStamp, nonceStr and package: a field was changed after signing, or the \
                 merchant signed with another private key or for another appId"
            ),
        ),
        VerifyError::Crypto(CryptoError::InvalidBase64 { .. }) => Failure::new(
            "paySign",
            "paySign is not Base64: pass it exactly as the merchant signed it",
        ),
        other => Failure::new("paySign", other.to_string()),
    }
}

fn virtual_failure(error: &VerifyError) -> Failure {
    match error {
        VerifyError::Invalid(errors) => Failure::new(
            "parameters",
            format!(
                "the object breaks the spec: {}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
            ),
        ),
        VerifyError::Crypto(error) => Failure::new(
            "paySig / signature",
            format!(
                "{error}: paySig must be HMAC-SHA256 with the AppKey over \
                 \"requestVirtualPayment&\" + signData, signature HMAC-SHA256 with the payer's \
                 session_key over signData, both over the exact signData string passed"
            ),
        ),
        other => Failure::new("signData", other.to_string()),
    }
}

/// An amount in the currency's minor units as currency units: `1280`, `USD` → `12.80 USD`
/// (no minor unit for JPY, KRW and VND).
pub(crate) fn amount(minor: i64, currency: &str) -> String {
    if matches!(currency, "JPY" | "KRW" | "VND") {
        return format!("{minor} {currency}");
    }
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02} {currency}", abs / 100, abs % 100)
}

fn cut(text: &str) -> String {
    text.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use sas_core::api::frontend::request_virtual_payment::{SignData, SignDataInit};
    use sas_core::crypto::RsaPrivateKey;
    use sas_core::frontend::PaymentToSign;

    use super::*;
    use crate::sandbox::model::{OrderKind, VirtualGoods};
    use crate::sandbox::orders::tests::order;

    const PEM: &str = include_str!("../../../../../tests/vectors/keys/wechatpay-test-pkcs1.pem");
    const NOW: UnixTime = UnixTime::from_millis(5_000);

    struct Fixture {
        key: RsaPrivateKey,
        keys: PublicKeySet,
        app_key: AppKey,
        session_keys: Vec<(String, SessionKey)>,
    }

    fn fixture() -> Fixture {
        let key = RsaPrivateKey::from_pem(PEM).unwrap();
        let keys = PublicKeySet::new().with_key("MERCHANT-1", key.public_key());
        let session_keys =
            vec![("user-1001".to_owned(), SessionKey::new("9hAb/NEYUlkaMBEsmFgzig==").unwrap())];
        Fixture { key, keys, app_key: AppKey::new("12345").unwrap(), session_keys }
    }

    fn ctx<'a>(f: &'a Fixture, orders: &'a [Order]) -> Context<'a> {
        Context {
            merchant_keys: &f.keys,
            app_key: &f.app_key,
            session_keys: &f.session_keys,
            orders,
            now: NOW,
        }
    }

    fn signed(f: &Fixture, prepay_id: &str) -> request_payment::Params {
        request_payment::Params::sign(
            &f.key,
            PaymentToSign {
                app_id: "wxapp",
                prepay_id,
                time_stamp: UnixTime::from_secs(5),
                nonce_str: "NONCE123",
            },
        )
        .unwrap()
    }

    fn checks(result: Result<Sheet, Vec<Failure>>) -> Vec<&'static str> {
        result.err().unwrap().iter().map(|f| f.check).collect()
    }

    #[test]
    fn a_valid_object_shows_the_sheet_in_currency_units() {
        let f = fixture();
        let orders = [order("A1", 1280)];
        let sheet = payment(&signed(&f, "wx-prepay"), &ctx(&f, &orders)).unwrap();
        assert_eq!(sheet.amount, "12.80 CNY");
        assert_eq!(sheet.order.out_trade_no, "A1");
    }

    #[test]
    fn each_refusal_names_its_check() {
        let f = fixture();
        let orders = [order("A1", 1280)];
        let mut tampered = signed(&f, "wx-prepay");
        tampered.nonce_str = "NONCE124".into();
        let failures = payment(&tampered, &ctx(&f, &orders)).unwrap_err();
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].check, "paySign");
        assert!(failures[0].reason.contains("does not verify"), "{}", failures[0].reason);

        let unknown = payment(&signed(&f, "wx-other"), &ctx(&f, &orders)).unwrap_err();
        assert_eq!(unknown[0].check, "package");
        assert!(unknown[0].reason.contains("no order has prepayId \"wx-other\""));

        let mut garbled = signed(&f, "wx-prepay");
        garbled.package = "wx-prepay".into();
        assert_eq!(checks(payment(&garbled, &ctx(&f, &orders))), ["package"]);

        let mut paid = order("A1", 1280);
        paid.state = TradeState::Success;
        let failures = payment(&signed(&f, "wx-prepay"), &ctx(&f, &[paid])).unwrap_err();
        assert_eq!(failures.len(), 1);
        assert!(failures[0].reason.contains("already paid"), "{}", failures[0].reason);

        let mut closed = order("A1", 1280);
        closed.state = TradeState::Closed;
        let failures = payment(&signed(&f, "wx-prepay"), &ctx(&f, &[closed])).unwrap_err();
        assert!(failures[0].reason.contains("closed"));

        let expired = Context { now: UnixTime::from_millis(20_000), ..ctx(&f, &orders) };
        let failures = payment(&signed(&f, "wx-prepay"), &expired).unwrap_err();
        assert!(failures[0].reason.contains("expired"));

        let mut both = signed(&f, "wx-prepay");
        both.pay_sign = "AAAA".into();
        let mut paid = order("A1", 1280);
        paid.state = TradeState::Success;
        assert_eq!(checks(payment(&both, &ctx(&f, &[paid]))), ["paySign", "order"]);
    }

    fn virtual_order() -> Order {
        let mut order = order("V-0001", 30);
        order.kind = OrderKind::MiniProgram;
        order.goods = Some(VirtualGoods {
            product_id: "p1".into(),
            quantity: 3,
            unit_price: 10,
            goods_name: "gems".into(),
            order_source: 1,
            event: String::new(),
        });
        order
    }

    fn virtual_params(f: &Fixture, out_trade_no: &str) -> request_virtual_payment::Params {
        let sign_data = SignData::from(SignDataInit {
            offer_id: "123",
            buy_quantity: 3,
            currency_type: "CNY",
            product_id: "p1",
            goods_price: 10,
            out_trade_no,
            attach: "",
        });
        request_virtual_payment::Params::sign(&sign_data, &f.app_key, &f.session_keys[0].1).unwrap()
    }

    #[test]
    fn a_virtual_object_is_checked_with_both_signatures() {
        let f = fixture();
        let orders = [virtual_order()];
        let sheet = virtual_payment(&virtual_params(&f, "V-0001"), &ctx(&f, &orders)).unwrap();
        assert_eq!(sheet.amount, "0.30 CNY");

        let mut tampered = virtual_params(&f, "V-0001");
        tampered.pay_sig = "00".repeat(32);
        assert_eq!(checks(virtual_payment(&tampered, &ctx(&f, &orders))), ["paySig / signature"]);

        let unknown = virtual_payment(&virtual_params(&f, "V-0002"), &ctx(&f, &orders));
        assert_eq!(checks(unknown), ["signData.outTradeNo"]);
    }

    #[test]
    fn amounts_are_in_currency_units() {
        assert_eq!(amount(5, "USD"), "0.05 USD");
        assert_eq!(amount(100, "JPY"), "100 JPY");
        assert_eq!(amount(-250, "CNY"), "-2.50 CNY");
    }
}
