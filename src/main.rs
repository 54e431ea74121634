fn main() {
    std::process::exit(evtctl::run());
}
