//! Small preferences kept in eframe's storage (never the session itself).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const STORAGE_KEY: &str = "ladderboard-settings";
const RECENT_LIMIT: usize = 8;

pub use crate::view::ThemeChoice;

/// Preferences remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub recent: Vec<PathBuf>,
    /// Name written into the audit trail and notes.
    pub user_name: String,
    /// The folder of the last file chosen: where the next file dialog starts.
    pub last_folder: Option<PathBuf>,
    /// Whether the user has said who they are (File → Preferences); the first start asks.
    pub name_confirmed: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeChoice::default(),
            recent: Vec::new(),
            user_name: default_user_name(),
            last_folder: None,
            name_confirmed: false,
        }
    }
}

/// The OS user's name, the default author of changes.
#[must_use]
pub fn default_user_name() -> String {
    let real = whoami::realname();
    if real.trim().is_empty() { whoami::username() } else { real }
}

impl Settings {
    /// Reads settings from eframe storage, or the defaults.
    #[must_use]
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default()
    }

    /// Writes settings to eframe storage.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// Moves `path` to the top of the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
    }
}
