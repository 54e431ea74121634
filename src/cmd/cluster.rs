//! `evtctl cluster`: the first thing to run against a new profile — cluster id, controller,
//! brokers (id, address, rack) and, with -v, each broker's API versions. Read-only.

use crate::config::Settings;
use crate::kafka::probe::{self, ClusterInfo};
use crate::output::sanitize::escape_line;
use crate::output::{table, Printer};
use anyhow::Result;

pub fn render(info: &ClusterInfo) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "cluster id  {}\ncontroller  {}\n\n",
        info.cluster_id
            .as_deref()
            .map_or("(unknown)".into(), |c| escape_line(c).into_owned()),
        info.controller
            .map_or("(unknown)".into(), |c| c.to_string())
    ));
    let mut t = table::new(&["BROKER", "ADDRESS", "RACK", ""]);
    for b in &info.brokers {
        t.add_row(vec![
            b.id.to_string(),
            format!("{}:{}", escape_line(&b.host), b.port),
            b.rack
                .as_deref()
                .map_or("-".into(), |r| escape_line(r).into_owned()),
            if info.controller == Some(b.id) {
                "controller".into()
            } else {
                String::new()
            },
        ]);
    }
    table::right_align(&mut t, &[0]);
    s.push_str(&table::render(&mut t));
    s.push('\n');
    for b in &info.brokers {
        if let Some(v) = &b.api_versions {
            s.push_str(&format!("\nbroker {} API versions\n", b.id));
            let mut t = table::new(&["KEY", "API", "MIN", "MAX"]);
            for a in v {
                t.add_row(vec![
                    a.key.to_string(),
                    a.name.to_string(),
                    a.min.to_string(),
                    a.max.to_string(),
                ]);
            }
            table::right_align(&mut t, &[0, 2, 3]);
            s.push_str(&table::render(&mut t));
            s.push('\n');
        } else if let Some(e) = &b.api_versions_error {
            s.push_str(&format!(
                "\nbroker {} API versions: {}\n",
                b.id,
                escape_line(e)
            ));
        }
    }
    s
}

pub fn run(settings: &Settings, printer: &mut Printer) -> Result<()> {
    let info = probe::describe(settings, settings.verbose > 0)?;
    if printer.is_json() {
        printer.json(&info)?;
    } else {
        printer.write(render(&info).as_bytes())?;
        for n in &info.notes {
            printer.info(format!("note: {n}"));
        }
    }
    printer.flush()
}
