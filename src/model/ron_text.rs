//! The compact RON text of a value, byte for byte what `ron::to_string` writes, for the seals'
//! hashes (`audit.rs`, `state_seal.rs`, `doc_seal.rs`), which are defined over that text. It
//! exists for speed: `ron` escapes every string a character at a time through
//! `char::escape_debug`, which was half the cost of checking a 50,000-event trail; here runs of
//! plain ASCII are copied whole and only the other characters go through the same escape.
//! Anything it does not write exactly as `ron` does (chars, bytes, ranges, identifiers that need
//! `r#`) is refused, and the caller asks `ron` itself, so the text never differs.
//!
//! It also writes the one-line form a session file holds each list item in (`push_ron_line`):
//! what `ron`'s pretty printer writes past its depth limit with Ladderboard's settings (`, ` and
//! `: ` between parts, strings as they are or raw). Saving a session was mostly `ron` writing
//! those lines (it checks every identifier a character at a time).

use serde::Serialize;
use serde::ser;
use std::fmt::Write as _;

/// `ron::to_string(value)`, faster; `None` only if `ron` would fail too.
#[must_use]
pub fn ron_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut text = String::with_capacity(256);
    ron_text_into(&mut text, value).then_some(text)
}

/// `ron_text` into `text` (emptied first), so that a loop over many values reuses one buffer;
/// `false` only if `ron` would fail too.
pub fn ron_text_into<T: Serialize + ?Sized>(text: &mut String, value: &T) -> bool {
    text.clear();
    if write(text, value, false) {
        return true;
    }
    text.clear();
    ron::ser::to_writer(&mut *text, value).is_ok()
}

/// Appends `value` to `text` as `ron::ser::to_string_pretty` writes it past its depth limit with
/// `PrettyConfig::new().struct_names(false).escape_strings(false)` and the default separator:
/// one line, `, ` between items, `: ` after names, a string as it is (raw, `r#"…"#`, when it holds
/// a quote or a backslash). `false`, with `text` as it was, for a value this writer leaves to
/// `ron` (chars, bytes, ranges, identifiers that need `r#`).
pub fn push_ron_line<T: Serialize + ?Sized>(text: &mut String, value: &T) -> bool {
    let before = text.len();
    if write(text, value, true) {
        return true;
    }
    text.truncate(before);
    false
}

/// Serialises `value` onto the end of `text`, in one line's style (`line`) or compact.
fn write<T: Serialize + ?Sized>(text: &mut String, value: &T, line: bool) -> bool {
    let mut writer = Text { out: std::mem::take(text), line };
    let written = value.serialize(&mut writer);
    *text = writer.out;
    written.is_ok()
}

struct Text {
    out: String,
    /// The one-line pretty style (`push_ron_line`) rather than the compact one.
    line: bool,
}

/// Printable ASCII other than the quotes and the backslash: `escape_debug` leaves it as it is.
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b: u8 = 0x20;
    while b < 0x7f {
        table[b as usize] = !matches!(b, b'"' | b'\'' | b'\\');
        b += 1;
    }
    table
};

/// A value this writer leaves to `ron`.
#[derive(Debug)]
struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to ron")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type Done = Result<(), Unsupported>;

impl Text {
    /// A string as `ron` writes it: escaped in the compact style, as it is in the line style.
    fn string(&mut self, value: &str) {
        if self.line {
            self.unescaped_or_raw(value);
        } else {
            self.escaped(value);
        }
    }

    /// As `ron` writes a string with `escape_strings(false)`: as it is between quotes, or raw with
    /// one `#` more than the longest run of them inside when it holds a quote or a backslash.
    fn unescaped_or_raw(&mut self, value: &str) {
        if memchr::memchr2(b'"', b'\\', value.as_bytes()).is_none() {
            self.out.push('"');
            self.out.push_str(value);
            self.out.push('"');
            return;
        }
        let longest = value.split(|c| c != '#').map(str::len).max().unwrap_or(0);
        let hashes = "#".repeat(longest + 1);
        self.out.push('r');
        self.out.push_str(&hashes);
        self.out.push('"');
        self.out.push_str(value);
        self.out.push('"');
        self.out.push_str(&hashes);
    }

    /// A string as `ron` escapes it: `"`, each character through `char::escape_debug`, `"`.
    fn escaped(&mut self, value: &str) {
        self.out.push('"');
        let mut rest = value;
        while !rest.is_empty() {
            let plain = rest.bytes().position(|b| !PLAIN[usize::from(b)]).unwrap_or(rest.len());
            self.out.push_str(&rest[..plain]);
            rest = &rest[plain..];
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                self.out.extend(c.escape_debug());
                rest = chars.as_str();
            }
        }
        self.out.push('"');
    }

    /// An identifier as `ron` writes it, when it needs no `r#`.
    fn identifier(&mut self, name: &str) -> Done {
        if !plain_identifier(name) {
            return Err(Unsupported);
        }
        self.out.push_str(name);
        Ok(())
    }
}

/// Whether `ron` writes `name` as it is: ASCII letters, digits and `_`, not starting with a digit,
/// and not a word RON reserves. Every field and variant name is checked, so the reserved words are
/// compared only when the first letter could start one.
fn plain_identifier(name: &str) -> bool {
    const RESERVED: [&str; 10] =
        ["true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64"];
    let bytes = name.as_bytes();
    let Some(&first) = bytes.first() else { return false };
    (first.is_ascii_alphabetic() || first == b'_')
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && !(matches!(first, b't' | b'f' | b'S' | b'N' | b'i') && RESERVED.contains(&name))
}

/// A list, tuple, map or struct being written: commas go between its items.
struct Compound<'a> {
    text: &'a mut Text,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.text.out.push_str(if self.text.line { ", " } else { "," });
        }
    }

    /// The `:` after a field's name or a map's key.
    fn colon(&mut self) {
        self.text.out.push_str(if self.text.line { ": " } else { ":" });
    }

    fn close(self) {
        self.text.out.push(self.close);
    }
}

impl<'a> ser::Serializer for &'a mut Text {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        // As `ron` writes it: `Debug`, the shortest text that reads back, with a sign on a
        // negative NaN.
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Done {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_char(self, _: char) -> Done {
        Err(Unsupported)
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Done {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Done {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.identifier(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.identifier(variant)?;
        self.serialize_newtype_struct("", value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('[');
        Ok(Compound { text: self, first: true, close: ']' })
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Unsupported> {
        self.out.push('(');
        Ok(Compound { text: self, first: true, close: ')' })
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Unsupported> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.identifier(variant)?;
        self.serialize_tuple(len)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.out.push('{');
        Ok(Compound { text: self, first: true, close: '}' })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>, Unsupported> {
        // `ron` writes ranges in a syntax of their own.
        if name.starts_with("Range") {
            return Err(Unsupported);
        }
        self.serialize_tuple(len)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.identifier(variant)?;
        self.serialize_tuple(len)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.comma();
        value.serialize(&mut *self.text)
    }
    fn end(self) -> Done {
        self.close();
        Ok(())
    }
}

/// Tuples, tuple structs and tuple variants are written as a list's items are, between `(` `)`.
macro_rules! items_like_a_list {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Done {
                self.close();
                Ok(())
            }
        }
    )*};
}

items_like_a_list!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.comma();
        key.serialize(&mut *self.text)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.colon();
        value.serialize(&mut *self.text)
    }
    fn end(self) -> Done {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.comma();
        self.text.identifier(key)?;
        self.colon();
        value.serialize(&mut *self.text)
    }
    fn end(self) -> Done {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Done {
        self.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests;
