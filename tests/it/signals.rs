//! Ctrl-C: a following tail prints its summary and exits 130.

use crate::common::*;
use std::io::BufRead;

#[test]
fn interrupt_exits_130_with_summary() {
    let t = topic("sigint", 1);
    evtctl()
        .args(["publish", &t, "{\"n\":1}"])
        .assert()
        .success();
    let mut child = evtctl_process()
        .args(["tail", &t, "--from", "beginning", "-o", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the existing record is printed, the tail is following: interrupt it.
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"n\":1"), "{first}");
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("1 record") && stderr.contains("interrupted"),
        "{stderr}"
    );
}

#[test]
fn interrupted_publish_delivers_what_it_sent_and_exits_130() {
    let t = topic("sigint-pub", 2);
    let file = std::env::temp_dir().join(format!("{t}.jsonl"));
    std::fs::write(
        &file,
        (0..100_000)
            .map(|i| format!("{{\"n\":{i}}}\n"))
            .collect::<String>(),
    )
    .unwrap();
    let mut child = evtctl_process()
        .args(["publish", &t, "--rate", "500", "-o", "json", "--file"])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt once the first receipt shows records are flowing.
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains(r#""type":"receipt""#), "{first}");
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(status.code(), Some(130));
    let lines = json_lines(format!("{first}{rest}").as_bytes());
    let receipts = lines.iter().filter(|l| l["type"] == "receipt").count();
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(
        summary["records"], receipts as u64,
        "every sent record has a receipt"
    );
    assert_eq!(summary["failed"], 0);
    assert!(receipts < 100_000, "it stopped early");
    // What it reported is exactly what is in the topic: nothing lost, nothing extra.
    assert_eq!(read_all(&t, &[]).len(), receipts);
}
