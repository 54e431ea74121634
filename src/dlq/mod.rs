//! Dead-letter queues: where a dead-lettered record came from and why it failed, whatever
//! framework wrote it, and what to strip from it when it goes back.

pub mod origin;

use crate::config::Settings;
use anyhow::Result;
use origin::{
    is_dlq_header, CustomConvention, Headers, QUARANTINE_OWN_HEADERS, REDRIVE_AT, REDRIVE_COUNT,
    REDRIVE_ORIGIN,
};

/// The in-house conventions in force: the profile's, then the registry's (when there is one).
pub fn conventions(settings: &Settings) -> Result<Vec<CustomConvention>> {
    let mut all = settings.dlq_conventions.clone();
    if let Some(reg) = crate::registry::Registry::open_if_present(settings)? {
        all.extend(reg.dlq_conventions.iter().cloned());
    }
    Ok(all)
}

/// Does a redrive drop this header? Every DLQ framework's failure headers (built-in and
/// declared conventions), and evtctl's own redrive headers, which it writes afresh.
pub fn stripped(name: &str, custom: &[CustomConvention]) -> bool {
    is_dlq_header(name)
        || [REDRIVE_COUNT, REDRIVE_ORIGIN, REDRIVE_AT].contains(&name)
        || custom.iter().any(|c| c.headers().any(|h| h == name))
}

/// How many of a quarantined copy's headers, from the first, are the record's own: what it
/// carried before `groups skip` copied it (the rest are what that step added, so a redrive
/// returns exactly these). The newest `evtctl-dlq-own-headers` says, and is believed only where
/// it holds: it sits at the index it names and only evtctl dead-letter headers follow it.
/// Otherwise (a copy made before that header existed, or a garbled one) they are the headers
/// before the trailing run of `evtctl-dlq-*` ones: never a header of another framework.
pub fn own_headers(headers: &Headers<'_>) -> usize {
    let trailing = headers
        .iter()
        .rev()
        .take_while(|(name, _)| name.starts_with("evtctl-dlq-"))
        .count();
    let first_added = headers.len() - trailing;
    if let Some(i) = headers
        .iter()
        .rposition(|(name, _)| *name == QUARANTINE_OWN_HEADERS)
    {
        let claimed = headers[i]
            .1
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(|v| v.parse::<usize>().ok());
        if claimed == Some(i) && i >= first_added {
            return i;
        }
    }
    first_added
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(hs: &'a Headers<'a>, n: usize) -> Vec<&'a str> {
        hs[..n].iter().map(|(name, _)| *name).collect()
    }

    #[test]
    fn own_headers_are_those_before_the_marker() {
        // The record's own headers look like dead-letter headers (it came from a DLT).
        let hs: Vec<(&str, Option<&[u8]>)> = vec![
            ("kafka_dlt-original-topic", Some(b"orders")),
            ("__connect.errors.topic", Some(b"x")),
            ("evtctl-dlq-topic", Some(b"older-hop")),
            ("evtctl-redrive-count", Some(b"1")),
            (QUARANTINE_OWN_HEADERS, Some(b"4")),
            ("evtctl-dlq-topic", Some(b"orders-dlt")),
            ("evtctl-dlq-offset", Some(b"7")),
        ];
        assert_eq!(own_headers(&hs), 4);
        // Quarantined again: the newest marker counts the first hop's headers as the record's.
        let mut twice = hs.clone();
        twice.push((QUARANTINE_OWN_HEADERS, Some(b"7")));
        twice.push(("evtctl-dlq-topic", Some(b"q1")));
        assert_eq!(own_headers(&twice), 7);
    }

    #[test]
    fn a_garbled_marker_strips_only_evtctl_quarantine_headers() {
        let own: [(&str, Option<&[u8]>); 2] = [
            ("kafka_dlt-exception-message", Some(b"boom")),
            ("traceparent", None),
        ];
        for marker in [
            Some(&b"0"[..]),
            Some(b"3"),
            Some(b"-1"),
            Some(b"99999999999999999999999"),
            Some(b"\xff"),
            Some(b""),
            None,
        ] {
            let mut hs = own.to_vec();
            hs.push((QUARANTINE_OWN_HEADERS, marker));
            hs.push(("evtctl-dlq-topic", Some(b"orders")));
            assert_eq!(own_headers(&hs), 2, "{marker:?}");
        }
        // A marker followed by a header evtctl does not write is not believed.
        let hs: Vec<(&str, Option<&[u8]>)> = vec![
            ("a", None),
            (QUARANTINE_OWN_HEADERS, Some(b"1")),
            ("evtctl-dlq-topic", Some(b"orders")),
            ("tenant", Some(b"t")),
        ];
        assert_eq!(
            names(&hs, own_headers(&hs)),
            ["a", QUARANTINE_OWN_HEADERS, "evtctl-dlq-topic", "tenant"]
        );
        // Copies from before the marker: the trailing evtctl-dlq-* run is what skip added.
        let hs: Vec<(&str, Option<&[u8]>)> = vec![
            ("kafka_dlt-original-topic", Some(b"orders")),
            ("evtctl-dlq-topic", Some(b"orders-dlt")),
            ("evtctl-dlq-at", Some(b"2026")),
        ];
        assert_eq!(names(&hs, own_headers(&hs)), ["kafka_dlt-original-topic"]);
        assert_eq!(own_headers(&[]), 0);
    }

    #[test]
    fn strips_failure_headers_and_keeps_business_ones() {
        let acme = CustomConvention {
            name: "acme".into(),
            detect: "x-acme-failed-topic".into(),
            error_class: Some("x-acme-error".into()),
            ..CustomConvention::default()
        };
        let custom = [acme];
        assert!(stripped("__connect.errors.exception.message", &custom));
        assert!(stripped("kafka_dlt-exception-fqcn", &custom));
        assert!(stripped("x-acme-error", &custom));
        assert!(stripped(REDRIVE_COUNT, &custom));
        assert!(!stripped("traceparent", &custom));
        assert!(!stripped("tenant", &custom));
    }
}
