//! `evtctl topics`: list, describe and create topics. Read-only except `create`.

use crate::cli::TopicsCommand;
use crate::config::{split_kv, Settings};
use crate::kafka::admin::{Admin, ConfigItem, TopicInfo};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use anyhow::Result;

use crate::output::table::{new as table, render};

fn right_align(t: &mut comfy_table::Table, from: usize) {
    let n = t.column_count();
    let cols: Vec<usize> = (from..n).collect();
    crate::output::table::right_align(t, &cols);
}

pub fn list_table(topics: &[TopicInfo]) -> String {
    let mut t = table(&[
        "TOPIC",
        "PARTITIONS",
        "REPLICATION",
        "LOW",
        "HIGH",
        "MESSAGES",
    ]);
    for ti in topics {
        let low: i64 = ti.partitions.iter().map(|p| p.low).sum();
        let high: i64 = ti.partitions.iter().map(|p| p.high).sum();
        t.add_row(vec![
            escape_line(&ti.topic).into_owned(),
            ti.partitions.len().to_string(),
            ti.replication().to_string(),
            low.to_string(),
            high.to_string(),
            ti.messages().to_string(),
        ]);
    }
    right_align(&mut t, 1);
    render(&mut t)
}

pub fn describe_table(ti: &TopicInfo) -> String {
    let mut t = table(&[
        "PARTITION",
        "LEADER",
        "REPLICAS",
        "ISR",
        "LOW",
        "HIGH",
        "MESSAGES",
    ]);
    let ids = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    for p in &ti.partitions {
        t.add_row(vec![
            p.partition.to_string(),
            p.leader.to_string(),
            ids(&p.replicas),
            ids(&p.isr),
            p.low.to_string(),
            p.high.to_string(),
            (p.high - p.low).to_string(),
        ]);
    }
    right_align(&mut t, 0);
    render(&mut t)
}

/// Kafka's topic-name rules (`org.apache.kafka.common.internals.Topic.validate`).
pub fn validate_name(name: &str) -> Result<()> {
    let why = if name.is_empty() {
        Some("it is empty".to_string())
    } else if name == "." || name == ".." {
        Some("`.` and `..` are not allowed".to_string())
    } else if name.len() > 249 {
        Some(format!(
            "it is {} characters long (at most 249)",
            name.len()
        ))
    } else {
        name.chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
            .map(|c| {
                format!(
                    "`{}` is not allowed (only ASCII letters, digits, `.`, `_` and `-`)",
                    c.escape_default()
                )
            })
    };
    match why {
        Some(why) => Err(crate::error::usage(format!(
            "invalid topic name `{}`: {why}",
            escape_line(name)
        ))),
        None => Ok(()),
    }
}

