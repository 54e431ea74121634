// Validation and envelope encoding allocate many small JSON values; mimalloc handles that
// pattern markedly faster than the system allocator (measured: bench/validate.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Whether fd 1 is open, asked before `main`: the Rust runtime reopens a closed fd 0, 1 or 2 as
/// `/dev/null` (read-write) before `main` runs, after which a closed stdout cannot be told from
/// `1<>/dev/null` or a service manager's /dev/null. The C runtime runs `.init_array` entries
/// before that, so this one sees fd 1 exactly as evtctl was started with it.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // a `link_section` static, and one fcntl(2) that reads a flag of fd 1
#[used]
#[link_section = ".init_array"]
static PROBE_STDOUT: extern "C" fn() = {
    extern "C" fn probe() {
        // SAFETY: F_GETFD on a fixed descriptor number reads its flags and touches no memory;
        // on a closed descriptor it fails with EBADF.
        let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
        evtctl::output::note_stdout_closed_at_start(closed);
    }
    probe
};

fn main() {
    std::process::exit(evtctl::main());
}
