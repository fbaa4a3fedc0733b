//! UI flows on the calibration board, driven the way a user drives them: clicks, typing, drags, keys.

mod ui_support;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable};
use ladderboard::command::Command;
use ladderboard::command::{BoardCommand, FileCommand};
use ladderboard::io::session::load_session;
use ladderboard::model::{LevelId, Rating};
use ui_support::{
    USER, get_label, get_text, get_text_containing, harness, has_text_containing, id_of, import_button,
    import_roster_fixture, preview_roster_fixture, scroll_into_view, type_into,
};

#[test]
fn the_sample_opens_with_cards_on_the_grid_and_people_in_the_list() {
    let h = harness();
    h.get_by_role_and_label(Role::Button, "Ada Park");
    get_text_containing(&h, "P3 solid:");
    get_text(&h, "P6 Principal");
    assert!(h.state().caches.derived().rows.len() >= 45);
}

#[test]
fn search_and_filters_narrow_the_list_and_the_grid() {
    let mut h = harness();
    h.get_by_role_and_label(Role::TextInput, "Search people").click();
    h.run();
    type_into(&mut h, "Search people", "ada park");
    let rows = &h.state().caches.derived().rows;
    assert_eq!(h.state().session().people[rows[0]].name, "Ada Park", "best match first");
    assert!(h.query_by_role_and_label(Role::Button, "Bilal Hassan").is_none(), "grid follows the search");
    // Clear the search and filter by team instead.
    h.state_mut().view.filters.search.clear();
    h.run();
    let team_combo = h.get_by_role_and_label(Role::ComboBox, "Team");
    team_combo.click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Search").click();
    h.run();
    let state = h.state();
    assert_eq!(state.view.filters.team.as_deref(), Some("Search"));
    assert!(state.caches.derived().rows.iter().all(|&i| state.session().people[i].team == "Search"));
    assert!(!state.caches.derived().rows.is_empty());
}

#[test]
fn clicking_a_person_in_the_list_selects_them_on_the_grid() {
    let mut h = harness();
    get_label(&h, "Arjun Mehta").click();
    h.run();
    assert_eq!(h.state().view.selected, Some(id_of(&h, "Arjun Mehta")));
    get_text_containing(&h, "Arjun Mehta — P1");
}

#[test]
fn drag_a_card_up_a_level_asks_for_a_rationale_then_proposes() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    assert!(!h.state().session().proposals.contains_key(&ada));
    let from = h.get_by_role_and_label(Role::Button, "Ada Park").rect().center();
    let to = get_text_containing(&h, "P4 solid:").rect().center() + egui::vec2(0.0, 30.0);
    ui_support::drag_and_drop(&mut h, from, to);
    get_text_containing(&h, "Propose Ada Park for P4");
    assert!(h.get_by_role_and_label(Role::Button, "Propose").accesskit_node().is_disabled(), "a rationale is required");
    h.get_by_role_and_label(Role::MultilineTextInput, "Rationale for the proposal").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Rationale for the proposal")
        .type_text("Leads payments design across the team");
    h.run();
    h.get_by_role_and_label(Role::Button, "Propose").click();
    h.run();
    let session = h.state().session();
    let proposal = session.proposals.get(&ada).expect("proposed");
    assert_eq!(proposal.target, LevelId::new("P4"));
    assert_eq!(proposal.rationale, "Leads payments design across the team");
    assert_eq!(proposal.proposer, USER);
    assert_eq!(session.placements[&ada].level, LevelId::new("P4"));
    assert_eq!(h.state().document.history().undo_label(), Some("move Ada Park P3 → P4"));
}

#[test]
fn cancelling_the_prompt_changes_nothing() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    h.run();
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert!(h.state().view.pending.is_none());
    assert!(
        !h.state().session().placements.contains_key(&ada)
            || h.state().session().placements[&ada].level.as_str() == "P3"
    );
    assert!(h.state().document.history().undo_label().is_none());
}

