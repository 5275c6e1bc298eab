//! Loading a dataset: its files are read and parsed into one
//! [`RawDataset`], which `validate` turns into a [`Dataset`] or the
//! list of everything wrong with it.
//!
//! Loading never stops at the first problem: every problem found is collected
//! into one [`DatasetError`], each naming the file, the record id and what is
//! wrong, so a dataset author can fix them all in one pass. A dataset with any
//! problem is rejected whole; callers keep whatever dataset they had.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::dataset::{
    Dataset, DatasetError, LayerIndex, MembershipsFile, Origin, Problem, RawDataset,
};
use crate::model::*;
use crate::source::{DirSource, EmbeddedSource, Source};
use crate::table::EventTable;

struct Collector {
    problems: Vec<Problem>,
    /// Whether the events were read from `story/events.arrow`.
    arrow: bool,
}

impl Collector {
    fn add(&mut self, file: &str, id: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.to_string(),
            id: id.map(str::to_string),
            message: message.into(),
        });
    }

    fn parse<T: DeserializeOwned>(&mut self, src: &dyn Source, file: &str) -> Option<T> {
        let parsed = if src.is_large(file) {
            src.stream(file).map(serde_json::from_reader)
        } else {
            src.read(file).map(|bytes| serde_json::from_slice(&bytes))
        };
        let Some(parsed) = parsed else {
            self.add(file, None, "file is missing");
            return None;
        };
        match parsed {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(file, None, format!("cannot parse: {e}"));
                None
            }
        }
    }
}

impl Collector {
    /// The events: `story/events.arrow` when the story has it (its fast
    /// form), else `story/events.geojson`.
    fn events(&mut self, src: &dyn Source) -> Option<EventTable> {
        let arrow = crate::table::ipc::FILE;
        let Some(file) = src.seekable(arrow) else {
            let c: EventCollection = self.parse(src, "story/events.geojson")?;
            return Some(EventTable::from_events(c.features.0));
        };
        self.arrow = true;
        crate::table::ipc::read(file)
            .map_err(|e| self.add(arrow, None, e))
            .ok()
    }
}

impl Dataset {
    /// The dataset shipped with the app.
    pub fn embedded() -> Result<Dataset, DatasetError> {
        Self::load(&EmbeddedSource, &EmbeddedSource, Origin::Embedded)
    }

    /// A dataset directory; its `map/` part falls back to the shipped map.
    pub fn from_dir(dir: &Path) -> Result<Dataset, DatasetError> {
        let story = DirSource {
            root: dir.to_path_buf(),
        };
        if dir.join("map/regions.json").exists() {
            Self::load(&story, &story, Origin::Dir(dir.to_path_buf()))
        } else {
            Self::load(&story, &EmbeddedSource, Origin::Dir(dir.to_path_buf()))
        }
    }

    /// Load and validate from a story source and a map source.
    pub fn load(
        story: &dyn Source,
        map: &dyn Source,
        origin: Origin,
    ) -> Result<Dataset, DatasetError> {
        let mut c = Collector {
            problems: Vec::new(),
            arrow: false,
        };
        let meta: Option<DatasetMeta> = c.parse(story, "story/dataset.json");
        let article = match story.read("story/article.txt") {
            Some(b) => match String::from_utf8(b) {
                Ok(s) => Some(s),
                Err(_) => {
                    c.add("story/article.txt", None, "not valid UTF-8");
                    None
                }
            },
            None => {
                c.add("story/article.txt", None, "file is missing");
                None
            }
        };
        let events = c.events(story);
        let excerpts: Option<Vec<ExcerptSpec>> = c.parse(story, "story/excerpts.json");
        let disputes: Option<FeatureCollection<DisputeProps>> =
            c.parse(story, "story/disputes.geojson");
        let memberships: Option<MembershipsFile> = c.parse(story, "story/memberships.json");
        let gazetteer: Option<GazetteerSpec> = c.parse(story, "story/gazetteer.json");
        let regions: Option<Vec<Region>> = c.parse(map, "map/regions.json");
        let layers: Option<LayerIndex> = c.parse(map, "map/layers.json");

        let (
            Some(meta),
            Some(article),
            Some(events),
            Some(excerpts),
            Some(disputes),
            Some(memberships),
            Some(gazetteer),
            Some(regions),
            Some(layers),
        ) = (
            meta,
            article,
            events,
            excerpts,
            disputes,
            memberships,
            gazetteer,
            regions,
            layers,
        )
        else {
            return Err(DatasetError {
                problems: c.problems,
            });
        };

        let raw = RawDataset {
            meta,
            article,
            events,
            excerpts,
            disputes,
            memberships,
            gazetteer,
            regions,
            layers,
        };
        let arrow = c.arrow;
        crate::validate::build(raw, origin).map_err(|problems| DatasetError {
            problems: c
                .problems
                .into_iter()
                .chain(problems)
                .map(|p| if arrow { p.in_arrow() } else { p })
                .collect(),
        })
    }

    /// Validate a dataset assembled in memory (what `faultlines import`
    /// builds before it writes a file), with the same checks as a folder's.
    pub fn from_raw(raw: RawDataset, origin: Origin) -> Result<Dataset, DatasetError> {
        crate::validate::build(raw, origin).map_err(|problems| DatasetError { problems })
    }
}
