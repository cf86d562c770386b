//! The trait a superapp backend implements: one async method per endpoint it serves, each
//! defaulting to a 501 "not implemented" envelope. A test holds the list in step with the spec.

use std::future::Future;
use std::sync::Arc;

use futures_util::future::BoxFuture;
use sas_core::api;
use sas_core::endpoint::Metadata;

use super::envelope::ResponseBody;
use super::handler::{HandlerError, RequestContext};
use super::service::{Shared, dispatch};

/// Verifies, parses and calls the method of one route.
pub(crate) type Call<S> = fn(
    Arc<Shared<S>>,
    http::Request<bytes::Bytes>,
    String,
) -> BoxFuture<'static, http::Response<ResponseBody>>;

/// One route: the entry's metadata and the function that verifies, parses and calls the
/// method.
pub(crate) struct Route<S> {
    pub(crate) meta: &'static Metadata,
    pub(crate) call: Call<S>,
}

macro_rules! superapp {
    ($(
        $(#[doc = $doc:literal])*
        $method:ident => $group:ident :: $module:ident;
    )*) => {
        /// A superapp backend: one async method per endpoint it serves (the 15 of the vendor's
        /// API List). Each receives the request after its auth holds and its body parsed and
        /// validated; a method left out answers 501 with a "not implemented" envelope.
        ///
        /// Return the entry's `Response` (the envelope's `data`), or a [`HandlerError`].
        pub trait Superapp: Send + Sync + 'static {
            $(
                $(#[doc = $doc])*
                fn $method(
                    &self,
                    context: RequestContext,
                    request: api::$group::$module::Request,
                ) -> impl Future<Output = Result<api::$group::$module::Response, HandlerError>> + Send {
                    let _ = (context, request);
                    async { Err(HandlerError::not_implemented()) }
                }
            )*
        }

        /// The routes, in the order of the trait's methods.
        pub(crate) fn routes<S: Superapp>() -> Vec<Route<S>> {
            vec![$(
                Route {
                    meta: &api::$group::$module::METADATA,
                    call: |shared, request, request_id| {
                        dispatch::<S, api::$group::$module::Request, _, _>(
                            shared,
                            request,
                            request_id,
                            |app, context, message| async move { app.$method(context, message).await },
                        )
                    },
                },
            )*]
        }
    };
}

superapp! {
    /// 1.1 `POST /user/checkUser`: does this user exist? (SAS, `TC-Signature`)
    check_user => user::check_user;
    /// 1.2 `POST /user/getUserInfoTemporaryCode`: a temporary code for the user's e-mail or
    /// phone, with the masked value.
    get_user_info_temporary_code => user::get_user_info_temporary_code;
    /// 1.3 `POST /user/getUserEmail`: the e-mail, AES-CBC encrypted with the SecretKey.
    get_user_email => user::get_user_email;
    /// 1.4 `POST /user/getUserPhoneNumber`: the phone number, AES-CBC encrypted.
    get_user_phone_number => user::get_user_phone_number;
    /// 1.5 `POST /user/getUserNick`: the nickname.
    get_user_nick => user::get_user_nick;
    /// 1.6 `POST /user/getUserAvatar`: the avatar URL.
    get_user_avatar => user::get_user_avatar;
    /// 1.7 `POST /message/send`: deliver a subscribed message through your push channel.
    send_message => message::send_message;
    /// 2.1 `POST /v3/pay/transactions/jsapi`: create a standard order (merchant,
    /// `Authorization`).
    create_jsapi_order => payment::create_jsapi_order;
    /// 2.3 `GET /v3/pay/transactions/out-trade-no/{out_trade_no}`: query an order.
    query_order => payment::query_order;
    /// 2.4 `POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close`: close an order.
    close_order => payment::close_order;
    /// 3.1 `POST /requestMidasPaymentGameItem`: create a mini game's virtual order (`PaySig`).
    create_mini_game_order => virtual_payment::create_mini_game_order;
    /// 4.1 `POST /requestVirtualPayment`: create a mini program's virtual order (`PaySig`).
    create_mini_program_order => virtual_payment::create_mini_program_order;
    /// 5.1.1 `POST /spay/refund/refunds`: create a standard refund.
    create_refund => refund::create_refund;
    /// 5.1.2 `GET /spay/refund/refunds/{out_refund_no}`: query a standard refund.
    query_refund => refund::query_refund;
    /// 5.2.1 `POST /vpay/refund/refunds`: create a virtual refund (query `pay_sig`).
    create_virtual_refund => refund::create_virtual_refund;
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use sas_core::endpoint::ServedBy;

    use super::*;

    struct Nothing;
    impl Superapp for Nothing {}

    #[test]
    fn the_trait_has_one_method_per_endpoint_the_spec_says_the_superapp_serves() {
        let in_spec: BTreeSet<&str> = api::endpoints()
            .filter(|meta| meta.served_by == ServedBy::Superapp)
            .map(|meta| meta.section)
            .collect();
        let in_trait: BTreeSet<&str> = routes::<Nothing>().iter().map(|r| r.meta.section).collect();
        assert_eq!(in_trait, in_spec, "add or remove the trait method for the entries that differ");
        assert_eq!(routes::<Nothing>().len(), in_trait.len(), "an entry routed twice");
        assert_eq!(in_trait.len(), 15);
    }
}
