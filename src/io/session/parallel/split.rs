//! Finds where a RON document's top-level list fields are, and the commas between their items,
//! without parsing any value, so the items can be parsed elsewhere (see `session_parse`).
//!
//! The scan knows exactly what can hide a bracket or a comma in RON: strings with escapes, raw
//! strings (`r#"…"#`, `br"…"`), char literals and line and nested block comments. Anything it does
//! not expect (an `#![enable]` attribute, unbalanced brackets, a top level that is not a struct)
//! makes it give up with `None`, and the caller parses the document as a whole.

/// A top-level field whose value is a list.
#[derive(Debug, PartialEq, Eq)]
pub struct ListField {
    /// Which of the requested names this field is.
    pub name: usize,
    /// Byte index of the list's `[`.
    pub open: usize,
    /// Byte index of the list's `]`.
    pub close: usize,
    /// Byte indices of the commas between items, in order.
    pub commas: Vec<usize>,
}

/// The lists of the top-level struct's fields named in `names`, in file order.
#[must_use]
pub fn top_level_lists(text: &str, names: &[&str]) -> Option<Vec<ListField>> {
    let mut scan = Scan { bytes: text.as_bytes(), at: 0 };
    let mut depth = 0_usize;
    let mut lists: Vec<ListField> = Vec::new();
    // The field whose list is open, and the name of a depth-1 field waiting for its `:` and value.
    let mut open_list: Option<ListField> = None;
    let mut field: Option<usize> = None;
    let mut after_colon = false;
    let mut seen_struct = false;
    while let Next::Byte(byte) = scan.next_significant(depth)? {
        let at = scan.at;
        if depth == 0 && seen_struct {
            return None; // something after the top-level value
        }
        match byte {
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    if byte != b'(' {
                        return None;
                    }
                    seen_struct = true;
                } else if depth == 1
                    && byte == b'['
                    && after_colon
                    && let Some(name) = field
                {
                    open_list = Some(ListField { name, open: at, close: at, commas: Vec::new() });
                }
                depth += 1;
                field = None;
                after_colon = false;
                scan.at += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 1
                    && byte == b']'
                    && let Some(mut list) = open_list.take()
                {
                    list.close = at;
                    lists.push(list);
                }
                scan.at += 1;
            }
            b',' => {
                if depth == 2
                    && let Some(list) = open_list.as_mut()
                {
                    list.commas.push(at);
                }
                field = None;
                after_colon = false;
                scan.at += 1;
            }
            b':' => {
                after_colon = field.is_some() && depth == 1;
                scan.at += 1;
            }
            b'#' if depth == 0 => return None,
            b'"' => match scan.raw_string_hashes() {
                Some(hashes) => scan.skip_raw_string(hashes)?,
                None => scan.skip_string()?,
            },
            b'\'' => scan.skip_char()?,
            _ if is_ident_byte(byte) => {
                let word = scan.word();
                field = if depth == 1 { names.iter().position(|n| n.as_bytes() == word) } else { None };
                after_colon = false;
            }
            _ => {
                field = None;
                after_colon = false;
                scan.at += 1;
            }
        }
    }
    (depth == 0 && seen_struct && open_list.is_none()).then_some(lists)
}

/// Bytes that can open or close a value, separate items or hide one of those: quotes, brackets,
/// commas and `/` (comments). `#` before a `"` is read back from the quote.
const MATTERS_IN_LISTS: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let bytes = b"\"'()[]{},/";
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// What the scan finds next.
enum Next {
    Byte(u8),
    End,
}

