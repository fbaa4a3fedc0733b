//! Turning a roster file's bytes into text, deciding the encoding by a stated rule: a byte-order
//! mark; else UTF-8 when every byte is valid UTF-8; else a legacy code page detected by `chardetng`
//! (`Shift_JIS`, Windows-1250/1251/1252, GBK, EUC-KR …). The encoding used is reported, and a user can
//! name one instead. Workbooks and binary files are refused with advice, and a file that is UTF-8
//! except for a few lines is refused naming those lines, never decoded whole as a code page.

use crate::io::error::Problem;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Text decoded from bytes, with the encoding that was used and how it was chosen.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    pub how: EncodingChoice,
}

/// How the encoding was settled, for the import summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingChoice {
    /// The file starts with a byte-order mark.
    ByteOrderMark,
    /// Every byte is valid UTF-8.
    ValidUtf8,
    /// Not UTF-8: a legacy code page, detected from the bytes.
    Detected,
    /// Named by the user (`--encoding`, or the import preview).
    Chosen,
}

impl EncodingChoice {
    /// Words for the summary: "UTF-8 (every byte is valid UTF-8)".
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            EncodingChoice::ByteOrderMark => "from the byte-order mark",
            EncodingChoice::ValidUtf8 => "every byte is valid UTF-8",
            EncodingChoice::Detected => "detected: the file is not UTF-8",
            EncodingChoice::Chosen => "as chosen",
        }
    }
}

/// The encoding a user names (`shift_jis`, `cp932`, `windows-1250`, `latin1`), by its WHATWG label.
#[must_use]
pub fn encoding_named(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    // Windows code page numbers people know from Excel's "Save as" dialog, which WHATWG does not list.
    let windows = match label.to_ascii_lowercase().as_str() {
        "cp932" => Some(encoding_rs::SHIFT_JIS),
        "cp936" => Some(encoding_rs::GBK),
        "cp949" => Some(encoding_rs::EUC_KR),
        "cp950" => Some(encoding_rs::BIG5),
        _ => None,
    };
    windows.or_else(|| Encoding::for_label(label.as_bytes()))
}

/// Decodes `bytes`, with `chosen` overriding detection.
pub fn decode<'a>(bytes: &'a [u8], chosen: Option<&'static Encoding>) -> Result<Decoded<'a>, Problem> {
    refuse_workbooks(bytes)?;
    if let Some(encoding) = chosen {
        return decode_with(bytes, encoding, EncodingChoice::Chosen);
    }
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return decode_with(bytes, encoding, EncodingChoice::ByteOrderMark);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return ensure_text(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8", how: EncodingChoice::ValidUtf8 });
    }
    if looks_like_utf16(bytes) {
        return Err(Problem::new(
            "the file looks like UTF-16 text without a byte-order mark",
            "save the file again as \"CSV UTF-8\", or name the encoding (--encoding UTF-16LE)",
        ));
    }
    mostly_utf8(bytes)?;
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    decode_with(bytes, encoding, EncodingChoice::Detected)
}

/// Decodes with one encoding, refusing bytes that are not valid in it (naming the first line).
fn decode_with<'a>(bytes: &'a [u8], encoding: &'static Encoding, how: EncodingChoice) -> Result<Decoded<'a>, Problem> {
    let (text, used, had_errors) = encoding.decode(bytes);
    if had_errors {
        let line = first_bad_line(bytes, used);
        let problem = Problem::new(
            format!("the file is not valid {} text", used.name()),
            format!(
                "save the file again as \"CSV UTF-8\" from your spreadsheet, or name its encoding (--encoding){}",
                if how == EncodingChoice::Chosen { "" } else { "; detection chose this one" }
            ),
        );
        return Err(match line {
            Some(line) => problem.at_line(line),
            None => problem,
        });
    }
    let text = match text {
        Cow::Borrowed(_) if used == UTF_8 => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            // Valid by the check above; borrowing avoids a copy of large UTF-8 files.
            Cow::Borrowed(std::str::from_utf8(body).unwrap_or_default())
        }
        other => Cow::Owned(other.into_owned()),
    };
    ensure_text(Decoded { text, encoding: used.name(), how })
}

/// The first line (1-based) that does not decode in `encoding`.
fn first_bad_line(bytes: &[u8], encoding: &'static Encoding) -> Option<u64> {
    let body = match Encoding::for_bom(bytes) {
        Some((_, bom)) => &bytes[bom..],
        None => bytes,
    };
    if encoding.output_encoding() != encoding {
        return None; // UTF-16: lines are not split on a single byte
    }
    body.split(|&b| b == b'\n').position(|line| encoding.decode_without_bom_handling(line).1).map(|i| i as u64 + 1)
}

