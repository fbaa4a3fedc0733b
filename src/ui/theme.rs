//! Every colour and spacing the app uses, for both themes. Panels ask here; nothing else picks colours.

use crate::model::Status;
use crate::view::ThemeChoice;
use egui::{Color32, Visuals};

/// Arrows, check marks and bullets used in labels ("P3 → P4"), which egui's default fonts lack.
const SYMBOLS_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-symbols.ttf");

/// Adds the symbols font and the system's fonts for scripts egui lacks (CJK, Hebrew, Arabic) as
/// fallbacks after egui's default fonts. Call once at start; returns the scripts no font covers,
/// with the package that would, for a notice.
#[must_use]
pub fn install_fonts(ctx: &egui::Context) -> Vec<(&'static str, &'static str)> {
    let mut fonts = egui::FontDefinitions::default();
    let system = super::fonts::system_fonts();
    let mut fallbacks = vec![("dejavu-symbols".to_owned(), egui::FontData::from_static(SYMBOLS_FONT))];
    fallbacks.extend(system.found);
    for (name, data) in fallbacks {
        fonts.font_data.insert(name.clone(), std::sync::Arc::new(data));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.clone());
        }
    }
    ctx.set_fonts(fonts);
    system.missing
}

/// Switches egui's visuals to the chosen theme.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.set_visuals(visuals_of(choice));
}

/// The theme's visuals. Secondary ("weak") text is set to read at WCAG AA contrast (4.5 : 1) on
/// the panels: egui's default faded grey gives about 2.3 : 1.
#[must_use]
#[expect(clippy::disallowed_methods, reason = "the theme is where colours are chosen")]
pub fn visuals_of(choice: ThemeChoice) -> Visuals {
    let (mut visuals, weak) = match choice {
        ThemeChoice::Dark => (Visuals::dark(), egui::Color32::from_gray(150)),
        ThemeChoice::Light => (Visuals::light(), egui::Color32::from_gray(92)),
    };
    visuals.weak_text_color = Some(weak);
    visuals
}

/// The WCAG contrast ratio of two opaque colours (1 to 21).
#[must_use]
pub fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let luminance = |c: egui::Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Share of the window width the roster panel starts at, and its narrowest width.
pub const ROSTER_PANEL_SHARE: f32 = 0.24;
pub const ROSTER_PANEL_MIN: f32 = 200.0;
/// Share of the window width the person panel starts at, and its narrowest width.
pub const PERSON_PANEL_SHARE: f32 = 0.25;
pub const PERSON_PANEL_MIN: f32 = 240.0;

/// Width of a small question (unsaved changes, command palette).
pub const DIALOG_WIDTH_SMALL: f32 = 420.0;
/// Width of a prompt with an explanation (lock, recovery, proposal rationale).
pub const DIALOG_WIDTH: f32 = 450.0;
/// Where the meeting and fairness windows first open: over the board, clear of the menu bar (the
/// blind-mode banner and its Reveal button live there) and of the roster.
pub const WINDOW_START: [f32; 2] = [330.0, 70.0];
/// The import preview: wide enough for six columns of the first rows.
pub const IMPORT_PREVIEW_WIDTH: f32 = 760.0;
/// The import preview's problem list scrolls past this height.
pub const IMPORT_PROBLEMS_HEIGHT: f32 = 220.0;

/// Font size of a person's name on a card.
pub const CARD_NAME_SIZE: f32 = 13.0;
/// Font size of a card's status badge ("→P4").
pub const CARD_BADGE_SIZE: f32 = 11.0;
/// Font size of a card's second line (manager, team).
pub const CARD_DETAIL_SIZE: f32 = 10.5;

/// Height of a card on the grid, in points.
pub const CARD_HEIGHT: f32 = 34.0;
/// Space between cards.
pub const CARD_GAP: f32 = 3.0;

/// Card background.
#[must_use]
pub fn card_fill(visuals: &Visuals, selected: bool) -> Color32 {
    if selected { visuals.selection.bg_fill } else { visuals.widgets.inactive.weak_bg_fill }
}

/// Cell background, alternating by band so rows read as rows.
#[must_use]
pub fn cell_fill(visuals: &Visuals, band: usize) -> Color32 {
    let base = visuals.extreme_bg_color;
    if band.is_multiple_of(2) { base } else { visuals.faint_bg_color }
}

/// Colour of the status badge on a card and in the table.
#[must_use]
#[expect(clippy::disallowed_methods, reason = "the theme is where colours are chosen")]
pub fn status_color(visuals: &Visuals, status: Status) -> Color32 {
    match (status, visuals.dark_mode) {
        (Status::NoProposal, _) => visuals.weak_text_color(),
        (Status::Proposed, true) => Color32::from_rgb(240, 190, 80),
        (Status::Proposed, false) => Color32::from_rgb(170, 110, 0),
        (Status::Decided, true) => Color32::from_rgb(110, 200, 120),
        (Status::Decided, false) => Color32::from_rgb(20, 120, 40),
    }
}

/// Colour of a band in the fairness charts, lowest band first: warm to cool.
#[must_use]
#[expect(clippy::disallowed_methods, reason = "the theme is where colours are chosen")]
pub fn band_color(visuals: &Visuals, band: usize) -> Color32 {
    const DARK: [(u8, u8, u8); 5] =
        [(230, 140, 90), (120, 160, 230), (110, 200, 140), (200, 160, 230), (220, 200, 110)];
    const LIGHT: [(u8, u8, u8); 5] = [(200, 100, 50), (50, 100, 190), (30, 140, 70), (130, 80, 180), (170, 140, 20)];
    let (r, g, b) = if visuals.dark_mode { DARK[band % 5] } else { LIGHT[band % 5] };
    Color32::from_rgb(r, g, b)
}

/// Colour for error messages.
#[must_use]
pub fn error_color(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color
}

/// A state the user must not overlook (blind mode on).
#[must_use]
pub fn warning_color(visuals: &Visuals) -> Color32 {
    visuals.warn_fg_color
}

/// A density cell's background: neutral within the tolerance of its target share, warm when the
/// cell holds more than the target, cool when fewer, stronger the farther off (`deviation` is the
/// share minus the target, −1 … 1).
#[must_use]
#[expect(clippy::disallowed_methods, reason = "the theme is where colours are chosen")]
pub fn density_fill(visuals: &Visuals, band: usize, deviation: f32, tolerance: f32) -> Color32 {
    let off = deviation.abs() - tolerance;
    if off <= 0.0 {
        return cell_fill(visuals, band);
    }
    let strength = (off / 0.4).clamp(0.15, 1.0);
    let tint = if deviation > 0.0 { Color32::from_rgb(230, 120, 60) } else { Color32::from_rgb(70, 130, 230) };
    cell_fill(visuals, band).lerp_to_gamma(tint, strength * 0.6)
}

#[cfg(test)]
mod contrast_tests {
    use super::{ThemeChoice, contrast, visuals_of};

    #[test]
    fn secondary_text_reads_at_aa_contrast_in_both_themes() {
        for choice in [ThemeChoice::Light, ThemeChoice::Dark] {
            let visuals = visuals_of(choice);
            for background in [visuals.panel_fill, visuals.window_fill] {
                let ratio = contrast(visuals.weak_text_color(), background);
                assert!(ratio >= 4.5, "{choice:?}: weak text at {ratio:.2} : 1");
            }
        }
    }
}
