//! How long a text in a session may be. Without a limit a hand-made file with a 5 MB title took
//! 2.35 GB to lay out in the window; with one, such a file is refused on open and by `validate`,
//! naming the field, and the window's text fields stop at the limit as they are typed in.
//!
//! Names (a person's, a manager's, a team, the title, who did something) are one line of at most
//! 1 KiB; every other text (evidence, rationales, notes, comments, criteria) at most 64 KiB. The
//! trail's own lines (`from`, `to`) quote those texts with a few words around them, so they may
//! be twice as long. Digests and signatures are the file's own machinery, checked elsewhere.

use serde::Serialize;
use serde::ser;

/// The most a name or title may hold, in bytes of UTF-8.
pub const NAME_LIMIT: usize = 1024;
/// The most any other text may hold, in bytes of UTF-8.
pub const TEXT_LIMIT: usize = 64 * 1024;

/// Fields holding a name or title: one line, `NAME_LIMIT`.
const NAME_FIELDS: [&str; 16] = [
    "id",
    "name",
    "manager",
    "team",
    "title",
    "cycle",
    "actor",
    "author",
    "member",
    "proposer",
    "decided_by",
    "person",
    "level",
    "dimension",
    "source",
    "action",
];

/// Fields that are the file's machinery (digests, hashes, signatures): not text anyone typed.
const MACHINE_FIELDS: [&str; 6] = ["digests", "state", "doc", "hash", "signature", "prev_hash"];

/// The limit for a text in field `field`, if it has one.
#[must_use]
pub fn limit_of(field: &str) -> Option<usize> {
    if MACHINE_FIELDS.contains(&field) {
        None
    } else if NAME_FIELDS.contains(&field) {
        Some(NAME_LIMIT)
    } else if matches!(field, "from" | "to") {
        Some(2 * TEXT_LIMIT)
    } else {
        Some(TEXT_LIMIT)
    }
}

/// A text longer than its field allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongText {
    pub field: String,
    pub bytes: usize,
    pub limit: usize,
    /// Its first characters, to find it in the file and to name it.
    pub start: String,
}

impl std::fmt::Display for LongText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.limit == NAME_LIMIT { "a name or title" } else { "a text" };
        write!(
            f,
            "`{}` holds {} bytes; {what} may hold at most {} ({} KiB)",
            self.field,
            self.bytes,
            self.limit,
            self.limit / 1024
        )
    }
}

/// Every text in `value` longer than its field allows (at most `most` of them).
#[must_use]
pub fn long_texts<T: Serialize + ?Sized>(value: &T, most: usize) -> Vec<LongText> {
    let mut walk = Walk { field: "", found: Vec::new(), most };
    let _ = value.serialize(&mut walk);
    walk.found
}

/// Visits every string, knowing the struct field it belongs to.
struct Walk {
    field: &'static str,
    found: Vec<LongText>,
    most: usize,
}

#[derive(Debug)]
struct Enough;

impl std::fmt::Display for Enough {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("enough found")
    }
}

impl std::error::Error for Enough {}

impl ser::Error for Enough {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Enough
    }
}

type Done = Result<(), Enough>;

/// `text` as a `LongText` when it is longer than field `field` allows.
#[must_use]
pub fn long_text(field: &str, text: &str) -> Option<LongText> {
    if text.len() <= NAME_LIMIT {
        return None;
    }
    let limit = limit_of(field)?;
    if text.len() <= limit {
        return None;
    }
    let mut cut = 60;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    Some(LongText { field: field.to_owned(), bytes: text.len(), limit, start: text[..cut].to_owned() })
}

impl Walk {
    fn text(&mut self, text: &str) -> Done {
        if let Some(long) = long_text(self.field, text) {
            self.found.push(long);
            if self.found.len() >= self.most {
                return Err(Enough);
            }
        }
        Ok(())
    }
}

impl ser::Serializer for &mut Walk {
    type Ok = ();
    type Error = Enough;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Done {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Done {
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.text(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Enough> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Enough> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Enough> {
        Ok(self)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Enough> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Enough> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Enough> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self, Enough> {
        Ok(self)
    }
}

/// Lists, tuples, tuple structs and tuple variants: each item walked.
macro_rules! walk_items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Walk {
            type Ok = ();
            type Error = Enough;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

walk_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Walk {
    type Ok = ();
    type Error = Enough;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        // A map's keys are ids (people's, levels'): names.
        let field = std::mem::replace(&mut self.field, "id");
        let done = key.serialize(&mut **self);
        self.field = field;
        done
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walk {
    type Ok = ();
    type Error = Enough;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        let outer = std::mem::replace(&mut self.field, key);
        let done = value.serialize(&mut **self);
        self.field = outer;
        done
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walk {
    type Ok = ();
    type Error = Enough;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Person {
        name: String,
        notes: Vec<String>,
        hash: String,
    }

    #[test]
    fn names_and_texts_have_their_own_limits_and_machinery_none() {
        let fine =
            Person { name: "a".repeat(NAME_LIMIT), notes: vec!["b".repeat(TEXT_LIMIT)], hash: "c".repeat(1 << 20) };
        assert!(long_texts(&fine, 10).is_empty());
        let long =
            Person { name: "é".repeat(NAME_LIMIT), notes: vec!["b".repeat(TEXT_LIMIT + 1)], hash: String::new() };
        let found = long_texts(&long, 10);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].field.as_str(), found[0].bytes, found[0].limit), ("name", 2 * NAME_LIMIT, NAME_LIMIT));
        assert_eq!(found[0].start.chars().count(), 30, "cut on a character boundary");
        assert_eq!((found[1].field.as_str(), found[1].limit), ("notes", TEXT_LIMIT));
        assert_eq!(long_texts(&long, 1).len(), 1, "stops at `most`");
        assert_eq!(found[0].to_string(), "`name` holds 2048 bytes; a name or title may hold at most 1024 (1 KiB)");
    }
}
