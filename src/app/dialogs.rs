//! File dialogs that never freeze the window and never fail silently. The system dialog (rfd's
//! async dialog, through the desktop's file-chooser portal) runs on its own thread and its answer
//! is picked up by a later frame. Where the desktop offers no dialog (no session bus, or a dialog
//! that closes before anyone could have used it) the window says so and asks for a path in a field
//! instead. The folder of the last file chosen is where the next dialog starts.

use super::LadderApp;
use crate::command::{Action, Command, DialogTarget};
use crate::command::{FileCommand, ImportCommand};
use crate::view::{PathPrompt, PathPromptKind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A dialog that closes faster than this was never seen by anyone: the system has no dialog.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(300);

/// What to ask the user for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogSpec {
    pub title: String,
    pub kind: PathPromptKind,
    /// The file type's name and extensions (empty: any file).
    pub filter: (String, Vec<String>),
    /// The suggested file name, for a save dialog.
    pub file_name: String,
    /// Where the dialog starts: the last folder a file was chosen in.
    pub folder: Option<PathBuf>,
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown.
    Unavailable,
}

/// Shows a dialog and waits for its answer (run on a thread of its own).
pub type DialogFn = Arc<dyn Fn(&DialogSpec) -> DialogAnswer + Send + Sync>;

/// Which dialogs the window uses.
#[derive(Clone)]
pub enum Dialogs {
    /// The desktop's own file dialog, with the path field where there is none.
    System,
    /// Only the path field (tests; a desktop known to have no dialog).
    PathField,
    /// A stand-in for the system dialog, run on a thread as the system one is (tests).
    Scripted(DialogFn),
}

/// A dialog on screen, its answer still to come.
pub(super) struct PendingDialog {
    target: DialogTarget,
    spec: DialogSpec,
    answer: Receiver<DialogAnswer>,
}

