//! A bounded load test of the HTTP mode on loopback: 50 concurrent keep-alive
//! clients each send 400 `state_at` requests for random instants to a server
//! started in this process; prints latency percentiles and the error count.
//! Run with `cargo bench --bench http_load` (release build); results in
//! `docs/benchmarks.md`. Only 127.0.0.1 is ever contacted.
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

const CLIENTS: usize = 50;
const REQUESTS: usize = 400;

async fn client(addr: std::net::SocketAddr, seed: u64) -> (Vec<Duration>, usize) {
    let mut rng = faultlines_geodata::generate::Rng::new(seed);
    let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    let mut lat = Vec::with_capacity(REQUESTS);
    let mut errors = 0;
    for _ in 0..REQUESTS {
        let year = 1950 + (rng.f64() * 75.0) as i32;
        let month = 1 + rng.below(12);
        let req =
            format!("GET /api/state?at={year}-{month:02}-15 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        let t0 = Instant::now();
        w.write_all(req.as_bytes()).await.expect("write");
        let mut status = String::new();
        r.read_line(&mut status).await.expect("status");
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            r.read_line(&mut line).await.expect("header");
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; len];
        r.read_exact(&mut body).await.expect("body");
        lat.push(t0.elapsed());
        if !status.starts_with("HTTP/1.1 200") {
            errors += 1;
        }
    }
    (lat, errors)
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let api = Arc::new(faultlines_core::Api::new(faultlines_core::Dataset::embedded().unwrap()));
        let (tx, rx) = tokio::sync::oneshot::channel();
        tokio::spawn(faultlines::http::serve(api, "127.0.0.1:0".parse().unwrap(), None, move |a| {
            let _ = tx.send(a);
        }));
        let addr = rx.await.unwrap();
        let t0 = Instant::now();
        let tasks: Vec<_> = (0..CLIENTS).map(|i| tokio::spawn(client(addr, i as u64 + 1))).collect();
        let mut all = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (l, e) = t.await.unwrap();
            all.extend(l);
            errors += e;
        }
        let wall = t0.elapsed();
        all.sort();
        let p = |q: f64| all[((all.len() - 1) as f64 * q) as usize];
        println!(
            "{} requests from {CLIENTS} clients in {:.2?} ({:.0} req/s): p50 {:.2?}, p95 {:.2?}, p99 {:.2?}, max {:.2?}, errors {errors}",
            all.len(),
            wall,
            all.len() as f64 / wall.as_secs_f64(),
            p(0.5),
            p(0.95),
            p(0.99),
            all[all.len() - 1]
        );
    });
}
