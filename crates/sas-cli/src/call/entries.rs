//! `sas entries`: the catalogue of the spec, from `sas_core::api::ENTRIES`: every endpoint,
//! callback and front-end parameter set, with who calls whom, how it is authenticated, and the
//! name `sas call` takes.

use sas_core::api::{self, ENTRIES};
use sas_core::endpoint::{AuthKind, Caller, EntryKind, Metadata, ServedBy};

/// The catalogue as text.
pub fn catalogue() -> String {
    let mut out =
        format!("Tencent Cloud Super App as a Service: {} entries in the spec\n\n", ENTRIES.len());
    let section_width = ENTRIES.iter().map(|m| m.section.len()).max().unwrap_or(0);
    let route_width = ENTRIES.iter().map(|m| route(m).chars().count()).max().unwrap_or(0);
    let mut group = "";
    for entry in ENTRIES {
        if entry.group != group {
            group = entry.group;
            out.push_str(&format!("{group}\n"));
        }
        let route = route(entry);
        out.push_str(&format!(
            "  {:<section_width$}  {route:<route_width$}  {}\n",
            entry.section, entry.title
        ));
        let name = if entry.kind == EntryKind::Endpoint {
            format!("sas call {}", entry.module)
        } else {
            format!("sas_core::api::{}::{}", entry.group, entry.module)
        };
        out.push_str(&format!(
            "  {:<section_width$}  {} -> {}; {}; {name}\n",
            "",
            caller(entry.caller),
            served_by(entry.served_by),
            auth(entry.auth),
        ));
    }
    out.push_str(&format!(
        "\n{} endpoints, {} callbacks, {} front-end parameter sets\n",
        api::endpoints().count(),
        api::callbacks().count(),
        api::frontend_sets().count()
    ));
    out
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
