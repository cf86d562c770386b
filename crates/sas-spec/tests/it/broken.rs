//! A spec with many problems reports every one of them at once, each at its file:line:col.

use std::path::{Path, PathBuf};

/// Writes `files` (path below the spec folder, contents) into a fresh folder named `case`.
fn spec_dir(case: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("broken-specs").join(case);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("files live in folders")).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

const SAS_TOML: &str = r#"[service]
name = "Test"
api_list = "https://example.com"

[[groups]]
name = "user"
doc = "Users."

[auth.tc_signature]
doc = "TC-Signature."
headers = ["TC-Timestamp", "TC-Signature"]

[envelope]
success_code = "0"

[[envelope.fields]]
name = "returnCode"
type = "string"
required = true
doc = "Code."

[[envelope.fields]]
name = "returnMessage"
type = "string"
required = false
doc = "Message."

[[envelope.fields]]
name = "data"
type = "object"
required = true
doc = "Data."

[[envelope.fields]]
name = "requestId"
type = "string"
required = true
doc = "Trace ID."
"#;

fn messages(dir: &Path) -> Vec<String> {
    match sas_spec::load_as(dir, Path::new("spec")) {
        Ok(_) => panic!("the broken spec loaded"),
        Err(diagnostics) => diagnostics.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_problem_of_every_file_is_reported_at_once() {
    let first = r#"kind = "endpoint"
section = "1.1"
title = "First"
summary = "First."
method = "GET"
path = "/users/{id}"
served_by = "superapp"
caller = "sas"
auth = "tc_signature"
colour = "blue"

[[request.body]]
name = "userId"
type = "strnig"
required = true
doc = "The user."

[response]
data = "object:Missing"
doc = "Nothing."
"#;
    let second = r#"kind = "endpoint"
section = "1.1"
title = "Second"
summary = "Second."
method = "PUT"
path = "/users"
served_by = "superapp"
caller = "sas"
auth = "hmac"

[[request.headers]]
name = "TC-Timestamp"
required = "yes"
doc = "The time."

[response]
data = "bool"
doc = "Whether."
"#;
    let dir = spec_dir(
        "many",
        &[("sas.toml", SAS_TOML), ("api/user/first.toml", first), ("api/user/second.toml", second)],
    );
    let expected = [
        "spec/api/user/first.toml:6:8: path parameter `{id}` has no field in [[request.path]]",
        "spec/api/user/first.toml:10:1: unknown key `colour` in the entry",
        "spec/api/user/first.toml:13:8: a GET endpoint has no body",
        "spec/api/user/first.toml:14:8: unknown type \"strnig\"",
        "spec/api/user/first.toml:18:1: unknown type `Missing` in \"object:Missing\"",
        "spec/api/user/second.toml:2:11: section \"1.1\" is also at spec/api/user/first.toml:2:11",
        "spec/api/user/second.toml:5:10: unknown method \"PUT\" (expected GET or POST)",
        "spec/api/user/second.toml:9:8: unknown auth scheme \"hmac\" (known: tc_signature)",
        "spec/api/user/second.toml:13:12: `required` must be true or false, found string",
    ];
    assert_eq!(messages(&dir), expected);
}

#[test]
fn a_toml_syntax_error_does_not_hide_the_other_files() {
    let broken = "kind = \"endpoint\"\nsection = \"1.1\ntitle = \"x\"\n";
    let fine_but_wrong = r#"kind = "endpoint"
section = "1.2"
title = "Other"
summary = "Other."
method = "POST"
path = "/other"
served_by = "superapp"
caller = "sas"
auth = "tc_signature"
"#;
    let dir = spec_dir(
        "syntax",
        &[("sas.toml", SAS_TOML), ("api/user/a.toml", broken), ("api/user/b.toml", fine_but_wrong)],
    );
    assert_eq!(
        messages(&dir),
        [
            "spec/api/user/a.toml:2:15: TOML syntax error: invalid basic string, expected `\"`",
            "spec/api/user/b.toml:1:1: an endpoint needs `[response]`",
        ]
    );
}

#[test]
fn an_undeclared_group_folder_is_reported() {
    let dir = spec_dir("stray", &[("sas.toml", SAS_TOML), ("api/payments/x.toml", "")]);
    assert!(
        messages(&dir).contains(
            &"spec/api/payments:1:1: the folder `payments` is not a group declared in sas.toml"
                .to_owned()
        )
    );
}

#[test]
fn an_entry_naming_its_section_with_doc_is_told_the_key() {
    let entry = r#"kind = "endpoint"
doc = "1.1"
title = "Check"
summary = "Checks."
method = "POST"
path = "/user/checkUser"
served_by = "superapp"
caller = "sas"
auth = "tc_signature"

[response]
data = "bool"
doc = "Whether."
"#;
    let dir = spec_dir("old-doc-key", &[("sas.toml", SAS_TOML), ("api/user/check.toml", entry)]);
    let messages = messages(&dir);
    assert!(
        messages.contains(
            &"spec/api/user/check.toml:2:7: an entry names its vendor section with `section`, not `doc`"
                .to_owned()
        ),
        "{messages:?}"
    );
}

/// A scheme the runtime has no type for is a spec diagnostic at its table, not a rustc error at
/// the macro call; an entry using a front-end scheme over HTTP is one at its `auth` key.
#[test]
fn a_scheme_the_runtime_lacks_is_reported_where_it_is_declared() {
    let sas = SAS_TOML.replace(
        "[envelope]",
        "[auth.hmac_v2]\ndoc = \"HMAC.\"\nheaders = [\"TC-Hmac\"]\n\n[auth.jsapi_pay_sign]\ndoc = \"paySign.\"\nparams = [\"paySign\"]\n\n[envelope]",
    );
    let entry = r#"kind = "endpoint"
section = "1.1"
title = "First"
summary = "First."
method = "POST"
path = "/users"
served_by = "superapp"
caller = "sas"
auth = "jsapi_pay_sign"

[response]
data = "bool"
doc = "Whether."
"#;
    let dir = spec_dir("schemes", &[("sas.toml", &sas), ("api/user/first.toml", entry)]);
    let got = messages(&dir);
    let declared = "spec/sas.toml:13:7: auth scheme `hmac_v2` is not implemented by sas-core";
    assert!(got.iter().any(|m| m.starts_with(declared)), "{got:?}");
    let used = "spec/api/user/first.toml:9:8: auth scheme `jsapi_pay_sign` is not an HTTP scheme \
                sas-core implements";
    assert!(got.iter().any(|m| m == used), "{got:?}");
}

#[test]
fn enumerated_values_without_rust_names_are_reported() {
    let entry = r#"kind = "endpoint"
section = "1.1"
title = "Check"
summary = "Checks."
method = "POST"
path = "/user/checkUser"
served_by = "superapp"
caller = "sas"
auth = "tc_signature"

[[request.body]]
name = "source"
type = "string"
required = true
values = ["1", "2"]
doc = "Where from."

[[request.body]]
name = "kind"
type = "string"
required = true
values = ["a-b", "A_B"]
doc = "Which."

[[request.body]]
name = "mode"
type = "string"
required = true
values = ["x"]
variants = ["X", "Y"]
doc = "How."

[response]
data = "bool"
doc = "Whether."
"#;
    let dir = spec_dir("enums", &[("sas.toml", SAS_TOML), ("api/user/check.toml", entry)]);
    assert_eq!(
        messages(&dir),
        [
            "spec/api/user/check.toml:12:8: `source`: value \"1\" has no Rust name (derived `1`); give the field `variants = [...]`",
            "spec/api/user/check.toml:12:8: `source`: value \"2\" has no Rust name (derived `2`); give the field `variants = [...]`",
            "spec/api/user/check.toml:19:8: `kind`: two values are both named `AB` in Rust",
            "spec/api/user/check.toml:26:8: `mode`: 2 variants for 1 values",
        ]
    );
}

/// `encrypted` belongs on request headers of `tc_signature` entries only.
#[test]
fn encrypted_is_refused_where_no_secret_key_decrypts_it() {
    let entry = r#"kind = "endpoint"
section = "1.1"
title = "First"
summary = "First."
method = "POST"
path = "/users"
served_by = "superapp"
caller = "sas"
auth = "tc_signature"

[[request.headers]]
name = "TC-OpenId"
required = true
encrypted = true
doc = "Encrypted."

[[request.body]]
name = "userId"
type = "string"
required = true
encrypted = true
doc = "Not a header."

[response]
data = "bool"
doc = "Whether."
"#;
    let dir = spec_dir("encrypted", &[("sas.toml", SAS_TOML), ("api/user/first.toml", entry)]);
    assert_eq!(
        messages(&dir),
        ["spec/api/user/first.toml:18:8: only request headers are `encrypted`"]
    );
}
