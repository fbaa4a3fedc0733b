//! The committee's rules over a session: who should step out for a candidate (recusal), who is
//! in the room, and how much of the promotion budget is spent.

use crate::model::committee::{Member, Role, names_match};
use crate::model::decision::Outcome;
use crate::model::ids::{LevelId, PersonId};
use crate::model::person::Person;
use crate::model::session::Session;

/// Where one member stands on one candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecusalLine {
    pub member: String,
    /// Why the app proposes it ("their manager", "proposed them"); empty when the chair added it.
    pub why: String,
    pub state: RecusalState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecusalState {
    /// Proposed by the app; counts as recused until the chair says otherwise.
    Proposed,
    /// The chair confirmed it (or added it, with `reason`).
    Confirmed { reason: String },
    /// The chair kept the member in the room, with the reason.
    Overridden { reason: String },
}

impl RecusalLine {
    #[must_use]
    pub fn recused(&self) -> bool {
        !matches!(self.state, RecusalState::Overridden { .. })
    }
}

/// One line of the budget: what it allows, what is decided and what is still proposed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BudgetLine {
    pub budget: Option<u32>,
    pub decided: u32,
    /// Proposals without a decision yet.
    pub proposed: u32,
}

impl BudgetLine {
    /// How many promotions are left, below zero when over.
    #[must_use]
    pub fn left(self) -> Option<i64> {
        self.budget.map(|b| i64::from(b) - i64::from(self.decided))
    }

    /// "3 of 5 decided · 4 still proposed · 2 left".
    #[must_use]
    pub fn describe(self) -> String {
        let decided = match self.budget {
            Some(b) => format!("{} of {b} decided", self.decided),
            None => format!("{} decided (no budget)", self.decided),
        };
        let left = match self.left() {
            Some(l) if l < 0 => format!(" · {} over", -l),
            Some(l) => format!(" · {l} left"),
            None => String::new(),
        };
        format!("{decided} · {} still proposed{left}", self.proposed)
    }
}

/// The budget as spent: overall and per target level (levels with a budget or a promotion).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BudgetUse {
    pub overall: BudgetLine,
    pub per_level: Vec<(LevelId, BudgetLine)>,
}

/// The budget line of `level`, added when missing.
fn line<'a>(per_level: &'a mut Vec<(LevelId, BudgetLine)>, level: &LevelId) -> &'a mut BudgetLine {
    let i = per_level.iter().position(|(l, _)| l == level).unwrap_or_else(|| {
        per_level.push((level.clone(), BudgetLine::default()));
        per_level.len() - 1
    });
    &mut per_level[i].1
}

