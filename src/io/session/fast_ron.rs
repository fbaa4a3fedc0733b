//! A fast reader for the RON Ladderboard writes. `ron` reads about 80 MB/s a core, and a session's
//! load was almost all parse (141 of 150 ms for a 10,000-person file with 50,000 events). This
//! reads the same text several times faster by handling only the forms Ladderboard writes:
//! structs without names, lists, maps, strings (escapes included), integers, floats, `Some`/`None`,
//! enum variants, comments. Anything else — a struct name, a raw identifier, a char, a hex number,
//! an unusual escape — is refused, and the caller reads the text with `ron` itself, which gives
//! the same value or the error with its line and column. So it is never the judge of a file, only
//! a shortcut for files `ron` would read the same way (a property test holds it to that).

use crate::model::text_limits::{LongText, NAME_LIMIT, long_text};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};

/// Reads `text` as `ron::from_str` would, or refuses.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Refused> {
    from_str_checked(text).map(|(value, _)| value)
}

/// `from_str`, with every text longer than its field allows (`text_limits`), found on the way at
/// no extra cost.
pub fn from_str_checked<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<LongText>), Refused> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader)?;
    reader.space()?;
    if reader.at == text.len() { Ok((value, reader.long)) } else { Err(Refused) }
}

/// `from_str_checked`, with where each list that is a field of the top-level struct opens: its
/// field's name and the byte offset of its `[`. A parse that splits a file at lists it found by
/// their lines (`parallel::lines`) checks with these that each was where the document has it.
pub fn from_str_with_lists<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<LongText>, Vec<ListAt<'_>>), Refused> {
    let mut reader = Reader::new(text);
    reader.lists = Some(Vec::new());
    let value = T::deserialize(&mut reader)?;
    reader.space()?;
    if reader.at == text.len() { Ok((value, reader.long, reader.lists.unwrap_or_default())) } else { Err(Refused) }
}

/// A list field of the top-level struct: its name and the byte offset of its `[`.
pub type ListAt<'t> = (&'t str, usize);

/// A run of a list's items as `items_from_str` reads it.
pub struct ItemsRead<T> {
    pub items: Vec<T>,
    pub long: Vec<LongText>,
    /// The byte offset just after the last item's own text (before any space, comment or comma);
    /// 0 when there is no item.
    pub last_item_end: usize,
}

/// Reads `items` — a list's items without its brackets, as a session file holds them between two
/// cuts — as `ron::from_str(&format!("[{items}]"))` would, without copying them first.
pub fn items_from_str<T: DeserializeOwned>(items: &str) -> Result<ItemsRead<T>, Refused> {
    let mut reader = Reader::new(items);
    // Ladderboard writes an item a line: made at about its length once, not grown and copied.
    // Bounded by the text's size, so crafted text full of line ends cannot ask for much.
    let lines = memchr::memchr_iter(b'\n', items.as_bytes()).count() + 1;
    let mut list = Vec::with_capacity(lines.min(items.len() / 64));
    let mut last_item_end = 0;
    loop {
        reader.space()?;
        if reader.at == items.len() {
            return Ok(ItemsRead { items: list, long: reader.long, last_item_end });
        }
        list.push(T::deserialize(&mut reader)?);
        last_item_end = reader.at;
        reader.space()?;
        if reader.at < items.len() && !reader.eat(b',')? {
            return Err(Refused);
        }
    }
}

/// The text is not in the forms this reader takes: read it with `ron`.
#[derive(Debug)]
pub struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to ron")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Refused
    }
}

type Read<T> = Result<T, Refused>;

