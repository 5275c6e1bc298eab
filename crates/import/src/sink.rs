//! Where rows go as they are read: each becomes an event, checked on its
//! own by the core's rules, or a [`RowProblem`] naming its line. Duplicate
//! ids are found once every file is read (the later row is the one left
//! out), by sorting, without a set holding a copy of every id.

use faultlines_core::model::{Event, IdOrder};

use crate::problem::{ImportError, RowProblem};
use crate::row::{Draft, FieldError};

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Progress {
    /// Bytes read of all the files, and their total.
    pub done: u64,
    pub total: u64,
    /// Rows read so far.
    pub rows: u64,
}

/// Most problems kept to show; all are counted.
pub const KEEP_PROBLEMS: usize = 10_000;

/// One file's rows: how many were read and became events.
#[derive(Debug, Clone, Default)]
pub struct FileCount {
    pub name: String,
    pub format: String,
    pub rows: u64,
    pub imported: u64,
}

pub struct Sink<'a> {
    pub rows: u64,
    pub events: Vec<Event>,
    /// The line each event was read from, and its file's index in `files`.
    lines: Vec<(u32, u64)>,
    pub problems: Vec<RowProblem>,
    pub rejected: u64,
    pub files: Vec<FileCount>,
    known_region: &'a dyn Fn(&str) -> bool,
    on_progress: &'a dyn Fn(Progress) -> bool,
    done_before: u64,
    pub total: u64,
}

impl<'a> Sink<'a> {
    pub fn new(
        known_region: &'a dyn Fn(&str) -> bool,
        on_progress: &'a dyn Fn(Progress) -> bool,
        total: u64,
    ) -> Sink<'a> {
        Sink {
            rows: 0,
            events: Vec::new(),
            lines: Vec::new(),
            problems: Vec::new(),
            rejected: 0,
            files: Vec::new(),
            known_region,
            on_progress,
            done_before: 0,
            total,
        }
    }

    /// Rows from now on come from `name`, read as `format`; `size` bytes.
    pub fn begin_file(&mut self, name: &str, format: &str) {
        self.files.push(FileCount {
            name: name.to_string(),
            format: format.to_string(),
            ..FileCount::default()
        });
    }

    /// The current file is read; its bytes count as done.
    pub fn end_file(&mut self, size: u64) {
        self.done_before += size;
    }

    fn file(&self) -> &str {
        self.files.last().map_or("", |f| f.name.as_str())
    }

    pub fn problem(&mut self, line: u64, field: Option<crate::row::Col>, message: String) {
        self.rejected += 1;
        if self.problems.len() < KEEP_PROBLEMS {
            let problem =
                RowProblem::new(self.file(), line, field.map(|f| f.into_owned()), message);
            self.problems.push(problem);
        }
    }

    /// A row read (or not) at `line`.
    pub fn row(&mut self, line: u64, read: Result<Draft, FieldError>) -> Result<(), ImportError> {
        self.rows += 1;
        if let Some(f) = self.files.last_mut() {
            f.rows += 1;
        }
        let draft = match read {
            Ok(d) => d,
            Err((field, message)) => {
                self.problem(line, Some(field), message);
                return Ok(());
            }
        };
        let event = draft.into_event();
        let problems = faultlines_core::event_problems(&event, self.known_region, true);
        if let Some(first) = problems.into_iter().next() {
            self.problem(line, None, first);
            return Ok(());
        }
        if let Some(f) = self.files.last_mut() {
            f.imported += 1;
        }
        self.lines
            .push((self.files.len().saturating_sub(1) as u32, line));
        self.events.push(event);
        Ok(())
    }

    /// Tell the progress bar; `Err(Cancelled)` when the user asked to stop.
    pub fn progress(&self, done_in_file: u64) -> Result<(), ImportError> {
        let p = Progress {
            done: (self.done_before + done_in_file).min(self.total),
            total: self.total,
            rows: self.rows,
        };
        if (self.on_progress)(p) {
            Ok(())
        } else {
            Err(ImportError::Cancelled)
        }
    }

    /// Leave out the later of every two events with one id, naming both lines.
    pub fn drop_duplicates(&mut self) {
        let order = IdOrder::new(&self.events[..]);
        let dups: Vec<&str> = order.duplicates(&self.events[..]).collect();
        if dups.is_empty() {
            return;
        }
        let dup_ids: std::collections::BTreeSet<String> =
            dups.iter().map(|s| s.to_string()).collect();
        let mut first: std::collections::HashMap<String, (u32, u64)> =
            std::collections::HashMap::new();
        let mut keep = vec![true; self.events.len()];
        for (i, e) in self.events.iter().enumerate() {
            let id = e.props.id.as_ref();
            if !dup_ids.contains(id) {
                continue;
            }
            match first.get(id) {
                None => {
                    first.insert(id.to_string(), self.lines[i]);
                }
                Some(_) => keep[i] = false,
            }
        }
        let mut found = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            if !keep[i] {
                let (fi, fl) = first[e.props.id.as_ref()];
                let (di, dl) = self.lines[i];
                let id = e.props.id.as_ref();
                let other = format!("{}:{fl}", self.files[fi as usize].name);
                found.push((
                    di,
                    dl,
                    format!("duplicate id {id:?}: the row at {other} has it too"),
                    serde_json::json!({ "id": id, "other": other }),
                ));
            }
        }
        for (fi, line, message, details) in found {
            self.rejected += 1;
            self.files[fi as usize].imported -= 1;
            if self.problems.len() < KEEP_PROBLEMS {
                self.problems.push(RowProblem {
                    file: self.files[fi as usize].name.clone(),
                    line,
                    field: Some("id".into()),
                    message,
                    code: Some("duplicate_id".into()),
                    details,
                });
            }
        }
        let mut k = keep.iter();
        self.events.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        self.lines.retain(|_| *k.next().unwrap_or(&true));
        self.problems
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    }

    /// Points of the events kept, for the swapped-coordinates check.
    pub fn points(&self) -> impl Iterator<Item = [f64; 2]> + '_ {
        self.events.iter().filter_map(|e| match e.geometry {
            faultlines_core::model::Geometry::Point(p) => Some(p),
            _ => None,
        })
    }
}
