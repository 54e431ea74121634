//! Finding the schema for an event, in this order (never passing silently when none is found):
//! 1. an explicit `--subject SUBJECT[@VERSION]`;
//! 2. the CloudEvents `dataschema` attribute, or a `ce_dataschema`/`dataschema` header;
//! 3. the event type (`type`, `eventType`, or a `ce_type` header) through `[routes.types]`,
//!    with the version from `eventVersion`/`version` when present;
//! 4. the topic through `[routes.topics]`, then Confluent's `<topic>-value` naming;
//! 5. otherwise the event is unknown.

use super::{Registry, SchemaFile, Subject};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// What is known about an event besides its JSON body.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub headers: &'a [(&'a str, Option<&'a [u8]>)],
    pub topic: Option<&'a str>,
}

/// Why no schema was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// Nothing routes this event anywhere.
    Unknown(String),
    /// Something named a schema that does not exist.
    Bad(String),
}

fn header<'a>(ctx: &Context<'a>, names: &[&str]) -> Option<&'a str> {
    ctx.headers
        .iter()
        .rev()
        .find(|(n, _)| names.contains(n))
        .and_then(|(_, v)| v.and_then(|v| std::str::from_utf8(v).ok()))
}

#[cfg(test)]
fn event_version(v: &Value) -> Option<u32> {
    ["eventVersion", "version"]
        .iter()
        .find_map(|k| version_of(&Scalar::of(v.get(k)?)))
}

fn version_of(v: &Scalar<'_>) -> Option<u32> {
    match v {
        Scalar::U64(n) => u32::try_from(*n).ok(),
        Scalar::Str(s) => s.trim_start_matches('v').parse().ok(),
        Scalar::Other => None,
    }
}

/// A top-level field's value as far as the lookup cares: a string, an unsigned integer, or
/// anything else.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Scalar<'a> {
    Str(Cow<'a, str>),
    U64(u64),
    #[default]
    Other,
}

impl<'a> Scalar<'a> {
    fn of(v: &'a Value) -> Scalar<'a> {
        match v {
            Value::String(s) => Scalar::Str(Cow::Borrowed(s)),
            Value::Number(n) => n.as_u64().map_or(Scalar::Other, Scalar::U64),
            _ => Scalar::Other,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Scalar::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// What the lookup reads from an event: the top-level `dataschema`, `type`, `eventType`,
/// `eventVersion` and `version` (the last of duplicate keys, as a parsed event keeps).
#[derive(Debug, Default)]
pub struct Keys<'a> {
    dataschema: Option<Scalar<'a>>,
    ty: Option<Scalar<'a>>,
    event_type: Option<Scalar<'a>>,
    event_version: Option<Scalar<'a>>,
    version: Option<Scalar<'a>>,
}

impl<'a> Keys<'a> {
    /// The keys of an event already parsed.
    pub fn of(event: &'a Value) -> Keys<'a> {
        Keys::each(|k| event.get(k).map(Scalar::of))
    }

    /// The keys of an event read as a tape.
    pub fn of_tape(doc: &'a super::tape::Doc<'a>) -> Keys<'a> {
        use super::tape::Item;
        Keys::each(|k| {
            doc.top(k).map(|item| match item {
                Item::Str(s) => Scalar::Str(Cow::Borrowed(s.as_ref())),
                Item::Num(n) => n.as_u64().map_or(Scalar::Other, Scalar::U64),
                _ => Scalar::Other,
            })
        })
    }

    /// The keys, each read by `get` from the event's top level.
    fn each(get: impl Fn(&str) -> Option<Scalar<'a>>) -> Keys<'a> {
        Keys {
            dataschema: get("dataschema"),
            ty: get("type"),
            event_type: get("eventType"),
            event_version: get("eventVersion"),
            version: get("version"),
        }
    }

    /// The keys of a JSON text, read without building the event: strings are borrowed from
    /// `text` unless they hold escapes, everything else is skipped (but checked: an error here
    /// is the error a full parse would report).
    pub fn read(text: &'a str) -> Result<Keys<'a>, serde_json::Error> {
        serde_json::from_str::<Probe<'a>>(text).map(|p| p.0)
    }

    fn dataschema(&self) -> Option<&str> {
        self.dataschema.as_ref().and_then(Scalar::as_str)
    }
    fn event_type(&self) -> Option<&str> {
        [&self.ty, &self.event_type]
            .iter()
            .find_map(|v| v.as_ref().and_then(Scalar::as_str))
    }
    fn version(&self) -> Option<u32> {
        [&self.event_version, &self.version]
            .iter()
            .find_map(|v| v.as_ref().and_then(version_of))
    }
}

struct Probe<'a>(Keys<'a>);

impl<'de> de::Deserialize<'de> for Probe<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ProbeVisitor)
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut keys = Keys::default();
        while let Some(field) = map.next_key::<Field>()? {
            let slot = match field {
                Field::DataSchema => &mut keys.dataschema,
                Field::Type => &mut keys.ty,
                Field::EventType => &mut keys.event_type,
                Field::EventVersion => &mut keys.event_version,
                Field::Version => &mut keys.version,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value::<Scalar<'de>>()?);
        }
        Ok(Probe(keys))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Probe(Keys::default()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Probe(Keys::default()))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Probe(Keys::default()))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Probe(Keys::default()))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Probe(Keys::default()))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Probe(Keys::default()))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Probe(Keys::default()))
    }
}