#[test]
fn keyboard_moves_cards_between_bands_and_selection_between_cards() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    let band_before = h.state().session().placement(h.state().session().person(&ada).expect("ada")).band;
    let direction = if band_before == 2 { Key::ArrowDown } else { Key::ArrowUp };
    h.key_press_modifiers(Modifiers::COMMAND, direction);
    h.run();
    let band_after = h.state().session().placement(h.state().session().person(&ada).expect("ada")).band;
    assert_ne!(band_before, band_after, "Ctrl+arrow moved the card within its level");
    h.key_press(Key::ArrowRight);
    h.run();
    let selected = h.state().view.selected.clone().expect("selection");
    assert_ne!(selected, ada, "arrow moved the selection to the next level");
    let level = &h.state().session().person(&selected).expect("p").level;
    assert!(level.as_str() > "P3", "{level}");
}

#[test]
fn rate_a_criterion_add_a_note_undo_and_redo() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    let target = h.state().view.drafts.target.clone().expect("a target level");
    let combo = h.get_by_role_and_label(Role::ComboBox, "Scope of impact rating");
    combo.click();
    h.run();
    h.get_by_role_and_label(Role::Button, "exceeds").click();
    h.run();
    let rating = |h: &egui_kittest::Harness<'_, ladderboard::app::LadderApp>| {
        h.state().session().evidence_for(&ada, &target, &"scope".into()).and_then(|e| e.rating)
    };
    assert_eq!(rating(&h), Some(Rating::Exceeds));
    scroll_into_view(&mut h, Role::MultilineTextInput, "Calibration note");
    h.get_by_role_and_label(Role::MultilineTextInput, "Calibration note").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Calibration note")
        .type_text("Ran the incident review for the ledger outage");
    h.run();
    scroll_into_view(&mut h, Role::Button, "Add note");
    h.get_by_role_and_label(Role::Button, "Add note").click();
    h.run();
    let notes = |h: &egui_kittest::Harness<'_, ladderboard::app::LadderApp>| {
        h.state()
            .session()
            .notes_for(&ada)
            .any(|n| n.text == "Ran the incident review for the ledger outage" && n.author == USER)
    };
    assert!(notes(&h));
    get_text(&h, "Ran the incident review for the ledger outage");
    // Undo through the Edit menu, where the step is named; then the keyboard.
    h.get_by_role_and_label(Role::Button, "Edit").click();
    h.run();
    get_text_containing(&h, "Undo: add note on Ada Park").click();
    h.run();
    assert!(!notes(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(rating(&h), None, "second undo takes back the rating");
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::Z);
    h.run();
    assert_eq!(rating(&h), Some(Rating::Exceeds));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert!(notes(&h), "Ctrl+Y redoes too");
}

#[test]
fn a_decision_needs_a_rationale_and_is_recorded() {
    let mut h = harness();
    let wen = id_of(&h, "Arjun Mehta");
    get_label(&h, "Arjun Mehta").click();
    h.run();
    scroll_into_view(&mut h, Role::ComboBox, "Outcome");
    let combo = h.get_by_role_and_label(Role::ComboBox, "Outcome");
    combo.click();
    h.run();
    h.get_by_role_and_label(Role::Button, "hold").click();
    h.run();
    assert!(h.get_by_role_and_label(Role::Button, "Record decision").accesskit_node().is_disabled());
    scroll_into_view(&mut h, Role::MultilineTextInput, "Decision rationale");
    h.get_by_role_and_label(Role::MultilineTextInput, "Decision rationale").click();
    h.run();
    type_into(&mut h, "Decision rationale", "Scope still within one feature");
    scroll_into_view(&mut h, Role::Button, "Record decision");
    h.get_by_role_and_label(Role::Button, "Record decision").click();
    h.run();
    let decision = h.state().session().decisions.get(&wen).expect("decided");
    assert_eq!(decision.rationale, "Scope still within one feature");
    assert_eq!(decision.decided_by, USER);
}

