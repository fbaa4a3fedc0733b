//! Right-to-left names drawn in the right order. egui lays text out left to right in the order it is
//! stored, so a Hebrew or Arabic name would show its letters backwards, and Arabic letters unjoined.
//! Text holding right-to-left script is reordered for display by the Unicode bidirectional
//! algorithm (`unicode-bidi`) with a left-to-right paragraph, so the name's own letters read right
//! to left while ids, levels and teams beside it keep their order; Arabic is first shaped into its
//! joined forms (`ar-reshaper`). Stored text is never changed: this is only what is painted.

use std::borrow::Cow;
use unicode_bidi::{BidiInfo, Level};

/// `text` in the order its glyphs are painted left to right. Text without right-to-left script (all
/// but a few names) is returned as it is, without allocating.
#[must_use]
pub fn visual(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_right_to_left) {
        return Cow::Borrowed(text);
    }
    let shaped = if text.chars().any(is_arabic) { ar_reshaper::reshape_line(text) } else { text.to_owned() };
    let info = BidiInfo::new(&shaped, Some(Level::ltr()));
    let mut out = String::with_capacity(shaped.len());
    for paragraph in &info.paragraphs {
        out.push_str(&info.reorder_line(paragraph, paragraph.range.clone()));
    }
    Cow::Owned(out)
}

/// A label showing `text` in display order, while screen readers (and tests) get it in reading
/// order, as stored.
pub fn label(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let shown = visual(text);
    let response = ui.label(shown.as_ref());
    if matches!(shown, Cow::Owned(_)) {
        response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    }
    response
}

fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

#[cfg(test)]
mod tests {
    use super::visual;

    #[test]
    fn latin_text_is_untouched() {
        assert!(matches!(visual("Ada Park · P3"), std::borrow::Cow::Borrowed("Ada Park · P3")));
    }

    #[test]
    fn a_hebrew_name_reads_right_to_left_and_the_latin_beside_it_keeps_its_order() {
        // דנה לוי (Dana Levi): stored first letter first; painted from the right.
        let shown = visual("E1042 דנה לוי P3");
        assert_eq!(shown, "E1042 יול הנד P3");
        // The id and the level are where they were, in their own order.
        assert!(shown.starts_with("E1042 ") && shown.ends_with(" P3"));
    }

    #[test]
    fn arabic_is_joined_then_reordered() {
        let shown = visual("سلام");
        // Shaped into presentation forms (joined letters), so no letter is left in its base form.
        assert!(shown.chars().all(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)), "{shown:?}");
        assert_eq!(shown.chars().count(), 3, "lam-alef joins into one ligature");
    }
}
