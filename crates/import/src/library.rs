//! The reader's imported stories, kept in the app's data folder: one story
//! folder each, listed beside the built-in story in the Stories menu. A
//! folder's name is made from its title; its `dataset.json` says the rest.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use faultlines_core::model::DatasetMeta;

/// An imported story, as the Stories menu lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoryEntry {
    /// The folder's name, unique in the library.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The files it was made from.
    pub files: Vec<String>,
}

/// Every story folder under `dir`, by title; folders that are not stories
/// (or are being written) are left out.
pub fn list(dir: &Path) -> Vec<StoryEntry> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<StoryEntry> = rd
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let meta: DatasetMeta =
                serde_json::from_slice(&std::fs::read(e.path().join("story/dataset.json")).ok()?)
                    .ok()?;
            Some(StoryEntry {
                id: e.file_name().to_string_lossy().into_owned(),
                title: meta.title,
                description: meta.description,
                files: meta
                    .import
                    .map(|i| i.files.into_iter().map(|f| f.name).collect())
                    .unwrap_or_default(),
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.title, &a.id).cmp(&(&b.title, &b.id)));
    out
}

/// A new folder under `dir` for a story called `title`: its name in
/// lower case with dashes, numbered when taken.
pub fn new_folder(dir: &Path, title: &str) -> PathBuf {
    let mut slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(60);
    if slug.is_empty() {
        slug = "story".into();
    }
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(&slug)
            } else {
                dir.join(format!("{slug}-{n}"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(slug))
}

/// The folder of story `id` under `dir`, if `id` names one (never a path
/// outside `dir`).
pub fn folder(dir: &Path, id: &str) -> Option<PathBuf> {
    let ok = !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\']);
    let path = dir.join(id);
    (ok && path.join("story/dataset.json").is_file()).then_some(path)
}

/// Remove story `id` from the library.
pub fn remove(dir: &Path, id: &str) -> std::io::Result<()> {
    match folder(dir, id) {
        Some(p) => std::fs::remove_dir_all(p),
        None => Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no story {id:?}"),
        )),
    }
}
