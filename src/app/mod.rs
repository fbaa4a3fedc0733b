//! The eframe application: owns the session, the undo history and the view state; draws the panels,
//! then applies the commands they emitted. That single path gives undo, the audit trail and the
//! unsaved-changes mark.

pub mod autosave;
mod blind;
mod compare;
pub mod dialogs;
mod dropped;
pub mod files;
mod handle;
pub mod history;
mod import;
mod intents;
mod layout;
mod meeting;
pub mod revision;
pub mod settings;

use crate::command::Command;
use crate::io::session_ron::{load_session, parse_session};
use crate::model::Session;
use crate::view::{Derived, StatusMessage, ViewState};
use history::History;
use revision::Revision;
use settings::Settings;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The sample session shipped with the app, shown on a first run.
pub const SAMPLE_SESSION_RON: &str = include_str!("../../assets/sample/session.ron");

/// The sample calibration session.
#[must_use]
pub fn sample_session() -> Session {
    #[expect(clippy::expect_used, reason = "the embedded sample is validated by tests")]
    parse_session(SAMPLE_SESSION_RON.as_bytes(), Path::new("assets/sample/session.ron"))
        .expect("embedded sample is valid")
}

/// The application state.
pub struct LadderApp {
    pub session: Session,
    /// Where the session is saved; `None` for the sample or a fresh import.
    pub path: Option<PathBuf>,
    pub view: ViewState,
    pub derived: Derived,
    pub history: History,
    pub settings: Settings,
    pub status: Option<StatusMessage>,
    /// Which revision of the session is open, saved and autosaved.
    pub revision: Revision,
    shown_title: String,
    applied_theme: Option<settings::ThemeChoice>,
    pending: Vec<Command>,
    /// Set once the user has agreed to close with (or after saving) their changes.
    close_confirmed: bool,
    /// Ask eframe to close on the next frame (after the user confirmed).
    close_now: bool,
    /// Where autosave writes recovery files; `None` turns autosave off (tests that don't test it).
    recovery_dir: Option<PathBuf>,
    last_change_at: Option<std::time::Instant>,
    /// Audit events in the session as last saved or opened, to count unsaved changes.
    saved_audit_len: usize,
    /// The lock on the open session file, released when dropped.
    lock: Option<crate::io::lock::SessionLock>,
    /// Set when the file is held by someone else: changes and Save are refused; Save as works.
    pub read_only: Option<crate::io::lock::LockInfo>,
    /// Modification time and size of the session file when opened or last saved.
    disk_stamp: Option<(std::time::SystemTime, u64)>,
    /// A roster read for the import preview, waiting for Import or Cancel.
    import: Option<import::PendingImport>,
    /// Which file dialogs the window shows (tests: only the path field, never a real dialog).
    pub dialogs: dialogs::Dialogs,
    /// A file dialog on screen, its answer to come.
    dialog_pending: Option<dialogs::PendingDialog>,
    /// Blind mode's codes and blinded copy, while the session has it on.
    blind: Option<blind::BlindView>,
    /// When the presenter view came to its candidate.
    presenting_since: Option<std::time::Instant>,
}

impl LadderApp {
    /// An app showing `session`, saved to `path` when it has one.
    #[must_use]
    pub fn with_session(session: Session, path: Option<PathBuf>) -> Self {
        let mut app = LadderApp {
            session,
            path: path.map(|p| files::absolute(&p)),
            view: ViewState::default(),
            derived: Derived::default(),
            history: History::default(),
            settings: Settings::default(),
            status: None,
            revision: Revision::saved(),
            shown_title: String::new(),
            applied_theme: None,
            pending: Vec::new(),
            close_confirmed: false,
            close_now: false,
            recovery_dir: None,
            last_change_at: None,
            saved_audit_len: 0,
            lock: None,
            read_only: None,
            disk_stamp: None,
            import: None,
            dialogs: dialogs::Dialogs::PathField,
            dialog_pending: None,
            blind: None,
            presenting_since: None,
        };
        app.saved_audit_len = app.session.audit.len();
        app.refresh_blind();
        app.select_first();
        app
    }

