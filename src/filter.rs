//! `--filter`: jq expressions over the record envelope, run by jaq (a maintained jq
//! implementation). A record is kept when the expression yields a value other than false/null.

use crate::error::usage;
use anyhow::Result;
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Native, RcIter};
use jaq_json::Val;

pub struct Filter {
    filter: jaq_core::Filter<Native<Val>>,
    source: String,
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Filter({:?})", self.source)
    }
}

impl Filter {
    pub fn compile(code: &str) -> Result<Filter> {
        let loader = Loader::new(jaq_std::defs().chain(jaq_json::defs()));
        let arena = Arena::default();
        let modules = loader
            .load(&arena, File { code, path: () })
            .map_err(|errs| {
                usage(format!(
                    "--filter `{code}`: cannot parse ({})",
                    describe_load(&errs)
                ))
            })?;
        let filter = Compiler::default()
            .with_funs(jaq_std::funs().chain(jaq_json::funs()))
            .compile(modules)
            .map_err(|errs| {
                let names: Vec<String> = errs
                    .iter()
                    .flat_map(|(_, es)| es.iter().map(|(name, _)| format!("unknown `{name}`")))
                    .collect();
                usage(format!("--filter `{code}`: {}", names.join(", ")))
            })?;
        Ok(Filter {
            filter,
            source: code.to_string(),
        })
    }

    /// Run over one envelope; true when some output is truthy.
    pub fn matches(&self, envelope: serde_json::Value) -> Result<bool> {
        let inputs = RcIter::new(core::iter::empty());
        let out = self
            .filter
            .run((Ctx::new([], &inputs), Val::from(envelope)));
        for v in out {
            match v {
                Ok(v) => {
                    if jaq_core::ValT::as_bool(&v) {
                        return Ok(true);
                    }
                }
                Err(e) => return Err(anyhow::anyhow!("{e}")),
            }
        }
        Ok(false)
    }
}

/// `--transform`: a jq expression over the record envelope that yields the record to send.
/// Key, value and headers may change; topic, partition and offset may not (they say where the
/// record came from). It must yield exactly one object.
pub struct Transform {
    filter: Filter,
}

impl std::fmt::Debug for Transform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Transform({:?})", self.filter.source)
    }
}

impl Transform {
    pub fn compile(code: &str) -> Result<Transform> {
        let filter = Filter::compile(code).map_err(|e| {
            usage(
                e.to_string()
                    .replacen("--filter", "--transform", 1)
                    .to_string(),
            )
        })?;
        Ok(Transform { filter })
    }

    /// The record to send in place of `before` (an envelope as `RecordView::to_json_value`
    /// makes it). The error says what went wrong, not where: the caller knows the position.
    pub fn apply(&self, before: &serde_json::Value) -> Result<crate::record::Record> {
        let inputs = RcIter::new(core::iter::empty());
        let mut out = self
            .filter
            .filter
            .run((Ctx::new([], &inputs), Val::from(before.clone())));
        let first = match out.next() {
            None => anyhow::bail!("the transform yielded nothing"),
            Some(Err(e)) => anyhow::bail!("the transform failed: {e}"),
            Some(Ok(v)) => v,
        };
        if out.next().is_some() {
            anyhow::bail!("the transform yielded more than one value");
        }
        let after: serde_json::Value = serde_json::Value::from(first);
        let serde_json::Value::Object(obj) = &after else {
            anyhow::bail!("the transform yielded {after}, not a record envelope (an object)");
        };
        for field in ["topic", "partition", "offset"] {
            if let Some(v) = obj.get(field) {
                if Some(v) != before.get(field) {
                    anyhow::bail!("the transform changed `{field}` (to {v}), which it may not");
                }
            }
        }
        crate::record::Record::from_envelope(&after.to_string())
            .map_err(|e| anyhow::anyhow!("the transform yielded an invalid envelope: {e:#}"))
    }
}

fn describe_load<P>(errs: &[(File<&str, P>, jaq_core::load::Error<&str>)]) -> String {
    use jaq_core::load::Error;
    let near = |at: &str| at.chars().take(16).collect::<String>();
    errs.iter()
        .flat_map(|(_, e)| match e {
            Error::Io(es) => es
                .iter()
                .map(|(path, msg)| format!("cannot load {path}: {msg}"))
                .collect::<Vec<_>>(),
            Error::Lex(es) => es
                .iter()
                .map(|(exp, at)| format!("expected {} near `{}`", exp.as_str(), near(at)))
                .collect(),
            Error::Parse(es) => es
                .iter()
                .map(|(exp, at)| format!("expected {} near `{}`", exp.as_str(), near(at)))
                .collect(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_truthy() {
        let f = Filter::compile(".value.total > 100").unwrap();
        assert!(f.matches(json!({"value": {"total": 150}})).unwrap());
        assert!(!f.matches(json!({"value": {"total": 50}})).unwrap());
        let f = Filter::compile(r#"select(.headers[] | .name == "traceparent")"#).unwrap();
        assert!(f
            .matches(json!({"headers": [{"name": "traceparent", "value": "x"}]}))
            .unwrap());
        assert!(!f.matches(json!({"headers": []})).unwrap());
    }

    #[test]
    fn transforms_change_payloads_not_positions() {
        let before = json!({"topic": "t", "partition": 1, "offset": 7, "key": "k",
            "headers": [{"name": "h", "value": "v"}], "value": {"total": "12.5"}});
        let t = Transform::compile(".value.total |= tonumber").unwrap();
        let r = t.apply(&before).unwrap();
        assert_eq!(r.value.as_deref(), Some(&br#"{"total":12.5}"#[..]));
        assert_eq!(r.key.as_deref(), Some(&b"k"[..]));
        assert_eq!(r.headers.len(), 1);
        let t = Transform::compile(".headers += [{name: \"fixed\", value: \"yes\"}] | .key = null")
            .unwrap();
        let r = t.apply(&before).unwrap();
        assert_eq!(r.headers.len(), 2);
        assert_eq!(r.key, None);
        for (code, why) in [
            (".partition = 2", "changed `partition`"),
            ("empty", "yielded nothing"),
            (".value, .value", "more than one"),
            (".value.total", "not a record envelope"),
            (".value.total | tonumber | error", "failed"),
        ] {
            let e = Transform::compile(code)
                .unwrap()
                .apply(&before)
                .unwrap_err()
                .to_string();
            assert!(e.contains(why), "{code}: {e}");
        }
        let e = Transform::compile(".value |||").unwrap_err().to_string();
        assert!(e.starts_with("--transform"), "{e}");
    }

    #[test]
    fn bad_expressions_are_usage_errors() {
        let e = Filter::compile(".value |||").unwrap_err();
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
        let e = Filter::compile("nosuchfn(1)").unwrap_err().to_string();
        assert!(e.contains("nosuchfn"), "{e}");
    }
}