/// `publish --create`: create `topic` with `partitions` unless it exists, and wait until the
/// cluster's metadata shows it.
pub fn ensure(admin: &Admin, topic: &str, partitions: i32, printer: &Printer) -> Result<()> {
    if admin.exists(topic)? {
        return Ok(());
    }
    validate_name(topic)?;
    let created = admin.create_topic(topic, partitions, None, &[], true)?;
    let deadline = std::time::Instant::now() + admin.settings().timeout;
    while !admin.exists(topic)? {
        if std::time::Instant::now() >= deadline {
            return Err(crate::error::cluster(format!(
                "created topic `{}`, but the cluster's metadata does not show it yet",
                escape_line(topic)
            )));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    if created {
        printer.info(format!(
            "created topic {} with {partitions} partition(s)",
            escape_line(topic)
        ));
    }
    Ok(())
}

/// Whether growing from `now` to `want` partitions needs a request; an error for shrinking.
pub fn alter_verdict(now: i32, want: i32) -> Result<bool> {
    if want < now {
        return Err(crate::error::usage(format!(
            "cannot shrink from {now} to {want} partitions: Kafka can only add partitions (removing one would drop its records and move keys); create a new topic and replay into it"
        )));
    }
    Ok(want > now)
}

/// The topic's configuration after `set` and `unset`: what AlterConfigs must be sent, since it
/// replaces every value set on the topic. Sensitive values cannot be read back, so they cannot
/// be kept: refused.
pub fn merge_configs(
    current: &[ConfigItem],
    set: &[(String, String)],
    unset: &[String],
) -> Result<Vec<(String, String)>> {
    let mut out: std::collections::BTreeMap<String, String> = Default::default();
    for c in current.iter().filter(|c| c.dynamic) {
        match &c.value {
            Some(v) => {
                out.insert(c.name.clone(), v.clone());
            }
            None if set.iter().any(|(k, _)| *k == c.name) || unset.contains(&c.name) => {}
            None => {
                return Err(crate::error::usage(format!(
                    "`{}` is set on the topic but the broker withholds its value (sensitive), so it cannot be kept: set or unset it too",
                    escape_line(&c.name)
                )))
            }
        }
    }
    for k in unset {
        if set.iter().any(|(s, _)| s == k) {
            return Err(crate::error::usage(format!(
                "`{}` is both set and unset",
                escape_line(k)
            )));
        }
        out.remove(k);
    }
    for (k, v) in set {
        out.insert(k.clone(), v.clone());
    }
    Ok(out.into_iter().collect())
}

fn config_table(items: &[ConfigItem]) -> String {
    let mut t = crate::output::table::new(&["CONFIG", "VALUE", "SOURCE"]);
    for i in items {
        t.add_row(vec![
            escape_line(&i.name).into_owned(),
            match &i.value {
                Some(v) => escape_line(v).into_owned(),
                None if i.sensitive => "(sensitive)".into(),
                None => "(none)".into(),
            },
            i.source.clone(),
        ]);
    }
    crate::output::table::render(&mut t)
}

fn delete(
    admin: &Admin,
    topics: &[String],
    yes: bool,
    if_exists: bool,
    printer: &mut Printer,
) -> Result<()> {
    let mut targets = Vec::new();
    for t in topics {
        if targets.contains(&t.as_str()) {
            continue;
        }
        if admin.exists(t)? {
            targets.push(t.as_str());
        } else if if_exists {
            printer.info(format!(
                "{}: does not exist, nothing to delete",
                escape_line(t)
            ));
        } else {
            return Err(crate::error::usage(format!(
                "topic `{}` does not exist (--if-exists to accept that)",
                escape_line(t)
            )));
        }
    }
    if targets.is_empty() {
        return Ok(());
    }
    let names = targets
        .iter()
        .map(|t| escape_line(t).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    if !yes {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return Err(crate::error::usage(format!(
                "refusing to delete {names} without confirmation: add --yes (stdin is not a terminal)"
            )));
        }
        if !crate::input::confirm(&format!(
            "delete {names} and every record in {}?",
            if targets.len() == 1 { "it" } else { "them" }
        ))? {
            return Err(crate::error::usage("not confirmed: nothing deleted"));
        }
    }
    let results = admin.delete_topics(&targets)?;
    let mut failed = 0;
    for (name, err) in &results {
        if printer.is_json() {
            printer.json(
                &serde_json::json!({"topic": name, "deleted": err.is_none(), "error": err}),
            )?;
        }
        match err {
            None => printer.info(format!("deleted topic {}", escape_line(name))),
            Some(e) => {
                failed += 1;
                crate::ewriteln!("evtctl: error: cannot delete `{}`: {e}", escape_line(name));
            }
        }
    }
    if failed > 0 {
        return Err(crate::error::usage(format!(
            "{failed} of {} topic(s) not deleted",
            results.len()
        )));
    }
    Ok(())
}

pub fn run(cmd: &TopicsCommand, settings: &Settings, printer: &mut Printer) -> Result<()> {
    let admin = Admin::connect(settings)?;
    match cmd {
        TopicsCommand::List { all } => {
            let mut topics = admin.topics(None, true)?;
            if !all {
                topics.retain(|t| !t.topic.starts_with("__"));
            }
            if printer.is_json() {
                for t in &topics {
                    printer.json(t)?;
                }
            } else if topics.is_empty() {
                printer
                    .info("no topics (create one with `evtctl topics create NAME --partitions N`)");
            } else {
                printer.line(&list_table(&topics))?;
            }
        }
        TopicsCommand::Describe { topic, all_configs } => {
            let ti = admin.topics(Some(topic), true)?.remove(0);
            // A broker without DescribeConfigs still describes partitions: say what is missing.
            let configs = admin.topic_configs(topic).map(|mut c| {
                if !all_configs {
                    c.retain(|i| !i.is_default && i.source != "Default");
                }
                c
            });
            if printer.is_json() {
                let mut v = serde_json::to_value(&ti)?;
                match &configs {
                    Ok(c) => v["configs"] = serde_json::to_value(c)?,
                    Err(e) => {
                        v["configs"] = serde_json::Value::Null;
                        v["configs_error"] = format!("{e:#}").into();
                    }
                }
                printer.json(&v)?;
            } else {
                printer.line(&format!(
                    "{} ({} partitions)",
                    escape_line(&ti.topic),
                    ti.partitions.len()
                ))?;
                printer.line(&describe_table(&ti))?;
                match &configs {
                    Ok(c) if c.is_empty() => printer.line(if *all_configs {
                        "\nno configuration reported"
                    } else {
                        "\nno configuration set on the topic (--all-configs shows the defaults)"
                    })?,
                    Ok(c) => {
                        printer.line("")?;
                        printer.line(&config_table(c))?;
                    }
                    Err(e) => printer.warn(format!("configuration not shown: {e:#}")),
                }
            }
        }
        TopicsCommand::Delete {
            topics,
            yes,
            if_exists,
        } => delete(&admin, topics, *yes, *if_exists, printer)?,
        TopicsCommand::Alter { topic, partitions } => {
            let now = admin.partitions(topic)?.len() as i32;
            let verdict = alter_verdict(now, *partitions)?;
            if verdict {
                admin.create_partitions(topic, *partitions as usize)?;
            }
            if printer.is_json() {
                printer.json(&serde_json::json!({"topic": topic, "partitions": partitions, "before": now, "changed": verdict}))?;
            } else if verdict {
                printer.info(format!(
                    "{}: {now} → {partitions} partitions (keys now map to other partitions: per-key order holds only for new records)",
                    escape_line(topic)
                ));
            } else {
                printer.info(format!(
                    "{} already has {now} partitions",
                    escape_line(topic)
                ));
            }
        }
        TopicsCommand::Config { topic, set, unset } => {
            let set: Vec<(String, String)> = set
                .iter()
                .map(|c| split_kv(c, "--set"))
                .collect::<Result<_>>()?;
            admin.partitions(topic)?;
            if let Some(k) = unset.iter().find(|k| set.iter().any(|(s, _)| s == *k)) {
                return Err(crate::error::usage(format!(
                    "`{}` is both set and unset",
                    escape_line(k)
                )));
            }
            // IncrementalAlterConfigs changes only what is named. A broker without it gets a
            // read-modify-write with AlterConfigs (which replaces every value set on the topic).
            let how = match admin.alter_topic_configs(topic, &set, unset) {
                Ok(()) => "IncrementalAlterConfigs",
                Err(e)
                    if format!("{e}").contains("does not support the IncrementalAlterConfigs") =>
                {
                    let fallback = admin
                        .topic_configs(topic)
                        .and_then(|current| merge_configs(&current, &set, unset))
                        .and_then(|merged| admin.set_topic_configs(topic, &merged));
                    if let Err(f) = fallback {
                        // The fallback's own kind decides the exit code (a broker lacking
                        // AlterConfigs too is exit 3, a refused value 2).
                        return Err(f.context(format!("{e}; the AlterConfigs fallback failed too")));
                    }
                    "AlterConfigs (the broker lacks IncrementalAlterConfigs)"
                }
                Err(e) => return Err(e),
            };
            if printer.is_json() {
                let set: Vec<serde_json::Value> = set
                    .iter()
                    .map(|(k, v)| serde_json::json!({"name": k, "value": v}))
                    .collect();
                printer.json(
                    &serde_json::json!({"topic": topic, "set": set, "unset": unset, "request": how}),
                )?;
            } else {
                printer.info(format!(
                    "{}: {} value(s) set, {} unset, with {how}",
                    escape_line(topic),
                    set.len(),
                    unset.len(),
                ));
            }
        }
        TopicsCommand::Create {
            topic,
            partitions,
            replication,
            configs,
            if_not_exists,
        } => {
            validate_name(topic)?;
            if *partitions < 1 {
                return Err(crate::error::usage("--partitions must be at least 1"));
            }
            let configs: Vec<(String, String)> = configs
                .iter()
                .map(|c| split_kv(c, "--config"))
                .collect::<Result<_>>()?;
            let created =
                admin.create_topic(topic, *partitions, *replication, &configs, *if_not_exists)?;
            let differs = if created {
                Vec::new()
            } else {
                differences(&admin, topic, *partitions, *replication, &configs, printer)?
            };
            if printer.is_json() {
                printer.json(&serde_json::json!({"topic": topic, "created": created, "partitions": partitions, "differs": differs}))?;
            } else if created {
                printer.info(format!(
                    "created topic {topic} with {partitions} partition(s)"
                ));
            } else if differs.is_empty() {
                printer.info(format!("topic {topic} already exists, as asked"));
            }
            if !differs.is_empty() {
                printer.warn(format!(
                    "topic {} already exists, left as it is: {}",
                    escape_line(topic),
                    differs.join("; ")
                ));
            }
        }
    }
    printer.flush()
}

/// How an existing topic differs from what `topics create --if-not-exists` asked for (the
/// partition count, a replication factor given, each `--config` given), one phrase each.
fn differences(
    admin: &Admin,
    topic: &str,
    partitions: i32,
    replication: Option<i32>,
    configs: &[(String, String)],
    printer: &Printer,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let Some(info) = admin.topics(Some(topic), false)?.into_iter().next() else {
        return Ok(out);
    };
    if info.partitions.len() != partitions as usize {
        out.push(format!(
            "it has {} partition(s), not {partitions}",
            info.partitions.len()
        ));
    }
    if let Some(r) = replication.filter(|r| *r > 0 && *r as usize != info.replication()) {
        out.push(format!(
            "its replication factor is {}, not {r}",
            info.replication()
        ));
    }
    if configs.is_empty() {
        return Ok(out);
    }
    match admin.topic_configs(topic) {
        Ok(current) => {
            for (k, v) in configs {
                let now = current.iter().find(|c| c.name == *k);
                let shown = match now.and_then(|c| c.value.as_deref()) {
                    Some(_) if now.is_some_and(|c| c.sensitive) => "(hidden)".to_string(),
                    Some(n) if n == v => continue,
                    Some(n) => format!("`{}`", escape_line(n)),
                    None => "not set".to_string(),
                };
                out.push(format!(
                    "{} is {shown}, not `{}`",
                    escape_line(k),
                    escape_line(v)
                ));
            }
        }
        // Partitions and replication were still compared; say why the configs were not.
        Err(e) => printer.warn(format!(
            "topic {} already exists; its configuration could not be compared with --config: {e:#}",
            escape_line(topic)
        )),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::admin::PartitionInfo;

    fn item(name: &str, value: Option<&str>, dynamic: bool) -> ConfigItem {
        ConfigItem {
            name: name.into(),
            value: value.map(Into::into),
            source: if dynamic { "DynamicTopic" } else { "Default" }.into(),
            dynamic,
            is_default: !dynamic,
            read_only: false,
            sensitive: value.is_none(),
        }
    }

    #[test]
    fn config_changes_keep_what_is_set() {
        let current = [
            item("retention.ms", Some("1000"), true),
            item("cleanup.policy", Some("delete"), false),
            item("segment.ms", Some("60000"), true),
        ];
        let m = merge_configs(
            &current,
            &[("max.message.bytes".into(), "2048".into())],
            &["segment.ms".into()],
        )
        .unwrap();
        assert_eq!(
            m,
            [
                ("max.message.bytes".to_string(), "2048".to_string()),
                ("retention.ms".to_string(), "1000".to_string())
            ]
        );
        let secret = [item("sasl.secret", None, true)];
        assert!(merge_configs(&secret, &[], &[]).is_err());
        assert!(merge_configs(&secret, &[], &["sasl.secret".into()]).is_ok());
        assert!(merge_configs(&[], &[("a".into(), "1".into())], &["a".into()]).is_err());
    }

    #[test]
    fn partitions_only_grow() {
        assert!(!alter_verdict(3, 3).unwrap());
        assert!(alter_verdict(3, 6).unwrap());
        let e = alter_verdict(6, 3).unwrap_err().to_string();
        assert!(e.contains("cannot shrink from 6 to 3"), "{e}");
    }

    #[test]
    fn topic_names_follow_kafka_rules() {
        for ok in ["orders", "a.b_c-D9", &"x".repeat(249)] {
            validate_name(ok).unwrap();
        }
        for (bad, why) in [
            ("bad name!", "` ` is not allowed"),
            ("", "empty"),
            (".", "not allowed"),
            ("..", "not allowed"),
            (&"x".repeat(250), "at most 249"),
            ("caf\u{e9}", "not allowed"),
        ] {
            let e = validate_name(bad).unwrap_err().to_string();
            assert!(e.contains(why), "{bad:?}: {e}");
        }
    }

    #[test]
    fn list_table_layout() {
        let t = TopicInfo {
            topic: "orders".into(),
            partitions: (0..2)
                .map(|i| PartitionInfo {
                    partition: i,
                    leader: 1,
                    replicas: vec![1],
                    isr: vec![1],
                    low: 0,
                    high: 10 * (i as i64 + 1),
                })
                .collect(),
        };
        let out = list_table(&[t]);
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[0].split_whitespace().collect::<Vec<_>>(),
            [
                "TOPIC",
                "PARTITIONS",
                "REPLICATION",
                "LOW",
                "HIGH",
                "MESSAGES"
            ]
        );
        assert_eq!(
            lines[1].split_whitespace().collect::<Vec<_>>(),
            ["orders", "2", "1", "0", "30", "30"]
        );
    }
}
