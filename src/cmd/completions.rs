//! `evtctl completions SHELL`: print a completion script. The checked-in copies in
//! `completions/` are kept fresh by a test.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;

pub fn generate(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "evtctl", &mut out);
    out
}

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
