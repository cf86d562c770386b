//! Vendor texts altered on purpose: each alteration is reported, at the right line.

use super::*;

/// An unexplained difference, in short: `(source, entry, kind, at, vendor line)`.
pub(super) type Found = (Source, String, &'static str, String, Option<u32>);

/// Runs spec-check on the committed spec and vendor texts, with `edit` applied to the lines of
/// `source`'s text; returns the unexplained differences.
pub(super) fn check_altered(source: Source, edit: impl FnOnce(&mut Vec<String>)) -> Vec<Found> {
    let mut texts = committed_texts();
    let (_, _, text) = texts.iter_mut().find(|(s, _, _)| *s == source).expect("source");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    edit(&mut lines);
    *text = lines.join("\n");
    let report = diff::check(&committed_spec(), &Vendor::parse(&texts));
    report
        .unexplained()
        .map(|d| {
            (
                d.source,
                d.entry.clone(),
                d.kind.as_str(),
                d.at.clone(),
                d.vendor_loc.as_ref().map(|l| l.line),
            )
        })
        .collect()
}

/// Replaces line `line` (1-based), which must read `old`, by `new`.
fn replace(lines: &mut [String], line: usize, old: &str, new: &str) {
    assert_eq!(lines[line - 1], old, "line {line}");
    lines[line - 1] = new.to_owned();
}

pub(super) fn found(
    source: Source,
    entry: &str,
    kind: &'static str,
    at: &str,
    line: Option<u32>,
) -> Found {
    (source, entry.to_owned(), kind, at.to_owned(), line)
}

#[test]
fn renamed_field_is_reported_at_its_row() {
    let differences = check_altered(Source::En, |lines| replace(lines, 41, "userId", "userID"));
    assert_eq!(
        differences,
        [
            found(Source::En, "1.1", "unlisted", "request.body.userID", Some(41)),
            found(Source::En, "1.1", "absent", "request.body.userId", Some(37)),
        ]
    );
}

#[test]
fn added_row_is_reported_at_its_line() {
    let differences = check_altered(Source::En, |lines| {
        assert_eq!(lines[497], "The unit price of the product, integer (in cents).");
        let row = ["detail.goods_detail.tax", "int", "False", "Tax (in cents)."];
        lines.splice(498..498, row.iter().map(|s| (*s).to_owned()));
    });
    assert_eq!(
        differences,
        [found(Source::En, "2.1", "unlisted", "types.GoodsDetail.tax", Some(499))]
    );
}

#[test]
fn changed_cells_are_reported_at_their_lines() {
    let differences = check_altered(Source::En, |lines| {
        replace(lines, 386, "Path: /v3/pay/transactions/jsapi", "Path: /v3/pay/transactions/app");
        replace(lines, 387, "Method: POST", "Method: PUT");
        replace(lines, 456, "int", "string");
        replace(lines, 461, "False", "True");
    });
    assert_eq!(
        differences,
        [
            found(Source::En, "2.1", "method", "method", Some(387)),
            found(Source::En, "2.1", "path", "path", Some(386)),
            found(Source::En, "2.1", "type", "types.Amount.total", Some(456)),
            found(Source::En, "2.1", "required", "types.Amount.currency", Some(461)),
        ]
    );
}

#[test]
fn removed_row_is_absent() {
    let differences = check_altered(Source::En, |lines| {
        assert_eq!(lines[611], "resource.original_type");
        lines.drain(611..615);
    });
    assert_eq!(
        differences,
        [found(Source::En, "2.2", "absent", "types.EncryptedResource.original_type", Some(596))]
    );
}

#[test]
fn a_fixed_vendor_typo_makes_its_erratum_stale() {
    let differences =
        check_altered(Source::En, |lines| replace(lines, 325, "DataTime", "DateTime"));
    assert_eq!(
        differences,
        [
            found(Source::En, "1.7", "stale-erratum", "request.body.DateTime", Some(325)),
            // The alias kept for the old spelling is now one no text uses.
            found(Source::En, "1.7", "alias", "request.body.DateTime", Some(325)),
        ]
    );
}

#[test]
fn a_changed_description_makes_its_note_stale() {
    let differences = check_altered(Source::En, |lines| {
        let old = "Indicates if the order was closed successfully.";
        replace(lines, 719, old, "Whether the notification was accepted.");
    });
    assert_eq!(differences, [found(Source::En, "2.2", "stale-note", "response.data", Some(716))]);
}

#[test]
fn a_new_mangled_row_is_reported() {
    let differences =
        check_altered(Source::En, |lines| replace(lines, 313, "AccountId", "The owner."));
    assert_eq!(
        differences,
        [
            found(Source::En, "1.7", "mangled", "request.body", Some(313)),
            found(Source::En, "1.7", "absent", "request.body.AccountId", Some(309)),
        ]
    );
}

#[test]
fn chinese_rows_are_reported_at_their_lines() {
    let differences = check_altered(Source::Zh, |lines| {
        let old = "DateTime | int | 是 | 消息发送时间的时间戳秒 |";
        replace(lines, 52, old, "Date_Time | int | 是 | 消息发送时间的时间戳秒 |");
        let row = "cost_price | int | 否 | 订单原价 |".to_owned();
        lines.insert(82, row);
    });
    assert_eq!(
        differences,
        [
            found(Source::Zh, "1.7", "unlisted", "request.body.Date_Time", Some(52)),
            found(Source::Zh, "1.7", "absent", "request.body.DateTime", Some(48)),
            found(Source::Zh, "2.1", "unlisted", "request.body.cost_price", Some(83)),
        ]
    );
}

#[test]
fn frontend_rows_are_reported_at_their_lines() {
    let differences = check_altered(Source::Fe, |lines| {
        replace(lines, 28, "package", "packageValue");
        assert_eq!(lines[161], "attach");
        let row = ["env", "number", "-", "False", "Environment."];
        lines.splice(161..161, row.iter().map(|s| (*s).to_owned()));
    });
    assert_eq!(
        differences,
        [
            found(Source::Fe, "wx.requestPayment", "unlisted", "params.packageValue", Some(28)),
            found(Source::Fe, "wx.requestPayment", "absent", "params.package", Some(13)),
            // The note on package's format has nothing left to stand on.
            found(Source::Fe, "wx.requestPayment", "stale-note", "params.package", None),
            found(
                Source::Fe,
                "wx.requestVirtualPayment",
                "unlisted",
                "types.SignData.env",
                Some(162)
            ),
        ]
    );
}

#[test]
fn an_unplaceable_chinese_table_is_reported() {
    let differences = check_altered(Source::Zh, |lines| {
        lines.push("名称 | 类型 | 是否必须 | 备注 |".to_owned());
        lines.push("nothing_like_it | string | 是 | - |".to_owned());
    });
    assert_eq!(differences, [found(Source::Zh, "", "unreadable", "", Some(263))]);
}

/// Every line of every text deleted, doubled or blanked in turn (a sample of them): neither the
/// readers nor the comparison panic, and whatever cannot be read is reported at a line of the
/// altered text.
#[test]
fn odd_texts_never_panic() {
    let spec = committed_spec();
    let texts = committed_texts();
    for (index, (source, _, text)) in texts.iter().enumerate() {
        let lines: Vec<&str> = text.lines().collect();
        for at in (0..lines.len()).step_by(17) {
            for edit in 0..3 {
                let mut edited = lines.clone();
                match edit {
                    0 => {
                        edited.remove(at);
                    }
                    1 => edited.insert(at, lines[at]),
                    _ => edited[at] = "",
                }
                let mut altered = texts.clone();
                altered[index].2 = edited.join("\n");
                let report = diff::check(&spec, &Vendor::parse(&altered));
                for difference in &report.differences {
                    if let Some(loc) =
                        difference.vendor_loc.as_ref().filter(|_| difference.source == *source)
                    {
                        assert!(
                            loc.line >= 1 && loc.line as usize <= edited.len(),
                            "{difference:?}"
                        );
                    }
                }
            }
        }
    }
}
