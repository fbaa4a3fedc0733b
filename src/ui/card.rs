//! A person's compact card on the grid: name, manager and team, and a badge for a proposal or decision.

use super::hint::Hint as _;
use super::theme;
use crate::model::{Person, Session, Status};
use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, FontId, Rect, Role, Sense, Stroke, StrokeKind, Ui, WidgetInfo};

/// Draws a card filling `width`; returns its response (click to select).
pub fn card_ui(ui: &mut Ui, session: &Session, person: &Person, selected: bool) -> egui::Response {
    let size = egui::vec2(ui.available_width(), theme::CARD_HEIGHT);
    // One widget both clicks (select) and drags (move): a separate drag layer on top would swallow clicks.
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    if response.dragged() {
        response.dnd_set_drag_payload(person.id.clone());
        paint_drag_ghost(ui, &person.name);
    }
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &person.name));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let fill = theme::card_fill(visuals, selected);
    let stroke = if response.hovered() || selected { visuals.widgets.hovered.bg_stroke } else { Stroke::NONE };
    painter.rect(rect, 4.0, fill, stroke, StrokeKind::Inside);
    let coverage = coverage_of(session, person);
    if let Some(coverage) = coverage {
        let color = theme::status_color(visuals, Status::Proposed);
        paint_coverage(&painter, rect, coverage, color, visuals.widgets.noninteractive.bg_stroke.color);
    }
    let coverage_text = coverage.map_or_else(String::new, |(met, total)| {
        format!("\nEvidence meets {met} of the target's {total} criteria (the bar along the foot)")
    });
    let inner = rect.shrink2(egui::vec2(4.0, 3.0));
    let text_color = if selected { visuals.selection.stroke.color } else { visuals.text_color() };
    // The badge sits at the bottom right; the text to its left stops short of it.
    let text_right = card_badge(session, person).map_or(inner.right(), |badge| {
        let color = theme::status_color(visuals, Status::of(session, &person.id));
        let font = FontId::proportional(theme::CARD_BADGE_SIZE);
        painter.text(inner.right_bottom(), Align2::RIGHT_BOTTOM, badge, font, color).left() - 3.0
    });
    let manager = session.manager_name(person);
    let name_font = FontId::proportional(theme::CARD_NAME_SIZE);
    let name_width = painter.layout_no_wrap(person.name.to_string(), name_font.clone(), text_color).size().x;
    if name_width > inner.width() {
        // A narrow column: the name takes both lines (manager and team are in the tooltip), so
        // "Nadia Karimi" reads whole rather than as "Nadia Kar…", and a name cut keeps its end.
        let two_line_font = FontId::proportional(theme::CARD_NAME_SIZE - 1.0);
        let width = text_right - inner.left();
        let name = super::bidi::display_order(&person.name);
        let galley = super::name_fit::fit_name(ui.ctx(), &name, &two_line_font, text_color, width, 2);
        painter.galley(inner.left_top(), galley, text_color);
    } else {
        // The name gets the whole first line; manager and team the second, left of the badge.
        let name = super::bidi::display_order(&person.name);
        let galley = super::name_fit::fit_name(ui.ctx(), &name, &name_font, text_color, inner.width(), 1);
        painter.galley(inner.left_top(), galley, text_color);
        let detail = match (manager.is_empty(), person.team.is_empty()) {
            (false, false) => format!("{manager} · {}", person.team),
            (false, true) => manager.to_owned(),
            _ => person.team.to_string(),
        };
        let (detail_font, weak) = (FontId::proportional(theme::CARD_DETAIL_SIZE), visuals.weak_text_color());
        let detail_width = text_right - inner.left();
        if super::bidi::reads_right_to_left(&detail) {
            // Right to left: painted against the badge, and cut at its visual left, where it ends.
            let anchor = egui::pos2(text_right, inner.bottom());
            paint_cut_at_left(&painter, anchor, &super::bidi::display_order(&detail), &detail_font, weak, detail_width);
        } else {
            paint_elided(&painter, inner.left_bottom(), Align2::LEFT_BOTTOM, &detail, detail_font, weak, detail_width);
        }
    }
    response.hint(format!(
        "{} — {manager} · {}{coverage_text}\nDrag to move; Ctrl+arrows move the selected card",
        person.name, person.team
    ))
}

