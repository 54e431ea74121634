//! `compat` on hostile sizes (issue 13 item 5): huge enums and property lists finish (set
//! comparisons are hashed, not quadratic), and SIGTERM stops a long comparison with exit 130.

use crate::common::bin;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("evtctl-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(v).unwrap()).unwrap();
    path
}

/// `evtctl compat --old A --new B ARGS` without a broker.
fn compat(old: &Path, new: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env_remove("EVTCTL_PROFILE")
        .env_remove("EVTCTL_REGISTRY")
        .env("NO_COLOR", "1")
        .arg("compat")
        .arg("--old")
        .arg(old)
        .arg("--new")
        .arg(new)
        .args(args);
    c
}

/// CPU time (user + system) a process has used, in clock ticks, from /proc/PID/stat.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the `(comm)`, which may hold spaces: state is field 3, utime 14, stime 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

#[test]
fn compat_of_a_large_enum_and_50k_new_properties_finishes() {
    // The unit tests compare 1,000,000 enum values and 200,000 properties; this one goes
    // through the command: 200,000 enum values (integers in the old version, the same values
    // as floats and one more in the new) and 50,000 properties added to an open model, each
    // a finding the report locates in the file.
    const VALUES: u64 = 200_000;
    const ADDED: usize = 50_000;
    let dir = temp_dir("compat-size");
    let kind = |v: Vec<Value>| json!({ "enum": v });
    let old = json!({"type": "object", "properties": {
        "kind": kind((0..VALUES).map(Value::from).collect())
    }});
    let mut props = Map::new();
    let mut values: Vec<Value> = (0..VALUES).map(|i| Value::from(i as f64)).collect();
    values.push(json!("more"));
    props.insert("kind".into(), kind(values));
    for i in 0..ADDED {
        props.insert(format!("q{i}"), json!({"type": "string"}));
    }
    let new = json!({"type": "object", "properties": props});
    let old = write(&dir, "old.json", &old);
    let new_path = dir.join("new.json");
    let text = serde_json::to_string_pretty(&new).unwrap();
    std::fs::write(&new_path, &text).unwrap();
    let out = compat(&old, &new_path, &["-o", "json"]).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = v["changes"].as_array().unwrap();
    let enum_change = changes
        .iter()
        .find(|c| c["path"] == "#/properties/kind/enum")
        .unwrap();
    assert_eq!(enum_change["rule"], "ENUM_ARRAY_EXTENDED");
    assert_eq!(enum_change["breaking"], false);
    let added: Vec<&Value> = changes
        .iter()
        .filter(|c| c["rule"] == "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL")
        .collect();
    assert_eq!(added.len(), ADDED);
    assert!(added.iter().all(|c| c["breaking"] == true));
    // Located on its own line of the pretty-printed file.
    let last = added
        .iter()
        .find(|c| c["path"] == format!("#/properties/q{}", ADDED - 1))
        .unwrap();
    let at = text.find(&format!("\"q{}\"", ADDED - 1)).unwrap();
    assert_eq!(last["line"], text[..at].matches('\n').count() + 1);
}

#[test]
fn compat_stops_on_sigterm_with_exit_130() {
    // A deliberately slow but legal pair: 2,000 new patternProperties, each matched against
    // 20,000 declared property names (regexes cannot be hashed): tens of millions of matches.
    let dir = temp_dir("compat-sigterm");
    let mut props = Map::new();
    for i in 0..20_000 {
        props.insert(format!("p{i}"), json!({"type": "string"}));
    }
    let old = json!({"type": "object", "properties": props.clone()});
    let mut patterns = Map::new();
    for i in 0..2_000 {
        patterns.insert(format!("^z{i}(a|b)*x$"), json!({"type": "string"}));
    }
    let new = json!({"type": "object", "properties": props, "patternProperties": patterns});
    let (old, new) = (write(&dir, "old.json", &old), write(&dir, "new.json", &new));
    let mut child = compat(&old, &new, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Once it has worked for half a second of CPU, it is comparing: interrupt it.
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let _ = std::fs::remove_dir_all(&dir);
            panic!("compat finished before it could be interrupted: {status}");
        }
        if cpu_ticks(pid).unwrap_or(0) >= 50 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no CPU time used"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let terminated = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if terminated.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = std::fs::remove_dir_all(&dir);
            panic!("compat ignored SIGTERM for 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = std::fs::remove_dir_all(&dir);
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(
        terminated.elapsed() < Duration::from_secs(3),
        "took {:?} to stop",
        terminated.elapsed()
    );
}
