//! Names in every script, in the window: a roster of Chinese, Japanese and Korean names is imported,
//! its labels read back, and (where the system has the fonts, as CI installs them) drawn with glyphs.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ui_support::{harness, import_roster_fixture};

/// Whether the system has a font for `script` (names are drawn with the system's fonts; the test
/// harness refuses to draw a character no font has). Without one the test is skipped, saying why —
/// except where `LADDERBOARD_REQUIRE_SYSTEM_FONTS` is set, as `.ci/run` sets it after installing
/// the fonts, where a missing font fails.
fn system_font_for(script: &str) -> bool {
    let fonts = ladderboard::ui::fonts::system_fonts();
    let Some((script, package)) = fonts.missing.iter().find(|(s, _)| s.starts_with(script)) else { return true };
    let required = std::env::var_os("LADDERBOARD_REQUIRE_SYSTEM_FONTS").is_some();
    assert!(!required, "no {script} font, though LADDERBOARD_REQUIRE_SYSTEM_FONTS is set: install {package}");
    ladderboard::fixtures::say_skipped(
        script,
        &format!("no system font for these names (install {package} to run it)"),
    );
    false
}

#[test]
fn cjk_names_are_shown_and_have_glyphs() {
    if !system_font_for("Chinese") {
        return;
    }
    let mut h = harness();
    import_roster_fixture(&mut h, "cases/cjk-names.csv");
    assert_eq!(h.state().session().people.len(), 4);
    for name in ["李伟", "田中太郎", "김민준"] {
        h.get_by_role_and_label(Role::Button, name);
    }
    let font = egui::FontId::proportional(13.0);
    for name in ["李伟", "田中太郎", "김민준", "王芳"] {
        assert!(h.ctx.fonts_mut(|f| f.has_glyphs(&font, name)), "{name} is drawn with real glyphs");
    }
}

#[test]
fn right_to_left_names_read_right_to_left_and_the_latin_beside_them_keeps_its_order() {
    if !system_font_for("Hebrew") || !system_font_for("Arabic") {
        return;
    }
    let mut h = harness();
    import_roster_fixture(&mut h, "rtl_names.csv");
    assert_eq!(h.state().session().people.len(), 4);
    // Cards and roster rows carry the name as stored, in reading order.
    for name in ["דנה לוי", "יוסי כהן", "ليلى حداد"] {
        h.get_by_role_and_label(Role::Button, name);
    }
    let fonts = ladderboard::ui::fonts::system_fonts();
    if fonts.missing.iter().any(|(script, _)| script.starts_with("Hebrew")) {
        assert!(std::env::var_os("LADDERBOARD_REQUIRE_SYSTEM_FONTS").is_none(), "CI installs a Hebrew font");
        return;
    }
    // egui 0.37 shapes each run of one font face with the direction of its script (harfrust), so
    // a Hebrew name is painted right to left while the id, level and team beside it stay as written.
    let font = egui::FontId::proportional(13.0);
    let text = "דנה לוי — P4 · Payments";
    let galley = h.ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE));
    let glyphs: Vec<(char, f32)> = galley.rows.iter().flat_map(|r| r.glyphs.iter()).map(|g| (g.chr, g.pos.x)).collect();
    let x = |c: char| glyphs.iter().find(|(g, _)| *g == c).map_or_else(|| panic!("{c} laid out"), |&(_, x)| x);
    // The first word's first letter (dalet) is painted right of its last (he): right to left.
    assert!(x('ד') > x('ה'), "{glyphs:?}");
    // The Latin after the name reads left to right, after all of the name.
    let hebrew_right =
        glyphs.iter().filter(|(c, _)| ('\u{0590}'..='\u{05FF}').contains(c)).map(|&(_, x)| x).fold(0.0, f32::max);
    assert!(hebrew_right < x('P') && x('P') < x('4') && x('4') < x('y'), "{glyphs:?}");
}

/// Every text painted in the last frame, with where it was painted.
fn painted_texts(h: &egui_kittest::Harness<'_, ladderboard::app::LadderApp>) -> Vec<(String, egui::Rect)> {
    fn collect(shape: &egui::Shape, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => out.push((text.galley.text().to_owned(), text.visual_bounding_rect())),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    h.output().shapes.iter().for_each(|clipped| collect(&clipped.shape, &mut out));
    out
}

#[test]
fn a_card_with_a_hebrew_manager_and_team_reads_right_to_left_and_is_cut_at_its_end() {
    if !system_font_for("Hebrew") {
        return;
    }
    let mut h = harness();
    import_roster_fixture(&mut h, "rtl_teams.csv");
    h.run();
    let texts = painted_texts(&h);
    // Dana has no manager: her team alone, its words in display order ("תשלומים" painted left).
    assert!(texts.iter().any(|(t, _)| t == "תשלומים צוות"), "{texts:?}");
    // Yossi's manager is on the right, where the line starts; the long team is cut at the left.
    let yossi = texts.iter().find(|(t, _)| t.ends_with("· לוי דנה")).unwrap_or_else(|| panic!("{texts:?}"));
    assert!(yossi.0.starts_with('…'), "cut at its visual left: {}", yossi.0);
    let card = h.get_by_role_and_label(Role::Button, "יוסי כהן").rect();
    assert!(card.right() - yossi.1.right() < 60.0, "aligned right, by the badge: {:?} in {card:?}", yossi.1);
}
