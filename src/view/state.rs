//! View state that lives for the window, not in the session file.

use super::drafts::{Drafts, UnsentText};
pub use super::prompts::{
    ExportCsvOptions, LockPrompt, PathPrompt, PathPromptKind, PendingDemotion, PendingProposal, RecordPrompt,
    RecoveryOffer, SignPrompt,
};
pub use super::windows::{
    CellList, CompareState, FairnessState, FairnessTab, HelpPage, HistoryFilter, Presenter, Windows,
};
use crate::command::Interrupted;
use crate::model::{LevelId, PersonId, Status, Track};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ThemeChoice {
    Light,
    #[default]
    Dark,
}

/// Roster table columns that can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortColumn {
    Name,
    Level,
    Manager,
    Team,
}

/// Filters shared by the roster list and the grid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub search: String,
    pub manager: Option<String>,
    pub team: Option<String>,
    pub level: Option<LevelId>,
    pub track: Option<Track>,
    pub status: Option<Status>,
}

/// A message in the status bar, about the session as it was at `revision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
    /// The session revision the message describes; a later change makes it stale and it goes.
    pub revision: u64,
}

/// View state that lives for the window, not in the session file.
#[derive(Clone, Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent UI toggles (panel open, focus, scroll), not a state machine"
)]
pub struct ViewState {
    /// The window fills the screen (F11), for the room's shared screen.
    pub full_screen: bool,
    /// The agenda's order as last chosen: the agenda opens with it again.
    pub agenda_order: crate::model::meeting::AgendaOrder,
    /// The windows over the board and their own state.
    pub windows: Windows,
    /// Finalize, reopen or sign, while asked.
    pub record_prompt: Option<RecordPrompt>,
    pub selected: Option<PersonId>,
    /// Which track the grid shows.
    pub track: Track,
    pub filters: Filters,
    pub sort: (SortColumn, bool),
    pub person_open: bool,
    pub palette: Option<String>,
    pub drafts: Drafts,
    /// Unsent note and rationale text of people not currently selected.
    pub unsent: HashMap<PersonId, UnsentText>,
    pub pending: Option<PendingProposal>,
    /// A move below the level of someone proposed, waiting for what becomes of the proposal.
    pub demotion: Option<PendingDemotion>,
    /// An action held back until the user says what to do with unsaved changes.
    pub unsaved_prompt: Option<Interrupted>,
    /// The grid shows counts and shares per cell instead of cards.
    pub density: bool,
    /// The path field, while one is asked for.
    pub path_prompt: Option<PathPrompt>,
    /// A recovery file found on start, waiting for Restore or Discard.
    /// Recovery files with changes never saved, offered one at a time on start.
    pub recovery_offers: Vec<RecoveryOffer>,
    pub lock_prompt: Option<LockPrompt>,
    /// A roster being imported: shown for the user to check and adjust before Import commits it.
    pub import_preview: Option<super::ImportPreview>,
    /// The decisions-CSV export's options, while its dialog is open.
    pub export_csv: Option<ExportCsvOptions>,
    /// The choices of the last decisions-CSV export, offered again next time.
    pub last_export_csv: ExportCsvOptions,
    pub focus_search: bool,
    /// The window with every line of the status message.
    pub status_details: bool,
    /// Scroll the roster table to the selection on the next frame (set when selecting on the grid).
    pub scroll_to_selected: bool,
    /// The pre-read comment being written, and whose.
    pub mark_draft: (crate::model::PersonId, String),
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            full_screen: false,
            agenda_order: crate::model::meeting::AgendaOrder::default(),
            windows: Windows::default(),
            record_prompt: None,
            selected: None,
            track: Track::IndividualContributor,
            filters: Filters::default(),
            sort: (SortColumn::Name, true),
            person_open: true,
            palette: None,
            drafts: Drafts::default(),
            unsent: HashMap::new(),
            mark_draft: (crate::model::PersonId::new(""), String::new()),
            pending: None,
            demotion: None,
            unsaved_prompt: None,
            path_prompt: None,
            density: false,
            recovery_offers: Vec::new(),
            lock_prompt: None,
            import_preview: None,
            export_csv: None,
            last_export_csv: ExportCsvOptions::default(),
            focus_search: false,
            status_details: false,
            scroll_to_selected: false,
        }
    }
}

impl ViewState {
    /// Whether a modal prompt holds the keyboard (shortcuts other than Save wait for it).
    #[must_use]
    pub fn modal_open(&self) -> bool {
        self.palette.is_some()
            || self.pending.is_some()
            || self.demotion.is_some()
            || self.unsaved_prompt.is_some()
            || self.path_prompt.is_some()
            || !self.recovery_offers.is_empty()
            || self.lock_prompt.is_some()
            || self.import_preview.is_some()
            || self.export_csv.is_some()
            || self.record_prompt.is_some()
    }
}
