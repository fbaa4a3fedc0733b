//! What the user is looking at (selection, track, search, filters) and the views derived from the
//! session for it. Derived views are rebuilt when the session or the filters change, never per frame.

use crate::model::{LevelId, Person, PersonId, Placement, Session, Track};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::{BTreeSet, HashMap};

/// Where a person is in the calibration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    NoProposal,
    Proposed,
    Decided,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NoProposal, Status::Proposed, Status::Decided];

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Status::NoProposal => "no proposal",
            Status::Proposed => "proposed",
            Status::Decided => "decided",
        }
    }

    /// The status of a person in a session.
    #[must_use]
    pub fn of(session: &Session, id: &PersonId) -> Status {
        if session.decisions.contains_key(id) {
            Status::Decided
        } else if session.proposals.contains_key(id) {
            Status::Proposed
        } else {
            Status::NoProposal
        }
    }
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
}

/// Text being typed in the person panel, kept until it is committed. Reset when the selection changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drafts {
    pub person: Option<PersonId>,
    /// The level whose criteria are compared against the current level.
    pub target: Option<LevelId>,
    pub evidence: HashMap<crate::model::DimensionId, String>,
    /// Evidence links being edited, space-separated, per dimension.
    pub links: HashMap<crate::model::DimensionId, String>,
    pub note: String,
    pub proposal_rationale: String,
    pub outcome: Option<crate::model::Outcome>,
    pub new_level: Option<LevelId>,
    pub decision_rationale: String,
}

impl Drafts {
    /// Compares against `target` from now on, with the evidence texts already recorded for it.
    pub fn set_target(&mut self, session: &Session, person: &PersonId, target: Option<LevelId>) {
        self.evidence.clear();
        if let Some(target) = &target {
            for dimension in &session.ladder.dimensions {
                let text =
                    session.evidence_for(person, target, &dimension.id).map(|e| e.text.clone()).unwrap_or_default();
                self.evidence.insert(dimension.id.clone(), text);
            }
        }
        self.target = target;
    }
}

/// Free text typed in the person panel but not yet added, kept per person across selection changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnsentText {
    pub note: String,
    pub proposal_rationale: String,
    pub decision_rationale: String,
}

impl From<&Drafts> for UnsentText {
    fn from(drafts: &Drafts) -> Self {
        UnsentText {
            note: drafts.note.clone(),
            proposal_rationale: drafts.proposal_rationale.clone(),
            decision_rationale: drafts.decision_rationale.clone(),
        }
    }
}

impl UnsentText {
    /// Puts non-empty unsent text back into freshly made drafts.
    pub fn restore_into(self, drafts: &mut Drafts) {
        for (kept, slot) in [
            (self.note, &mut drafts.note),
            (self.proposal_rationale, &mut drafts.proposal_rationale),
            (self.decision_rationale, &mut drafts.decision_rationale),
        ] {
            if !kept.trim().is_empty() {
                *slot = kept;
            }
        }
    }
}

/// Filters of the History window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryFilter {
    pub person: Option<PersonId>,
    pub author: Option<String>,
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
    /// The History window: open, and its person / author filters.
    pub history: Option<HistoryFilter>,
    pub pending: Option<PendingProposal>,
    /// An action held back until the user says what to do with unsaved changes.
    pub unsaved_prompt: Option<crate::command::Interrupted>,
    /// A recovery file found on start, waiting for Restore or Discard.
    pub recovery_offer: Option<super::autosave::RecoveryOffer>,
    /// A session someone else holds open, waiting for "Open read-only" or Cancel.
    pub lock_prompt: Option<(std::path::PathBuf, crate::io::lock::LockInfo)>,
    pub focus_search: bool,
    /// The window with every line of the status message.
    pub status_details: bool,
    /// Scroll the roster table to the selection on the next frame (set when selecting on the grid).
    pub scroll_to_selected: bool,
    /// Bumped whenever filters or sort change, so derived views know to rebuild.
    pub generation: u64,
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
            history: None,
            pending: None,
            unsaved_prompt: None,
            recovery_offer: None,
            lock_prompt: None,
            focus_search: false,
            status_details: false,
            scroll_to_selected: false,
            generation: 0,
        }
    }
}

/// Views computed from the session and the filters.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    built_from: Option<(u64, u64)>,
    /// Indices into `session.people` that pass the filters, in the table's sort order.
    pub rows: Vec<usize>,
    /// For the shown track: filtered people per (level, band), by name.
    pub cells: HashMap<(LevelId, usize), Vec<usize>>,
    /// Unfiltered head count per level on the shown track.
    pub level_totals: HashMap<LevelId, usize>,
    /// Each manager as the roster gives them, with the name shown for them, sorted by that name.
    pub managers: Vec<(String, String)>,
    pub teams: Vec<String>,
}