enum Field {
    DataSchema,
    Type,
    EventType,
    EventVersion,
    Version,
    Other,
}

impl<'de> de::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, k: &str) -> Result<Field, E> {
                Ok(match k {
                    "dataschema" => Field::DataSchema,
                    "type" => Field::Type,
                    "eventType" => Field::EventType,
                    "eventVersion" => Field::EventVersion,
                    "version" => Field::Version,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> de::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Scalar::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Scalar::Str(Cow::Owned(s.to_string())))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
                Ok(Scalar::U64(n))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Scalar::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Scalar::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Scalar::Other)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
        }
        d.deserialize_any(V)
    }
}

/// `.../order-placed/v2.schema.json`, `order-placed/v2`, `order-placed@2` or `order-placed`.
fn parse_dataschema(s: &str) -> (String, Option<u32>) {
    let s = s.split(['?', '#']).next().unwrap_or(s);
    let s = s.trim_end_matches(".schema.json").trim_end_matches(".json");
    if let Some((subject, v)) = s.rsplit('/').next().unwrap_or(s).split_once('@') {
        return (subject.to_string(), v.trim_start_matches('v').parse().ok());
    }
    let mut parts = s.rsplit('/');
    let last = parts.next().unwrap_or(s);
    match last.strip_prefix('v').and_then(|n| n.parse::<u32>().ok()) {
        Some(n) => (parts.next().unwrap_or_default().to_string(), Some(n)),
        None => (last.to_string(), None),
    }
}

