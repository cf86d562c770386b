//! Tests of the rule readers: phrasings of both languages, beyond the committed texts' own;
//! anchors that state nothing classifiable, reported; and the pinned counts of the rules each
//! committed text states.

use std::collections::BTreeMap;
use std::path::Path;

use sas_spec::{Format, Unit};

use super::*;
use crate::spec_check::vendor::{Source, Vendor};

fn committed() -> Vendor {
    let root = crate::project_root().expect("the workspace");
    Vendor::load(&root.join("spec/vendor"), Path::new("spec/vendor")).expect("vendor texts")
}

/// The rules a one-cell text states (as a row's first description cell).
fn read(text: &str) -> Vec<Rule> {
    let rules = read_cell(&Text::new(1, text), true);
    assert!(rules.unclassified.is_empty(), "{text}: {:?}", rules.unclassified);
    rules.found.into_iter().map(|found| found.rule).collect()
}

fn chars(ranges: &[(char, char)]) -> Rule {
    let mut chars = Chars::default();
    for &(lo, hi) in ranges {
        chars.add(lo, hi);
    }
    Rule::Charset(chars)
}

fn values(values: &[&str]) -> Rule {
    Rule::Values(values.iter().map(|v| (*v).to_owned()).collect())
}

fn length(min: Option<u32>, max: Option<u32>) -> Rule {
    Rule::Length { min, max }
}

#[test]
fn lengths_in_both_languages() {
    let cases: &[(&str, Rule)] = &[
        ("Cannot exceed 127 characters.", length(None, Some(127))),
        ("Must not exceed 64 characters.", length(None, Some(64))),
        ("Up to 16 characters long.", length(None, Some(16))),
        ("At least 8 characters.", length(Some(8), None)),
        ("Must be 6-32 characters long.", length(Some(6), Some(32))),
        ("Between 4 and 10 characters.", length(Some(4), Some(10))),
        ("With a total length limit of 128 characters.", length(None, Some(128))),
        ("Exactly 32 characters.", length(Some(32), Some(32))),
        ("不能超过127个字符", length(None, Some(127))),
        ("其总长度限制在128字符以内。", length(None, Some(128))),
        ("要求6-32个字符内", length(Some(6), Some(32))),
        ("至少8个字符", length(Some(8), None)),
        ("最多64个字符", length(None, Some(64))),
        ("No longer than 40 characters.", length(None, Some(40))),
        ("A maximum of 20 characters.", length(None, Some(20))),
        ("8 characters or more.", length(Some(8), None)),
        ("长度不得超过32个字符", length(None, Some(32))),
        ("8个字符以上", length(Some(8), None)),
        ("64个字符以下", length(None, Some(64))),
    ];
    for (text, rule) in cases {
        assert_eq!(read(text), std::slice::from_ref(rule), "{text}");
    }
}

#[test]
fn character_sets_in_both_languages() {
    let order_no = chars(&[
        ('0', '9'),
        ('A', 'Z'),
        ('a', 'z'),
        ('_', '_'),
        ('-', '-'),
        ('|', '|'),
        ('*', '*'),
    ]);
    let cases: &[(&str, Rule)] = &[
        (
            "Can only include numbers, uppercase and lowercase letters, _-|*, and must be unique.",
            order_no.clone(),
        ),
        ("只能是数字、大小写字母_-|* 且唯一。", order_no),
        ("Can only contain digits and lowercase letters.", chars(&[('0', '9'), ('a', 'z')])),
        ("只能包含数字和小写字母", chars(&[('0', '9'), ('a', 'z')])),
        (
            "Composed of one or more of the following: half-width letters, numbers, hyphens, and underscores.",
            chars(&[('A', 'Z'), ('a', 'z'), ('0', '9'), ('-', '-'), ('_', '_')]),
        ),
        (
            "由半角的大写字母、数字、下划线中的一种或几种组成",
            chars(&[('A', 'Z'), ('0', '9'), ('_', '_')]),
        ),
    ];
    for (text, rule) in cases {
        assert_eq!(read(text), std::slice::from_ref(rule), "{text}");
    }
}

