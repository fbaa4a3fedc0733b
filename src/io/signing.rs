//! Signing the record's head with an SSH key people already have, and checking signatures against
//! an OpenSSH allowed signers file: SSHSIG in namespace `ladderboard`, the format `ssh-keygen -Y
//! sign` writes and git's SSH signing uses (the `ssh-key` crate of `RustCrypto`). The private key and its
//! passphrase are read into memory only, never written anywhere.

use crate::io::error::{FileError, Problem};
use crate::model::Session;
use crate::model::record_head::{RecordSignature, SIGNATURE_NAMESPACE};
use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use std::path::Path;

/// Reads an OpenSSH private key; an encrypted one is opened with the passphrase `passphrase`
/// gives (asked only when needed).
pub fn load_private_key(path: &Path, passphrase: impl FnOnce() -> Option<String>) -> Result<PrivateKey, FileError> {
    let text = std::fs::read_to_string(path).map_err(|source| FileError::Read { path: path.to_path_buf(), source })?;
    let key = PrivateKey::from_openssh(text.trim()).map_err(|e| {
        FileError::invalid(
            path,
            vec![Problem::new(
                format!("not an OpenSSH private key the signer can read ({e})"),
                "give a key as ssh-keygen writes it (-----BEGIN OPENSSH PRIVATE KEY-----), e.g. ~/.ssh/id_ed25519",
            )],
        )
    })?;
    if !key.is_encrypted() {
        return Ok(key);
    }
    let Some(passphrase) = passphrase() else {
        let problem = Problem::new(
            "the key is protected by a passphrase and none was given",
            "type the passphrase when asked, or set LADDERBOARD_KEY_PASSPHRASE",
        );
        return Err(FileError::invalid(path, vec![problem]));
    };
    key.decrypt(passphrase.as_bytes()).map_err(|_| {
        FileError::invalid(
            path,
            vec![Problem::new("the passphrase does not open this key", "type the key's passphrase")],
        )
    })
}

/// Signs the session's head as `signer` (the key's comment when empty).
pub fn sign_head(
    session: &Session,
    key: &PrivateKey,
    signer: &str,
    key_path: &Path,
) -> Result<RecordSignature, FileError> {
    let signer = if signer.trim().is_empty() { key.comment().trim() } else { signer.trim() };
    if signer.is_empty() {
        let problem = Problem::new(
            "the key has no comment to name its signer",
            "name the signer as the allowed signers file does: --signer chair@example.org",
        );
        return Err(FileError::invalid(key_path, vec![problem]));
    }
    let statement = session.head_statement(signer);
    let unusable = |e: ssh_key::Error| {
        FileError::invalid(
            key_path,
            vec![Problem::new(format!("this key cannot sign ({e})"), "use an Ed25519, ECDSA or RSA key")],
        )
    };
    let signature = key.sign(SIGNATURE_NAMESPACE, HashAlg::Sha512, statement.as_bytes()).map_err(unusable)?;
    let armored = signature.to_pem(LineEnding::LF).map_err(unusable)?;
    Ok(RecordSignature { signer: signer.to_owned(), events: session.audit.len() as u64, signature: armored })
}

/// One line of an allowed signers file: who, and their key.
#[derive(Clone, Debug)]
pub struct AllowedSigner {
    pub principals: Vec<String>,
    pub namespaces: Option<Vec<String>>,
    pub key: PublicKey,
}

/// Reads OpenSSH's allowed signers format: `principals [options] keytype base64 [comment]`.
pub fn parse_allowed_signers(text: &str, path: &Path) -> Result<Vec<AllowedSigner>, FileError> {
    let mut signers = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match allowed_signer(line) {
            Ok(signer) => signers.push(signer),
            Err(why) => problems.push(
                Problem::new(why, "write `principal[,principal] [namespaces=\"ladderboard\"] ssh-ed25519 AAAA…`")
                    .at_line(i as u64 + 1),
            ),
        }
    }
    if problems.is_empty() { Ok(signers) } else { Err(FileError::invalid(path, problems)) }
}