impl Session {
    /// The committee member with this name, if listed.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<&Member> {
        self.meeting.members.iter().find(|m| m.name == name)
    }

    /// Members in the room now: arrived and not left, in the order they came.
    #[must_use]
    pub fn present_members(&self) -> Vec<&str> {
        let mut present: Vec<&str> = Vec::new();
        for p in &self.meeting.attendance {
            let here = self.meeting.attendance.iter().rev().find(|q| q.member == p.member);
            if here.is_some_and(|q| q.left.is_none()) && !present.contains(&p.member.as_str()) {
                present.push(&p.member);
            }
        }
        present
    }

    /// The person a manager field names: by employee id, else by name.
    fn manager_of(&self, person: &Person) -> Option<&Person> {
        let manager = person.manager.trim();
        if manager.is_empty() {
            return None;
        }
        // As the import matches managers: by id, by name, and a `Last, First` text by its folded
        // form (the only case that folds every name it compares).
        let by_name = || self.people.iter().find(|p| p.name.trim().eq_ignore_ascii_case(manager));
        let by_parts = || {
            let key = crate::model::reporting::name_key(manager);
            self.people.iter().find(|p| crate::model::reporting::name_key(&p.name) == key)
        };
        self.person(&PersonId::new(manager))
            .or_else(by_name)
            .or_else(|| if manager.contains(',') { by_parts() } else { None })
    }

    /// The members the app proposes to step out for `person`: their manager and anyone above in the
    /// reporting chain who is a member, and whoever proposed them.
    #[must_use]
    pub fn proposed_recusals(&self, person: &PersonId) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let members = &self.meeting.members;
        if members.is_empty() {
            return out;
        }
        let mut add = |member: &Member, why: String| {
            if !out.iter().any(|(m, _)| *m == member.name) {
                out.push((member.name.clone(), why));
            }
        };
        if let Some(candidate) = self.person(person) {
            for member in members.iter().filter(|m| names_match(&m.name, &candidate.name, candidate.id.as_str())) {
                add(member, "the candidate".to_owned());
            }
            let mut seen = vec![candidate.id.clone()];
            let mut at = self.manager_of(candidate);
            let mut step = 0;
            while let Some(manager) = at {
                if seen.contains(&manager.id) {
                    break; // a loop in the roster's reporting lines
                }
                seen.push(manager.id.clone());
                let why = if step == 0 { "their manager".to_owned() } else { format!("{step} above their manager") };
                for member in members.iter().filter(|m| names_match(&m.name, &manager.name, manager.id.as_str())) {
                    add(member, why.clone());
                }
                step += 1;
                at = self.manager_of(manager);
            }
            if at.is_none() && step == 0 && !candidate.manager.is_empty() {
                // A manager the roster does not list as a person: matched by the text itself.
                for member in members.iter().filter(|m| names_match(&m.name, &candidate.manager, "")) {
                    add(member, "their manager".to_owned());
                }
            }
        }
        if let Some(proposal) = self.proposals.get(person) {
            for member in members.iter().filter(|m| names_match(&m.name, &proposal.proposer, "")) {
                add(member, "proposed them".to_owned());
            }
        }
        out
    }

    /// Every member with a recusal on `person`: the app's proposals with the chair's word on each,
    /// then those the chair added.
    #[must_use]
    pub fn recusals_of(&self, person: &PersonId) -> Vec<RecusalLine> {
        let word = |member: &str| self.meeting.recusals.iter().find(|r| &r.person == person && r.member == member);
        let state = |member: &str| match word(member) {
            None => RecusalState::Proposed,
            Some(r) if r.recused => RecusalState::Confirmed { reason: r.reason.clone() },
            Some(r) => RecusalState::Overridden { reason: r.reason.clone() },
        };
        let mut lines: Vec<RecusalLine> = self
            .proposed_recusals(person)
            .into_iter()
            .map(|(member, why)| RecusalLine { state: state(&member), member, why })
            .collect();
        for r in self.meeting.recusals.iter().filter(|r| &r.person == person && r.recused) {
            if !lines.iter().any(|l| l.member == r.member) {
                lines.push(RecusalLine { member: r.member.clone(), why: String::new(), state: state(&r.member) });
            }
        }
        lines
    }

    /// The members who step out for `person`.
    #[must_use]
    pub fn recused_members(&self, person: &PersonId) -> Vec<String> {
        if self.meeting.members.is_empty() && self.meeting.recusals.is_empty() {
            return Vec::new();
        }
        self.recusals_of(person).into_iter().filter(RecusalLine::recused).map(|l| l.member).collect()
    }

    /// Whether `member`'s mark on `person` counts: once the committee is listed, only a voting
    /// member's (chair or member, not an observer, an HR partner or someone outside it — a name a
    /// merge kept apart by file included), and never a recused one's.
    #[must_use]
    pub fn mark_counts(&self, member: &str, person: &PersonId) -> bool {
        let votes = match self.member(member) {
            Some(m) => m.role.votes(),
            None => self.meeting.members.is_empty(),
        };
        votes && !self.recused_members(person).iter().any(|m| m == member)
    }

    /// The promotion budget as spent: decided promotions, proposals still open, per target level.
    #[must_use]
    pub fn budget_use(&self) -> BudgetUse {
        let budget = &self.meeting.budget;
        let mut per_level: Vec<(LevelId, BudgetLine)> = budget
            .per_level
            .iter()
            .map(|(l, &b)| (l.clone(), BudgetLine { budget: Some(b), ..BudgetLine::default() }))
            .collect();
        let mut overall = BudgetLine { budget: budget.overall, ..BudgetLine::default() };
        for decision in self.decisions.values().filter(|d| d.outcome == Outcome::Promote) {
            overall.decided += 1;
            if let Some(level) = &decision.new_level {
                line(&mut per_level, level).decided += 1;
            }
        }
        for (person, proposal) in &self.proposals {
            if !self.decisions.contains_key(person) {
                overall.proposed += 1;
                line(&mut per_level, &proposal.target).proposed += 1;
            }
        }
        per_level.sort_by_key(|(l, _)| self.ladder.rank(l));
        BudgetUse { overall, per_level }
    }

    /// Why promoting `person` to `level` now goes over the budget, if it does (a decision already
    /// counted as a promotion for them is not counted twice).
    #[must_use]
    pub fn over_budget(&self, person: &PersonId, level: &LevelId) -> Option<String> {
        let spent = self.budget_use();
        let already = self.decisions.get(person).filter(|d| d.outcome == Outcome::Promote);
        let mut over = Vec::new();
        if let Some(left) = spent.overall.left() {
            let left = left + i64::from(already.is_some());
            if left < 1 {
                over.push(format!("the cycle's budget of {} is spent", spent.overall.budget.unwrap_or(0)));
            }
        }
        if let Some((_, line)) = spent.per_level.iter().find(|(l, _)| l == level)
            && let Some(left) = line.left()
        {
            let left = left + i64::from(already.is_some_and(|d| d.new_level.as_ref() == Some(level)));
            if left < 1 {
                over.push(format!("the {level} budget of {} is spent", line.budget.unwrap_or(0)));
            }
        }
        (!over.is_empty()).then(|| over.join("; "))
    }

    /// The chair's name, if the committee lists one.
    #[must_use]
    pub fn chair(&self) -> Option<&str> {
        self.meeting.members.iter().find(|m| m.role == Role::Chair).map(|m| m.name.as_str())
    }

    /// The next free action item id.
    #[must_use]
    pub fn next_action_id(&self) -> u64 {
        self.meeting.actions.iter().map(|a| a.id).max().map_or(1, |m| m + 1)
    }
}