#[test]
fn palette_lists_commands_and_runs_them() {
    let mut h = harness();
    let theme_before = h.state().settings.theme;
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    get_text_containing(&h, "Save as…");
    type_into(&mut h, "Command palette", "theme");
    assert!(!has_text_containing(&h, "Save as…"), "filtered");
    h.key_press(Key::Enter);
    h.run();
    assert_ne!(h.state().settings.theme, theme_before);
    assert!(h.state().view.palette.is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    h.run();
    assert_eq!(h.state().view.track, ladderboard::model::Track::Management);
    get_text(&h, "M2 Engineering Manager");
}

#[test]
fn save_reopen_and_find_every_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("calibration.ron");
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    scroll_into_view(&mut h, Role::MultilineTextInput, "Calibration note");
    h.get_by_role_and_label(Role::MultilineTextInput, "Calibration note").click();
    h.run();
    type_into(&mut h, "Calibration note", "Strong cross-team influence");
    scroll_into_view(&mut h, Role::Button, "Add note");
    h.get_by_role_and_label(Role::Button, "Add note").click();
    h.run();
    assert!(h.state().is_dirty());
    assert!(h.state().title().starts_with('●'));
    h.state_mut().queue(Command::File(FileCommand::SaveTo(path.clone())));
    h.run();
    assert!(!h.state().is_dirty(), "{:?}", h.state().status);
    assert_eq!(h.state().title(), "calibration.ron — Ladderboard");
    let saved = load_session(&path).expect("loads");
    assert_eq!(saved, *h.state().session());
    h.state_mut().queue(Command::File(FileCommand::Open(path.clone())));
    h.run();
    assert!(h.state().session().notes_for(&ada).any(|n| n.text == "Strong cross-team influence"));
    assert_eq!(h.state().settings.recent.first(), Some(&path));
}

#[test]
fn a_bad_file_is_reported_in_the_window_and_the_session_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(format_version: 1, title: ").expect("write");
    let mut h = harness();
    let before = h.state().session().clone();
    h.state_mut().queue(Command::File(FileCommand::Open(path)));
    h.run();
    get_text_containing(&h, "broken.ron");
    assert_eq!(*h.state().session(), before);
}

#[test]
fn new_from_roster_imports_people_unsaved() {
    let mut h = harness();
    import_roster_fixture(&mut h, "semicolon_first_last.csv");
    assert_eq!(h.state().session().people.len(), 2);
    assert!(h.state().is_dirty());
    h.get_by_role_and_label(Role::Button, "Chloé Martin");
}

#[test]
fn a_tampered_audit_trail_is_shown_as_a_warning_on_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tampered.ron");
    let mut session = ladderboard::app::sample_session();
    session.audit[2].actor = "someone else".to_owned();
    ladderboard::io::session::save_session(&session, &path).expect("save");
    let mut h = harness();
    h.state_mut().queue(Command::File(FileCommand::Open(path)));
    h.run();
    get_text_containing(&h, "audit trail in");
    get_text_containing(&h, "audit event 3: does not match its seal");
}

#[test]
fn the_audit_author_is_the_name_set_in_preferences() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Preferences (your name)…").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Your name (written in the audit trail)");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Your name (written in the audit trail)").type_text("Chair Ines");
    h.run();
    h.get_by_role_and_label(Role::Button, "Save name").click();
    h.run();
    assert_eq!(h.state().settings.user_name, "Chair Ines");
    assert!(h.state().settings.name_confirmed, "said once, not asked again");
    assert!(h.query_by_label("Save name").is_none(), "the window closes");
    let ada = id_of(&h, "Ada Park");
    let placement = ladderboard::model::Placement { level: LevelId::new("P3"), band: 0 };
    h.state_mut().queue(Command::Board(BoardCommand::MoveCard { person: ada, to: placement }));
    h.run();
    assert_eq!(h.state().session().audit.last().map(|e| e.actor.as_str()), Some("Chair Ines"));
}

#[test]
fn a_half_written_note_survives_selecting_someone_else() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    scroll_into_view(&mut h, Role::MultilineTextInput, "Calibration note");
    h.get_by_role_and_label(Role::MultilineTextInput, "Calibration note").click();
    h.run();
    type_into(&mut h, "Calibration note", "Half a thought");
    get_label(&h, "Arjun Mehta").click();
    h.run();
    assert_eq!(h.state().view.drafts.note, "");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    assert_eq!(h.state().view.drafts.note, "Half a thought");
}

