//! The 15 SAS endpoints of the sandbox: `Superapp` for [`SandboxApp`], each method a call into
//! `users`, `orders` or `refunds` here.

mod orders;
mod refunds;
mod users;

use std::sync::Arc;

use sas_core::api::{message, payment, refund, user, virtual_payment};
use sas_core::auth::Identity;
use sas_hyper::server::{HandlerError, RequestContext, Superapp};

use super::core::Core;
use super::error::SandboxError;

/// The sandbox as a [`Superapp`]: the SAS endpoints over the shared core.
#[derive(Clone)]
pub(crate) struct SandboxApp(pub(crate) Arc<Core>);

/// The merchant `Authorization` proved.
fn merchant(context: &RequestContext) -> Result<&str, SandboxError> {
    match &context.identity {
        Identity::Merchant { mchid, .. } => Ok(mchid),
        Identity::AppKeyHolder { merchant_id } => Ok(merchant_id),
        _ => Err(SandboxError::Internal("the request is not a merchant's".to_owned())),
    }
}

macro_rules! delegate {
    ($($method:ident($module:ident :: $entry:ident) => $target:ident($($who:ident)?);)*) => {
        impl Superapp for SandboxApp {
            $(
                async fn $method(
                    &self,
                    context: RequestContext,
                    request: $module::$entry::Request,
                ) -> Result<$module::$entry::Response, HandlerError> {
                    let _ = &context;
                    Ok(self.0.$target($($who(&context)?,)? request).await?)
                }
            )*
        }
    };
}

delegate! {
    check_user(user::check_user) => check_user();
    get_user_info_temporary_code(user::get_user_info_temporary_code) => temporary_code();
    get_user_email(user::get_user_email) => user_email();
    get_user_phone_number(user::get_user_phone_number) => user_phone();
    get_user_nick(user::get_user_nick) => user_nick();
    get_user_avatar(user::get_user_avatar) => user_avatar();
    send_message(message::send_message) => send_message();
    create_jsapi_order(payment::create_jsapi_order) => create_jsapi_order(merchant);
    query_order(payment::query_order) => query_order(merchant);
    close_order(payment::close_order) => close_order(merchant);
    create_mini_game_order(virtual_payment::create_mini_game_order) => create_mini_game_order(merchant);
    create_mini_program_order(virtual_payment::create_mini_program_order) => create_mini_program_order(merchant);
    create_refund(refund::create_refund) => create_refund(merchant);
    query_refund(refund::query_refund) => query_refund(merchant);
    create_virtual_refund(refund::create_virtual_refund) => create_virtual_refund(merchant);
}
