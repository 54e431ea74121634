//! Finding the schema for an event, in this order (never passing silently when none is found):
//! 1. an explicit `--subject SUBJECT[@VERSION]`;
//! 2. the CloudEvents `dataschema` attribute, or a `ce_dataschema`/`dataschema` header;
//! 3. the event type (`type`, `eventType`, or a `ce_type` header) through `[routes.types]`,
//!    with the version from `eventVersion`/`version` when present;
//! 4. the topic through `[routes.topics]`, then Confluent's `<topic>-value` naming;
//! 5. otherwise the event is unknown.

use super::{Registry, SchemaFile, Subject};
use serde_json::Value;

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

fn event_version(v: &Value) -> Option<u32> {
    ["eventVersion", "version"]
        .iter()
        .find_map(|k| match v.get(k)? {
            Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            Value::String(s) => s.trim_start_matches('v').parse().ok(),
            _ => None,
        })
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
        if let Some(found) = explicit {
            return Ok(found);
        }
        let dataschema = event
            .get("dataschema")
            .and_then(Value::as_str)
            .or_else(|| header(ctx, &["ce_dataschema", "dataschema"]));
        if let Some(ds) = dataschema {
            let (subject, version) = parse_dataschema(ds);
            return self.pick(&subject, version, &format!("dataschema `{ds}`"));
        }
        let ty = ["type", "eventType"]
            .iter()
            .find_map(|k| event.get(k).and_then(Value::as_str))
            .or_else(|| header(ctx, &["ce_type"]));
        if let Some(ty) = ty {
            if let Some(subject) = self.routes.types.get(ty) {
                return self.pick(subject, event_version(event), &format!("event type `{ty}`"));
            }
        }
        if let Some(topic) = ctx.topic {
            if let Some(subject) = self.routes.topics.get(topic) {
                return self.pick(subject, event_version(event), &format!("topic `{topic}`"));
            }
            let confluent = format!("{topic}-value");
            if self.subjects.contains_key(&confluent) {
                return self.pick(
                    &confluent,
                    event_version(event),
                    &format!("topic `{topic}`"),
                );
            }
        }
        Err(Miss::Unknown(match ty {
            Some(ty) => format!(
                "no schema for event type `{ty}` (add it to [routes.types] or use --subject)"
            ),
            None => {
                "no schema found: the event has no type, dataschema or routed topic (use --subject)"
                    .to_string()
            }
        }))
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
}