impl LadderApp {
    /// Asks where to read or write for `target`: the system dialog, or the path field.
    pub(super) fn ask_for_path(&mut self, target: DialogTarget) {
        if self.dialog_pending.is_some() {
            self.info("A file dialog is already open.");
            return;
        }
        let spec = self.spec_for(&target);
        let show: DialogFn = match &self.dialogs {
            Dialogs::PathField => return self.show_path_prompt(target, &spec, String::new()),
            Dialogs::System if !dialog_service_available() => {
                let why = "This desktop offers no file dialog (no D-Bus session): type the path instead.";
                return self.show_path_prompt(target, &spec, why.to_owned());
            }
            Dialogs::System => Arc::new(system_dialog),
            Dialogs::Scripted(show) => Arc::clone(show),
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let asked = spec.clone();
        let spawned = std::thread::Builder::new().name("file dialog".into()).spawn(move || {
            let _ = tx.send(show(&asked));
        });
        if spawned.is_err() {
            return self.show_path_prompt(
                target,
                &spec,
                "The file dialog could not start: type the path instead.".into(),
            );
        }
        self.dialog_pending = Some(PendingDialog { target, spec, answer: rx });
    }

    /// Picks up a dialog's answer once it has come; keeps frames coming while one is open.
    pub(super) fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(pending) = &self.dialog_pending else { return };
        let answer = match pending.answer.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Err(TryRecvError::Disconnected) => DialogAnswer::Unavailable,
        };
        let Some(PendingDialog { target, spec, .. }) = self.dialog_pending.take() else { return };
        match answer {
            DialogAnswer::Chosen(paths) => self.chosen(target, paths),
            DialogAnswer::Cancelled => self.cancelled(target),
            DialogAnswer::Unavailable => self.show_path_prompt(
                target,
                &spec,
                "No file dialog appeared (this desktop has no file-chooser service): type the path instead.".into(),
            ),
        }
    }

    /// The path field confirmed: checks the path, then goes on as a dialog's answer would.
    pub(super) fn confirm_path_prompt(&mut self) {
        let Some(prompt) = self.view.path_prompt.as_mut() else { return };
        let paths: Vec<PathBuf> =
            prompt.text.lines().map(str::trim).filter(|l| !l.is_empty()).map(expand_home).collect();
        let problem = match prompt.kind {
            _ if paths.is_empty() => Some("Type a path.".to_owned()),
            PathPromptKind::Open | PathPromptKind::OpenMany => {
                paths.iter().find(|p| !p.is_file()).map(|p| format!("No file at {}.", p.display()))
            }
            PathPromptKind::Save => paths[0]
                .parent()
                .filter(|folder| !folder.as_os_str().is_empty() && !folder.is_dir())
                .map(|folder| format!("No folder at {}.", folder.display())),
            PathPromptKind::Folder => None,
        };
        // Typing a path skips the system dialog's "replace it?" question: ask it here, once.
        let replaces = prompt.kind == PathPromptKind::Save
            && paths[0].exists()
            && self.document.path() != Some(paths[0].as_path())
            && prompt.confirmed_replace.as_deref() != Some(paths[0].as_path());
        let problem = problem.or_else(|| {
            replaces.then(|| format!("{} already exists. Press Save again to replace it.", paths[0].display()))
        });
        if let Some(problem) = problem {
            prompt.confirmed_replace = replaces.then(|| paths[0].clone());
            prompt.problem = problem;
            return;
        }
        let Some(prompt) = self.view.path_prompt.take() else { return };
        self.chosen(prompt.target, paths);
    }

    pub(super) fn cancel_path_prompt(&mut self) {
        if let Some(prompt) = self.view.path_prompt.take() {
            self.cancelled(prompt.target);
        }
    }

    fn show_path_prompt(&mut self, target: DialogTarget, spec: &DialogSpec, why: String) {
        let folder = spec.folder.clone().or_else(|| std::env::current_dir().ok()).unwrap_or_default();
        let text = match spec.kind {
            PathPromptKind::Save => folder.join(&spec.file_name).display().to_string(),
            _ => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
        };
        self.view.path_prompt = Some(PathPrompt {
            title: spec.title.clone(),
            kind: spec.kind,
            text,
            why,
            problem: String::new(),
            confirmed_replace: None,
            focused: false,
            target,
        });
    }

    fn chosen(&mut self, target: DialogTarget, paths: Vec<PathBuf>) {
        let Some(first) = paths.first() else { return self.cancelled(target) };
        let folder =
            if target == DialogTarget::Action(Action::WriteLetters) { Some(first.as_path()) } else { first.parent() };
        self.settings.last_folder = folder.filter(|f| !f.as_os_str().is_empty()).map(std::path::Path::to_path_buf);
        let path = first.clone();
        match target {
            DialogTarget::SaveThen(then) => {
                self.save_to(&path);
                if self.is_dirty() {
                    self.view.unsaved_prompt = Some(then);
                } else {
                    self.carry_out(then);
                }
            }
            DialogTarget::ExportCsv(options) => self.queue(Command::File(FileCommand::ExportCsv { path, options })),
            DialogTarget::Action(action) => {
                let command = match action {
                    Action::NewFromRoster => Command::Import(ImportCommand::Preview(path)),
                    Action::Open => Command::File(FileCommand::Open(path)),
                    Action::MergePrepFiles => Command::File(FileCommand::MergePrepFiles(paths)),
                    Action::ExportRon => Command::File(FileCommand::ExportRon(path)),
                    Action::ExportHistory => Command::File(FileCommand::ExportHistory(path)),
                    Action::ExportPacket => Command::File(FileCommand::ExportPacket(path)),
                    Action::ExportMinutes => Command::File(FileCommand::ExportMinutes(path)),
                    Action::WriteLetters => Command::File(FileCommand::WriteLetters(path)),
                    _ => Command::File(FileCommand::SaveTo(path)),
                };
                self.queue(command);
            }
        }
    }

    fn cancelled(&mut self, target: DialogTarget) {
        // Cancelling the save that Close asked for goes back to the question, not away from it.
        if let DialogTarget::SaveThen(then) = target {
            self.view.unsaved_prompt = Some(then);
        }
    }

    fn spec_for(&self, target: &DialogTarget) -> DialogSpec {
        let filter =
            |name: &str, extensions: &[&str]| (name.to_owned(), extensions.iter().map(|&e| e.to_owned()).collect());
        let ron = filter("Ladderboard session", &["ron"]);
        let (title, kind, filter, name) = match target {
            DialogTarget::SaveThen(_) => ("Save session as", PathPromptKind::Save, ron, self.suggested_name("ron")),
            DialogTarget::ExportCsv(options) if options.workbook => {
                let name = self.suggested_name("decisions.xlsx");
                ("Export decisions", PathPromptKind::Save, filter("Excel workbook", &["xlsx"]), name)
            }
            DialogTarget::ExportCsv(_) => (
                "Export decisions",
                PathPromptKind::Save,
                filter("CSV", &["csv"]),
                self.suggested_name("decisions.csv"),
            ),
            DialogTarget::Action(action) => match action {
                Action::NewFromRoster => (
                    "New session from a roster",
                    PathPromptKind::Open,
                    filter("Roster (CSV or Excel workbook)", &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"]),
                    String::new(),
                ),
                Action::Open => ("Open session", PathPromptKind::Open, ron, String::new()),
                Action::MergePrepFiles => ("Merge managers' prep files", PathPromptKind::OpenMany, ron, String::new()),
                Action::ExportRon => {
                    ("Export the decision record", PathPromptKind::Save, ron, self.suggested_name("decisions.ron"))
                }
                Action::ExportHistory => {
                    let name = self.suggested_name("history.csv");
                    ("Export the audit trail", PathPromptKind::Save, filter("CSV", &["csv"]), name)
                }
                Action::ExportPacket => {
                    let name = self.suggested_name("pre-read.html");
                    ("Export the pre-read packet", PathPromptKind::Save, filter("HTML", &["html"]), name)
                }
                Action::ExportMinutes => {
                    let name = self.suggested_name("minutes.html");
                    ("Export the minutes", PathPromptKind::Save, filter("HTML", &["html"]), name)
                }
                Action::WriteLetters => {
                    ("Folder for the letters", PathPromptKind::Folder, filter("", &[]), String::new())
                }
                _ => ("Save session as", PathPromptKind::Save, ron, self.suggested_name("ron")),
            },
        };
        DialogSpec { title: title.to_owned(), kind, filter, file_name: name, folder: self.settings.last_folder.clone() }
    }
}

