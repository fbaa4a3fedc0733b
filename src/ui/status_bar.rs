//! The status bar: the last message on one line, and every line of a long error (an import with many
//! problems) in a window the user can read, scroll and copy.

use super::theme;
use crate::model::Session;
use crate::view::StatusMessage;
use egui::{RichText, Ui};

/// Draws the status line; `details_open` shows the full message in a window.
pub fn status_bar_ui(ui: &mut Ui, session: &Session, status: Option<&StatusMessage>, details_open: &mut bool) {
    ui.horizontal(|ui| {
        if let Some(message) = status {
            let mut lines = message.text.lines();
            let first = lines.next().unwrap_or("");
            let more = lines.count();
            let text = RichText::new(first);
            let text = if message.is_error { text.color(theme::error_color(ui.visuals())) } else { text };
            ui.add(egui::Label::new(text).truncate());
            if more > 0 && ui.button(format!("Show all {} lines", more + 1)).clicked() {
                *details_open = true;
            }
        } else {
            let people = format!("{} people", session.people.len());
            let open = match session.conflicts.len() {
                0 => String::new(),
                1 => "1 open item".to_owned(),
                n => format!("{n} open items"),
            };
            let parts = [session.title.as_str(), session.cycle.as_str(), people.as_str(), open.as_str()];
            let summary = parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ");
            ui.label(RichText::new(summary).weak());
        }
    });
    let Some(message) = status.filter(|_| *details_open) else { return };
    egui::Window::new("Message details").open(details_open).default_size([720.0, 360.0]).show(ui.ctx(), |ui| {
        if ui.button("Copy to clipboard").clicked() {
            ui.ctx().copy_text(message.text.clone());
        }
        egui::ScrollArea::both().show(ui, |ui| {
            for line in message.text.lines() {
                ui.label(line);
            }
        });
    });
}
