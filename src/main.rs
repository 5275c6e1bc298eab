//! `faultlines`: the command line of the atlas core, for dataset authors and scripts.
//!
//! Every query command prints a short human summary, or with `--json` the same
//! JSON the HTTP API returns (stable, documented in `docs/cli.md`). Errors are
//! one line on stderr and a non-zero exit status.
#![forbid(unsafe_code)]

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
#[cfg(feature = "http")]
use std::sync::Arc;

mod convert;
mod import;

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
    /// Write the story again with its events as Arrow (fast to open) or GeoJSON (for other tools).
    Convert {
        #[arg(long, value_enum)]
        to: convert::Form,
        /// The folder to write (new, or empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Write the story's events as time-partitioned GeoParquet for `serve --scale` (docs/scale.md).
    #[cfg(feature = "scale")]
    Partition {
        /// The folder to write (new, or empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// One partition per year or per month.
        #[arg(long, value_enum, default_value = "year")]
        by: faultlines::scale::By,
    },
    /// Make a story folder of your own data (ACLED, UCDP GED, CSV, GeoJSON) and an optional text.
    Import(import::ImportArgs),
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
        /// Also answer /api/scale/ from this folder of `faultlines partition`.
        #[cfg(feature = "scale")]
        #[arg(long, value_name = "DIR")]
        scale: Option<PathBuf>,
    },
}