#[test]
fn enumerations_in_both_languages() {
    let cases: &[(&str, Rule)] = &[
        ("The type. Valid values: email, phone.", values(&["email", "phone"])),
        ("Possible values: ON / OFF", values(&["ON", "OFF"])),
        ("Status, possible values:\nSUCCESS: Paid\nCLOSED: Closed", values(&["SUCCESS", "CLOSED"])),
        ("JSAPI: Mini program payment.", values(&["JSAPI"])),
        ("Refund method: ORIGINAL, BANKCARD, WALLET.", values(&["ORIGINAL", "BANKCARD", "WALLET"])),
        ("REFUND.SUCCESS / REFUND.CLOSED", values(&["REFUND.SUCCESS", "REFUND.CLOSED"])),
        ("Source:\n1. Agent\n2. User", values(&["1", "2"])),
        (
            "Paid - TRANSACTION.SUCCESS.\nFailed - TRANSACTION.PAYERROR.",
            values(&["TRANSACTION.SUCCESS", "TRANSACTION.PAYERROR"]),
        ),
        (
            "Mode: dev for the development build, prod for the release build.",
            values(&["dev", "prod"]),
        ),
        ("Only short_series_goods is supported.", values(&["short_series_goods"])),
        ("Only goods and coins are supported.", values(&["goods", "coins"])),
        (
            "STATUS. {{Refund status}}\nRefund status: DONE/FAILED",
            values(&["STATUS.DONE", "STATUS.FAILED"]),
        ),
        ("获取类型 有效值:email、phone", values(&["email", "phone"])),
        ("交易状态,枚举值: SUCCESS:支付成功 CLOSED:已关闭", values(&["SUCCESS", "CLOSED"])),
        ("取值:A、B、C", values(&["A", "B", "C"])),
        (
            "支付成功-TRANSACTION.SUCCESS。 支付失败-TRANSACTION.PAYERROR。",
            values(&["TRANSACTION.SUCCESS", "TRANSACTION.PAYERROR"]),
        ),
        ("仅支持 short_series_goods", values(&["short_series_goods"])),
    ];
    for (text, rule) in cases {
        assert_eq!(read(text), std::slice::from_ref(rule), "{text}");
    }
}

#[test]
fn single_values_in_both_languages() {
    let cases: &[(&str, Vec<Rule>)] = &[
        ("Type of data, fixed as encrypt-resource.", vec![Rule::Fixed("encrypt-resource".into())]),
        ("Fixed value: AEAD_AES_256_GCM.", vec![Rule::Fixed("AEAD_AES_256_GCM".into())]),
        ("It is currently AEAD_AES_256_GCM.", vec![Rule::Fixed("AEAD_AES_256_GCM".into())]),
        ("When OrderSource=1, it is fixed as:\nsome_event", vec![Rule::Fixed("some_event".into())]),
        ("固定为 encrypt-resource。", vec![Rule::Fixed("encrypt-resource".into())]),
        ("目前为AEAD_AES_256_GCM,开发者", vec![Rule::Fixed("AEAD_AES_256_GCM".into())]),
        ("Response code, 0 indicates success.", vec![Rule::Success("0".into())]),
        ("OK means success.", vec![Rule::Success("OK".into())]),
        ("响应 code,0表示成功", vec![Rule::Success("0".into())]),
        ("响应数据,成功时为 ok", vec![Rule::Success("ok".into())]),
        ("Defaults to 10.", vec![Rule::Default("10".into())]),
        ("Algorithm, typically: RSA.", vec![Rule::Default("RSA".into())]),
        ("默认值为 RSA", vec![Rule::Default("RSA".into())]),
        (
            "Kind: a for the first kind, b for the second kind. Defaults to the second kind.",
            vec![values(&["a", "b"]), Rule::Default("b".into())],
        ),
        ("类型:a 为甲版;b 为乙版;默认为乙版", vec![values(&["a", "b"]), Rule::Default("b".into())]),
    ];
    for (text, rules) in cases {
        assert_eq!(read(text), *rules, "{text}");
    }
}

#[test]
fn units_formats_signatures_and_formulas() {
    let cases: &[(&str, Vec<Rule>)] = &[
        ("Total amount (in cents).", vec![Rule::Unit(Unit::Cent)]),
        ("Timestamp, in milliseconds.", vec![Rule::Unit(Unit::Millisecond)]),
        ("Time in seconds since the epoch.", vec![Rule::Unit(Unit::Second)]),
        ("订单总金额,单位为分,整型。", vec![Rule::Unit(Unit::Cent)]),
        ("道具单价,(单位:分)", vec![Rule::Unit(Unit::Cent)]),
        ("验签的时间戳,单位毫秒", vec![Rule::Unit(Unit::Millisecond)]),
        ("消息发送时间的时间戳秒", vec![Rule::Unit(Unit::Second)]),
        ("毫秒级时间戳", vec![Rule::Unit(Unit::Millisecond)]),
        ("Creation time, RFC 3339 format.", vec![Rule::Format(Some(Format::Rfc3339))]),
        ("A code compliant with ISO 4217.", vec![Rule::Format(Some(Format::Currency))]),
        ("The callback URL.", vec![Rule::Format(Some(Format::Url))]),
        ("Detailed content in JSON format.", vec![Rule::Format(None)]),
        ("需要将数据以 JSON 格式传递", vec![Rule::Format(None)]),
        ("Payment signature.", vec![Rule::Signature]),
        ("The signature for invoking verification.", vec![Rule::Signature]),
        ("支付签名", vec![Rule::Signature]),
        ("Timestamp for signature verification.", vec![]),
        ("Signature algorithm.", vec![]),
        ("签名算法", vec![]),
        (
            "sig = to_hex(hmac_sha256(key, \"pay\" + '&' + data))",
            vec![Rule::Formula { prefix: Prefix::Literal("pay".into()), hmac: true }],
        ),
        (
            "sig = hmac_sha256(key, uri + '&' + body)",
            vec![Rule::Formula { prefix: Prefix::Name("uri".into()), hmac: true }],
        ),
    ];
    for (text, rules) in cases {
        assert_eq!(read(text), *rules, "{text}");
    }
}

