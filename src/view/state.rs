//! View state that lives for the window, not in the session file.

use super::drafts::{Drafts, UnsentText};
use crate::command::Interrupted;
use crate::io::session::lock::LockInfo;
use crate::model::{LevelId, PersonId, Placement, Status, Track};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;

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

/// A move above a person's level waiting for its proposal rationale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingProposal {
    pub person: PersonId,
    pub to: Placement,
    pub rationale: String,
    /// The rationale box has been given the keyboard once, so typing starts there.
    pub focused: bool,
}

impl PendingProposal {
    /// A prompt for moving `person` to `to`, with an empty rationale.
    #[must_use]
    pub fn new(person: PersonId, to: Placement) -> Self {
        PendingProposal { person, to, rationale: String::new(), focused: false }
    }
}

/// Filters of the History window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryFilter {
    pub person: Option<PersonId>,
    pub author: Option<String>,
}

/// A message in the status bar, about the session as it was at `revision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub is_error: bool,
    /// The session revision the message describes; a later change makes it stale and it goes.
    pub revision: u64,
}

/// A recovery file found on start, offered to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryOffer {
    pub file: PathBuf,
    /// The session file the changes belong to; `None` for a session never saved.
    pub session_path: Option<PathBuf>,
    pub unsaved_changes: usize,
    pub last_change: String,
    pub written_at: String,
}

/// What a path is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPromptKind {
    Open,
    OpenMany,
    Save,
    Folder,
}

/// The path field, shown where no file dialog can be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPrompt {
    pub title: String,
    pub kind: PathPromptKind,
    /// The path as typed (one per line for several files).
    pub text: String,
    /// Why the field, not the system's dialog.
    pub why: String,
    /// What is wrong with the path typed, if anything.
    pub problem: String,
    /// An existing file the user was asked about: confirming the same path again replaces it.
    pub confirmed_replace: Option<PathBuf>,
    /// The field has been given the keyboard focus once, as it opened.
    pub focused: bool,
    pub target: crate::command::DialogTarget,
}

/// A session someone else holds open, waiting for "Open read-only" or Cancel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockPrompt {
    pub path: PathBuf,
    pub holder: LockInfo,
}

/// The candidate on the shared screen, and how long the room has been on them (set by the app
/// each frame, so screens never read the clock).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presenter {
    pub person: crate::model::PersonId,
    /// The agenda order the meeting walks, for "Next".
    pub order: crate::model::meeting::AgendaOrder,
    /// When the room came to this candidate.
    pub since: std::time::Instant,
    pub elapsed_secs: u64,
    /// The decision being written: outcome, new level and rationale.
    pub outcome: Option<crate::model::Outcome>,
    pub new_level: Option<crate::model::LevelId>,
    pub rationale: String,
}

/// Which help page is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpPage {
    Shortcuts,
    FileFormats,
    About,
}

/// Which part of the Fairness window is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FairnessTab {
    #[default]
    Distribution,
    Managers,
    Coverage,
    BeforeAfter,
    TimeInLevel,
}

impl FairnessTab {
    pub const ALL: [FairnessTab; 5] = [
        FairnessTab::Distribution,
        FairnessTab::Managers,
        FairnessTab::Coverage,
        FairnessTab::BeforeAfter,
        FairnessTab::TimeInLevel,
    ];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            FairnessTab::Distribution => "Distribution and target",
            FairnessTab::Managers => "Managers",
            FairnessTab::Coverage => "Evidence coverage",
            FairnessTab::BeforeAfter => "Before / after",
            FairnessTab::TimeInLevel => "Time in level",
        }
    }
}

/// The Fairness window: its tab, the group it looks at and the target being edited. Its figures
/// are the app's (`view::Caches`), computed for this group.
#[derive(Clone, Debug, Default)]
pub struct FairnessState {
    pub tab: FairnessTab,
    pub group: crate::model::fairness::Group,
    pub draft: Option<crate::model::fairness::BandTargets>,
}

