//! `evtctl topics`: list, describe and create topics. Read-only except `create`.

use crate::cli::TopicsCommand;
use crate::config::{split_kv, Settings};
use crate::kafka::admin::{Admin, TopicInfo};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use anyhow::Result;
use comfy_table::{presets, CellAlignment, Table};

fn table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING).set_header(headers.to_vec());
    t
}

fn right_align(t: &mut Table, from: usize) {
    let n = t.column_count();
    for i in from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
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
    t.to_string()
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
    t.to_string()
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
        TopicsCommand::Describe { topic } => {
            let ti = admin.topics(Some(topic), true)?.remove(0);
            if printer.is_json() {
                printer.json(&ti)?;
            } else {
                printer.line(&format!(
                    "{} ({} partitions)",
                    escape_line(&ti.topic),
                    ti.partitions.len()
                ))?;
                printer.line(&describe_table(&ti))?;
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
            if printer.is_json() {
                printer.json(&serde_json::json!({"topic": topic, "created": created, "partitions": partitions}))?;
            } else if created {
                printer.info(format!(
                    "created topic {topic} with {partitions} partition(s)"
                ));
            } else {
                printer.info(format!("topic {topic} already exists"));
            }
        }
    }
    printer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::admin::PartitionInfo;

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