#[test]
fn anchors_without_a_rule_are_reported_never_dropped() {
    let cases: &[(&str, &str)] = &[
        ("Amount in yuan.", "a unit"),
        ("金额,单位:元", "a unit"),
        ("Format: YYYYMMDD.", "a format"),
        ("格式为银行简码_具体类型", "a format"),
        ("Length: 32 characters.", "a length"),
        ("Can only include emoji.", "a character set"),
        ("Payment methods: Wallet, bank card, third party", "an enumeration"),
        ("Valid values: see the console.", "an enumeration"),
        ("Defaults to whatever the console says.", "a default value"),
        ("It is fixed as described below:", "a fixed value"),
        ("sig = hmac_sha256(key, data)", "a signature formula"),
    ];
    for (text, what) in cases {
        let rules = read_cell(&Text::new(7, *text), true);
        let found: Vec<(u32, &str)> = rules.unclassified.iter().map(|u| (u.line, u.what)).collect();
        assert_eq!(found, [(7, *what)], "{text}: {:?}", rules.found);
    }
}

#[test]
fn a_second_line_keeps_its_number() {
    let rules = read_cell(&Text::new(40, "Order amount.\nTotal (in cents)."), true);
    assert_eq!(
        rules.found,
        [Found { rule: Rule::Unit(Unit::Cent), line: 41, text: "Total (in cents).".into() }]
    );
}

#[test]
fn callback_references_in_prose() {
    let vendor = committed();
    let en = vendor.doc(Source::En).expect("en");
    let refs = |id: &str| -> Vec<String> {
        let section = en.section(id).expect("section");
        read_prose(section, en)
            .found
            .into_iter()
            .filter_map(|found| match found.rule {
                Rule::CallbackOf(of) => Some(of),
                _ => None,
            })
            .collect()
    };
    assert_eq!(refs("2.2"), ["2.1", "2.1"]);
    assert_eq!(refs("4.2"), ["4.1", "4.1"]);
    // "in the refund request": the refund request of the same group.
    assert_eq!(refs("5.1.3"), ["5.1.1", "5.1.1"]);
    assert_eq!(refs("5.2.2"), ["5.2.1"]);
    assert!(refs("2.1").is_empty());
}

/// The rules each committed text states, by kind, and the sentences that read like rules but
/// state none the readers know (each explained by a note in the spec).
#[test]
fn rules_per_text_counts() {
    let vendor = committed();
    let mut all = BTreeMap::new();
    for doc in &vendor.docs {
        let rules = of_document(doc);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for found in &rules.found {
            *counts.entry(found.rule.kind().as_str()).or_default() += 1;
        }
        counts.insert("unclassified", rules.unclassified.len());
        println!("{}: {} rules {counts:?}", doc.source, rules.found.len());
        all.insert(doc.source, counts);
    }
    let pinned =
        |pairs: &[(&'static str, usize)]| pairs.iter().copied().collect::<BTreeMap<_, _>>();
    assert_eq!(all[&Source::En], pinned(&EN));
    assert_eq!(all[&Source::Zh], pinned(&ZH));
    assert_eq!(all[&Source::Fe], pinned(&FE));
    // Every kind is read from some text.
    for kind in RuleKind::ALL {
        assert!(all.values().any(|c| c.get(kind.as_str()).is_some_and(|n| *n > 0)), "{kind:?}");
    }
}

const EN: [(&str, usize); 12] = [
    ("callback_of", 9),
    ("charset", 4),
    ("default", 1),
    ("fixed", 8),
    ("format", 23),
    ("formula", 4),
    ("length", 5),
    ("signature", 17),
    ("success", 25),
    ("unit", 41),
    ("values", 20),
    ("unclassified", 4),
];
const ZH: [(&str, usize); 11] = [
    ("charset", 4),
    ("default", 1),
    ("fixed", 4),
    ("format", 12),
    ("formula", 2),
    ("length", 5),
    ("signature", 7),
    ("success", 16),
    ("unit", 12),
    ("values", 10),
    ("unclassified", 1),
];
const FE: [(&str, usize); 6] = [
    ("default", 1),
    ("length", 1),
    ("signature", 3),
    ("unit", 2),
    ("values", 1),
    ("unclassified", 1),
];
