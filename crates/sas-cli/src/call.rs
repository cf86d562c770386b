//! `sas call` (any endpoint by its spec name, signed as the spec says) and `sas entries`.

mod entries;
mod typed;

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, bail};
use sas_core::api::ENTRIES;
use sas_core::endpoint::{EntryKind, Metadata};
use sas_hyper::Client;
use serde_json::Value;

pub use entries::catalogue;
use typed::Given;

use crate::keyfile::KeysFile;

/// The arguments of `sas call`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The endpoint: its module (`check_user`, `create_jsapi_order`), its section (`1.1`) or
    /// its path (`/user/checkUser`, `/v3/pay/transactions/jsapi`). `sas entries` lists them.
    #[arg(value_name = "ENTRY")]
    pub entry: String,
    /// The superapp's base URL; by default the keys file's `base_url`.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The JSON body: a file, or `-` for standard input. Without it, the spec's example body.
    #[arg(long, value_name = "FILE|-")]
    pub json: Option<String>,
    /// A header value (`TC-UserID=user-1001`); repeatable. Headers not given come from the keys
    /// file (merchant, application, first user) or the spec's example.
    #[arg(long = "header", value_name = "NAME=VALUE")]
    pub headers: Vec<String>,
    /// A path or query value (`out_trade_no=ORDER-1`); repeatable.
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// The keys file `sas sandbox --keys-out` wrote: the SecretKey, the merchant's key and the
    /// AppKey sign what each entry needs.
    #[arg(long, value_name = "FILE", env = "SAS_KEYS")]
    pub keys: PathBuf,
}

/// The arguments of `sas entries`.
#[derive(Debug, clap::Args)]
pub struct EntriesArgs {}

/// The endpoint `name` names: module, `group::module`, section, path or `METHOD path`.
///
/// # Errors
///
/// When no endpoint has that name (callbacks and front-end sets are not called).
pub fn find_endpoint(name: &str) -> anyhow::Result<&'static Metadata> {
    let trimmed = name.trim();
    let found = ENTRIES.iter().find(|meta| {
        let path = meta.path.unwrap_or("");
        let method_path = meta.method.as_ref().map(|m| format!("{m} {path}")).unwrap_or_default();
        trimmed == meta.module
            || trimmed == format!("{}::{}", meta.group, meta.module)
            || trimmed == meta.section
            || (!path.is_empty() && trimmed == path)
            || trimmed.eq_ignore_ascii_case(&method_path)
    });
    match found {
        Some(meta) if meta.kind == EntryKind::Endpoint => Ok(meta),
        Some(meta) => bail!(
            "{} ({}) is not an endpoint: the superapp sends callbacks, the front end takes parameter sets",
            meta.module,
            meta.section
        ),
        None => bail!("no entry {name:?}: `sas entries` lists them"),
    }
}

fn pairs(
    values: &[String],
    what: &str,
    lower: bool,
) -> anyhow::Result<std::collections::BTreeMap<String, String>> {
    values
        .iter()
        .map(|pair| {
            let (name, value) = pair
                .split_once('=')
                .with_context(|| format!("{what} {pair:?} is not NAME=VALUE"))?;
            let name =
                if lower { name.trim().to_ascii_lowercase() } else { name.trim().to_owned() };
            Ok((name, value.to_owned()))
        })
        .collect()
}

fn read_body(source: &str) -> anyhow::Result<Value> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("cannot read standard input")?;
        text
    } else {
        std::fs::read_to_string(source).with_context(|| format!("cannot read {source}"))?
    };
    crate::tools::read_json(text.as_bytes()).with_context(|| format!("{source} is not JSON"))
}

/// Runs `sas call`: prints `{"data": …, "requestId": …}`, or fails with the error envelope.
///
/// # Errors
///
/// An unknown entry, unreadable keys or body, a request the entry does not accept, or the
/// superapp's refusal.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let answer = call(&args).await?;
    println!("{}", serde_json::to_string_pretty(&answer)?);
    Ok(())
}

/// What `sas call` does, returning the answer instead of printing it.
///
/// # Errors
///
/// As [`run`].
pub async fn call(args: &Args) -> anyhow::Result<Value> {
    let meta = find_endpoint(&args.entry)?;
    let keys = KeysFile::load(&args.keys)?;
    let base_url = args.base_url.clone().unwrap_or_else(|| keys.base_url.clone());
    anyhow::ensure!(!base_url.is_empty(), "give --base-url (the keys file has none)");
    let client = Client::builder().base_url(base_url).keys(keys.counterpart_signing()?).build()?;
    let body = args.json.as_deref().map(read_body).transpose()?;
    let given = Given {
        headers: pairs(&args.headers, "--header", true)?,
        params: pairs(&args.params, "--param", false)?,
    };
    dispatch(meta.module, &client, body, &given, &keys).await.map_err(|error| match error
        .downcast::<sas_hyper::Error>(
    ) {
        Ok(error) => refused(&error),
        Err(error) => error,
    })
}

/// The superapp's refusal, with its envelope.
fn refused(error: &sas_hyper::Error) -> anyhow::Error {
    match error.api_error() {
        Some(api) => anyhow::anyhow!(
            "the superapp refused: HTTP {} returnCode {:?}: {} (requestId {})",
            api.status.as_u16(),
            api.code,
            api.message,
            api.request_id
        ),
        None => anyhow::anyhow!("the call failed: {error}"),
    }
}

async fn dispatch(
    module: &str,
    client: &Client,
    body: Option<Value>,
    given: &Given,
    keys: &KeysFile,
) -> anyhow::Result<Value> {
    macro_rules! one {
        (endpoint $group:ident $module:ident) => {
            if module == stringify!($module) {
                return typed::call::<sas_core::api::$group::$module::Request>(
                    client,
                    body,
                    given,
                    Some(keys),
                )
                .await;
            }
        };
        ($kind:ident $group:ident $module:ident) => {};
    }
    macro_rules! all {
        ($($kind:ident $group:ident $module:ident;)*) => {
            $(one!($kind $group $module);)*
        };
    }
    sas_core::for_each_entry!(all);
    bail!("{module} is not an endpoint")
}

/// Runs `sas entries`.
///
/// # Errors
///
/// Never (the catalogue is compiled in).
pub fn entries(args: EntriesArgs) -> anyhow::Result<()> {
    let _ = args;
    print!("{}", catalogue());
    Ok(())
}