/// A cursor over the document's bytes.
struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    /// The bytes from the cursor on; empty once an escape or a char literal has carried the cursor
    /// past the end of damaged text.
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    /// Moves to the next byte that matters at `depth`; `None` on an unclosed comment. Inside the lists (depth 2 and more) words do not matter, so everything but
    /// quotes, brackets, commas and comment starts is skipped through a table.
    fn next_significant(&mut self, depth: usize) -> Option<Next> {
        loop {
            if depth >= 2 {
                let rest = self.rest();
                self.at += rest.iter().position(|&b| MATTERS_IN_LISTS[usize::from(b)]).unwrap_or(rest.len());
            }
            let Some(&byte) = self.bytes.get(self.at) else { return Some(Next::End) };
            match (byte, self.peek(1)) {
                (b' ' | b'\t' | b'\n' | b'\r', _) => self.at += 1,
                (b'/', Some(b'/')) => {
                    self.at = memchr::memchr(b'\n', self.rest()).map_or(self.bytes.len(), |n| self.at + n);
                }
                (b'/', Some(b'*')) => self.skip_block_comment()?,
                (b'/', _) if depth >= 2 => self.at += 1,
                _ => return Some(Next::Byte(byte)),
            }
        }
    }

    fn skip_block_comment(&mut self) -> Option<()> {
        let mut level = 0_usize;
        loop {
            match (self.peek(0)?, self.peek(1)) {
                (b'/', Some(b'*')) => {
                    level += 1;
                    self.at += 2;
                }
                (b'*', Some(b'/')) => {
                    level -= 1;
                    self.at += 2;
                    if level == 0 {
                        return Some(());
                    }
                }
                _ => self.at += 1,
            }
        }
    }

    /// An identifier (or number, or keyword): the bytes up to the next non-identifier byte.
    fn word(&mut self) -> &[u8] {
        let start = self.at;
        while self.peek(0).is_some_and(is_ident_byte) {
            self.at += 1;
        }
        &self.bytes[start..self.at]
    }

    /// Skips `"…"` with backslash escapes.
    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            let rest = self.rest();
            let n = memchr::memchr2(b'"', b'\\', rest)?;
            if rest[n] == b'\\' {
                self.at += n + 2;
            } else {
                self.at += n + 1;
                return Some(());
            }
        }
    }

    /// Skips `'x'`, `'\n'` or `'\u{1F600}'`.
    fn skip_char(&mut self) -> Option<()> {
        self.at += 1;
        if self.peek(0)? == b'\\' {
            self.at += 2;
        } else {
            self.at += 1;
        }
        let n = memchr::memchr(b'\'', self.rest())?;
        self.at += n + 1;
        Some(())
    }

    /// With the cursor on a `"`: the number of `#`s if it opens a raw string (`r"`, `r##"`, `br#"`),
    /// told from the bytes before it, which the scan has already passed.
    fn raw_string_hashes(&self) -> Option<usize> {
        let before = self.bytes.get(..self.at).unwrap_or_default();
        let hashes = before.iter().rev().take_while(|&&b| b == b'#').count();
        let r_at = self.at.checked_sub(hashes + 1)?;
        if before[r_at] != b'r' {
            return None;
        }
        let word_before = |i: usize| i > 0 && is_ident_byte(before[i - 1]);
        let prefixed = word_before(r_at) && before[r_at - 1] == b'b' && !word_before(r_at - 1);
        (!word_before(r_at) || prefixed).then_some(hashes)
    }

    /// Skips the rest of `r"…"` or `r##"…"##` with the cursor on the opening `"`.
    fn skip_raw_string(&mut self, hashes: usize) -> Option<()> {
        self.at += 1;
        loop {
            let n = memchr::memchr(b'"', self.rest())?;
            self.at += n + 1;
            let closing = self.rest().iter().take(hashes).take_while(|&&b| b == b'#').count();
            if closing == hashes {
                self.at += hashes;
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(text: &str) -> Option<Vec<(usize, String, usize)>> {
        let found = top_level_lists(text, &["a", "b"])?;
        Some(found.into_iter().map(|l| (l.name, text[l.open..=l.close].to_owned(), l.commas.len())).collect())
    }

    #[test]
    fn finds_named_lists_and_the_commas_between_their_items() {
        let text = r##"(x: [1, 2], a: [(p: "],", q: [3, 4]), (p: r#"")"#, q: [])], b: [], c: "[")"##;
        let a = r##"[(p: "],", q: [3, 4]), (p: r#"")"#, q: [])]"##;
        assert_eq!(lists(text), Some(vec![(0, a.to_owned(), 1), (1, "[]".to_owned(), 0)]));
    }

    #[test]
    fn strings_chars_and_comments_hide_brackets() {
        let text = "( /* ( [ */ a: // ]\n [ '(' , b')', \"\\\"]\" , br##\"]\"#\"## ], b: [ /* /* ] */ ] */ 1 ] )";
        let found = lists(text).expect("splits");
        assert_eq!(found[0].2, 3, "{found:?}");
        assert_eq!(found[1].1, "[ /* /* ] */ ] */ 1 ]");
    }

    #[test]
    fn gives_up_on_what_it_does_not_expect() {
        assert_eq!(lists("#![enable(implicit_some)] (a: [])"), None);
        assert_eq!(lists("(a: [1, 2)"), None);
        assert_eq!(lists("(a: [\"unclosed])"), None);
        assert_eq!(lists("[1, 2]"), None);
        assert_eq!(lists("(a: []) (b: [])"), None);
        assert_eq!(lists("(a: [] /* unclosed"), None);
        // Damaged text that ends inside an escape or a char literal.
        assert_eq!(lists("(a: [\"x\\"), None);
        assert_eq!(lists("(a: ['\\"), None);
        assert_eq!(lists(r#"(a: [r#"x"]"#), None);
        assert_eq!(lists("Session(a: [1])"), Some(vec![(0, "[1]".to_owned(), 0)]));
    }
}
