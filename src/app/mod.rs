//! The eframe application: owns the session, the undo history and the view state; draws the panels,
//! then applies the commands they emitted. That single path gives undo, the audit trail and the
//! unsaved-changes mark.

pub mod autosave;
mod board;
mod compare;
pub mod dialogs;
mod dropped;
pub mod files;
mod handle;
mod import;
mod layout;
mod meeting;
mod record;
pub mod settings;

use crate::command::Command;
use crate::document::Document;
use crate::io::session::{load_session, parse_session};
use crate::model::Session;
use crate::view::{Caches, StatusMessage, ViewState};
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

/// The window: the open document and the window's own state. Everything that belongs to the
/// session (its history, revision, file, lock and blind view) is the `Document`'s.
pub struct LadderApp {
    pub document: Document,
    pub view: ViewState,
    /// What the screens read that is computed from the session, keyed on the document's revision.
    pub caches: Caches,
    pub settings: Settings,
    pub status: Option<StatusMessage>,
    /// Which file dialogs the window shows (tests: only the path field, never a real dialog).
    pub dialogs: dialogs::Dialogs,
    /// A file dialog on screen, its answer to come.
    dialog_pending: Option<dialogs::PendingDialog>,
    /// Commands queued outside a frame (tests, the palette, dialogs' answers).
    pending: Vec<Command>,
    /// A roster read for the import preview, waiting for Import or Cancel.
    import: Option<import::PendingImport>,
    autosave: autosave::Autosave,
    closing: Closing,
    /// What the window last told egui and the OS, to tell them again only when it changes.
    shown: Shown,
}

/// Closing the window once the user has said what to do with unsaved changes.
#[derive(Debug, Default)]
struct Closing {
    /// The user agreed to close with (or after saving) their changes.
    confirmed: bool,
    /// Ask eframe to close on the next frame.
    now: bool,
}

/// The title and theme the window shows.
#[derive(Debug, Default)]
struct Shown {
    title: String,
    full_screen: bool,
    theme: Option<settings::ThemeChoice>,
}

impl LadderApp {
    /// An app showing `session`, saved to `path` when it has one.
    #[must_use]
    pub fn with_session(session: Session, path: Option<&Path>) -> Self {
        let mut app = LadderApp {
            document: Document::new(session, path),
            view: ViewState::default(),
            caches: Caches::default(),
            settings: Settings::default(),
            status: None,
            dialogs: dialogs::Dialogs::PathField,
            dialog_pending: None,
            pending: Vec::new(),
            import: None,
            autosave: autosave::Autosave::default(),
            closing: Closing::default(),
            shown: Shown::default(),
        };
        app.select_first();
        app
    }

    /// The session as it is (not blinded).
    #[must_use]
    pub fn session(&self) -> &Session {
        self.document.session()
    }

