//! Tooltips that give way to dialogs.

use egui::{Response, WidgetText};

/// A tooltip that is not shown while a modal dialog covers its widget. egui keeps a widget's open
/// tooltip while the pointer rests on the widget, even after a modal opens over it (seen in the
/// real window: a card's tooltip over the command palette).
pub trait Hint {
    /// Like `on_hover_text`, whose result is often dropped after a label.
    #[expect(clippy::return_self_not_must_use, reason = "used like egui's on_hover_text")]
    fn hint(self, text: impl Into<WidgetText>) -> Self;
}

impl Hint for Response {
    fn hint(self, text: impl Into<WidgetText>) -> Self {
        if self.ctx.memory(|memory| memory.is_above_modal_layer(self.layer_id)) {
            self.on_hover_text(text)
        } else {
            self
        }
    }
}
