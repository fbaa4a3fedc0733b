//! Where a roster's table starts and how its cells are separated: an Excel `sep=` line, report
//! titles above the header, `,` `;` or tab. Also the file's headers for the import preview, which
//! lists them even when the import itself cannot go on (no level column, say).

use super::columns::match_header;
use super::decode::decode;
use encoding_rs::Encoding;

/// The header row's cells as the file has them (trimmed; an empty header named by its position),
/// or nothing when the bytes cannot be decoded or hold no header.
#[must_use]
pub fn file_headers(bytes: &[u8], encoding: Option<&'static Encoding>, sheet: Option<&str>) -> Vec<String> {
    if super::sheet::is_workbook(bytes) {
        let reading = super::sheet::SheetReading {
            sheet: sheet.map(str::to_owned),
            date_headers: Vec::new(),
            this_year: jiff::Zoned::now().year(),
        };
        return super::sheet::roster_sheet(bytes, std::path::Path::new(""), &reading)
            .map(|table| file_headers(&table.csv, Some(encoding_rs::UTF_8), None))
            .unwrap_or_default();
    }
    let Ok(decoded) = decode(bytes, encoding) else { return Vec::new() };
    let text = decoded.text.as_ref();
    let preamble = skip_preamble(text);
    let body = &text[preamble.body_start.min(text.len())..];
    let delimiter = preamble.delimiter.unwrap_or_else(|| detect_delimiter(body));
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(body.as_bytes());
    let Ok(headers) = reader.headers() else { return Vec::new() };
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| if h.trim().is_empty() { format!("column {}", i + 1) } else { h.trim().to_owned() })
        .collect()
}

/// Lines before the header that are not part of the table.
pub(super) struct Preamble {
    /// Byte offset where the header row starts.
    pub(super) body_start: usize,
    /// The delimiter an Excel `sep=;` line names.
    pub(super) delimiter: Option<u8>,
}

/// Skips an Excel `sep=` line and report-title lines above the header (a header is the first of the
/// first ten records with at least two recognised column names). Records, not lines: a header cell
/// typed over two lines (`"Full⏎Name"`, Alt+Enter in Excel) is one cell of one header.
pub(super) fn skip_preamble(text: &str) -> Preamble {
    let mut preamble = Preamble { body_start: 0, delimiter: None };
    let first_line = text.lines().next().unwrap_or("");
    // Excel's separator line, in any case (`sep=;`, `SEP=,`, `Sep=\t`), with or without a line end.
    let trimmed = first_line.trim_matches([' ', '\r']);
    if trimmed.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("sep="))
        && let [byte] = trimmed.as_bytes()[4..]
    {
        let body_start = text.find('\n').map_or(text.len(), |end| end + 1);
        preamble = Preamble { body_start, delimiter: Some(byte) };
    }
    let rest = &text[preamble.body_start.min(text.len())..];
    let mut header: Option<u64> = None;
    for delimiter in [b',', b';', b'\t'].into_iter().filter(|d| preamble.delimiter.is_none_or(|p| p == *d)) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(rest.as_bytes());
        let mut record = csv::StringRecord::new();
        for _ in 0..10 {
            if !matches!(reader.read_record(&mut record), Ok(true)) {
                break;
            }
            // Where the record itself starts (past blank lines and a CRLF's line feed).
            let Some(start) = record.position().map(csv::Position::byte) else { break };
            if record.iter().filter(|cell| match_header(cell).is_some()).take(2).count() == 2 {
                header = Some(header.map_or(start, |h| h.min(start)));
                break;
            }
        }
    }
    if let Some(offset) = header {
        preamble.body_start += usize::try_from(offset).unwrap_or(0);
    }
    preamble
}

/// Picks `,`, `;` or tab: one that splits the header at all, preferring equally long records, then
/// the most columns.
#[must_use]
pub fn detect_delimiter(text: &str) -> u8 {
    // A header line with only one of the three is settled without trial parses.
    let header = text.as_bytes().split(|&b| b == b'\n').next().unwrap_or_default();
    let mut present = [b',', b';', b'\t'].into_iter().filter(|d| header.contains(d));
    if let (Some(only), None) = (present.next(), present.next()) {
        return only;
    }
    let sample_end = text.char_indices().filter(|&(_, c)| c == '\n').nth(20).map_or(text.len(), |(i, _)| i);
    let sample = &text.as_bytes()[..sample_end];
    let mut best = (b',', (false, false, 0usize));
    for delimiter in [b',', b';', b'\t'] {
        let mut reader =
            csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(sample);
        let lengths: Vec<usize> = reader.records().take(10).filter_map(Result::ok).map(|r| r.len()).collect();
        let Some(&width) = lengths.first() else { continue };
        let score = (width > 1, lengths.iter().all(|&l| l == width), width);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}
