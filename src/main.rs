// Validation and envelope encoding allocate many small JSON values; mimalloc handles that
// pattern markedly faster than the system allocator (measured: bench/validate.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(evtctl::main());
}
