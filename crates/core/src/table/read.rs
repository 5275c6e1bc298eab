//! Appending an Arrow record batch to a table: strings and lists copied a
//! column at a time, symbol lists interned once per distinct list, dates
//! parsed, geometries decoded only where they are more than a point.

use std::collections::HashMap;

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch, StringArray};

use super::build::Fields;
use super::ipc::{col, precision_by_name, rare_of, strings, RareText};
use super::{EventTable, TextLists, Texts};
use crate::date::Date;
use crate::model::*;

/// Symbol lists already seen, by a hash of their items, and the last list
/// of each column (neighbouring events often cite the same sources).
#[derive(Default)]
pub(super) struct Interner {
    seen: HashMap<u64, Vec<Few<Sym>>>,
    last: [Few<Sym>; 4],
}

/// Whether `f` holds the items of `range`, in order.
fn is_list(f: &Few<Sym>, items: &StringArray, range: &std::ops::Range<usize>) -> bool {
    f.len() == range.len()
        && f.iter()
            .zip(range.clone())
            .all(|(s, k)| **s == *items.value(k))
}

impl Interner {
    fn list(
        &mut self,
        column: usize,
        items: &StringArray,
        range: std::ops::Range<usize>,
    ) -> Few<Sym> {
        if range.is_empty() {
            return Few::default();
        }
        if is_list(&self.last[column], items, &range) {
            return self.last[column].clone();
        }
        let f = self.find(items, range);
        self.last[column] = f.clone();
        f
    }

    fn find(&mut self, items: &StringArray, range: std::ops::Range<usize>) -> Few<Sym> {
        // FNV-1a over the items and their lengths: a few bytes each, where
        // SipHash's setup cost more than the hashing.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for k in range.clone() {
            let v = items.value(k);
            for b in (v.len() as u32).to_le_bytes().iter().chain(v.as_bytes()) {
                h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        let bucket = self.seen.entry(h).or_default();
        if let Some(f) = bucket.iter().find(|f| is_list(f, items, &range)) {
            return f.clone();
        }
        let f: Few<Sym> = range.map(|k| Sym::new(items.value(k))).collect();
        bucket.push(f.clone());
        f
    }
}

fn lists<'a>(b: &'a RecordBatch, name: &str) -> Result<(&'a [i32], &'a StringArray), String> {
    let l = col(b, name)?
        .as_list_opt::<i32>()
        .ok_or_else(|| format!("column {name:?} is not a list"))?;
    let items = l
        .values()
        .as_string_opt::<i32>()
        .ok_or_else(|| format!("column {name:?} is not a list of text"))?;
    Ok((l.value_offsets(), items))
}

/// Append one text per row of `a` (nulls as "").
fn append_singles(t: &mut Texts, a: &StringArray) -> Result<(), String> {
    let off = a.value_offsets();
    let (first, last) = (off[0] as usize, off[a.len()] as usize);
    append_text(&mut t.text, a, first, last)?;
    let base = t.text.len() - (last - first);
    t.cuts
        .extend(off[1..].iter().map(|&o| (base + o as usize - first) as u32));
    Ok(())
}

/// Append the rows of a list column (`off`: row offsets into `items`).
fn append_lists(t: &mut TextLists, off: &[i32], items: &StringArray) -> Result<(), String> {
    let io = items.value_offsets();
    let (r0, rn) = (off[0] as usize, off[off.len() - 1] as usize);
    let (first, last) = (io[r0] as usize, io[rn] as usize);
    append_text(&mut t.text, items, first, last)?;
    let base = t.text.len() - (last - first);
    let k0 = t.cuts.len() - r0;
    t.cuts.extend(
        io[r0 + 1..=rn]
            .iter()
            .map(|&o| (base + o as usize - first) as u32),
    );
    t.ends
        .extend(off[1..].iter().map(|&o| (k0 + o as usize) as u32));
    Ok(())
}

fn append_text(t: &mut String, a: &StringArray, first: usize, last: usize) -> Result<(), String> {
    let bytes = &a.value_data()[first..last];
    let s = std::str::from_utf8(bytes).map_err(|e| format!("text is not UTF-8: {e}"))?;
    if t.len() + s.len() > u32::MAX as usize {
        return Err("a text column holds more than 4 GiB".into());
    }
    t.push_str(s);
    Ok(())
}

