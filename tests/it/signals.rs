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
