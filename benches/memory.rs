//! Peak memory of a generated dataset, indexed: builds 1,000,000 events (or
//! FAULTLINES_BENCH_EVENTS) in memory, or loads FAULTLINES_BENCH_DATA,
//! indexes them, and prints the RSS.
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
    // FAULTLINES_BENCH_DATA=DIR: load a dataset directory (e.g. one written by
    // `faultlines generate`) instead of generating in memory.
    let (api, what) = match std::env::var_os("FAULTLINES_BENCH_DATA") {
        Some(dir) => {
            let ds = faultlines_core::Dataset::from_dir(std::path::Path::new(&dir))
                .unwrap_or_else(|e| panic!("{}: {e}", dir.to_string_lossy()));
            let n = ds.events.len();
            (
                faultlines_core::Api::new(ds),
                format!("{n} events loaded from {}", dir.to_string_lossy()),
            )
        }
        None => (
            faultlines_core::Api::new(faultlines_geodata::generate::dataset(n, 7)),
            format!("{n} events generated in memory"),
        ),
    };
    let after = status_kib("VmRSS:");
    println!(
        "{what} and indexed: RSS {} MiB (process at start {} MiB), peak {} MiB",
        after / 1024,
        before / 1024,
        status_kib("VmHWM:") / 1024
    );
    std::hint::black_box(api.info());
}