#[test]
fn evidence_links_are_recorded_from_the_links_field() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    let target = h.state().view.drafts.target.clone().expect("target");
    h.get_by_role_and_label(Role::TextInput, "Scope of impact links").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Scope of impact links")
        .type_text("https://docs/design-42, https://reviews/7");
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search people").click(); // focus leaves the field
    h.run();
    let evidence = h.state().session().evidence_for(&ada, &target, &"scope".into()).cloned().expect("recorded");
    assert_eq!(evidence.links, vec!["https://docs/design-42".to_owned(), "https://reviews/7".to_owned()]);
}

#[test]
fn an_import_with_many_problems_lists_each_one_in_the_preview_and_imports_nothing() {
    let mut h = harness();
    let before = h.state().session().clone();
    preview_roster_fixture(&mut h, "errors.csv");
    get_text_containing(&h, "5 problems — nothing is imported until they are fixed");
    get_text_containing(&h, "line 5, column \"level\": unknown level");
    get_text_containing(&h, "line 3, column \"id\": duplicate id");
    assert!(import_button(&h).accesskit_node().is_disabled());
    h.get_by_role_and_label(Role::Button, "Cancel").click();
    h.run();
    assert_eq!(*h.state().session(), before, "nothing imported");
}

#[test]
fn managers_named_by_employee_id_are_shown_and_filtered_by_name() {
    let mut h = harness();
    import_roster_fixture(&mut h, "manager_ids.csv");
    // Jo Chen's roster row says manager "u1", which is Sam Lee's id.
    let manager_combo = h.get_by_role_and_label(Role::ComboBox, "Manager");
    manager_combo.click();
    h.run();
    // Sam Lee is both a card on the grid and a choice in the open list: pick the choice, the one
    // that is not a card (cards describe how to move them).
    let choice = h
        .query_all_by_role_and_label(Role::Button, "Sam Lee")
        .find(|n| !n.accesskit_node().description().unwrap_or_default().contains("Drag"))
        .expect("a choice");
    choice.click();
    h.run();
    let state = h.state();
    assert_eq!(state.view.filters.manager.as_deref(), Some("u1"));
    let names: Vec<&str> =
        state.caches.derived().rows.iter().map(|&i| state.session().people[i].name.as_str()).collect();
    assert_eq!(names, ["Jo Chen"]);
    // The list and the card show the name, not the id.
    get_label(&h, "Sam Lee");
    assert!(!has_text_containing(&h, "u1 ·"), "the card says who, not which id");
    get_text_containing(&h, "Sam Lee · Search");
}

#[test]
fn the_person_panel_shows_the_rosters_other_columns() {
    let mut h = harness();
    import_roster_fixture(&mut h, "seniority_column.csv");
    h.get_by_role_and_label(Role::Button, "Aiko Tanaka").click();
    h.run();
    get_text(&h, "Job Title: Backend Engineer");
}

/// A card's tooltip, open under a resting pointer, gives way when a dialog opens over the board.
#[test]
fn a_cards_tooltip_is_not_shown_over_a_dialog() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Ada Park").hover();
    for _ in 0..5 {
        h.step();
        // egui waits a moment before it shows a tooltip.
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    h.run();
    assert!(has_text_containing(&h, "Drag to move"), "the tooltip shows on hover");
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Command palette");
    assert!(!has_text_containing(&h, "Drag to move"), "no tooltip over the palette");
}

/// On a laptop-height window the palette's field stays on screen and its list scrolls.
#[test]
fn the_palette_fits_a_short_window_and_its_list_scrolls() {
    let mut h = harness();
    h.set_size(egui::vec2(1280.0, 600.0));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Command palette").rect();
    assert!(field.top() >= 0.0 && field.bottom() <= 600.0, "the field is on screen: {field:?}");
    // The last commands are below the list's fold, past the window's bottom.
    let below = get_text_containing(&h, "About Ladderboard").rect();
    assert!(below.top() > 600.0, "the list scrolls: {below:?}");
    type_into(&mut h, "Command palette", "about");
    let about = get_text_containing(&h, "About Ladderboard").rect();
    assert!(about.bottom() <= 600.0, "a filtered command is in view: {about:?}");
}

