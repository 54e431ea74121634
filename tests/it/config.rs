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

#[test]
fn show_names_the_one_source_of_each_value() {
    let dir = std::env::temp_dir().join(unique("cfgsrc"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(
        &file,
        "default_profile = \"dev\"\n[profiles.dev]\nregistry = \"/srv/dev-schemas\"\n\
         [profiles.prod]\nbrokers = \"prod-1:9096\"\n",
    )
    .unwrap();
    let base = || {
        let mut c = evtctl();
        c.env("EVTCTL_CONFIG", &file)
            .env_remove("EVTCTL_BROKERS")
            .env_remove("EVTCTL_REGISTRY");
        c
    };
    let source = |rows: &[serde_json::Value], name: &str| {
        setting(rows, name)["source"].as_str().unwrap().to_string()
    };

    // Nothing given: the profile is the file's default, the registry that profile's.
    let rows = show(&mut base());
    assert_eq!(setting(&rows, "profile")["value"], "dev");
    assert_eq!(source(&rows, "profile"), "file");
    assert_eq!(source(&rows, "config file"), "env");
    assert_eq!(source(&rows, "timeout"), "default");
    assert_eq!(setting(&rows, "registry")["value"], "/srv/dev-schemas");
    assert_eq!(source(&rows, "registry"), "profile");
    assert_eq!(source(&rows, "brokers"), "default");

    // Each given by flag.
    let rows = show(base().args(["--profile", "prod", "--timeout", "3s", "--registry", "r"]));
    assert_eq!(source(&rows, "profile"), "flag");
    assert_eq!(source(&rows, "timeout"), "flag");
    assert_eq!(setting(&rows, "timeout")["value"], "3s");
    assert_eq!(source(&rows, "registry"), "flag");
    assert_eq!(source(&rows, "brokers"), "profile");

    // Each given by environment.
    let rows = show(
        base()
            .env("EVTCTL_PROFILE", "prod")
            .env("EVTCTL_REGISTRY", "/env/schemas"),
    );
    assert_eq!(source(&rows, "profile"), "env");
    assert_eq!(setting(&rows, "registry")["value"], "/env/schemas");
    assert_eq!(source(&rows, "registry"), "env");

    // No profile anywhere, no registry: defaults, named as such.
    std::fs::write(&file, "").unwrap();
    let rows = show(&mut base());
    assert_eq!(setting(&rows, "profile")["value"], "(none)");
    assert_eq!(source(&rows, "profile"), "default");
    assert_eq!(setting(&rows, "registry")["value"], "schemas");
    assert_eq!(source(&rows, "registry"), "default");
    for r in &rows {
        assert!(
            !r["source"].as_str().unwrap().contains('/'),
            "one source per value: {r}"
        );
    }
}
