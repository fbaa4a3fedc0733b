//! The committee window, the chair's desk: members and their roles, who is in the room, who steps
//! out for which candidate, the promotion budget and effective date, and the minutes' action items
//! and deferrals. Every change is an audited edit (`CommitteeEdit`).

use crate::command::{Command, Edit};
use crate::document::CommitteeEdit;
use crate::model::analysis::committee::RecusalState;
use crate::model::committee::{Budget, Role};
use crate::model::{PersonId, Session};
use crate::view::windows::CommitteeState;
use egui::{ComboBox, RichText, TextEdit};

/// A widget without a visible label of its own, given the name a screen reader (and a test) says.
pub trait Named {
    fn named(&self, name: &str);
}

impl Named for egui::Response {
    fn named(&self, name: &str) {
        self.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
    }
}

fn push(out: &mut Vec<Command>, edit: CommitteeEdit) {
    out.push(Command::Edit(Edit::Committee(edit)));
}

/// Draws the committee window while it is open.
pub fn committee_ui(
    ctx: &egui::Context,
    session: &Session,
    state: &mut Option<CommitteeState>,
    out: &mut Vec<Command>,
) {
    let Some(st) = state else { return };
    let mut open = true;
    egui::Window::new("Committee and minutes")
        .default_pos(super::theme::WINDOW_START)
        .default_width(super::theme::DIALOG_WIDTH * 1.4)
        .open(&mut open)
        .vscroll(true)
        .show(ctx, |ui| {
            // The window shows codes while blind: an edit would name a code, not a member.
            if session.blind {
                let text = "Blind mode is on: the committee is shown with codes. Reveal names to change it.";
                ui.label(RichText::new(text).color(super::theme::warning_color(ui.visuals())));
            }
            ui.add_enabled_ui(!session.blind, |ui| sections(ui, session, st, out));
        });
    if !open {
        *state = None;
    }
}

/// The window's sections, each folding away.
fn sections(ui: &mut egui::Ui, session: &Session, st: &mut CommitteeState, out: &mut Vec<Command>) {
    {
        {
            egui::CollapsingHeader::new("Members and attendance").default_open(true).show(ui, |ui| {
                members_ui(ui, session, st, out);
            });
            egui::CollapsingHeader::new("Pre-read progress").default_open(true).show(ui, |ui| progress_ui(ui, session));
            egui::CollapsingHeader::new("Recusals").default_open(true).show(ui, |ui| recusals_ui(ui, session, st, out));
            egui::CollapsingHeader::new("Budget and effective date").default_open(true).show(ui, |ui| {
                budget_ui(ui, session, st, out);
            });
            egui::CollapsingHeader::new("Action items and deferrals").default_open(true).show(ui, |ui| {
                minutes_ui(ui, session, st, out);
            });
            egui::CollapsingHeader::new("Letter templates").default_open(false).show(ui, |ui| {
                templates_ui(ui, session, st, out);
            });
        }
    }
}

