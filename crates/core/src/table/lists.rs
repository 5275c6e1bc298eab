//! The two kinds of list column: strings (one buffer for a whole field, or
//! several strings per event) and interned lists of symbols.
//!
//! Strings of a field share one buffer with an offset per event, as Arrow
//! lays them out, so that a million titles are one allocation and reading
//! them from `events.arrow` is one copy. Lists of symbols (regions, actors,
//! sources) repeat: each event keeps the number of its list.

use std::collections::HashMap;

use crate::model::{Few, Sym};

/// One string per row: `cuts[r]` is where row r's string ends in `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    pub(crate) text: String,
    pub(crate) cuts: Vec<u32>,
}

impl Texts {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.cuts.push(self.text.len() as u32);
    }

    /// Row `r`'s string.
    pub fn get(&self, r: usize) -> &str {
        let a = if r == 0 { 0 } else { self.cuts[r - 1] as usize };
        &self.text[a..self.cuts[r] as usize]
    }
}

/// A list of strings per row: `ends[r]` is where row r's strings end in
/// `cuts`, and `cuts[k]` where string k ends in `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLists {
    pub(crate) text: String,
    pub(crate) cuts: Vec<u32>,
    pub(crate) ends: Vec<u32>,
}

impl TextLists {
    pub fn push_row<'a>(&mut self, items: impl IntoIterator<Item = &'a str>) {
        for s in items {
            self.text.push_str(s);
            self.cuts.push(self.text.len() as u32);
        }
        self.ends.push(self.cuts.len() as u32);
    }

    /// Row `r`'s strings.
    pub fn row(&self, r: usize) -> impl ExactSizeIterator<Item = &str> + '_ {
        let a = if r == 0 { 0 } else { self.ends[r - 1] as usize };
        (a..self.ends[r] as usize).map(|k| self.item(k))
    }

    fn item(&self, k: usize) -> &str {
        let a = if k == 0 { 0 } else { self.cuts[k - 1] as usize };
        &self.text[a..self.cuts[k] as usize]
    }

    pub(crate) fn filtered(&self, keep: impl Fn(usize) -> bool) -> TextLists {
        let mut t = TextLists::default();
        for r in 0..self.ends.len() {
            if keep(r) {
                t.push_row(self.row(r));
            } else {
                t.push_row([]);
            }
        }
        t
    }
}

/// A list of symbols per row: `of[r]` is row r's list in `lists`.
#[derive(Debug, Clone, Default)]
pub struct SymLists {
    pub(crate) lists: Vec<Few<Sym>>,
    pub(crate) of: Vec<u32>,
    /// Each list's position in `lists`, by its items' address (lists of
    /// symbols are interned, so equal lists share it).
    seen: HashMap<usize, u32>,
}

impl SymLists {
    pub fn push(&mut self, list: Few<Sym>) {
        let k = self.number(list);
        self.of.push(k);
    }

    pub fn set(&mut self, r: usize, list: Few<Sym>) {
        self.of[r] = self.number(list);
    }

    fn number(&mut self, list: Few<Sym>) -> u32 {
        let key = if list.is_empty() {
            0
        } else {
            list.as_ptr() as usize
        };
        *self.seen.entry(key).or_insert_with(|| {
            self.lists.push(list);
            (self.lists.len() - 1) as u32
        })
    }

    pub fn row(&self, r: usize) -> &Few<Sym> {
        &self.lists[self.of[r] as usize]
    }

    /// The distinct lists, each with its number.
    pub fn distinct(&self) -> &[Few<Sym>] {
        &self.lists
    }

    /// The number of row `r`'s list in [`SymLists::distinct`].
    pub fn number_of(&self, r: usize) -> u32 {
        self.of[r]
    }
}