/// A file with valid multi-byte UTF-8 on some lines and invalid bytes on others was edited in two
/// encodings: decoding it whole as a code page would garble the UTF-8 lines, so name the bad ones.
fn mostly_utf8(bytes: &[u8]) -> Result<(), Problem> {
    let mut utf8_lines = 0usize;
    let mut bad_lines = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(text) if !text.is_ascii() => utf8_lines += 1,
            Ok(_) => {}
            Err(_) => bad_lines.push(i as u64 + 1),
        }
    }
    if utf8_lines == 0 || bad_lines.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = bad_lines.iter().take(10).map(ToString::to_string).collect();
    let more = if bad_lines.len() > 10 { format!(" and {} more", bad_lines.len() - 10) } else { String::new() };
    Err(Problem::new(
        format!(
            "the file is UTF-8 except for line{} {}{more}, which hold bytes of another encoding",
            if bad_lines.len() == 1 { "" } else { "s" },
            shown.join(", ")
        ),
        "retype those lines in a UTF-8 editor, or save the whole file again as \"CSV UTF-8\"",
    )
    .at_line(bad_lines[0]))
}

/// A zip (`.xlsx`, `.ods`) or an OLE compound file (`.xls`) is a workbook, not a CSV.
fn refuse_workbooks(bytes: &[u8]) -> Result<(), Problem> {
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if zip || ole {
        return Err(Problem::new(
            format!("the file is a {} workbook, not CSV text", if zip { "zipped (.xlsx or .ods)" } else { ".xls" }),
            "export the sheet as CSV from your spreadsheet (File → Save As → \"CSV UTF-8\") and import that file",
        ));
    }
    Ok(())
}

/// Refuses binary files (an image, a database) which decode but are not text.
fn ensure_text(decoded: Decoded<'_>) -> Result<Decoded<'_>, Problem> {
    let bad = decoded
        .text
        .char_indices()
        .take(8192)
        .find(|&(_, c)| c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{1b}' | '\u{0c}')));
    match bad {
        Some((at, c)) => {
            let line = decoded.text[..at].matches('\n').count() as u64 + 1;
            Err(Problem::new(
                format!("the file is not plain text: it holds the control character U+{:04X}", u32::from(c)),
                "export the roster as CSV from your HR system or spreadsheet",
            )
            .at_line(line))
        }
        None => Ok(decoded),
    }
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    let zeros = memchr::memchr_iter(0, sample).count();
    sample.len() >= 4 && zeros * 4 >= sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_code_page_numbers_name_their_encodings() {
        assert_eq!(encoding_named("CP932"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(encoding_named("cp1252"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(encoding_named(" shift_jis "), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(encoding_named("klingon"), None);
    }

    #[test]
    fn shift_jis_is_detected_and_named() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("id,name\nE001,田中太郎\nE002,山本花子\n");
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!(decoded.encoding, "Shift_JIS");
        assert_eq!(decoded.how, EncodingChoice::Detected);
        assert!(decoded.text.contains("田中太郎"));
    }

    #[test]
    fn windows_1250_polish_names_are_detected() {
        let text = "id,name\nE001,Łukasz Żółkiewski\nE002,Małgorzata Wiśniewska\nE003,Paweł Kuźmiński\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(text);
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!(decoded.encoding, "windows-1250");
        assert_eq!(decoded.text, text);
    }

    #[test]
    fn a_chosen_encoding_overrides_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("id,name\nE1,José\n");
        let decoded = decode(&bytes, encoding_named("latin1")).expect("decodes");
        assert_eq!(decoded.how, EncodingChoice::Chosen);
        assert!(decoded.text.contains("José"));
    }

    #[test]
    fn utf8_with_a_few_legacy_lines_is_refused_naming_them() {
        let mut bytes = "id,name\nE1,Zoë\nE2,".as_bytes().to_vec();
        bytes.extend_from_slice(b"Jos\xE9\n");
        let problem = decode(&bytes, None).expect_err("refused");
        assert_eq!(problem.line, Some(3));
        assert!(problem.message.contains("line 3"), "{}", problem.message);
    }

    #[test]
    fn a_zip_is_named_a_workbook_and_text_is_never_called_one() {
        let problem = decode(b"PK\x03\x04\x14\x00\x06\x00", None).expect_err("refused");
        assert!(problem.message.contains("workbook"), "{}", problem.message);
        let problem = decode(b"id,name\nE1,A\x01B\n", None).expect_err("refused");
        assert!(!problem.message.contains("workbook"), "{}", problem.message);
        assert_eq!(problem.line, Some(2));
    }
}
