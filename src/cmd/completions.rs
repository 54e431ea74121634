//! `evtctl completions SHELL`: print a completion script. The checked-in copies in
//! `completions/` are kept fresh by a test.

use crate::cli::{Cli, NameKind};
use crate::config::Settings;
use crate::kafka::admin::Admin;
use crate::kafka::groups::Listing;
use crate::output::Printer;
use clap::CommandFactory;
use clap_complete::Shell;

pub fn generate(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "evtctl", &mut out);
    match shell {
        Shell::Bash => out.extend_from_slice(BASH_NAMES.as_bytes()),
        Shell::Fish => out.extend_from_slice(FISH_NAMES.as_bytes()),
        _ => {}
    }
    out
}

/// `evtctl complete-names topics|groups`: the names, one a line, asked of the cluster with a
/// `--timeout` of at most 2 s; on any failure (no cluster, no such API) nothing at all.
pub fn names(kind: NameKind, settings: Option<Settings>, printer: &mut Printer) {
    let Some(mut settings) = settings else { return };
    settings.timeout = settings.timeout.min(std::time::Duration::from_secs(2));
    let found = Admin::connect(&settings).and_then(|admin| match kind {
        NameKind::Topics => admin.topic_names(),
        NameKind::Groups => match admin.list_groups()? {
            Listing::Groups(g) => Ok(g.into_iter().map(|g| g.group).collect()),
            Listing::Unknown(_) => Ok(Vec::new()),
        },
    });
    let Ok(names) = found else { return };
    for n in names {
        // A name a shell would split or mangle is left out rather than offered escaped.
        if !n.is_empty() && n.chars().all(|c| c.is_ascii_graphic()) {
            let _ = printer.line(&n);
        }
    }
    let _ = printer.flush();
}

/// Topic and group names for bash, from the cluster (`evtctl complete-names`), where a command
/// takes one: the word after --topic, --from-topic, --group/-g, or the first word after the
/// command that is not an option. Cluster options on the line are passed along.
const BASH_NAMES: &str = r#"
_evtctl_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    _evtctl "$@"
    local kind="" i w path="" conn=() positional=0 skip=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${COMP_WORDS[i]}"
        if ((skip)); then skip=0; continue; fi
        case "$w" in
            -b|--brokers|--profile|-X) conn+=("$w" "${COMP_WORDS[i+1]}"); skip=1 ;;
            -o|--output|--color|--timeout|--registry|--max-line-bytes) skip=1 ;;
            -*) ;;
            *) if [[ -z "$path" || "$path" == groups || "$path" == topics || "$path" == dlq ]] && ((positional == 0)) && [[ "$path" != *" "* ]]; then
                   path="${path:+$path }$w"
               else
                   positional=$((positional + 1))
               fi ;;
        esac
    done
    case "$prev" in
        --topic|--from-topic) kind=topics ;;
        --group|-g) kind=groups ;;
        *) if [[ "$cur" != -* && "$prev" != -* ]] && ((positional == 0)); then
               case "$path" in
                   publish|tail|count|validate|"topics describe"|"topics delete"|"topics alter"|"topics config"|"dlq stats"|"dlq drain"|"dlq redrive") kind=topics ;;
                   "groups describe"|"groups reset"|"groups skip"|"groups delete") kind=groups ;;
               esac
           fi ;;
    esac
    if [[ -n "$kind" ]]; then
        local names
        names="$(evtctl "${conn[@]}" complete-names "$kind" 2>/dev/null)"
        [[ -n "$names" ]] && COMPREPLY+=($(compgen -W "$names" -- "$cur"))
    fi
    return 0
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _evtctl_names -o nosort -o bashdefault -o default evtctl
else
    complete -F _evtctl_names -o bashdefault -o default evtctl
fi
"#;

/// The same for fish: the first argument of the commands that take a topic or a group, and
/// the values of --topic, --from-topic and --group.
const FISH_NAMES: &str = r#"
function __evtctl_names
    evtctl complete-names $argv[1] 2>/dev/null
end
for c in publish tail count validate
    complete -c evtctl -n "__fish_evtctl_using_subcommand $c" -f -a "(__evtctl_names topics)"
end
for c in describe delete alter config
    complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from $c" -f -a "(__evtctl_names topics)"
end
for c in stats drain redrive
    complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from $c" -f -a "(__evtctl_names topics)"
end
for c in describe reset skip delete
    complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from $c" -f -a "(__evtctl_names groups)"
end
complete -c evtctl -l topic -l from-topic -x -a "(__evtctl_names topics)"
complete -c evtctl -s g -l group -x -a "(__evtctl_names groups)"
"#;

/// The checked-in file for each shell.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "evtctl.bash",
        Shell::Zsh => "_evtctl",
        Shell::Fish => "evtctl.fish",
        Shell::PowerShell => "_evtctl.ps1",
        Shell::Elvish => "evtctl.elv",
        _ => "evtctl.unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regenerate with `UPDATE_COMPLETIONS=1 cargo test completions`.
    #[test]
    fn completions_are_fresh() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
        let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
        let mut stale = Vec::new();
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::PowerShell,
            Shell::Elvish,
        ] {
            let path = dir.join(file_name(shell));
            let fresh = generate(shell);
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &fresh).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(fresh.as_slice()) {
                stale.push(path.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale completions {stale:?}: run `UPDATE_COMPLETIONS=1 cargo test completions`"
        );
    }
}
