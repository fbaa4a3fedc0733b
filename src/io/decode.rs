//! Turning a file's bytes into text: UTF-8 with or without BOM, UTF-16 with BOM, and legacy
//! Windows-1252 from older HR exports. Binary files are refused.

use super::error::Problem;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

/// Decodes bytes as UTF-8 (BOM optional) or UTF-16 (BOM required); otherwise as Windows-1252,
/// which is what spreadsheet programs on Windows write for "CSV".
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Problem> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            return match std::str::from_utf8(body) {
                Ok(text) => Ok(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8" }),
                Err(e) => Err(Problem::new(
                    format!(
                        "the file starts with a UTF-8 marker but byte {} is not valid UTF-8",
                        e.valid_up_to() + bom_len + 1
                    ),
                    "save the file again as \"CSV UTF-8\" from your spreadsheet",
                )),
            };
        }
        let (text, _, had_errors) = encoding.decode(bytes);
        if had_errors {
            return Err(Problem::new(
                format!("the file is marked {} but contains invalid characters", encoding.name()),
                "save the file again as \"CSV UTF-8\"",
            ));
        }
        return Ok(Decoded { text: Cow::Owned(text.into_owned()), encoding: encoding.name() });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return ensure_text(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8" });
    }
    if looks_like_utf16(bytes) {
        return Err(Problem::new(
            "the file looks like UTF-16 text without a byte-order mark",
            "save the file again as \"CSV UTF-8\"",
        ));
    }
    let (text, had_errors) = WINDOWS_1252.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Problem::new(
            "the file is neither UTF-8 nor Windows-1252 text",
            "save the file again as \"CSV UTF-8\"",
        ));
    }
    ensure_text(Decoded { text: Cow::Owned(text.into_owned()), encoding: "windows-1252" })
}

/// Refuses binary files (a spreadsheet saved as .xlsx, an image) which decode but are not text.
fn ensure_text(decoded: Decoded<'_>) -> Result<Decoded<'_>, Problem> {
    let binary = decoded
        .text
        .chars()
        .take(8192)
        .any(|c| c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{1b}' | '\u{0c}')));
    if binary {
        Err(Problem::new(
            "the file is not text (it may be an Excel workbook or another binary file)",
            "export the sheet as CSV from your spreadsheet program",
        ))
    } else {
        Ok(decoded)
    }
}

/// Zero bytes in a short sample (at most 512 bytes, so a plain loop is fine).
fn bytecount_zeros(sample: &[u8]) -> usize {
    sample.iter().fold(0, |n, &b| n + usize::from(b == 0))
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512)];
    let zeros = bytecount_zeros(sample);
    sample.len() >= 4 && zeros * 4 >= sample.len()
}