/// Putting someone below their own level is allowed, but said: Nadia Karimi (P2, proposed for
/// P3) moved into P1 and her proposal kept, the status line says both.
#[test]
fn moving_someone_below_their_level_is_said_with_the_proposal_that_stands() {
    let mut h = harness();
    let nadia = id_of(&h, "Nadia Karimi");
    assert!(h.state().session().proposals.contains_key(&nadia), "the sample proposes her for P3");
    h.get_by_role_and_label(Role::Button, "Nadia Karimi").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
    h.run();
    h.get_by_role_and_label(Role::Button, "Keep the proposal for P3").click();
    h.run();
    assert_eq!(h.state().session().placements[&nadia].level.as_str(), "P1");
    get_text_containing(&h, "Nadia Karimi placed in P1, below their level P2; the proposal for P3 is kept");
}

/// Namesakes stay apart where a name is cut: the roster keeps the end that differs.
#[test]
fn namesakes_cut_to_fit_keep_the_end_that_tells_them_apart() {
    let mut session = ladderboard::app::sample_session();
    session.people[0].name = "Ada Nakamura-Whitfield 2748".into();
    session.people[1].name = "Ada Nakamura-Whitfield 3016".into();
    session.reindex();
    let mut h = ui_support::window_of(
        ladderboard::app::LadderApp::with_session(session, None),
        egui::vec2(1024.0, 700.0),
        |b| b,
    );
    h.run();
    for end in ["2748", "3016"] {
        let shown =
            h.query_all_by(|n| ui_support::text_of(n).contains('…') && ui_support::text_of(n).ends_with(end)).count();
        assert!(shown >= 1, "a cut name ending in {end}");
    }
    assert!(!has_text_containing(&h, "Ada Nakamura-Whit…"), "no shared prefix cut");
}

#[test]
fn a_long_note_shows_its_first_lines_and_the_whole_on_request() {
    use ladderboard::command::Edit;
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    let long = format!("Led the ledger migration. {}", "Every step was reviewed with the team. ".repeat(500));
    h.state_mut().queue(Command::Edit(Edit::AddNote { person: ada, text: long.trim().to_owned() }));
    h.run();
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    let chars = long.trim().chars().count();
    let cut = get_text_containing(&h, "Led the ledger migration.");
    let text = |n: &egui_kittest::Node<'_>| ui_support::text_of(&n.accesskit_node());
    let shown = text(&cut);
    assert!(shown.ends_with('…') && shown.chars().count() <= 281, "cut with …: {} characters", shown.chars().count());
    let show_all = format!("Show all {chars} characters");
    scroll_into_view(&mut h, Role::Link, &show_all);
    h.get_by_role_and_label(Role::Link, &show_all).click();
    h.run();
    let whole = get_text_containing(&h, "Led the ledger migration.");
    assert_eq!(text(&whole), long.trim(), "the whole text, in a scroll area");
    h.get_by_role_and_label(Role::Link, "Show less").click();
    h.run();
    assert!(text(&get_text_containing(&h, "Led the ledger migration.")).ends_with('…'));
}

