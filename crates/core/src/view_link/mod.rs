//! Links to a view of the atlas: one format, parsed and written here only.
//!
//! A view is what the reader sees: the slider's day, the selected region, the
//! timeline's window, the map's zoom and centre, the filters, and the excerpt
//! open in the reading view. The same fields travel in two wrappings, a
//! browser page's fragment (`#at=2022-01-09&region=KAZ`) and the desktop
//! app's address (`faultlines://view?at=2022-01-09&region=KAZ`), so a link
//! opens the same view in either mode.
//!
//! [`ViewLink::parse`] never fails: a link is something a person pasted or a
//! program wrote, and a bad part of it (an unknown region, 31 February, a
//! number that is not one, a key we do not know, junk) is left out and named
//! in an [`Ignored`], so the app can open the rest and say what it dropped.
//! Region, excerpt and organization ids are checked against the story open
//! ([`LinkChecks`], which [`crate::Api`] implements). [`ViewLink::to_query`]
//! writes the canonical form; the UI's writer (`ui/src/app/link.ts`) is held
//! to it by the browser tests, and the keys are generated into its bindings.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::DayNum;
use crate::model::EventKind;

mod parse;
mod query;
#[cfg(test)]
mod tests;

pub use query::{decode_component, encode_component};

/// The scheme the desktop app registers, and the host of its view links.
pub const LINK_SCHEME: &str = "faultlines";
pub const LINK_HOST: &str = "view";

/// Longest link read, in bytes; a longer one is refused whole.
pub const MAX_LINK: usize = 4096;

/// Largest zoom a link may ask for (the map itself stops at its own limit).
pub const MAX_LINK_ZOOM: f64 = 1000.0;

/// The keys of a link, in the order [`ViewLink::to_query`] writes them.
pub const LINK_KEYS: [(&str, &str); 10] = [
    ("at", "at"),
    ("region", "region"),
    ("from", "from"),
    ("to", "to"),
    ("zoom", "zoom"),
    ("center", "center"),
    ("kinds", "kinds"),
    ("actor", "actor"),
    ("org", "org"),
    ("excerpt", "excerpt"),
];

/// A view of the atlas, as a link carries it. Every field is optional: what a
/// link leaves out is the app's default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ViewLink {
    /// The slider's day.
    pub at: Option<DayNum>,
    /// The selected region's id.
    pub region: Option<String>,
    /// The timeline's window: its first and last day (`from`, `to`).
    pub window: Option<[DayNum; 2]>,
    /// The map's zoom (1: the story's whole frame).
    pub zoom: Option<f64>,
    /// The map's centre, `[lon, lat]` in degrees.
    pub center: Option<[f64; 2]>,
    /// The event kinds shown, in the core's order; `None` for all.
    pub kinds: Option<Vec<EventKind>>,
    /// Only the events of this organization.
    pub actor: Option<String>,
    /// The organization whose members the map colours; `""` for none.
    pub org: Option<String>,
    /// The excerpt the reading view opens at.
    pub excerpt: Option<String>,
}

/// Why a part of a link was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IgnoredWhy {
    /// Not `key=value`, a broken %-escape, or not a view link at all.
    Junk,
    /// The link is longer than [`MAX_LINK`].
    TooLong,
    /// A key links do not have.
    UnknownKey,
    /// A key given again; the first is used.
    Repeated,
    /// Not a date, or no such day (31 February, month 13).
    ImpossibleDate,
    /// Not a number, or not a finite one.
    BadNumber,
    /// A number outside what it may be (a latitude past 90, a zoom of 0).
    OutOfRange,
    /// `from` after `to`.
    RangeInverted,
    /// `from` without `to`, or `to` without `from`.
    Incomplete,
    /// No region of the story has this id.
    UnknownRegion,
    /// No excerpt of the story has this id.
    UnknownExcerpt,
    /// No organization of the story has this id.
    UnknownOrganization,
    /// Not an event kind.
    UnknownKind,
}

/// A part of a link that was left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ignored {
    /// The key (`""` for junk that has none).
    pub key: String,
    /// The value as given (decoded), cut to 80 characters.
    pub value: String,
    pub why: IgnoredWhy,
}

/// A link read: the view and what was left out of it; `query` is the view
/// written back in the canonical form.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LinkAnswer {
    pub view: ViewLink,
    pub ignored: Vec<Ignored>,
    pub query: String,
}

/// What a link's ids are checked against: the story open.
pub trait LinkChecks {
    fn has_region(&self, id: &str) -> bool;
    fn has_excerpt(&self, id: &str) -> bool;
    fn has_organization(&self, id: &str) -> bool;
}

impl ViewLink {
    /// Read a link: `#at=…&…`, `faultlines://view?at=…&…`, a page address
    /// with such a fragment, or the bare `at=…&…`. Never fails; what is left
    /// out is named.
    pub fn parse(text: &str, checks: &impl LinkChecks) -> (ViewLink, Vec<Ignored>) {
        parse::parse(text, checks)
    }

    /// The link's query, canonical: keys in [`LINK_KEYS`] order, dates as
    /// `YYYY-MM-DD`, numbers in their shortest exact form, values %-encoded.
    pub fn to_query(&self) -> String {
        query::write(self)
    }

    /// `faultlines://view?…`, for the desktop app.
    pub fn to_url(&self) -> String {
        format!("{LINK_SCHEME}://{LINK_HOST}?{}", self.to_query())
    }

    /// `#…`, for a browser page.
    pub fn to_fragment(&self) -> String {
        format!("#{}", self.to_query())
    }
}
