//! The targets over HTTP messages: every entry's incoming request with its auth, every
//! callback opened, every entry's response envelope.
//!
//! Input of `request` and `callback`: a selector byte (the entry), a flags byte (bit 0: make
//! the auth hold again after mutation, see [`crate::resign`]; bit 1: accept the legacy AES-CBC
//! `TC-Signature`), then the request in [`crate::wire`]'s form. Input of `response`: a selector
//! byte, a status byte, then the body.

use std::sync::OnceLock;

use sas_core::api::{payment, refund, virtual_payment};
use sas_core::callback::{self, EncryptedCallback, PayloadCallback};
use sas_core::endpoint::{ApiRequest, FrontendParams};
use sas_core::request::IncomingRequest;
use sas_core::response::IncomingResponse;

use crate::resign::resign;
use crate::support::{EachEntry, Keys, over_entries, pick};
use crate::wire;

/// A target body for one entry: the flags byte and the rest of the input in, whether the
/// message was accepted out.
type EntryFn = fn(u8, &[u8]) -> bool;

/// Every endpoint and callback, received as a server or merchant would.
pub fn request(data: &[u8]) {
    request_accepts(data);
}

/// As [`request`], saying whether the request was accepted.
pub fn request_accepts(data: &[u8]) -> bool {
    static ENTRIES: OnceLock<Vec<EntryFn>> = OnceLock::new();
    let entries = ENTRIES.get_or_init(|| over_entries::<Receive>().into_iter().flatten().collect());
    run(entries, data)
}

/// Every callback opened: verified, then decrypted or its payload parsed.
pub fn callback(data: &[u8]) {
    callback_opens(data);
}

/// As [`callback()`], saying whether the callback was opened.
pub fn callback_opens(data: &[u8]) -> bool {
    run(&CALLBACKS.map(|(_, open)| open), data)
}

/// Every entry's response envelope, read as a client would.
pub fn response(data: &[u8]) {
    response_reads(data);
}

/// As [`response`], saying whether the envelope gave the typed `data`.
pub fn response_reads(data: &[u8]) -> bool {
    static ENTRIES: OnceLock<Vec<EntryFn>> = OnceLock::new();
    let entries = ENTRIES.get_or_init(|| over_entries::<Answer>().into_iter().flatten().collect());
    run(entries, data)
}

/// The callbacks the `callback` target opens, by module name. A callback is either sealed or
/// carries a payload, which the type says but the entry walk does not, so they are listed; the
/// replay test checks the list against `sas_core::api::callbacks()`.
pub const CALLBACKS: [(&str, EntryFn); 5] = [
    ("payment_notification", open::<payment::payment_notification::Request>),
    (
        "mini_game_payment_notification",
        read::<virtual_payment::mini_game_payment_notification::Request>,
    ),
    (
        "mini_program_payment_notification",
        read::<virtual_payment::mini_program_payment_notification::Request>,
    ),
    ("refund_notification", open::<refund::refund_notification::Request>),
    ("virtual_refund_notification", read::<refund::virtual_refund_notification::Request>),
];

fn run(entries: &[EntryFn], data: &[u8]) -> bool {
    match data {
        [selector, flags, rest @ ..] => {
            pick(entries, *selector).is_some_and(|entry| entry(*flags, rest))
        }
        _ => false,
    }
}

/// The request of `bytes`, with its auth made to hold when `flags` asks.
fn received<T: ApiRequest>(flags: u8, bytes: &[u8]) -> Option<http::Request<Vec<u8>>> {
    let mut request = wire::read(bytes)?;
    if flags & 1 != 0 {
        resign(T::METADATA, &mut request, Keys::get());
    }
    Some(request)
}

fn receive<T: ApiRequest>(flags: u8, bytes: &[u8]) -> bool {
    received::<T>(flags, bytes).is_some_and(|request| {
        T::try_from_http_request(&request, &Keys::get().verifying(flags & 2 != 0)).is_ok()
    })
}

fn open<T: EncryptedCallback>(flags: u8, bytes: &[u8]) -> bool {
    let keys = Keys::get();
    received::<T>(flags, bytes).is_some_and(|request| {
        callback::open::<T, _>(&request, &keys.verifying(flags & 2 != 0), &keys.api_v3_key).is_ok()
    })
}

fn read<T: PayloadCallback>(flags: u8, bytes: &[u8]) -> bool {
    received::<T>(flags, bytes).is_some_and(|request| {
        callback::read_payload::<T, _>(&request, &Keys::get().verifying(flags & 2 != 0)).is_ok()
    })
}

/// The statuses the `response` target's status byte picks from.
pub const STATUSES: [u16; 10] = [200, 201, 204, 400, 401, 403, 404, 429, 500, 502];

fn answer<T: ApiRequest>(status: u8, body: &[u8]) -> bool {
    let status = pick(&STATUSES, status).copied().unwrap_or(200);
    http::Response::builder()
        .status(status)
        .body(body)
        .is_ok_and(|response| T::Response::try_from_http_response(&response).is_ok())
}

struct Receive;

impl EachEntry for Receive {
    type Output = Option<EntryFn>;

    fn request<T: ApiRequest>() -> Option<EntryFn> {
        Some(receive::<T>)
    }

    fn params<T: FrontendParams>() -> Option<EntryFn> {
        None
    }
}

struct Answer;

impl EachEntry for Answer {
    type Output = Option<EntryFn>;

    fn request<T: ApiRequest>() -> Option<EntryFn> {
        Some(answer::<T>)
    }

    fn params<T: FrontendParams>() -> Option<EntryFn> {
        None
    }
}
