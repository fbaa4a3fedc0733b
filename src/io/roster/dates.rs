//! Dates as HR exports write them. ISO, `YYYY/MM/DD`, `31.03.2024`, `Mar 31, 2024` and `31-Mar-2024`
//! are read directly. Slashed dates (`03/04/2024`) are day-first in some countries and month-first in
//! others, so their order is decided per column from the values that settle it (a part above 12).
//!
//! Two-digit years (`15-Jan-19`, `01.04.24`) follow one stated pivot: `yy` is 20yy unless that is more
//! than a year after today, then 19yy (in 2026: 00–27 → 2000–2027, 28–99 → 1928–1999). Any year before
//! `EARLIEST_YEAR` or more than a year ahead is refused by the importer, so `19` never becomes year 19.

use jiff::civil::Date;

/// No one in a roster was hired or promoted before this year; an earlier one is a misread date.
pub const EARLIEST_YEAR: i16 = 1950;

/// Spellings with month names or dots, tried after the numeric ones.
const WORDY: [&str; 6] = ["%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d.%m.%Y"];

/// What one cell says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateCell {
    Date(Date),
    /// `a/b/year` with the order of `a` and `b` still unknown.
    Slashed {
        a: i8,
        b: i8,
        year: i16,
    },
    Unreadable,
}

/// The order of slashed dates in one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlashOrder {
    DayFirst,
    MonthFirst,
}

/// The century a two-digit year belongs to in `this_year` (see the module's pivot rule).
#[must_use]
pub fn pivot_year(two_digits: i16, this_year: i16) -> i16 {
    let recent = 2000 + two_digits;
    if recent <= this_year + 1 { recent } else { 1900 + two_digits }
}

/// A cell whose last number is a two-digit year, rewritten with the four-digit year.
fn expand_two_digit_year(text: &str, this_year: i16) -> Option<String> {
    // Split after the last character that is not a digit (which may take several bytes).
    let cut = text.char_indices().rev().find(|(_, c)| !c.is_ascii_digit()).map(|(i, c)| i + c.len_utf8())?;
    let (head, year) = text.split_at(cut);
    if year.len() != 2 || !matches!(head.chars().last(), Some('-' | '.' | '/' | ' ' | ',')) {
        return None;
    }
    // A leading four-digit year (`2024-03-05`) is ISO, not a two-digit year at the end.
    if head.split(|c: char| !c.is_ascii_digit()).next().is_some_and(|first| first.len() == 4) {
        return None;
    }
    let yy: i16 = year.parse().ok()?;
    Some(format!("{head}{}", pivot_year(yy, this_year)))
}

/// Whether a cell writes its year with two digits (and so was read by the pivot rule).
#[must_use]
pub fn has_two_digit_year(text: &str) -> bool {
    expand_two_digit_year(text, 2000).is_some()
}

/// Reads one cell; `this_year` settles two-digit years.
#[must_use]
pub fn read_date_cell(text: &str, this_year: i16) -> DateCell {
    if let Some(date) = plain_iso_date(text) {
        return DateCell::Date(date);
    }
    if let Some(expanded) = expand_two_digit_year(text, this_year) {
        return read_date_cell(&expanded, this_year);
    }
    // Then ISO dates with a time or other ISO forms, as most HR systems export them.
    let date_part = text.bytes().position(|b| b == b'T' || b == b' ').map_or(text, |end| &text[..end]);
    if let Ok(date) = date_part.parse::<Date>() {
        return DateCell::Date(date);
    }
    if let Ok(date) = Date::strptime("%Y/%m/%d", date_part) {
        return DateCell::Date(date);
    }
    let parts: Vec<&str> = date_part.split('/').collect();
    if let [a, b, year] = parts.as_slice()
        && let (Ok(a), Ok(b), Ok(year)) = (a.parse::<i8>(), b.parse::<i8>(), year.parse::<i16>())
        && year >= 1900
    {
        return DateCell::Slashed { a, b, year };
    }
    match WORDY.iter().find_map(|format| Date::strptime(format, text).ok()) {
        Some(date) => DateCell::Date(date),
        None => DateCell::Unreadable,
    }
}

