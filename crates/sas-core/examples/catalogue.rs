//! Prints the catalogue of the SAS API from `sas_core::api::ENTRIES`: every endpoint, callback
//! and front-end parameter set of the spec, with who calls whom and how it is authenticated.
//!
//! Run it with `cargo run -p sas-core --example catalogue`.

use sas_core::api::{self, ENTRIES};
use sas_core::endpoint::{AuthKind, Caller, EntryKind, Metadata, ServedBy};

fn main() {
    println!("Tencent Cloud Super App as a Service: {} entries in the spec\n", ENTRIES.len());
    let section_width = ENTRIES.iter().map(|m| m.section.len()).max().unwrap_or(0);
    let route_width = ENTRIES.iter().map(|m| route(m).chars().count()).max().unwrap_or(0);
    let mut group = "";
    for entry in ENTRIES {
        if entry.group != group {
            group = entry.group;
            println!("{group}");
        }
        let route = route(entry);
        println!("  {:<section_width$}  {route:<route_width$}  {}", entry.section, entry.title);
        println!(
            "  {:<section_width$}  {} -> {}; {}; sas_core::api::{}::{}",
            "",
            caller(entry.caller),
            served_by(entry.served_by),
            auth(entry.auth),
            entry.group,
            entry.module
        );
    }
    println!(
        "\n{} endpoints, {} callbacks, {} front-end parameter sets",
        api::endpoints().count(),
        api::callbacks().count(),
        api::frontend_sets().count()
    );
}

/// `POST /user/checkUser`, `POST <TC-Payment-Callback of 2.1>`, or the JS API.
fn route(entry: &Metadata) -> String {
    match (entry.kind, &entry.method, entry.path, entry.callback_of) {
        (EntryKind::Callback, Some(method), _, Some(origin)) => {
            format!("{method} <TC-Payment-Callback of {origin}>")
        }
        (_, Some(method), Some(path), _) => format!("{method} {path}"),
        _ => format!("{}(…)", entry.section),
    }
}

fn caller(caller: Caller) -> &'static str {
    match caller {
        Caller::Sas => "SAS",
        Caller::Merchant => "merchant via SAS",
        Caller::Superapp => "superapp",
        Caller::MerchantBackend => "merchant backend",
        _ => "?",
    }
}

fn served_by(served_by: ServedBy) -> &'static str {
    match served_by {
        ServedBy::Superapp => "superapp backend",
        ServedBy::CallbackUrl => "callback URL",
        ServedBy::MiniProgram => "mini program front end",
        _ => "?",
    }
}

fn auth(scheme: AuthKind) -> &'static str {
    match scheme {
        AuthKind::TcSignature => "TC-Signature (AES-ECB)",
        AuthKind::MerchantRsa => "Authorization (SHA256withRSA)",
        AuthKind::PaySig => "PaySig (HMAC-SHA256)",
        AuthKind::PaySigQuery => "pay_sig (HMAC-SHA256)",
        AuthKind::PaymentCallback => "TC-Signature + TC-Callback-Signature (RSA), AES-GCM resource",
        AuthKind::VirtualCallback => "TC-Signature + event signature (HMAC-SHA256)",
        AuthKind::JsapiPaySign => "paySign (SHA256withRSA)",
        AuthKind::VirtualPaymentSign => "paySig + signature (HMAC-SHA256)",
        _ => "?",
    }
}
