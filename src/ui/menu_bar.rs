//! The top menu: File, Edit and View, each entry an `Action` with its shortcut shown.

use crate::command::FileCommand;
use crate::command::{Action, Command};
use egui::Ui;
use std::path::PathBuf;

/// What the Edit menu can offer: the names of the steps Undo and Redo would take.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditState<'a> {
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
}

/// States shown in the menu bar for as long as they last.
pub struct Banners<'a> {
    pub blind: bool,
    /// Who holds the session while this window has it read-only.
    pub read_only: Option<&'a str>,
    /// Signatures that no longer match the record, with why.
    pub stale_signatures: &'a [crate::io::signing::SignatureCheck],
}

/// Draws the menu bar.
/// `user_name` is the author written into the audit trail and notes; it is a setting, not session data.
pub fn menu_bar_ui(
    ui: &mut Ui,
    edit: &EditState<'_>,
    recent: &[PathBuf],
    user_name: &str,
    banners: &Banners<'_>,
    out: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for action in [Action::NewFromRoster, Action::Open, Action::MergePrepFiles] {
                action_button(ui, action, action.label(), true, out);
            }
            ui.menu_button("Recent files", |ui| {
                if recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::File(FileCommand::Open(path.clone())));
                    }
                }
            });
            ui.separator();
            for action in [
                Action::Save,
                Action::SaveAs,
                Action::ExportCsv,
                Action::ExportRon,
                Action::ExportHistory,
                Action::ExportPacket,
                Action::ExportMinutes,
                Action::WriteLetters,
            ] {
                if action == Action::ExportCsv {
                    ui.separator();
                }
                action_button(ui, action, action.label(), true, out);
            }
            ui.separator();
            action_button(ui, Action::Preferences, Action::Preferences.label(), true, out);
            ui.separator();
            for action in [Action::Finalize, Action::ReopenRecord, Action::Sign] {
                action_button(ui, action, action.label(), true, out);
            }
            ui.separator();
            action_button(ui, Action::Quit, Action::Quit.label(), true, out);
        });
        ui.menu_button("Edit", |ui| {
            for (action, step, nothing) in
                [(Action::Undo, edit.undo, "Nothing to undo"), (Action::Redo, edit.redo, "Nothing to redo")]
            {
                let text = step.map_or_else(|| nothing.to_owned(), |l| format!("{}: {l}", action.label()));
                action_button(ui, action, &text, step.is_some(), out);
            }
            ui.separator();
            for action in [Action::MoveCardLeft, Action::MoveCardRight, Action::MoveCardUp, Action::MoveCardDown] {
                action_button(ui, action, action.label(), true, out);
            }
        });
        ui.menu_button("View", |ui| {
            for action in [
                Action::ToggleTrack,
                Action::ToggleTheme,
                Action::ToggleBlind,
                Action::FullScreen,
                Action::FocusSearch,
                Action::OpenPerson,
                Action::History,
                Action::Agenda,
                Action::Committee,
                Action::Fairness,
                Action::Compare,
                Action::OpenItems,
                Action::Palette,
            ] {
                action_button(ui, action, action.label(), true, out);
            }
            ui.separator();
            ui.label(egui::RichText::new(format!("You are {user_name} (written in the audit trail)")).weak());
            action_button(ui, Action::Preferences, "Change your name…", true, out);
        });
        ui.menu_button("Help", |ui| {
            for action in [Action::Shortcuts, Action::FileFormats, Action::About] {
                action_button(ui, action, action.label(), true, out);
            }
        });
        if banners.blind {
            blind_banner(ui, out);
        }
        if let Some(holder) = banners.read_only {
            read_only_banner(ui, holder, out);
        }
        for check in banners.stale_signatures {
            if let Some(why) = &check.problem {
                ui.separator();
                let text =
                    egui::RichText::new(format!("SIGNATURE NO LONGER MATCHES — {}: {why}", check.signer)).strong();
                ui.label(text.color(super::theme::error_color(ui.visuals())));
            }
        }
    });
}

/// Blind mode is plainly shown while it is on, with the way back.
fn blind_banner(ui: &mut Ui, out: &mut Vec<Command>) {
    ui.separator();
    let text = egui::RichText::new("BLIND MODE — names, managers, teams and e-mails are codes").strong();
    ui.label(text.color(super::theme::warning_color(ui.visuals())));
    if ui.small_button("Reveal names").clicked() {
        out.push(Command::Run(Action::ToggleBlind));
    }
}

fn read_only_banner(ui: &mut Ui, holder: &str, out: &mut Vec<Command>) {
    ui.separator();
    let text = egui::RichText::new(format!("READ-ONLY — {holder} has this session open")).strong();
    ui.label(text.color(super::theme::warning_color(ui.visuals())));
    if ui.small_button("Save a copy…").clicked() {
        out.push(Command::Run(Action::SaveAs));
    }
}

fn action_button(ui: &mut Ui, action: Action, text: &str, enabled: bool, out: &mut Vec<Command>) {
    let shortcut = action.shortcut_text(ui.ctx());
    // An action without a shortcut gets none, so its accessible name is its label alone.
    let button =
        if shortcut.is_empty() { egui::Button::new(text) } else { egui::Button::new(text).shortcut_text(shortcut) };
    if ui.add_enabled(enabled, button).clicked() {
        out.push(Command::Run(action));
        ui.close();
    }
}
