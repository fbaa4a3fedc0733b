//! Views derived from the session for what the user is looking at: the filtered, sorted list, the
//! grid's cells, the filter choices. Rebuilt when the session or the filters change, never per frame.

use super::state::{Filters, SortColumn, ViewState};
use crate::model::{LevelId, Person, Session, Status, Track};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::collections::{BTreeSet, HashMap};

/// The parts of the view that derived views depend on (besides the session's revision).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltFor {
    filters: Filters,
    sort: (SortColumn, bool),
    track: Track,
}

impl BuiltFor {
    /// The filters, sort and track `view` shows.
    #[must_use]
    pub fn of(view: &ViewState) -> Self {
        BuiltFor { filters: view.filters.clone(), sort: view.sort, track: view.track }
    }
}

/// Views computed from the session and the filters.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// Indices into `session.people` that pass the filters, in the table's sort order.
    pub rows: Vec<usize>,
    /// For the shown track: filtered people per (level, band), by name.
    pub cells: HashMap<(LevelId, usize), Vec<usize>>,
    /// Unfiltered head count per level on the shown track.
    pub level_totals: HashMap<LevelId, usize>,
    /// Each manager as the roster gives them, with the name shown for them, sorted by that name.
    pub managers: Vec<(String, String)>,
    pub teams: Vec<String>,
    /// Levels of the shown track whose spread over the bands strays from the chair's target (only
    /// once the chair has set one), with the verdict in words.
    pub flagged: HashMap<LevelId, String>,
    /// Managers (as the roster names them) whose people's spread over the bands, all levels of the
    /// shown track together, strays from the chair's target, with the verdict in words.
    pub flagged_managers: HashMap<String, String>,
}

impl Derived {
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
            rows,
            cells,
            level_totals,
            managers: managers.into_iter().map(|(name, value)| (value, name)).collect(),
            teams: teams.into_iter().collect(),
            flagged: flagged_levels(session, view.track),
            flagged_managers: flagged_managers(session, view.track),
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
    // A number in the query is a part of an id or name as typed ("nakamura 77"), not any 7 and
    // another 7 scattered through the text.
    let atoms: Vec<String> = query
        .split_whitespace()
        .map(|atom| if atom.chars().all(|c| c.is_ascii_digit()) { format!("'{atom}") } else { atom.to_owned() })
        .collect();
    let pattern = Pattern::parse(&atoms.join(" "), CaseMatching::Ignore, Normalization::Smart);
    let exact = query.trim();
    let exact_lower = exact.to_lowercase();
    let mut buffer = Vec::new();
    let mut text = String::new();
    Some(
        session
            .people
            .iter()
            .map(|p| {
                // The exact id or full name first, whatever the fuzzy score says.
                let same_name = p.name.len().abs_diff(exact.len()) <= 4 && p.name.to_lowercase() == exact_lower;
                if p.id.as_str().eq_ignore_ascii_case(exact) || same_name {
                    return Some(u32::MAX);
                }
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

/// The chair's target, or the default one Fairness uses until a target is set.
fn target_or_default(session: &Session) -> crate::model::fairness::BandTargets {
    session
        .band_targets
        .clone()
        .unwrap_or_else(|| crate::model::fairness::BandTargets::default_for(session.ladder.bands.len()))
}

/// Levels whose spread strays from the chair's target (or the default one), with the reason.
fn flagged_levels(session: &Session, track: Track) -> HashMap<LevelId, String> {
    use crate::model::fairness::{Group, Verdict, figures::describe, verdict};
    // The default target (20 / 60 / 20) flags as Fairness judges by it, before any is set.
    let targets = &target_or_default(session);
    session
        .distribution(track, &Group::Everyone)
        .into_iter()
        .filter_map(|(level, spread)| {
            let v = verdict(&spread, targets);
            matches!(v, Verdict::Strays(_)).then(|| (level, describe(&v, &session.ladder.bands)))
        })
        .collect()
}

/// Managers whose people's spread over the bands strays from the chair's target, with the reason.
fn flagged_managers(session: &Session, track: Track) -> HashMap<String, String> {
    use crate::model::fairness::{Spread, Verdict, figures::describe, verdict};
    let targets = &target_or_default(session);
    let bands = session.ladder.bands.len();
    let mut spreads: HashMap<&str, Spread> = HashMap::new();
    for person in session.people.iter().filter(|p| p.track == track && !p.manager.is_empty()) {
        let spread = spreads.entry(person.manager.as_str()).or_insert_with(|| Spread { counts: vec![0; bands] });
        if let Some(count) = spread.counts.get_mut(session.placement(person).band) {
            *count += 1;
        }
    }
    spreads
        .into_iter()
        .filter_map(|(manager, spread)| {
            let v = verdict(&spread, targets);
            matches!(v, Verdict::Strays(_)).then(|| (manager.to_owned(), describe(&v, &session.ladder.bands)))
        })
        .collect()
}

#[cfg(test)]
mod search_tests {
    use super::fuzzy_scores;

    #[test]
    fn a_number_matches_as_typed_and_an_exact_id_or_name_comes_first() {
        let session = crate::app::sample_session();
        let scores = fuzzy_scores(&session, "2001").expect("a query");
        let matched: Vec<&str> =
            session.people.iter().zip(&scores).filter(|(_, s)| s.is_some()).map(|(p, _)| p.id.as_str()).collect();
        assert_eq!(matched, ["E2001"], "not every id with a 2, a 0 and a 1 in it");
        let scores = fuzzy_scores(&session, "ada park").expect("a query");
        let best = session.people.iter().zip(&scores).max_by_key(|(_, s)| **s).map(|(p, _)| p.name.as_str());
        assert_eq!(best, Some("Ada Park"));
        let ada = session.people.iter().position(|p| p.name == "Ada Park").expect("Ada");
        assert_eq!(scores[ada], Some(u32::MAX), "the exact name ranks above any fuzzy score");
    }
}
