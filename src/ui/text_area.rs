//! The labelled, full-width text area the person panel uses for rationales and notes.

use egui::{Response, TextEdit, Ui};

/// A caption and a two-row text area under it, tied together so screen readers (and UI tests) find
/// the area by its caption.
pub fn labelled_text_area(ui: &mut Ui, caption: &str, text: &mut String, hint: &str) -> Response {
    let label = ui.label(caption);
    ui.add(TextEdit::multiline(text).desired_rows(2).desired_width(f32::INFINITY).hint_text(hint)).labelled_by(label.id)
}
