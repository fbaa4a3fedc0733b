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
