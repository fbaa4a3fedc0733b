//! The committee's rules on the shipped sample (five promotions decided; Farah Aziz, Nadia Karimi,
//! Victor Adeyemi, Dalia Haddad and Luca Bianchi proposed by their manager Mei Lin Zhou, who
//! reports to Grace Okafor): recusals, marks that do not count, budget, reasons, letters, minutes,
//! blinding of free text. Every edit goes through the document's one door.

use ladderboard::app::sample_session;
use ladderboard::document::{CommitteeEdit, Document, Edit, EditError, Stamp};
use ladderboard::model::committee::{Budget, Role};
use ladderboard::model::decision::Reason;
use ladderboard::model::meeting::Vote;
use ladderboard::model::{LevelId, Outcome, PersonId, RuleError};

const FARAH: &str = "E2006";

fn committee() -> Document {
    let mut doc = Document::new(sample_session(), None);
    let chair = Stamp::now("Grace Okafor");
    for (name, role) in [("Grace Okafor", Role::Chair), ("Mei Lin Zhou", Role::Member), ("Priya Raman", Role::Member)] {
        let edit = CommitteeEdit::SetMember { name: name.into(), role: Some(role) };
        doc.apply(Edit::Committee(edit), &chair).expect("member added");
    }
    doc
}

fn committee_edit(doc: &mut Document, edit: CommitteeEdit) -> Result<String, EditError> {
    doc.apply(Edit::Committee(edit), &Stamp::now("Grace Okafor"))
}

fn decide(
    doc: &mut Document,
    who: &str,
    person: &str,
    outcome: Outcome,
    level: Option<&str>,
) -> Result<String, EditError> {
    let edit = Edit::Decide {
        person: PersonId::new(person),
        outcome,
        new_level: level.map(LevelId::new),
        rationale: "Scope at the target level for two quarters.".into(),
        time_spent_secs: None,
        reasons: vec![Reason { code: "criteria-met".into(), criterion: None }],
        over_budget: String::new(),
    };
    doc.apply(edit, &Stamp::now(who))
}

/// The chair is above Farah in the reporting chain; she stays in the room, with the reason.
fn keep_the_chair_in(doc: &mut Document) {
    let keep = CommitteeEdit::SetRecusal {
        person: PersonId::new(FARAH),
        member: "Grace Okafor".into(),
        recused: false,
        reason: "chairs every case".into(),
    };
    committee_edit(doc, keep).expect("kept in");
}

#[test]
fn the_manager_the_chain_above_and_the_proposer_are_proposed_to_step_out() {
    let doc = committee();
    let proposed = doc.session().proposed_recusals(&PersonId::new(FARAH));
    assert_eq!(
        proposed,
        vec![
            ("Mei Lin Zhou".to_owned(), "their manager".to_owned()),
            ("Grace Okafor".to_owned(), "1 above their manager".to_owned()),
        ],
        "Mei Lin is also the proposer: named once"
    );
    assert!(doc.session().proposed_recusals(&PersonId::new("E2003")).iter().all(|(m, _)| m != "Mei Lin Zhou"));
}

#[test]
fn a_recused_member_cannot_decide_and_their_mark_is_not_counted() {
    let mut doc = committee();
    let farah = PersonId::new(FARAH);
    let mark = Edit::SetMark { person: farah.clone(), vote: Some(Vote::Agree), comment: "my report".into() };
    doc.apply(mark, &Stamp::now("Mei Lin Zhou")).expect("a mark is kept");
    let mark = Edit::SetMark { person: farah.clone(), vote: Some(Vote::Question), comment: String::new() };
    doc.apply(mark, &Stamp::now("Priya Raman")).expect("a mark is kept");
    let tally = doc.session().tally(&farah);
    assert_eq!((tally.agree, tally.question, tally.not_counted), (0, 1, 1), "Mei Lin's agree is not counted");
    assert!(tally.describe().contains("1 not counted"), "{}", tally.describe());

    let refused = decide(&mut doc, "Mei Lin Zhou", FARAH, Outcome::Hold, None);
    assert!(matches!(refused, Err(EditError::Rule(RuleError::Recused { .. }))), "{refused:?}");

    // The chair is in the chain too; kept in the room with a reason, she may decide.
    let keep = |reason: &str| CommitteeEdit::SetRecusal {
        person: farah.clone(),
        member: "Grace Okafor".into(),
        recused: false,
        reason: reason.into(),
    };
    assert!(committee_edit(&mut doc, keep("")).is_err(), "keeping a member in needs a reason");
    committee_edit(&mut doc, keep("chairs every case; no direct line")).expect("kept in");
    committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Grace Okafor".into(), present: true }).expect("in");
    committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Priya Raman".into(), present: true }).expect("in");
    decide(&mut doc, "Grace Okafor", FARAH, Outcome::Hold, None).expect("the chair decides");
    let decision = &doc.session().decisions[&farah];
    assert_eq!(decision.present, vec!["Grace Okafor".to_owned(), "Priya Raman".to_owned()]);
    assert_eq!(decision.recused, vec!["Mei Lin Zhou".to_owned()]);
    assert!(doc.session().audit_breaks().is_empty() && doc.session().document_breaks().is_empty(), "sealed");
}

