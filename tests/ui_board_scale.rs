//! The board at scale and at small sizes: every level in view at 1024 px, names readable on cards,
//! a crowded cell's hidden people in a searchable list they can be dragged from, a density view,
//! and a legend for the marks.

mod ui_support;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use ladderboard::app::{LadderApp, sample_session};

fn window(width: f32, session: ladderboard::model::Session) -> Harness<'static, LadderApp> {
    ui_support::window_of(LadderApp::with_session(session, None), egui::vec2(width, 700.0), |b| b)
}

#[test]
fn at_10000_people_and_1280_by_800_every_level_is_in_view() {
    let mut h = ui_support::window_of(
        LadderApp::with_session(ladderboard::fixtures::large_session(10_000), None),
        egui::vec2(1280.0, 800.0),
        |b| b,
    );
    h.run();
    // The board ends where the person panel starts, when it is open.
    let selected = h.state().view.selected.clone().filter(|_| h.state().view.person_open);
    let name = selected.map(|id| h.state().session().name_of(&id));
    let heading = name.map(|name| format!("{name} — "));
    let window_right = heading
        .as_deref()
        .and_then(|heading| {
            h.query_all_by(|n| ui_support::text_of(n).starts_with(heading)).next().map(|p| p.rect().left())
        })
        .unwrap_or(1280.0);
    let roster = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search people").rect();
    for level in ["P1 Junior", "P2 Mid", "P3 Senior", "P4 Senior-plus", "P5 Staff", "P6 Principal"] {
        let header = h.query_all_by(|n| ui_support::text_of(n).starts_with(level)).next();
        let rect = header.unwrap_or_else(|| panic!("{level} is not drawn (off screen)")).rect();
        assert!(rect.right() <= window_right && rect.left() >= roster.right(), "{level} at {rect:?}");
    }
}

#[test]
fn at_1024_pixels_every_level_is_in_view() {
    let mut h = window(1024.0, sample_session());
    // With the person panel open too, the narrowest the window gets.
    h.state_mut().queue(ladderboard::command::Command::Run(ladderboard::command::Action::OpenPerson));
    h.run();
    assert!(h.state().view.person_open);
    // In view means left of the person panel (a header scrolled under it still has a rect).
    let panel = h.query_all_by(|n| ui_support::text_of(n).contains("— P3 Senior")).next().expect("the person panel");
    let panel_left = panel.rect().left();
    let roster = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search people").rect();
    let mut lefts = Vec::new();
    for level in ["P1 Junior", "P2 Mid", "P3 Senior", "P4 Senior-plus", "P5 Staff", "P6 Principal"] {
        let header = h.query_all_by(|n| ui_support::text_of(n).starts_with(level)).next();
        let rect = header.unwrap_or_else(|| panic!("{level} is not drawn (off screen)")).rect();
        assert!(
            rect.right() <= panel_left && rect.left() >= roster.right(),
            "{level} at {rect:?}, panel at {panel_left}"
        );
        lefts.push(rect.left());
    }
    // Columns wide enough for a card to show a name readably: the side panels gave way.
    for pair in lefts.windows(2) {
        assert!(pair[1] - pair[0] >= 70.0, "columns {} px apart", pair[1] - pair[0]);
    }
}

#[test]
fn a_crowded_cell_says_how_many_are_hidden_and_its_list_searches_and_drags() {
    // 600 px tall: P4 Senior-plus "solid" holds 5 people, more than its cell shows.
    let mut h = window(1280.0, sample_session());
    h.set_size(egui::vec2(1280.0, 600.0));
    h.run();
    let more = h
        .query_all_by(|n| {
            ui_support::text_of(n).starts_with('+') && ui_support::text_of(n).contains("more in P4 solid")
        })
        .next()
        .expect("a '+N more' button on the crowded cell");
    let label = ui_support::text_of(&more.accesskit_node());
    let hidden: usize = label[1..].split(' ').next().and_then(|n| n.parse().ok()).expect("a count");
    assert!(hidden >= 1, "{label}");
    more.click();
    h.run();
    ui_support::get_text_containing(&h, "5 people · drag a card onto the board to move it");
    // Search narrows the list to Samir Patel.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search this cell").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search this cell").type_text("samir");
    h.run();
    let samir_cards =
        h.query_all_by(|n| n.role() == egui::accesskit::Role::Button && n.label().as_deref() == Some("Samir Patel"));
    assert!(samir_cards.count() >= 1);
    assert!(
        h.query_all_by(|n| n.role() == egui::accesskit::Role::Button && n.label().as_deref() == Some("Emil Novak"))
            .count()
            <= 1,
        "Emil is filtered out of the list (the board may still show his card)"
    );
    // Drag Samir from the list (the last card drawn with his name) onto P4 strong.
    let from = h
        .query_all_by(|n| n.role() == egui::accesskit::Role::Button && n.label().as_deref() == Some("Samir Patel"))
        .last()
        .expect("Samir in the list")
        .rect()
        .center();
    let to = ui_support::get_text_containing(&h, "P4 strong:").rect().center() + egui::vec2(0.0, 30.0);
    ui_support::drag_and_drop(&mut h, from, to);
    let samir = ui_support::id_of(&h, "Samir Patel");
    let strong = h.state().session().ladder.bands.len() - 1;
    assert_eq!(h.state().session().placements.get(&samir).map(|p| p.band), Some(strong), "moved to strong");
}

#[test]
fn a_large_roster_offers_the_density_view_and_the_legend_explains_the_marks() {
    let mut h = window(1280.0, ladderboard::fixtures::large_session(1_000));
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Density view").click();
    h.run();
    assert!(h.state().view.density);
    // Each cell gives its count and its share of the level instead of cards.
    assert!(ui_support::has_text_containing(&h, " people ("), "cells read as counts and shares");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Legend").click();
    h.run();
    ui_support::get_text_containing(&h, "proposed for P4, not yet decided");
    ui_support::get_text_containing(&h, "more people than the target share");
}
