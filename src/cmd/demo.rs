//! `evtctl demo`: a guided tour on an embedded broker, using the same code as the commands,
//! printing each equivalent command line.

use crate::cli::{Cli, Command, DemoArgs, GlobalArgs};
use crate::cmd::{publish, tail, topics};
use crate::config::Settings;
use crate::kafka::embedded::EmbeddedBroker;
use crate::output::Printer;
use anyhow::{Context, Result};
use clap::Parser;
use std::sync::atomic::AtomicBool;

const CUSTOMERS: [&str; 3] = ["c-ada", "c-grace", "c-linus"];
const PRODUCTS: [(&str, f64); 4] = [
    ("book", 12.5),
    ("lamp", 49.0),
    ("desk", 310.0),
    ("pen", 2.25),
];

/// Sample OrderPlaced payloads.
pub fn sample_orders(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let (sku, price) = PRODUCTS[i % PRODUCTS.len()];
        let qty = 1 + (i % 3) as u32;
        let order = serde_json::json!({
            "orderId": format!("o-{}", 1001 + i),
            "customerId": CUSTOMERS[i % CUSTOMERS.len()],
            "items": [{"sku": sku, "quantity": qty, "unitPrice": price}],
            "total": price * qty as f64,
            "currency": "EUR",
        });
        out.push_str(&order.to_string());
        out.push('\n');
    }
    out
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

    let file =
        std::env::temp_dir().join(format!("evtctl-demo-orders-{}.jsonl", std::process::id()));
    std::fs::write(&file, sample_orders(args.events))
        .context("writing the demo's sample events")?;
    let publish_line = format!(
        "evtctl publish orders --file {} --key-field /orderId --type OrderPlaced",
        file.display()
    );
    step(
        printer,
        "Publish order events (keyed by order id, wrapped as CloudEvents with a traceparent)",
        &publish_line,
    )?;
    let Command::Publish(p) = parse(&publish_line)? else {
        unreachable!()
    };
    let plan = publish::Plan::from_args(&p)?;
    let result = publish::run(
        &plan,
        publish::Input::File(file.clone()),
        &settings,
        printer,
        cancel,
    );
    let _ = std::fs::remove_file(&file);
    result?;

    for (title, line) in [
        (
            "Read them back, stopping at the end offsets captured at start",
            "evtctl tail orders --from beginning --until end",
        ),
        (
            "Only the big orders, with a jq filter over the record envelope",
            "evtctl tail orders --from beginning --until end --filter '.value.data.total > 100'",
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
        tail::run(&tail::Plan::from_args(&t)?, &settings, printer, cancel)?;
    }

    let list = "evtctl topics";
    step(printer, "List topics with their watermarks", list)?;
    topics::run(
        &crate::cli::TopicsCommand::List { all: false },
        &settings,
        printer,
    )?;

    printer.line(&format!(
        "\n{b}Next:{b:#} run `evtctl dev broker` in one terminal, then try these commands in another \
         (add `-o json` for JSON Lines).\n"
    ))?;
    printer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_command_lines_parse() {
        let Command::Tail(t) =
            parse("evtctl tail orders --filter '.value.data.total > 100'").unwrap()
        else {
            panic!()
        };
        assert_eq!(t.filter.as_deref(), Some(".value.data.total > 100"));
        assert_eq!(sample_orders(5).lines().count(), 5);
    }
}
