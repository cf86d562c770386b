//! Tests of the vendor readers: pinned counts of what each committed text holds, the nesting of
//! sub-tables, the placement of the Chinese tables, and odd input.

use std::fmt::Write as _;

use super::tree::{Field, PartKind, Tree};
use super::*;

fn committed() -> Vendor {
    let root = crate::project_root().expect("the workspace");
    Vendor::load(&root.join("spec/vendor"), Path::new("spec/vendor")).expect("vendor texts")
}

fn doc(vendor: &Vendor, source: Source) -> &Document {
    vendor.doc(source).expect("every source is read")
}

fn rows(doc: &Document) -> usize {
    doc.tables().map(|table| table.rows.len()).sum()
}

/// One line per section: its id, then each table's role and row count.
fn outline(doc: &Document) -> String {
    let mut out = String::new();
    for section in &doc.sections {
        let tables: Vec<String> = section
            .tables
            .iter()
            .map(|table| format!("{}={}", short_role(&table.role), table.rows.len()))
            .collect();
        writeln!(out, "{}", format!("{} {}", section.id, tables.join(" ")).trim_end())
            .expect("writing to a String");
    }
    out
}

fn short_role(role: &Role) -> String {
    match role {
        Role::Headers => "H".to_owned(),
        Role::Path => "P".to_owned(),
        Role::Query => "Q".to_owned(),
        Role::Body => "B".to_owned(),
        Role::Params => "A".to_owned(),
        Role::Response => "R".to_owned(),
        Role::Nested { field } => format!("N({field})"),
        Role::Decrypted { field } => format!("D({field})"),
        Role::Unknown => "?".to_owned(),
    }
}

#[test]
fn english_api_list_counts() {
    let vendor = committed();
    let en = doc(&vendor, Source::En);
    assert_eq!(en.groups.len(), 5);
    assert_eq!(en.sections.len(), 22);
    assert_eq!(en.sections.iter().filter(|s| s.method.is_some()).count(), 20);
    assert_eq!(en.tables().count(), 67);
    assert_eq!(rows(en), 393);
    assert_eq!(en.problems, []);
    assert_eq!(
        outline(en),
        "\
1.1 H=2 B=1 R=4
1.2 B=2 R=6
1.3 B=2 R=4
1.4 B=2 R=4
1.5 B=1 R=4
1.6 B=1 R=4
1.7 B=11 R=4
2.1 H=7 B=17 R=5
2.2 H=7 B=11 D(resource.ciphertext)=12 N(Amount)=4 R=4
2.3 H=1 P=1 Q=1 R=19
2.4 H=1 P=1 B=1 R=4
3.1 H=5 B=7 N(SignData)=6 R=5
3.2 H=3 B=5 N(Payload)=4 N(GoodsInfo)=6 R=4
4.1 H=5 B=7 N(SignData)=6 R=5
4.2 B=5 N(Payload)=4 N(GoodsInfo)=6 N(PayInfo)=3 R=4
5.1
5.1.1 H=3 B=17 R=20
5.1.2 H=1 P=1 R=20
5.1.3 H=8 B=11 D(resource.ciphertext)=14 R=4
5.2
5.2.1 H=3 Q=1 B=10 R=20
5.2.2 H=5 B=4 N(payload)=9 R=4
"
    );
}

#[test]
fn english_paths_methods_and_cells() {
    let vendor = committed();
    let en = doc(&vendor, Source::En);
    let section = |id: &str| en.section(id).expect("section");
    let s21 = section("2.1");
    assert_eq!(s21.path, Some(Text::new(386, "/v3/pay/transactions/jsapi")));
    assert_eq!(s21.method, Some(Text::new(387, "POST")));
    assert_eq!(section("3.1").path, Some(Text::new(928, "/requestMidasPaymentGameItem")));
    assert_eq!(
        section("2.2").path.as_ref().map(|p| p.text.as_str()),
        Some("TC-Payment-Callback, described in the section 2.1")
    );
    // A row whose last cell is missing, followed directly by the next table's caption.
    let headers = &s21.tables[0];
    let authorization = headers.rows.last().expect("row");
    assert_eq!(authorization.line, 422);
    assert_eq!(headers.cell(authorization, ColumnKind::Required), Some(&Text::new(424, "True")));
    assert_eq!(s21.tables[1].caption, Some(Text::new(425, "Body")));
    // A multi-line description cell.
    let page = &section("1.7").tables[0].rows[9];
    assert_eq!(page.line, 349);
    assert_eq!(
        page.cells[0].text,
        "Component event handler functions can also be defined in the Page"
    );
    assert_eq!(page.cells[3].line, 352);
    assert!(page.cells[3].text.ends_with("will not have a navigation link."));
    // Two equal header cells are one column.
    let columns: Vec<&str> =
        section("1.1").tables[0].columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(columns, ["Request header", "Description", "Example"]);
}