/// `YYYY-MM-DD` exactly, the most common spelling by far: split by position and handed to jiff's
/// `Date::new`, which checks the calendar (month lengths, leap years). jiff's general ISO 8601
/// parser reads the same dates but took a third of a 10,000-row import's date handling.
fn plain_iso_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i16> {
        bytes[range].iter().try_fold(0_i16, |n, &b| b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0')))
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The order that every slashed date of a column allows: `None` when nothing settles it, or when
/// the values contradict each other (then each reading fails on some value and is reported).
#[must_use]
pub fn infer_order(cells: impl Iterator<Item = (i8, i8)>) -> Option<SlashOrder> {
    let (mut day_first, mut month_first) = (false, false);
    for (a, b) in cells {
        day_first |= a > 12;
        month_first |= b > 12;
    }
    match (day_first, month_first) {
        (true, false) => Some(SlashOrder::DayFirst),
        (false, true) => Some(SlashOrder::MonthFirst),
        _ => None,
    }
}

/// The date a slashed cell means in a column of the given order.
#[must_use]
pub fn resolve(a: i8, b: i8, year: i16, order: SlashOrder) -> Option<Date> {
    let (day, month) = match order {
        SlashOrder::DayFirst => (a, b),
        SlashOrder::MonthFirst => (b, a),
    };
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap_or_default()
    }

    /// Found by the roster fuzz target: two digits after a character of several bytes were cut
    /// inside that character (a panic, and the window with it).
    #[test]
    fn digits_after_a_wide_character_are_no_two_digit_year_and_no_panic() {
        assert!(!has_two_digit_year("刑邢诵鸵20"));
        assert!(!has_two_digit_year("é20"));
        assert_eq!(expand_two_digit_year("5 März 20", 2026).as_deref(), Some("5 März 2020"));
        assert!(matches!(read_date_cell("刑邢诵鸵20", 2026), DateCell::Unreadable));
    }

    #[test]
    fn reads_the_usual_spellings() {
        for (text, expected) in [
            ("2024-03-31", "2024-03-31"),
            ("2024-03-31T09:00:00", "2024-03-31"),
            ("2024-03-31 09:00", "2024-03-31"),
            ("2024/03/31", "2024-03-31"),
            ("31.03.2024", "2024-03-31"),
            ("Mar 31, 2024", "2024-03-31"),
            ("31 March 2024", "2024-03-31"),
            ("31-Mar-2024", "2024-03-31"),
        ] {
            assert_eq!(read_date_cell(text, 2026), DateCell::Date(date(expected)), "{text}");
        }
        assert_eq!(read_date_cell("03/04/2024", 2026), DateCell::Slashed { a: 3, b: 4, year: 2024 });
        assert_eq!(read_date_cell("soon", 2026), DateCell::Unreadable);
        assert_eq!(read_date_cell("2024-02-30", 2026), DateCell::Unreadable);
    }

    #[test]
    fn two_digit_years_follow_the_pivot() {
        for (text, expected) in [
            ("15-Jan-19", "2019-01-15"),
            ("01.04.24", "2024-04-01"),
            ("03-Sep-21", "2021-09-03"),
            ("Jun 01, 16", "2016-06-01"),
            ("01.01.27", "2027-01-01"),
            ("01.01.28", "1928-01-01"),
            ("31-Dec-99", "1999-12-31"),
        ] {
            assert_eq!(read_date_cell(text, 2026), DateCell::Date(date(expected)), "{text}");
        }
        assert_eq!(read_date_cell("03/04/24", 2026), DateCell::Slashed { a: 3, b: 4, year: 2024 });
        assert_eq!(pivot_year(27, 2026), 2027);
        assert_eq!(pivot_year(28, 2026), 1928);
    }

    #[test]
    fn the_plain_iso_shortcut_agrees_with_jiff() {
        for year in [1900, 1999, 2000, 2023, 2024, 2100, 9999] {
            for month in 0..=13 {
                for day in [0, 1, 9, 10, 28, 29, 30, 31, 32, 99] {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(plain_iso_date(&text), text.parse::<Date>().ok(), "{text}");
                }
            }
        }
        for text in ["2024-3-31", "2024-03-3x", "+2024-03-31", "2024/03/31", "２０２４-03-31", "0000-01-01"] {
            assert_eq!(plain_iso_date(text).is_some(), text.parse::<Date>().is_ok() && text.len() == 10, "{text}");
        }
    }

    #[test]
    fn slash_order_is_settled_by_the_column() {
        assert_eq!(infer_order([(3, 4), (25, 12)].into_iter()), Some(SlashOrder::DayFirst));
        assert_eq!(infer_order([(3, 4), (12, 25)].into_iter()), Some(SlashOrder::MonthFirst));
        assert_eq!(infer_order([(3, 4), (5, 6)].into_iter()), None);
        assert_eq!(infer_order([(13, 4), (5, 16)].into_iter()), None);
        assert_eq!(resolve(3, 4, 2024, SlashOrder::MonthFirst), Some(date("2024-03-04")));
        assert_eq!(resolve(3, 4, 2024, SlashOrder::DayFirst), Some(date("2024-04-03")));
    }
}
