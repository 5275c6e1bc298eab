//! From files to a story folder: read each source with its format's
//! reader, assemble the events and the article into a dataset, validate it
//! with the very checks `faultlines check` runs on the shipped story, and
//! only then write it, into a folder beside the target that is renamed
//! into place, so a failed, cancelled or killed import never leaves a
//! half-written story (or loses the one it replaces).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use faultlines_core::dataset::{Dataset, LayerIndex, MembershipsFile, Origin, RawDataset};
use faultlines_core::link::Gazetteer;
use faultlines_core::model::*;
use faultlines_core::source::{EmbeddedSource, Source};
use faultlines_core::table::{EventFields, EventTable};

use crate::columns::Field;
use crate::problem::{ImportError, RowProblem};
use crate::sink::{Progress, Sink};
use crate::sniff::{sniff, sniff_coded, Format, SNIFF_BYTES};

/// What the user chose.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Read every source as this format instead of detecting it.
    pub format: Option<Format>,
    /// An article (plain text or Markdown) whose sentences become excerpts.
    pub text: Option<PathBuf>,
    /// Refuse everything if any row has a problem.
    pub strict: bool,
    /// Columns named by the user: field → header.
    pub columns: BTreeMap<Field, String>,
    /// More names for the gazetteer: region id → names found in the text.
    pub names: BTreeMap<String, Vec<String>>,
    /// The story's title (by default from the first file's name).
    pub title: Option<String>,
}

/// What an import did, for the CLI's summary and the app's report.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportReport {
    /// The story folder written.
    pub folder: String,
    pub title: String,
    pub files: Vec<ImportedFile>,
    pub events: u64,
    pub rejected: u64,
    /// The first problems (all of them up to ten thousand), in file and line order.
    pub problems: Vec<RowProblem>,
    /// Things that do not reject a row but may be wrong (swapped coordinates).
    pub warnings: Vec<crate::ImportWarning>,
    pub excerpts: u64,
    /// Excerpts linked to at least one region.
    pub linked: u64,
}

/// The events and problems of one source held in memory (the fuzzers' and
/// the tests' way in; `import` streams files instead).
#[derive(Debug)]
pub struct Parsed {
    pub format: Format,
    pub events: Vec<Event>,
    pub problems: Vec<RowProblem>,
    pub rows: u64,
}

/// The shipped map's regions and layers, which every imported story uses.
fn shipped<T: serde::de::DeserializeOwned>(path: &str) -> T {
    let bytes = EmbeddedSource.read(path).unwrap_or_default();
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("the shipped {path} is compiled in and valid: {e}"))
}

/// The shipped map's region ids, read once per process: every import (and
/// every fuzzed input) asks, and reading the 380 KB file each time was most
/// of the cost of a small import.
fn region_ids() -> &'static std::collections::HashSet<String> {
    static IDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        shipped::<Vec<Region>>("map/regions.json")
            .into_iter()
            .map(|r| r.id)
            .collect()
    })
}

/// Read one source's `bytes` as `format` (or what they look like).
pub fn parse_source(name: &str, bytes: &[u8], opts: &Options) -> Result<Parsed, ImportError> {
    let ids = region_ids();
    let known = |r: &str| ids.contains(r);
    let keep_going = |_: Progress| true;
    let mut sink = Sink::new(&known, &keep_going, bytes.len() as u64);
    let format = read_one(
        name,
        std::io::Cursor::new(bytes),
        bytes.len() as u64,
        opts,
        &mut sink,
    )?;
    sink.drop_duplicates();
    Ok(Parsed {
        format,
        events: sink.events,
        problems: sink.problems,
        rows: sink.rows,
    })
}

