//! The rules of the model: every change is checked, applied with an audit event, and undoable.

use jiff::Timestamp;
use ladderboard::io::ladder_ron::{DEFAULT_LADDER_RON, default_ladder, parse_ladder};
use ladderboard::model::validate::{ladder_problems, session_problems};
use ladderboard::model::{
    Change, Decision, LevelId, LevelMatcher, Note, Outcome, Person, PersonId, Placement, Proposal, Rating, RuleError,
    Session, Track,
};
use std::path::Path;

fn person(id: &str, level: &str, track: Track) -> Person {
    Person {
        id: PersonId::new(id),
        name: format!("Person {id}").into(),
        manager: "M".into(),
        team: "T".into(),
        track,
        level: LevelId::new(level),
        start_date: None,
        level_since: None,
        extra: ladderboard::model::ExtraColumns::new(),
        originals: Vec::new(),
    }
}

fn session() -> Session {
    Session::new(
        "test",
        default_ladder(),
        vec![person("ada", "P3", Track::IndividualContributor), person("em", "M2", Track::Management)],
    )
}

const T: Timestamp = Timestamp::UNIX_EPOCH;

fn proposal(target: &str, rationale: &str) -> Proposal {
    Proposal {
        target: LevelId::new(target),
        rationale: rationale.to_owned(),
        proposer: "mgr".to_owned(),
        proposed_at: T,
    }
}

fn decision(outcome: Outcome, new_level: Option<&str>, rationale: &str) -> Decision {
    Decision::new(outcome, new_level.map(LevelId::new), rationale, "chair", T)
}

#[test]
fn default_ladder_is_valid_and_complete() {
    let ladder = parse_ladder(DEFAULT_LADDER_RON, Path::new("engineering.ron")).expect("valid");
    assert!(ladder_problems(&ladder).is_empty());
    let ic: Vec<&str> = ladder.track_levels(Track::IndividualContributor).map(|l| l.id.as_str()).collect();
    assert_eq!(ic, ["P1", "P2", "P3", "P4", "P5", "P6"]);
    assert_eq!(ladder.track_levels(Track::Management).count(), 5);
    assert!(ladder.dimensions.len() >= 5);
    for level in &ladder.levels {
        assert_eq!(level.criteria.len(), ladder.dimensions.len(), "{}", level.id);
    }
    assert!(ladder.equivalents(&LevelId::new("P5")).contains(&&LevelId::new("M3")));
}

#[test]
fn levels_match_by_id_title_alias_and_job_title() {
    let ladder = default_ladder();
    let matcher = LevelMatcher::new(&ladder);
    for (text, id) in [
        ("P3", "P3"),
        ("p3", "P3"),
        ("Senior", "P3"),
        ("SENIOR SOFTWARE ENGINEER", "P3"),
        ("L5", "P3"),
        ("e5", "P3"),
        ("Staff", "P5"),
        ("L6", "P5"),
        ("Principal Engineer", "P6"),
        ("E7", "P6"),
        ("Junior", "P1"),
        ("Software Engineer II", "P2"),
        ("Senior+", "P4"),
        ("Engineering Manager", "M2"),
        ("Director of Engineering", "M4"),
        ("VP", "M5"),
    ] {
        assert_eq!(matcher.find(text).map(LevelId::as_str), Some(id), "{text}");
    }
    assert_eq!(matcher.find("Wizard"), None);
    assert_eq!(matcher.find("Software Engineer"), None, "a bare job title names no level");
}

#[test]
fn ladder_validation_catches_broken_ladders() {
    let mut ladder = default_ladder();
    ladder.levels[1].id = LevelId::new("P1");
    ladder.levels[2].criteria.pop();
    ladder.bands.clear();
    let problems = ladder_problems(&ladder).join("\n");
    assert!(problems.contains("appears twice"), "{problems}");
    assert!(problems.contains("no criterion for dimension"), "{problems}");
    assert!(problems.contains("bands"), "{problems}");
    let error = parse_ladder("(name: \"x\"", Path::new("mine.ron")).expect_err("syntax");
    assert!(error.to_string().contains("mine.ron: 1 problem"), "{error}");
}

#[test]
fn moves_are_audited_and_undone_by_their_inverse() {
    let mut s = session();
    let before = s.clone();
    let ada = PersonId::new("ada");
    let applied = s
        .apply(
            Change::Place { person: ada.clone(), placement: Some(Placement { level: LevelId::new("P4"), band: 0 }) },
            "mgr",
            T,
        )
        .expect("ok");
    assert_eq!(applied.event.summary("Person ada"), "move Person ada: P3 solid → P4 developing");
    assert_eq!(applied.event.seq, 1);
    assert_eq!(s.audit.len(), 1);
    s.apply(applied.inverse, "mgr", T).expect("undo");
    assert_eq!(s.placements, before.placements);
    assert_eq!(s.audit.len(), 2, "undo is itself audited");
}

