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
    let signer = signer_name(signer, key.comment(), key_path)?;
    let statement = session.head_statement(&signer);
    let signature = key.sign(SIGNATURE_NAMESPACE, HashAlg::Sha512, statement.as_bytes()).map_err(unusable(key_path))?;
    armored(session, signer, &signature, key_path)
}

/// Who signs: `explicit`, else the key's comment; a key with neither cannot name its signer.
pub(crate) fn signer_name(explicit: &str, comment: &str, key_path: &Path) -> Result<String, FileError> {
    let signer = if explicit.trim().is_empty() { comment.trim() } else { explicit.trim() };
    if signer.is_empty() {
        let problem = Problem::new(
            "the key has no comment to name its signer",
            "name the signer as the allowed signers file does: --signer chair@example.org",
        );
        return Err(FileError::invalid(key_path, vec![problem]));
    }
    Ok(signer.to_owned())
}

/// The message for a key that cannot sign.
pub(crate) fn unusable(key_path: &Path) -> impl Fn(ssh_key::Error) -> FileError + '_ {
    move |e| {
        FileError::invalid(
            key_path,
            vec![Problem::new(format!("this key cannot sign ({e})"), "use an Ed25519, ECDSA or RSA key")],
        )
    }
}

/// The signature as the session keeps it: armored as `ssh-keygen -Y sign` writes it.
pub(crate) fn armored(
    session: &Session,
    signer: String,
    signature: &SshSig,
    key_path: &Path,
) -> Result<RecordSignature, FileError> {
    let armored = signature.to_pem(LineEnding::LF).map_err(unusable(key_path))?;
    Ok(RecordSignature { signer, events: session.audit.len() as u64, signature: armored })
}

/// One line of an allowed signers file: who, and their key, with the options Ladderboard honours.
#[derive(Clone, Debug)]
pub struct AllowedSigner {
    /// Principal patterns; one starting with `!` excludes who it matches.
    pub principals: Vec<String>,
    pub namespaces: Option<Vec<String>>,
    /// A certificate authority's key: it vouches for certificates, it does not sign itself.
    pub cert_authority: bool,
    /// The key is valid from / until these times (`valid-after`, `valid-before`).
    pub valid_after: Option<jiff::Timestamp>,
    pub valid_before: Option<jiff::Timestamp>,
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
    let (principals, rest) = split_field(line);
    if rest.trim().is_empty() {
        return Err("a principal and a key are needed".to_owned());
    }
    let mut rest = rest.trim_start();
    let (mut namespaces, mut cert_authority, mut valid_after, mut valid_before) = (None, false, None, None);
    // Options come before the key type, comma-separated, with quoted values.
    if !looks_like_key_type(rest.split_whitespace().next().unwrap_or_default()) {
        let (options, after) = split_field(rest);
        for option in split_outside_quotes(options) {
            let (name, value) = option.split_once('=').unwrap_or((option, ""));
            let value = value.trim_matches('"');
            match name.to_ascii_lowercase().as_str() {
                "namespaces" => namespaces = Some(value.split(',').map(str::to_owned).collect()),
                "cert-authority" => cert_authority = true,
                "valid-after" => valid_after = Some(openssh_time(value)?),
                "valid-before" => valid_before = Some(openssh_time(value)?),
                other => return Err(format!("unknown option \"{other}\"")),
            }
        }
        rest = after.trim_start();
    }
    let key = PublicKey::from_openssh(rest).map_err(|e| format!("the key does not parse ({e})"))?;
    let principals = principals.trim_matches('"').split(',').map(str::to_owned).collect();
    Ok(AllowedSigner { principals, namespaces, cert_authority, valid_after, valid_before, key })
}

/// OpenSSH's `YYYYMMDD[HHMM[SS]]` (UTC, or local with no `Z`; read as UTC here).
fn openssh_time(value: &str) -> Result<jiff::Timestamp, String> {
    let digits = value.trim_end_matches(['Z', 'z']);
    let padded = match digits.len() {
        8 => format!("{digits}000000"),
        12 => format!("{digits}00"),
        14 => digits.to_owned(),
        _ => return Err(format!("\"{value}\" is not a time (YYYYMMDD[HHMM[SS]])")),
    };
    let parsed = jiff::civil::DateTime::strptime("%Y%m%d%H%M%S", &padded).map_err(|e| format!("\"{value}\": {e}"))?;
    parsed.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).map_err(|e| e.to_string())
}

fn looks_like_key_type(word: &str) -> bool {
    word.starts_with("ssh-") || word.starts_with("ecdsa-") || word.starts_with("sk-")
}