impl Registry {
    fn pick<'r>(
        &'r self,
        subject: &str,
        version: Option<u32>,
        via: &str,
    ) -> Result<(&'r Subject, &'r SchemaFile), Miss> {
        let s = self.subjects.get(subject).ok_or_else(|| {
            Miss::Bad(format!(
                "{via} names subject `{subject}`, which is not in the registry"
            ))
        })?;
        match version {
            None => Ok((s, s.latest())),
            Some(v) => s.version(v).map(|f| (s, f)).ok_or_else(|| {
                Miss::Bad(format!(
                    "{via}: subject `{subject}` has no version {v} (it has {})",
                    s.version_list()
                ))
            }),
        }
    }

    /// The schema for `event`, following the lookup order.
    pub fn find<'r>(
        &'r self,
        explicit: Option<(&'r Subject, &'r SchemaFile)>,
        event: &Value,
        ctx: &Context<'_>,
    ) -> Result<(&'r Subject, &'r SchemaFile), Miss> {
        self.find_by_keys(explicit, &Keys::of(event), ctx)
    }

    /// The schema for an event whose lookup keys are `keys` (from `Keys::of` or `Keys::read`).
    pub fn find_by_keys<'r>(
        &'r self,
        explicit: Option<(&'r Subject, &'r SchemaFile)>,
        keys: &Keys<'_>,
        ctx: &Context<'_>,
    ) -> Result<(&'r Subject, &'r SchemaFile), Miss> {
        match self.locate(explicit, keys, ctx) {
            Ok(Some(found)) => Ok(found),
            Err(why) => Err(Miss::Bad(why)),
            Ok(None) => Err(Miss::Unknown(
                match keys.event_type().or_else(|| header(ctx, &["ce_type"])) {
                    Some(ty) => format!(
                        "no schema for event type `{ty}` (add it to [routes.types] or use --subject)"
                    ),
                    None => "no schema found: the event has no type, dataschema or routed topic (use --subject)"
                        .to_string(),
                },
            )),
        }
    }

    /// `find_by_keys` without the message for an unknown event (`Ok(None)`), which allocates
    /// nothing: what a hot path passing unknown events asks.
    pub fn locate<'r>(
        &'r self,
        explicit: Option<(&'r Subject, &'r SchemaFile)>,
        keys: &Keys<'_>,
        ctx: &Context<'_>,
    ) -> Result<Option<(&'r Subject, &'r SchemaFile)>, String> {
        let pick = |subject: &str, version, via: &dyn Fn() -> String| {
            self.pick(subject, version, &via())
                .map(Some)
                .map_err(|m| match m {
                    Miss::Bad(why) | Miss::Unknown(why) => why,
                })
        };
        if let Some(found) = explicit {
            return Ok(Some(found));
        }
        let dataschema = keys
            .dataschema()
            .or_else(|| header(ctx, &["ce_dataschema", "dataschema"]));
        if let Some(ds) = dataschema {
            let (subject, version) = parse_dataschema(ds);
            return pick(&subject, version, &|| format!("dataschema `{ds}`"));
        }
        let ty = keys.event_type().or_else(|| header(ctx, &["ce_type"]));
        if let Some(ty) = ty {
            if let Some(subject) = self.routes.types.get(ty) {
                return pick(subject, keys.version(), &|| format!("event type `{ty}`"));
            }
        }
        if let Some(topic) = ctx.topic {
            let via = || format!("topic `{topic}`");
            if let Some(subject) = self.routes.topics.get(topic) {
                return pick(subject, keys.version(), &via);
            }
            // Confluent's `<topic>-value`, found without building the name.
            let confluent = self
                .subjects
                .range::<str, _>((std::ops::Bound::Included(topic), std::ops::Bound::Unbounded))
                .take_while(|(name, _)| name.starts_with(topic))
                .find(|(name, _)| &name[topic.len()..] == "-value");
            if let Some((name, _)) = confluent {
                return pick(name, keys.version(), &via);
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataschema_forms() {
        assert_eq!(
            parse_dataschema("https://x/schemas/order-placed/v2.schema.json"),
            ("order-placed".into(), Some(2))
        );
        assert_eq!(
            parse_dataschema("order-placed/v2"),
            ("order-placed".into(), Some(2))
        );
        assert_eq!(
            parse_dataschema("order-placed@3"),
            ("order-placed".into(), Some(3))
        );
        assert_eq!(
            parse_dataschema("order-placed"),
            ("order-placed".into(), None)
        );
    }

    #[test]
    fn versions_from_events() {
        assert_eq!(event_version(&serde_json::json!({"version": 2})), Some(2));
        assert_eq!(
            event_version(&serde_json::json!({"eventVersion": "v3"})),
            Some(3)
        );
        assert_eq!(event_version(&serde_json::json!({"version": "x"})), None);
    }

    #[test]
    fn a_partial_read_finds_what_a_parsed_event_holds() {
        for text in [
            r#"{"type":"OrderPlaced","version":2,"data":{"type":"x","version":9}}"#,
            r#"{"type":3,"eventType":"Paid","eventVersion":"v4","version":2}"#,
            r#"{"type":"A","type":"B","version":-1,"eventVersion":1.0}"#,
            r#"{"dataschema":"order-placed/v2","dataschema":7}"#,
            r#"{"ty\u0070e":"Esc\"aped","version":"v7","x":[1,{"a":null}]}"#,
            r#"{"version":99999999999,"eventVersion":true}"#,
            r#"["type","OrderPlaced"]"#,
            r#""type""#,
            "null",
            "{}",
        ] {
            let v: Value = serde_json::from_str(text).unwrap();
            let (parsed, read) = (Keys::of(&v), Keys::read(text).unwrap());
            assert_eq!(parsed.dataschema(), read.dataschema(), "{text}");
            assert_eq!(parsed.event_type(), read.event_type(), "{text}");
            assert_eq!(parsed.version(), read.version(), "{text}");
        }
        for bad in [r#"{"type":"A""#, r#"{"type":"A"} x"#, r#"{"a":[1,]}"#, ""] {
            assert!(Keys::read(bad).is_err(), "{bad}");
        }
    }
}