#[test]
fn placement_must_stay_on_the_persons_track_and_bands() {
    let mut s = session();
    let ada = PersonId::new("ada");
    let err = s.apply(
        Change::Place { person: ada.clone(), placement: Some(Placement { level: LevelId::new("M3"), band: 1 }) },
        "m",
        T,
    );
    assert!(matches!(err, Err(RuleError::WrongTrack { .. })));
    let err = s.apply(
        Change::Place { person: ada.clone(), placement: Some(Placement { level: LevelId::new("P4"), band: 7 }) },
        "m",
        T,
    );
    assert!(matches!(err, Err(RuleError::BandOutOfRange { band: 7, bands: 3 })));
    let err = s.apply(Change::Place { person: PersonId::new("nobody"), placement: None }, "m", T);
    assert!(matches!(err, Err(RuleError::UnknownPerson(_))));
    assert!(s.audit.is_empty(), "failed changes leave no trace");
}

#[test]
fn proposals_need_a_higher_level_on_the_track_and_a_rationale() {
    let mut s = session();
    let ada = PersonId::new("ada");
    let propose = |p| Change::Propose { person: PersonId::new("ada"), proposal: Some(p) };
    assert!(matches!(s.apply(propose(proposal("P9", "x")), "m", T), Err(RuleError::UnknownLevel { .. })));
    assert!(matches!(s.apply(propose(proposal("M3", "x")), "m", T), Err(RuleError::WrongTrack { .. })));
    assert!(matches!(s.apply(propose(proposal("P2", "x")), "m", T), Err(RuleError::NotAbove { .. })));
    assert!(matches!(s.apply(propose(proposal("P4", "  ")), "m", T), Err(RuleError::MissingRationale { .. })));
    let applied = s.apply(propose(proposal("P4", "leads the team's design")), "m", T).expect("ok");
    assert_eq!(applied.event.why, "leads the team's design");
    assert_eq!(s.proposals[&ada].target.as_str(), "P4");
    s.apply(applied.inverse, "m", T).expect("withdraw");
    assert!(s.proposals.is_empty());
}

#[test]
fn decisions_need_a_rationale_and_a_consistent_level() {
    let mut s = session();
    let decide = |d| Change::Decide { person: PersonId::new("ada"), decision: Some(d) };
    assert!(matches!(
        s.apply(decide(decision(Outcome::Hold, None, "")), "c", T),
        Err(RuleError::MissingRationale { .. })
    ));
    assert!(matches!(
        s.apply(decide(decision(Outcome::Promote, None, "x")), "c", T),
        Err(RuleError::NewLevelRequired(_))
    ));
    assert!(matches!(
        s.apply(decide(decision(Outcome::Promote, Some("P2"), "x")), "c", T),
        Err(RuleError::NotAbove { .. })
    ));
    assert!(matches!(
        s.apply(decide(decision(Outcome::Hold, Some("P4"), "x")), "c", T),
        Err(RuleError::NewLevelNotAllowed(_))
    ));
    assert!(matches!(
        s.apply(decide(decision(Outcome::LevelAdjust, Some("P3"), "x")), "c", T),
        Err(RuleError::SameLevel { .. })
    ));
    s.apply(decide(decision(Outcome::LevelAdjust, Some("M2"), "moving to management")), "c", T)
        .expect("adjust across tracks");
    let applied =
        s.apply(decide(decision(Outcome::Promote, Some("P4"), "evidence meets P4")), "c", T).expect("promote");
    assert_eq!(applied.event.from, "level adjust M2");
    assert_eq!(applied.event.to, "promote P4");
}

#[test]
fn evidence_is_set_replaced_and_removed() {
    let mut s = session();
    let ada = PersonId::new("ada");
    let set = |rating, text: &str| Change::SetEvidence {
        person: PersonId::new("ada"),
        level: LevelId::new("P4"),
        dimension: "scope".into(),
        rating,
        text: text.to_owned(),
        links: Vec::new(),
    };
    let first = s.apply(set(Some(Rating::Meets), "owns billing"), "m", T).expect("ok");
    let second = s.apply(set(Some(Rating::Exceeds), "owns billing and search"), "m", T).expect("ok");
    assert_eq!(
        s.evidence_for(&ada, &LevelId::new("P4"), &"scope".into()).and_then(|e| e.rating),
        Some(Rating::Exceeds)
    );
    s.apply(second.inverse, "m", T).expect("undo");
    assert_eq!(s.evidence_for(&ada, &LevelId::new("P4"), &"scope".into()).and_then(|e| e.rating), Some(Rating::Meets));
    s.apply(first.inverse, "m", T).expect("undo");
    assert!(s.evidence.is_empty(), "undoing the first rating removes the entry");
    let bad = Change::SetEvidence {
        person: ada,
        level: LevelId::new("P4"),
        dimension: "charisma".into(),
        rating: None,
        text: "x".into(),
        links: vec![],
    };
    assert!(matches!(s.apply(bad, "m", T), Err(RuleError::UnknownCriterion { .. })));
}

