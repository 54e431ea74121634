//! `topics`: create, list, describe.

use crate::common::*;
use predicates::prelude::*;

#[test]
fn create_list_describe() {
    let t = topic("topics", 3);
    evtctl()
        .args(["publish", &t, "-k", "a", "{\"x\":1}"])
        .assert()
        .success();
    let out = evtctl().args(["topics", "-o", "json"]).output().unwrap();
    let all = json_lines(&out.stdout);
    let mine = all
        .iter()
        .find(|v| v["topic"] == t.as_str())
        .expect("listed");
    assert_eq!(mine["partitions"].as_array().unwrap().len(), 3);
    let total: i64 = mine["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["high"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 1);
    evtctl()
        .args(["topics", "describe", &t, "-o", "pretty"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("PARTITION").and(predicate::str::contains("(3 partitions)")),
        );
    evtctl()
        .args(["topics", "create", &t, "--partitions", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    // Existing with other partitions than asked: still success, and what differs is said.
    evtctl()
        .args(["topics", "create", &t, "--if-not-exists", "-o", "pretty"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "already exists, left as it is: it has 3 partition(s), not 1",
        ));
    let out = evtctl()
        .args([
            "topics",
            "create",
            &t,
            "--if-not-exists",
            "--partitions",
            "3",
        ])
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(json_lines(&out.stdout)[0]["differs"], serde_json::json!([]));
    // `topics config` with nothing to change names both ways to change something.
    evtctl()
        .args(["topics", "config", &t])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--set").and(predicate::str::contains("--unset")));
}

#[test]
fn demo_runs_end_to_end() {
    // The demo starts its own embedded broker; it needs nothing from the environment.
    let out = evtctl()
        .arg("demo")
        .env_remove("EVTCTL_BROKERS")
        .assert()
        .success()
        .stdout(predicate::str::contains("$ evtctl publish orders"))
        .stdout(predicate::str::contains("OrderPlaced"))
        .stdout(predicate::str::contains(
            "$ evtctl tail orders --from beginning --until end",
        ))
        // The contract steps: refused at publish, caught by validate, a compat failure explained.
        .stdout(
            predicate::str::contains("invalid against order-placed@2")
                .or(predicate::str::contains("rejected")),
        )
        .stdout(predicate::str::contains(
            "1 event(s) failed validation (exit code 1)",
        ))
        .stdout(predicate::str::contains(
            "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
        ))
        // The stuck consumer: seen, peeked at, skipped into quarantine, returned repaired.
        .stdout(predicate::str::contains("STUCK"))
        .stdout(predicate::str::contains(
            "$ evtctl tail orders --from group:billing -n 1",
        ))
        .stdout(predicate::str::contains("\"total\": \"4,50\""))
        .stdout(predicate::str::contains(
            "quarantined 1 record(s) of orders/",
        ))
        .stdout(predicate::str::contains(
            "billing restarted and moved on: 1 more order(s) charged, 0 failure(s)",
        ))
        .stdout(predicate::str::contains(
            "billing charged the repaired order: 1 order(s), 0 failure(s)",
        ))
        .get_output()
        .stdout
        .clone();
    // The incident scene ends with the poison order's story, in time order: placed, quarantined
    // (with its origin), returned repaired, paid.
    let text = String::from_utf8(out).unwrap();
    let story = text
        .split("$ evtctl trace ord_DEMO000666 --topics orders,payments,orders.quarantine")
        .nth(1)
        .unwrap_or_else(|| panic!("no trace step in the demo:\n{text}"));
    let story = story.split("\n== ").next().unwrap();
    let at = |needle: &str| {
        story
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in the trace:\n{story}"))
    };
    let placed = at("OrderPlaced  key=ord_DEMO000666");
    let quarantined = at("orders.quarantine/0@0  OrderPlaced");
    let origin = at("dead-lettered from orders/");
    let returned = at("redriven from orders.quarantine/0@0");
    let paid = at("PaymentCaptured  key=ord_DEMO000666");
    assert!(placed < quarantined && quarantined < origin, "{story}");
    assert!(origin < returned && returned < paid, "{story}");
    assert!(story.contains("scanned payments partition"), "{story}");
}
