//! Vendor texts whose rules in words are altered on purpose: each alteration is reported as a
//! difference of its kind, at the line that states it.

use super::altered::{check_altered, found};
use super::*;

/// Replaces `old` by `new` in line `line` (1-based), which must contain it.
fn edit(lines: &mut [String], line: usize, old: &str, new: &str) {
    assert!(lines[line - 1].contains(old), "line {line}: {}", lines[line - 1]);
    lines[line - 1] = lines[line - 1].replace(old, new);
}

#[test]
fn a_changed_length_limit_is_reported_at_its_line() {
    let differences = check_altered(Source::En, |lines| edit(lines, 437, "127", "128"));
    assert_eq!(
        differences,
        [found(Source::En, "2.1", "length", "request.body.description", Some(437))]
    );
}

#[test]
fn a_changed_character_set_is_reported_at_its_line() {
    let differences = check_altered(Source::En, |lines| edit(lines, 441, "_-|*,", "_-,"));
    assert_eq!(
        differences,
        [found(Source::En, "2.1", "charset", "request.body.out_trade_no", Some(441))]
    );
}

#[test]
fn a_new_enumerated_value_in_the_chinese_text_is_reported() {
    let differences =
        check_altered(Source::Zh, |lines| edit(lines, 9, "email、phone", "email、phone、wechat"));
    assert_eq!(differences, [found(Source::Zh, "1.2", "values", "request.body.type", Some(9))]);
}

#[test]
fn a_changed_fixed_value_is_reported_at_its_line() {
    let differences =
        check_altered(Source::En, |lines| edit(lines, 591, "encrypt-resource", "encrypt-data"));
    assert_eq!(
        differences,
        [found(Source::En, "2.2", "values", "request.body.resource_type", Some(591))]
    );
}

#[test]
fn a_changed_unit_is_reported_at_its_line() {
    let differences =
        check_altered(Source::En, |lines| edit(lines, 328, "(in seconds)", "(in milliseconds)"));
    assert_eq!(differences, [found(Source::En, "1.7", "unit", "request.body.DateTime", Some(328))]);
}

#[test]
fn a_changed_default_is_reported_and_its_erratum_goes_stale() {
    let differences = check_altered(Source::En, |lines| {
        edit(lines, 348, "Defaults to the official version.", "Defaults to the Preview.");
    });
    assert_eq!(
        differences,
        [
            found(Source::En, "1.7", "default", "request.body.State", Some(348)),
            found(Source::En, "1.7", "stale-erratum", "request.body.State", Some(345)),
        ]
    );
}

#[test]
fn a_changed_formula_is_reported_at_its_line() {
    let differences = check_altered(Source::En, |lines| {
        edit(lines, 1246, "'requestVirtualPayment'", "'requestVirtualPay'");
    });
    assert_eq!(differences, [found(Source::En, "4.1", "sign_prefix", "sign_prefix", Some(1246))]);
}

#[test]
fn a_callback_naming_another_request_is_reported() {
    let differences =
        check_altered(Source::En, |lines| edit(lines, 529, "section 2.1", "section 3.1"));
    assert_eq!(differences, [found(Source::En, "2.2", "callback_of", "callback_of", Some(529))]);
}

#[test]
fn a_row_turned_signature_must_belong_to_the_auth_scheme() {
    let differences = check_altered(Source::En, |lines| {
        edit(lines, 991, "Game item name.", "Game item signature.")
    });
    assert_eq!(
        differences,
        [found(Source::En, "3.1", "auth", "request.body.GoodsName", Some(991))]
    );
}

#[test]
fn a_fixed_vendor_unit_makes_its_erratum_stale() {
    let differences = check_altered(Source::Zh, |lines| edit(lines, 183, "单位毫秒", "单位秒"));
    assert_eq!(
        differences,
        [
            // The note about the milliseconds, and the erratum that explained them.
            found(Source::Zh, "3.2", "stale-note", "request.headers.TC-Timestamp", Some(183)),
            found(Source::Zh, "3.2", "stale-erratum", "request.headers.TC-Timestamp", Some(183)),
        ]
    );
}

#[test]
fn a_rule_the_readers_cannot_classify_is_reported() {
    let differences =
        check_altered(Source::Fe, |lines| edit(lines, 27, "up to 32 characters", "32 characters"));
    assert!(
        differences.contains(&found(
            Source::Fe,
            "wx.requestPayment",
            "unclassified",
            "params.nonceStr",
            Some(27)
        )),
        "{differences:?}"
    );
}