/// Sniff and read one source into `sink`; the format it was read as.
fn read_one<R: Read>(
    name: &str,
    mut input: R,
    size: u64,
    opts: &Options,
    sink: &mut Sink,
) -> Result<Format, ImportError> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut input)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| ImportError::io(name, e))?;
    let sniffed = sniff_coded(&head).map_err(|(what, message)| ImportError::NotData {
        file: name.to_string(),
        what,
        message,
    })?;
    let format = opts.format.unwrap_or(sniffed.format);
    sink.begin_file(name, format.as_str());
    let rest = std::io::Cursor::new(head).chain(input);
    match format {
        Format::Geojson => {
            let mut all = Vec::with_capacity(size as usize);
            { rest }
                .read_to_end(&mut all)
                .map_err(|e| ImportError::io(name, e))?;
            crate::features::read_features(name, &all[sniffed.bom..], sink)?;
        }
        Format::Csv | Format::Acled | Format::Ucdp => {
            let mut rest = rest;
            let mut skip = [0u8; 3];
            rest.read_exact(&mut skip[..sniffed.bom])
                .map_err(|e| ImportError::io(name, e))?;
            let columns = opts.columns.clone();
            let reader =
                move |headers: &[String]| -> Result<Box<dyn crate::table::RowReader>, ImportError> {
                    Ok(match format {
                        Format::Acled => Box::new(crate::acled::Acled::new(headers)),
                        Format::Ucdp => Box::new(crate::ucdp::Ucdp::new(headers)),
                        _ => Box::new(crate::table::Generic::new(name, headers, &columns)?),
                    })
                };
            crate::table::read_table(name, rest, &sniffed, &reader, sink)?;
        }
    }
    sink.end_file(size);
    Ok(format)
}

/// Import `sources` (and `opts.text`) into the story folder `out`.
/// `on_progress` is told how far it has got and returns `false` to cancel.
pub fn import(
    sources: &[PathBuf],
    out: &Path,
    opts: &Options,
    on_progress: &dyn Fn(Progress) -> bool,
) -> Result<ImportReport, ImportError> {
    if sources.is_empty() {
        return Err(ImportError::Usage(
            "nothing to import: name at least one file".into(),
        ));
    }
    let regions: Vec<Region> = shipped("map/regions.json");
    let ids = region_ids();
    for region in opts.names.keys() {
        if !ids.contains(region) {
            return Err(ImportError::Usage(format!(
                "--name {region}=…: there is no region {region:?} on the map"
            )));
        }
    }
    let files: Vec<PathBuf> = sources
        .iter()
        .flat_map(|s| expand(s))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    let total = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let known = |r: &str| ids.contains(r);
    let mut sink = Sink::new(&known, on_progress, total);
    for f in &files {
        let name = display_name(f);
        let file = std::fs::File::open(f).map_err(|e| ImportError::io(&name, e))?;
        let size = file.metadata().map_or(0, |m| m.len());
        read_one(
            &name,
            std::io::BufReader::with_capacity(1 << 20, file),
            size,
            opts,
            &mut sink,
        )?;
    }
    sink.drop_duplicates();
    if opts.strict && !sink.problems.is_empty() {
        return Err(ImportError::Strict {
            problems: sink.problems,
        });
    }
    if sink.events.is_empty() {
        return Err(ImportError::NoEvents {
            problems: sink.problems,
        });
    }
    let points: Vec<[f64; 2]> = sink.points().collect();
    let warnings: Vec<crate::ImportWarning> = crate::sea::swapped(&points).into_iter().collect();
    let article = match &opts.text {
        Some(p) => read_text(p)?,
        None => String::new(),
    };
    let mut gazetteer: GazetteerSpec = shipped("story/gazetteer.json");
    for (region, names) in &opts.names {
        gazetteer
            .names
            .entry(region.clone())
            .or_default()
            .extend(names.iter().cloned());
    }
    let excerpts = crate::text::excerpts(&article, &Gazetteer::new(&gazetteer, &regions));
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| format!("Imported: {}", display_name(&files[0])));
    let file_list: Vec<ImportedFile> = sink
        .files
        .iter()
        .map(|f| ImportedFile {
            name: f.name.clone(),
            format: f.format.clone(),
            rows: f.rows,
            imported: f.imported,
        })
        .chain(opts.text.iter().map(|p| ImportedFile {
            name: display_name(p),
            format: "text".into(),
            rows: excerpts.len() as u64,
            imported: excerpts.len() as u64,
        }))
        .collect();
    let meta = meta(&title, &file_list, sink.events.len(), opts.text.as_deref());
    let raw = RawDataset {
        meta,
        article,
        events: EventCollection {
            kind: CollectionTag::FeatureCollection,
            features: EventList(std::mem::take(&mut sink.events)),
        }
        .features
        .0
        .into(),
        excerpts: excerpts.clone(),
        disputes: FeatureCollection {
            kind: CollectionTag::FeatureCollection,
            features: vec![],
        },
        memberships: MembershipsFile::default(),
        gazetteer,
        regions,
        layers: shipped::<LayerIndex>("map/layers.json"),
    };
    let mut ds =
        Dataset::from_raw(raw, Origin::Dir(out.to_path_buf())).map_err(ImportError::Invalid)?;
    list_regions(&mut ds);
    on_progress(Progress {
        done: total,
        total,
        rows: sink.rows,
    })
    .then_some(())
    .ok_or(ImportError::Cancelled)?;
    write_story(out, &ds, &excerpts)?;
    Ok(ImportReport {
        folder: out.display().to_string(),
        title,
        files: file_list,
        events: ds.events.len() as u64,
        rejected: sink.rejected,
        problems: sink.problems,
        warnings,
        excerpts: ds.excerpts.len() as u64,
        linked: ds.excerpts.iter().filter(|x| !x.links.is_empty()).count() as u64,
    })
}

