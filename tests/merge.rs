//! Merging managers' prep files into one committee session: matched by id, disagreements listed
//! with both values and their files, nothing overwritten silently, the order of files immaterial.

use jiff::Timestamp;
use ladderboard::app::sample_session;
use ladderboard::model::merge::{MergeError, PrepFile, merge};
use ladderboard::model::{Change, ConflictValue, LevelId, PersonId, Placement, Proposal, Session, Subject};
use proptest::prelude::*;

fn at(minute: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + minute * 60).expect("time")
}

fn file<'a>(name: &str, session: &'a Session) -> PrepFile<'a> {
    // A stand-in for the file's SHA-256: any text that differs when the content differs.
    let sha256 = format!("{:064x}", fxhash(&ladderboard::io::session::session_to_string(session).expect("ser")));
    PrepFile { name: name.to_owned(), sha256, session }
}

fn fxhash(text: &str) -> u128 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u128, |h, b| (h ^ u128::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn propose(session: &mut Session, who: &str, target: &str, rationale: &str, minute: i64) {
    let proposal = Proposal {
        target: LevelId::new(target),
        rationale: rationale.into(),
        proposer: "Mei Lin Zhou".into(),
        proposed_at: at(minute),
    };
    session
        .apply(Change::Propose { person: PersonId::new(who), proposal: Some(proposal) }, "Mei Lin Zhou", at(minute))
        .expect("proposed");
}

fn place(session: &mut Session, who: &str, level: &str, band: usize, minute: i64) {
    let placement = Placement { level: LevelId::new(level), band };
    session
        .apply(Change::Place { person: PersonId::new(who), placement: Some(placement) }, "Priya Raman", at(minute))
        .expect("placed");
}

/// Two managers' copies of the sample that disagree about Ada's proposal and Chloé's place.
fn two_preps() -> (Session, Session) {
    let mut a = sample_session();
    let mut b = sample_session();
    propose(&mut a, "E2001", "P4", "Owns the ledger", 1);
    propose(&mut b, "E2001", "P5", "Sets payments architecture", 2);
    place(&mut a, "E2003", "P2", 2, 3);
    place(&mut b, "E2003", "P2", 0, 4);
    // Only B records Dmitri's place: nothing to disagree with, so it is taken.
    place(&mut b, "E2004", "P1", 2, 5);
    (a, b)
}

#[test]
fn disagreements_are_listed_with_both_values_and_files_and_the_rest_is_taken() {
    let (a, b) = two_preps();
    let merged = merge(&[file("mei.ron", &a), file("priya.ron", &b)], "Committee").expect("merges");
    let s = &merged.session;
    assert_eq!(s.people.len(), a.people.len());
    assert_eq!(s.conflicts.len(), 2, "{:#?}", s.conflicts);
    let ada = s.conflicts.iter().find(|c| c.subject == Subject::Proposal).expect("Ada's proposal");
    assert_eq!(ada.person, PersonId::new("E2001"));
    let sources: Vec<&str> = ada.options.iter().map(|o| o.source.as_str()).collect();
    assert!(sources.contains(&"mei.ron") && sources.contains(&"priya.ron"), "{sources:?}");
    let targets: Vec<String> = ada
        .options
        .iter()
        .map(|o| match &o.value {
            ConflictValue::Proposal(Some(p)) => p.target.to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(targets.contains(&"P4".to_owned()) && targets.contains(&"P5".to_owned()));
    assert!(ada.options.iter().all(|o| o.author == "Mei Lin Zhou"));
    // Dmitri's place, given by one file only, is taken without a conflict.
    assert_eq!(s.placements.get(&PersonId::new("E2004")).map(|p| p.band), Some(2));
    // Both trails are kept, as one sealed chain.
    assert!(s.audit.len() >= a.audit.len() + 3);
    assert!(s.audit_breaks().is_empty());
}

#[test]
fn settling_takes_the_chosen_value_closes_the_item_and_undoes() {
    let (a, b) = two_preps();
    let mut s = merge(&[file("mei.ron", &a), file("priya.ron", &b)], "Committee").expect("merges").session;
    let conflict = s.conflicts.iter().find(|c| c.subject == Subject::Proposal).expect("open").clone();
    let chosen = conflict
        .options
        .iter()
        .position(|o| matches!(&o.value, ConflictValue::Proposal(Some(p)) if p.target.as_str() == "P5"))
        .expect("P5 offered");
    let applied = s.apply(Change::Settle { conflict: conflict.id, chosen }, "Chair", at(10)).expect("settles");
    assert_eq!(s.proposals[&PersonId::new("E2001")].target, LevelId::new("P5"));
    assert!(!s.conflicts.iter().any(|c| c.id == conflict.id));
    assert_eq!(applied.event.action, "settle conflict");
    assert_eq!(applied.event.person, Some(PersonId::new("E2001")));
    let before_undo = s.conflicts.len();
    s.apply(applied.inverse, "Chair", at(11)).expect("reopens");
    assert_eq!(s.conflicts.len(), before_undo + 1);
    assert!(s.conflicts.contains(&conflict));
}

#[test]
fn merging_a_file_with_itself_changes_nothing() {
    let (a, _) = two_preps();
    let merged = merge(&[file("a.ron", &a), file("a-copy.ron", &a)], &a.title).expect("merges").session;
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.people, a.people);
    assert_eq!(merged.placements, a.placements);
    assert_eq!(merged.evidence, a.evidence);
    assert_eq!(merged.notes, a.notes);
    assert_eq!(merged.proposals, a.proposals);
    assert_eq!(merged.decisions, a.decisions);
    assert_eq!(merged.audit, a.audit);
}

#[test]
fn files_that_cannot_be_merged_are_refused_naming_the_file() {
    assert_eq!(merge(&[], "x").err(), Some(MergeError::NoFiles));
    let (a, mut b) = two_preps();
    b.ladder.name = "Another ladder".into();
    let error = merge(&[file("a.ron", &a), file("other.ron", &b)], "x").expect_err("refused");
    assert!(error.to_string().starts_with("other.ron uses the ladder \"Another ladder\""), "{error}");
    let mut tampered = sample_session();
    tampered.audit[2].why = "edited outside the app".into();
    let error = merge(&[file("a.ron", &a), file("tampered.ron", &tampered)], "x").expect_err("refused");
    assert!(error.to_string().starts_with("tampered.ron: its audit trail is broken"), "{error}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// However the managers placed people, merging in either order gives the same session, save for
    /// the order in which a conflict lists its values.
    #[test]
    fn the_order_of_the_files_does_not_matter(
        moves_a in proptest::collection::vec((0usize..20, 0usize..3), 0..6),
        moves_b in proptest::collection::vec((0usize..20, 0usize..3), 0..6),
    ) {
        let base = sample_session();
        let ics: Vec<(String, String)> = base
            .people
            .iter()
            .filter(|p| p.level.as_str().starts_with('P'))
            .map(|p| (p.id.to_string(), p.level.to_string()))
            .collect();
        let (mut a, mut b) = (base.clone(), base);
        for (i, (who, band)) in (0i64..).zip(&moves_a) {
            let (id, level) = &ics[*who % ics.len()];
            place(&mut a, id, level, *band, 100 + i);
        }
        for (i, (who, band)) in (0i64..).zip(&moves_b) {
            let (id, level) = &ics[*who % ics.len()];
            place(&mut b, id, level, *band, 200 + i);
        }
        let ab = merge(&[file("a.ron", &a), file("b.ron", &b)], "C").expect("merges").session;
        let ba = merge(&[file("b.ron", &b), file("a.ron", &a)], "C").expect("merges").session;
        let sorted = |s: &Session| {
            let mut s = s.clone();
            for c in &mut s.conflicts {
                c.options.sort_by(|x, y| x.source.cmp(&y.source));
            }
            s
        };
        prop_assert_eq!(sorted(&ab), sorted(&ba));
    }
}

#[test]
fn a_decision_changed_by_hand_is_not_merged() {
    let (a, mut b) = two_preps();
    // A decision turned in the file, with the trail left as it was: the state no longer matches.
    let person = b.decisions.keys().next().cloned().expect("the sample has decisions");
    if let Some(decision) = b.decisions.get_mut(&person) {
        decision.rationale = "Changed after the meeting".into();
    }
    let error = merge(&[file("a.ron", &a), file("edited.ron", &b)], "x").expect_err("refused");
    let said = error.to_string();
    assert!(said.starts_with("edited.ron: ") && said.contains("decision") && said.contains("not merged"), "{said}");
}

/// The committee file a chair saves: the merge, recorded and sealed as `io::session::merge` does.
fn committee_of(files: &[PrepFile<'_>]) -> Session {
    let merged = merge(files, "Committee").expect("merges");
    let mut session = merged.session;
    let conflicts = session.conflicts.len();
    session.apply(Change::Merge { files: merged.files, conflicts }, "Chair", at(20)).expect("recorded");
    session.seal_baseline("merge of prep files", "Chair", at(20));
    assert!(session.record_breaks().is_empty());
    session
}

#[test]
fn open_items_an_input_holds_stay_open_whatever_the_order() {
    let (a, b) = two_preps();
    let committee = committee_of(&[file("mei.ron", &a), file("priya.ron", &b)]);
    assert_eq!(committee.conflicts.len(), 2, "Ada's proposal and Chloé's place");
    // A member's copy of the committee file, with a pre-read mark of their own.
    let mut member = committee.clone();
    let mark = ladderboard::model::meeting::Mark {
        member: "Sven".into(),
        person: PersonId::new("E2001"),
        vote: ladderboard::model::meeting::Vote::Agree,
        comment: String::new(),
        at: at(30),
    };
    member
        .apply(
            Change::SetMark { member: "Sven".into(), person: PersonId::new("E2001"), mark: Some(mark) },
            "Sven",
            at(30),
        )
        .expect("marked");
    for files in [
        [file("committee.ron", &committee), file("sven.ron", &member)],
        [file("sven.ron", &member), file("committee.ron", &committee)],
    ] {
        let merged = merge(&files, "Committee").expect("merges").session;
        let open: Vec<_> = merged.conflicts.iter().map(|c| (&c.person, &c.subject, c.options.len())).collect();
        let held: Vec<_> = committee.conflicts.iter().map(|c| (&c.person, &c.subject, c.options.len())).collect();
        assert_eq!(open, held, "every open item kept with both values");
        assert_eq!(merged.marks.len(), 1, "the member's mark is in");
    }
}

#[test]
fn merging_one_file_or_a_file_with_itself_changes_nothing() {
    let (a, b) = two_preps();
    let committee = committee_of(&[file("mei.ron", &a), file("priya.ron", &b)]);
    for files in [vec![file("c.ron", &committee)], vec![file("c.ron", &committee), file("copy.ron", &committee)]] {
        let merged = merge(&files, "Committee").expect("merges").session;
        assert_eq!(merged.people, committee.people);
        assert_eq!(merged.placements, committee.placements);
        assert_eq!(merged.proposals, committee.proposals);
        assert_eq!(merged.decisions, committee.decisions);
        assert_eq!(merged.conflicts, committee.conflicts);
        assert_eq!(merged.marks, committee.marks);
    }
}

#[test]
fn a_final_committee_file_merges_into_a_new_draft_with_its_merge_on_record() {
    let (a, b) = two_preps();
    let mut committee = committee_of(&[file("mei.ron", &a), file("priya.ron", &b)]);
    committee.apply(Change::SetFinal { on: true, reason: "closed".into() }, "Chair", at(40)).expect("final");
    let member = committee.clone();
    let merged = committee_of(&[file("committee.ron", &committee), file("copy.ron", &member)]);
    assert!(!merged.is_final(), "a merge is a new draft");
    assert!(merged.audit.iter().any(|e| e.action == "merge prep files"));
}

#[test]
fn two_copies_marked_under_one_name_keep_both_sets_apart_and_warn() {
    use ladderboard::model::meeting::{Mark, Vote};
    let mark = |session: &mut Session, vote: Vote, minute: i64| {
        for person in session.proposals.keys().cloned().collect::<Vec<_>>() {
            let mark =
                Mark { member: "root".into(), person: person.clone(), vote, comment: String::new(), at: at(minute) };
            let change = Change::SetMark { member: "root".into(), person, mark: Some(mark) };
            session.apply(change, "root", at(minute)).expect("marked");
        }
    };
    let (mut first, mut second) = (sample_session(), sample_session());
    mark(&mut first, Vote::Agree, 1);
    mark(&mut second, Vote::Question, 2);
    let merged = merge(&[file("ana.ron", &first), file("ben.ron", &second)], "Committee").expect("merged");
    let candidates = first.proposals.len();
    assert_eq!(merged.session.marks.len(), 2 * candidates, "20 marks stay 20, not 10");
    assert!(merged.session.marks.iter().any(|m| m.member == "root (ana.ron)" && m.vote == Vote::Agree));
    assert!(merged.session.marks.iter().any(|m| m.member == "root (ben.ron)" && m.vote == Vote::Question));
    assert_eq!(merged.warnings.len(), 1);
    assert!(merged.warnings[0].contains("\"root\" were made apart in ana.ron and ben.ron"), "{:?}", merged.warnings);

    // A copy that carries on from the other (its trail holds the first marks) is one member's
    // later word: the newer mark wins, as before, without a warning.
    let mut later = first.clone();
    mark(&mut later, Vote::Question, 3);
    let merged = merge(&[file("ana.ron", &first), file("ana-later.ron", &later)], "Committee").expect("merged");
    assert_eq!(merged.session.marks.len(), candidates);
    assert!(merged.session.marks.iter().all(|m| m.member == "root" && m.vote == Vote::Question));
    assert!(merged.warnings.is_empty(), "{:?}", merged.warnings);
}
