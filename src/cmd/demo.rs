//! `evtctl demo`: a guided tour on an embedded broker, using the same code as the commands,
//! printing each equivalent command line.

use crate::cli::{Cli, Command, DemoArgs, GlobalArgs};
use crate::cmd::{compat, dlq, groups, publish, redrive, tail, topics, validate};
use crate::config::Settings;
use crate::kafka::embedded::EmbeddedBroker;
use crate::output::Printer;
use crate::registry::Registry;
use anyhow::{Context, Result};
use clap::Parser;
use std::sync::atomic::AtomicBool;

const CUSTOMERS: [&str; 3] = ["cus_ADA0000001", "cus_GRACE00002", "cus_LINUS00003"];
const PRODUCTS: [(&str, u32); 4] = [
    ("BOOK-9780262", 1250),
    ("LAMP-OAK-01", 4900),
    ("DESK-WAL-160", 31000),
    ("PEN-BLK", 225),
];

fn money(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Sample OrderPlaced payloads, valid `data` for the example registry's order-placed schema.
pub fn sample_orders(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let (sku, cents) = PRODUCTS[i % PRODUCTS.len()];
        let qty = 1 + (i % 3) as u32;
        out.push_str(&format!(
            r#"{{"orderId":"ord_DEMO{:06}","customerId":"{}","items":[{{"sku":"{sku}","quantity":{qty},"unitPrice":"{}"}}],"total":"{}","currency":"EUR"}}"#,
            1001 + i,
            CUSTOMERS[i % CUSTOMERS.len()],
            money(cents),
            money(cents * qty)
        ));
        out.push('\n');
    }
    out
}

