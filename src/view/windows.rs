//! The windows over the board, each with the state it owns while open: the agenda, the
//! presenter view, Fairness, Compare, History, a crowded cell's list, the open items and help.
//! Their figures are not here: the app computes them (`view::Caches`) for what these say.

use crate::model::PersonId;

/// Which windows are open, and each one's own state.
#[derive(Clone, Debug, Default)]
pub struct Windows {
    /// The meeting agenda window: open, and its order.
    pub agenda: Option<crate::model::meeting::AgendaOrder>,
    /// The committee window (members, attendance, recusals, budget, minutes), while open.
    pub committee: Option<CommitteeState>,
    /// File → Preferences (your name), while open.
    pub preferences: Option<PreferencesState>,
    /// The presenter view, while the meeting is on a candidate.
    pub presenter: Option<Presenter>,
    /// The help window's page, while open.
    pub help: Option<HelpPage>,
    /// The Fairness window, while open.
    pub fairness: Option<FairnessState>,
    /// The window of open items (disagreements between merged prep files).
    pub open_items: bool,
    /// The History window: open, and its person / author filters.
    pub history: Option<HistoryFilter>,
    /// A crowded cell's full list, while open.
    pub cell_list: Option<CellList>,
    /// The comparison window, while open.
    pub compare: Option<CompareState>,
    /// People Ctrl+clicked for comparison (kept while the window is closed).
    pub compare_marks: Vec<crate::model::PersonId>,
}

/// What the committee window holds while it is open: its forms' text.
#[derive(Clone, Debug, Default)]
pub struct CommitteeState {
    pub new_member: String,
    pub new_role: crate::model::committee::Role,
    /// The candidate whose recusals and deferral the window shows.
    pub candidate: Option<PersonId>,
    pub recusal_reason: String,
    /// Whether the budget fields were filled from the session yet.
    pub budget_filled: bool,
    pub budget_overall: String,
    pub budget_levels: std::collections::BTreeMap<crate::model::LevelId, String>,
    pub effective: String,
    pub action_text: String,
    pub action_owner: String,
    pub action_due: String,
    pub action_about_candidate: bool,
    pub defer_until: String,
    pub defer_note: String,
    /// The letter template being edited: for which outcome, and its text.
    pub template_outcome: Option<crate::model::Outcome>,
    pub template_text: String,
}

/// The preferences window's form: the name being typed, and whether this is the first start.
#[derive(Clone, Debug, Default)]
pub struct PreferencesState {
    pub name: String,
    pub first_start: bool,
    /// Whether the name field has had the keyboard once (it takes it when the window opens).
    pub focused: bool,
}

/// Filters of the History window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryFilter {
    pub person: Option<PersonId>,
    pub author: Option<String>,
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
    pub reasons: Vec<crate::model::decision::Reason>,
    /// Why a promotion goes over the budget, when it does.
    pub over_budget: String,
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