    /// Whether there are changes not yet saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.revision.is_dirty()
    }

    /// The window title: file name and an unsaved-changes mark.
    #[must_use]
    pub fn title(&self) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| format!("{} (not saved)", self.session.title), |n| n.to_string_lossy().into_owned());
        let mark = if self.is_dirty() { "● " } else { "" };
        let read_only = if self.read_only.is_some() { " (read-only)" } else { "" };
        format!("{mark}{name}{read_only} — Ladderboard")
    }

    /// Queues a command as if the UI had emitted it (used by tests and the palette).
    pub fn queue(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Draws the whole window into `ui` and applies the commands it emitted.
    pub fn ui_for_tests(&mut self, ui: &mut egui::Ui) {
        self.frame(ui);
    }

    fn frame(&mut self, ui: &mut egui::Ui) {
        if self.applied_theme.is_none() {
            let missing = crate::ui::theme::install_fonts(ui.ctx());
            self.notice_missing_fonts(&missing);
        }
        if self.applied_theme != Some(self.settings.theme) {
            crate::ui::theme::apply(ui.ctx(), self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        self.view.today = jiff::Zoned::now().date();
        self.tick_presenter(ui.ctx());
        self.take_dropped_files(ui.ctx());
        self.view.you.clone_from(&self.settings.user_name);
        self.view.recovery_dir.clone_from(&self.recovery_dir);
        self.derived.refresh(self.blind.as_ref().map_or(&self.session, |b| &b.shown), &self.view);
        self.guard_close(ui.ctx());
        let mut out = std::mem::take(&mut self.pending);
        crate::ui::shortcuts::read(ui.ctx(), &self.view, &mut out);
        self.window_ui(ui, &mut out);
        if !out.is_empty() {
            // Show the result of what was just applied without waiting for the next input event.
            ui.ctx().request_repaint();
        }
        for command in out {
            self.handle(command);
        }
        self.poll_dialog(ui.ctx());
        self.autosave(ui.ctx());
        // A message about an earlier state of the session ("Saved", "Not moved: …") is stale now.
        if self.status.as_ref().is_some_and(|s| s.revision != self.revision.current()) {
            self.status = None;
        }
        self.derived.refresh(self.blind.as_ref().map_or(&self.session, |b| &b.shown), &self.view);
        let title = self.title();
        if title != self.shown_title {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Closing the window with unsaved changes asks first (eframe: cancel the close, then decide).
    fn guard_close(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.close_now) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.view.unsaved_prompt = Some(crate::command::Interrupted::CloseWindow);
        }
    }

    /// Says once, at start, which scripts in the session's names have no font on this system.
    fn notice_missing_fonts(&mut self, missing: &[(&'static str, &'static str)]) {
        let in_names = |script: &str| {
            let wanted = |c: char| match script {
                "Hebrew" => ('\u{0590}'..='\u{05FF}').contains(&c),
                "Arabic" => ('\u{0600}'..='\u{06FF}').contains(&c),
                _ => {
                    ('\u{3040}'..='\u{30FF}').contains(&c)
                        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
                        || ('\u{AC00}'..='\u{D7AF}').contains(&c)
                }
            };
            self.session.people.iter().any(|p| p.name.chars().any(wanted) || p.manager.chars().any(wanted))
        };
        let needed: Vec<String> = missing
            .iter()
            .filter(|(script, _)| in_names(script))
            .map(|(script, package)| format!("{script} (install {package})"))
            .collect();
        if self.status.is_none() && !needed.is_empty() {
            self.info(format!("Some names cannot be drawn: no system font for {}", needed.join(", ")));
        }
    }

    /// Whether the user has confirmed closing the window.
    #[must_use]
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// Selects the first person by name on the shown track, so the person panel has someone to show.
    fn select_first(&mut self) {
        let track = self.view.track;
        self.view.selected = self
            .session
            .people
            .iter()
            .filter(|p| p.track == track)
            .min_by(|a, b| a.name.cmp(&b.name))
            .map(|p| p.id.clone());
    }

    /// Everything that follows a change to the session: the dirty mark, derived views, the person
    /// panel's drafts and the autosave timer.
    fn session_changed(&mut self) {
        self.revision.changed();
        self.derived.invalidate();
        // The fairness figures are recomputed once, on the next draw.
        if let Some(fairness) = &mut self.view.fairness {
            fairness.figures = None;
            fairness.groups = None;
            fairness.outcomes = None;
        }
        self.view.agenda_items = None;
        self.refresh_blind();
        let shown = self.blind.as_ref().map_or(&self.session, |b| &b.shown);
        self.view.drafts.follow(shown);
        self.note_change();
    }

    fn replace_session(&mut self, session: Session, path: Option<PathBuf>) {
        self.lock = None;
        self.read_only = None;
        self.disk_stamp = path.as_deref().and_then(files::disk_stamp);
        self.session = session;
        // Absolute, so the recovery file's name, the recent files and the lock do not depend on
        // the folder Ladderboard was started from.
        self.path = path.map(|p| files::absolute(&p));
        self.history.clear();
        self.revision.replaced();
        self.derived.invalidate();
        self.refresh_blind();
        self.saved_audit_len = self.session.audit.len();
        // Recovery offers belong to the start, not to the session shown: opening a file keeps them.
        let offers = std::mem::take(&mut self.view.recovery_offers);
        self.view = ViewState { track: self.view.track, recovery_offers: offers, ..ViewState::default() };
        self.select_first();
    }

    fn info(&mut self, text: impl Into<String>) {
        let text = self.blind_text(text.into());
        self.status = Some(StatusMessage { text, is_error: false, revision: self.revision.current() });
    }

    fn error(&mut self, text: impl Into<String>) {
        let text = self.blind_text(text.into());
        self.status = Some(StatusMessage { text, is_error: true, revision: self.revision.current() });
    }
}

impl eframe::App for LadderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.save(storage);
    }
}