fn members_ui(ui: &mut egui::Ui, session: &Session, st: &mut CommitteeState, out: &mut Vec<Command>) {
    let present = session.present_members();
    if session.meeting.members.is_empty() {
        ui.label(RichText::new("No members yet: add the committee below, then tick who is present.").weak());
    }
    egui::Grid::new("members").striped(true).show(ui, |ui| {
        for member in &session.meeting.members {
            ui.label(&member.name);
            let mut role = member.role;
            ComboBox::from_id_salt(("role", &member.name))
                .selected_text(role.label())
                .show_ui(ui, |ui| {
                    for option in Role::ALL {
                        ui.selectable_value(&mut role, option, option.label());
                    }
                })
                .response
                .named(&format!("Role of {}", member.name));
            if role != member.role {
                push(out, CommitteeEdit::SetMember { name: member.name.clone(), role: Some(role) });
            }
            let here = present.contains(&member.name.as_str());
            let mut tick = here;
            if ui.checkbox(&mut tick, format!("{} present", member.name)).changed() {
                push(out, CommitteeEdit::SetPresent { member: member.name.clone(), present: tick });
            }
            let since = session.meeting.attendance.iter().rev().find(|p| p.member == member.name);
            ui.label(RichText::new(since.map_or_else(String::new, times)).weak().small());
            if ui.small_button(format!("Remove {}", member.name)).clicked() {
                push(out, CommitteeEdit::SetMember { name: member.name.clone(), role: None });
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("New member");
        ui.add(TextEdit::singleline(&mut st.new_member).hint_text("name as they sign in").desired_width(180.0))
            .labelled_by(label.id);
        ComboBox::from_id_salt("new-role")
            .selected_text(st.new_role.label())
            .show_ui(ui, |ui| {
                for option in Role::ALL {
                    ui.selectable_value(&mut st.new_role, option, option.label());
                }
            })
            .response
            .named("New member's role");
        if ui.add_enabled(!st.new_member.trim().is_empty(), egui::Button::new("Add member")).clicked() {
            push(out, CommitteeEdit::SetMember { name: std::mem::take(&mut st.new_member), role: Some(st.new_role) });
        }
    });
}

/// "in 14:02–15:10" in local time.
fn times(p: &crate::model::committee::Presence) -> String {
    let local = |t: jiff::Timestamp| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%H:%M").to_string();
    match p.left {
        Some(left) => format!("in {}–{}", local(p.arrived), local(left)),
        None => format!("since {}", local(p.arrived)),
    }
}

fn recusals_ui(ui: &mut egui::Ui, session: &Session, st: &mut CommitteeState, out: &mut Vec<Command>) {
    let candidates: Vec<&PersonId> = session.proposals.keys().collect();
    if candidates.is_empty() {
        ui.label(RichText::new("No candidates yet.").weak());
        return;
    }
    if st.candidate.as_ref().is_none_or(|c| !session.proposals.contains_key(c)) {
        st.candidate = candidates.first().map(|c| (*c).clone());
    }
    ui.horizontal(|ui| {
        let label = ui.label("Candidate");
        ComboBox::from_id_salt("recusal-candidate")
            .selected_text(st.candidate.as_ref().map_or_else(String::new, |c| session.name_of(c)))
            .show_ui(ui, |ui| {
                for c in &candidates {
                    ui.selectable_value(&mut st.candidate, Some((*c).clone()), session.name_of(c));
                }
            })
            .response
            .labelled_by(label.id);
    });
    let Some(candidate) = st.candidate.clone() else { return };
    let lines = session.recusals_of(&candidate);
    if lines.is_empty() {
        ui.label(RichText::new("No member is proposed to step out for this candidate.").weak());
    }
    let label = ui.label("Reason (to keep a member in, or to add a recusal)");
    ui.add(TextEdit::singleline(&mut st.recusal_reason).desired_width(f32::INFINITY)).labelled_by(label.id);
    for line in &lines {
        ui.horizontal_wrapped(|ui| {
            let why = if line.why.is_empty() { String::new() } else { format!(" ({})", line.why) };
            let state = match &line.state {
                RecusalState::Proposed => "proposed: steps out".to_owned(),
                RecusalState::Confirmed { reason } if reason.is_empty() => "confirmed: steps out".to_owned(),
                RecusalState::Confirmed { reason } => format!("steps out: {reason}"),
                RecusalState::Overridden { reason } => format!("stays in: {reason}"),
            };
            ui.label(format!("{}{why} — {state}", line.member));
            let set = |recused: bool, reason: String| CommitteeEdit::SetRecusal {
                person: candidate.clone(),
                member: line.member.clone(),
                recused,
                reason,
            };
            if !matches!(line.state, RecusalState::Confirmed { .. })
                && ui.button(format!("Confirm {} steps out", line.member)).clicked()
            {
                push(out, set(true, st.recusal_reason.trim().to_owned()));
            }
            let can_keep = !st.recusal_reason.trim().is_empty();
            if !matches!(line.state, RecusalState::Overridden { .. })
                && ui
                    .add_enabled(can_keep, egui::Button::new(format!("Keep {} in", line.member)))
                    .on_disabled_hover_text("Write the reason first")
                    .clicked()
            {
                push(out, set(false, std::mem::take(&mut st.recusal_reason)));
            }
        });
    }
    let others: Vec<&str> = session
        .meeting
        .members
        .iter()
        .map(|m| m.name.as_str())
        .filter(|m| !lines.iter().any(|l| l.member == *m))
        .collect();
    if !others.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Also step out:");
            for member in others {
                let can = !st.recusal_reason.trim().is_empty();
                if ui
                    .add_enabled(can, egui::Button::new(member))
                    .on_disabled_hover_text("Write the reason first")
                    .clicked()
                {
                    push(
                        out,
                        CommitteeEdit::SetRecusal {
                            person: candidate.clone(),
                            member: member.to_owned(),
                            recused: true,
                            reason: std::mem::take(&mut st.recusal_reason),
                        },
                    );
                }
            }
        });
    }
}