#[test]
fn chinese_tables_counts_and_placement() {
    let vendor = committed();
    let zh = doc(&vendor, Source::Zh);
    assert_eq!(zh.tables().count(), 45);
    assert_eq!(rows(zh), 216);
    assert_eq!(zh.loose.len(), 0);
    assert_eq!(zh.problems, []);
    assert_eq!(
        outline(zh),
        "\
1.1 B=1 R=4
1.2 B=2 R=6
1.3 B=2 R=4
1.4 B=2 R=4
1.5 B=1 R=4
1.6 B=1 R=4
1.7 B=11 R=4
2.1 H=5 B=17 R=5
2.2 H=7 B=11 R=4
2.3 H=1 P=1 Q=1 R=19
2.4 H=1 P=1 B=1
3.1 H=6 B=7 N(SignData)=6 R=5
3.2 H=3 B=5 N(Payload)=4 N(GoodsInfo)=6 R=4
4.1 H=6 B=7 N(SignData)=6 R=5
4.2 B=5 N(Payload)=4 N(GoodsInfo)=6 N(PayInfo)=3 R=4
"
    );
}

#[test]
fn chinese_rows_keep_pipes_and_missing_cells() {
    let vendor = committed();
    let zh = doc(&vendor, Source::Zh);
    let body = &zh.section("2.1").expect("2.1").tables[1];
    let out_trade_no = &body.rows[2];
    assert_eq!(out_trade_no.line, 74);
    assert!(out_trade_no.cells[3].text.contains("大小写字母_-|* 且在"));
    // `X-TC-Signature | 是 | |`: read as it stands, the flag in the description's column.
    let headers = &zh.section("3.2").expect("3.2").tables[0];
    let signature = &headers.rows[1];
    assert_eq!(signature.line, 182);
    assert_eq!(headers.cell(signature, ColumnKind::Text).map(|c| c.text.as_str()), Some("是"));
    assert_eq!(headers.cell(signature, ColumnKind::Required).map(|c| c.text.as_str()), Some(""));
    // `Authorization | 签名认证信息 | 是 |`: a missing last cell is empty.
    let authorization = &zh.section("2.1").expect("2.1").tables[0].rows[4];
    assert_eq!(authorization.cells.len(), 4);
    assert_eq!(authorization.cells[3].text, "");
}

#[test]
fn frontend_counts() {
    let vendor = committed();
    let fe = doc(&vendor, Source::Fe);
    assert_eq!(fe.sections.len(), 2);
    assert_eq!(fe.tables().count(), 3);
    assert_eq!(rows(fe), 22);
    assert_eq!(fe.problems, []);
    assert_eq!(outline(fe), "wx.requestPayment A=8\nwx.requestVirtualPayment A=7 N(signData)=7\n");
    let sign_data = &fe.section("wx.requestVirtualPayment").expect("section").tables[1];
    let product_id = &sign_data.rows[3];
    assert_eq!(product_id.line, 147);
    assert_eq!(sign_data.cell(product_id, ColumnKind::Required), Some(&Text::new(150, "")));
    assert_eq!(product_id.cells[4].line, 151);
    // The sample code after `Example:` belongs to no table.
    let prose = &fe.section("wx.requestPayment").expect("section").prose;
    assert!(prose.iter().any(|p| p.text == "if(res.errMsg === 'resquestPayment:ok'){"));
}

/// The fields of a tree as an indented outline: `name:type:required`, sub-fields below.
fn field_outline(fields: &[Field], depth: usize, out: &mut String) {
    for field in fields {
        let ty = field.ty.as_ref().map_or("-", |t| t.text.as_str());
        let required = field.required.as_ref().map_or("-", |r| r.text.as_str());
        writeln!(out, "{}{}:{ty}:{required}@{}", "  ".repeat(depth), field.name, field.line)
            .expect("writing to a String");
        field_outline(&field.children, depth + 1, out);
        if let Some(decrypted) = &field.decrypted {
            writeln!(out, "{}(decrypted)", "  ".repeat(depth + 1)).expect("writing to a String");
            field_outline(decrypted, depth + 2, out);
        }
    }
}

