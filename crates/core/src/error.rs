//! Errors that cross the boundary to the UI.
//!
//! Every failed request, whatever the transport, becomes one [`ApiError`]
//! `{code, message, details}`. The UI switches on `code` (a closed set, so the
//! TypeScript side gets a union type) and words it in the reader's language
//! from `code` and the parameters in `details` (the offending field and
//! value), showing the English `message` where it has no words. Over
//! HTTP the same body comes with a 4xx status from [`ErrorCode::http_status`].

use serde::Serialize;

/// What kind of problem a request hit. Stable: the UI and scripts match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A date parameter could not be parsed.
    BadDate,
    /// A parameter is missing, malformed or out of its allowed range.
    BadRequest,
    /// `from` is after `to`.
    RangeInverted,
    /// No region has that id.
    UnknownRegion,
    /// No event has that id.
    UnknownEvent,
    /// No excerpt has that id.
    UnknownExcerpt,
    /// No layer or level of detail by that name.
    UnknownLayer,
    /// The request asks for more than the server gives in one answer.
    TooLarge,
    /// The route or file does not exist.
    NotFound,
    /// A dataset failed validation.
    InvalidDataset,
    /// An import wrote nothing; `details.kind` says why (`columns`: the
    /// headers are in `details.headers` for the column-mapping step).
    ImportFailed,
    /// The import was cancelled by the user.
    Cancelled,
    /// A bug: something that should not happen did.
    Internal,
}

impl ErrorCode {
    /// Every code, for the UI's generated list (`ERROR_CODES` in bindings.ts).
    pub const ALL: [ErrorCode; 13] = [
        ErrorCode::BadDate,
        ErrorCode::BadRequest,
        ErrorCode::RangeInverted,
        ErrorCode::UnknownRegion,
        ErrorCode::UnknownEvent,
        ErrorCode::UnknownExcerpt,
        ErrorCode::UnknownLayer,
        ErrorCode::TooLarge,
        ErrorCode::NotFound,
        ErrorCode::InvalidDataset,
        ErrorCode::ImportFailed,
        ErrorCode::Cancelled,
        ErrorCode::Internal,
    ];

    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::BadDate | ErrorCode::BadRequest | ErrorCode::RangeInverted => 400,
            ErrorCode::UnknownRegion
            | ErrorCode::UnknownEvent
            | ErrorCode::UnknownExcerpt
            | ErrorCode::UnknownLayer
            | ErrorCode::NotFound => 404,
            ErrorCode::TooLarge => 413,
            ErrorCode::InvalidDataset | ErrorCode::ImportFailed => 422,
            ErrorCode::Cancelled => 409,
            ErrorCode::Internal => 500,
        }
    }
}

/// The error every API call returns.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Machine-readable context, e.g. `{"param": "at", "value": "2022-13-01"}`.
    #[ts(type = "Record<string, unknown> | null")]
    pub details: Option<serde_json::Value>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            details: None,
        }
    }

    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }

    /// A parameter that failed to parse or is out of range.
    pub fn param(
        code: ErrorCode,
        param: &str,
        value: impl ToString,
        message: impl Into<String>,
    ) -> Self {
        ApiError::new(code, message)
            .with_details(serde_json::json!({ "param": param, "value": value.to_string() }))
    }
}

impl From<crate::date::DateError> for ApiError {
    fn from(e: crate::date::DateError) -> Self {
        let input = e.input.clone();
        ApiError::new(ErrorCode::BadDate, e.to_string())
            .with_details(serde_json::json!({ "value": input }))
    }
}