#[test]
fn correct_and_delete_your_own_note_but_not_someone_elses() {
    let mut h = harness();
    let ada = id_of(&h, "Ada Park");
    h.get_by_role_and_label(Role::Button, "Ada Park").click();
    h.run();
    let others = h.state().session().notes_for(&ada).filter(|n| n.author != USER).count();
    type_into(&mut h, "Calibration note", "Ran the incident reviw");
    scroll_into_view(&mut h, Role::Button, "Add note");
    h.get_by_role_and_label(Role::Button, "Add note").click();
    h.run();
    // Only the user's own note offers Edit and Delete.
    assert_eq!(h.get_all_by_role_and_label(Role::Button, "Edit note").count(), 1, "{others} notes by others");
    scroll_into_view(&mut h, Role::Button, "Edit note");
    h.get_by_role_and_label(Role::Button, "Edit note").click();
    h.run();
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Edit note");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Edit note").type_text("Ran the incident review");
    h.run();
    h.get_by_role_and_label(Role::Button, "Save note").click();
    h.run();
    let mine = |h: &egui_kittest::Harness<'_, ladderboard::app::LadderApp>| {
        h.state().session().notes_for(&ada).filter(|n| n.author == USER).map(|n| n.text.clone()).collect::<Vec<_>>()
    };
    assert_eq!(mine(&h), ["Ran the incident review"]);
    get_text(&h, "Ran the incident review");
    let event = h.state().session().audit.last().expect("event").clone();
    assert_eq!((event.action.as_str(), event.from.as_str()), ("edit note", "Ran the incident reviw"));
    scroll_into_view(&mut h, Role::Button, "Delete note");
    h.get_by_role_and_label(Role::Button, "Delete note").click();
    h.run();
    assert!(mine(&h).is_empty());
    get_text_containing(&h, "delete note on Ada Park");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(mine(&h), ["Ran the incident review"], "undo brings it back");
    assert!(h.state().session().record_breaks().is_empty());
}

/// Ctrl+Left on the selected card until the board asks about the proposal (at most three levels).
fn move_down_until_asked(h: &mut egui_kittest::Harness<'_, ladderboard::app::LadderApp>) {
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
        h.run();
        if h.state().view.demotion.is_some() {
            return;
        }
    }
    panic!("no question about the proposal");
}

#[test]
fn moving_a_proposed_person_below_their_level_asks_what_becomes_of_the_proposal() {
    let mut h = harness();
    let farah = id_of(&h, "Farah Aziz");
    let level = |h: &egui_kittest::Harness<'_, ladderboard::app::LadderApp>| {
        let s = h.state().session();
        s.placement(s.person(&farah).expect("Farah")).level
    };
    let target = |h: &egui_kittest::Harness<'_, ladderboard::app::LadderApp>| {
        h.state().session().proposals.get(&farah).map(|p| p.target.to_string())
    };
    assert_eq!(target(&h).as_deref(), Some("P3"));
    h.get_by_role_and_label(Role::Button, "Farah Aziz").click();
    h.run();
    move_down_until_asked(&mut h);
    let asked_at = level(&h);
    get_text_containing(&h, "Farah Aziz is proposed for P3");
    get_text_containing(&h, "puts them below their level, P2");
    // Cancel leaves the card where it was.
    h.get_by_role_and_label(Role::Button, "Cancel: leave the card where it was").click();
    h.run();
    assert_eq!(level(&h), asked_at);
    assert!(h.state().view.demotion.is_none());

    // Withdraw: moved and withdrawn in one step, which one undo takes back.
    move_down_until_asked(&mut h);
    h.get_by_role_and_label(Role::Button, "Withdraw the proposal").click();
    h.run();
    assert_eq!(level(&h), LevelId::new("P1"));
    assert_eq!(target(&h), None);
    let event = h.state().session().audit.last().expect("event").clone();
    assert_eq!(event.action, "withdraw proposal");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!((level(&h), target(&h).as_deref()), (asked_at.clone(), Some("P3")), "one step undone whole");

    // Change: the proposal takes another level and keeps its case.
    move_down_until_asked(&mut h);
    h.get_by_role_and_label(Role::ComboBox, "Change it to").click();
    h.run();
    assert!(h.query_by_role_and_label(Role::Button, "P2 Mid").is_none(), "only levels above hers");
    h.get_by_role_and_label(Role::Button, "P4 Senior-plus").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Change the proposal").click();
    h.run();
    assert_eq!((level(&h), target(&h).as_deref()), (LevelId::new("P1"), Some("P4")));
    let rationale = &h.state().session().proposals[&farah].rationale;
    assert!(rationale.starts_with("Farah Aziz has worked at P3 scope"), "{rationale}");
    assert_eq!(h.state().session().proposals[&farah].proposer, USER);

    // Keep: only the card moves.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    move_down_until_asked(&mut h);
    h.get_by_role_and_label(Role::Button, "Keep the proposal for P3").click();
    h.run();
    assert_eq!((level(&h), target(&h).as_deref()), (LevelId::new("P1"), Some("P3")));
}
