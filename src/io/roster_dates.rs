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
    // Cheapest and most common first: ISO dates, as most HR systems export them.
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
    fn slash_order_is_settled_by_the_column() {
        assert_eq!(infer_order([(3, 4), (25, 12)].into_iter()), Some(SlashOrder::DayFirst));
        assert_eq!(infer_order([(3, 4), (12, 25)].into_iter()), Some(SlashOrder::MonthFirst));
        assert_eq!(infer_order([(3, 4), (5, 6)].into_iter()), None);
        assert_eq!(infer_order([(13, 4), (5, 16)].into_iter()), None);
        assert_eq!(resolve(3, 4, 2024, SlashOrder::MonthFirst), Some(date("2024-03-04")));
        assert_eq!(resolve(3, 4, 2024, SlashOrder::DayFirst), Some(date("2024-04-03")));
    }
}
