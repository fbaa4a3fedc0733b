//! Names in every script, in the window: a roster of Chinese, Japanese and Korean names is imported,
//! its labels read back, and (where the system has the fonts, as CI installs them) drawn with glyphs.

mod ui_support;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use ui_support::{harness, import_roster_fixture};

#[test]
fn cjk_names_are_shown_and_have_glyphs() {
    let mut h = harness();
    import_roster_fixture(&mut h, "cases/cjk-names.csv");
    assert_eq!(h.state().session.people.len(), 4);
    for name in ["李伟", "田中太郎", "김민준"] {
        h.get_by_role_and_label(Role::Button, name);
    }
    let fonts = ladderboard::ui::fonts::system_fonts();
    let required = std::env::var_os("LADDERBOARD_REQUIRE_SYSTEM_FONTS").is_some();
    if fonts.missing.iter().any(|(script, _)| script.starts_with("Chinese")) {
        assert!(!required, "CI installs fonts-noto-cjk, so a CJK font must be found");
        return;
    }
    let font = egui::FontId::proportional(13.0);
    for name in ["李伟", "田中太郎", "김민준", "王芳"] {
        assert!(h.ctx.fonts_mut(|f| f.has_glyphs(&font, name)), "{name} is drawn with real glyphs");
    }
}

#[test]
fn right_to_left_names_read_in_order_and_leave_the_latin_beside_them_alone() {
    let mut h = harness();
    import_roster_fixture(&mut h, "rtl_names.csv");
    assert_eq!(h.state().session.people.len(), 4);
    // Cards and roster rows give screen readers (and tests) the name in reading order, as stored.
    for name in ["דנה לוי", "יוסי כהן", "ليلى حداد"] {
        h.get_by_role_and_label(Role::Button, name);
        assert!(h.query_all_by_label(name).count() >= 2, "{name}: a card and a roster row");
    }
    // Painted left to right, the Hebrew letters run from the right; ids and levels keep their order.
    let shown = ladderboard::ui::text_direction::visual("דנה לוי — P4 · Payments");
    assert_eq!(shown, "יול הנד — P4 · Payments");
    let fonts = ladderboard::ui::fonts::system_fonts();
    if fonts.missing.iter().any(|(script, _)| script.starts_with("Hebrew")) {
        return;
    }
    let font = egui::FontId::proportional(13.0);
    assert!(h.ctx.fonts_mut(|f| f.has_glyphs(&font, "דנה לוי")), "Hebrew drawn with real glyphs");
}
