//! Blind mode: names, managers, teams and e-mail addresses replaced by stable codes, so a committee
//! judges the evidence rather than the person ("Candidate 07", "Manager C", "Team 2"). Codes follow
//! the sorted ids and names, so they stay the same from one frame, filter or export to the next. The
//! screens and the exports draw from a blinded copy of the session; the session itself is untouched.

use super::extra_cells::ExtraCells;
use super::ids::PersonId;
use super::person::Person;
use super::session::Session;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{BTreeSet, HashMap};

/// Shown in place of an e-mail address.
pub const HIDDEN_EMAIL: &str = "(e-mail hidden)";
/// Shown in place of an evidence link.
pub const HIDDEN_LINK: &str = "(link hidden in blind mode)";

/// The codes for one session.
pub struct Blinding {
    people: HashMap<PersonId, String>,
    teams: HashMap<String, String>,
    /// Every real name (people, managers outside the roster, teams, authors) and its code, for
    /// replacing them inside free text; longest names win where names overlap.
    finder: Option<AhoCorasick>,
    replacements: Vec<String>,
    /// Which names count only where they stand as a word (a first name alone: "Bo" is not in
    /// "Bolivia"); whole names count wherever they stand (in "Sven Olsens", in "田中さん").
    word_only: Vec<bool>,
    actors: HashMap<String, String>,
}

impl Blinding {
    /// Codes for everyone in `session`.
    #[must_use]
    pub fn new(session: &Session) -> Self {
        let managers: BTreeSet<&str> =
            session.people.iter().map(|p| session.manager_name(p)).filter(|m| !m.is_empty()).collect();
        let mut ids: Vec<&Person> = session.people.iter().collect();
        ids.sort_by(|a, b| a.id.cmp(&b.id));
        let width = session.people.len().to_string().len().max(2);
        let mut people = HashMap::new();
        let mut by_name: HashMap<String, String> = HashMap::new();
        let (mut candidate, mut manager) = (0, 0);
        for person in ids {
            let code = if managers.contains(person.name.as_str()) {
                manager += 1;
                format!("Manager {}", letters(manager))
            } else {
                candidate += 1;
                format!("Candidate {candidate:0width$}")
            };
            by_name.entry(person.name.to_string()).or_insert_with(|| code.clone());
            people.insert(person.id.clone(), code);
        }
        // Managers named in the roster but not on it.
        for name in managers {
            if !by_name.contains_key(name) {
                manager += 1;
                by_name.insert(name.to_owned(), format!("Manager {}", letters(manager)));
            }
        }
        let team_names: BTreeSet<&str> =
            session.people.iter().map(|p| p.team.as_str()).filter(|t| !t.is_empty()).collect();
        let teams: HashMap<String, String> =
            team_names.iter().enumerate().map(|(i, t)| ((*t).to_owned(), format!("Team {}", i + 1))).collect();
        // Authors of changes and notes: a person's own code, else "Member N".
        let mut authors: BTreeSet<&str> = session.audit.iter().map(|e| e.actor.as_str()).collect();
        authors.extend(session.notes.iter().map(|n| n.author.as_str()));
        authors.extend(session.proposals.values().map(|p| p.proposer.as_str()));
        authors.extend(session.decisions.values().map(|d| d.decided_by.as_str()));
        authors.extend(session.marks.iter().map(|m| m.member.as_str()));
        authors.extend(session.meeting.members.iter().map(|m| m.name.as_str()));
        let mut actors = HashMap::new();
        let mut member = 0;
        for author in authors.into_iter().filter(|a| !a.is_empty()) {
            let code = by_name.get(author).cloned().unwrap_or_else(|| {
                member += 1;
                format!("Member {member}")
            });
            actors.insert(author.to_owned(), code);
        }
        let mut pairs: Vec<(String, String)> = by_name.into_iter().collect();
        pairs.extend(teams.iter().map(|(t, c)| (t.clone(), c.clone())));
        pairs.extend(actors.iter().map(|(a, c)| (a.clone(), c.clone())));
        // Whole names are replaced wherever they stand; a first name alone only as a word.
        let mut pairs: Vec<(String, String, bool)> = pairs.into_iter().map(|(n, c)| (n, c, false)).collect();
        let whole: Vec<(String, String)> = pairs.iter().map(|(n, c, _)| (n.clone(), c.clone())).collect();
        pairs.extend(first_names(&whole).into_iter().map(|(n, c)| (n, c, true)));
        pairs.retain(|(name, ..)| name.chars().count() >= 2);
        pairs.sort();
        pairs.dedup_by(|a, b| a.0 == b.0);
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(pairs.iter().map(|(name, ..)| name.as_str()))
            .ok();
        let word_only = pairs.iter().map(|(.., word)| *word).collect();
        let replacements = pairs.into_iter().map(|(_, code, _)| code).collect();
        Blinding { people, teams, finder, replacements, word_only, actors }
    }