fn part_outline(doc: &Document, section: &str, part: PartKind) -> String {
    let tree = Tree::of(doc.section(section).expect("section"));
    assert_eq!(tree.problems, []);
    let mut out = String::new();
    field_outline(&tree.parts.get(&part).expect("part").fields, 0, &mut out);
    out
}

#[test]
fn trees_nest_dotted_rows_and_sub_tables() {
    let vendor = committed();
    let en = doc(&vendor, Source::En);
    let body = part_outline(en, "2.1", PartKind::Body);
    assert!(body.contains(
        "detail:object:True@471\n  cost_price:int:False@475\n  goods_detail:array[object]:True@479\n    merchant_goods_id:string:True@483\n"
    ));
    let callback = part_outline(en, "2.2", PartKind::Body);
    assert!(callback.contains("Resource:object:True@596\n  algorithm:string:True@600\n"));
    assert!(callback.contains("  (decrypted)\n    transaction_id:string:True@625\n"));
    assert!(callback.contains("    amount:object:True@676\n      total:string:True@685\n"));
    let virtual_callback = part_outline(en, "4.2", PartKind::Body);
    assert!(
        virtual_callback.contains("  PayInfo:object:True@1384\n    MchOrderNo:string:True@1422\n")
    );
    let refund = part_outline(en, "5.1.1", PartKind::Body);
    assert!(
        refund.contains("goods_detail:array:False@1540\n  merchant_goods_id:string:True@1544\n")
    );
    let response = part_outline(en, "5.1.2", PartKind::Response);
    assert!(response.contains("data:object:True@1691\n  refund_id:string:True@1695\n"));
    assert!(response.contains("  amount:object:True@1731\n    total:int64:True@1735\n"));
    let fe = doc(&vendor, Source::Fe);
    let params = part_outline(fe, "wx.requestVirtualPayment", PartKind::Params);
    assert!(params.starts_with("signData:string:True@91\n  offerId:string:True@132\n"));
    let zh = doc(&vendor, Source::Zh);
    let payload = part_outline(zh, "3.2", PartKind::Body);
    assert!(payload.contains("Payload:string:是@188\n  OpenId:string:是@191\n"));
    assert!(payload.contains("  GoodsInfo:Object:是@193\n    ProductId:String:是@196\n"));
}

#[test]
fn mangled_rows_are_rows() {
    let vendor = committed();
    let en = doc(&vendor, Source::En);
    let tree = Tree::of(en.section("5.2.1").expect("5.2.1"));
    let body = &tree.parts[&PartKind::Body].fields;
    assert_eq!(body[0].name, "The OpenID.");
    assert!(body[0].mangled);
    assert_eq!(body[0].line, 1994);
    assert_eq!(body[1].name, "transaction_id");
}

fn parse_one(source: Source, text: &str) -> Vendor {
    let root = crate::project_root().expect("the workspace");
    let texts: Vec<(Source, PathBuf, String)> = Source::ALL
        .iter()
        .map(|&s| {
            let content = if s == source {
                text.to_owned()
            } else {
                std::fs::read_to_string(root.join("spec/vendor").join(s.file_name()))
                    .expect("vendor text")
            };
            (s, PathBuf::from(s.file_name()), content)
        })
        .collect();
    Vendor::parse(&texts)
}

#[test]
fn unreadable_lines_are_problems() {
    let text = "1.1 Something\n\nPath: /x\nMethod: POST\n\nBody\nName\nType\nRequired\nDescription\nuserId\nstring\nTrue\nThe user.\n- stray\n\n";
    let vendor = parse_one(Source::En, text);
    let en = doc(&vendor, Source::En);
    assert_eq!(en.sections.len(), 1);
    assert_eq!(en.tables().count(), 1);
    // A trailing description swallows what follows it up to the next row or the table's end.
    assert_eq!(en.sections[0].tables[0].rows[0].cells[3].text, "The user.\n- stray");
    let zh =
        parse_one(Source::Zh, "a | b |\n名称 | 类型 | 是否必须 | 备注 |\nx | string | 是 | y |\n");
    let zh = doc(&zh, Source::Zh);
    assert_eq!(zh.problems.len(), 2, "{:?}", zh.problems);
    assert_eq!(zh.problems[0].line, 1);
    assert_eq!(zh.problems[1].line, 2);
}
