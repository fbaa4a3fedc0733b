//! Dates as HR exports write them. ISO, `YYYY/MM/DD`, `31.03.2024`, `Mar 31, 2024` and `31-Mar-2024`
//! are read directly. Slashed dates (`03/04/2024`) are day-first in some countries and month-first in
//! others, so their order is decided per column from the values that settle it (a part above 12).

use jiff::civil::Date;

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

/// Reads one cell.
#[must_use]
pub fn read_date_cell(text: &str) -> DateCell {
    if let Some(date) = plain_iso_date(text) {
        return DateCell::Date(date);
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
            assert_eq!(read_date_cell(text), DateCell::Date(date(expected)), "{text}");
        }
        assert_eq!(read_date_cell("03/04/2024"), DateCell::Slashed { a: 3, b: 4, year: 2024 });
        assert_eq!(read_date_cell("soon"), DateCell::Unreadable);
        assert_eq!(read_date_cell("2024-02-30"), DateCell::Unreadable);
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