#[test]
fn the_budget_counts_decided_and_proposed_and_going_over_needs_a_reason() {
    let mut doc = committee();
    let budget = Budget { overall: Some(6), per_level: [(LevelId::new("P3"), 3)].into_iter().collect() };
    committee_edit(&mut doc, CommitteeEdit::SetBudget(budget)).expect("budget set");
    let spent = doc.session().budget_use();
    // The sample decided five promotions (two to P3) and has five proposals open (two to P3).
    assert_eq!((spent.overall.decided, spent.overall.proposed, spent.overall.left()), (5, 5, Some(1)));
    let p3 = spent.per_level.iter().find(|(l, _)| l.as_str() == "P3").map(|(_, l)| *l).expect("P3 line");
    assert_eq!((p3.decided, p3.proposed, p3.left()), (3, 2, Some(0)), "{p3:?}");
    assert_eq!(spent.overall.describe(), "5 of 6 decided · 5 still proposed · 1 left");

    let chair = "Grace Okafor";
    keep_the_chair_in(&mut doc);
    let over = decide(&mut doc, chair, FARAH, Outcome::Promote, Some("P3"));
    assert!(
        matches!(&over, Err(EditError::Rule(RuleError::OverBudget(why))) if why.contains("P3 budget of 3")),
        "{over:?}"
    );
    let edit = Edit::Decide {
        person: PersonId::new(FARAH),
        outcome: Outcome::Promote,
        new_level: Some(LevelId::new("P3")),
        rationale: "Exceptional scope.".into(),
        time_spent_secs: None,
        reasons: Vec::new(),
        over_budget: "a backfill the budget did not foresee".into(),
    };
    doc.apply(edit, &Stamp::now(chair)).expect("over the budget, with a reason");
    assert_eq!(doc.session().budget_use().overall.left(), Some(0));
}

#[test]
fn a_reason_that_names_a_criterion_needs_one_and_unknown_codes_are_refused() {
    let mut doc = committee();
    keep_the_chair_in(&mut doc);
    let decide_with = |reasons: Vec<Reason>| Edit::Decide {
        person: PersonId::new(FARAH),
        outcome: Outcome::NotThisCycle,
        new_level: None,
        rationale: "Not yet.".into(),
        time_spent_secs: None,
        reasons,
        over_budget: String::new(),
    };
    let stamp = Stamp::now("Grace Okafor");
    let missing = doc.apply(decide_with(vec![Reason { code: "evidence-missing".into(), criterion: None }]), &stamp);
    assert!(matches!(missing, Err(EditError::Rule(RuleError::ReasonNeedsCriterion(_)))), "{missing:?}");
    let unknown = doc.apply(decide_with(vec![Reason { code: "vibes".into(), criterion: None }]), &stamp);
    assert!(matches!(unknown, Err(EditError::Rule(RuleError::UnknownReason { .. }))), "{unknown:?}");
    let named = Reason { code: "evidence-missing".into(), criterion: Some("communication".into()) };
    doc.apply(decide_with(vec![named.clone()]), &stamp).expect("decided");
    let label = doc.session().ladder.reason_label(&named);
    assert_eq!(label, "evidence missing for a criterion: Communication");
}

