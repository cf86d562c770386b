//! `sas sandbox --keys-out` and `sas call` as separate processes: the keys file is all another
//! process needs to call the sandbox, signed as each entry's spec says.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sas_cli::keyfile::KeysFile;

fn sas() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sas"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sas-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A sandbox process, killed when dropped.
struct SandboxProcess(Child);

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_sandbox(keys_out: &Path) -> SandboxProcess {
    let child = sas()
        .args(["sandbox", "--listen", "127.0.0.1:0", "--keys-out"])
        .arg(keys_out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let process = SandboxProcess(child);
    let deadline = Instant::now() + Duration::from_secs(30);
    while KeysFile::load(keys_out).is_err() {
        assert!(Instant::now() < deadline, "no keys file within 30 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    process
}

fn call(keys: &Path, args: &[&str], stdin: Option<&str>) -> (bool, String, String) {
    let mut command = sas();
    command.arg("call").args(args).arg("--keys").arg(keys);
    command.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    if let Some(text) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn keys_written_by_the_sandbox_let_another_process_call_it() {
    let dir = scratch("call");
    let keys_path = dir.join("keys.json");
    let _sandbox = start_sandbox(&keys_path);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&keys_path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the keys file is private");
    }
    let keys = KeysFile::load(&keys_path).unwrap();
    assert!(keys.platform.private_key_pem.is_none(), "no platform private key for counterparts");
    let user = &keys.users[0].user_id;

    let body = format!(r#"{{"userId":"{user}"}}"#);
    let (ok, out, err) = call(&keys_path, &["getUserNick", "--json", "-"], Some(&body));
    assert!(!ok, "getUserNick is not a module name: {out}");
    assert!(err.contains("no entry"), "{err}");

    let (ok, out, err) = call(&keys_path, &["get_user_nick", "--json", "-"], Some(&body));
    assert!(ok, "{err}");
    let answer: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(answer["data"], "Ada", "{out}");

    // The body is read as the SDK reads every message: a leading BOM ignored, a member name
    // given twice refused.
    let bom = format!("\u{feff}{body}");
    let (ok, out, err) = call(&keys_path, &["get_user_nick", "--json", "-"], Some(&bom));
    assert!(ok, "{err}");
    assert!(out.contains("Ada"), "{out}");
    let twice = format!(r#"{{"userId":"{user}","userId":"someone else"}}"#);
    let (ok, out, err) = call(&keys_path, &["get_user_nick", "--json", "-"], Some(&twice));
    assert!(!ok, "{out}");
    assert!(err.contains("duplicate member") && err.contains("userId"), "{err}");
    // Said once: the reader's message quotes its cause, which is not chained again.
    assert_eq!(err.matches("duplicate member").count(), 1, "{err}");

    let (ok, out, err) = call(&keys_path, &["/user/checkUser", "--json", "-"], Some(&body));
    assert!(ok, "{err}");
    assert!(out.contains("\"data\": true"), "{out}");

    let expire = sas_cli::sandbox::time::rfc3339(sas_core::time::UnixTime::from_secs(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 600,
    ));
    let order = sas_cli::demo::requests::jsapi_order(
        &keys,
        &keys.users[0],
        "CALL-ORDER-1",
        100,
        &expire,
        "http://127.0.0.1:9/notify",
    );
    let order = serde_json::to_string(&order).unwrap();
    let (ok, out, err) = call(&keys_path, &["2.1", "--json", "-"], Some(&order));
    assert!(ok, "{err}");
    assert!(out.contains("prepay_id") || out.contains("prepayId"), "{out}");

    let (ok, out, err) =
        call(&keys_path, &["query_order", "--param", "out_trade_no=CALL-ORDER-1"], None);
    assert!(ok, "{err}");
    assert!(out.contains("NOTPAY"), "{out}");

    let (ok, _, err) = call(&keys_path, &["query_order", "--param", "out_trade_no=NO-SUCH"], None);
    assert!(!ok);
    assert!(err.contains("ORDER_NOT_EXIST"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn entries_lists_every_entry_with_its_call_name() {
    let output = sas().arg("entries").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("sas call check_user"), "{text}");
    assert!(text.contains("15 endpoints, 5 callbacks, 2 front-end parameter sets"), "{text}");
}

#[test]
fn keys_generate_writes_private_files_a_sandbox_starts_from() {
    let dir = scratch("keys");
    let out = dir.join("keys");
    let output = sas().args(["keys", "generate", "--out"]).arg(&out).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for (name, secret) in sas_cli::keygen::FILES {
        let meta = std::fs::metadata(out.join(name)).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if secret {
                assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{name}");
            }
        }
        assert!(meta.len() > 0, "{name}");
        let _ = secret;
    }
    let config = KeysFile::load(&out.join("sandbox-config.json")).unwrap();
    assert!(config.platform_private_key().unwrap().is_some());
    config.merchant_signer().unwrap();
    config.platform_keys().unwrap();
    let counterpart = KeysFile::load(&out.join("keys.json")).unwrap();
    assert_eq!(counterpart, config.for_counterpart());
    let _ = std::fs::remove_dir_all(&dir);
}