    /// The person's code.
    #[must_use]
    pub fn person(&self, id: &PersonId) -> &str {
        self.people.get(id).map_or("Candidate", String::as_str)
    }

    /// A team's code.
    #[must_use]
    pub fn team(&self, team: &str) -> String {
        if team.is_empty() { String::new() } else { self.teams.get(team).cloned().unwrap_or_else(|| "Team".to_owned()) }
    }

    /// An author's code.
    #[must_use]
    pub fn actor(&self, actor: &str) -> String {
        if actor.is_empty() {
            String::new()
        } else {
            self.actors.get(actor).cloned().unwrap_or_else(|| "Member".to_owned())
        }
    }

    /// Free text with every known name (full, or a first name alone) replaced by its code where it
    /// stands as a word, and e-mail addresses hidden.
    #[must_use]
    pub fn text(&self, text: &str) -> String {
        let replaced = match &self.finder {
            Some(finder) => {
                let mut out = String::with_capacity(text.len());
                let mut at = 0;
                for found in finder.find_iter(text) {
                    let pattern = found.pattern().as_usize();
                    if self.word_only[pattern] && !stands_as_a_word(text, found.start(), found.end()) {
                        continue; // "Bo" inside "Bolivia" is not a name
                    }
                    out.push_str(&text[at..found.start()]);
                    out.push_str(&self.replacements[pattern]);
                    at = found.end();
                }
                out.push_str(&text[at..]);
                out
            }
            None => text.to_owned(),
        };
        if !replaced.contains('@') {
            return replaced;
        }
        replaced
            .split(' ')
            .map(|word| if word.contains('@') && word.contains('.') { HIDDEN_EMAIL } else { word })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The committee's names and the minutes' text, coded.
    fn meeting(&self, meeting: &mut super::meeting::Meeting) {
        for member in &mut meeting.members {
            member.name = self.actor(&member.name);
        }
        for presence in &mut meeting.attendance {
            presence.member = self.actor(&presence.member);
        }
        for recusal in &mut meeting.recusals {
            recusal.member = self.actor(&recusal.member);
            recusal.reason = self.text(&recusal.reason);
        }
        for action in &mut meeting.actions {
            action.text = self.text(&action.text);
            action.owner = self.text(&action.owner);
        }
        for deferral in &mut meeting.deferrals {
            deferral.note = self.text(&deferral.note);
        }
    }

    /// A blinded copy for what leaves the app (exports, letters, minutes): as `apply`, and each
    /// employee id replaced by the person's code, so no file name or column gives anyone away.
    #[must_use]
    pub fn apply_for_export(&self, session: &Session) -> Session {
        let mut shown = self.apply(session);
        let code = |id: &PersonId| PersonId::new(self.person(id).replace(' ', "-"));
        for person in &mut shown.people {
            person.id = code(&person.id);
        }
        shown.placements = recode_map(std::mem::take(&mut shown.placements), &code);
        shown.proposals = recode_map(std::mem::take(&mut shown.proposals), &code);
        shown.decisions = recode_map(std::mem::take(&mut shown.decisions), &code);
        for e in &mut shown.evidence {
            e.person = code(&e.person);
        }
        shown.evidence.sort_by(|a, b| (&a.person, &a.level, &a.dimension).cmp(&(&b.person, &b.level, &b.dimension)));
        for n in &mut shown.notes {
            n.person = code(&n.person);
        }
        for m in &mut shown.marks {
            m.person = code(&m.person);
        }
        for e in &mut shown.audit {
            if let Some(p) = &mut e.person {
                *p = code(p);
            }
        }
        for c in &mut shown.conflicts {
            c.person = code(&c.person);
        }
        let meeting = &mut shown.meeting;
        meeting.order = meeting.order.iter().map(&code).collect();
        for r in &mut meeting.recusals {
            r.person = code(&r.person);
        }
        for a in &mut meeting.actions {
            a.person = a.person.as_ref().map(&code);
        }
        for d in &mut meeting.deferrals {
            d.person = code(&d.person);
        }
        shown.reindex();
        shown
    }

    /// A blinded copy of `session`: what the screens and exports show while blind mode is on.
    #[must_use]
    pub fn apply(&self, session: &Session) -> Session {
        let mut shown = session.clone();
        let manager_of: Vec<String> = session
            .people
            .iter()
            .map(|p| {
                let name = session.manager_name(p);
                if name.is_empty() { String::new() } else { self.text(name) }
            })
            .collect();
        for (person, manager) in shown.people.iter_mut().zip(manager_of) {
            person.name = self.person(&person.id).into();
            person.manager = manager.into();
            person.team = self.team(&person.team).into();
            person.originals.clear();
            let values: Vec<String> = person
                .extra
                .iter()
                .map(|v| if v.contains('@') { HIDDEN_EMAIL.to_owned() } else { self.text(v) })
                .collect();
            if !values.is_empty() {
                person.extra = ExtraCells::from_values(values.iter().map(String::as_str));
            }
        }
        for note in &mut shown.notes {
            note.text = self.text(&note.text);
            note.author = self.actor(&note.author);
        }
        for proposal in shown.proposals.values_mut() {
            proposal.rationale = self.text(&proposal.rationale);
            proposal.proposer = self.actor(&proposal.proposer);
        }
        for decision in shown.decisions.values_mut() {
            decision.rationale = self.text(&decision.rationale);
            decision.decided_by = self.actor(&decision.decided_by);
        }
        for mark in &mut shown.marks {
            mark.member = self.actor(&mark.member);
            mark.comment = self.text(&mark.comment);
        }
        for evidence in &mut shown.evidence {
            evidence.text = self.text(&evidence.text);
            // A link names its author more often than not (a profile, a repository, a mail).
            for link in &mut evidence.links {
                HIDDEN_LINK.clone_into(link);
            }
        }
        for event in &mut shown.audit {
            event.actor = self.actor(&event.actor);
            event.from = self.text(&event.from);
            event.to = self.text(&event.to);
            event.why = self.text(&event.why);
        }
        self.meeting(&mut shown.meeting);
        for decision in shown.decisions.values_mut() {
            for name in decision.present.iter_mut().chain(decision.recused.iter_mut()) {
                *name = self.actor(name);
            }
            decision.over_budget = self.text(&decision.over_budget);
        }
        for conflict in &mut shown.conflicts {
            for option in &mut conflict.options {
                option.author = self.actor(&option.author);
                if let super::conflict::ConflictValue::Record(p) = &mut option.value {
                    p.name = self.person(&p.id).into();
                    p.manager = self.text(&p.manager).into();
                    p.team = self.team(&p.team).into();
                }
            }
        }
        shown.reindex();
        shown
    }
}

/// Whether `text[start..end]` stands as a word: no letter of a script written with spaces
/// (one with upper and lower case) runs on from it, but for a genitive `s` ("Svens Arbeit").
fn stands_as_a_word(text: &str, start: usize, end: usize) -> bool {
    let cased = |c: char| c.is_alphanumeric() && (c.is_lowercase() || c.is_uppercase() || c.is_ascii_digit());
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let next = after.next();
    let genitive = matches!(next, Some('s')) && !after.next().is_some_and(cased);
    !before.is_some_and(cased) && (genitive || !next.is_some_and(cased))
}

fn recode_map<V>(
    map: std::collections::BTreeMap<PersonId, V>,
    code: &dyn Fn(&PersonId) -> PersonId,
) -> std::collections::BTreeMap<PersonId, V> {
    map.into_iter().map(|(k, v)| (code(&k), v)).collect()
}

/// Each name's first word alone ("Sven" of "Sven Olsen"), with the name's code where only one name
/// starts with it, else a neutral word: a shared first name cannot say who is meant.
fn first_names(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let mut by_first: HashMap<&str, Vec<&str>> = HashMap::new();
    for (name, code) in pairs {
        let mut words = name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next())
            && first.chars().count() >= 2
            && first.chars().next().is_some_and(char::is_uppercase)
        {
            let codes = by_first.entry(first).or_default();
            if !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
    }
    let full: BTreeSet<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
    by_first
        .into_iter()
        .filter(|(first, _)| !full.contains(first))
        .map(|(first, codes)| {
            let code = if codes.len() == 1 { codes[0].to_owned() } else { "(name hidden)".to_owned() };
            (first.to_owned(), code)
        })
        .collect()
}

/// A, B, … Z, AA, AB, …
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + u8::try_from(n % 26).unwrap_or(0));
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Note;

    fn person(id: &str, name: &str, manager: &str, team: &str) -> Person {
        let mut person = Person::for_tests(id, name, manager, team, "P2");
        person.extra = ExtraCells::from_values(["ada@example.com", "Lisbon"]);
        person
    }

    #[test]
    fn codes_follow_ids_and_names_and_free_text_is_blinded() {
        let ladder = crate::io::ladder_ron::default_ladder();
        let mut session = Session::new(
            "t",
            ladder,
            vec![
                person("2", "Ada Park", "Grace Hopper", "Payments"),
                person("1", "Grace Hopper", "", "Platform"),
                person("3", "Bo Li", "Grace Hopper", "Payments"),
            ],
        );
        session.notes.push(Note {
            id: 1,
            person: PersonId::new("2"),
            at: jiff::Timestamp::UNIX_EPOCH,
            author: "Grace Hopper".into(),
            text: "Ada Park led Payments; ask ada.park@example.com".into(),
        });
        let blinding = Blinding::new(&session);
        // Ids sorted: 1 (a manager) is Manager A; 2 and 3 are candidates 01 and 02.
        assert_eq!(blinding.person(&PersonId::new("1")), "Manager A");
        assert_eq!(blinding.person(&PersonId::new("2")), "Candidate 01");
        assert_eq!(blinding.person(&PersonId::new("3")), "Candidate 02");
        let shown = blinding.apply(&session);
        let ada = shown.person(&PersonId::new("2")).expect("Ada");
        assert_eq!(
            (ada.name.as_str(), ada.manager.as_str(), ada.team.as_str()),
            ("Candidate 01", "Manager A", "Team 1")
        );
        assert_eq!(ada.extra.get(0), HIDDEN_EMAIL);
        assert_eq!(ada.extra.get(1), "Lisbon");
        assert_eq!(shown.notes[0].text, "Candidate 01 led Team 1; ask (e-mail hidden)");
        assert_eq!(shown.notes[0].author, "Manager A");
        assert_eq!(letters(1), "A");
        assert_eq!(letters(27), "AA");
    }
}
