//! The `sas` command's library: a sandbox superapp, the end-to-end demo, and tools that sign,
//! verify and explain. The binary (`src/main.rs`) is a thin clap front over these modules.
//!
//! | Module | Subcommand | What it does |
//! |---|---|---|
//! | [`keyfile`] | (shared) | the keys file `sas sandbox --keys-out` writes and the other commands read |
//! | [`sandbox`] | `sas sandbox` | a local superapp backend serving every endpoint for real |
//! | [`demo`] | `sas demo` | the sandbox and a merchant in-process, walking the whole protocol |
//! | [`call`] | `sas call`, `sas entries` | call any endpoint by its spec name, signed as the spec says |
//! | [`tools`] | `sas sign`, `verify`, `encrypt`, `decrypt` | one subcommand per scheme; failures explained step by step |
//! | [`listen`] | `sas listen` | a merchant callback endpoint that verifies and explains what it receives |
//! | [`keygen`] | `sas keys generate` | demo key pairs, a platform certificate and symmetric keys |
//! | [`load`] | `sas load` | a bounded load run on loopback: every endpoint, latency, errors, callbacks, memory |

pub mod call;
pub mod demo;
pub mod keyfile;
pub mod keygen;
pub mod listen;
pub mod load;
pub mod sandbox;
pub mod tools;

/// `error` and its causes joined with `: `, leaving out a cause whose text is already said (an
/// error whose message quotes its source, as sas-core's `JsonError` and sas-store's errors do,
/// would otherwise be printed twice): what `sas` prints when a command fails.
pub fn error_text(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let said = cause.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::error_text;

    #[test]
    fn a_cause_already_quoted_is_said_once() {
        let inner = std::io::Error::other("disk full");
        let quoted = anyhow::Error::new(std::io::Error::new(inner.kind(), inner))
            .context("cannot write: disk full")
            .context("saving the keys");
        assert_eq!(error_text(quoted.as_ref()), "saving the keys: cannot write: disk full");
        let plain = anyhow::anyhow!("no such file").context("reading users.json");
        assert_eq!(error_text(plain.as_ref()), "reading users.json: no such file");
    }
}
