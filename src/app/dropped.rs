//! Files dropped on the window: a roster opens the import preview, a session opens, several
//! sessions start the merge of managers' prep files. Each goes through the same commands as the
//! menus, so the unsaved-changes guard stands in front of all of them.

use super::LadderApp;
use crate::command::Command;
use crate::command::{FileCommand, ImportCommand};
use std::path::PathBuf;

/// What dropping these files means, or why it means nothing.
fn command_for(paths: Vec<PathBuf>) -> Result<Command, String> {
    let is_session = |path: &PathBuf| {
        std::fs::read(path).is_ok_and(|bytes| crate::io::FileKind::of(&bytes) == crate::io::FileKind::Session)
    };
    let sessions = paths.iter().filter(|p| is_session(p)).count();
    match (paths.len(), sessions) {
        (1, 0) => Ok(Command::Import(ImportCommand::Preview(paths.into_iter().next().unwrap_or_default()))),
        (1, 1) => Ok(Command::File(FileCommand::Open(paths.into_iter().next().unwrap_or_default()))),
        (n, s) if n == s => Ok(Command::File(FileCommand::MergePrepFiles(paths))),
        (n, _) => Err(format!(
            "{n} files dropped: drop one roster to import it, one session to open it, or several sessions (managers' prep files) to merge them"
        )),
    }
}

impl LadderApp {
    /// Turns the files dropped this frame into the command they mean.
    pub(super) fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        if paths.is_empty() {
            return;
        }
        match command_for(paths) {
            Ok(command) => self.queue(command),
            Err(why) => self.error(why),
        }
    }
}