fn budget_ui(ui: &mut egui::Ui, session: &Session, st: &mut CommitteeState, out: &mut Vec<Command>) {
    let spent = session.budget_use();
    ui.label(format!("Overall: {}", spent.overall.describe()));
    for (level, line) in &spent.per_level {
        ui.label(RichText::new(format!("{level}: {}", line.describe())).small());
    }
    if !st.budget_filled {
        st.budget_overall = session.meeting.budget.overall.map(|n| n.to_string()).unwrap_or_default();
        st.budget_levels = session.meeting.budget.per_level.iter().map(|(l, n)| (l.clone(), n.to_string())).collect();
        st.effective = session.meeting.effective.map(|d| d.to_string()).unwrap_or_default();
        st.budget_filled = true;
    }
    egui::Grid::new("budget-form").show(ui, |ui| {
        let label = ui.label("Promotions overall");
        ui.add(TextEdit::singleline(&mut st.budget_overall).hint_text("no limit").desired_width(60.0))
            .labelled_by(label.id);
        ui.end_row();
        for level in session.ladder.levels.iter().filter(|l| session.ladder.rank(&l.id).unwrap_or(0) > 0) {
            let label = ui.label(format!("Promotions to {}", level.id));
            let text = st.budget_levels.entry(level.id.clone()).or_default();
            ui.add(TextEdit::singleline(text).hint_text("no limit").desired_width(60.0)).labelled_by(label.id);
            ui.end_row();
        }
    });
    let parse = |t: &str| t.trim().parse::<u32>().ok();
    let bad = |t: &str| !t.trim().is_empty() && parse(t).is_none();
    let invalid = bad(&st.budget_overall) || st.budget_levels.values().any(|t| bad(t));
    if invalid {
        ui.label(RichText::new("A budget is a whole number of promotions, or empty for no limit.").small());
    }
    if ui.add_enabled(!invalid, egui::Button::new("Set budget")).clicked() {
        let budget = Budget {
            overall: parse(&st.budget_overall),
            per_level: st.budget_levels.iter().filter_map(|(l, t)| parse(t).map(|n| (l.clone(), n))).collect(),
        };
        push(out, CommitteeEdit::SetBudget(budget));
    }
    ui.separator();
    ui.horizontal(|ui| {
        let label = ui.label("Effective date of level changes");
        ui.add(TextEdit::singleline(&mut st.effective).hint_text("YYYY-MM-DD").desired_width(100.0))
            .labelled_by(label.id);
        let date = st.effective.trim().parse::<jiff::civil::Date>().ok();
        let ok = date.is_some() || st.effective.trim().is_empty();
        if ui.add_enabled(ok, egui::Button::new("Set effective date")).clicked() {
            push(out, CommitteeEdit::SetEffectiveDate(date));
        }
    });
}

fn minutes_ui(ui: &mut egui::Ui, session: &Session, st: &mut CommitteeState, out: &mut Vec<Command>) {
    for item in &session.meeting.actions {
        ui.horizontal_wrapped(|ui| {
            let mut done = item.done;
            if ui.checkbox(&mut done, format!("Action {} done", item.id)).changed() {
                push(out, CommitteeEdit::SetActionDone { id: item.id, done });
            }
            let due = item.due.map(|d| format!(" · due {d}")).unwrap_or_default();
            let about = item.person.as_ref().map(|p| format!(" · about {}", session.name_of(p))).unwrap_or_default();
            let owner = if item.owner.is_empty() { "no owner".to_owned() } else { item.owner.clone() };
            super::long_text::long_text(ui, &format!("{} — {owner}{due}{about}", item.text), |t| t);
        });
    }
    egui::Grid::new("action-form").show(ui, |ui| {
        let label = ui.label("Action");
        ui.add(TextEdit::singleline(&mut st.action_text).desired_width(260.0)).labelled_by(label.id);
        ui.end_row();
        let label = ui.label("Owner");
        ui.add(TextEdit::singleline(&mut st.action_owner).desired_width(160.0)).labelled_by(label.id);
        ui.end_row();
        let label = ui.label("Due");
        ui.add(TextEdit::singleline(&mut st.action_due).hint_text("YYYY-MM-DD").desired_width(100.0))
            .labelled_by(label.id);
        ui.end_row();
    });
    let due = st.action_due.trim().parse::<jiff::civil::Date>().ok();
    let ok = !st.action_text.trim().is_empty() && (due.is_some() || st.action_due.trim().is_empty());
    ui.horizontal(|ui| {
        if ui.add_enabled(ok, egui::Button::new("Add action item")).clicked() {
            push(
                out,
                CommitteeEdit::AddAction {
                    text: std::mem::take(&mut st.action_text),
                    owner: std::mem::take(&mut st.action_owner),
                    due,
                    person: st.action_about_candidate.then(|| st.candidate.clone()).flatten(),
                },
            );
            st.action_due.clear();
        }
        if let Some(c) = &st.candidate {
            ui.checkbox(&mut st.action_about_candidate, format!("about {}", session.name_of(c)));
        }
    });
    ui.separator();
    for d in &session.meeting.deferrals {
        let note = if d.note.is_empty() { String::new() } else { format!(": {}", d.note) };
        super::long_text::long_text(
            ui,
            &format!("{} deferred to {}{note}", session.name_of(&d.person), d.until),
            |t| t,
        );
    }
    if let Some(candidate) = st.candidate.clone() {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(format!("Defer {} to", session.name_of(&candidate)));
            ui.add(TextEdit::singleline(&mut st.defer_until).hint_text("2027 H1").desired_width(100.0))
                .labelled_by(label.id);
            let label = ui.label("why");
            ui.add(TextEdit::singleline(&mut st.defer_note).desired_width(200.0)).labelled_by(label.id);
            if ui.add_enabled(!st.defer_until.trim().is_empty(), egui::Button::new("Defer")).clicked() {
                push(
                    out,
                    CommitteeEdit::Defer {
                        person: candidate,
                        until: std::mem::take(&mut st.defer_until),
                        note: std::mem::take(&mut st.defer_note),
                    },
                );
            }
        });
    }
}

