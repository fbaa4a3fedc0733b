//! The record in the window: finalize (after a look at what is still open), reopen with a reason,
//! and sign the head with an SSH key. Finalizing and reopening are edits like any other; a
//! signature is kept in the session beside the trail, not in it.

use super::LadderApp;
use crate::command::SigningKey;
use crate::io::signing::{load_private_key, sign_head};
use crate::io::ssh_agent::sign_head_with_agent;
use crate::view::{RecordPrompt, SignPrompt};

impl LadderApp {
    /// File → Finalize…: asks, listing what is still open.
    pub(super) fn ask_finalize(&mut self) {
        if self.session().is_final() {
            self.info("The record is final already");
            return;
        }
        self.view.record_prompt = Some(RecordPrompt::Finalize { note: String::new() });
    }

    /// File → Reopen…: asks why.
    pub(super) fn ask_reopen(&mut self) {
        if !self.session().is_final() {
            self.info("The record is not final: there is nothing to reopen");
            return;
        }
        self.view.record_prompt = Some(RecordPrompt::Reopen { reason: String::new() });
    }

    /// File → Sign…: asks for the key (the ssh-agent's first, else `~/.ssh/id_ed25519`), its
    /// passphrase and the signer.
    pub(super) fn ask_sign(&mut self) {
        let key = directories::BaseDirs::new()
            .map(|d| d.home_dir().join(".ssh/id_ed25519"))
            .filter(|p| p.exists())
            .map_or_else(String::new, |p| p.display().to_string());
        // No agent is the usual case, not a problem to report: the key file is then the way.
        let agent_keys = crate::io::ssh_agent::agent_keys().unwrap_or_default();
        let use_agent = (!agent_keys.is_empty()).then_some(0);
        self.view.record_prompt =
            Some(RecordPrompt::Sign(Box::new(SignPrompt { key, agent_keys, use_agent, ..SignPrompt::default() })));
    }

    /// Signs the head with `key`; on a problem the question stays open and says it.
    pub(super) fn sign_record(&mut self, key: &SigningKey, passphrase: &str, signer: &str) {
        let outcome = match key {
            SigningKey::File(path) => {
                let given = (!passphrase.is_empty()).then(|| passphrase.to_owned());
                load_private_key(path, || given).and_then(|private| sign_head(self.session(), &private, signer, path))
            }
            SigningKey::Agent(public) => sign_head_with_agent(self.session(), public, signer),
        };
        match outcome {
            Ok(signature) => {
                let who = signature.signer.clone();
                if let Err(e) = self.document.add_signature(signature) {
                    self.view.record_prompt = None;
                    self.error(e.to_string());
                    return;
                }
                self.autosave.note_change();
                self.view.record_prompt = None;
                self.info(format!("Signed by {who}: save to keep the signature in the file"));
            }
            Err(e) => {
                if let Some(RecordPrompt::Sign(asked)) = &mut self.view.record_prompt {
                    asked.problem = e.to_string();
                    asked.passphrase.clear();
                } else {
                    self.error(e.to_string());
                }
            }
        }
    }

    /// The record's state for the title bar: " — final, signed by chair@example.org".
    pub(super) fn record_title(&self) -> String {
        // Asked every frame; whether the record is final reads the whole trail, so it is kept
        // per revision (`refresh_caches`).
        let cache = &self.caches.record_title;
        match cache.get() {
            Some(title) if cache.is_for(self.document.revision(), &()) => title.clone(),
            _ => record_title_of(self.session()),
        }
    }
}

/// The record's state for the window's title: final, and who signed, if either.
#[must_use]
pub(super) fn record_title_of(session: &crate::model::Session) -> String {
    let signers: Vec<&str> = session.signatures.iter().map(|s| s.signer.as_str()).collect();
    match (session.is_final(), signers.is_empty()) {
        (false, true) => String::new(),
        (true, true) => " — final".to_owned(),
        (final_, false) => {
            // Who signed is what each signature says: only `verify` against an allowed signers
            // file ties a name to a key, so the window does not claim more.
            let state = if final_ { "final, " } else { "" };
            format!(" — {state}signed as {} (names not checked)", signers.join(", "))
        }
    }
}
