//! Keyboard: every action's shortcut from the one table in `command.rs`, plus arrows on the grid.

use crate::command::BoardCommand;
use crate::command::{Action, Command, Direction};
use crate::view::ViewState;
use egui::{Key, Modifiers};

/// Turns this frame's key presses into commands.
pub fn read(ctx: &egui::Context, view: &ViewState, out: &mut Vec<Command>) {
    let typing = ctx.egui_wants_keyboard_input();
    let modal_open = view.modal_open();
    // Esc with a menu or a drop-down open closes that (egui does it), not the person panel behind it.
    let popup_open = egui::Popup::is_any_open(ctx);
    // A focused widget (a rating list, a check box in the person panel) keeps the arrows.
    let widget_focused = ctx.memory(|m| m.focused().is_some());
    // egui matches Ctrl+Z against Ctrl+Shift+Z too, so the shortcuts with more modifiers go first.
    let mut actions = Action::ALL.to_vec();
    actions.sort_by_key(|a| {
        std::cmp::Reverse(a.shortcut().map_or(0, |s| u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt)))
    });
    ctx.input_mut(|input| {
        for action in actions {
            if (typing || modal_open) && !action.works_while_typing() {
                continue;
            }
            if modal_open && action != Action::Save {
                continue;
            }
            if popup_open && action == Action::ClosePerson {
                continue;
            }
            let pressed = [action.shortcut(), action.alternate_shortcut()]
                .into_iter()
                .flatten()
                .any(|shortcut| input.consume_shortcut(&shortcut));
            if pressed {
                out.push(Command::Run(action));
            }
        }
        // Arrows move the selection only when nothing else takes them: not while typing, not in a
        // dialog, and not with a drop-down open (an arrow meant for a rating list would otherwise
        // move to another person, and the next evidence be written to them), nor with a widget of
        // the person panel focused.
        if typing || modal_open || popup_open || widget_focused {
            return;
        }
        for (key, direction) in [
            (Key::ArrowLeft, Direction::Left),
            (Key::ArrowRight, Direction::Right),
            (Key::ArrowUp, Direction::Up),
            (Key::ArrowDown, Direction::Down),
        ] {
            if input.consume_key(Modifiers::NONE, key) {
                out.push(Command::Board(BoardCommand::MoveSelection(direction)));
            }
        }
    });
}