/// Every event lists the regions its points lie in at its start (country,
/// province), as the shipped story's do by hand and `faultlines check`
/// demands: clicking a country then finds the events in it. Split over the
/// cores, since a million points each test a few hundred shapes.
fn list_regions(ds: &mut Dataset) {
    use faultlines_geodata::validate_places::{marked_points, Places};
    let shapes = faultlines_geodata::check::detail_shapes(ds);
    let places = Places::new(&ds.regions, &shapes);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let n = ds.events.len();
    let chunk = n.div_ceil(threads).max(1);
    let lists: Vec<Vec<(Few<Sym>, bool)>> = std::thread::scope(|s| {
        let jobs: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|from| {
                let (places, events) = (&places, &ds.events);
                s.spawn(move || {
                    (from..(from + chunk).min(n))
                        .map(|i| {
                            let e = events.get(i);
                            let t = e.props.start.nominal_first();
                            let mut ids: Vec<&str> = marked_points(&e.geometry)
                                .into_iter()
                                .flat_map(|p| places.areas_holding(p, t))
                                .map(|r| r.id.as_str())
                                .collect();
                            ids.sort_unstable();
                            ids.dedup();
                            let regions: Few<Sym> = ids.into_iter().map(Sym::new).collect();
                            // A place name the map knows elsewhere (a second
                            // "Batken") is not this point's: keep it in the
                            // title only, so the story passes the place checks.
                            let keep = e.props.places.is_empty()
                                || places.named_place_problems(&e, &regions).is_empty();
                            (regions, keep)
                        })
                        .collect()
                })
            })
            .collect();
        jobs.into_iter()
            .map(|j| j.join().unwrap_or_default())
            .collect()
    });
    let mut keep = Vec::with_capacity(n);
    for (i, (regions, keep_places)) in lists.into_iter().flatten().enumerate() {
        let listed = !ds.events.row(i).regions().is_empty();
        if !listed {
            // Interned on this thread, so equal lists share one copy.
            let regions: Few<Sym> = regions.iter().map(|r| Sym::new(r)).collect();
            ds.events.set_regions(i, regions);
        }
        keep.push(listed || keep_places);
    }
    ds.events.retain_places(|i| keep[i]);
}

/// A folder stands for the files in it (not those in hidden folders), in name order.
fn expand(p: &Path) -> Vec<Result<Vec<PathBuf>, ImportError>> {
    if !p.is_dir() {
        return vec![Ok(vec![p.to_path_buf()])];
    }
    let read = std::fs::read_dir(p).map_err(|e| ImportError::io(&p.display().to_string(), e));
    vec![read.map(|rd| {
        let mut v: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|f| f.is_file() && !display_name(f).starts_with('.'))
            .collect();
        v.sort();
        v
    })]
}

fn display_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The article: UTF-8 (a byte-order mark dropped), line ends as written.
fn read_text(p: &Path) -> Result<String, ImportError> {
    let name = display_name(p);
    let bytes = std::fs::read(p).map_err(|e| ImportError::io(&name, e))?;
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return Err(ImportError::Unreadable {
            file: name,
            message: "the text is empty".into(),
        });
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    String::from_utf8(bytes[bom..].to_vec()).map_err(|e| {
        let line = bytes[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let what = if sniff(head).is_err() {
            sniff(head).unwrap_err()
        } else {
            "not UTF-8 text (it looks Latin-1 or Windows-1252 encoded): save it as UTF-8".into()
        };
        ImportError::Unreadable {
            file: name,
            message: format!("line {line}: {what}"),
        }
    })
}

fn today() -> faultlines_core::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    faultlines_core::Date::from_daynum((secs / 86_400) as i32)
}