/// People side by side: who (in the order chosen, at most `model::compare::MAX_COMPARED`) and
/// the level they are weighed against (`None`: the rule's choice).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareState {
    pub people: Vec<crate::model::PersonId>,
    pub level: Option<crate::model::LevelId>,
}

/// A crowded cell's full list, open in a window, and what is searched for in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellList {
    pub level: crate::model::LevelId,
    pub band: usize,
    pub query: String,
}

/// The decisions-CSV export dialog's choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportCsvOptions {
    /// Put the roster's own columns, in its order, before the decision columns.
    pub with_roster_columns: bool,
    /// Write an Excel workbook (`.xlsx`) instead of CSV.
    pub workbook: bool,
}

/// View state that lives for the window, not in the session file.
#[derive(Clone, Debug)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent UI toggles (panel open, focus, scroll), not a state machine"
)]
pub struct ViewState {
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
    /// The meeting agenda window: open, and its order.
    pub agenda: Option<crate::model::meeting::AgendaOrder>,
    /// The presenter view, while the meeting is on a candidate.
    pub presenter: Option<Presenter>,
    /// The help window's page, while open.
    pub help: Option<HelpPage>,
    /// Where unsaved work is kept (set by the app), for About.
    pub recovery_dir: Option<std::path::PathBuf>,
    /// The Fairness window, while open.
    pub fairness: Option<FairnessState>,
    /// The window of open items (disagreements between merged prep files).
    pub open_items: bool,
    /// The History window: open, and its person / author filters.
    pub history: Option<HistoryFilter>,
    pub pending: Option<PendingProposal>,
    /// An action held back until the user says what to do with unsaved changes.
    pub unsaved_prompt: Option<Interrupted>,
    /// A crowded cell's full list, while open.
    pub cell_list: Option<CellList>,
    /// The grid shows counts and shares per cell instead of cards.
    pub density: bool,
    /// The comparison window, while open.
    pub compare: Option<CompareState>,
    /// People Ctrl+clicked for comparison (kept while the window is closed).
    pub compare_marks: Vec<crate::model::PersonId>,
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
    /// The user's name as the audit trail writes it (a pre-read mark is theirs), set by the app.
    pub you: String,
    /// The pre-read comment being written, and whose.
    pub mark_draft: (crate::model::PersonId, String),
    /// Today's date, set by the app (screens never read the clock), for "years at this level".
    pub today: jiff::civil::Date,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            selected: None,
            track: Track::IndividualContributor,
            filters: Filters::default(),
            sort: (SortColumn::Name, true),
            person_open: true,
            palette: None,
            drafts: Drafts::default(),
            unsent: HashMap::new(),
            open_items: false,
            fairness: None,
            help: None,
            recovery_dir: None,
            you: String::new(),
            mark_draft: (crate::model::PersonId::new(""), String::new()),
            agenda: None,
            presenter: None,
            history: None,
            pending: None,
            unsaved_prompt: None,
            path_prompt: None,
            compare: None,
            cell_list: None,
            density: false,
            compare_marks: Vec::new(),
            recovery_offers: Vec::new(),
            lock_prompt: None,
            import_preview: None,
            export_csv: None,
            last_export_csv: ExportCsvOptions::default(),
            focus_search: false,
            status_details: false,
            scroll_to_selected: false,
            today: jiff::Zoned::now().date(),
        }
    }
}

impl ViewState {
    /// Whether a modal prompt holds the keyboard (shortcuts other than Save wait for it).
    #[must_use]
    pub fn modal_open(&self) -> bool {
        self.palette.is_some()
            || self.pending.is_some()
            || self.unsaved_prompt.is_some()
            || self.path_prompt.is_some()
            || !self.recovery_offers.is_empty()
            || self.lock_prompt.is_some()
            || self.import_preview.is_some()
            || self.export_csv.is_some()
    }
}
