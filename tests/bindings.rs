//! The UI's TypeScript types are generated from the Rust types, never written
//! by hand. This test regenerates them and fails when `ui/src/api/bindings.ts`
//! is stale; run `UPDATE_BINDINGS=1 cargo test --test bindings` to refresh it.

mod common;

use faultlines_core::api::*;
use faultlines_core::dataset::{Excerpt, ExcerptNote, LayerEntry, LayerIndex, Problem};
use faultlines_core::layer::REGIONAL_FRAME;
use faultlines_core::link::Mention;
use faultlines_core::model::*;
use faultlines_core::relevance::{ExcerptLink, LinkReason};
use faultlines_core::search::{HitKind, SearchHit};
use faultlines_core::view_link::{
    Ignored, IgnoredWhy, LinkAnswer, ViewLink, LINK_HOST, LINK_KEYS, LINK_SCHEME, MAX_LINK,
};
use faultlines_core::{ErrorCode, Precision};
use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let cfg = &cfg;
    let mut out = String::from(
        "// Generated from the Rust types by `tests/bindings.rs`; do not edit.\n\
         // Refresh with: UPDATE_BINDINGS=1 cargo test --test bindings\n\n\
         /** A date as text: YYYY, YYYY-MM or YYYY-MM-DD, optionally prefixed by ~ (approximate). */\n\
         export type DateText = string;\n\n",
    );
    let all = decls!(cfg;
        Precision, ErrorCode, faultlines_core::ApiError, Problem,
        Geometry, ArticleMeta, DatasetText, EventKind, EventEnd, Discrepancy, Absence, EventText, EventProps, Event, DisputeText,
        MemberStatus, MembershipPeriod, Membership, Organization, DisputeLevel, DisputePeriod, DisputeProps, Dispute,
        RegionKind, Region, RegionVersion, Excerpt, ExcerptNote, NoteKind, LinkReason, ExcerptLink, LayerIndex, LayerEntry, Mention, HitKind, SearchHit,
        TimeSpan, HistogramMode, StateEvents, Counts, KindCount, DatasetInfo, Phase, ActiveEvent, MembershipState, DisputeState, DisputeStateText, State, Filter,
        EventPage, Bin, Histogram, EventRef, ExcerptView, RegionExcerpts, Article,
        PlacePrecision, ImportMeta, ImportedFile,
        ViewLink, IgnoredWhy, Ignored, LinkAnswer, faultlines_core::cite::Citation,
        faultlines_import::RowProblem, faultlines_import::ImportWarning, faultlines_import::ImportReport, faultlines_import::Format,
        faultlines_import::columns::Field, faultlines_import::library::StoryEntry, faultlines_import::sink::Progress,
        faultlines_render::ExportFormat, faultlines_render::ExportFormats, faultlines_render::AnimationParams,
        faultlines_render::AnimationStarted, faultlines_render::FrameAdded,
    );
    for d in all {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&constants());
    out.trim_end().to_string() + "\n"
}

/// The rules the UI must share with the core, as constants: the kinds in the
/// core's order (a columns record's kind byte indexes it) and the columns'
/// layout, so `ui/src/timeline/columns.ts` keeps no copy of its own.
fn constants() -> String {
    let kinds: Vec<String> = EventKind::ALL
        .iter()
        .map(|k| format!("{:?}", k.as_str()))
        .collect();
    let fields: Vec<String> = COLUMN_FIELDS
        .iter()
        .map(|(n, o)| format!("{n}: {o}"))
        .collect();
    let flags: Vec<String> = COLUMN_FLAGS
        .iter()
        .map(|(n, b)| format!("{n}: {b}"))
        .collect();
    let codes: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| serde_json::to_string(c).unwrap_or_default())
        .collect();
    let failures: Vec<String> = faultlines_import::ImportError::CODES
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    let warnings: Vec<String> = faultlines_import::ImportWarning::CODES
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    let not_data: Vec<String> = faultlines_import::sniff::NOT_DATA
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    let row_reasons: Vec<String> = faultlines_import::RowProblem::CODES
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    let keys: Vec<String> = LINK_KEYS
        .iter()
        .map(|(n, k)| format!("{n}: {k:?}"))
        .collect();
    format!(
        "/** Every event kind, in the core's order. */\n\
         export const EVENT_KINDS = [{}] as const satisfies readonly EventKind[];\n\n\
         /** The layout of the binary columns (`Api::columns`). */\n\
         export const COLUMNS = {{ magic: {COLUMN_MAGIC:?}, header: {COLUMN_HEADER}, record: {COLUMN_RECORD}, at: {{ {} }}, flags: {{ {} }} }} as const;\n\n\
         /** Every error code the core answers with. */\n\
         export const ERROR_CODES = [{}] as const satisfies readonly ErrorCode[];\n\n\
         /** Every kind of failed import (`details.kind` of an `import_failed` error). */\n\
         export const IMPORT_FAILURES = [{}] as const;\n\n\
         /** Every code of an import's warning (`ImportWarning.code`). */\n\
         export const IMPORT_WARNINGS = [{}] as const;\n\n\
         /** Every kind of file that is not data (`details.what` of an `unreadable` import). */\n\
         export const IMPORT_NOT_DATA = [{}] as const;\n\n\
         /** Every code of a rejected row's reason (`RowProblem.code`). */\n\
         export const IMPORT_ROW_REASONS = [{}] as const;\n\n\
         /** Links to a view (`crates/core/src/view_link/`): the scheme and host of the desktop app's, the keys in the order they are written, the longest read. */\n\
         export const LINK = {{ scheme: {LINK_SCHEME:?}, host: {LINK_HOST:?}, keys: {{ {} }}, max: {MAX_LINK} }} as const;\n\n\
         /** The regional frame in degrees (`layer::REGIONAL_FRAME`): the regional layers are clipped to it. */\n\
         export const FRAME = {{ west: {}, south: {}, east: {}, north: {} }} as const;\n\n",
        kinds.join(", "),
        fields.join(", "),
        flags.join(", "),
        codes.join(", "),
        failures.join(", "),
        warnings.join(", "),
        not_data.join(", "),
        row_reasons.join(", "),
        keys.join(", "),
        REGIONAL_FRAME[0],
        REGIONAL_FRAME[1],
        REGIONAL_FRAME[2],
        REGIONAL_FRAME[3],
    )
}

#[test]
fn typescript_bindings_are_fresh() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/api/bindings.ts");
    common::assert_fresh(
        &path,
        &generate(),
        "UPDATE_BINDINGS=1 cargo test --test bindings",
    );
}