#[test]
fn notes_need_text_and_unique_ids() {
    let mut s = session();
    let note = |id, text: &str| Note { id, person: PersonId::new("ada"), at: T, author: "m".into(), text: text.into() };
    assert!(matches!(s.apply(Change::AddNote(note(1, " ")), "m", T), Err(RuleError::EmptyNote)));
    let added = s.apply(Change::AddNote(note(1, "strong design review")), "m", T).expect("ok");
    assert!(matches!(s.apply(Change::AddNote(note(1, "again")), "m", T), Err(RuleError::DuplicateNote(1))));
    assert_eq!(s.next_note_id(), 2);
    let removed = s.apply(added.inverse, "m", T).expect("undo");
    assert!(s.notes.is_empty());
    assert_eq!(removed.event.person, Some(PersonId::new("ada")), "removal stays attributed to the person");
}

#[test]
fn replaying_the_audit_log_reproduces_the_session() {
    let sample = ladderboard::app::sample_session();
    let mut replayed = Session::new(sample.title.clone(), sample.ladder.clone(), sample.people.clone());
    replayed.cycle = sample.cycle.clone();
    replayed.roster_columns = sample.roster_columns.clone();
    for event in &sample.audit {
        replayed.apply(event.change.clone(), &event.actor, event.at).expect("replays");
    }
    assert_eq!(replayed, sample);
}

#[test]
fn session_validation_finds_duplicate_ids_and_dangling_references() {
    let mut s = session();
    s.people.push(person("ada", "P2", Track::IndividualContributor));
    s.people.push(person("bob", "M2", Track::IndividualContributor));
    s.proposals.insert(PersonId::new("ghost"), proposal("P4", "x"));
    s.reindex();
    let problems: Vec<String> = session_problems(&s).iter().map(ToString::to_string).collect();
    let all = problems.join("\n");
    assert!(all.contains("\"ada\" appears more than once"), "{all}");
    assert!(all.contains("person \"bob\": level \"M2\" is not on the IC track"), "{all}");
    assert!(all.contains("no person with id \"ghost\""), "{all}");
}

#[test]
fn a_manager_given_by_employee_id_shows_as_their_name() {
    let mut ada = person("ada", "P3", Track::IndividualContributor);
    ada.manager = "em".into();
    let mut bo = person("bo", "P2", Track::IndividualContributor);
    bo.manager = "Dana Whitfield".into();
    let em = person("em", "M2", Track::Management);
    let s = Session::new("test", default_ladder(), vec![ada, bo, em]);
    assert_eq!(s.manager_name(&s.people[0]), "Person em", "an id that is someone on the roster");
    assert_eq!(s.manager_name(&s.people[1]), "Dana Whitfield", "a name stays as written");
    assert_eq!(s.manager_name(&s.people[2]), "M", "an unknown id stays as written");
}

#[test]
fn years_in_level_counts_whole_years() {
    let mut p = person("ada", "P3", Track::IndividualContributor);
    let day = |text: &str| text.parse::<jiff::civil::Date>().expect("date");
    assert_eq!(p.years_in_level(day("2026-11-23")), None, "no date on the roster");
    p.level_since = Some(day("2021-10-01"));
    assert_eq!(p.years_in_level(day("2026-11-23")), Some(5));
    assert_eq!(p.years_in_level(day("2026-09-30")), Some(4), "not yet the fifth anniversary");
    assert_eq!(p.years_in_level(day("2020-01-01")), Some(0), "a future date counts as none");
}

/// An edit whose text passes its field's limit is refused by the rules, whatever made it (the
/// window's fields stop at the limit as they are typed; the command line and scripts meet this).
#[test]
fn an_edit_with_a_text_past_its_limit_is_refused() {
    use ladderboard::model::text_limits::TEXT_LIMIT;
    let mut session = ladderboard::app::sample_session();
    let person = session.people[0].id.clone();
    let note = ladderboard::model::Note {
        id: session.next_note_id(),
        person,
        at: jiff::Timestamp::now(),
        author: "Chair".into(),
        text: "x".repeat(TEXT_LIMIT + 1),
    };
    let events = session.audit.len();
    let error =
        session.apply(ladderboard::model::Change::AddNote(note), "Chair", jiff::Timestamp::now()).expect_err("refused");
    assert_eq!(error.to_string(), "`text` holds 65537 bytes; a text may hold at most 65536 (64 KiB): shorten it");
    assert_eq!(session.audit.len(), events, "nothing recorded");
}