/// Opens the window on `path` (a session, or a roster to import); without one, on the most recent
/// session, or the sample.
#[must_use]
pub fn run(path: Option<PathBuf>, theme: Option<settings::ThemeChoice>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([1024.0, 700.0])
            .with_title("Ladderboard")
            // The desktop entry's name (Wayland matches windows to it by app id) and its icon.
            .with_app_id("ladderboard")
            .with_icon(std::sync::Arc::new(
                eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/ladderboard.png"))
                    .unwrap_or_default(),
            )),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Ladderboard",
        options,
        Box::new(move |cc| {
            let mut settings = Settings::load(cc.storage);
            if let Some(theme) = theme {
                settings.theme = theme;
            }
            let mut app = start(path.as_deref(), settings);
            app.dialogs = dialogs::Dialogs::System;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not open the window: {e}");
            ExitCode::from(4)
        }
    }
}

/// Chooses what the window opens on; a file that fails to load is reported, never fatal.
#[must_use]
pub fn start(path: Option<&Path>, mut settings: Settings) -> LadderApp {
    // The list written when each session opened outlives a crash; eframe's copy is written only
    // at a clean exit.
    let recovery_dir = crate::io::recovery::recovery_dir();
    if let Some(dir) = &recovery_dir {
        let written = crate::io::recovery::read_recent_files(&crate::io::recovery::recent_files_path(dir));
        for path in written.iter().rev() {
            settings.remember(path);
        }
    }
    // A roster given on the command line (`ladderboard team.csv`) opens the import preview over
    // the most recent session, as File → New from roster… would.
    let roster = path.filter(|p| std::fs::read(p).is_ok_and(|bytes| !crate::io::is_ron_document(&bytes)));
    let path = if roster.is_some() { None } else { path };
    let candidate = path.map(Path::to_path_buf).or_else(|| settings.recent.iter().find(|p| p.exists()).cloned());
    let (session, opened, error) = match &candidate {
        Some(p) => match load_session(p) {
            Ok(s) => (s, Some(p.clone()), None),
            Err(e) => (sample_session(), None, Some(e.to_string())),
        },
        None => (sample_session(), None, None),
    };
    let mut app = LadderApp::with_session(session, opened);
    app.settings = settings;
    app.disk_stamp = app.path.as_deref().and_then(files::disk_stamp);
    if let Some(p) = app.path.clone() {
        app.take_lock_or_read_only(&p);
    }
    let opened = app.path.clone();
    if let Some(dir) = recovery_dir {
        app.enable_recovery(dir);
    }
    if let Some(p) = opened {
        app.remember_recent(&p);
    }
    if let Some(roster) = roster {
        app.preview_import(roster);
    }
    if let Some(error) = error {
        app.error(format!("{error} — showing the sample session instead"));
    } else if let Some(p) = app.path.clone() {
        app.check_integrity(&p);
    }
    app
}