/// The chair's letter template per outcome: Markdown with placeholders, saved in the session.
fn templates_ui(ui: &mut egui::Ui, session: &Session, st: &mut CommitteeState, out: &mut Vec<Command>) {
    use crate::io::export::letters::{PLACEHOLDERS, default_template, template_for, unknown_placeholders};
    use crate::model::Outcome;
    ui.horizontal_wrapped(|ui| {
        ui.label("Outcome");
        for outcome in Outcome::ALL {
            if ui.selectable_label(st.template_outcome == Some(outcome), outcome.label()).clicked() {
                st.template_outcome = Some(outcome);
                template_for(session, outcome).clone_into(&mut st.template_text);
            }
        }
    });
    let Some(outcome) = st.template_outcome else {
        ui.label(RichText::new("Choose an outcome to edit its letter.").weak());
        return;
    };
    let label = ui.label(format!("Template for \"{outcome}\" letters"));
    ui.add(
        TextEdit::multiline(&mut st.template_text)
            .code_editor()
            .desired_rows(10)
            .desired_width(f32::INFINITY)
            .char_limit(crate::model::text_limits::TEXT_LIMIT / 4),
    )
    .labelled_by(label.id);
    let unknown = unknown_placeholders(&st.template_text);
    if !unknown.is_empty() {
        let text = format!("Unknown placeholders, left as written: {}", unknown.join(", "));
        ui.label(RichText::new(text).color(super::theme::warning_color(ui.visuals())));
    }
    ui.horizontal(|ui| {
        let changed = st.template_text != template_for(session, outcome);
        if ui.add_enabled(changed, egui::Button::new("Save template")).clicked() {
            push(out, CommitteeEdit::SetLetterTemplate { outcome, text: Some(st.template_text.clone()) });
        }
        let custom = session.meeting.letters.contains_key(outcome.label());
        if ui.add_enabled(custom, egui::Button::new("Back to the default")).clicked() {
            push(out, CommitteeEdit::SetLetterTemplate { outcome, text: None });
            default_template(outcome).clone_into(&mut st.template_text);
        }
    });
    egui::CollapsingHeader::new("Placeholders").show(ui, |ui| {
        for (name, meaning) in PLACEHOLDERS {
            ui.label(RichText::new(format!("{{{name}}} — {meaning}")).small());
        }
    });
}

/// Who has marked which candidate, who sent nothing, and the chase list to copy.
fn progress_ui(ui: &mut egui::Ui, session: &Session) {
    let progress = session.pre_read_progress();
    if progress.members.is_empty() {
        ui.label(RichText::new("Add the voting members to follow their pre-read.").weak());
    }
    for m in &progress.members {
        let text = if m.missing.is_empty() {
            m.summary()
        } else {
            let names: Vec<String> = m.missing.iter().take(6).map(|p| session.name_of(p)).collect();
            let more = if m.missing.len() > 6 { format!(", +{} more", m.missing.len() - 6) } else { String::new() };
            format!("{} — {}{more}", m.summary(), names.join(", "))
        };
        ui.add(egui::Label::new(text).wrap());
    }
    if !progress.silent_managers.is_empty() {
        let shown: Vec<&str> = progress.silent_managers.iter().take(12).map(String::as_str).collect();
        let more = progress.silent_managers.len().saturating_sub(shown.len());
        let more = if more > 0 { format!(", +{more} more") } else { String::new() };
        ui.add(egui::Label::new(format!("No prep from: {}{more}", shown.join(", "))).wrap());
    }
    if ui.button("Copy chase list").clicked() {
        ui.ctx().copy_text(progress.chase_list(session));
    }
}
