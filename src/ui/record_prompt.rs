//! The questions about the record itself: finalize (listing what is still open), reopen (why?),
//! and sign with an SSH key (which key, its passphrase, as whom).

use crate::command::{Command, Edit, FileCommand, PromptCommand, SigningKey};
use crate::io::ssh_agent::describe;
use crate::model::Session;
use crate::model::text_limits::{NAME_LIMIT, TEXT_LIMIT};
use crate::view::{RecordPrompt, SignPrompt};
use egui::{Modal, RichText, TextEdit};

/// Draws the question while one is asked.
pub fn record_prompt_ui(
    ctx: &egui::Context,
    session: &Session,
    prompt: &mut Option<RecordPrompt>,
    out: &mut Vec<Command>,
) {
    let Some(asked) = prompt.as_mut() else { return };
    let response = Modal::new(egui::Id::unique("record-prompt")).show(ctx, |ui| {
        ui.set_width(super::theme::DIALOG_WIDTH);
        match asked {
            RecordPrompt::Finalize { note } => finalize_ui(ui, session, note, out),
            RecordPrompt::Reopen { reason } => reopen_ui(ui, reason, out),
            RecordPrompt::OutsideEdit { changes, reason, restorable, kept } => {
                outside_edit_ui(ui, changes, restorable, kept, reason, out);
            }
            RecordPrompt::Sign(asked) => sign_ui(ui, session, asked, out),
        }
    });
    if response.should_close() {
        out.push(Command::Prompt(PromptCommand::CancelRecord));
    }
}

/// What is still open: the chair sees it before the record becomes final.
fn still_open(session: &Session) -> Vec<String> {
    let undecided = session.proposals.keys().filter(|p| !session.decisions.contains_key(*p)).count();
    let mut open = Vec::new();
    if undecided > 0 {
        open.push(crate::model::wording::counted(
            undecided,
            "proposal without a decision",
            "proposals without a decision",
        ));
    }
    if !session.conflicts.is_empty() {
        open.push(crate::model::wording::counted(
            session.conflicts.len(),
            "open disagreement between prep files",
            "open disagreements between prep files",
        ));
    }
    open
}

fn finalize_ui(ui: &mut egui::Ui, session: &Session, note: &mut String, out: &mut Vec<Command>) {
    ui.heading("Finalize the record?");
    ui.label("A final record refuses every change until someone reopens it with a reason, which the trail records.");
    let open = still_open(session);
    if open.is_empty() {
        ui.label("Nothing is left open.");
    } else {
        ui.label(RichText::new("Still open:").strong());
        for item in &open {
            ui.label(format!("• {item}"));
        }
    }
    let label = ui.label("Note for the trail (optional)");
    ui.add(TextEdit::singleline(note).char_limit(TEXT_LIMIT / 4).desired_width(f32::INFINITY)).labelled_by(label.id);
    ui.horizontal(|ui| {
        if ui.button("Finalize").clicked() {
            out.push(Command::Edit(Edit::Finalize { note: note.trim().to_owned() }));
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::Prompt(PromptCommand::CancelRecord));
        }
    });
}

fn reopen_ui(ui: &mut egui::Ui, reason: &mut String, out: &mut Vec<Command>) {
    ui.heading("Reopen the record?");
    ui.label("Changes are recorded again once it is reopened. Signatures over the final record stop matching it.");
    let label = ui.label("Why reopen it");
    ui.add(TextEdit::multiline(reason).char_limit(TEXT_LIMIT / 4).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        let ready = !reason.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Reopen")).clicked() {
            out.push(Command::Edit(Edit::ReopenRecord { reason: reason.trim().to_owned() }));
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::Prompt(PromptCommand::CancelRecord));
        }
        if !ready {
            ui.label(RichText::new("A reason is required").small().weak());
        }
    });
}

fn sign_ui(ui: &mut egui::Ui, session: &Session, asked: &mut SignPrompt, out: &mut Vec<Command>) {
    ui.heading("Sign the record");
    ui.label(format!(
        "Signs the record's head ({}) with your SSH key, as ssh-keygen -Y sign -n ladderboard would. A change after signing makes the signature stop matching.",
        session.head_summary()
    ));
    if !asked.agent_keys.is_empty() {
        ui.label(RichText::new("Key").strong());
        for (i, key) in asked.agent_keys.iter().enumerate() {
            ui.radio_value(&mut asked.use_agent, Some(i), format!("In ssh-agent: {}", describe(key)));
        }
        ui.radio_value(&mut asked.use_agent, None, "A private key file");
    }
    if asked.use_agent.is_none() {
        let label = ui.label("Private key file");
        ui.add(TextEdit::singleline(&mut asked.key).desired_width(f32::INFINITY)).labelled_by(label.id);
        let label = ui.label("Passphrase (if the key has one)");
        ui.add(TextEdit::singleline(&mut asked.passphrase).password(true).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    }
    let label = ui.label("Signer, as the allowed signers file names you (empty: the key's comment)");
    ui.add(TextEdit::singleline(&mut asked.signer).char_limit(NAME_LIMIT / 4).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if !asked.problem.is_empty() {
        ui.label(RichText::new(&asked.problem).color(super::theme::error_color(ui.visuals())));
    }
    let key = match asked.use_agent.and_then(|i| asked.agent_keys.get(i)) {
        Some(public) => Some(SigningKey::Agent(Box::new(public.clone()))),
        None => (!asked.key.trim().is_empty()).then(|| SigningKey::File(asked.key.trim().into())),
    };
    ui.horizontal(|ui| {
        if ui.add_enabled(key.is_some(), egui::Button::new("Sign")).clicked()
            && let Some(key) = key
        {
            out.push(Command::File(FileCommand::SignRecord {
                key,
                passphrase: asked.passphrase.clone(),
                signer: asked.signer.trim().to_owned(),
            }));
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::Prompt(PromptCommand::CancelRecord));
        }
    });
}

fn outside_edit_ui(
    ui: &mut egui::Ui,
    changes: &[String],
    restorable: &[String],
    kept: &[String],
    reason: &mut String,
    out: &mut Vec<Command>,
) {
    ui.heading("This file was changed outside Ladderboard");
    ui.label("What the audit trail recorded is not what the file holds:");
    egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
        for change in changes {
            ui.label(format!("• {change}"));
        }
    });
    if !restorable.is_empty() {
        ui.label(RichText::new("The trail holds the recorded values of:").strong());
        for item in restorable {
            ui.label(format!("• {item}"));
        }
    }
    if !kept.is_empty() {
        ui.label(RichText::new("It cannot put back:").strong());
        for item in kept {
            ui.label(format!("• {item}"));
        }
    }
    ui.label(
        "Restore what the trail recorded (each restored value is an event saying so), accept the file as it is (the trail records who accepted it and why, and checks from here on), or keep it for review and compare it with a backup.",
    );
    let label = ui.label("Why (required to accept)");
    ui.add(TextEdit::multiline(reason).char_limit(TEXT_LIMIT / 4).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        if !restorable.is_empty() && ui.button("Restore from the trail").clicked() {
            out.push(Command::Edit(Edit::RestoreFromTrail { reason: reason.trim().to_owned() }));
        }
        let ready = !reason.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Accept as an audited change")).clicked() {
            out.push(Command::Edit(Edit::AcceptOutsideEdit { reason: reason.trim().to_owned() }));
        }
        if ui.button("Keep for review").clicked() {
            out.push(Command::Prompt(PromptCommand::CancelRecord));
        }
    });
}