struct Reader<'t> {
    text: &'t str,
    at: usize,
    /// The struct field being read, for the texts' limits (`text_limits`).
    field: &'t str,
    /// Texts longer than their field allows, found as they are read.
    long: Vec<LongText>,
    /// Structs being read, the one being read included: 1 inside the top-level struct.
    structs: u32,
    /// The top-level struct's list fields with the offsets of their `[`, when asked for.
    lists: Option<Vec<ListAt<'t>>>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        Reader { text, at: 0, field: "", long: Vec::new(), structs: 0, lists: None }
    }

    /// Notes `text` when it is longer than the field being read allows.
    fn limit(&mut self, text: &str) {
        if text.len() > NAME_LIMIT
            && let Some(long) = long_text(self.field, text)
        {
            self.long.push(long);
        }
    }

    fn bytes(&self) -> &'t [u8] {
        self.text.as_bytes()
    }

    /// Skips white space and comments.
    fn space(&mut self) -> Read<()> {
        let bytes = self.bytes();
        loop {
            while self.at < bytes.len() && matches!(bytes[self.at], b' ' | b'\n' | b'\r' | b'\t') {
                self.at += 1;
            }
            match bytes.get(self.at..self.at + 2) {
                Some(b"//") => match memchr::memchr(b'\n', &bytes[self.at..]) {
                    Some(end) => self.at += end + 1,
                    None => self.at = bytes.len(),
                },
                // Block comments nest in RON; `ron` reads those.
                Some(b"/*") => return Err(Refused),
                _ => return Ok(()),
            }
        }
    }

    fn peek(&mut self) -> Read<u8> {
        self.space()?;
        self.bytes().get(self.at).copied().ok_or(Refused)
    }

    fn eat(&mut self, byte: u8) -> Read<bool> {
        if self.peek()? == byte {
            self.at += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect(&mut self, byte: u8) -> Read<()> {
        if self.eat(byte)? { Ok(()) } else { Err(Refused) }
    }

    /// After an item: a comma, or the closing bracket (left for the caller).
    fn after_item(&mut self, close: u8) -> Read<()> {
        if self.eat(b',')? || self.peek()? == close { Ok(()) } else { Err(Refused) }
    }

    fn identifier(&mut self) -> Read<&'t str> {
        self.space()?;
        let bytes = self.bytes();
        let start = self.at;
        if !bytes.get(start).is_some_and(|&b| is_ident_start(b)) {
            return Err(Refused);
        }
        let mut end = start + 1;
        while end < bytes.len() && is_ident(bytes[end]) {
            end += 1;
        }
        // `r#name`, a raw string or a non-ASCII identifier: `ron`'s.
        if bytes.get(end).is_some_and(|&b| b == b'#' || b == b'"' || b >= 0x80) {
            return Err(Refused);
        }
        self.at = end;
        Ok(&self.text[start..end])
    }

    /// A word such as `None` or `true`, if it is next (and not the start of a longer one).
    fn word(&mut self, word: &str) -> Read<bool> {
        self.space()?;
        let rest = &self.bytes()[self.at..];
        let whole = rest.starts_with(word.as_bytes()) && !rest.get(word.len()).is_some_and(|&b| is_ident(b));
        if whole {
            self.at += word.len();
        }
        Ok(whole)
    }

    /// A quoted string; borrowed from the text when it has no escapes.
    fn string(&mut self) -> Read<std::borrow::Cow<'t, str>> {
        match self.peek()? {
            b'"' => {}
            b'r' => return self.raw_string().map(std::borrow::Cow::Borrowed),
            _ => return Err(Refused),
        }
        self.at += 1;
        let bytes = self.bytes();
        let start = self.at;
        let end = start + memchr::memchr2(b'"', b'\\', &bytes[start..]).ok_or(Refused)?;
        if bytes[end] == b'"' {
            self.at = end + 1;
            let text = &self.text[start..end];
            self.limit(text);
            return Ok(std::borrow::Cow::Borrowed(text));
        }
        let mut out = String::with_capacity(end - start + 16);
        let mut from = start;
        loop {
            let stop = from + memchr::memchr2(b'"', b'\\', &bytes[from..]).ok_or(Refused)?;
            out.push_str(&self.text[from..stop]);
            if bytes[stop] == b'"' {
                self.at = stop + 1;
                self.limit(&out);
                return Ok(std::borrow::Cow::Owned(out));
            }
            let (c, used) = self.escape(stop + 1)?;
            out.push(c);
            from = stop + 1 + used;
        }
    }

    /// A raw string, `r#"…"#` with any number of `#`: how Ladderboard writes text holding a quote
    /// or a backslash.
    fn raw_string(&mut self) -> Read<&'t str> {
        let bytes = self.bytes();
        let hashes = bytes[self.at + 1..].iter().take_while(|&&b| b == b'#').count();
        let open = self.at + 1 + hashes;
        if bytes.get(open) != Some(&b'"') {
            return Err(Refused);
        }
        let start = open + 1;
        let mut from = start;
        loop {
            let quote = from + memchr::memchr(b'"', &bytes[from..]).ok_or(Refused)?;
            let closes = bytes[quote + 1..].iter().take(hashes).take_while(|&&b| b == b'#').count() == hashes;
            if closes {
                self.at = quote + 1 + hashes;
                let text = &self.text[start..quote];
                self.limit(text);
                return Ok(text);
            }
            from = quote + 1;
        }
    }

    /// The character an escape after a backslash stands for, and how many bytes it takes.
    fn escape(&self, at: usize) -> Read<(char, usize)> {
        let bytes = self.bytes();
        let simple = match bytes.get(at) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'\'') => '\'',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'0') => '\0',
            Some(b'u') => {
                if bytes.get(at + 1) != Some(&b'{') {
                    return Err(Refused);
                }
                let close = at + 2 + memchr::memchr(b'}', &bytes[at + 2..]).ok_or(Refused)?;
                let hex = &self.text[at + 2..close];
                if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(Refused);
                }
                let code = u32::from_str_radix(hex, 16).map_err(|_| Refused)?;
                return Ok((char::from_u32(code).ok_or(Refused)?, close + 1 - at));
            }
            _ => return Err(Refused),
        };
        Ok((simple, 1))
    }

    /// A number's text: digits, sign, point and exponent (hex, underscores and suffixes are `ron`'s).
    fn number(&mut self) -> Read<&'t str> {
        self.space()?;
        let bytes = self.bytes();
        let start = self.at;
        let mut end = start;
        while end < bytes.len() && matches!(bytes[end], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
            end += 1;
        }
        if end == start || bytes.get(end).is_some_and(|&b| is_ident(b)) {
            return Err(Refused);
        }
        self.at = end;
        Ok(&self.text[start..end])
    }
}