/// One voting member's pre-read: the candidates they marked and those still waiting for them
/// (a candidate they are recused for waits for no mark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberProgress {
    pub member: String,
    pub marked: usize,
    /// Candidates they step out for: no mark is asked of them.
    pub recused: usize,
    pub missing: Vec<PersonId>,
}

impl MemberProgress {
    /// "Priya Raman: 1 marked · 9 to mark" (with "· 2 recused" when any).
    #[must_use]
    pub fn summary(&self) -> String {
        let recused = if self.recused > 0 { format!(" · {} recused", self.recused) } else { String::new() };
        let left = if self.missing.is_empty() { "done".to_owned() } else { format!("{} to mark", self.missing.len()) };
        format!("{}: {} marked{recused} · {left}", self.member, self.marked)
    }
}

/// Who has done their pre-read: every voting member against every candidate, and the managers
/// with people on the roster who have recorded nothing in the session (no prep file came in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreReadProgress {
    pub candidates: usize,
    pub members: Vec<MemberProgress>,
    pub silent_managers: Vec<String>,
}

impl PreReadProgress {
    /// The chase list as text to paste into a message.
    #[must_use]
    pub fn chase_list(&self, session: &Session) -> String {
        use std::fmt::Write as _;
        let mut out = format!("Pre-read for {} — {} candidates\n", session.title, self.candidates);
        for m in &self.members {
            let names: Vec<String> = m.missing.iter().map(|p| session.name_of(p)).collect();
            let names = if names.is_empty() { String::new() } else { format!(": {}", names.join(", ")) };
            let _ = writeln!(out, "- {}{names}", m.summary());
        }
        if !self.silent_managers.is_empty() {
            let _ = writeln!(out, "Managers with nothing in the session yet: {}", self.silent_managers.join(", "));
        }
        out
    }
}

impl Session {
    /// Who has marked which candidate, and which managers sent nothing.
    #[must_use]
    pub fn pre_read_progress(&self) -> PreReadProgress {
        let candidates: Vec<&PersonId> = self.proposals.keys().collect();
        let members = self
            .meeting
            .members
            .iter()
            .filter(|m| m.role.votes())
            .map(|m| {
                let (mut marked, mut recused) = (0, 0);
                let mut missing = Vec::new();
                for &c in &candidates {
                    if self.mark_of(&m.name, c).is_some() {
                        marked += 1;
                    } else if self.recused_members(c).contains(&m.name) {
                        recused += 1;
                    } else {
                        missing.push(c.clone());
                    }
                }
                MemberProgress { member: m.name.clone(), marked, recused, missing }
            })
            .collect();
        let actors: std::collections::HashSet<&str> = self.audit.iter().map(|e| e.actor.as_str()).collect();
        let mut managers: Vec<String> = self
            .people
            .iter()
            .map(|p| self.manager_name(p))
            .filter(|m| !m.is_empty() && !actors.contains(m))
            .map(str::to_owned)
            .collect();
        managers.sort();
        managers.dedup();
        PreReadProgress { candidates: candidates.len(), members, silent_managers: managers }
    }
}
