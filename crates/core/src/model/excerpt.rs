//! How the article is linked to the map: excerpt and note specs as
//! `excerpts.json` stores them, and the gazetteer of names found in text.

use super::*;

/// A span of the article as stored in `excerpts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExcerptSpec {
    pub id: String,
    /// Offset of the first character, counted in Unicode scalar values.
    pub start: usize,
    /// Offset one past the last character.
    pub end: usize,
    /// The quoted text; must equal the article at `start..end`.
    pub text: String,
    /// Event ids this passage is about, the one it is chiefly about first.
    #[serde(default)]
    pub events: Vec<String>,
    /// Region links added by hand on top of the gazetteer's.
    #[serde(default)]
    pub add_regions: Vec<String>,
    /// Gazetteer links removed by hand.
    #[serde(default)]
    pub remove_regions: Vec<String>,
    /// Marked as about the story in general, with no place of its own.
    #[serde(default)]
    pub general: bool,
    /// Notes on what this sentence says (not on its events).
    #[serde(default)]
    pub notes: Vec<NoteSpec>,
}

/// What a note on a sentence says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// The sentence is wrong; the note says what the sources say.
    Correction,
    /// The sentence may be right, but no source confirms it.
    Unverified,
    /// Right when written; overtaken by later events.
    Update,
    /// A typo kept verbatim; the display marks it `[sic]`.
    Sic,
}

/// A note on a sentence, as stored in `excerpts.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NoteSpec {
    pub kind: NoteKind,
    /// The words of the sentence the note is about; they must occur in it.
    pub quote: String,
    pub note: String,
    /// Required for every kind but `sic`, whose evidence is the text itself.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The note in other languages (`{"ru": "…"}`); the quoted words stay
    /// the article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<String>>,
}

/// The gazetteer's entries (`gazetteer.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GazetteerSpec {
    /// Region id → names, spellings, demonyms and metonyms found in text.
    pub names: std::collections::BTreeMap<String, Vec<String>>,
    /// Group name as written → region ids it stands for.
    pub groups: std::collections::BTreeMap<String, Vec<String>>,
}