/// What the CLI can fail with, each printed as one line.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("{}", .0.message)]
    Api(#[from] faultlines_core::ApiError),
    #[error(transparent)]
    Dataset(#[from] faultlines_core::dataset::DatasetError),
    #[error(transparent)]
    Geodata(#[from] faultlines_geodata::error::GeodataError),
    /// The problems were printed one per line before this.
    #[error("dataset invalid: {0} problem(s){1}")]
    Invalid(usize, &'static str),
    #[error("{0}")]
    Usage(String),
    #[cfg_attr(not(feature = "http"), allow(dead_code))]
    #[error("cannot serve on {addr}: {source}")]
    Serve {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

type Out = Result<(), CliError>;

/// Print `s` and a newline.
fn line(s: impl std::fmt::Display) -> Out {
    println!("{s}");
    Ok(())
}

/// Print `s` as it is (it ends with its own newline).
fn verbatim(s: impl std::fmt::Display) -> Out {
    print!("{s}");
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("faultlines: {}", e.to_string().replace('\n', "; "));
            ExitCode::FAILURE
        }
    }
}

fn load(data: &Option<PathBuf>) -> Result<Api, CliError> {
    let ds = match data {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    };
    Ok(Api::new(ds?))
}

fn print<T: Serialize>(json: bool, v: &T, text: impl FnOnce(&T) -> String) {
    if json {
        println!("{}", serde_json::to_string_pretty(v).expect("serializable"));
    } else {
        println!("{}", text(v));
    }
}

fn kinds(list: &[String]) -> Result<Option<Vec<EventKind>>, CliError> {
    if list.is_empty() {
        return Ok(None);
    }
    list.iter()
        .map(|k| {
            EventKind::parse(k).ok_or_else(|| {
                let valid: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
                CliError::Usage(format!(
                    "--kind: unknown event kind {k:?}; valid kinds: {}",
                    valid.join(", ")
                ))
            })
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

fn run(cli: Cli) -> Out {
    let (data, json) = (&cli.data, cli.json);
    match cli.cmd {
        Cmd::Check => check(data, json),
        Cmd::Info => info(&load(data)?, json),
        Cmd::Map { at } => line(load(data)?.map_at(&at)?),
        Cmd::State { at } => state(&load(data)?, &at, json),
        Cmd::Events {
            from,
            to,
            kind,
            region,
            actor,
            offset,
            limit,
        } => {
            let f = Filter {
                kinds: kinds(&kind)?,
                actor,
                region,
            };
            events(&load(data)?, (&from, &to), &f, (offset, limit), json)
        }
        Cmd::Excerpts { region } => excerpts(&load(data)?, &region, json),
        Cmd::Search { text, limit } => search(&load(data)?, &text, limit, json),
        Cmd::Generate { events, seed, out } => {
            faultlines_geodata::generate::write(&out, events, seed)?;
            line(format!("wrote {events} events to {}", out.display()))
        }
        Cmd::Audit => {
            let api = load(data)?;
            verbatim(faultlines_geodata::report::audit_table(api.dataset()))
        }
        Cmd::Links => {
            let api = load(data)?;
            verbatim(faultlines_geodata::report::links_report(api.dataset()))
        }
        Cmd::BuildGeodata { src, out } => line(faultlines_geodata::geobuild::write(&src, &out)?),
        Cmd::Import(args) => import::run(&args, json).map_err(CliError::Usage),
        Cmd::Convert { to, out } => {
            line(convert::run(data.as_deref(), to, &out).map_err(CliError::Usage)?)
        }
        #[cfg(feature = "scale")]
        Cmd::Partition { out, by } => partition(data, &out, by, json),
        #[cfg(feature = "scale")]
        Cmd::Serve {
            port,
            host,
            ui,
            scale: Some(dir),
        } => serve_scale(load(data)?, &dir, SocketAddr::new(host, port), ui),
        Cmd::Serve { port, host, ui, .. } => serve(load(data)?, SocketAddr::new(host, port), ui),
    }
}

/// A check reports every problem on its own line before failing.
fn check(data: &Option<PathBuf>, json: bool) -> Out {
    let ds = match data {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    };
    let ds = ds.inspect_err(|e| e.problems.iter().for_each(|p| eprintln!("{p}")));
    let ds = ds.map_err(|e| CliError::Invalid(e.problems.len(), ""))?;
    let layer_problems = faultlines_geodata::check::layers(&ds);
    if !layer_problems.is_empty() {
        layer_problems.iter().for_each(|p| eprintln!("{p}"));
        return Err(CliError::Invalid(
            layer_problems.len(),
            " in the map layers",
        ));
    }
    let api = Api::new(ds);
    print(json, &api.info().counts, |c| {
        format!(
            "ok: {} events, {} excerpts, {} links, {} regions, {} disputes, {} memberships",
            c.events, c.excerpts, c.links, c.regions, c.disputes, c.memberships
        )
    });
    Ok(())
}

fn info(api: &Api, json: bool) -> Out {
    print(json, &api.info(), |i| {
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

fn state(api: &Api, at: &str, json: bool) -> Out {
    print(json, &api.state_at(at)?, |s| {
        let mut out = format!("{}: {} active event(s)", s.at, s.events.len());
        for e in &s.events {
            out += &format!("\n  {} [{:?}, {:?}] {}", e.id, e.kind, e.phase, e.title);
        }
        for d in &s.disputes {
            out += &format!("\n  dispute {}: {}", d.name, d.status);
        }
        out
    });
    Ok(())
}

fn events(
    api: &Api,
    (from, to): (&str, &str),
    f: &Filter,
    (offset, limit): (usize, usize),
    json: bool,
) -> Out {
    print(json, &api.events_in(from, to, f, offset, limit)?, |p| {
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

fn excerpts(api: &Api, region: &str, json: bool) -> Out {
    print(json, &api.excerpts_for_region(region)?, |r| {
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

fn search(api: &Api, text: &str, limit: usize, json: bool) -> Out {
    print(json, &api.search(text, limit)?, |h| {
        h.iter()
            .map(|h| {
                let kind = format!("{:?}", h.kind).to_lowercase();
                format!("{:>5.2}  {:<8} {}  {}", h.score, kind, h.id, h.title)
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    Ok(())
}

/// The UI folder to serve: the one named, or `ui/dist` when it is built.
fn ui_folder(ui: Option<PathBuf>) -> Result<Option<PathBuf>, CliError> {
    let ui =
        ui.or_else(|| Some(PathBuf::from("ui/dist")).filter(|p| p.join("index.html").exists()));
    match &ui {
        Some(dir) if !dir.join("index.html").exists() => Err(CliError::Usage(format!(
            "no index.html in the UI folder {}",
            dir.display()
        ))),
        _ => Ok(ui),
    }
}

#[cfg(feature = "http")]
fn serve(api: Api, addr: SocketAddr, ui: Option<PathBuf>) -> Out {
    let ui = ui_folder(ui)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| CliError::Serve { addr, source })?;
    let api = Arc::new(api);
    // Built beside the server, so the first search of a large story answers at once.
    let warm = api.clone();
    std::thread::spawn(move || warm.prepare_search());
    rt.block_on(faultlines::http::serve(api, addr, ui, |addr| {
        println!("Faultlines is serving on http://{addr}/");
    }))
    .map_err(|source| CliError::Serve { addr, source })
}

#[cfg(feature = "scale")]
fn partition(
    data: &Option<PathBuf>,
    out: &std::path::Path,
    by: faultlines::scale::By,
    json: bool,
) -> Out {
    let ds = match data {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    }?;
    let t0 = std::time::Instant::now();
    let m = faultlines::scale::write(&ds.events, out, by).map_err(CliError::Usage)?;
    print(json, &m, |m| {
        format!(
            "wrote {} events as {} rows in {} files ({:.1} MiB) to {} in {:.1} s",
            m.events,
            m.rows,
            m.files,
            m.bytes as f64 / 1048576.0,
            out.display(),
            t0.elapsed().as_secs_f64()
        )
    });
    Ok(())
}

#[cfg(feature = "scale")]
fn serve_scale(api: Api, dir: &std::path::Path, addr: SocketAddr, ui: Option<PathBuf>) -> Out {
    let ui = ui_folder(ui)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| CliError::Serve { addr, source })?;
    let served = faultlines::scale::routes::serve(Arc::new(api), dir, addr, ui, |addr| {
        println!("Faultlines is serving on http://{addr}/ (and /api/scale/)");
    });
    rt.block_on(served).map_err(CliError::Usage)
}

#[cfg(not(feature = "http"))]
fn serve(_: Api, _: SocketAddr, ui: Option<PathBuf>) -> Out {
    ui_folder(ui)?;
    Err(CliError::Usage(
        "this faultlines was built without the http feature; build it with `--features http` to serve".into(),
    ))
}
