//! What can go wrong in an import, in words a user can act on.
//!
//! A row that cannot be read is a [`RowProblem`], printed the way compilers
//! print errors (`events.csv:12: event_date: "2023-02-31" is not a date: no
//! such day in that month`) so editors and terminals can jump to it; the
//! other rows still import; its commonest reasons also carry a stable code
//! and their parameters ([`crate::reason`]) so the app words them in its
//! reader's language. A file that cannot be read at all, or an import
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
    /// The reason in English, as the CLI prints it.
    pub message: String,
    /// The reason's stable code (one of [`RowProblem::CODES`]), for the app
    /// to word it in its own language; `None` for a reason not yet coded.
    pub code: Option<String>,
    /// The reason's parameters (the value, the column, the other row…).
    #[ts(type = "Record<string, unknown>")]
    pub details: serde_json::Value,
}

impl RowProblem {
    /// Every code a reason has (`IMPORT_ROW_REASONS` in bindings.ts).
    pub const CODES: [&'static str; 27] = crate::reason::CODES;

    /// A row left out for `message`, coded when it is one of the reasons
    /// [`crate::reason::classify`] knows.
    pub fn new(file: &str, line: u64, field: Option<String>, message: String) -> RowProblem {
        let (code, details) = match crate::reason::classify(field.as_deref(), &message) {
            Some((code, details)) => (Some(code.to_string()), details),
            None => (None, serde_json::json!({})),
        };
        RowProblem {
            file: file.to_string(),
            line,
            field,
            message,
            code,
            details,
        }
    }
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

/// Something that rejects no row but may be wrong: a stable `code` (one of
/// [`ImportWarning::CODES`]), the English `message`, and the parameters in
/// `details`, so the app words it in its own language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportWarning {
    pub code: String,
    pub message: String,
    #[ts(type = "Record<string, unknown>")]
    pub details: serde_json::Value,
}

impl ImportWarning {
    /// Every code a warning has (`IMPORT_WARNINGS` in bindings.ts).
    pub const CODES: [&'static str; 1] = ["swapped"];
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
    /// As `Unreadable`, for a file that is not text data at all; `what` is
    /// one of [`crate::sniff::NOT_DATA`] (empty, a zip, UTF-16…).
    #[error("{file}: {message}")]
    NotData {
        file: String,
        what: &'static str,
        message: String,
    },
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

    /// Every code [`ImportError::code`] gives, for the UI's generated list
    /// (`IMPORT_FAILURES` in bindings.ts: each has its words in both languages).
    pub const CODES: [&'static str; 8] = [
        "io",
        "unreadable",
        "columns",
        "strict",
        "no_events",
        "invalid",
        "cancelled",
        "usage",
    ];

    /// A stable code for the app, like the core's `ApiError` codes.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Io { .. } => "io",
            ImportError::Unreadable { .. } | ImportError::NotData { .. } => "unreadable",
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
        // The parameters of the UI's sentence for each kind (file, line, counts).
        let mut details = serde_json::json!({ "kind": e.code() });
        match &e {
            ImportError::Io { file, message } => {
                details["file"] = serde_json::json!(file);
                details["reason"] = serde_json::json!(message);
            }
            ImportError::Unreadable { file, message } => {
                details["file"] = serde_json::json!(file);
                details["reason"] = serde_json::json!(message);
            }
            ImportError::NotData {
                file,
                what,
                message,
            } => {
                details["file"] = serde_json::json!(file);
                details["what"] = serde_json::json!(what);
                details["reason"] = serde_json::json!(message);
            }
            ImportError::Usage(message) => details["reason"] = serde_json::json!(message),
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
                details["count"] = serde_json::json!(problems.len());
            }
            ImportError::Invalid(d) => {
                details["problems"] = serde_json::json!(d.problems);
                details["count"] = serde_json::json!(d.problems.len());
            }
            _ => {}
        }
        ApiError::new(code, e.to_string()).with_details(details)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64) -> RowProblem {
        RowProblem::new(
            "events.csv",
            line,
            Some("date".into()),
            "\"2023-02-31\" is not a date".into(),
        )
    }

    #[test]
    fn every_kind_of_failure_has_its_code_in_the_list_the_ui_words() {
        let all = [
            ImportError::Io {
                file: "a.csv".into(),
                message: "denied".into(),
            },
            ImportError::Unreadable {
                file: "a.csv".into(),
                message: "empty".into(),
            },
            ImportError::NotData {
                file: "a.zip".into(),
                what: "container",
                message: "a zip".into(),
            },
            ImportError::Columns {
                file: "a.csv".into(),
                missing: vec!["date".into()],
                headers: vec!["x".into()],
            },
            ImportError::Strict { problems: vec![] },
            ImportError::NoEvents { problems: vec![] },
            ImportError::Invalid(faultlines_core::dataset::DatasetError { problems: vec![] }),
            ImportError::Cancelled,
            ImportError::Usage("no files".into()),
        ];
        for e in all {
            assert!(ImportError::CODES.contains(&e.code()), "{}", e.code());
        }
    }

    #[test]
    fn a_failure_sent_to_the_app_carries_its_file_and_the_rows_lines_as_parameters() {
        let e: faultlines_core::ApiError = ImportError::io(
            "gone.csv",
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        )
        .into();
        let d = e.details.unwrap();
        assert_eq!(
            (d["kind"].as_str(), d["file"].as_str()),
            (Some("io"), Some("gone.csv"))
        );
        assert_eq!(d["reason"], "no such file");
        let e: faultlines_core::ApiError = ImportError::NoEvents {
            problems: vec![row(12), row(14)],
        }
        .into();
        let d = e.details.unwrap();
        assert_eq!(d["count"], 2);
        assert_eq!(d["problems"][1]["line"], 14);
        assert_eq!(d["problems"][0]["file"], "events.csv");
        assert_eq!(d["problems"][0]["code"], "not_a_date");
        assert_eq!(d["problems"][0]["details"]["value"], "2023-02-31");
        assert!(
            e.message.starts_with("no events to import"),
            "{}",
            e.message
        );
    }
}