    /// Where the session is saved; `None` for the sample, a fresh import or a merge.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.document.path()
    }

    /// Who holds the session's file, when it is open read-only.
    #[must_use]
    pub fn read_only(&self) -> Option<&crate::io::session::lock::LockInfo> {
        self.document.read_only()
    }

    /// Whether there are changes not yet saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.document.is_dirty()
    }

    /// The window title: file name and an unsaved-changes mark.
    #[must_use]
    pub fn title(&self) -> String {
        let name = self
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(|| format!("{} (not saved)", self.session().title), |n| n.to_string_lossy().into_owned());
        let mark = if self.is_dirty() { "● " } else { "" };
        let read_only = if self.read_only().is_some() { " (read-only)" } else { "" };
        format!("{mark}{name}{read_only}{} — Ladderboard", self.record_title())
    }

    /// Queues a command as if the UI had emitted it (used by tests and the palette).
    pub fn queue(&mut self, command: impl Into<Command>) {
        self.pending.push(command.into());
    }

    /// Draws the whole window into `ui` and applies the commands it emitted.
    pub fn ui_for_tests(&mut self, ui: &mut egui::Ui) {
        self.frame(ui);
    }

    fn frame(&mut self, ui: &mut egui::Ui) {
        if self.shown.theme.is_none() {
            let missing = crate::ui::theme::install_fonts(ui.ctx());
            self.notice_missing_fonts(&missing);
        }
        if self.shown.theme != Some(self.settings.theme) {
            crate::ui::theme::apply(ui.ctx(), self.settings.theme);
            self.shown.theme = Some(self.settings.theme);
        }
        self.tick_presenter(ui.ctx());
        self.take_dropped_files(ui.ctx());
        self.refresh_caches();
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
        if self.status.as_ref().is_some_and(|s| s.revision != self.document.revision()) {
            self.status = None;
        }
        self.refresh_caches();
        let title = self.title();
        if title != self.shown.title {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown.title = title;
        }
        if self.view.full_screen != self.shown.full_screen {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.view.full_screen));
            self.shown.full_screen = self.view.full_screen;
        }
    }

    /// Brings what the screens read up to date with the document's revision and the view.
    fn refresh_caches(&mut self) {
        let (shown, revision) = (self.document.shown(), self.document.revision());
        self.caches.refresh(shown, revision, &self.view, today());
        // Against the session itself: the head names the real title, whatever the screens show.
        let session = self.document.session();
        self.caches.signatures.refresh(revision, (), |()| crate::io::signing::stale_signatures(session));
        self.caches.record_title.refresh(revision, (), |()| record::record_title_of(session));
        // The person panel's drafts follow the session (a change, an undo, another file).
        let drafts = &mut self.view.drafts;
        self.caches.drafts.refresh(revision, (), |()| drafts.follow(shown));
    }

    /// Closing the window with unsaved changes asks first (eframe: cancel the close, then decide).
    fn guard_close(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.closing.now) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.is_dirty() && !self.closing.confirmed {
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
            self.session().people.iter().any(|p| p.name.chars().any(wanted) || p.manager.chars().any(wanted))
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
        self.closing.confirmed
    }

    /// Selects the first person by name on the shown track, so the person panel has someone to show.
    fn select_first(&mut self) {
        let track = self.view.track;
        self.view.selected = self
            .session()
            .people
            .iter()
            .filter(|p| p.track == track)
            .min_by(|a, b| a.name.cmp(&b.name))
            .map(|p| p.id.clone());
    }

    /// Replaces the document (another file, an import, a merge, a restore), as it is on disk.
    fn replace_session(&mut self, session: Session, path: Option<&Path>) {
        self.document.replace(session, path);
        // Recovery offers belong to the start, not to the session shown: opening a file keeps them.
        let offers = std::mem::take(&mut self.view.recovery_offers);
        self.view = ViewState { track: self.view.track, recovery_offers: offers, ..ViewState::default() };
        self.select_first();
    }

    fn info(&mut self, text: impl Into<String>) {
        let text = self.document.blind_text(text.into());
        self.status = Some(StatusMessage { text, is_error: false, revision: self.document.revision() });
    }

    fn error(&mut self, text: impl Into<String>) {
        let text = self.document.blind_text(text.into());
        self.status = Some(StatusMessage { text, is_error: true, revision: self.document.revision() });
    }
}

/// Today's date, for "years at this level" and two-digit years (screens never read the clock).
fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

impl eframe::App for LadderApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.save(storage);
    }

    /// An autosave still being written is finished, so the recovery file is whole (it holds the
    /// session as it was when that write began).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.finish_autosave();
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
    // eframe writes the settings (recent session paths, the user's name) with the default mode;
    // their folder is made owner-only first, as every folder Ladderboard writes to is.
    if let Some(dir) = eframe::storage_dir("ladderboard") {
        crate::io::atomic::make_private_folder(&dir);
    }
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
    let recovery_dir = crate::io::session::recovery::recovery_dir();
    if let Some(dir) = &recovery_dir {
        let written =
            crate::io::session::recovery::read_recent_files(&crate::io::session::recovery::recent_files_path(dir));
        for path in written.iter().rev() {
            settings.remember(path);
        }
    }
    // A roster given on the command line (`ladderboard team.csv`) opens the import preview over
    // the most recent session, as File → New from roster… would.
    let roster =
        path.filter(|p| std::fs::read(p).is_ok_and(|bytes| !crate::io::FileKind::of(&bytes).is_ron_document()));
    let path = if roster.is_some() { None } else { path };
    let candidate = path.map(Path::to_path_buf).or_else(|| settings.recent.iter().find(|p| p.exists()).cloned());
    let (session, opened, error) = match &candidate {
        Some(p) => match load_session(p) {
            Ok(s) => (s, Some(p.clone()), None),
            Err(e) => (sample_session(), None, Some(e.to_string())),
        },
        None => (sample_session(), None, None),
    };
    // Copies a killed save left behind hold people's data: gone before anything else is written.
    let folders = opened.iter().chain(&settings.recent).filter_map(|p| p.parent().map(Path::to_path_buf));
    crate::io::atomic::remove_temp_files_left_by_killed_saves(folders.chain(recovery_dir.clone()));
    let mut app = LadderApp::with_session(session, opened.as_deref());
    let ask_name = !settings.name_confirmed;
    app.settings = settings;
    if ask_name {
        app.open_preferences(true);
    }
    let opened = app.path().map(Path::to_path_buf);
    if let Some(p) = &opened {
        app.take_lock_or_read_only(p);
    }
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
    } else if let Some(p) = app.path().map(Path::to_path_buf) {
        app.check_integrity(&p);
    }
    app
}
