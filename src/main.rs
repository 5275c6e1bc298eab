//! `faultlines`: the command line of the atlas core, for dataset authors and scripts.
//!
//! Every query command prints a short human summary, or with `--json` the same
//! JSON the HTTP API returns (stable, documented in `docs/cli.md`). Errors are
//! one line on stderr and a non-zero exit status.
#![forbid(unsafe_code)]

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use faultlines_core::api::{Api, Filter};
use faultlines_core::model::EventKind;
use faultlines_core::Dataset;
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "faultlines",
    version,
    about = "The Faultlines atlas core: check, query and serve a story dataset"
)]
struct Cli {
    /// Dataset directory (default: the dataset shipped in the binary).
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Validate the dataset and print its counts.
    Check,
    /// Title, sources, time span and counts.
    Info,
    /// What is going on at a date.
    State {
        #[arg(long)]
        at: String,
    },
    /// The map in force at a date, as a GeoJSON FeatureCollection (RFC 7946).
    Map {
        #[arg(long)]
        at: String,
    },
    /// Events overlapping a window.
    Events {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Event kind (repeatable).
        #[arg(long)]
        kind: Vec<String>,
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        actor: Option<String>,
        #[arg(long, default_value_t = 0)]
        offset: usize,
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// The article's passages about a region.
    Excerpts {
        #[arg(long)]
        region: String,
    },
    /// Search events, places and the article.
    Search {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Write a synthetic dataset of N events (for benchmarks and stress tests).
    Generate {
        #[arg(long)]
        events: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print an audit table (Markdown) of every event: date, precision, kind, places, sources.
    Audit,
    /// Print each paragraph's excerpts with the regions they link to, for auditing the gazetteer.
    Links,
    /// Rebuild geodata/map from the raw layers in geodata/src.
    BuildGeodata {
        #[arg(long, default_value = "geodata/src")]
        src: PathBuf,
        #[arg(long, default_value = "geodata/map")]
        out: PathBuf,
    },
    /// Serve the API and the web UI over HTTP.
    Serve {
        #[arg(long, default_value_t = 8787)]
        port: u16,
        /// Address to bind; loopback unless you mean otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        host: IpAddr,
        /// Folder of the built web UI (default: ui/dist if it exists).
        #[arg(long)]
        ui: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("faultlines: {}", msg.replace('\n', "; "));
            ExitCode::FAILURE
        }
    }
}

fn load(data: &Option<PathBuf>) -> Result<Api, String> {
    let ds = match data {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    };
    ds.map(Api::new).map_err(|e| e.to_string())
}

fn print<T: Serialize>(json: bool, v: &T, text: impl FnOnce(&T) -> String) {
    if json {
        println!("{}", serde_json::to_string_pretty(v).expect("serializable"));
    } else {
        println!("{}", text(v));
    }
}

fn kinds(list: &[String]) -> Result<Option<Vec<EventKind>>, String> {
    if list.is_empty() {
        return Ok(None);
    }
    list.iter()
        .map(|k| {
            EventKind::parse(k).ok_or_else(|| {
                let valid: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "--kind: unknown event kind {k:?}; valid kinds: {}",
                    valid.join(", ")
                )
            })
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

fn run(cli: Cli) -> Result<(), String> {
    let err = |e: faultlines_core::ApiError| e.message;
    match cli.cmd {
        Cmd::Check => {
            // A check reports every problem on its own line before failing.
            let ds = match &cli.data {
                Some(dir) => Dataset::from_dir(dir),
                None => Dataset::embedded(),
            };
            match ds {
                Ok(ds) => {
                    let layer_problems = faultlines_geodata::check::layers(&ds);
                    if !layer_problems.is_empty() {
                        for p in &layer_problems {
                            eprintln!("{p}");
                        }
                        return Err(format!(
                            "dataset invalid: {} problem(s) in the map layers",
                            layer_problems.len()
                        ));
                    }
                    let api = Api::new(ds);
                    let i = api.info();
                    print(cli.json, &i.counts, |c| {
                        format!(
                            "ok: {} events, {} excerpts, {} links, {} regions, {} disputes, {} memberships",
                            c.events, c.excerpts, c.links, c.regions, c.disputes, c.memberships
                        )
                    });
                    Ok(())
                }
                Err(e) => {
                    for p in &e.problems {
                        eprintln!("{p}");
                    }
                    Err(format!("dataset invalid: {} problem(s)", e.problems.len()))
                }
            }
        }
        Cmd::Info => {
            let api = load(&cli.data)?;
            print(cli.json, &api.info(), |i| {
                let kinds: Vec<String> = i
                    .counts
                    .events_by_kind
                    .iter()
                    .map(|k| format!("{} {:?}", k.count, k.kind).to_lowercase())
                    .collect();
                format!(
                    "{}\narticle: {} by {} ({})\nspan: {} to {}\nevents: {} ({})\nexcerpts: {}  links: {}  regions: {}  disputes: {}  memberships: {}  sources: {}",
                    i.title, i.article.title, i.article.author, i.article.date, i.span.start, i.span.end, i.counts.events, kinds.join(", "),
                    i.counts.excerpts, i.counts.links, i.counts.regions, i.counts.disputes, i.counts.memberships, i.counts.sources
                )
            });
            Ok(())
        }
        Cmd::Map { at } => {
            let api = load(&cli.data)?;
            println!("{}", api.map_at(&at).map_err(err)?);
            Ok(())
        }
        Cmd::State { at } => {
            let api = load(&cli.data)?;
            let s = api.state_at(&at).map_err(err)?;
            print(cli.json, &s, |s| {
                let mut out = format!("{}: {} active event(s)", s.at, s.events.len());
                for e in &s.events {
                    out += &format!("\n  {} [{:?}, {:?}] {}", e.id, e.kind, e.phase, e.title)
                        .to_string();
                }
                for d in &s.disputes {
                    out += &format!("\n  dispute {}: {}", d.name, d.status);
                }
                out
            });
            Ok(())
        }
        Cmd::Events {
            from,
            to,
            kind,
            region,
            actor,
            offset,
            limit,
        } => {
            let api = load(&cli.data)?;
            let f = Filter {
                kinds: kinds(&kind)?,
                actor,
                region,
            };
            let page = api.events_in(&from, &to, &f, offset, limit).map_err(err)?;
            print(cli.json, &page, |p| {
                let mut out = format!(
                    "{} event(s); showing {} from {}",
                    p.total,
                    p.events.len(),
                    p.offset
                );
                for e in &p.events {
                    out += &format!(
                        "\n  {}  {:<10} {}  {}",
                        e.props.start,
                        e.props.kind.as_str(),
                        e.props.id,
                        e.props.title
                    );
                }
                out
            });
            Ok(())
        }
        Cmd::Excerpts { region } => {
            let api = load(&cli.data)?;
            let r = api.excerpts_for_region(&region).map_err(err)?;
            print(cli.json, &r, |r| {
                let mut out = format!(
                    "{} ({}): {} excerpt(s)",
                    r.region.name_en,
                    r.region.id,
                    r.excerpts.len()
                );
                for x in &r.excerpts {
                    out += &format!("\n  [{}] {}", x.excerpt.id, x.excerpt.text);
                }
                out
            });
            Ok(())
        }
        Cmd::Search { text, limit } => {
            let api = load(&cli.data)?;
            let hits = api.search(&text, limit).map_err(err)?;
            print(cli.json, &hits, |h| {
                h.iter()
                    .map(|h| {
                        format!(
                            "{:>5.2}  {:<8} {}  {}",
                            h.score,
                            format!("{:?}", h.kind).to_lowercase(),
                            h.id,
                            h.title
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
        Cmd::Generate { events, seed, out } => {
            if events > 5_000_000 {
                return Err("at most 5,000,000 events".into());
            }
            faultlines_geodata::generate::write(&out, events, seed)?;
            println!("wrote {events} events to {}", out.display());
            Ok(())
        }
        Cmd::Audit => {
            let api = load(&cli.data)?;
            print!("{}", faultlines_geodata::report::audit_table(api.dataset()));
            Ok(())
        }
        Cmd::Links => {
            let api = load(&cli.data)?;
            print!(
                "{}",
                faultlines_geodata::report::links_report(api.dataset())
            );
            Ok(())
        }
        Cmd::BuildGeodata { src, out } => {
            let report = faultlines_geodata::geobuild::write(&src, &out)?;
            println!("{report}");
            Ok(())
        }
        Cmd::Serve { port, host, ui } => {
            let api = Arc::new(load(&cli.data)?);
            let ui = ui.or_else(|| {
                Some(PathBuf::from("ui/dist")).filter(|p| p.join("index.html").exists())
            });
            if let Some(dir) = &ui {
                if !dir.join("index.html").exists() {
                    return Err(format!("no index.html in the UI folder {}", dir.display()));
                }
            }
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            rt.block_on(faultlines::http::serve(
                api,
                SocketAddr::new(host, port),
                ui,
                |addr| {
                    println!("Faultlines is serving on http://{addr}/");
                },
            ))
            .map_err(|e| format!("cannot serve on {host}:{port}: {e}"))
        }
    }
}
