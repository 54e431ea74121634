//! `dlq drain` reruns check the committed part of the file, not only its length.

use crate::common::*;

/// A file that lost lines from inside (290 of 300 left, its end intact) or had one edited is
/// refused with exit 2, instead of reporting nothing to do; the file is left as it is and
/// nothing is committed. Moving the file away starts a new one from the group's position.
#[test]
fn drain_sees_lines_cut_from_the_middle_of_its_file() {
    if !commit_metadata_kept() {
        // The check lives in the commit metadata, which this broker does not return.
        return;
    }
    let dlq = topic("drain-middle", 1);
    let events: String = (0..300).map(|i| format!("{{\"n\":{i}}}\n")).collect();
    evtctl()
        .args(["publish", &dlq])
        .write_stdin(events)
        .assert()
        .success();
    let file = std::env::temp_dir()
        .join(unique("drain-middle"))
        .with_extension("jsonl");
    let drain = || {
        evtctl()
            .args(["dlq", "drain", &dlq, "-o", "json", "--to"])
            .arg(&file)
            .output()
            .unwrap()
    };
    let out = drain();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout)[0]["records"], 300);
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    assert_eq!(lines.len(), 300);

    // Ten lines cut from the middle.
    let cut = [&lines[..100], &lines[110..]].concat().concat();
    std::fs::write(&file, &cut).unwrap();
    let out = drain();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("changed since"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        cut,
        "left as it is"
    );

    // One line edited, same length.
    let edited = text.replacen("{\"n\":150}", "{\"n\":999}", 1);
    assert_ne!(edited, text);
    std::fs::write(&file, &edited).unwrap();
    let out = drain();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("checksum"), "{stderr}");

    // Edited, and a torn line after the committed part (a write cut short): refused before
    // anything is cut, so the file to restore keeps every byte.
    let unterminated = format!("{edited}{{\"topic\":");
    std::fs::write(&file, &unterminated).unwrap();
    let out = drain();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        unterminated,
        "not a byte cut from a refused file"
    );

    // Restored: nothing to do; the group did not move while the file was refused.
    std::fs::write(&file, &text).unwrap();
    let out = drain();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout)[0]["records"], 0);
    std::fs::remove_file(&file).unwrap();
}
