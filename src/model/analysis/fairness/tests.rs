//! The fairness figures on small hand-computed data (the expected numbers worked out in comments).

use super::*;
use crate::model::{Person, Placement, Proposal};

fn person(id: &str, manager: &str, team: &str) -> Person {
    Person::for_tests(id, &format!("P{id}"), manager, team, "P2")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn the_wilson_interval_of_none_in_five() {
    // z = 1.96, n = 5, p = 0: denominator 1 + 3.8416/5 = 1.76832; centre = half = 0.38416/1.76832 = 0.21725.
    let (low, high) = wilson(0, 5);
    assert!(close(low, 0.0) && close(high, 0.43450), "{low} {high}");
    // p = 0.2 of 10: centre (0.2 + 0.19208)/1.38416 = 0.28327, half 1.96 · 0.16001/1.38416 = 0.22658.
    let (low, high) = wilson(2, 10);
    assert!(close(low, 0.05669) && close(high, 0.50985), "{low} {high}");
}

#[test]
fn a_group_strays_only_beyond_the_tolerance_and_the_noise() {
    let targets = BandTargets { shares: vec![0.2, 0.6, 0.2], tolerance: 0.10, min_group: 5 };
    // 10 people: 0 / 2 / 8. Band 0: 0 vs 0.2 is 20 points off, but 0.2 lies inside 0–0.2775 (noise).
    // Band 1: 0.2 vs 0.6, outside 0.0567–0.5099: strays. Band 2: 0.8 vs 0.2, outside 0.4901–0.9433: strays.
    match verdict(&Spread { counts: vec![0, 2, 8] }, &targets) {
        Verdict::Strays(bands) => {
            let flagged: Vec<usize> = bands.iter().map(|b| b.0).collect();
            assert_eq!(flagged, [1, 2]);
            assert!(close(bands[1].1, 0.8));
        }
        other => panic!("{other:?}"),
    }
    // The same shape in 4 people is too few to compare.
    assert_eq!(verdict(&Spread { counts: vec![0, 1, 3] }, &targets), Verdict::TooFew);
    // 1 / 3 / 1 of 5 is the target's shape.
    assert_eq!(verdict(&Spread { counts: vec![1, 3, 1] }, &targets), Verdict::Fits);
}

#[test]
fn the_distribution_counts_people_per_level_and_band_in_a_group() {
    let ladder = crate::io::ladder_ron::default_ladder();
    let people = vec![person("1", "Ann", "Core"), person("2", "Ann", "Core"), person("3", "Bo", "Web")];
    let mut s = Session::new("t", ladder, people);
    s.placements.insert(PersonId::new("1"), Placement { level: LevelId::new("P2"), band: 2 });
    let everyone = s.distribution(Track::IndividualContributor, &Group::Everyone);
    let p2 = &everyone.iter().find(|(l, _)| l.as_str() == "P2").expect("P2").1;
    // Unplaced people stand in the middle band.
    assert_eq!(p2.counts, [0, 2, 1]);
    let core = s.distribution(Track::IndividualContributor, &Group::Team("Core".into()));
    assert_eq!(core.iter().find(|(l, _)| l.as_str() == "P2").expect("P2").1.counts, [0, 1, 1]);
    assert!(close(p2.shares()[1], 2.0 / 3.0));
}

#[test]
fn a_manager_who_rates_everyone_high_drifts_farthest_and_small_teams_come_last() {
    let ladder = crate::io::ladder_ron::default_ladder();
    let mut people: Vec<Person> = (0..6).map(|i| person(&format!("a{i}"), "Ann", "Core")).collect();
    people.extend((0..4).map(|i| person(&format!("b{i}"), "Bo", "Web")));
    let mut s = Session::new("t", ladder, people);
    for i in 0..6 {
        s.placements.insert(PersonId::new(format!("a{i}")), Placement { level: LevelId::new("P2"), band: 2 });
    }
    for i in 0..4 {
        s.placements.insert(PersonId::new(format!("b{i}")), Placement { level: LevelId::new("P2"), band: 0 });
    }
    for i in 0..3 {
        let proposal = Proposal {
            target: LevelId::new("P3"),
            rationale: "r".into(),
            proposer: "Ann".into(),
            proposed_at: jiff::Timestamp::UNIX_EPOCH,
        };
        s.proposals.insert(PersonId::new(format!("a{i}")), proposal);
    }
    // The organisation at P2: 10 people, bands 6·2 + 4·0 = 12 → mean 1.2; 3 proposed → 0.3.
    // Ann: mean 2.0 vs 1.2 (0.8) and 3/6 = 0.5 vs 0.3 (0.2): distance 1.0.
    // Bo: mean 0 vs 1.2 and 0 vs 0.3: distance 1.5, but 4 people are too few to compare.
    let drift = manager_drift(&s, 5);
    assert_eq!(drift.iter().map(|d| d.manager.as_str()).collect::<Vec<_>>(), ["Ann", "Bo"]);
    assert!(close(drift[0].mean_band, 2.0) && close(drift[0].expected_band, 1.2));
    assert!(close(drift[0].proposed, 0.5) && close(drift[0].expected_proposed, 0.3));
    assert!(close(drift[0].distance, 1.0) && !drift[0].too_few);
    assert!(close(drift[1].distance, 1.5) && drift[1].too_few);
    assert_eq!(drift[0].promoted, None, "nothing decided yet");
}
