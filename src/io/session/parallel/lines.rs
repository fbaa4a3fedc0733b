//! Where a session file keeps its long lists, found from the lines Ladderboard writes rather than
//! by reading every byte. The exact scan (`split`) reads each string and comment to know what is
//! structure, which took a fifth of a large load and ran before any parsing could start. A file
//! Ladderboard wrote has each list open on a line of its own (`  people: [`), an item a line
//! (`    (…),`) and the list close on a line of its own (`  ],`): those are found with a few
//! searches. Nothing found this way is trusted. The parse that uses these places checks them
//! (`parse::speculation_holds`): the document's own reading of the rest must put each list's `[`
//! where it was found, and every cut must fall just after an item, so a line that only looks like
//! one (inside a string or a comment, or in a hand-edited file) makes the parse fall back to the
//! exact scan.

use super::split::ListField;

/// The lists named in `names`, as found from their lines, each with about one cut (a comma that
/// ends a line) every `chunk_bytes`; `None` when the file is not laid out as Ladderboard writes.
#[must_use]
pub fn lists_by_lines(text: &str, names: &[&str], chunk_bytes: usize) -> Option<Vec<ListField>> {
    let bytes = text.as_bytes();
    let mut lists = Vec::with_capacity(names.len());
    let mut from = 0;
    for (name, field) in names.iter().enumerate() {
        let header = format!("\n  {field}: [\n");
        // In file order: a list not found after the one before stays in the rest of the document.
        let Some(found) = memchr::memmem::find(&bytes[from..], header.as_bytes()) else { continue };
        let open = from + found + header.len() - 2;
        let close = open + memchr::memmem::find(&bytes[open..], b"\n  ]")? + 3;
        lists.push(ListField { name, open, close, commas: cuts(bytes, open, close, chunk_bytes) });
        from = close;
    }
    (!lists.is_empty()).then_some(lists)
}

/// Commas that end a line, about `chunk_bytes` apart, between `open` and `close`: the first such
/// line end at or after each `chunk_bytes` (a line that ends otherwise is passed over, not a reason
/// to skip a whole chunk's worth).
fn cuts(bytes: &[u8], open: usize, close: usize, chunk_bytes: usize) -> Vec<usize> {
    let mut commas = Vec::new();
    let mut target = open + 1 + chunk_bytes.max(1);
    while target < close {
        let Some(line_end) = memchr::memchr(b'\n', &bytes[target..close]).map(|n| target + n) else { break };
        if bytes[line_end - 1] == b',' {
            commas.push(line_end - 1);
            target = line_end + chunk_bytes.max(1);
        } else {
            target = line_end + 1;
        }
    }
    commas
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lists_and_cuts_from_their_lines() {
        let text = "(\n  title: \"t\",\n  a: [\n    (x: 1),\n    (x: 2),\n    (x: 3),\n  ],\n  b: [],\n  c: [\n    1,\n  ],\n)";
        let lists = lists_by_lines(text, &["a", "b", "c"], 8).expect("found");
        assert_eq!(lists.len(), 2, "an empty list stays in the document");
        assert_eq!((&text[lists[0].open..=lists[0].open], &text[lists[0].close..=lists[0].close]), ("[", "]"));
        assert_eq!(
            lists[0].commas.iter().map(|&c| &text[c - 6..=c]).collect::<Vec<_>>(),
            ["(x: 1),", "(x: 2),", "(x: 3),"]
        );
        assert_eq!((lists[1].name, &text[lists[1].open..=lists[1].close]), (2, "[\n    1,\n  ]"));
    }

    #[test]
    fn a_line_that_does_not_end_in_a_comma_is_passed_over() {
        // A note whose text runs over two lines: the cut waits for the line that ends the item.
        let text = "(\n  a: [\n    (t: \"one\ntwo\"),\n    (t: \"3\"),\n  ],\n)";
        let lists = lists_by_lines(text, &["a"], 8).expect("found");
        assert_eq!(lists[0].commas.iter().map(|&c| &text[c - 5..=c]).collect::<Vec<_>>(), ["two\"),", " \"3\"),"]);
    }

    #[test]
    fn a_file_not_laid_out_as_ladderboard_writes_gives_nothing() {
        assert!(lists_by_lines("(a: [1, 2])", &["a"], 8).is_none());
        assert!(lists_by_lines("(\n  a: [\n    1,", &["a"], 8).is_none(), "no close");
    }
}