/// One argument as a POSIX shell reads it back: bare when safe, else single-quoted.
pub fn shell_quote(arg: &str) -> String {
    let safe = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if safe {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

/// Where the demo keeps the files its commands name, so they can be pasted after it ends.
fn demo_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join("evtctl-demo");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

fn step(printer: &mut Printer, title: &str, cmdline: &str) -> Result<()> {
    let b = printer.styles.bold;
    let d = printer.styles.dim;
    printer.line(&format!("\n{b}== {title}{b:#}\n{d}$ {cmdline}{d:#}"))?;
    printer.flush()
}

/// Parse a command line the way the binary would, so the demo runs what it shows.
fn parse(cmdline: &str) -> Result<Command> {
    let mut argv = vec!["evtctl".to_string()];
    let mut quoted: Option<String> = None;
    for w in cmdline.split_whitespace().skip(1) {
        // Re-join single-quoted arguments that contain spaces.
        match (
            &mut quoted,
            w.starts_with('\''),
            w.ends_with('\'') && w.len() > 1,
        ) {
            (None, true, true) => argv.push(w.trim_matches('\'').to_string()),
            (None, true, false) => quoted = Some(w.trim_start_matches('\'').to_string()),
            (Some(q), _, _) if w.ends_with('\'') => {
                q.push(' ');
                q.push_str(w.trim_end_matches('\''));
                argv.push(quoted.take().expect("set above"));
            }
            (Some(q), _, _) => {
                q.push(' ');
                q.push_str(w);
            }
            (None, false, _) => argv.push(w.to_string()),
        }
    }
    Ok(Cli::try_parse_from(argv)
        .with_context(|| format!("demo command `{cmdline}`"))?
        .command)
}

pub fn run(
    args: &DemoArgs,
    global: &GlobalArgs,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let broker = EmbeddedBroker::start(0)?;
    let settings = Settings::local(&broker.bootstrap, global);
    // The example registry in ./schemas (the repository's), when the demo runs where it is.
    let registry = Some(settings.registry_dir())
        .filter(|d| d.is_dir())
        .map(|d| Registry::open(&d))
        .transpose()?;
    let b = printer.styles.bold;
    printer.line(&format!(
        "{b}evtctl demo{b:#}: an embedded broker is running at {} (the same one `evtctl dev broker` starts).\n\
         Every step below runs the command shown, against it.",
        broker.bootstrap
    ))?;

    let create = "evtctl topics create orders --partitions 3";
    step(printer, "Create a topic", create)?;
    let Command::Topics(t) = parse(create)? else {
        unreachable!()
    };
    topics::run(t.command.as_ref().expect("create"), &settings, printer)?;

    let file = demo_dir()?.join("orders.jsonl");
    std::fs::write(&file, sample_orders(args.events))
        .context("writing the demo's sample events")?;
    let publish_line = format!(
        "evtctl publish orders --file {} --key-field /orderId --type OrderPlaced",
        shell_quote(&file.display().to_string())
    );
    step(
        printer,
        "Publish order events (keyed by order id, wrapped as OrderPlaced events with a traceparent, validated)",
        &publish_line,
    )?;
    let Command::Publish(p) = parse(&publish_line)? else {
        unreachable!()
    };
    let mut plan = publish::Plan::from_args(&p)?;
    plan.resolve_event_version(registry.as_ref());
    let result = publish::run(
        &plan,
        publish::Input::File(file.clone()),
        &settings,
        registry.as_ref(),
        printer,
        cancel,
    );
    result?;

    for (title, line) in [
        (
            "Read them back, stopping at the end offsets captured at start",
            "evtctl tail orders --from beginning --until end",
        ),
        (
            "Only the big orders, with a jq filter over the record envelope",
            "evtctl tail orders --from beginning --until end --filter '(.value.data.total | tonumber) > 100'",
        ),
        (
            "The last record of each partition",
            "evtctl tail orders --from -1 --until end",
        ),
    ] {
        step(printer, title, line)?;
        let Command::Tail(t) = parse(line)? else {
            unreachable!()
        };
        tail::run(&tail::Plan::from_args(&t)?, &settings, None, printer, cancel)?;
    }

    if let Some(reg) = &registry {
        contracts(reg, &settings, printer, cancel)?;
        avro(&settings, printer, cancel)?;
    } else {
        printer.line("\n(no schema registry in ./schemas here: skipping the contract steps)")?;
    }

    dead_letters(&settings, printer, cancel)?;
    stuck_consumer(&settings, printer, cancel)?;

    let list = "evtctl topics";
    step(printer, "List topics with their watermarks", list)?;
    topics::run(
        &crate::cli::TopicsCommand::List { all: false },
        &settings,
        printer,
    )?;

    printer.line(&format!(
        "\n{b}Next:{b:#} run `evtctl dev broker` in one terminal, then paste these commands in another \
         (add `-o json` for JSON Lines). The files they name are kept in {}.\n",
        shell_quote(&demo_dir()?.display().to_string())
    ))?;
    printer.flush()
}

/// The incident: a consumer dead-letters the orders it cannot handle (with Kafka Connect's
/// headers, as a sink connector would), on-call looks at the DLQ, the fix ships, the records go
/// back.
fn dead_letters(settings: &Settings, printer: &mut Printer, cancel: &AtomicBool) -> Result<()> {
    use crate::kafka::reader::{self, Event, Flow};
    use crate::kafka::writer::{OutHeaders, Outgoing, Writer, WriterOptions};
    use crate::record::Header;

    let create = "evtctl topics create orders.DLT";
    step(
        printer,
        "An incident: a consumer of orders fails on large orders and dead-letters them",
        create,
    )?;
    let Command::Topics(t) = parse(create)? else {
        unreachable!()
    };
    topics::run(t.command.as_ref().expect("create"), settings, printer)?;

    // The consumer (a few lines here; a Kafka Connect sink in real life).
    let mut poison = Vec::new();
    reader::bounded(settings, &["orders".to_string()], &[], None, None)?.run(cancel, |ev| {
        if let Event::Record(r) = ev {
            let event: serde_json::Value = r
                .value
                .and_then(|v| serde_json::from_slice(v).ok())
                .unwrap_or_default();
            let total: f64 = event["data"]["total"]
                .as_str()
                .and_then(|t| t.parse().ok())
                .unwrap_or(0.0);
            if total > 100.0 {
                poison.push((
                    r.partition,
                    r.offset,
                    r.key.map(<[u8]>::to_vec),
                    r.value.map(<[u8]>::to_vec),
                    total,
                ));
            }
        }
        Ok(Flow::Continue)
    })?;
    let writer = Writer::new(settings, &WriterOptions::default())?;
    let mut out = Vec::new();
    for (i, (partition, offset, key, value, total)) in poison.iter().enumerate() {
        let h = |name: &str, value: String| Header {
            name: name.to_string(),
            value: Some(value.into_bytes()),
        };
        let headers = [
            h("__connect.errors.topic", "orders".into()),
            h("__connect.errors.partition", partition.to_string()),
            h("__connect.errors.offset", offset.to_string()),
            h(
                "__connect.errors.exception.class.name",
                "java.lang.IllegalStateException".into(),
            ),
            h(
                "__connect.errors.exception.message",
                format!("order total {total:.2} exceeds the limit of 100.00"),
            ),
        ];
        writer.send(
            &Outgoing {
                topic: "orders.DLT",
                partition: None,
                key: key.as_deref(),
                value: value.as_deref(),
                headers: OutHeaders::Owned(&headers),
                timestamp: None,
            },
            i as u64,
            &mut out,
        );
    }
    writer.drain(&mut out, || false);
    if let Some(failed) = out.iter().find_map(|d| d.result.as_ref().err()) {
        return Err(anyhow::anyhow!(
            "dead-lettering the demo's poison orders: {failed}"
        ));
    }
    let d = printer.styles.dim;
    printer.line(&format!(
        "{d}(the consumer dead-lettered {} order(s) to orders.DLT with Kafka Connect's error headers){d:#}",
        poison.len()
    ))?;

    let stats = "evtctl dlq stats orders.DLT";
    step(
        printer,
        "Triage: what is in the DLQ, from where, why",
        stats,
    )?;
    let Command::Dlq(crate::cli::DlqArgs {
        command: crate::cli::DlqCommand::Stats(a),
    }) = parse(stats)?
    else {
        unreachable!()
    };
    dlq::stats(&a, settings, printer, cancel)?;

    for (title, line) in [
        (
            "The fix is deployed. Preview the redrive: what would go where",
            "evtctl dlq redrive orders.DLT --dry-run",
        ),
        (
            "Move them back to their original topic and partition (rate-limited, committed after each acknowledgement)",
            "evtctl dlq redrive orders.DLT --rate 500/s --yes",
        ),
    ] {
        step(printer, title, line)?;
        let Command::Dlq(crate::cli::DlqArgs {
            command: crate::cli::DlqCommand::Redrive(a),
        }) = parse(line)?
        else {
            unreachable!()
        };
        redrive::run(&a, settings, printer, cancel)?;
    }
    Ok(())
}

/// The billing service of the stuck-consumer scene: it charges each order, and cannot read a
/// total written with a decimal comma.
fn billing(r: &crate::record::RecordView<'_>) -> Result<(), String> {
    let event: serde_json::Value = r
        .value
        .and_then(|v| serde_json::from_slice(v).ok())
        .unwrap_or_default();
    let total = &event["data"]["total"];
    match total.as_str().map(str::parse::<f64>) {
        Some(Ok(_)) => Ok(()),
        _ => Err(format!(
            "NumberFormatException: order total {total} is not a number"
        )),
    }
}

/// The poison order's id.
const POISON_ID: &str = "ord_DEMO000666";

/// The payment billing captures for the poison order once it is repaired.
const PAYMENT: &str = r#"{"paymentId":"pay_DEMO000666","orderId":"ord_DEMO000666","amount":"4.50","currency":"EUR","method":"card"}"#;

/// A poison order: its total has a decimal comma.
const POISON_ORDER: &str = r#"{"orderId":"ord_DEMO000666","customerId":"cus_GRACE00002","items":[{"sku":"PEN-BLK","quantity":2,"unitPrice":"2.25"}],"total":"4,50","currency":"EUR"}"#;

/// Run a printed `evtctl publish … EVENT` command line (one event, no registry check).
fn publish_one(
    cmdline: &str,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let Command::Publish(p) = parse(cmdline)? else {
        unreachable!("a publish command line")
    };
    let mut plan = publish::Plan::from_args(&p)?;
    // As the pasted line would: `--type` events get the registry's latest version.
    let reg = crate::registry::view::display_registry(settings);
    plan.resolve_event_version(reg.as_ref());
    publish::run(
        &plan,
        publish::Input::One(p.event.clone().unwrap_or_default()),
        settings,
        None,
        printer,
        cancel,
    )
}

/// The stuck consumer: a service stuck on one poison order, found with `groups describe`, seen
/// with `tail --from group:`, taken out of the way with `groups skip` (not lost: quarantined),
/// and returned, repaired, with `dlq redrive --transform`.
fn stuck_consumer(settings: &Settings, printer: &mut Printer, cancel: &AtomicBool) -> Result<()> {
    use crate::cli::{DlqArgs, DlqCommand, GroupsArgs, GroupsCommand};
    use crate::kafka::groups::{consume, Session};
    let d = printer.styles.dim;

    let poison = format!(
        "evtctl publish orders --type OrderPlaced --no-validate -k {POISON_ID} {}",
        shell_quote(POISON_ORDER)
    );
    step(
        printer,
        "Another incident: an order arrives that the billing service cannot read (a decimal comma)",
        &poison,
    )?;
    publish_one(&poison, settings, printer, cancel)?;
    // The group's first member: nothing before it to wait for (see `Session`).
    let first = consume(settings, "billing", "orders", Session::Short, billing)?;
    let Some((partition, offset, why)) = first.failed.first().cloned() else {
        return Err(anyhow::anyhow!("the demo's billing service did not fail"));
    };
    printer.line(&format!(
        "{d}(billing, a consumer in group `billing`, charged {} order(s), then failed on orders/{partition}@{offset}: {why}; \
         it retries and crash-loops there, and orders/{partition} falls behind. There is no DLQ.){d:#}",
        first.handled
    ))?;

    let more = format!(
        "evtctl publish orders --partition {partition} --type OrderPlaced {}",
        shell_quote(sample_orders(1).trim())
    );
    step(printer, "Meanwhile orders keep arriving behind it", &more)?;
    publish_one(&more, settings, printer, cancel)?;

    let describe = "evtctl groups describe billing --watch 1s --samples 2";
    step(
        printer,
        "On call: where is billing, how far behind, since when (two samples: a position that does not move is STUCK)",
        describe,
    )?;
    let Command::Groups(GroupsArgs {
        command: Some(GroupsCommand::Describe(a)),
    }) = parse(describe)?
    else {
        unreachable!()
    };
    groups::describe(&a, settings, printer, cancel)?;

    let peek = "evtctl tail orders --from group:billing -n 1";
    step(
        printer,
        "What is billing about to read? (the group is not joined, nothing is committed)",
        peek,
    )?;
    let Command::Tail(t) = parse(peek)? else {
        unreachable!()
    };
    tail::run(&tail::Plan::from_args(&t)?, settings, None, printer, cancel)?;

    let create = "evtctl topics create orders.quarantine";
    let skip = format!(
        "evtctl groups skip billing --topic orders --partition {partition} --to orders.quarantine --reason 'decimal comma in total, INC-4711' --consumers-stopped --yes"
    );
    step(
        printer,
        "Take the poison order out of the way without losing it: copied to a quarantine topic, then billing's position moves past it",
        &format!("{create}\n$ {skip}"),
    )?;
    let Command::Topics(tc) = parse(create)? else {
        unreachable!()
    };
    topics::run(tc.command.as_ref().expect("create"), settings, printer)?;
    let Command::Groups(GroupsArgs {
        command: Some(GroupsCommand::Skip(a)),
    }) = parse(&skip)?
    else {
        unreachable!()
    };
    groups::skip(&a, settings, printer, cancel)?;

    printer.line(&format!(
        "{d}(billing restarts. The broker holds its join about 5 s: after a member leaves (here \
         groups skip's), a classic consumer group waits for members that may rejoin, up to \
         their session timeout.){d:#}"
    ))?;
    printer.flush()?;
    let again = consume(settings, "billing", "orders", Session::Usual, billing)?;
    printer.line(&format!(
        "{d}(billing restarted and moved on: {} more order(s) charged, {} failure(s)){d:#}",
        again.handled,
        again.failed.len()
    ))?;

    let redrive = "evtctl dlq redrive orders.quarantine --transform '.value.data.total |= sub(\",\";\".\")' --yes";
    step(
        printer,
        "Repair the order on the way back and return it to its topic and partition (the quarantine copy says where it came from)",
        redrive,
    )?;
    let Command::Dlq(DlqArgs {
        command: DlqCommand::Redrive(a),
    }) = parse(redrive)?
    else {
        unreachable!()
    };
    redrive::run(&a, settings, printer, cancel)?;
    printer.line(&format!(
        "{d}(billing picks it up, after the same wait of about 5 s for the group){d:#}"
    ))?;
    printer.flush()?;
    let mut charged = Vec::new();
    let last = consume(settings, "billing", "orders", Session::Usual, |r| {
        billing(r)?;
        charged.push(order_id(r));
        Ok(())
    })?;
    printer.line(&format!(
        "{d}(billing charged the repaired order: {} order(s), {} failure(s); nothing was lost){d:#}",
        last.handled,
        last.failed.len()
    ))?;
    if !charged.iter().any(|id| id.as_deref() == Some(POISON_ID)) {
        return Err(anyhow::anyhow!(
            "the demo's billing service did not charge the repaired order"
        ));
    }

    let paid = format!(
        "evtctl publish payments --create --partitions 3 --type PaymentCaptured --source /billing -k {POISON_ID} {}",
        shell_quote(PAYMENT)
    );
    step(
        printer,
        "billing captures the payment and says so on `payments` (the event it emits, as a command)",
        &paid,
    )?;
    publish_one(&paid, settings, printer, cancel)?;

    let story = format!(
        "evtctl trace {POISON_ID} --topics orders,payments,orders.quarantine --field /data/orderId"
    );
    step(
        printer,
        "The incident review: what happened to this order? One timeline over orders, payments and the quarantine",
        &story,
    )?;
    let Command::Trace(a) = parse(&story)? else {
        unreachable!()
    };
    let plan = crate::cmd::trace::Plan::from_args(&a, &[])?;
    crate::cmd::trace::run(&plan, settings, &[], printer, cancel)
}

/// The `orderId` of an OrderPlaced event.
fn order_id(r: &crate::record::RecordView<'_>) -> Option<String> {
    let event: serde_json::Value = serde_json::from_slice(r.value?).ok()?;
    Some(event["data"]["orderId"].as_str()?.to_string())
}

/// A bad order: quantity as a string.
const BAD_ORDER: &str = r#"{"orderId":"ord_DEMO009999","customerId":"cus_ADA0000001","items":[{"sku":"BOOK-9780262","quantity":"2","unitPrice":"12.50"}],"total":"25.00","currency":"EUR"}"#;

/// Run a step that is meant to fail, showing how it fails.
fn expect_failure(printer: &mut Printer, result: Result<()>) -> Result<()> {
    match result {
        Ok(()) => Err(anyhow::anyhow!("the demo expected this step to fail")),
        Err(e) => {
            let code = crate::error::exit_for(&e).code();
            printer.flush()?;
            let d = printer.styles.dim;
            printer.line(&format!(
                "{d}→ evtctl: error: {e:#} (exit code {code}){d:#}"
            ))?;
            Ok(())
        }
    }
}

/// The registry steps: an invalid event refused at publish, and a validate report.
fn contracts(
    reg: &Registry,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let refuse = format!(
        "evtctl publish orders --type OrderPlaced {}",
        shell_quote(BAD_ORDER)
    );
    step(
        printer,
        "An event that breaks its schema (schemas/order-placed) is refused at publish",
        &refuse,
    )?;
    let Command::Publish(p) = parse(&refuse)? else {
        unreachable!()
    };
    let mut plan = publish::Plan::from_args(&p)?;
    plan.resolve_event_version(Some(reg));
    let event = p.event.clone().unwrap_or_default();
    let r = publish::run(
        &plan,
        publish::Input::One(event.clone()),
        settings,
        Some(reg),
        printer,
        cancel,
    );
    expect_failure(printer, r)?;

    let force = format!(
        "evtctl publish orders --type OrderPlaced --no-validate {}",
        shell_quote(BAD_ORDER)
    );
    step(
        printer,
        "Force it in anyway (as a buggy producer would)",
        &force,
    )?;
    let r = publish::run(
        &plan,
        publish::Input::One(event),
        settings,
        None,
        printer,
        cancel,
    );
    r?;

    let check = "evtctl validate orders";
    step(
        printer,
        "Validate everything in the topic against the registry",
        check,
    )?;
    let Command::Validate(v) = parse(check)? else {
        unreachable!()
    };
    let r = validate::run(&v, settings, reg, printer, cancel);
    expect_failure(printer, r)?;

    // A schema change that looks harmless: an optional field added to an open model.
    let dir = demo_dir()?;
    let (old, new) = (dir.join("v1.schema.json"), dir.join("v2.schema.json"));
    std::fs::write(
        &old,
        "{\n  \"type\": \"object\",\n  \"properties\": {\"orderId\": {\"type\": \"string\"}}\n}\n",
    )?;
    std::fs::write(
        &new,
        "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"orderId\": {\"type\": \"string\"},\n    \"coupon\": {\"type\": \"string\"}\n  }\n}\n",
    )?;
    let line = format!(
        "evtctl compat --old {} --new {}",
        shell_quote(&old.display().to_string()),
        shell_quote(&new.display().to_string())
    );
    step(
        printer,
        "Gate a schema change in CI: an optional field added to an open model breaks BACKWARD",
        &line,
    )?;
    let Command::Compat(c) = parse(&line)? else {
        unreachable!()
    };
    let r = compat::run(&c, settings, printer, cancel);
    expect_failure(printer, r)
}

/// Shipment events in Avro: JSON in, Confluent's wire format on the topic, decoded on the way
/// out with the local registry (schemas/order-shipped, ids in registry.toml).
pub fn sample_shipments(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"orderId\":\"ord-{}\",\"total\":{{\"cents\":{},\"currency\":\"EUR\"}},\"weightKg\":\"{}.{:03}\",\"status\":\"{}\",\"shippedAt\":\"2026-12-05T09:{:02}:00.000Z\",\"carrier\":{}}}\n",
                990 + i,
                1999 + (i * 3137) % 9000,
                1 + i % 7,
                (i * 250) % 1000,
                if i % 4 == 0 { "PACKED" } else { "SHIPPED" },
                i % 60,
                if i % 3 == 0 { "null".to_string() } else { format!("\"{}\"", ["dhl", "ups", "dpd"][i % 3]) }
            )
        })
        .collect()
}

