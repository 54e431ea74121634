//! Rendering records for people: position, time, key, headers, then the value, indented.

use super::sanitize::{escape, escape_json, escape_line};
use super::Styles;
use crate::codec::Payload;
use crate::codec::{Codec, Shown};
use crate::record::{format_millis, RecordView};
use std::fmt::Write as _;

/// Render one record as a block of text ending with a newline.
pub fn record(r: &RecordView<'_>, st: &Styles) -> String {
    record_as(r, st, Codec::String, Codec::String)
}

/// Render one record with its key and value decoded as the given types (bytes that do not
/// decode are shown as without a type).
pub fn record_as(r: &RecordView<'_>, st: &Styles, key_type: Codec, value_type: Codec) -> String {
    let mut s = String::with_capacity(256);
    let (d, k, h, b) = (st.dim, st.key, st.header, st.bold);
    let _ = write!(
        s,
        "{b}{}{b:#}{d}/{}@{}{d:#}",
        escape_line(r.topic),
        r.partition,
        r.offset
    );
    if let Some(ts) = r.timestamp {
        let _ = write!(s, "  {d}{}{d:#}", format_millis(ts));
    }
    match key_type.show(r.key, false).0 {
        Shown::Plain(Payload::Null) => {}
        Shown::Plain(Payload::Text(t)) => {
            let _ = write!(s, "  {k}key={}{k:#}", escape_line(t));
        }
        Shown::Plain(other) => {
            let _ = write!(s, "  {k}key={}{k:#}", short(&other));
        }
        typed => {
            let _ = write!(s, "  {k}key={}{k:#}", typed_text(&typed));
        }
    }
    s.push('\n');
    if let Some(ev) = crate::cloudevents::Event::read(r.headers, r.value) {
        let _ = writeln!(s, "  {}", cloudevent_line(&ev, st));
    }
    for (name, value) in r.headers {
        let shown = match Payload::of(*value, false) {
            Payload::Text(t) => escape_line(t).into_owned(),
            other => short(&other),
        };
        let _ = writeln!(s, "  {h}{}{h:#}: {}", escape_line(name), shown);
    }
    let body = match value_type.show(r.value, true).0 {
        Shown::Plain(Payload::Json(raw)) => {
            indent(raw.get()).unwrap_or_else(|| escape(raw.get()).into_owned())
        }
        Shown::Plain(Payload::Text("")) => format!("{d}(empty){d:#}"),
        Shown::Plain(Payload::Text(t)) => escape(t).into_owned(),
        Shown::Plain(other) => short(&other),
        Shown::Json(raw) => indent(raw.get()).unwrap_or_else(|| escape(raw.get()).into_owned()),
        typed => typed_text(&typed),
    };
    for line in body.lines() {
        let _ = writeln!(s, "  {line}");
    }
    s
}

/// The attribute header line of a CloudEvent: type, id, source, time and mode, each escaped and
/// cut short (attributes are untrusted input).
pub fn cloudevent_line(ev: &crate::cloudevents::Event<'_>, st: &Styles) -> String {
    use crate::cloudevents::shown;
    let (d, b) = (st.dim, st.bold);
    let attr = |name: &str| ev.get(name).map_or_else(|| "-".to_string(), shown);
    format!(
        "{b}cloudevent {}{b:#} {d}id={} source={} time={} ({}){d:#}",
        attr("type"),
        attr("id"),
        attr("source"),
        attr("time"),
        ev.mode.name()
    )
}

/// Re-indent JSON text as it is: keys keep the producer's order. The serializer escapes C0
/// controls but writes every other character as it is, `\u` escapes in the payload decoded, so
/// the rest (C1, DEL, bidirectional controls, separators) is escaped afterwards.
fn indent(json: &str) -> Option<String> {
    let mut out = Vec::with_capacity(json.len() * 2);
    let mut de = serde_json::Deserializer::from_str(json);
    let mut ser = serde_json::Serializer::pretty(&mut out);
    serde_transcode::transcode(&mut de, &mut ser).ok()?;
    let text = String::from_utf8(out).ok()?;
    Some(escape_json(&text).into_owned())
}

