//! Dead-letter queues: where a dead-lettered record came from and why it failed, whatever
//! framework wrote it, and what to strip from it when it goes back.

pub mod origin;

use crate::config::Settings;
use anyhow::Result;
use origin::{is_dlq_header, CustomConvention, REDRIVE_AT, REDRIVE_COUNT, REDRIVE_ORIGIN};

/// The in-house conventions in force: the profile's, then the registry's (when there is one).
pub fn conventions(settings: &Settings) -> Result<Vec<CustomConvention>> {
    let mut all = settings.dlq_conventions.clone();
    if let Some(reg) = crate::open_registry_if_present(settings)? {
        all.extend(reg.dlq_conventions.iter().cloned());
    }
    Ok(all)
}

/// Does a redrive drop this header? Every DLQ framework's failure headers (built-in and
/// declared conventions), and evtctl's own redrive headers, which it writes afresh.
pub fn stripped(name: &str, custom: &[CustomConvention]) -> bool {
    is_dlq_header(name)
        || [REDRIVE_COUNT, REDRIVE_ORIGIN, REDRIVE_AT].contains(&name)
        || custom.iter().any(|c| c.headers().any(|h| h == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_failure_headers_and_keeps_business_ones() {
        let acme = CustomConvention {
            name: "acme".into(),
            detect: "x-acme-failed-topic".into(),
            error_class: Some("x-acme-error".into()),
            ..CustomConvention::default()
        };
        let custom = [acme];
        assert!(stripped("__connect.errors.exception.message", &custom));
        assert!(stripped("kafka_dlt-exception-fqcn", &custom));
        assert!(stripped("x-acme-error", &custom));
        assert!(stripped(REDRIVE_COUNT, &custom));
        assert!(!stripped("traceparent", &custom));
        assert!(!stripped("tenant", &custom));
    }
}
