//! Topic selection for commands that read several topics: names, and patterns given as
//! `re:REGEX` arguments or `--topics-regex REGEX`. A pattern matches a whole topic name; it
//! selects internal topics (`__…`) only when it starts with `__`.

use crate::error::usage;
use crate::kafka::admin::Admin;
use crate::output::sanitize::escape_line;
use anyhow::Result;
use regex::Regex;

#[derive(Debug, Clone, Default)]
pub struct TopicSelector {
    pub names: Vec<String>,
    patterns: Vec<(String, Regex)>,
}

impl TopicSelector {
    /// From topic arguments (`re:` marks a pattern) and `--topics-regex`. A topic named twice is
    /// a usage error.
    pub fn parse(args: &[String], regex: Option<&str>) -> Result<TopicSelector> {
        let mut sel = TopicSelector::default();
        let mut add_pattern = |src: &str| -> Result<()> {
            let re = Regex::new(&format!("^(?:{src})$")).map_err(|e| {
                usage(format!(
                    "topic pattern `{}` is not a regular expression: {}",
                    escape_line(src),
                    e.to_string().lines().last().unwrap_or_default().trim()
                ))
            })?;
            sel.patterns.push((src.to_string(), re));
            Ok(())
        };
        if let Some(r) = regex {
            add_pattern(r)?;
        }
        for a in args {
            if let Some(p) = a.strip_prefix("re:") {
                add_pattern(p)?;
            } else if sel.names.contains(a) {
                return Err(usage(format!("topic `{}` is named twice", escape_line(a))));
            } else {
                sel.names.push(a.clone());
            }
        }
        Ok(sel)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.patterns.is_empty()
    }

    pub fn has_patterns(&self) -> bool {
        !self.patterns.is_empty()
    }

    /// Does a pattern select this topic?
    pub fn matches(&self, topic: &str) -> bool {
        self.patterns.iter().any(|(src, re)| {
            re.is_match(topic)
                && (!topic.starts_with("__") || src.trim_start_matches('^').starts_with("__"))
        })
    }

    /// The patterns, for messages.
    pub fn describe_patterns(&self) -> String {
        self.patterns
            .iter()
            .map(|(s, _)| format!("re:{}", escape_line(s)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Named topics first, then every listed topic a pattern selects, without repeats.
    pub fn select(&self, listed: &[String]) -> Vec<String> {
        let mut out = self.names.clone();
        for t in listed {
            if self.matches(t) && !out.contains(t) {
                out.push(t.clone());
            }
        }
        out
    }

    /// The selected topics now; with patterns, `allow_none` decides whether an empty match is
    /// an error.
    pub fn resolve(&self, admin: &Admin, allow_none: bool) -> Result<Vec<String>> {
        if !self.has_patterns() {
            return Ok(self.names.clone());
        }
        let topics = self.select(&admin.topic_names()?);
        if topics.is_empty() && !allow_none {
            return Err(usage(format!(
                "no topic matches {}",
                self.describe_patterns()
            )));
        }
        Ok(topics)
    }
}

/// Following a topic pattern: looks for new matching topics about once a second.
pub struct TopicWatch {
    pub admin: Admin,
    pub known: Vec<String>,
    pub last: std::time::Instant,
    /// Topics found since the reader was opened.
    pub found: Vec<String>,
    /// Next offset per partition, to continue where the reader was.
    pub next: std::collections::HashMap<(String, i32), i64>,
}

impl TopicWatch {
    /// True when new topics were found (the reader should stop and reopen).
    pub fn check(&mut self, selector: &TopicSelector) -> Result<bool> {
        if self.last.elapsed() < std::time::Duration::from_secs(1) {
            return Ok(false);
        }
        self.last = std::time::Instant::now();
        for t in selector.select(&self.admin.topic_names()?) {
            if !self.known.contains(&t) {
                self.known.push(t.clone());
                self.found.push(t);
            }
        }
        Ok(!self.found.is_empty())
    }
}

/// Following a pattern nothing matches yet: wait for a topic that does.
pub fn wait_for_topics(
    admin: &Admin,
    selector: &TopicSelector,
    printer: &crate::output::Printer,
    cancel: &std::sync::atomic::AtomicBool,
) -> Result<Vec<String>> {
    printer.info(format!(
        "no topic matches {} yet: waiting for one",
        selector.describe_patterns()
    ));
    loop {
        if cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(crate::error::Interrupted.into());
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
        let found = selector.select(&admin.topic_names()?);
        if !found.is_empty() {
            return Ok(found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn names_and_patterns() {
        let sel = TopicSelector::parse(&s(&["orders", "re:.*-dlt"]), Some("pay.*")).unwrap();
        let listed = s(&[
            "__consumer_offsets",
            "a-dlt",
            "orders",
            "payments",
            "x-dlt-not",
        ]);
        assert_eq!(sel.select(&listed), s(&["orders", "a-dlt", "payments"]));
        let all = TopicSelector::parse(&s(&["re:.*"]), None).unwrap();
        assert!(!all
            .select(&listed)
            .contains(&"__consumer_offsets".to_string()));
        let internal = TopicSelector::parse(&s(&["re:__.*"]), None).unwrap();
        assert_eq!(internal.select(&listed), s(&["__consumer_offsets"]));
    }

    #[test]
    fn mistakes_are_one_clear_line() {
        let e = TopicSelector::parse(&s(&["t", "t"]), None)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "topic `t` is named twice");
        let e = TopicSelector::parse(&s(&["re:("]), None)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("topic pattern `(` is not a regular expression"),
            "{e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }
}
