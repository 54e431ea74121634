//! `evtctl config show`: the effective settings and where each came from, secrets redacted.

use crate::config::Settings;
use crate::output::Printer;
use anyhow::Result;

pub fn show(settings: &Settings, printer: &mut Printer) -> Result<()> {
    let rows = settings.describe();
    if printer.is_json() {
        let items: Vec<_> = rows
            .iter()
            .map(|(k, v, src)| serde_json::json!({"setting": k, "value": v, "source": src}))
            .collect();
        printer.json(&items)?;
    } else {
        let mut t = crate::output::table::new(&["SETTING", "VALUE", "SOURCE"]);
        for (k, v, src) in rows {
            t.add_row(vec![k, v, src.to_string()]);
        }
        printer.line(&crate::output::table::render(&mut t))?;
    }
    printer.flush()
}
