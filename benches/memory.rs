//! Peak memory of a generated dataset, indexed: builds 1,000,000 events (or
//! FAULTLINES_BENCH_EVENTS) in memory, indexes them, and prints the RSS.
//! Run with `cargo bench --bench memory`.
/// A `/proc/self/status` field in KiB (VmRSS: now; VmHWM: the peak).
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let n = std::env::var("FAULTLINES_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let before = status_kib("VmRSS:");
    let api = faultlines::Api::new(faultlines::generate::dataset(n, 7));
    let after = status_kib("VmRSS:");
    println!(
        "{n} events indexed: RSS {} MiB (process at start {} MiB), peak {} MiB",
        after / 1024,
        before / 1024,
        status_kib("VmHWM:") / 1024
    );
    std::hint::black_box(api.info());
}
