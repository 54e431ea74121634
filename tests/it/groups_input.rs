//! What `groups reset`, `groups describe` and `tail --from group:` make of the input they are
//! given: shifts past the log's ends, saved offsets that are not offsets, and groups that do
//! not exist.

use crate::common::*;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use std::time::Duration;

fn consumer(group: &str) -> BaseConsumer {
    rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &broker().bootstrap)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .unwrap()
}

/// Commit positions for `group` the way a service that assigns partitions itself does.
fn commit(group: &str, topic: &str, positions: &[(i32, i64)]) {
    let mut tpl = TopicPartitionList::new();
    for &(p, o) in positions {
        tpl.add_partition_offset(topic, p, Offset::Offset(o))
            .unwrap();
    }
    consumer(group).commit(&tpl, CommitMode::Sync).unwrap();
}

/// The group's committed offsets of partitions 0..n, read by another client than evtctl.
fn committed(group: &str, topic: &str, n: i32) -> Vec<Option<i64>> {
    let mut tpl = TopicPartitionList::new();
    for p in 0..n {
        tpl.add_partition(topic, p);
    }
    let got = consumer(group)
        .committed_offsets(tpl, Duration::from_secs(10))
        .unwrap();
    (0..n)
        .map(|p| match got.find_partition(topic, p).unwrap().offset() {
            Offset::Offset(o) => Some(o),
            _ => None,
        })
        .collect()
}

/// A topic with `per` records in each of its `partitions`.
fn filled(name: &str, partitions: i32, per: usize) -> String {
    let t = topic(name, partitions);
    let lines: String = (0..per)
        .flat_map(|i| {
            (0..partitions).map(move |p| format!("{{\"partition\":{p},\"value\":{i}}}\n"))
        })
        .collect();
    evtctl()
        .args(["publish", &t, "--format", "envelope"])
        // One record a batch: Tansu 0.6 cannot start a read inside a batch (see common.rs).
        .args(["-X", "batch.num.messages=1"])
        .write_stdin(lines)
        .assert()
        .success();
    t
}