impl Derived {
    /// Rebuilds if the session (`session_generation`) or the view changed since the last build.
    pub fn refresh(&mut self, session: &Session, view: &ViewState, session_generation: u64) {
        let key = (session_generation, view.generation);
        if self.built_from == Some(key) {
            return;
        }
        *self = Derived::build(session, view);
        self.built_from = Some(key);
    }

    /// Computes every derived view from scratch.
    #[must_use]
    pub fn build(session: &Session, view: &ViewState) -> Derived {
        let filters = &view.filters;
        let scores = fuzzy_scores(session, &filters.search);
        let mut rows: Vec<usize> = (0..session.people.len())
            .filter(|&i| scores.as_ref().is_none_or(|s| s[i].is_some()))
            .filter(|&i| passes(session, &session.people[i], filters))
            .collect();
        sort_rows(session, &mut rows, view.sort, scores.as_deref(), !filters.search.trim().is_empty());
        let mut cells: HashMap<(LevelId, usize), Vec<usize>> = HashMap::new();
        let mut level_totals: HashMap<LevelId, usize> = HashMap::new();
        for person in session.people.iter().filter(|p| p.track == view.track) {
            *level_totals.entry(session.placement(person).level).or_default() += 1;
        }
        let mut by_name = rows.clone();
        by_name.sort_by(|&a, &b| session.people[a].name.cmp(&session.people[b].name));
        for i in by_name {
            let person = &session.people[i];
            if person.track == view.track {
                let placement = session.placement(person);
                cells.entry((placement.level, placement.band)).or_default().push(i);
            }
        }
        let managers: BTreeSet<(String, String)> = session
            .people
            .iter()
            .filter(|p| !p.manager.is_empty())
            .map(|p| (session.manager_name(p).to_owned(), p.manager.to_string()))
            .collect();
        let teams: BTreeSet<String> =
            session.people.iter().map(|p| p.team.to_string()).filter(|t| !t.is_empty()).collect();
        Derived {
            built_from: None,
            rows,
            cells,
            level_totals,
            managers: managers.into_iter().map(|(name, value)| (value, name)).collect(),
            teams: teams.into_iter().collect(),
        }
    }

    /// People in one cell of the grid.
    #[must_use]
    pub fn cell(&self, level: &LevelId, band: usize) -> &[usize] {
        self.cells.get(&(level.clone(), band)).map_or(&[], Vec::as_slice)
    }
}

fn passes(session: &Session, person: &Person, filters: &Filters) -> bool {
    filters.manager.as_ref().is_none_or(|m| person.manager == m)
        && filters.team.as_ref().is_none_or(|t| person.team == t)
        && filters.level.as_ref().is_none_or(|l| &person.level == l)
        && filters.track.is_none_or(|t| person.track == t)
        && filters.status.is_none_or(|s| Status::of(session, &person.id) == s)
}

/// Fuzzy match scores per person over name, id, manager and team; `None` when there is no query.
fn fuzzy_scores(session: &Session, query: &str) -> Option<Vec<Option<u32>>> {
    if query.trim().is_empty() {
        return None;
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut buffer = Vec::new();
    let mut text = String::new();
    Some(
        session
            .people
            .iter()
            .map(|p| {
                text.clear();
                for part in [p.name.as_str(), p.id.as_str(), session.manager_name(p), p.team.as_str()] {
                    text.push_str(part);
                    text.push(' ');
                }
                pattern.score(Utf32Str::new(&text, &mut buffer), &mut matcher)
            })
            .collect(),
    )
}

fn sort_rows(
    session: &Session,
    rows: &mut [usize],
    sort: (SortColumn, bool),
    scores: Option<&[Option<u32>]>,
    by_score: bool,
) {
    let people = &session.people;
    let rank = |i: usize| session.ladder.rank(&people[i].level).unwrap_or(0);
    rows.sort_by(|&a, &b| {
        let (pa, pb) = (&people[a], &people[b]);
        let ordering = match sort.0 {
            SortColumn::Name => pa.name.cmp(&pb.name),
            SortColumn::Level => (pa.track, rank(a)).cmp(&(pb.track, rank(b))).then_with(|| pa.name.cmp(&pb.name)),
            SortColumn::Manager => {
                session.manager_name(pa).cmp(session.manager_name(pb)).then_with(|| pa.name.cmp(&pb.name))
            }
            SortColumn::Team => pa.team.cmp(&pb.team).then_with(|| pa.name.cmp(&pb.name)),
        };
        let ordering = if sort.1 { ordering } else { ordering.reverse() };
        match (by_score, scores) {
            (true, Some(s)) => s[b].cmp(&s[a]).then(ordering),
            _ => ordering,
        }
    });
}