/// The badge at a card's bottom right: `→P4` for a proposal, `✔P4` for a decision that changed the
/// level, `✔` for one that did not.
#[must_use]
pub fn card_badge(session: &Session, person: &Person) -> Option<String> {
    match Status::of(session, &person.id) {
        Status::NoProposal => None,
        Status::Proposed => session.proposals.get(&person.id).map(|p| format!("→{}", p.target)),
        Status::Decided => session.decisions.get(&person.id).map(|d| match &d.new_level {
            Some(level) => format!("✔{level}"),
            None => "✔".to_owned(),
        }),
    }
}

/// For an open proposal: how many of the target level's criteria the evidence meets, of how many.
/// Drawn as a bar along the card's foot, so it costs the name no room.
#[must_use]
pub fn coverage_of(session: &Session, person: &Person) -> Option<(usize, usize)> {
    if Status::of(session, &person.id) != Status::Proposed {
        return None;
    }
    let proposal = session.proposals.get(&person.id)?;
    let checks = crate::model::coverage::criteria_checks(session, &person.id, &proposal.target);
    Some((checks.iter().filter(|c| c.is_met()).count(), checks.len()))
}

/// The coverage bar: the met share filled in the proposal's colour over a faint track.
fn paint_coverage(painter: &egui::Painter, rect: Rect, (met, total): (usize, usize), color: Color32, track: Color32) {
    if total == 0 {
        return;
    }
    let bar = Rect::from_min_max(
        egui::pos2(rect.left() + 3.0, rect.bottom() - 3.0),
        egui::pos2(rect.right() - 3.0, rect.bottom() - 1.0),
    );
    painter.rect_filled(bar, 1.0, track);
    let filled = bar.width() * met as f32 / total as f32;
    painter.rect_filled(Rect::from_min_size(bar.min, egui::vec2(filled, bar.height())), 1.0, color);
}

/// One line of text anchored at `pos`, cut with "…" where it would pass `max_width`, so a long
/// name reads as cut rather than as a different, shorter name.
fn paint_elided(
    painter: &egui::Painter,
    pos: egui::Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    color: Color32,
    max_width: f32,
) {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font, color);
    job.wrap = TextWrapping::truncate_at_width(max_width.max(0.0));
    let galley = painter.layout_job(job);
    let rect = anchor.anchor_size(pos, galley.size());
    painter.galley(rect.min, galley, color);
}

/// A right-to-left line (already in display order) anchored at its right end, `pos`, cut with a
/// leading "…" where it would pass `max_width`.
fn paint_cut_at_left(
    painter: &egui::Painter,
    pos: egui::Pos2,
    text: &str,
    font: &FontId,
    color: Color32,
    max_width: f32,
) {
    let layout = |s: &str| painter.layout_no_wrap(s.to_owned(), font.clone(), color);
    let shown = match super::bidi::keep_from_end(text, max_width, |s| layout(s).size().x) {
        None => text.to_owned(),
        Some(kept) => {
            let start = text.char_indices().rev().nth(kept.saturating_sub(1)).map_or(text.len(), |(at, _)| at);
            format!("…{}", if kept == 0 { "" } else { &text[start..] })
        }
    };
    let galley = layout(&shown);
    painter.galley(Align2::RIGHT_BOTTOM.anchor_size(pos, galley.size()).min, galley, color);
}

/// While dragging, the person's name follows the pointer on a layer above everything.
fn paint_drag_ghost(ui: &Ui, name: &str) {
    let Some(pointer) = ui.ctx().pointer_interact_pos() else { return };
    let layer = ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("drag-ghost")));
    let visuals = ui.visuals();
    let galley =
        layer.layout_no_wrap(name.to_owned(), FontId::proportional(theme::CARD_NAME_SIZE), visuals.strong_text_color());
    let rect = Rect::from_min_size(pointer + egui::vec2(12.0, 4.0), galley.size()).expand(5.0);
    layer.rect(rect, 4.0, visuals.window_fill, visuals.window_stroke, StrokeKind::Outside);
    layer.galley(rect.min + egui::vec2(5.0, 5.0), galley, visuals.strong_text_color());
    ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
}
