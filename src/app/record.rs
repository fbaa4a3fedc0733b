//! The record in the window: finalize (after a look at what is still open), reopen with a reason,
//! and sign the head with an SSH key. Finalizing and reopening are edits like any other; a
//! signature is kept in the session beside the trail, not in it.

use super::LadderApp;
use crate::io::signing::{load_private_key, sign_head};
use crate::view::RecordPrompt;
use std::path::Path;

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

    /// File → Sign…: asks for the key, its passphrase and the signer (the user's name to start).
    pub(super) fn ask_sign(&mut self) {
        let key = directories::BaseDirs::new()
            .map(|d| d.home_dir().join(".ssh/id_ed25519"))
            .filter(|p| p.exists())
            .map_or_else(String::new, |p| p.display().to_string());
        self.view.record_prompt =
            Some(RecordPrompt::Sign { key, passphrase: String::new(), signer: String::new(), problem: String::new() });
    }

    /// Signs the head with the key at `key`; on a problem the question stays open and says it.
    pub(super) fn sign_record(&mut self, key: &Path, passphrase: &str, signer: &str) {
        let given = (!passphrase.is_empty()).then(|| passphrase.to_owned());
        let outcome =
            load_private_key(key, || given).and_then(|private| sign_head(self.session(), &private, signer, key));
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
                if let Some(RecordPrompt::Sign { problem, passphrase, .. }) = &mut self.view.record_prompt {
                    *problem = e.to_string();
                    passphrase.clear();
                } else {
                    self.error(e.to_string());
                }
            }
        }
    }

    /// The record's state for the title bar: " — final, signed by chair@example.org".
    pub(super) fn record_title(&self) -> String {
        let session = self.session();
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
}