#[test]
fn attendance_action_items_and_deferrals_are_kept_and_sealed() {
    let mut doc = committee();
    committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Priya Raman".into(), present: true }).expect("in");
    assert!(
        committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Priya Raman".into(), present: true }).is_err()
    );
    committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Priya Raman".into(), present: false }).expect("out");
    assert!(doc.session().present_members().is_empty());
    assert!(doc.session().meeting.attendance[0].left.is_some());
    let unknown = committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Nobody".into(), present: true });
    assert!(matches!(unknown, Err(EditError::Rule(RuleError::NotAMember(_)))));
    let action = CommitteeEdit::AddAction {
        text: "Collect Victor's design docs".into(),
        owner: "Mei Lin Zhou".into(),
        due: Some("2027-01-15".parse().expect("date")),
        person: Some(PersonId::new("E2022")),
    };
    committee_edit(&mut doc, action).expect("added");
    committee_edit(&mut doc, CommitteeEdit::SetActionDone { id: 1, done: true }).expect("done");
    let defer =
        CommitteeEdit::Defer { person: PersonId::new("E2038"), until: "2027 H1".into(), note: "new team".into() };
    committee_edit(&mut doc, defer).expect("deferred");
    let session = doc.session();
    assert_eq!(session.meeting.actions[0].id, 1);
    assert!(session.meeting.actions[0].done);
    assert_eq!(session.meeting.deferrals[0].until, "2027 H1");
    assert!(session.document_breaks().is_empty(), "the meeting's record is sealed with the document");
    let minutes = ladderboard::io::export::minutes::minutes_markdown(session);
    for expected in [
        "## Attendance",
        "Priya Raman: ",
        "Absent: Grace Okafor, Mei Lin Zhou",
        "Collect Victor's design docs (about Victor Adeyemi) — Mei Lin Zhou, due 2027-01-15",
        "Luca Bianchi → P4: deferred to 2027 H1 (new team)",
        "Bilal Hassan: **promote to P6**",
    ] {
        assert!(minutes.contains(expected), "minutes lack {expected:?}:\n{minutes}");
    }
}

#[test]
fn letters_for_every_outcome_keep_internal_paragraphs_out() {
    let mut doc = committee();
    keep_the_chair_in(&mut doc);
    committee_edit(&mut doc, CommitteeEdit::SetEffectiveDate(Some("2027-01-01".parse().expect("date")))).expect("set");
    let edit = Edit::Decide {
        person: PersonId::new(FARAH),
        outcome: Outcome::Hold,
        new_level: None,
        rationale: "Strong delivery this half.\n\nInternal: manager pushed hard; revisit the team's budget.".into(),
        time_spent_secs: None,
        reasons: vec![Reason { code: "scope-not-sustained".into(), criterion: None }],
        over_budget: String::new(),
    };
    doc.apply(edit, &Stamp::now("Grace Okafor")).expect("decided");
    let session = doc.session();
    let farah = session.person(&PersonId::new(FARAH)).expect("Farah");
    let letter = ladderboard::io::export::letters::letter(session, farah).expect("a letter for a hold");
    assert!(letter.contains("Strong delivery this half."), "{letter}");
    assert!(!letter.contains("manager pushed hard") && !letter.contains("Internal"), "{letter}");
    assert!(letter.contains("Reasons: scope not yet sustained"), "{letter}");
    assert!(letter.contains("## What the evidence already shows"), "met criteria are named: {letter}");
    let bilal = session.person(&PersonId::new("E2002")).expect("Bilal");
    let promoted = ladderboard::io::export::letters::letter(session, bilal).expect("a letter for a promotion");
    assert!(promoted.contains("to **P6 Principal**"), "{promoted}");

    let dir = tempfile::tempdir().expect("dir");
    let written = ladderboard::io::export::letters::write_letters(session, dir.path()).expect("written");
    assert_eq!(written.len(), 6, "the sample's five promotions and the hold");
    assert!(written.iter().any(|p| p.ends_with("hold-E2006-Farah-Aziz.md")), "{written:?}");
}

#[test]
fn a_chair_template_fills_its_placeholders() {
    let mut doc = committee();
    let template = "Dear {first_name}, you are now {new_title} from {effective_date}. {nope}".to_owned();
    committee_edit(&mut doc, CommitteeEdit::SetEffectiveDate(Some("2027-01-01".parse().expect("date")))).expect("set");
    committee_edit(&mut doc, CommitteeEdit::SetLetterTemplate { outcome: Outcome::Promote, text: Some(template) })
        .expect("template set");
    let session = doc.session();
    let bilal = session.person(&PersonId::new("E2002")).expect("Bilal");
    let letter = ladderboard::io::export::letters::letter(session, bilal).expect("letter");
    // The sample's decision predates the effective date, so the cycle's date is used.
    assert_eq!(letter, "Dear Bilal, you are now Principal from 2027-01-01. {nope}");
}

