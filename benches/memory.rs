//! Peak memory of a generated dataset, indexed: builds 1,000,000 events (or
//! FAULTLINES_BENCH_EVENTS) in memory, indexes them, and prints the RSS.
//! Run with `cargo bench --bench memory`.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
fn hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
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
    let before = rss_kib();
    let api = faultlines::Api::new(faultlines::generate::dataset(n, 7));
    let after = rss_kib();
    println!(
        "{n} events indexed: RSS {} MiB (process at start {} MiB), peak {} MiB",
        after / 1024,
        before / 1024,
        hwm_kib() / 1024
    );
    std::hint::black_box(api.info());
}
