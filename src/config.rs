//! Effective settings: flag > environment > profile > default, with secrets redacted on display.
//!
//! The config file (`~/.config/evtctl/config.toml`, or `$EVTCTL_CONFIG`) holds profiles:
//!
//! ```toml
//! default_profile = "local"
//! [profiles.prod]
//! brokers = "b-1.example:9096"
//! registry = "/srv/schemas"
//! [profiles.prod.properties]
//! "security.protocol" = "SASL_SSL"
//! "sasl.mechanism" = "SCRAM-SHA-512"
//! "sasl.username" = "svc-evtctl"
//! "sasl.password" = "env:KAFKA_PASSWORD"   # read from the environment at start
//! ```

use crate::cli::GlobalArgs;
use crate::error::usage;
use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub const DEFAULT_BROKERS: &str = "localhost:9092";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    default_profile: Option<String>,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub brokers: Option<String>,
    pub registry: Option<PathBuf>,
    #[serde(default)]
    pub properties: BTreeMap<String, String>,
    /// In-house dead-letter header conventions.
    #[serde(default)]
    pub dlq: crate::conventions::DlqConfig,
}

/// Where a setting's value came from, for `config show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    Profile,
    /// The config file's `default_profile`.
    File,
    Default,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::Profile => "profile",
            Source::File => "file",
            Source::Default => "default",
        }
    }
}

/// Where clap found the global options that have an environment variable or a default
/// (`None`: not given at all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Given {
    pub brokers: Option<Source>,
    pub profile: Option<Source>,
    pub timeout: Option<Source>,
}

/// Settings every command uses to reach the cluster.
#[derive(Debug, Clone)]
pub struct Settings {
    pub brokers: String,
    pub brokers_source: Source,
    pub profile: Option<String>,
    pub profile_source: Source,
    pub config_path: PathBuf,
    pub config_source: Source,
    /// The schema registry directory, if set by flag, env or profile (default `./schemas`).
    pub registry: Option<PathBuf>,
    pub registry_source: Source,
    pub timeout_source: Source,
    /// librdkafka properties: profile first, then -X (later wins).
    pub properties: Vec<(String, String, Source)>,
    pub timeout: std::time::Duration,
    pub verbose: u8,
    /// DLQ conventions declared in the profile.
    pub dlq_conventions: Vec<crate::conventions::CustomConvention>,
}

pub fn config_path() -> PathBuf {
    config_path_and_source().0
}

