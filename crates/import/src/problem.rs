//! What can go wrong in an import, in words a user can act on.
//!
//! A row that cannot be read is a [`RowProblem`], printed the way compilers
//! print errors (`events.csv:12: event_date: "2023-02-31" is not a date: no
//! such day in that month`) so editors and terminals can jump to it; the
//! other rows still import. A file that cannot be read at all, or an import
//! refused as a whole, is an [`ImportError`]: nothing is written.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

/// One row (or feature) left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowProblem {
    /// The file's name as given.
    pub file: String,
    /// 1-based line of the row (the feature's first line in GeoJSON); 0 for
    /// the file as a whole.
    pub line: u64,
    /// The column or property at fault, if one is.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read it: {message}")]
    Io { file: String, message: String },
    /// The bytes are not something the import reads (empty, binary, a zip,
    /// UTF-16…); the message says what it is and what to do.
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
    /// A CSV whose headers do not say where the dates or places are: the app
    /// then asks the user to map its columns.
    #[error("{file}: no {} column among the headers ({}); name them with --column, e.g. --column date=When", .missing.join(" or "), .headers.join(", "))]
    Columns {
        file: String,
        missing: Vec<String>,
        headers: Vec<String>,
    },
    /// `--strict`: some rows have problems, so nothing was imported.
    #[error("{} problem(s); with --strict nothing is imported:\n{}", .problems.len(), list(.problems))]
    Strict { problems: Vec<RowProblem> },
    /// Every row was rejected, or there were none.
    #[error("no events to import{}", if .problems.is_empty() { String::new() } else { format!(":\n{}", list(.problems)) })]
    NoEvents { problems: Vec<RowProblem> },
    /// The assembled story fails the checks every story passes.
    #[error("{0}")]
    Invalid(faultlines_core::dataset::DatasetError),
    #[error("the import was cancelled; nothing was written")]
    Cancelled,
    #[error("{0}")]
    Usage(String),
}

fn list(problems: &[RowProblem]) -> String {
    const SHOWN: usize = 20;
    let mut out: Vec<String> = problems
        .iter()
        .take(SHOWN)
        .map(|p| format!("  {p}"))
        .collect();
    if problems.len() > SHOWN {
        out.push(format!("  … and {} more", problems.len() - SHOWN));
    }
    out.join("\n")
}

impl ImportError {
    pub fn io(file: &str, e: std::io::Error) -> ImportError {
        ImportError::Io {
            file: file.to_string(),
            message: e.to_string(),
        }
    }

    /// A stable code for the app, like the core's `ApiError` codes.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Io { .. } => "io",
            ImportError::Unreadable { .. } => "unreadable",
            ImportError::Columns { .. } => "columns",
            ImportError::Strict { .. } => "strict",
            ImportError::NoEvents { .. } => "no_events",
            ImportError::Invalid(_) => "invalid",
            ImportError::Cancelled => "cancelled",
            ImportError::Usage(_) => "usage",
        }
    }
}

impl From<ImportError> for faultlines_core::ApiError {
    fn from(e: ImportError) -> Self {
        use faultlines_core::{ApiError, ErrorCode};
        let code = match e {
            ImportError::Cancelled => ErrorCode::Cancelled,
            _ => ErrorCode::ImportFailed,
        };
        let mut details = serde_json::json!({ "kind": e.code() });
        match &e {
            ImportError::Columns {
                file,
                missing,
                headers,
            } => {
                details["file"] = serde_json::json!(file);
                details["missing"] = serde_json::json!(missing);
                details["headers"] = serde_json::json!(headers);
            }
            ImportError::Strict { problems } | ImportError::NoEvents { problems } => {
                details["problems"] = serde_json::json!(problems);
            }
            ImportError::Invalid(d) => details["problems"] = serde_json::json!(d.problems),
            _ => {}
        }
        ApiError::new(code, e.to_string()).with_details(details)
    }
}