fn allowed_signer(line: &str) -> Result<AllowedSigner, String> {
    let (principals, rest) = line.split_once(char::is_whitespace).ok_or("a principal and a key are needed")?;
    let mut rest = rest.trim_start();
    let mut namespaces = None;
    // Options come before the key type, comma-separated, with quoted values.
    if !looks_like_key_type(rest.split_whitespace().next().unwrap_or_default()) {
        let (options, after) = split_options(rest);
        for option in options.split(',') {
            if let Some(value) = option.strip_prefix("namespaces=") {
                namespaces = Some(value.trim_matches('"').split(',').map(str::to_owned).collect());
            }
        }
        rest = after.trim_start();
    }
    let key = PublicKey::from_openssh(rest).map_err(|e| format!("the key does not parse ({e})"))?;
    Ok(AllowedSigner { principals: principals.split(',').map(str::to_owned).collect(), namespaces, key })
}

fn looks_like_key_type(word: &str) -> bool {
    word.starts_with("ssh-") || word.starts_with("ecdsa-") || word.starts_with("sk-")
}

/// The options field (which may hold quoted commas and spaces) and what follows it.
fn split_options(text: &str) -> (&str, &str) {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => return (&text[..i], &text[i..]),
            _ => {}
        }
    }
    (text, "")
}

/// What checking one signature found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCheck {
    pub signer: String,
    /// `None` when it verifies; else why not, in words.
    pub problem: Option<String>,
}

/// Checks every signature in the session against the allowed signers and the head as it is now.
#[must_use]
pub fn check_signatures(session: &Session, allowed: &[AllowedSigner]) -> Vec<SignatureCheck> {
    session
        .signatures
        .iter()
        .map(|s| SignatureCheck { signer: s.signer.clone(), problem: check_one(session, s, allowed).err() })
        .collect()
}

/// Checks every signature against the head as it is now, whoever signed it (the window's banner:
/// a signature that no longer matches).
#[must_use]
pub fn stale_signatures(session: &Session) -> Vec<SignatureCheck> {
    session
        .signatures
        .iter()
        .map(|s| SignatureCheck { signer: s.signer.clone(), problem: matches_head(session, s).err() })
        .collect()
}

fn matches_head(session: &Session, signed: &RecordSignature) -> Result<SshSig, String> {
    let signature =
        SshSig::from_pem(signed.signature.trim()).map_err(|e| format!("the signature does not parse ({e})"))?;
    if signature.namespace() != SIGNATURE_NAMESPACE {
        return Err(format!("signed for \"{}\", not for a Ladderboard record", signature.namespace()));
    }
    let public = PublicKey::from(signature.public_key().clone());
    let events = session.audit.len() as u64;
    public.verify(SIGNATURE_NAMESPACE, session.head_statement(&signed.signer).as_bytes(), &signature).map_err(
        |_| {
            if signed.events == events {
                "does not match the record's head: the record was changed after it was signed".to_owned()
            } else {
                format!(
                    "signed the record at {} events; it has {events} now: changed after it was signed",
                    signed.events
                )
            }
        },
    )?;
    Ok(signature)
}

fn check_one(session: &Session, signed: &RecordSignature, allowed: &[AllowedSigner]) -> Result<(), String> {
    let signature = matches_head(session, signed)?;
    let principal = |p: &String| p == &signed.signer || wildcard(p, &signed.signer);
    let known = allowed.iter().filter(|a| a.principals.iter().any(principal));
    let mut any = false;
    for entry in known {
        any = true;
        let namespace_ok = entry.namespaces.as_ref().is_none_or(|n| n.iter().any(|n| n == SIGNATURE_NAMESPACE));
        if entry.key.key_data() == signature.public_key() && namespace_ok {
            return Ok(());
        }
    }
    if any {
        Err(format!("signed with a key the allowed signers file does not give {}", signed.signer))
    } else {
        Err(format!("{} is not in the allowed signers file", signed.signer))
    }
}

/// OpenSSH principal patterns: `*` and `?`.
fn wildcard(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match (p.first(), t.first()) {
            (None, None) => true,
            (Some('*'), _) => go(&p[1..], t) || (!t.is_empty() && go(p, &t[1..])),
            (Some('?'), Some(_)) => go(&p[1..], &t[1..]),
            (Some(a), Some(b)) if a == b => go(&p[1..], &t[1..]),
            _ => false,
        }
    }
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    go(&p, &t)
}