fn config_path_and_source() -> (PathBuf, Source) {
    if let Some(p) = std::env::var_os("EVTCTL_CONFIG") {
        return (PathBuf::from(p), Source::Env);
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .unwrap_or_else(|| PathBuf::from("."));
    (base.join("evtctl").join("config.toml"), Source::Default)
}

fn load_file(path: &PathBuf) -> Result<ConfigFile> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            toml::from_str(&text).map_err(|e| usage(format!("{}: {}", path.display(), e.message())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// Split `key=value`; the error names the flag.
pub fn split_kv(s: &str, what: &str) -> Result<(String, String)> {
    match s.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(usage(format!("{what} `{s}` must look like key=value"))),
    }
}

/// `env:NAME` values are read from the environment, so secrets need not sit in the file.
fn resolve_secret(key: &str, value: &str) -> Result<String> {
    match value.strip_prefix("env:") {
        Some(var) => std::env::var(var).map_err(|_| {
            usage(format!(
                "property `{key}` refers to environment variable {var}, which is not set"
            ))
        }),
        None => Ok(value.to_string()),
    }
}

/// Does this property hold a secret? Matches librdkafka's password, secret and key material names.
pub fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    [
        "password",
        "secret",
        "token",
        "jaas",
        "credentials",
        "oauthbearer.config",
    ]
    .iter()
    .any(|s| k.contains(s))
        || (k.ends_with(".pem") && !k.ends_with("location"))
        || k == "ssl.key.pem"
        || k == "ssl_key"
}

/// Properties whose values are plain settings, safe to quote in a message. Any other key's
/// value (a misspelt `sasl.pasword` too) is treated as possibly secret.
const PLAIN_KEYS: &[&str] = &[
    "bootstrap.servers",
    "metadata.broker.list",
    "security.protocol",
    "sasl.mechanism",
    "sasl.mechanisms",
    "sasl.username",
    "client.id",
    "group.id",
    "acks",
    "compression.type",
    "compression.codec",
    "debug",
    "ssl.ca.location",
    "ssl.certificate.location",
    "ssl.key.location",
    "ssl.endpoint.identification.algorithm",
    "enable.ssl.certificate.verification",
    "client.rack",
    "isolation.level",
    "auto.offset.reset",
    "api.version.request",
    "broker.address.family",
];

/// Values never to print: set once when the settings are resolved, applied by [`scrub`] to
/// every error, warning and librdkafka log line.
static SECRETS: std::sync::RwLock<Vec<String>> = std::sync::RwLock::new(Vec::new());

/// Remember `value` as a secret, so no message shows it.
pub fn register_secret(value: &str) {
    if value.is_empty() {
        return;
    }
    if let Ok(mut s) = SECRETS.write() {
        if !s.iter().any(|v| v == value) {
            s.push(value.to_string());
            // Longest first, so a secret containing another is replaced whole.
            s.sort_by_key(|v| std::cmp::Reverse(v.len()));
        }
    }
}

fn register_property(key: &str, value: &str, from_env: bool) {
    let plain = PLAIN_KEYS.contains(&key.to_ascii_lowercase().as_str());
    if is_secret(key) || from_env || (!plain && value.len() >= 4) {
        register_secret(value);
    }
}

/// `msg` with every registered secret replaced by `***`.
pub fn scrub(msg: &str) -> std::borrow::Cow<'_, str> {
    let Ok(secrets) = SECRETS.read() else {
        return msg.into();
    };
    if !secrets.iter().any(|s| msg.contains(s.as_str())) {
        return msg.into();
    }
    let mut out = msg.to_string();
    for s in secrets.iter() {
        out = out.replace(s.as_str(), "***");
    }
    out.into()
}

pub fn redact(key: &str, value: &str) -> String {
    let registered = SECRETS.read().is_ok_and(|s| s.iter().any(|v| v == value));
    if is_secret(key) || registered {
        "***".to_string()
    } else {
        value.to_string()
    }
}

impl Settings {
    /// Build from the parsed flags; `given` tells clap's env fallback apart from a flag.
    pub fn resolve(g: &GlobalArgs, given: Given) -> Result<Settings> {
        let (config_path, config_source) = config_path_and_source();
        let file = load_file(&config_path)?;
        let (profile_name, profile_source) = match (&g.profile, &file.default_profile) {
            (Some(p), _) => (Some(p.clone()), given.profile.unwrap_or(Source::Flag)),
            (None, Some(p)) => (Some(p.clone()), Source::File),
            (None, None) => (None, Source::Default),
        };
        let profile = match &profile_name {
            None => Profile::default(),
            Some(name) => file.profiles.get(name).cloned().ok_or_else(|| {
                let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
                usage(format!(
                    "profile `{name}` not found in {} (known: {})",
                    config_path.display(),
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ))
            })?,
        };
        let (brokers, brokers_source) = match (&g.brokers, &profile.brokers) {
            (Some(b), _) => (b.clone(), given.brokers.unwrap_or(Source::Flag)),
            (None, Some(b)) => (b.clone(), Source::Profile),
            (None, None) => (DEFAULT_BROKERS.to_string(), Source::Default),
        };
        let mut properties = Vec::new();
        for (k, v) in &profile.properties {
            let resolved = resolve_secret(k, v)?;
            register_property(k, &resolved, v.starts_with("env:"));
            properties.push((k.clone(), resolved, Source::Profile));
        }
        for kv in &g.properties {
            let (k, v) = split_kv(kv, "-X")?;
            register_property(&k, &v, false);
            properties.push((k, v, Source::Flag));
        }
        let (registry, registry_source) = match (
            &g.registry,
            std::env::var_os("EVTCTL_REGISTRY"),
            &profile.registry,
        ) {
            (Some(r), _, _) => (Some(r.clone()), Source::Flag),
            (None, Some(r), _) => (Some(PathBuf::from(r)), Source::Env),
            (None, None, Some(r)) => (Some(r.clone()), Source::Profile),
            (None, None, None) => (None, Source::Default),
        };
        Ok(Settings {
            dlq_conventions: profile.dlq.conventions(),
            brokers,
            brokers_source,
            profile: profile_name,
            profile_source,
            config_path,
            config_source,
            registry,
            registry_source,
            timeout_source: given.timeout.unwrap_or(Source::Default),
            properties,
            timeout: g.timeout,
            verbose: g.verbose,
        })
    }