/// A decoded key or value on one line.
fn typed_text(t: &Shown<'_>) -> String {
    match t {
        Shown::Plain(p) => short(p),
        Shown::Int(n, _) => n.to_string(),
        Shown::Hex(h) => format!("hex:{h}"),
        Shown::Base64(b) => format!("base64:{b}"),
        Shown::Json(raw) => escape_line(raw.get()).into_owned(),
    }
}

/// A one-line description of a null or binary payload.
fn short(p: &Payload<'_>) -> String {
    match p {
        Payload::Null => "(null)".to_string(),
        Payload::Base64(b) if b.len() > 64 => format!("(binary) base64:{}…", &b[..64]),
        Payload::Base64(b) => format!("(binary) base64:{b}"),
        Payload::Text(t) => escape_line(t).into_owned(),
        Payload::Json(raw) => escape_line(raw.get()).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cloudevent_gets_one_escaped_attribute_line_in_either_mode() {
        let binary = [
            ("ce_specversion", Some(&b"1.0"[..])),
            ("ce_id", Some(&b"e-1"[..])),
            ("ce_source", Some(&b"/svc\x1b[2J"[..])),
            ("ce_type", Some(&b"OrderPlaced"[..])),
        ];
        let structured = [("content-type", Some(&b"application/cloudevents+json"[..]))];
        let view = |headers, value| RecordView {
            topic: "orders",
            partition: 0,
            offset: 1,
            timestamp: None,
            timestamp_type: None,
            key: None,
            headers,
            value: Some(value),
        };
        let out = record(&view(&binary[..], &b"{}"[..]), &Styles::default());
        let second = out.lines().nth(1).unwrap();
        assert_eq!(
            second,
            "  cloudevent OrderPlaced id=e-1 source=/svc\\e[2J time=- (binary)"
        );
        let v = br#"{"specversion":"1.0","id":"e-2","source":"/s","type":"T\u0007","time":"2026-01-01T00:00:00Z","data":{}}"#;
        let out = record(&view(&structured[..], &v[..]), &Styles::default());
        assert_eq!(
            out.lines().nth(1).unwrap(),
            "  cloudevent T\\x07 id=e-2 source=/s time=2026-01-01T00:00:00Z (structured)"
        );
        let plain = record(&view(&[][..], &b"{}"[..]), &Styles::default());
        assert!(!plain.contains("cloudevent"), "{plain}");
    }

    #[test]
    fn renders_escaped_and_indented() {
        let headers = [
            ("traceparent", Some(&b"00-abc"[..])),
            ("evil", Some(&b"\x1b[2J"[..])),
            ("none", None),
        ];
        let r = RecordView {
            topic: "orders",
            partition: 1,
            offset: 7,
            timestamp: Some(0),
            timestamp_type: None,
            key: Some(b"o-1"),
            headers: &headers,
            value: Some(br#"{"id":"o-1","note":"\u001b[31m"}"#),
        };
        let out = record(&r, &Styles::default());
        assert!(
            out.starts_with("orders/1@7  1970-01-01T00:00:00.000Z  key=o-1\n"),
            "{out}"
        );
        assert!(out.contains("  evil: \\e[2J\n"), "{out}");
        assert!(out.contains("  none: (null)\n"), "{out}");
        assert!(out.contains("    \"id\": \"o-1\","), "{out}");
        assert!(
            out.find("\"id\"") < out.find("\"note\""),
            "keys keep their order: {out}"
        );
        assert!(
            !out.contains('\x1b'),
            "no raw escape reaches the terminal: {out}"
        );
    }

    #[test]
    fn json_payloads_with_bidi_and_c1_written_as_escapes_stay_escaped() {
        let r = RecordView {
            topic: "t",
            partition: 0,
            offset: 0,
            timestamp: None,
            timestamp_type: None,
            key: None,
            headers: &[],
            value: Some(br#"{"a":"\u202e\u009b\u007f\u2028\u061c\u2067"}"#),
        };
        let out = record(&r, &Styles::default());
        for c in [
            '\u{202e}', '\u{9b}', '\u{7f}', '\u{2028}', '\u{61c}', '\u{2067}',
        ] {
            assert!(!out.contains(c), "{c:?} raw in {out:?}");
        }
        assert!(
            out.contains(r#""a": "\u202e\u009b\u007f\u2028\u061c\u2067""#),
            "{out}"
        );
    }
}
