//! An event read into one flat vector, strings borrowed from the text: what the yes/no check of
//! `validate` runs on instead of a `serde_json::Value` tree (one allocation per node, a B-tree per
//! object), through jsonschema's own support for other JSON representations.
//!
//! It is read by serde_json's own parser, so it accepts exactly the texts `Value` accepts and
//! holds the same numbers and strings. What a `Value` would read differently is refused (a
//! duplicate key, which `Value` resolves to the last; serde_json's private raw-value key), as are
//! very wide objects; the caller then falls back to `Value`.

use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use jsonschema::JsonType;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::fmt;

/// Objects wider than this are left to `Value` (the duplicate check is quadratic).
const MAX_KEYS: u32 = 64;

/// One node. An array is followed by its elements, an object by a key (`Str`) and a value per
/// member; `end` is the index just past the container's last descendant.
#[derive(Debug, Clone)]
pub enum Item<'t> {
    Null,
    Bool(bool),
    Num(Number),
    Str(Cow<'t, str>),
    Arr { len: u32, end: u32 },
    Obj { len: u32, end: u32 },
}

/// A parsed event.
pub struct Doc<'t> {
    items: Vec<Item<'t>>,
}

impl<'t> Doc<'t> {
    /// Parse `text` as `serde_json::from_str::<Value>` would; Err also where the tape refuses.
    pub fn parse(text: &'t str) -> Result<Doc<'t>, serde_json::Error> {
        let mut items = Vec::with_capacity(64);
        let mut de = serde_json::Deserializer::from_str(text);
        Build(&mut items).deserialize(&mut de)?;
        de.end()?;
        Ok(Doc { items })
    }

    pub fn root(&self) -> TapeNode<'_> {
        TapeNode::At(&self.items, 0)
    }

    /// A top-level member of an object event.
    pub fn top(&self, key: &str) -> Option<&Item<'t>> {
        match self.root().as_object()?.find(key)? {
            TapeNode::At(_, i) => Some(&self.items[i as usize]),
            TapeNode::Name(_) => None,
        }
    }
}

struct Build<'v, 't>(&'v mut Vec<Item<'t>>);

impl<'de> DeserializeSeed<'de> for Build<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

fn index<E: de::Error>(n: usize) -> Result<u32, E> {
    u32::try_from(n).map_err(|_| E::custom("too large"))
}

impl<'de> Visitor<'de> for Build<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<(), E> {
        self.0.push(Item::Bool(b));
        Ok(())
    }
    fn visit_i64<E>(self, n: i64) -> Result<(), E> {
        self.0.push(Item::Num(n.into()));
        Ok(())
    }
    fn visit_u64<E>(self, n: u64) -> Result<(), E> {
        self.0.push(Item::Num(n.into()));
        Ok(())
    }
    fn visit_f64<E>(self, n: f64) -> Result<(), E> {
        // As `Value` does: a number that is not finite reads as null.
        self.0
            .push(Number::from_f64(n).map_or(Item::Null, Item::Num));
        Ok(())
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<(), E> {
        self.0.push(Item::Str(Cow::Borrowed(s)));
        Ok(())
    }
    fn visit_str<E>(self, s: &str) -> Result<(), E> {
        self.0.push(Item::Str(Cow::Owned(s.to_owned())));
        Ok(())
    }
    fn visit_string<E>(self, s: String) -> Result<(), E> {
        self.0.push(Item::Str(Cow::Owned(s)));
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.0.push(Item::Null);
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.0.push(Item::Null);
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let at = self.0.len();
        self.0.push(Item::Arr { len: 0, end: 0 });
        let mut len = 0u32;
        while seq.next_element_seed(Build(self.0))?.is_some() {
            len += 1;
        }
        let end = index(self.0.len())?;
        self.0[at] = Item::Arr { len, end };
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let at = self.0.len();
        self.0.push(Item::Obj { len: 0, end: 0 });
        let mut len = 0u32;
        while map.next_key_seed(Build(self.0))?.is_some() {
            let key_at = self.0.len() - 1;
            let Item::Str(key) = &self.0[key_at] else {
                return Err(de::Error::custom("key"));
            };
            if len >= MAX_KEYS || key == "$serde_json::private::RawValue" {
                return Err(de::Error::custom("left to Value"));
            }
            let mut p = at + 1;
            while p < key_at {
                if matches!(&self.0[p], Item::Str(k) if k == key) {
                    return Err(de::Error::custom("duplicate key"));
                }
                p = next(self.0, p + 1);
            }
            map.next_value_seed(Build(self.0))?;
            len += 1;
        }
        let end = index(self.0.len())?;
        self.0[at] = Item::Obj { len, end };
        Ok(())
    }
}