    /// Settings for a broker we started ourselves: no profile, no passthrough properties.
    pub fn local(brokers: &str, g: &GlobalArgs) -> Settings {
        Settings {
            brokers: brokers.to_string(),
            brokers_source: Source::Default,
            profile: None,
            profile_source: Source::Default,
            config_path: config_path(),
            config_source: config_path_and_source().1,
            registry: g.registry.clone(),
            registry_source: if g.registry.is_some() {
                Source::Flag
            } else {
                Source::Default
            },
            timeout_source: Source::Default,
            properties: Vec::new(),
            timeout: g.timeout,
            verbose: g.verbose,
            dlq_conventions: Vec::new(),
        }
    }

    /// The registry directory to use.
    pub fn registry_dir(&self) -> PathBuf {
        self.registry
            .clone()
            .unwrap_or_else(|| PathBuf::from("schemas"))
    }

    /// Lines for `config show`, secrets redacted.
    pub fn describe(&self) -> Vec<(String, String, &'static str)> {
        let mut rows = vec![
            (
                "brokers".to_string(),
                self.brokers.clone(),
                self.brokers_source.as_str(),
            ),
            (
                "profile".to_string(),
                self.profile.clone().unwrap_or_else(|| "(none)".into()),
                self.profile_source.as_str(),
            ),
            (
                "config file".to_string(),
                self.config_path.display().to_string(),
                self.config_source.as_str(),
            ),
            (
                "timeout".to_string(),
                humantime::format_duration(self.timeout).to_string(),
                self.timeout_source.as_str(),
            ),
            (
                "registry".to_string(),
                self.registry_dir().display().to_string(),
                self.registry_source.as_str(),
            ),
        ];
        for (k, v, src) in &self.properties {
            rows.push((format!("-X {k}"), redact(k, v), src.as_str()));
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognised() {
        for k in [
            "sasl.password",
            "ssl.key.password",
            "sasl.oauthbearer.client.secret",
            "ssl.keystore.password",
            "sasl.oauthbearer.config",
            "ssl.key.pem",
        ] {
            assert!(is_secret(k), "{k}");
        }
        assert!(!is_secret("sasl.username"));
        assert!(!is_secret("ssl.key.location"));
        assert_eq!(redact("sasl.password", "hunter2"), "***");
    }

    #[test]
    fn scrub_hides_secret_and_unknown_values_but_not_plain_ones() {
        register_property("sasl.password", "hunter2-canary", false);
        register_property("sasl.pasword", "typo-canary", false);
        register_property("sasl.username", "alice-plain", false);
        register_property("some.key", "env-canary", true);
        let msg = "bad hunter2-canary typo-canary alice-plain env-canary";
        assert_eq!(scrub(msg), "bad *** *** alice-plain ***");
    }

    #[test]
    fn kv_parsing_names_the_flag() {
        assert_eq!(split_kv("a=b=c", "-X").unwrap(), ("a".into(), "b=c".into()));
        let e = split_kv("novalue", "-X").unwrap_err().to_string();
        assert!(e.contains("-X `novalue`"), "{e}");
    }

    #[test]
    fn profiles_declare_dlq_conventions() {
        let file: ConfigFile = toml::from_str(
            r#"
            [profiles.prod]
            brokers = "kafka:9092"
            [profiles.prod.dlq.conventions.acme]
            detect = "x-acme-topic"
            topic = "x-acme-topic"
            partition = "x-acme-partition"
            binary = true
            "#,
        )
        .unwrap();
        let c = file.profiles["prod"].dlq.conventions();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "acme");
        assert_eq!(c[0].partition.as_deref(), Some("x-acme-partition"));
        assert!(c[0].binary);
        let typo = toml::from_str::<ConfigFile>(
            "[profiles.p.dlq.conventions.x]\ndetect = \"a\"\ntopik = \"a\"\n",
        );
        assert!(typo.is_err(), "unknown fields are rejected");
    }
}
