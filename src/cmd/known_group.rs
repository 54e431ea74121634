//! Whether a group named on the command line exists (`groups describe`, `tail --from group:`):
//! a typo must fail the command, not report an empty group or read from the default position.

use crate::config::Settings;
use crate::error::ProblemsFound;
use crate::kafka::admin::Admin;
use crate::kafka::groups::{Described, Listing};
use crate::kafka::reader;
use crate::output::sanitize::escape_line;
use anyhow::Result;

/// How many group names a "not found" error lists.
const KNOWN_SHOWN: usize = 10;

/// The error for a group the cluster does not know: the known names closest to it first,
/// capped and escaped (group names are anyone's to choose).
fn not_found(group: &str, known: Option<&[String]>) -> anyhow::Error {
    let group_shown = escape_line(group);
    let msg = match known {
        None => format!(
            "group `{group_shown}` not found: it has no committed offset on any topic, and this \
             broker cannot list groups (a group whose consumers have committed nothing yet looks \
             the same)"
        ),
        Some([]) => format!("group `{group_shown}` not found (the cluster has no groups)"),
        Some(names) => {
            let mut names: Vec<&String> = names.iter().collect();
            names.sort_by_cached_key(|n| (strsim::levenshtein(group, n), n.to_string()));
            let mut list: Vec<String> = names
                .iter()
                .take(KNOWN_SHOWN)
                .map(|n| format!("`{}`", escape_line(n)))
                .collect();
            if names.len() > KNOWN_SHOWN {
                list.push(format!("and {} more", names.len() - KNOWN_SHOWN));
            }
            format!(
                "group `{group_shown}` not found (known: {})",
                list.join(", ")
            )
        }
    };
    ProblemsFound(msg).into()
}

/// Fail (exit 1) unless `group` is there to describe: the broker names members of it, or it
/// has a committed offset on some partition. That is all a broker can tell: some list a group
/// nobody asked about once it was looked up (an offset fetch), and some (the embedded one)
/// cannot list groups at all, so there committed offsets alone decide and a group with commits
/// and no members exists.
pub fn require(admin: &Admin, settings: &Settings, group: &str) -> Result<()> {
    let listed = match admin.describe_group(group)? {
        Described::Known(d) if !d.members.is_empty() => return Ok(()),
        Described::Known(d) => Some(d.state),
        Described::NotListed | Described::Unknown(_) => None,
    };
    let topics: Vec<(String, Vec<i32>)> = admin
        .topics(None, false)?
        .into_iter()
        .filter(|t| !t.topic.starts_with("__"))
        .map(|t| (t.topic, t.partitions.iter().map(|p| p.partition).collect()))
        .collect();
    if !reader::committed(settings, group, &topics)?.is_empty() {
        return Ok(());
    }
    if let Some(state) = listed {
        return Err(ProblemsFound(format!(
            "group `{}` not found: it has no members and no committed offsets (the broker lists \
             it, state `{}`)",
            escape_line(group),
            escape_line(&state)
        ))
        .into());
    }
    Err(match admin.list_groups()? {
        Listing::Groups(all) => {
            let names: Vec<String> = all
                .into_iter()
                .map(|g| g.group)
                .filter(|g| g != group)
                .collect();
            not_found(group, Some(&names))
        }
        Listing::Unknown(_) => not_found(group, None),
    })
}

/// "t/0, t/3 and 5 more": partitions named in a warning, capped.
pub fn partition_list(parts: &[(String, i32)]) -> String {
    const SHOWN: usize = 10;
    let mut list: Vec<String> = parts
        .iter()
        .take(SHOWN)
        .map(|(t, p)| format!("{}/{p}", escape_line(t)))
        .collect();
    if parts.len() > SHOWN {
        list.push(format!("and {} more", parts.len() - SHOWN));
    }
    list.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_names_the_closest_groups_first_capped_and_escaped() {
        let mut names: Vec<String> = (0..30).map(|i| format!("service-{i:02}")).collect();
        names.push("NoSuchGroup".into());
        names.push("evil\x1b[31m\u{202e}".into());
        let msg = not_found("NoSuchGrop", Some(&names)).to_string();
        assert!(
            msg.starts_with("group `NoSuchGrop` not found (known: `NoSuchGroup`, "),
            "{msg}"
        );
        assert!(msg.ends_with(", and 22 more)"), "{msg}");
        assert!(!msg.contains('\x1b') && !msg.contains('\u{202e}'), "{msg}");
        let msg = not_found("x\x07", Some(&["evil\x1b[2J".to_string()])).to_string();
        assert!(!msg.contains('\x1b') && !msg.contains('\x07'), "{msg}");
        assert!(not_found("g", None)
            .to_string()
            .contains("cannot list groups"));
        assert!(not_found("g", Some(&[])).to_string().contains("no groups"));
        let e = not_found("g", None);
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Problems);
    }

    #[test]
    fn partition_lists_are_capped() {
        let parts: Vec<(String, i32)> = (0..12).map(|p| ("t".to_string(), p)).collect();
        assert_eq!(partition_list(&parts[..2]), "t/0, t/1");
        assert!(partition_list(&parts).ends_with("t/9, and 2 more"));
    }
}