/// The index just past the node at `i` and its descendants.
fn next(items: &[Item<'_>], i: usize) -> usize {
    match items[i] {
        Item::Arr { end, .. } | Item::Obj { end, .. } => end as usize,
        _ => i + 1,
    }
}

/// The representation, for `jsonschema::options_for`.
pub struct Tape;

impl Json for Tape {
    type Node<'a> = TapeNode<'a>;
    type PreparedKey = String;
    type StringBuffer = ();
    const KEYS_PER_LOOKUP: usize = 8;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(TapeNode<'_>) -> T) -> T {
        f(TapeNode::Name(string))
    }
}

/// A node of a `Doc`, or a bare string (a property name, for `propertyNames`).
#[derive(Clone, Copy)]
pub enum TapeNode<'a> {
    At(&'a [Item<'a>], u32),
    Name(&'a str),
}

#[derive(Clone, Copy)]
pub struct TapeObject<'a> {
    items: &'a [Item<'a>],
    at: u32,
    len: u32,
}

#[derive(Clone, Copy)]
pub struct TapeArray<'a> {
    items: &'a [Item<'a>],
    at: u32,
    len: u32,
}

impl<'a> TapeNode<'a> {
    fn item(&self) -> Option<&'a Item<'a>> {
        match *self {
            TapeNode::At(items, i) => Some(&items[i as usize]),
            TapeNode::Name(_) => None,
        }
    }
}

impl<'a> TapeObject<'a> {
    fn find(&self, key: &str) -> Option<TapeNode<'a>> {
        self.members()
            .find(|(k, _)| *k == key)
            .map(|(_, value)| value)
    }
}

pub struct Members<'a> {
    items: &'a [Item<'a>],
    at: usize,
    left: u32,
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, TapeNode<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let Item::Str(key) = &self.items[self.at] else {
            unreachable!("an object member starts with its key")
        };
        let value = self.at + 1;
        self.at = next(self.items, value);
        Some((key, TapeNode::At(self.items, value as u32)))
    }
}

pub struct Elements<'a> {
    items: &'a [Item<'a>],
    at: usize,
    left: u32,
}

impl<'a> Iterator for Elements<'a> {
    type Item = TapeNode<'a>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let this = self.at;
        self.at = next(self.items, this);
        Some(TapeNode::At(self.items, this as u32))
    }
}

