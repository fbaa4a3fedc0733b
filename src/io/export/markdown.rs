//! Text from the session made inert in Markdown: what a name, rationale, evidence or comment says
//! is shown as written, never read as markup. HTML's `&`, `<` and `>` become entities (no tag, no
//! autolink), and the characters Markdown reads as syntax are escaped with `\` (emphasis, code,
//! links and images, tables, headings, lists and block quotes at a line's start).

/// A document whose Markdown and HTML are made from the session.
type Render = fn(&crate::model::Session) -> String;

/// Writes a document's Markdown and/or HTML form, each where a path is given, atomically.
pub fn write_both(
    session: &crate::model::Session,
    (markdown, as_markdown): (Option<&std::path::Path>, Render),
    (html, as_html): (Option<&std::path::Path>, Render),
) -> Result<(), crate::io::error::FileError> {
    for (path, render) in [(markdown, as_markdown), (html, as_html)] {
        if let Some(path) = path {
            crate::io::atomic::write_atomic(path, render(session).as_bytes())?;
        }
    }
    Ok(())
}

/// `text` as literal Markdown text.
#[must_use]
pub fn inert(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            // A line break inside a value stays a line break, never the start of a block.
            out.push_str("  \n");
        }
        let body = line.trim_start();
        // A line that would open a block (a list, a rule, a setext heading) starts escaped; a
        // numbered item ("1. …") has its dot escaped.
        if body.starts_with(['-', '+', '=']) {
            out.push('\\');
        }
        let numbered =
            body.find(['.', ')']).filter(|&at| at > 0 && body.as_bytes()[..at].iter().all(u8::is_ascii_digit));
        for (at, c) in body.char_indices() {
            if Some(at) == numbered {
                out.push('\\');
            }
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn markup_in_session_text_is_shown_not_run() {
        assert_eq!(inert("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(inert("[click](javascript:alert(1))"), "\\[click\\](javascript:alert(1))");
        assert_eq!(inert("# Fake heading"), "\\# Fake heading");
        assert_eq!(inert("line one\n- not a list"), "line one  \n\\- not a list");
        assert_eq!(inert("1. not numbered"), "1\\. not numbered");
        assert_eq!(inert("Ada Park"), "Ada Park");
        assert!(!inert("<img src=x onerror=alert(1)>").contains('<'));
    }
}
