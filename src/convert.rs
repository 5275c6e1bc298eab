//! `faultlines convert`: a story folder written again with its events in
//! the other form, `events.arrow` (the fast form the app opens in a blink)
//! or `events.geojson` (the exchange form any GIS reads).
//!
//! The story is loaded and checked first, so a converted folder is one the
//! app opens; the other story files are copied as they are, and the map is
//! never copied (a story without `map/` uses the shipped one). The folder
//! is written beside `--out` and renamed into place.

use std::path::{Path, PathBuf};

use faultlines_core::source::{DirSource, EmbeddedSource, Source};
use faultlines_core::Dataset;

/// The form of the events file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Form {
    /// `story/events.arrow`: Apache Arrow IPC.
    Arrow,
    /// `story/events.geojson`: GeoJSON (RFC 7946).
    Geojson,
}

/// The story files besides the events, copied as they are.
const STORY_FILES: [&str; 6] = [
    "story/dataset.json",
    "story/article.txt",
    "story/excerpts.json",
    "story/disputes.geojson",
    "story/memberships.json",
    "story/gazetteer.json",
];

/// Write the story of `data` (or the shipped one) into `out` with its events as `to`.
pub fn run(data: Option<&Path>, to: Form, out: &Path) -> Result<String, String> {
    let ds = match data {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    }
    .map_err(|e| e.to_string())?;
    if data.is_some_and(|d| same_folder(d, out)) {
        return Err(format!(
            "--out {} is the story being read: write to another folder",
            out.display()
        ));
    }
    if out.exists()
        && std::fs::read_dir(out)
            .map_err(|e| e.to_string())?
            .next()
            .is_some()
    {
        return Err(format!("{} exists and is not empty", out.display()));
    }
    let source: Box<dyn Source> = match data {
        Some(dir) => Box::new(DirSource {
            root: dir.to_path_buf(),
        }),
        None => Box::new(EmbeddedSource),
    };
    let tmp = hidden_sibling(out);
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(tmp.join("story"))?;
        for f in STORY_FILES {
            let bytes = source
                .read(f)
                .ok_or_else(|| std::io::Error::other(format!("{f} is missing")))?;
            std::fs::write(tmp.join(f), bytes)?;
        }
        match to {
            Form::Arrow => {
                faultlines_import::story::write_arrow(&tmp.join("story/events.arrow"), &ds.events)
            }
            Form::Geojson => faultlines_import::story::write_events(
                &tmp.join("story/events.geojson"),
                &ds.events,
            ),
        }?;
        if out.exists() {
            std::fs::remove_dir(out)?;
        }
        std::fs::rename(&tmp, out)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(format!("{}: {e}", out.display()));
    }
    Ok(format!(
        "wrote {} events to {} as {}",
        ds.events.len(),
        out.display(),
        match to {
            Form::Arrow => "story/events.arrow",
            Form::Geojson => "story/events.geojson",
        }
    ))
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn hidden_sibling(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or("story".into(), |n| n.to_string_lossy().into_owned());
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
    parent
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.converting-{}", std::process::id()))
}
