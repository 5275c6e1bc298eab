//! `faultlines import`: the reader's own data made into a story folder, as
//! the app's File → Open does, with the same reader ([`faultlines_import`]).
//! The summary goes to stdout (or the report as JSON), each rejected row to
//! stderr as `FILE:LINE: field: what`, and the progress bar to stderr when
//! it is a terminal.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use faultlines_import::columns::parse_choice;
use faultlines_import::sink::Progress;
use faultlines_import::{ImportReport, Options};

/// The `import` subcommand's arguments.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// Files (or folders of files) to import: ACLED, UCDP GED, CSV or GeoJSON.
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// The story folder to write (replaced whole if it is one already).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Read the sources as this format instead of recognising it.
    #[arg(long, default_value = "auto", value_parser = ["auto", "geojson", "csv", "acled", "ucdp"])]
    pub format: String,
    /// An article (plain text or Markdown) whose sentences become excerpts.
    #[arg(long, value_name = "FILE")]
    pub text: Option<PathBuf>,
    /// Import nothing if any row has a problem.
    #[arg(long)]
    pub strict: bool,
    /// Which header holds a field, e.g. `--column date=When` (repeatable;
    /// fields: id, date, end, lat, lon, wkt, title, kind, description, source, place).
    #[arg(long, value_name = "FIELD=HEADER")]
    pub column: Vec<String>,
    /// Another name of a region for the text's links, e.g. `--name KAZ=Qazaqstan` (repeatable).
    #[arg(long, value_name = "REGION=NAME")]
    pub name: Vec<String>,
    /// The story's title.
    #[arg(long)]
    pub title: Option<String>,
}

impl ImportArgs {
    fn options(&self) -> Result<Options, String> {
        let mut o = Options {
            format: faultlines_import::Format::parse(&self.format),
            text: self.text.clone(),
            strict: self.strict,
            title: self.title.clone(),
            ..Options::default()
        };
        for c in &self.column {
            let (field, header) = parse_choice(c)?;
            o.columns.insert(field, header);
        }
        for n in &self.name {
            let (region, name) = n
                .split_once('=')
                .filter(|(r, n)| !r.trim().is_empty() && !n.trim().is_empty())
                .ok_or_else(|| format!("--name {n:?}: write REGION=NAME, e.g. KAZ=Qazaqstan"))?;
            o.names
                .entry(region.trim().to_string())
                .or_default()
                .push(name.trim().to_string());
        }
        Ok(o)
    }
}

/// A progress bar on stderr, redrawn at most ten times a second.
fn bar() -> impl Fn(Progress) -> bool {
    let tty = std::io::stderr().is_terminal();
    let last = std::cell::Cell::new(Instant::now() - Duration::from_secs(1));
    move |p: Progress| {
        if tty && (last.get().elapsed() >= Duration::from_millis(100) || p.done == p.total) {
            last.set(Instant::now());
            let share = if p.total == 0 {
                1.0
            } else {
                p.done as f64 / p.total as f64
            };
            let filled = (share * 30.0).round() as usize;
            eprint!(
                "\r[{}{}] {:>3.0}%  {} rows",
                "#".repeat(filled),
                " ".repeat(30 - filled.min(30)),
                share * 100.0,
                p.rows
            );
            let _ = std::io::stderr().flush();
        }
        true
    }
}

fn summary(r: &ImportReport) -> String {
    let files: Vec<String> = r
        .files
        .iter()
        .map(|f| {
            format!(
                "{} ({}, {} of {} rows)",
                f.name, f.format, f.imported, f.rows
            )
        })
        .collect();
    let mut s = format!(
        "imported {} events into {} (\"{}\"); {} rows rejected\n  from {}",
        r.events,
        r.folder,
        r.title,
        r.rejected,
        files.join(", ")
    );
    if r.excerpts > 0 {
        s.push_str(&format!(
            "\n  {} excerpts, {} linked to regions",
            r.excerpts, r.linked
        ));
    }
    s
}

/// Run the import; rejected rows and warnings are printed to stderr.
pub fn run(args: &ImportArgs, json: bool) -> Result<(), String> {
    let opts = args.options()?;
    let progress = bar();
    let result = faultlines_import::import(&args.sources, &args.out, &opts, &progress);
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
    let report = result.map_err(|e| e.to_string())?;
    for p in &report.problems {
        eprintln!("{p}");
    }
    if report.rejected > report.problems.len() as u64 {
        eprintln!(
            "… and {} more rejected rows",
            report.rejected - report.problems.len() as u64
        );
    }
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        println!("{}", summary(&report));
    }
    Ok(())
}
