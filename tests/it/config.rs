//! Settings precedence (flag > env > profile > default) and secret redaction.

use crate::common::*;
use predicates::prelude::*;

fn show(cmd: &mut assert_cmd::Command) -> Vec<serde_json::Value> {
    let out = cmd.args(["config", "show", "-o", "json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

fn setting<'a>(rows: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| r["setting"] == name)
        .unwrap_or_else(|| panic!("no {name} in {rows:?}"))
}

#[test]
fn precedence_and_redaction() {
    let dir = std::env::temp_dir().join(unique("cfg"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(
        &file,
        r#"
[profiles.prod]
brokers = "prod-1:9096"
[profiles.prod.properties]
"security.protocol" = "SASL_SSL"
"sasl.username" = "svc"
"sasl.password" = "env:EVTCTL_TEST_SECRET"
"#,
    )
    .unwrap();
    let base = || {
        let mut c = evtctl();
        c.env("EVTCTL_CONFIG", &file)
            .env_remove("EVTCTL_BROKERS")
            .env("EVTCTL_TEST_SECRET", "hunter2");
        c
    };
    let rows = show(base().args(["--profile", "prod"]));
    assert_eq!(setting(&rows, "brokers")["value"], "prod-1:9096");
    assert_eq!(setting(&rows, "brokers")["source"], "profile");
    assert_eq!(setting(&rows, "-X sasl.password")["value"], "***");
    assert_eq!(setting(&rows, "-X sasl.username")["value"], "svc");
    let rows = show(
        base()
            .args(["--profile", "prod"])
            .env("EVTCTL_BROKERS", "env-1:9092"),
    );
    assert_eq!(setting(&rows, "brokers")["value"], "env-1:9092");
    assert_eq!(setting(&rows, "brokers")["source"], "env");
    let rows = show(
        base()
            .args(["--profile", "prod", "-b", "flag-1:9092"])
            .env("EVTCTL_BROKERS", "env-1:9092"),
    );
    assert_eq!(setting(&rows, "brokers")["value"], "flag-1:9092");
    assert_eq!(setting(&rows, "brokers")["source"], "flag");
    let rows = show(&mut base());
    assert_eq!(setting(&rows, "brokers")["value"], "localhost:9092");

    // The secret appears nowhere, in either format.
    for fmt in ["json", "pretty"] {
        base()
            .args([
                "--profile",
                "prod",
                "-X",
                "ssl.key.password=s3cret",
                "config",
                "show",
                "-o",
                fmt,
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains("hunter2").not())
            .stdout(predicate::str::contains("s3cret").not());
    }
    base()
        .args(["--profile", "nope", "config", "show"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("profile `nope` not found")
                .and(predicate::str::contains("prod")),
        );
}
