//! Image snapshots of the screens a user meets first, in light and dark, rendered the way egui
//! tests itself (`egui_kittest` through wgpu). Run with `cargo test --features snapshots --test
//! snapshots`; `.ci/run` installs Mesa's software renderers and runs them. After a deliberate
//! change, `UPDATE_SNAPSHOTS=1` rewrites the images in `tests/snapshots/`, which the README shows.
#![cfg(feature = "snapshots")]

mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ladderboard::app::{LadderApp, sample_session};
use ladderboard::command::Command;
use ladderboard::command::{BoardCommand, FileCommand, WindowCommand};
use ladderboard::model::{PersonId, Placement};
use ladderboard::view::{RecoveryOffer, ThemeChoice};

fn window(theme: ThemeChoice) -> Harness<'static, LadderApp> {
    let mut app = LadderApp::with_session(sample_session(), None);
    app.settings.theme = theme;
    ui_support::window_of(app, egui::vec2(1280.0, 800.0), egui_kittest::HarnessBuilder::wgpu)
}

fn both_themes(name: &str, scene: impl Fn(&mut Harness<'static, LadderApp>)) {
    let mut failures = Vec::new();
    for (theme, suffix) in [(ThemeChoice::Light, "light"), (ThemeChoice::Dark, "dark")] {
        let mut h = window(theme);
        scene(&mut h);
        h.run();
        if let Err(e) = h.try_snapshot(format!("{name}_{suffix}")) {
            failures.push(e.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn board() {
    both_themes("board", |_| {});
}

#[test]
fn person_panel() {
    both_themes("person_panel", |h| {
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Ada Park").click();
        h.run();
    });
}

#[test]
fn proposal_prompt() {
    both_themes("proposal_prompt", |h| {
        let ada = PersonId::new("E2001");
        let level = h.state().session().person(&ada).expect("Ada").level.clone();
        let next = h.state().session().ladder.next_level(&level).expect("a level above").id.clone();
        h.state_mut()
            .queue(Command::Board(BoardCommand::MoveCard { person: ada, to: Placement { level: next, band: 0 } }));
        h.run();
    });
}

#[test]
fn restore_prompt() {
    both_themes("restore_prompt", |h| {
        h.state_mut().view.recovery_offers = vec![RecoveryOffer {
            file: "recovery/1f3c.ron".into(),
            session_path: Some("/home/chair/reviews/2026-h2.ron".into()),
            unsaved_changes: 3,
            last_change: "Ada Park: proposed for P6 Principal".into(),
            written_at: "2026-11-30 17:42:10".into(),
        }];
        h.run();
    });
}

#[test]
fn error_window() {
    both_themes("error_window", |h| {
        h.state_mut().queue(Command::File(FileCommand::Open("/nowhere/team.ron".into())));
        h.run();
        h.state_mut().view.status_details = true;
        h.run();
    });
}

#[test]
fn fairness_charts() {
    both_themes("fairness_charts", |h| {
        h.state_mut().queue(Command::Run(ladderboard::command::Action::Fairness));
        h.run();
    });
}

#[test]
fn comparison() {
    both_themes("comparison", |h| {
        for id in ["E2001", "E2002"] {
            h.state_mut().queue(Command::Window(WindowCommand::ToggleCompare(PersonId::new(id))));
            h.run();
        }
    });
}

/// The room's shared screen at 1920×1080: a candidate in type that scales with the window.
#[test]
fn presenter_full_hd() {
    let mut app = LadderApp::with_session(sample_session(), None);
    app.settings.theme = ThemeChoice::Light;
    let mut h = ui_support::window_of(app, egui::vec2(1920.0, 1080.0), egui_kittest::HarnessBuilder::wgpu);
    let victor = PersonId::new("E2022");
    h.state_mut().queue(Command::Meeting(ladderboard::command::MeetingCommand::Present(victor)));
    h.run();
    h.snapshot("presenter_1920x1080");
}

/// The chair's desk: the committee, attendance, recusals, budget and minutes.
#[test]
fn committee_window() {
    both_themes("committee", |h| {
        use ladderboard::document::CommitteeEdit;
        use ladderboard::model::committee::Role;
        let edits = [
            CommitteeEdit::SetMember { name: "Test Chair".into(), role: Some(Role::Chair) },
            CommitteeEdit::SetMember { name: "Mei Lin Zhou".into(), role: Some(Role::Member) },
            CommitteeEdit::SetMember { name: "Priya Raman".into(), role: Some(Role::Member) },
            CommitteeEdit::SetMember { name: "Ines Duarte".into(), role: Some(Role::HrPartner) },
            CommitteeEdit::SetBudget(ladderboard::model::committee::Budget {
                overall: Some(8),
                per_level: std::collections::BTreeMap::new(),
            }),
        ];
        for edit in edits {
            h.state_mut().queue(Command::Edit(ladderboard::command::Edit::Committee(edit)));
        }
        h.state_mut().queue(Command::Run(ladderboard::command::Action::Committee));
        h.run();
    });
}