#[test]
fn blind_mode_codes_first_names_inside_free_text_and_ids_in_exports() {
    let mut session = sample_session();
    let farah = PersonId::new(FARAH);
    session.notes[0].text = "Reviewed by Mei Lin; Farah and Grace agree. Adaptive Gracefulness.".into();
    let blinding = ladderboard::model::blind::Blinding::new(&session);
    let shown = blinding.apply(&session);
    let text = &shown.notes[0].text;
    assert!(!text.contains("Mei Lin") && !text.contains("Farah") && !text.contains("Grace "), "{text}");
    assert!(text.contains("Gracefulness"), "a name inside a word is not a name: {text}");
    let exported = blinding.apply_for_export(&session);
    assert!(exported.people.iter().all(|p| !p.id.as_str().starts_with('E')), "ids coded");
    assert!(exported.decisions.keys().all(|id| id.as_str().starts_with("Candidate-")), "decisions follow");
    assert!(exported.person(&farah).is_none());
}

#[test]
fn blind_exports_name_no_one_in_free_text_ids_or_file_names() {
    use ladderboard::io::export::{csv, letters, minutes, packet};
    let mut doc = committee();
    committee_edit(&mut doc, CommitteeEdit::SetPresent { member: "Priya Raman".into(), present: true }).expect("in");
    let action = CommitteeEdit::AddAction {
        text: "Ask Jonas for Farah's design doc".into(),
        owner: "Priya Raman".into(),
        due: None,
        person: Some(PersonId::new(FARAH)),
    };
    committee_edit(&mut doc, action).expect("added");
    let mut session = doc.session().clone();
    session.notes[0].text.push_str(" Reviewed by Tomás and Mei Lin; Farah agrees.");
    session.blind = true;
    let shown = ladderboard::model::blind::Blinding::new(&session).apply_for_export(&session);
    let mut secrets: Vec<String> = Vec::new();
    for p in &session.people {
        secrets.push(p.id.to_string());
        secrets.extend(p.name.split(' ').filter(|w| w.chars().count() > 3).map(str::to_owned));
    }
    let dir = tempfile::tempdir().expect("dir");
    let written = letters::write_letters(&shown, dir.path()).expect("letters");
    let mut outputs = vec![
        minutes::minutes_markdown(&shown),
        minutes::minutes_html(&shown),
        packet::packet_markdown(&shown),
        String::from_utf8(csv::decisions_csv(&shown, csv::CsvColumns::Decisions).expect("csv")).expect("utf8"),
    ];
    for path in &written {
        outputs.push(path.file_name().expect("name").to_string_lossy().into_owned());
        outputs.push(std::fs::read_to_string(path).expect("letter"));
    }
    for text in &outputs {
        for secret in &secrets {
            let leaked = text.split(|c: char| !c.is_alphanumeric()).any(|w| w == secret);
            assert!(!leaked, "{secret:?} in:\n{text}");
        }
    }
    assert!(outputs[0].contains("Candidate"), "codes stand in");
}

#[test]
fn pre_read_progress_names_who_is_missing_what_and_who_sent_nothing() {
    let mut doc = committee();
    let mark = Edit::SetMark { person: PersonId::new(FARAH), vote: Some(Vote::Agree), comment: String::new() };
    doc.apply(mark, &Stamp::now("Priya Raman")).expect("marked");
    let session = doc.session();
    let progress = session.pre_read_progress();
    assert_eq!(progress.candidates, 10);
    let priya = progress.members.iter().find(|m| m.member == "Priya Raman").expect("Priya");
    assert_eq!((priya.marked, priya.missing.len()), (1, 9));
    // Mei Lin manages every candidate and Grace is above her: neither is asked for a mark.
    let mei = progress.members.iter().find(|m| m.member == "Mei Lin Zhou").expect("Mei Lin");
    assert!(mei.missing.is_empty(), "{mei:?}");
    assert!(progress.silent_managers.is_empty(), "every manager of the sample recorded something");
    // A manager whose prep file never came has nothing in the trail.
    let mut without_jonas = session.clone();
    without_jonas.audit.retain(|e| e.actor != "Jonas Becker");
    let progress = without_jonas.pre_read_progress();
    assert_eq!(progress.silent_managers, ["Jonas Becker"]);
    let list = progress.chase_list(&without_jonas);
    assert!(list.contains("- Priya Raman: 1 marked · 9 to mark: Bilal Hassan, "), "{list}");
    assert!(list.contains("- Mei Lin Zhou: 0 marked · 10 recused · done"), "{list}");
    assert!(list.contains("Managers with nothing in the session yet: ") && list.contains("Jonas Becker"), "{list}");
}