fn avro(settings: &Settings, printer: &mut Printer, cancel: &AtomicBool) -> Result<()> {
    let root = settings.registry_dir();
    let reg = std::sync::Arc::new(Registry::open(&root)?);
    let file = demo_dir()?.join("shipments.jsonl");
    std::fs::write(&file, sample_shipments(6)).context("writing the demo's shipment events")?;
    let line = format!(
        "evtctl publish shipments --create --file {}",
        shell_quote(&file.display().to_string())
    );
    step(
        printer,
        "Avro: JSON events encoded with schemas/order-shipped (the topic's route), framed with the version's schema id",
        &line,
    )?;
    let Command::Publish(p) = parse(&line)? else {
        unreachable!()
    };
    let mut plan = publish::Plan::from_args(&p)?;
    plan.resolve_schemas(&p, Some(reg.clone()))?;
    publish::run(
        &plan,
        publish::Input::File(file),
        settings,
        Some(&reg),
        printer,
        cancel,
    )?;
    for (title, line) in [
        (
            "Read them back decoded (the schema that wrote each one is named)",
            "evtctl tail shipments --from beginning --until end --count 2",
        ),
        (
            "Filters see the decoded values",
            "evtctl tail shipments --from beginning --until end --filter '.value.total.cents > 5000' --format '%s\\n'",
        ),
    ] {
        step(printer, title, line)?;
        let Command::Tail(t) = parse(line)? else {
            unreachable!()
        };
        tail::run(&tail::Plan::from_args(&t)?, settings, Some(&reg), printer, cancel)?;
    }
    let check = "evtctl validate shipments";
    step(
        printer,
        "Validate the topic: each record decodes with the schema its id names",
        check,
    )?;
    let Command::Validate(v) = parse(check)? else {
        unreachable!()
    };
    validate::run(&v, settings, &reg, printer, cancel)?;

    // A breaking .avsc change: a symbol dropped from the status enum.
    let old = root.join("order-shipped").join("v2.avsc");
    let new = demo_dir()?.join("v3.avsc");
    let text = std::fs::read_to_string(&old)?;
    std::fs::write(
        &new,
        text.replace("[\"PACKED\", \"SHIPPED\"]", "[\"SHIPPED\"]"),
    )?;
    let line = format!(
        "evtctl compat --old {} --new {} --ref-root {}",
        shell_quote(&old.display().to_string()),
        shell_quote(&new.display().to_string()),
        shell_quote(&root.display().to_string())
    );
    step(
        printer,
        "Gate an Avro schema change in CI: dropping an enum symbol breaks BACKWARD",
        &line,
    )?;
    let Command::Compat(c) = parse(&line)? else {
        unreachable!()
    };
    let r = compat::run(&c, settings, printer, cancel);
    expect_failure(printer, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_command_lines_parse() {
        let Command::Tail(t) =
            parse("evtctl tail orders --filter '(.value.data.total | tonumber) > 100'").unwrap()
        else {
            panic!()
        };
        assert_eq!(
            t.filter.as_deref(),
            Some("(.value.data.total | tonumber) > 100")
        );
        assert_eq!(sample_orders(5).lines().count(), 5);
    }

    #[test]
    fn sample_shipments_encode_with_the_example_avro_subject() {
        let reg = Registry::open(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
            .unwrap();
        let s = reg.subject("order-shipped").unwrap();
        for line in sample_shipments(12).lines() {
            let event: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(reg.check(s, s.latest(), &event).unwrap().len(), 0, "{line}");
        }
    }

    #[test]
    fn printed_commands_are_shell_quoted_and_parse_back() {
        assert_eq!(shell_quote("orders"), "orders");
        assert_eq!(shell_quote("/tmp/a b.json"), "'/tmp/a b.json'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        let line = format!(
            "evtctl publish orders --type OrderPlaced {}",
            shell_quote(BAD_ORDER)
        );
        assert!(line.ends_with(&format!("'{BAD_ORDER}'")));
        let Command::Publish(p) = parse(&line).unwrap() else {
            panic!()
        };
        assert_eq!(p.event.as_deref(), Some(BAD_ORDER));
    }
}
