//! `evtctl dev broker`: an embedded Kafka-protocol broker in the foreground, until Ctrl-C.

use crate::cli::BrokerArgs;
use crate::error::usage;
use crate::kafka::embedded::EmbeddedBroker;
use crate::output::Printer;
use anyhow::Result;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Parse `NAME[:PARTITIONS]`.
pub fn parse_topic(spec: &str) -> Result<(String, i32)> {
    let (name, parts) = match spec.rsplit_once(':') {
        Some((n, p)) => (
            n,
            p.parse::<i32>().ok().filter(|p| *p > 0).ok_or_else(|| {
                usage(format!(
                    "--topic `{spec}`: `{p}` is not a positive partition count"
                ))
            })?,
        ),
        None => (spec, 1),
    };
    if name.is_empty() {
        return Err(usage(format!("--topic `{spec}`: the topic name is empty")));
    }
    Ok((name.to_string(), parts))
}

pub fn broker(args: &BrokerArgs, printer: &mut Printer, cancel: &'static AtomicBool) -> Result<()> {
    let topics: Vec<(String, i32)> = args
        .topics
        .iter()
        .map(|t| parse_topic(t))
        .collect::<Result<_>>()?;
    let broker = EmbeddedBroker::start(args.port)?;
    for (name, parts) in &topics {
        broker.create_topic(name, *parts)?;
    }
    printer.line(&broker.bootstrap)?;
    printer.flush()?;
    printer.info(format!(
        "embedded broker (librdkafka mock cluster) listening on {}{}; Ctrl-C to stop",
        broker.bootstrap,
        if topics.is_empty() {
            String::new()
        } else {
            format!(", topics: {}", args.topics.join(" "))
        }
    ));
    printer.info("note: it keeps data in memory, about 100k records or 5 MB per partition");
    if args.exit_on_stdin_eof {
        std::thread::spawn(move || {
            let mut sink = [0u8; 256];
            let mut stdin = std::io::stdin();
            while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
            cancel.store(true, Ordering::SeqCst);
        });
    }
    while !cancel.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
    }
    printer.info("embedded broker stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_specs() {
        assert_eq!(parse_topic("orders:6").unwrap(), ("orders".into(), 6));
        assert_eq!(parse_topic("orders").unwrap(), ("orders".into(), 1));
        assert!(parse_topic("orders:0").is_err());
        assert!(parse_topic(":3").is_err());
    }
}
