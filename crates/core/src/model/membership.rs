//! Memberships over time and border disputes: the two things the map
//! paints as status rather than as events.

use super::*;

/// The state of a membership at some time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    /// Full member (or party to the treaty).
    Member,
    /// Membership suspended by the organization or the member.
    Suspended,
    /// Participation frozen by the member, formally still in.
    Frozen,
    Observer,
}

/// One interval of a country's status in an organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MembershipPeriod {
    pub from: Date,
    /// `None`: still so today.
    pub to: Option<Date>,
    pub status: MemberStatus,
    pub note: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub discrepancies: Vec<Discrepancy>,
}

/// A country's history in one organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Membership {
    pub org: String,
    /// ISO 3166-1 alpha-3 (withdrawn codes for historical states).
    pub country: String,
    pub periods: Vec<MembershipPeriod>,
}

/// An alliance or grouping whose membership the map can show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub short: String,
    pub founded: Date,
    pub dissolved: Option<Date>,
    pub sources: Vec<String>,
}

/// How heated a dispute is, for styling; the words are in [`DisputePeriod::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DisputeLevel {
    Calm,
    Tense,
    Fighting,
    Blocked,
    Settled,
}

/// One step of a dispute's status timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DisputePeriod {
    pub from: Date,
    pub level: DisputeLevel,
    /// e.g. "open under Russian peacekeepers", "blockaded".
    pub status: String,
    pub sources: Vec<String>,
    /// The status in other languages (`{"ru": "…"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<String>>,
}

/// A dispute's name and description in a language other than English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DisputeText {
    pub name: String,
    pub description: String,
}

/// A border dispute or contested corridor: the properties of a feature in `disputes.geojson`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DisputeProps {
    pub id: String,
    pub name: String,
    pub description: String,
    pub parties: Vec<String>,
    pub regions: Vec<String>,
    pub timeline: Vec<DisputePeriod>,
    /// Event ids of its incidents.
    pub incidents: Vec<String>,
    /// The name and description in other languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub i18n: Option<Translations<DisputeText>>,
}

/// A dispute with its geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dispute {
    #[serde(flatten)]
    pub props: DisputeProps,
    pub geometry: Geometry,
}