/// The desktop's file dialog (rfd's async dialog), waited on by this thread.
fn system_dialog(spec: &DialogSpec) -> DialogAnswer {
    let started = Instant::now();
    let mut dialog = rfd::AsyncFileDialog::new().set_title(&spec.title);
    if !spec.filter.1.is_empty() {
        dialog = dialog.add_filter(&spec.filter.0, &spec.filter.1);
    }
    if let Some(folder) = &spec.folder {
        dialog = dialog.set_directory(folder);
    }
    let chosen: Option<Vec<PathBuf>> = pollster::block_on(async {
        let one = |handle: Option<rfd::FileHandle>| handle.map(|h| vec![h.path().to_path_buf()]);
        match spec.kind {
            PathPromptKind::Open => one(dialog.pick_file().await),
            PathPromptKind::OpenMany => {
                dialog.pick_files().await.map(|files| files.iter().map(|h| h.path().to_path_buf()).collect())
            }
            PathPromptKind::Save => one(dialog.set_file_name(&spec.file_name).save_file().await),
            PathPromptKind::Folder => one(dialog.pick_folder().await),
        }
    });
    match chosen {
        Some(paths) => DialogAnswer::Chosen(paths),
        None if started.elapsed() < TOO_FAST_FOR_A_PERSON => DialogAnswer::Unavailable,
        None => DialogAnswer::Cancelled,
    }
}

/// Whether a file-chooser portal could answer: on Linux it lives on the D-Bus session bus.
fn dialog_service_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|dir| PathBuf::from(dir).join("bus").exists())
}

/// `~/reviews/team.ron` as the shell would read it.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(text),
    }
}