macro_rules! integer {
    ($method:ident, $visit:ident, $ty:ty) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
            let text = self.number()?;
            if text.contains(['.', 'e', 'E']) || text.starts_with('+') {
                return Err(Refused);
            }
            visitor.$visit(text.parse::<$ty>().map_err(|_| Refused)?)
        }
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.peek()? {
            b'"' => self.deserialize_str(visitor),
            b'r' if matches!(self.bytes().get(self.at + 1), Some(b'#' | b'"')) => self.deserialize_str(visitor),
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            b'0'..=b'9' | b'-' => {
                let text = self.number()?;
                if text.contains(['.', 'e', 'E']) {
                    visitor.visit_f64(text.parse().map_err(|_| Refused)?)
                } else if text.starts_with('-') {
                    visitor.visit_i64(text.parse().map_err(|_| Refused)?)
                } else {
                    visitor.visit_u64(text.parse().map_err(|_| Refused)?)
                }
            }
            b't' | b'f' => self.deserialize_bool(visitor),
            b'N' | b'S' => self.deserialize_option(visitor),
            // A tuple, struct or variant without its type: how `ron` guesses is `ron`'s.
            _ => Err(Refused),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        if self.word("true")? {
            visitor.visit_bool(true)
        } else if self.word("false")? {
            visitor.visit_bool(false)
        } else {
            Err(Refused)
        }
    }

    integer!(deserialize_i8, visit_i8, i8);
    integer!(deserialize_i16, visit_i16, i16);
    integer!(deserialize_i32, visit_i32, i32);
    integer!(deserialize_i64, visit_i64, i64);
    integer!(deserialize_u8, visit_u8, u8);
    integer!(deserialize_u16, visit_u16, u16);
    integer!(deserialize_u32, visit_u32, u32);
    integer!(deserialize_u64, visit_u64, u64);

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        visitor.visit_f32(self.number()?.parse().map_err(|_| Refused)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        visitor.visit_f64(self.number()?.parse().map_err(|_| Refused)?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Read<V::Value> {
        Err(Refused)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.string()? {
            std::borrow::Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            std::borrow::Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Read<V::Value> {
        Err(Refused)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Read<V::Value> {
        Err(Refused)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        if self.word("None")? {
            return visitor.visit_none();
        }
        if !self.word("Some")? {
            return Err(Refused);
        }
        self.expect(b'(')?;
        let value = visitor.visit_some(&mut *self)?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Read<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Read<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_newtype_struct(&mut *self)?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.expect(b'[')?;
        if self.structs == 1
            && let Some(lists) = self.lists.as_mut()
        {
            lists.push((self.field, self.at - 1));
        }
        let value = visitor.visit_seq(Items { reader: self, close: b']' })?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Read<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Items { reader: self, close: b')' })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, len: usize, visitor: V) -> Read<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.expect(b'{')?;
        let value = visitor.visit_map(Entries { reader: self, close: b'}', fields: false })?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        self.expect(b'(')?;
        let outer = self.field;
        self.structs += 1;
        let value = visitor.visit_map(Entries { reader: &mut *self, close: b')', fields: true })?;
        self.structs -= 1;
        self.field = outer;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    /// A field the type does not keep is read as any other value (so a damaged one is refused,
    /// as `ron` refuses it); a struct, tuple or variant there is `ron`'s to read.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_any(visitor)
    }
}

/// The items of a list or tuple.
struct Items<'r, 't> {
    reader: &'r mut Reader<'t>,
    close: u8,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Read<Option<T::Value>> {
        if self.reader.peek()? == self.close {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_item(self.close)?;
        Ok(Some(value))
    }
}

/// The entries of a map, or the fields of a struct (`fields`: keys are identifiers).
struct Entries<'r, 't> {
    reader: &'r mut Reader<'t>,
    close: u8,
    fields: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Read<Option<K::Value>> {
        if self.reader.peek()? == self.close {
            return Ok(None);
        }
        let key = if self.fields {
            let field = self.reader.identifier()?;
            self.reader.field = field;
            seed.deserialize(de::value::BorrowedStrDeserializer::new(field))?
        } else {
            // A map's keys are ids (people's, levels'): names.
            let outer = std::mem::replace(&mut self.reader.field, "id");
            let key = seed.deserialize(&mut *self.reader)?;
            self.reader.field = outer;
            key
        };
        self.reader.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Read<V::Value> {
        let value = seed.deserialize(&mut *self.reader)?;
        self.reader.after_item(self.close)?;
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Read<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(de::value::BorrowedStrDeserializer::<Refused>::new(name))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Refused;

    fn unit_variant(self) -> Read<()> {
        // `Variant()` and friends are `ron`'s to judge.
        if self.peek().is_ok_and(|b| b == b'(') { Err(Refused) } else { Ok(()) }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Read<T::Value> {
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Read<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Read<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests;
