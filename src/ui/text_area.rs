//! The labelled, full-width text area the person panel uses for rationales and notes.

use crate::model::text_limits::TEXT_LIMIT;
use egui::{Response, TextEdit, Ui};

/// A caption and a two-row text area under it, tied together so screen readers (and UI tests) find
/// the area by its caption.
pub fn labelled_text_area(ui: &mut Ui, caption: &str, text: &mut String, hint: &str) -> Response {
    let label = ui.label(caption);
    // Stops at the limit as it is typed (a longer text would be refused when it is saved).
    let edit = TextEdit::multiline(text).char_limit(TEXT_LIMIT / 4).desired_rows(2).desired_width(f32::INFINITY);
    ui.add(edit.hint_text(hint)).labelled_by(label.id)
}
