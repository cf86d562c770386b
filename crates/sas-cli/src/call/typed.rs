//! One call of a typed endpoint: the request built from the spec's example, a JSON body and
//! named values, signed by sas-hyper's client, the answer as JSON.

use std::collections::BTreeMap;

use anyhow::Context;
use sas_core::endpoint::{ApiRequest, PartSource, WirePart};
use sas_hyper::Client;
use serde_json::Value;

use crate::keyfile::KeysFile;

/// What the command line gives besides the body.
#[derive(Debug, Default)]
pub(crate) struct Given {
    /// `--header NAME=VALUE`, by lower-case name.
    pub(crate) headers: BTreeMap<String, String>,
    /// `--param NAME=VALUE` (path and query values), by name.
    pub(crate) params: BTreeMap<String, String>,
}

/// Header, path and query values: given on the command line, else the keys file's IDs for the
/// headers and parameters that name them, else the spec's example.
struct Parts<'a> {
    given: &'a Given,
    keys: Option<&'a KeysFile>,
    example: Vec<(WirePart, &'static str, String)>,
}

impl Parts<'_> {
    fn keys_value(&self, name: &str) -> Option<String> {
        let keys = self.keys?;
        let user = keys.users.first();
        match name.to_ascii_lowercase().as_str() {
            "tc-merchantid" | "mchid" => Some(keys.merchant.mchid.clone()),
            "tc-applicationid" | "x-tc-applicationid" => Some(keys.application_id.clone()),
            "tc-userid" => user.map(|u| u.user_id.clone()),
            "tc-platform-userid" => user.map(|u| u.open_id.clone()),
            _ => None,
        }
    }
}

impl PartSource for Parts<'_> {
    fn get(&self, part: WirePart, name: &str, aliases: &[&str]) -> Option<String> {
        let names = || std::iter::once(name).chain(aliases.iter().copied());
        let given = names().find_map(|n| match part {
            WirePart::Header => self.given.headers.get(&n.to_ascii_lowercase()).cloned(),
            _ => self.given.params.get(n).cloned(),
        });
        given.or_else(|| names().find_map(|n| self.keys_value(n))).or_else(|| {
            self.example.iter().find(|(p, n, _)| *p == part && *n == name).map(|(.., v)| v.clone())
        })
    }
}

/// Builds `R` (its body from `body`, else the spec's example), sends it to the client's base
/// URL and returns `{"data": …, "requestId": …}`.
pub(crate) async fn call<R: ApiRequest>(
    client: &Client,
    body: Option<Value>,
    given: &Given,
    keys: Option<&KeysFile>,
) -> anyhow::Result<Value> {
    let example = R::example();
    let mut request: R = match body {
        Some(body) => serde_json::from_value(body)
            .with_context(|| format!("the body is not {}'s JSON", R::METADATA.module))?,
        None => example.clone(),
    };
    let mut parts: Vec<(WirePart, &'static str, String)> = Vec::new();
    parts.extend(
        example.header_values().into_iter().map(|(n, v)| (WirePart::Header, n, v.to_owned())),
    );
    parts.extend(example.path_values().into_iter().map(|(n, v)| (WirePart::Path, n, v.to_owned())));
    parts.extend(
        example.query_values().into_iter().map(|(n, v)| (WirePart::Query, n, v.to_owned())),
    );
    request.read_parts(&Parts { given, keys, example: parts })?;
    let received = client.send(&request).await?;
    let response = serde_json::to_value(&received.response)?;
    // A response whose only member is the envelope's `data` prints as that value; one with
    // members beside it (the temporary code's `code`) prints whole, so nothing is dropped.
    let data = match response {
        Value::Object(mut fields) if fields.len() == 1 && fields.contains_key("data") => {
            fields.remove("data").unwrap_or(Value::Null)
        }
        other => other,
    };
    Ok(serde_json::json!({ "data": data, "requestId": received.request_id }))
}