/// The first whitespace-separated field (which may hold quoted spaces) and what follows it.
fn split_field(text: &str) -> (&str, &str) {
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

/// `a,b="x,y",c` → `a`, `b="x,y"`, `c`.
fn split_outside_quotes(text: &str) -> Vec<&str> {
    let (mut parts, mut quoted, mut start) = (Vec::new(), false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
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
    let content = session.content_hash();
    session
        .signatures
        .iter()
        .map(|s| SignatureCheck { signer: s.signer.clone(), problem: check_one(session, &content, s, allowed).err() })
        .collect()
}

/// Checks every signature against the head as it is now, whoever signed it (the window's banner:
/// a signature that no longer matches).
#[must_use]
pub fn stale_signatures(session: &Session) -> Vec<SignatureCheck> {
    // The content's hash reads the whole session (about 100 ms at 100,000 people), and the window
    // asks after every change: only when there is a signature to check it against.
    if session.signatures.is_empty() {
        return Vec::new();
    }
    let content = session.content_hash();
    session
        .signatures
        .iter()
        .map(|s| SignatureCheck { signer: s.signer.clone(), problem: matches_head(session, &content, s).err() })
        .collect()
}

fn matches_head(session: &Session, content: &str, signed: &RecordSignature) -> Result<SshSig, String> {
    let signature =
        SshSig::from_pem(signed.signature.trim()).map_err(|e| format!("the signature does not parse ({e})"))?;
    if signature.namespace() != SIGNATURE_NAMESPACE {
        return Err(format!("signed for \"{}\", not for a Ladderboard record", signature.namespace()));
    }
    let public = PublicKey::from(signature.public_key().clone());
    let events = session.audit.len() as u64;
    public
        .verify(SIGNATURE_NAMESPACE, session.head_statement_with(&signed.signer, content).as_bytes(), &signature)
        .map_err(|_| {
            if signed.events == events {
                "does not match the record's head: the record was changed after it was signed".to_owned()
            } else {
                format!(
                    "signed the record at {} events; it has {events} now: changed after it was signed",
                    signed.events
                )
            }
        })?;
    Ok(signature)
}

fn check_one(
    session: &Session,
    content: &str,
    signed: &RecordSignature,
    allowed: &[AllowedSigner],
) -> Result<(), String> {
    let signature = matches_head(session, content, signed)?;
    let now = jiff::Timestamp::now();
    // A line names the signer when a pattern matches and no `!pattern` does (as OpenSSH reads them).
    let names = |entry: &&AllowedSigner| {
        let (excluded, included): (Vec<&String>, Vec<&String>) =
            entry.principals.iter().partition(|p| p.starts_with('!'));
        included.iter().any(|p| wildcard(p, &signed.signer))
            && !excluded.iter().any(|p| wildcard(&p[1..], &signed.signer))
    };
    let mut any = false;
    for entry in allowed.iter().filter(names) {
        any = true;
        let namespace_ok = entry.namespaces.as_ref().is_none_or(|n| n.iter().any(|n| wildcard(n, SIGNATURE_NAMESPACE)));
        let in_time = entry.valid_after.is_none_or(|t| now >= t) && entry.valid_before.is_none_or(|t| now < t);
        if !entry.cert_authority && entry.key.key_data() == signature.public_key() && namespace_ok && in_time {
            return Ok(());
        }
    }
    if any {
        Err(format!(
            "signed with a key the allowed signers file does not give {} (for namespace ladderboard, now)",
            signed.signer
        ))
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

#[cfg(test)]
mod tests {
    use super::*;

    const CHAIR: &str = include_str!("../../tests/fixtures/keys/chair_ed25519");
    const CHAIR_PUB: &str = include_str!("../../tests/fixtures/keys/chair_ed25519.pub");

    fn signed_sample() -> Session {
        let mut session = crate::app::sample_session();
        let key = PrivateKey::from_openssh(CHAIR).expect("key");
        let signature = sign_head(&session, &key, "", Path::new("chair")).expect("signed");
        session.add_signature(signature);
        session
    }

    fn verdict(allowed: &str) -> Option<String> {
        let allowed = parse_allowed_signers(allowed, Path::new("allowed")).expect("parses");
        check_signatures(&signed_sample(), &allowed).remove(0).problem
    }

    #[test]
    fn allowed_signers_lines_are_read_as_openssh_reads_them() {
        let key = CHAIR_PUB.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        assert_eq!(verdict(&format!("chair@example.org {key}")), None);
        assert_eq!(verdict(&format!("*@example.org namespaces=\"git,ladderboard\" {key}")), None, "quoted commas");
        assert_eq!(verdict(&format!("chair@example.org NAMESPACES=\"ladderboard\" {key}")), None, "any case");
        assert!(verdict(&format!("chair@example.org namespaces=\"git\" {key}")).is_some(), "other namespace");
        assert!(verdict(&format!("*@example.org,!chair@example.org {key}")).is_some(), "negated principal");
        assert!(verdict(&format!("chair@example.org cert-authority {key}")).is_some(), "a CA key does not sign");
        assert!(verdict(&format!("chair@example.org valid-before=\"20200101\" {key}")).is_some(), "expired");
        assert!(verdict(&format!("chair@example.org valid-after=\"29990101\" {key}")).is_some(), "not yet valid");
        assert_eq!(verdict(&format!("chair@example.org valid-after=\"20200101\" {key}")), None);
        let error =
            parse_allowed_signers("chair@example.org frobnicate ssh-ed25519 AAAA", Path::new("a")).expect_err("bad");
        assert!(error.to_string().contains("line 1"), "{error}");
    }

    #[test]
    fn the_head_binds_the_content_in_full() {
        let mut session = signed_sample();
        assert!(stale_signatures(&session)[0].problem.is_none());
        // A change that the trail's short digests might not show still changes the signed content.
        session.people[0].name.push('!');
        assert!(stale_signatures(&session)[0].problem.is_some());
    }
}
