//! How wire names become Rust names (spec/README.md "Names").

use crate::model::{Field, Part};

/// The Rust field name of `field` in `part` (`None` for object type fields): the `rust`
/// override, or the wire name without a leading `TC-`/`X-TC-` (headers) in snake_case, with
/// `r#` before a keyword.
pub fn field_name(field: &Field, part: Option<Part>) -> String {
    if let Some(rust) = &field.rust {
        return rust.clone();
    }
    let snake = match part {
        Some(Part::Header) => header_snake_case(&field.name),
        _ => snake_case(&field.name),
    };
    if is_keyword(&snake) { format!("r#{snake}") } else { snake }
}

/// `TC-Platform-UserID` → `platform_user_id`.
pub fn header_snake_case(header: &str) -> String {
    let bare = ["X-TC-", "TC-", "x-tc-", "tc-"]
        .iter()
        .find_map(|prefix| header.strip_prefix(prefix))
        .unwrap_or(header);
    bare.split('-').map(snake_case).collect::<Vec<_>>().join("_")
}

/// `MiniAppID` → `mini_app_id`, `prepayId` → `prepay_id`, `out_trade_no` unchanged.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            let boundary = prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower);
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `check_user` → `CheckUser`.
pub fn pascal_case(snake: &str) -> String {
    snake
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The name of the enumeration generated for `field` (in `part`): its Rust field name in
/// PascalCase (`trade_state` → `TradeState`, `r#type` → `Type`).
pub fn enum_name(field: &Field, part: Option<Part>) -> String {
    pascal_case(field_name(field, part).trim_start_matches("r#"))
}

/// The Rust variant names of an enumerated field: its `variants`, or one derived from each
/// value (`REFUND.SUCCESS` → `RefundSuccess`, `encrypt-resource` → `EncryptResource`,
/// `AEAD_AES_256_GCM` → `AeadAes256Gcm`). A derived name may be unusable (`1` → `1`); the
/// validator reports it.
pub fn variant_names(field: &Field) -> Vec<String> {
    if !field.variants.is_empty() {
        return field.variants.clone();
    }
    field.values.iter().map(|value| variant_name(value)).collect()
}

/// `REFUND.SUCCESS` → `RefundSuccess`, `short_series_goods` → `ShortSeriesGoods`.
pub fn variant_name(value: &str) -> String {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let word = if word.chars().any(|c| c.is_ascii_lowercase()) {
                snake_case(word)
            } else {
                word.to_ascii_lowercase()
            };
            pascal_case(&word)
        })
        .collect()
}

/// Whether `name` is a PascalCase Rust identifier (an ASCII capital, then letters and digits).
pub fn is_pascal_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `SCREAMING_SNAKE_CASE` of a snake-case name.
pub fn screaming_snake_case(snake: &str) -> String {
    snake.trim_start_matches("r#").to_ascii_uppercase()
}

/// Whether `name` (without `r#`) is a valid snake-case Rust identifier.
pub fn is_snake_identifier(name: &str) -> bool {
    let bare = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = bare.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Whether `word` is a Rust keyword (strict or reserved, 2024 edition).
pub fn is_keyword(word: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
        "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    KEYWORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::{header_snake_case, pascal_case, snake_case};

    #[test]
    fn wire_names_become_snake_case() {
        let cases = [
            ("MiniAppID", "mini_app_id"),
            ("prepayId", "prepay_id"),
            ("out_trade_no", "out_trade_no"),
            ("PayEventSig", "pay_event_sig"),
            ("HTTPServer", "http_server"),
            ("userId", "user_id"),
            ("goods_detail", "goods_detail"),
            ("SignData", "sign_data"),
            ("AccountId", "account_id"),
        ];
        for (wire, rust) in cases {
            assert_eq!(snake_case(wire), rust, "{wire}");
        }
    }

    #[test]
    fn headers_lose_their_tc_prefix() {
        let cases = [
            ("TC-Platform-UserID", "platform_user_id"),
            ("TC-OpenId", "open_id"),
            ("X-TC-ApplicationId", "application_id"),
            ("TC-Payment-Callback", "payment_callback"),
            ("Authorization", "authorization"),
            ("TC-Callback-OutTradeNo", "callback_out_trade_no"),
        ];
        for (wire, rust) in cases {
            assert_eq!(header_snake_case(wire), rust, "{wire}");
        }
    }

    #[test]
    fn enumerated_values_become_variant_names() {
        let cases = [
            ("REFUND.SUCCESS", "RefundSuccess"),
            ("encrypt-resource", "EncryptResource"),
            ("AEAD_AES_256_GCM", "AeadAes256Gcm"),
            ("short_series_goods", "ShortSeriesGoods"),
            ("JSAPI", "Jsapi"),
            ("developer", "Developer"),
            ("1", "1"),
        ];
        for (value, variant) in cases {
            assert_eq!(super::variant_name(value), variant, "{value}");
        }
    }

    #[test]
    fn modules_become_pascal_case() {
        assert_eq!(pascal_case("create_jsapi_order"), "CreateJsapiOrder");
        assert_eq!(pascal_case("user"), "User");
    }
}