pub(super) fn append(
    t: &mut EventTable,
    b: &RecordBatch,
    syms: &mut Interner,
) -> Result<(), String> {
    // The texts are copied on one core while the rows are read on the other.
    let mut texts = (
        [
            std::mem::take(&mut t.ids),
            std::mem::take(&mut t.titles),
            std::mem::take(&mut t.descriptions),
        ],
        [
            std::mem::take(&mut t.places),
            std::mem::take(&mut t.excerpts),
        ],
    );
    let (copied, read) = std::thread::scope(|s| {
        let copy = s.spawn(|| append_texts(&mut texts, b));
        let read = append_rows(t, b, syms);
        (copy.join(), read)
    });
    ([t.ids, t.titles, t.descriptions], [t.places, t.excerpts]) = texts;
    match copied {
        Ok(copied) => copied.and(read),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn append_texts(texts: &mut ([Texts; 3], [TextLists; 2]), b: &RecordBatch) -> Result<(), String> {
    let ([ids, titles, descriptions], [places, excerpts]) = texts;
    append_singles(ids, strings(b, "id")?)?;
    append_singles(titles, strings(b, "title")?)?;
    append_singles(descriptions, strings(b, "description")?)?;
    for (name, target) in [("places", places), ("excerpts", excerpts)] {
        let (off, items) = lists(b, name)?;
        append_lists(target, off, items)?;
    }
    Ok(())
}

fn append_rows(t: &mut EventTable, b: &RecordBatch, syms: &mut Interner) -> Result<(), String> {
    let ids = strings(b, "id")?;
    let at = |i: usize, what: &str, e: &dyn std::fmt::Display| {
        format!("event {:?}: column {what:?}: {e}", ids.value(i))
    };
    let (kind, start, end) = (
        strings(b, "kind")?,
        strings(b, "start")?,
        strings(b, "end")?,
    );
    let (precision, cancelled) = (strings(b, "place_precision")?, strings(b, "cancelled")?);
    let (absent, notes) = (strings(b, "absent")?, strings(b, "discrepancies")?);
    // Files written before the translations have no such column.
    let i18n = match b.column_by_name("i18n") {
        Some(_) => Some(strings(b, "i18n")?),
        None => None,
    };
    let geometry = col(b, "geometry")?
        .as_binary_opt::<i32>()
        .ok_or("column \"geometry\" is not binary (WKB)")?;
    let (region_off, regions) = lists(b, "regions")?;
    let (actor_off, actors) = lists(b, "actors")?;
    let (source_off, sources) = lists(b, "sources")?;
    let (part_off, parts) = lists(b, "participants")?;
    let range = |off: &[i32], i: usize| off[i] as usize..off[i + 1] as usize;
    fn opt(a: &StringArray, i: usize) -> Option<&str> {
        a.is_valid(i).then(|| a.value(i))
    }
    for i in 0..b.num_rows() {
        let k = EventKind::parse(kind.value(i))
            .ok_or_else(|| at(i, "kind", &format!("unknown kind {:?}", kind.value(i))))?;
        let s: Date = start.value(i).parse().map_err(|e| at(i, "start", &e))?;
        let e = match opt(end, i) {
            None => EventEnd::Instant,
            Some("..") => EventEnd::Open,
            Some(d) => EventEnd::At(d.parse().map_err(|e| at(i, "end", &e))?),
        };
        let (lo, hi) = crate::model::event_span(s, e);
        let g = geometry.value(i);
        let shape = if g.len() == 21 && g[..5] == [1, 1, 0, 0, 0] {
            None
        } else {
            Some(super::wkb::read(g).map_err(|e| at(i, "geometry", &e))?)
        };
        let point = match &shape {
            None => [
                f64::from_le_bytes(g[5..13].try_into().unwrap_or_default()),
                f64::from_le_bytes(g[13..21].try_into().unwrap_or_default()),
            ],
            Some(sh) => sh.coords().last().copied().unwrap_or([0.0, 0.0]),
        };
        let precision = match opt(precision, i) {
            None => None,
            Some(p) => Some(
                precision_by_name(p)
                    .ok_or_else(|| at(i, "place_precision", &format!("unknown precision {p:?}")))?,
            ),
        };
        let part = syms.list(3, parts, range(part_off, i));
        let words = i18n.and_then(|a| opt(a, i));
        let rare = (!part.is_empty()
            || absent.is_valid(i)
            || cancelled.is_valid(i)
            || notes.is_valid(i)
            || words.is_some())
        .then(|| {
            let text = RareText {
                absent: opt(absent, i),
                cancelled: opt(cancelled, i),
                discrepancies: opt(notes, i),
                i18n: words,
            };
            rare_of(part, text)
        })
        .transpose()
        .map_err(|e| at(i, "", &e))?
        .unwrap_or_default();
        t.push_fields(Fields {
            kind: k,
            start: s,
            end: e,
            lo,
            hi,
            point,
            shape,
            regions: syms.list(0, regions, range(region_off, i)),
            actors: syms.list(1, actors, range(actor_off, i)),
            sources: syms.list(2, sources, range(source_off, i)),
            precision,
            rare,
        });
    }
    Ok(())
}
