//! The targets over JSON: sas-core's JSON reader into every type a body or a signed document
//! is read into (then validated), and the front-end parameter checks.
//!
//! Input of `json`: a selector byte (the type: see [`json_types`]), then the document.
//! Input of `frontend`: a selector byte (the set), a flags byte (bit 0: sign the parameters
//! again after mutation, so the checks after the signature run), then the JSON object.

use std::sync::OnceLock;

use sas_core::api::frontend::{request_payment, request_virtual_payment};
use sas_core::api::{common, payment, virtual_payment};
use sas_core::crypto::{PaySignFields, pay_sig, pay_sign, user_signature};
use sas_core::endpoint::{ApiRequest, FrontendParams};
use sas_core::types::JsonString;
use sas_core::validate::Validate;
use serde::de::DeserializeOwned;

use crate::support::{EachEntry, Keys, over_entries, pick};

/// Reads a document into one type.
type ReadFn = fn(&str);

/// The app the `wx.requestPayment` seeds are signed for.
pub const APP_ID: &str = "wx8888888888888888";

/// Every JSON document sas-core reads, by the type it is read into.
pub fn json(data: &[u8]) {
    if let [selector, rest @ ..] = data
        && let Some(read) = pick(json_types(), *selector)
    {
        read(&String::from_utf8_lossy(rest));
    }
}

/// The types of the `json` target, in selector order: any JSON value, then every entry's
/// `Request` and `Response` (or `Params`), then the documents read only after a signature or
/// a decryption holds.
pub fn json_types() -> &'static [ReadFn] {
    static TYPES: OnceLock<Vec<ReadFn>> = OnceLock::new();
    TYPES.get_or_init(|| {
        let mut types: Vec<ReadFn> = vec![read_value];
        types.extend(over_entries::<Types>().into_iter().flatten());
        types.extend([
            read_checked::<payment::payment_notification::Transaction>,
            read_checked::<common::RefundResult>,
            read_checked::<virtual_payment::mini_game_payment_notification::Payload>,
            read_checked::<virtual_payment::mini_program_payment_notification::Payload>,
            read_checked::<virtual_payment::create_mini_game_order::SignData>,
            read_checked::<virtual_payment::create_mini_program_order::SignData>,
            read_checked::<request_virtual_payment::SignData>,
        ]);
        types
    })
}

fn read_value(text: &str) {
    let _ = JsonString::<serde_json::Value>::from_raw(text).parse();
}

fn read_checked<T: DeserializeOwned + Validate>(text: &str) {
    if let Ok(value) = JsonString::<T>::from_raw(text).parse() {
        let _ = value.check();
    }
}

struct Types;

impl EachEntry for Types {
    type Output = [ReadFn; 2];

    fn request<T: ApiRequest>() -> [ReadFn; 2] {
        [read_checked::<T>, read_checked::<T::Response>]
    }

    fn params<T: FrontendParams>() -> [ReadFn; 2] {
        [read_checked::<T>, read_value]
    }
}

/// The front-end parameters a superapp receives from a mini program, verified.
pub fn frontend(data: &[u8]) {
    let [selector, flags, rest @ ..] = data else { return };
    let resign = flags & 1 != 0;
    let keys = Keys::get();
    if selector % 2 == 0 {
        let Ok(mut params) = serde_json::from_slice::<request_payment::Params>(rest) else {
            return;
        };
        if resign {
            let fields = PaySignFields {
                app_id: APP_ID,
                time_stamp: &params.time_stamp,
                nonce_str: &params.nonce_str,
                package: &params.package,
            };
            if let Ok(signature) = pay_sign(&keys.pay_sign_key, &fields) {
                params.pay_sign = signature;
            }
        }
        let _ = params.verify(&keys.pay_sign_keys, APP_ID);
    } else {
        let Ok(mut params) = serde_json::from_slice::<request_virtual_payment::Params>(rest) else {
            return;
        };
        if resign {
            let sign_data = params.sign_data.as_str();
            let prefix = request_virtual_payment::METADATA.sign_prefix.unwrap_or_default();
            params.pay_sig = pay_sig(&keys.app_key, prefix, sign_data);
            params.signature = user_signature(&keys.session_key, sign_data);
        }
        let _ = params.verify(&keys.app_key, Some(&keys.session_key));
    }
}