fn reset(group: &str, args: &[&str]) -> std::process::Output {
    evtctl()
        .args(["groups", "reset", group, "-o", "json"])
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// (partition, new) of each move the plan printed.
fn new_offsets(out: &std::process::Output) -> Vec<(i64, i64)> {
    assert!(out.status.success(), "{}", stderr(out));
    let doc = json_lines(&out.stdout).pop().unwrap();
    doc["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["partition"].as_i64().unwrap(), m["new"].as_i64().unwrap()))
        .collect()
}

// ---- 7: --shift-by saturates at the log's ends ----

#[test]
fn a_shift_past_the_log_end_stops_there_and_never_wraps_to_the_start() {
    let t = filled("gshift", 2, 5);
    let g = unique("g-shift");
    commit(&g, &t, &[(0, 2), (1, 3)]);
    let max = i64::MAX.to_string();
    for n in [max.as_str(), "9223372036854775806", "9223372036854775000"] {
        let out = reset(&g, &["--topic", &t, "--shift-by", n]);
        assert_eq!(new_offsets(&out), [(0, 5), (1, 5)], "--shift-by {n}");
    }
    let min = i64::MIN.to_string();
    let out = reset(&g, &["--topic", &t, "--shift-by", &min]);
    assert_eq!(new_offsets(&out), [(0, 0), (1, 0)]);
    // Executed: the group ends at the log end, not rewound to the start.
    let out = reset(&g, &["--topic", &t, "--shift-by", &max, "--execute"]);
    assert_eq!(new_offsets(&out), [(0, 5), (1, 5)]);
    assert_eq!(committed(&g, &t, 2), [Some(5), Some(5)]);
}

// ---- 8: --from-file takes offsets, each partition once, of partitions that exist ----

fn saved_file(name: &str, doc: &str) -> std::path::PathBuf {
    let file = std::env::temp_dir().join(format!("{}.json", unique(name)));
    // A backup may hold several samples: the last document counts.
    std::fs::write(
        &file,
        format!("{{\"group\":\"old\",\"partitions\":[]}}\n{doc}\n"),
    )
    .unwrap();
    file
}

#[test]
fn saved_offsets_that_are_not_offsets_are_located_errors_and_nothing_is_committed() {
    let t = filled("gsaved", 3, 4);
    let g = unique("g-saved");
    commit(&g, &t, &[(0, 1), (1, 1), (2, 1)]);
    let entry = |p: i32, committed: &str| {
        format!(r#"{{"topic":"{t}","partition":{p},"committed":{committed}}}"#)
    };
    let cases: Vec<(String, &str)> = [
        ("3.7", "`committed` is 3.7"),
        ("\"3\"", "`committed` is \"3\""),
        ("1e30", "`committed` is 1e+30"),
        ("null", "`committed` is null"),
        ("-2", "`committed` is -2"),
    ]
    .into_iter()
    .map(|(v, why)| {
        (
            format!(
                r#"{{"group":"{g}","partitions":[{},{}]}}"#,
                entry(0, "3"),
                entry(1, v)
            ),
            why,
        )
    })
    .chain([
        (
            format!(
                r#"{{"group":"{g}","partitions":[{},{},{}]}}"#,
                entry(0, "3"),
                entry(1, "2"),
                entry(1, "0")
            ),
            "listed twice",
        ),
        (
            format!(
                r#"{{"group":"{g}","partitions":[{},{}]}}"#,
                entry(0, "3"),
                entry(7, "2")
            ),
            "no partition 7",
        ),
    ])
    .collect();
    for (doc, why) in &cases {
        let file = saved_file("gsaved", doc);
        let path = file.to_str().unwrap();
        // With and without --topic (a whole topic once dropped the entries it did not have).
        for extra in [&[][..], &["--topic", &t][..]] {
            let out = reset(&g, &[&["--from-file", path, "--execute"], extra].concat());
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{doc} {extra:?}: {err}");
            assert!(
                err.contains(&format!("{path}:2: partitions[")) && err.contains(why),
                "names the file, line and entry ({why}): {err}"
            );
            assert_eq!(err.lines().count(), 1, "one line: {err}");
            assert_eq!(
                committed(&g, &t, 3),
                [Some(1); 3],
                "nothing committed: {doc}"
            );
        }
        let _ = std::fs::remove_file(file);
    }
    // A topic the file names that does not exist.
    let gone = unique("gone");
    let file = saved_file(
        "gsaved",
        &format!(
            r#"{{"partitions":[{},{{"topic":"{gone}","partition":0,"committed":1}}]}}"#,
            entry(0, "3")
        ),
    );
    let out = reset(&g, &["--from-file", file.to_str().unwrap(), "--execute"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(":2: partitions[1]"),
        "{}",
        stderr(&out)
    );
    // A partition asked for that the file has no offset for.
    let file2 = saved_file(
        "gsaved",
        &format!(r#"{{"partitions":[{}]}}"#, entry(0, "3")),
    );
    let out = reset(
        &g,
        &[
            "--from-file",
            file2.to_str().unwrap(),
            "--topic",
            &format!("{t}:0,2"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{t}/2")), "{}", stderr(&out));
    assert_eq!(committed(&g, &t, 3), [Some(1); 3]);
    // The good entries alone restore.
    let out = reset(&g, &["--from-file", file2.to_str().unwrap(), "--execute"]);
    assert_eq!(new_offsets(&out), [(0, 3)]);
    assert_eq!(committed(&g, &t, 3), [Some(3), Some(1), Some(1)]);
    let _ = std::fs::remove_file(file);
    let _ = std::fs::remove_file(file2);
}

// ---- 16: a group that does not exist is reported as such ----

#[test]
fn describe_of_a_group_that_does_not_exist_fails_and_an_alert_on_it_fires() {
    let t = filled("gknown", 2, 3);
    let typo = unique("NoSuchGrop");
    for extra in [
        &[][..],
        &["--fail-above-lag", "0"][..],
        &["--topic", &t][..],
    ] {
        let out = evtctl()
            .args(["groups", "describe", &typo, "-o", "json"])
            .args(extra)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {err}");
        assert!(
            err.contains(&format!("group `{typo}` not found")),
            "{extra:?}: {err}"
        );
        assert!(
            out.stdout.is_empty(),
            "no report for a group that is not there"
        );
    }
}

#[test]
fn a_group_with_commits_and_no_members_exists_and_uncommitted_partitions_are_named() {
    let (t, other) = (filled("gexists", 2, 3), filled("gexists-o", 1, 1));
    let g = unique("g-exists");
    commit(&g, &t, &[(0, 1)]);
    // Whole: only the committed partition is shown, no warning.
    let out = evtctl()
        .args([
            "groups",
            "describe",
            &g,
            "--fail-above-lag",
            "5",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("no committed offset"),
        "{}",
        stderr(&out)
    );
    // Its topic: partition 1 has no commit, and stderr says so.
    let out = evtctl()
        .args(["groups", "describe", &g, "--topic", &t, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("group `{g}` has no committed offset on {t}/1")),
        "{}",
        stderr(&out)
    );
    // A topic it never read: it still exists (it has commits elsewhere).
    let out = evtctl()
        .args(["groups", "describe", &g, "--topic", &other, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("no committed offset on {other}/0")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn tail_from_a_group_that_does_not_exist_fails_instead_of_reading_from_the_default() {
    let t = filled("gtailknown", 2, 3);
    let typo = unique("Typo");
    let out = evtctl()
        .args([
            "tail",
            &t,
            "--from",
            &format!("group:{typo}"),
            "--until",
            "end",
        ])
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("group `{typo}` not found")),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty(), "read nothing");

    // A group with a commit on partition 0 only: partition 1 starts at the default, said once.
    let g = unique("g-tailknown");
    commit(&g, &t, &[(0, 2)]);
    let out = evtctl()
        .args([
            "tail",
            &t,
            "--from",
            &format!("group:{g}"),
            "--until",
            "end",
        ])
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out.stdout).len(), 1 + 3);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "group `{g}` has no committed offset on {t}/1: starting there at the beginning"
        )),
        "{err}"
    );
    assert_eq!(err.matches("no committed offset").count(), 1, "{err}");
}
