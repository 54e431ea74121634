//! In-house dead-letter header conventions as teams declare them (`[dlq.conventions.NAME]` in
//! registry.toml or a config profile): data only, read by serde wherever the table appears, so
//! the registry and the config need nothing from `dlq`, which decodes headers with them (see
//! `crate::dlq::conventions` for the ones in force).

/// A team's in-house convention, declared as `[dlq.conventions.NAME]` in registry.toml or a
/// profile: each field names the header that carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustomConvention {
    /// The table's name (filled in by `DlqConfig::conventions`).
    #[serde(skip)]
    pub name: String,
    /// header whose presence identifies the convention
    pub detect: String,
    pub topic: Option<String>,
    pub partition: Option<String>,
    pub offset: Option<String>,
    pub timestamp: Option<String>,
    pub error_class: Option<String>,
    pub error_message: Option<String>,
    pub stack_trace: Option<String>,
    pub group: Option<String>,
    pub attempts: Option<String>,
    /// numbers big-endian binary instead of decimal strings
    pub binary: bool,
    /// repeated headers: first is newest (like SmallRye) instead of last
    pub newest_first: bool,
}

/// The `[dlq]` table of registry.toml or a profile.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DlqConfig {
    #[serde(default)]
    conventions: std::collections::BTreeMap<String, CustomConvention>,
}

impl DlqConfig {
    pub fn conventions(&self) -> Vec<CustomConvention> {
        self.conventions
            .iter()
            .map(|(name, c)| CustomConvention {
                name: name.clone(),
                ..c.clone()
            })
            .collect()
    }
}

impl CustomConvention {
    /// The headers this convention writes (stripped when redriving, like the built-in ones).
    pub fn headers(&self) -> impl Iterator<Item = &str> {
        [
            Some(&self.detect),
            self.topic.as_ref(),
            self.partition.as_ref(),
            self.offset.as_ref(),
            self.timestamp.as_ref(),
            self.error_class.as_ref(),
            self.error_message.as_ref(),
            self.stack_trace.as_ref(),
            self.group.as_ref(),
            self.attempts.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
    }
}