fn meta(title: &str, files: &[ImportedFile], events: usize, text: Option<&Path>) -> DatasetMeta {
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let shipped: DatasetMeta = shipped("story/dataset.json");
    let map = shipped
        .attribution
        .split(" Facts:")
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    DatasetMeta {
        title: title.to_string(),
        description: format!("{events} events imported from {}.", names.join(", ")),
        attribution: format!("{map} Events: {}.", names.join(", ")),
        article: ArticleMeta {
            title: text.map_or_else(|| "No article".to_string(), display_name),
            author: String::new(),
            date: today(),
            publisher: None,
            url: None,
            linking_note: "Each sentence of the text is an excerpt, quoted exactly. Places are found by a gazetteer of every region's names (English and Russian), the shipped spellings, capitals and leaders, and any names added at import; a sentence that names none is marked general.".into(),
        },
        import: Some(ImportMeta { files: files.to_vec() }),
        i18n: None,
    }
}

#[derive(Serialize)]
struct OutFeature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: &'a Geometry,
    properties: &'a EventProps,
}

fn write_json(path: &Path, value: &impl Serialize) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    serde_json::to_writer_pretty(&mut w, value)?;
    w.write_all(b"\n")?;
    w.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// The events as `events.geojson`, one feature per line.
pub fn write_events(path: &Path, events: &EventTable) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    w.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
    for (i, e) in events.rows().map(|r| r.to_event()).enumerate() {
        if i > 0 {
            w.write_all(b",\n")?;
        }
        serde_json::to_writer(
            &mut w,
            &OutFeature {
                kind: "Feature",
                geometry: &e.geometry,
                properties: &e.props,
            },
        )?;
    }
    w.write_all(b"\n]}\n")?;
    w.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// The events as the story's Arrow file, synced before the folder is renamed into place.
pub fn write_arrow(path: &Path, events: &EventTable) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    faultlines_core::table::ipc::write(events, &mut w).map_err(std::io::Error::other)?;
    w.into_inner().map_err(|e| e.into_error())?.sync_all()
}

fn write_files(dir: &Path, ds: &Dataset, excerpts: &[ExcerptSpec]) -> std::io::Result<()> {
    let story = dir.join("story");
    std::fs::create_dir_all(&story)?;
    write_json(&story.join("dataset.json"), &ds.meta)?;
    let mut article = std::fs::File::create(story.join("article.txt"))?;
    article.write_all(ds.article.as_bytes())?;
    article.sync_all()?;
    write_arrow(&story.join("events.arrow"), &ds.events)?;
    write_json(&story.join("excerpts.json"), &excerpts)?;
    write_json(
        &story.join("disputes.geojson"),
        &serde_json::json!({"type": "FeatureCollection", "features": []}),
    )?;
    write_json(&story.join("memberships.json"), &MembershipsFile::default())?;
    write_json(&story.join("gazetteer.json"), &ds.gazetteer)?;
    Ok(())
}

/// Write into a hidden sibling of `out`, then rename it into place; an old
/// story at `out` is moved aside first and removed last.
pub fn write_story(out: &Path, ds: &Dataset, excerpts: &[ExcerptSpec]) -> Result<(), ImportError> {
    let name = display_name(out);
    let io = |e: std::io::Error| ImportError::io(&out.display().to_string(), e);
    if out.exists()
        && !out.join("story/dataset.json").exists()
        && std::fs::read_dir(out).map_err(io)?.next().is_some()
    {
        return Err(ImportError::Usage(format!(
            "{} exists and is not a story folder: choose another --out",
            out.display()
        )));
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io)?;
    let nonce = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    );
    let tmp = parent.join(format!(".{name}.importing-{nonce}"));
    let old = parent.join(format!(".{name}.replaced-{nonce}"));
    let result = (|| {
        write_files(&tmp, ds, excerpts)?;
        if out.exists() {
            std::fs::rename(out, &old)?;
        }
        std::fs::rename(&tmp, out)?;
        if let Ok(d) = std::fs::File::open(parent) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        if old.exists() && !out.exists() {
            let _ = std::fs::rename(&old, out);
        }
        return Err(io(e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
