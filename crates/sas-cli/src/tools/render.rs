//! Explanations as text: numbered steps, messages shown escaped line by line (`\n` visible, the
//! byte count given), the verdict, the likely causes.

use std::fmt::Write as _;

use super::explain::{Detail, Explanation, Status, Verdict};

/// The explanation as text, for a terminal.
pub fn render(explanation: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", explanation.request, explanation.scheme.describe());
    for (number, step) in explanation.steps.iter().enumerate() {
        let mark = match step.status {
            Status::Done => "    ",
            Status::Passed => "ok  ",
            Status::Failed => "FAIL",
            Status::Skipped => "skip",
        };
        let _ = writeln!(out, "{mark} {:>2}. {}", number + 1, step.title);
        for detail in &step.details {
            match detail {
                Detail::Text(text) => {
                    let _ = writeln!(out, "          {text}");
                }
                Detail::Bytes { label, bytes } => {
                    let _ = writeln!(out, "          {label}, {} bytes:", bytes.len());
                    for line in escape_lines(bytes) {
                        let _ = writeln!(out, "            |{line}");
                    }
                }
            }
        }
    }
    let verdict = match &explanation.verdict {
        Verdict::Verified => "VERIFIED".to_owned(),
        Verdict::Failed => "FAILED".to_owned(),
        Verdict::Unchecked { missing } => format!("NOT CHECKED (no {missing})"),
    };
    let _ = writeln!(out, "verdict: {verdict}");
    if !explanation.likely_causes.is_empty() {
        let heading =
            if explanation.verdict == Verdict::Failed { "likely causes:" } else { "warnings:" };
        let _ = writeln!(out, "{heading}");
        for cause in &explanation.likely_causes {
            let _ = writeln!(out, "  - [{}] {cause}", cause.code());
        }
    }
    out
}

/// `bytes` split after each `\n`, each line escaped: `\n`, `\r`, `\t`, `\\`, other controls as
/// `\u{…}`, bytes that are not UTF-8 as `\xNN`. An empty input is one empty line.
pub fn escape_lines(bytes: &[u8]) -> Vec<String> {
    if bytes.is_empty() {
        return vec!["(empty)".to_owned()];
    }
    bytes.split_inclusive(|&b| b == b'\n').map(escape).collect()
}

/// One piece of bytes, escaped.
pub fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => {
                    let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape_lines;

    #[test]
    fn lines_show_their_line_breaks_and_odd_bytes() {
        assert_eq!(
            escape_lines(b"POST\n/a\tb\r\n\xff\\\n"),
            vec!["POST\\n", "/a\\tb\\r\\n", "\\xff\\\\\\n"]
        );
        assert_eq!(escape_lines(b""), vec!["(empty)"]);
    }
}