#[test]
fn moving_a_candidate_keeps_the_order_on_screen() {
    use ladderboard::model::meeting::AgendaOrder;
    let mut doc = committee();
    let by_level: Vec<PersonId> = doc.session().agenda(AgendaOrder::Level).into_iter().map(|i| i.person).collect();
    let edit = Edit::MoveOnAgenda { person: by_level[0].clone(), to: 1, shown: by_level.clone() };
    doc.apply(edit, &Stamp::now("Grace Okafor")).expect("moved");
    let mut expected = by_level.clone();
    expected.swap(0, 1);
    assert_eq!(doc.session().meeting.order, expected, "the level order with one move, not a fresh alphabetical one");
}

#[test]
fn only_the_chair_or_hr_keeps_the_committees_record_once_there_is_a_chair() {
    let mut doc = committee();
    let budget =
        CommitteeEdit::SetBudget(Budget { overall: Some(3), per_level: std::collections::BTreeMap::default() });
    let refused = doc.apply(Edit::Committee(budget.clone()), &Stamp::now("Priya Raman"));
    assert!(
        matches!(&refused, Err(EditError::Rule(RuleError::Committee(why))) if why.contains("only the chair (Grace Okafor)"))
    );
    let second_chair = CommitteeEdit::SetMember { name: "Priya Raman".into(), role: Some(Role::Chair) };
    assert!(committee_edit(&mut doc, second_chair).is_err(), "one chair");
    committee_edit(&mut doc, CommitteeEdit::SetMember { name: "Ines Duarte".into(), role: Some(Role::HrPartner) })
        .expect("added");
    doc.apply(Edit::Committee(budget), &Stamp::now("Ines Duarte")).expect("the HR partner may");
}

#[test]
fn reasons_are_counted_per_manager_and_team_in_the_report() {
    let mut doc = committee();
    keep_the_chair_in(&mut doc);
    let edit = Edit::Decide {
        person: PersonId::new(FARAH),
        outcome: Outcome::NotThisCycle,
        new_level: None,
        rationale: "Not yet.".into(),
        time_spent_secs: None,
        reasons: vec![
            Reason { code: "budget".into(), criterion: None },
            Reason { code: "evidence-missing".into(), criterion: Some("communication".into()) },
        ],
        over_budget: String::new(),
    };
    doc.apply(edit, &Stamp::now("Grace Okafor")).expect("decided");
    let session = doc.session();
    let (by_manager, by_team) = ladderboard::model::fairness::outcomes::reasons_by_group(
        session,
        ladderboard::model::Track::IndividualContributor,
    );
    let rows: Vec<(&str, &str, usize)> =
        by_manager.iter().map(|r| (r.group.as_str(), r.reason.as_str(), r.decisions)).collect();
    assert_eq!(
        rows,
        [("Mei Lin Zhou", "budget", 1), ("Mei Lin Zhou", "evidence missing for a criterion: Communication", 1)]
    );
    assert_eq!(by_team.first().map(|r| r.group.as_str()), Some("Search"));
    let outcomes = ladderboard::model::fairness::outcomes::Outcomes::compute(
        session,
        ladderboard::model::Track::IndividualContributor,
        "2026-12-01".parse().expect("date"),
    );
    let figures = ladderboard::model::fairness::figures::Figures::compute(
        session,
        ladderboard::model::Track::IndividualContributor,
        &ladderboard::model::fairness::Group::Everyone,
    );
    let report = ladderboard::io::export::report::report_markdown(session, &figures, &outcomes);
    assert!(
        report.contains("## Reasons given, per manager") && report.contains("| Mei Lin Zhou | budget | 1 |"),
        "{report}"
    );
}

#[test]
fn blinding_codes_whole_names_anywhere_and_first_names_as_words() {
    let mut session = sample_session();
    session.notes[0].text = "Svens Arbeit: Ada Parks review, Adaptive; Farahs Plan. 田中".into();
    let shown = ladderboard::model::blind::Blinding::new(&session).apply(&session);
    let text = &shown.notes[0].text;
    assert!(!text.contains("Ada Park") && !text.contains("Farah"), "{text}");
    assert!(text.contains("Adaptive"), "{text}");
}
