//! The board's commands: the selection, arrow keys, and moving cards. A move above the person's
//! level asks for the case for a promotion first, a move below the level of someone proposed asks
//! what becomes of the proposal; any other move is an edit.
#![deny(clippy::wildcard_enum_match_arm)]

use super::LadderApp;
use crate::command::{BoardCommand, Direction, Edit};
use crate::document::EditError;
use crate::model::{LevelId, PersonId, Placement};
use crate::view::{PendingDemotion, PendingProposal};

impl LadderApp {
    pub(super) fn handle_board(&mut self, command: BoardCommand) {
        match command {
            BoardCommand::Select(person) => self.view.selected = person,
            BoardCommand::MoveSelection(direction) => self.move_selection(direction),
            BoardCommand::MoveSelectedCard(direction) => self.move_selected_card(direction),
            BoardCommand::MoveCard { person, to } => self.move_card(&person, to),
            BoardCommand::OpenCellList { level, band } => {
                self.view.windows.cell_list = Some(crate::view::CellList { level, band, query: String::new() });
            }
            BoardCommand::SetDensity(on) => self.view.density = on,
        }
    }

    /// A card moved to `to`: above the person's level it needs a proposal, so ask for the rationale.
    fn move_card(&mut self, person: &PersonId, to: Placement) {
        // Said before any question is asked: a read-only session takes no move at all.
        if let Some(holder) = self.read_only() {
            self.error(EditError::ReadOnly(holder.clone()).to_string());
            return;
        }
        let session = self.document.session();
        let Some(p) = session.person(person) else { return };
        let from = session.placement(p);
        if from == to {
            return;
        }
        let ladder = &session.ladder;
        let above = ladder.rank(&to.level) > ladder.rank(&p.level);
        let already_proposed = session.proposals.get(person).is_some_and(|pr| pr.target == to.level);
        self.view.selected = Some(person.clone());
        if above && !already_proposed {
            self.view.pending = Some(PendingProposal::new(person.clone(), to));
            return;
        }
        // Below their level, a proposal no longer follows from the board: ask what becomes of it.
        let below = ladder.rank(&to.level) < ladder.rank(&p.level);
        if below && let Some(proposal) = session.proposals.get(person) {
            let change_to = Some(proposal.target.clone());
            self.view.demotion = Some(PendingDemotion { person: person.clone(), to, change_to });
            return;
        }
        self.edit(Edit::Move { person: person.clone(), to });
    }

    pub(super) fn move_selected_card(&mut self, direction: Direction) {
        let Some(id) = self.view.selected.clone() else { return };
        let Some(person) = self.document.session().person(&id) else { return };
        if person.track != self.view.track {
            return;
        }
        let ladder = &self.document.session().ladder;
        let from = self.document.session().placement(person);
        let levels: Vec<&LevelId> = ladder.track_levels(person.track).map(|l| &l.id).collect();
        let Some(column) = levels.iter().position(|l| **l == from.level) else { return };
        let to = match direction {
            Direction::Left if column > 0 => Placement { level: levels[column - 1].clone(), band: from.band },
            Direction::Right if column + 1 < levels.len() => {
                Placement { level: levels[column + 1].clone(), band: from.band }
            }
            Direction::Up if from.band + 1 < ladder.bands.len() => Placement { band: from.band + 1, ..from },
            Direction::Down if from.band > 0 => Placement { band: from.band - 1, ..from },
            Direction::Left | Direction::Right | Direction::Up | Direction::Down => return,
        };
        self.move_card(&id, to);
    }

    /// Arrow keys on the grid: up/down within a column, left/right to the neighbouring level.
    fn move_selection(&mut self, direction: Direction) {
        let ladder = &self.document.session().ladder;
        let columns: Vec<Vec<usize>> = ladder
            .track_levels(self.view.track)
            .map(|level| {
                (0..ladder.bands.len())
                    .rev()
                    .flat_map(|band| self.caches.derived().cell(&level.id, band).iter().copied())
                    .collect()
            })
            .collect();
        let position = self.view.selected.as_ref().and_then(|id| {
            columns.iter().enumerate().find_map(|(c, col)| {
                col.iter().position(|&i| &self.document.session().people[i].id == id).map(|r| (c, r))
            })
        });
        let next = match position {
            None => columns.iter().find_map(|c| c.first()),
            Some((c, r)) => match direction {
                Direction::Up => columns[c].get(r.saturating_sub(1)),
                Direction::Down => columns[c].get(r + 1).or_else(|| columns[c].last()),
                Direction::Left => {
                    columns[..c].iter().rev().find(|col| !col.is_empty()).and_then(|col| col.get(r.min(col.len() - 1)))
                }
                Direction::Right => {
                    columns[c + 1..].iter().find(|col| !col.is_empty()).and_then(|col| col.get(r.min(col.len() - 1)))
                }
            },
        };
        if let Some(&i) = next {
            self.view.selected = Some(self.document.session().people[i].id.clone());
        }
    }
}