impl<'a> Node<'a, Tape> for TapeNode<'a> {
    type Object = TapeObject<'a>;
    type Array = TapeArray<'a>;
    type Number = &'a Number;

    fn as_object(&self) -> Option<TapeObject<'a>> {
        match (self, self.item()?) {
            (TapeNode::At(items, at), Item::Obj { len, .. }) => Some(TapeObject {
                items,
                at: *at,
                len: *len,
            }),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<TapeArray<'a>> {
        match (self, self.item()?) {
            (TapeNode::At(items, at), Item::Arr { len, .. }) => Some(TapeArray {
                items,
                at: *at,
                len: *len,
            }),
            _ => None,
        }
    }
    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            TapeNode::Name(s) => Some(Cow::Borrowed(s)),
            TapeNode::At(..) => match self.item()? {
                Item::Str(s) => Some(Cow::Borrowed(s.as_ref())),
                _ => None,
            },
        }
    }
    fn as_number(&self) -> Option<&'a Number> {
        match self.item()? {
            Item::Num(n) => Some(n),
            _ => None,
        }
    }
    fn as_boolean(&self) -> Option<bool> {
        match self.item()? {
            Item::Bool(b) => Some(*b),
            _ => None,
        }
    }
    fn is_null(&self) -> bool {
        matches!(self.item(), Some(Item::Null))
    }
    fn json_type(&self) -> JsonType {
        match self.item() {
            None | Some(Item::Str(_)) => JsonType::String,
            Some(Item::Null) => JsonType::Null,
            Some(Item::Bool(_)) => JsonType::Boolean,
            Some(Item::Num(_)) => JsonType::Number,
            Some(Item::Arr { .. }) => JsonType::Array,
            Some(Item::Obj { .. }) => JsonType::Object,
        }
    }
    fn equals_value(&self, expected: &Value) -> bool {
        match (self.as_string(), expected) {
            (Some(s), Value::String(e)) => *s == **e,
            (Some(_), _) => false,
            (None, _) => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }
    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(match self {
            TapeNode::Name(s) => Value::String((*s).to_owned()),
            TapeNode::At(items, at) => value_at(items, *at as usize),
        })
    }
    fn identity(&self) -> Option<NodeIdentity> {
        match self {
            TapeNode::At(items, at) => Some(NodeIdentity::tagged(items.as_ptr() as usize, *at)),
            TapeNode::Name(_) => None,
        }
    }
}

fn value_at(items: &[Item<'_>], at: usize) -> Value {
    match &items[at] {
        Item::Null => Value::Null,
        Item::Bool(b) => Value::Bool(*b),
        Item::Num(n) => Value::Number(n.clone()),
        Item::Str(s) => Value::String(s.to_string()),
        Item::Arr { len, .. } => Value::Array(
            Elements {
                items,
                at: at + 1,
                left: *len,
            }
            .map(|n| n.to_value().into_owned())
            .collect(),
        ),
        Item::Obj { len, .. } => {
            let mut map = Map::new();
            for (k, v) in (Members {
                items,
                at: at + 1,
                left: *len,
            }) {
                map.insert(k.to_owned(), v.to_value().into_owned());
            }
            Value::Object(map)
        }
    }
}

impl<'a> Object<'a, Tape> for TapeObject<'a> {
    type Node = TapeNode<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.len as usize
    }
    fn get(&self, key: &String) -> Option<TapeNode<'a>> {
        self.find(key)
    }
    fn members(&self) -> Members<'a> {
        Members {
            items: self.items,
            at: self.at as usize + 1,
            left: self.len,
        }
    }
}

impl<'a> Array<'a, Tape> for TapeArray<'a> {
    type Node = TapeNode<'a>;
    type ElementsIter = Elements<'a>;

    fn len(&self) -> usize {
        self.len as usize
    }
    fn elements(&self) -> Elements<'a> {
        Elements {
            items: self.items,
            at: self.at as usize + 1,
            left: self.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_value_reads_and_refuses_what_it_would_read_differently() {
        for text in [
            r#"{"a":[1,-2,3.5,"x\u00e9",null,true,{"b":{}}],"c":"d","e":[]}"#,
            "[[[]],{}]",
            "12",
            r#""s""#,
            "1e300",
            "99999999999999999999",
        ] {
            let doc = Doc::parse(text).unwrap();
            let v: Value = serde_json::from_str(text).unwrap();
            assert_eq!(*doc.root().to_value(), v, "{text}");
        }
        for text in [
            r#"{"a":1,"a":2}"#,
            r#"{"$serde_json::private::RawValue":"[1]"}"#,
            "{",
            "1 2",
            "1e400",
        ] {
            assert!(Doc::parse(text).is_err(), "{text}");
        }
        let doc = Doc::parse(r#"{"type":"T","n":{"type":"U"},"version":2}"#).unwrap();
        assert!(matches!(doc.top("type"), Some(Item::Str(s)) if s == "T"));
        assert!(matches!(doc.top("version"), Some(Item::Num(n)) if n.as_u64() == Some(2)));
        assert!(doc.top("n").is_some() && doc.top("x").is_none());
    }
}
