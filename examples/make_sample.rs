//! Rebuilds `assets/sample/session.ron` from `assets/sample/roster.csv` by applying real changes,
//! so the sample has a genuine audit trail. Run: `cargo run --example make_sample`.

use compact_str::CompactString;
use jiff::Timestamp;
use ladderboard::io::ladder_ron::default_ladder;
use ladderboard::io::roster::read_roster;
use ladderboard::io::session::save_session;
use ladderboard::model::{Change, Decision, LevelId, Note, Outcome, PersonId, Placement, Proposal, Rating, Session};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ladder = default_ladder();
    let roster = read_roster(Path::new("assets/sample/roster.csv"), &ladder)?;
    let at = "2026-11-02T09:00:00Z".parse::<Timestamp>()?;
    let mut session = roster.into_session(
        "Engineering calibration — sample",
        "2026 H2",
        ladder,
        Path::new("roster.csv"),
        "Grace Okafor",
        at,
    );
    let clock = std::cell::Cell::new("2026-11-02T09:00:00Z".parse::<Timestamp>()?);
    let step = |session: &mut Session, actor: &str, change: Change| -> Result<(), Box<dyn std::error::Error>> {
        clock.set(clock.get().checked_add(jiff::SignedDuration::from_mins(7))?);
        session.apply(change, actor, clock.get())?;
        Ok(())
    };
    let people: Vec<(PersonId, CompactString, LevelId, CompactString)> =
        session.people.iter().map(|p| (p.id.clone(), p.name.clone(), p.level.clone(), p.manager.clone())).collect();
    let ics: Vec<&(PersonId, CompactString, LevelId, CompactString)> =
        people.iter().filter(|p| p.2.as_str().starts_with('P')).collect();
    let bands = session.ladder.bands.len();
    // Managers place their people in bands.
    for (i, (person, _, level, manager)) in ics.iter().enumerate() {
        let band = (i * 7 + 1) % bands;
        if band != session.ladder.default_band() {
            let placement = Some(Placement { level: level.clone(), band });
            step(&mut session, manager, Change::Place { person: person.clone(), placement })?;
        }
    }
    // Proposals for some of the strong ones, with evidence against the target level.
    let dimensions: Vec<_> = session.ladder.dimensions.iter().map(|d| d.id.clone()).collect();
    let texts = [
        "Led the design of the ledger reconciliation service; doc adopted by two teams.",
        "Reviews show consistent depth; caught the retry-storm risk before launch.",
        "Mentored two engineers through their first on-call rotations.",
        "Wrote the migration proposal and presented it to product leadership.",
        "Shipped the multi-quarter search relevance rewrite on schedule.",
    ];
    let ratings = [Rating::Meets, Rating::Exceeds, Rating::Partly, Rating::Meets, Rating::Meets];
    let mut note_id = 1;
    for (i, (person, name, level, manager)) in ics.iter().enumerate().filter(|(i, _)| i % 4 == 1) {
        let rank = session.ladder.rank(level).unwrap_or(0);
        let Some(target) = session
            .ladder
            .track_levels(ladderboard::model::Track::IndividualContributor)
            .nth(rank + 1)
            .map(|l| l.id.clone())
        else {
            continue;
        };
        for (d, dimension) in dimensions.iter().enumerate().take(3 + i % 3) {
            let change = Change::SetEvidence {
                person: person.clone(),
                level: target.clone(),
                dimension: dimension.clone(),
                rating: Some(ratings[(d + i) % ratings.len()]),
                text: texts[d % texts.len()].to_owned(),
                links: Vec::new(),
            };
            step(&mut session, manager, change)?;
        }
        let proposal = Proposal {
            target: target.clone(),
            rationale: format!("{name} has worked at {target} scope for two quarters; see evidence per dimension."),
            proposer: manager.to_string(),
            proposed_at: clock.get(),
        };
        step(&mut session, manager, Change::Propose { person: person.clone(), proposal: Some(proposal) })?;
        let note = Note {
            id: note_id,
            person: person.clone(),
            at: clock.get(),
            author: manager.to_string(),
            text: format!("Peers describe {name} as the go-to person for design reviews."),
        };
        note_id += 1;
        step(&mut session, manager, Change::AddNote(note))?;
        if i % 8 == 1 {
            let rationale = "Evidence meets the target level in scope, depth and delivery.";
            let decision =
                Decision::new(Outcome::Promote, Some(target.clone()), rationale, "Grace Okafor", clock.get());
            step(&mut session, "Grace Okafor", Change::Decide { person: person.clone(), decision: Some(decision) })?;
        }
    }
    save_session(&session, Path::new("assets/sample/session.ron"))?;
    Ok(())
}
