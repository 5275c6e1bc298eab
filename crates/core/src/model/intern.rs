//! Small shared values that keep a million events small: interned strings
//! and short interned lists.

use super::*;

/// An interned string. Events repeat a handful of region ids, actor codes and
/// source URLs; interning them at load keeps one copy of each, which is most
/// of the memory of a large dataset. Serialized as a plain string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(std::sync::Arc<str>);

thread_local! {
    static INTERNER: std::cell::RefCell<std::collections::HashSet<std::sync::Arc<str>>> = Default::default();
}

impl Sym {
    pub fn new(s: &str) -> Sym {
        INTERNER.with(|i| {
            let mut set = i.borrow_mut();
            if let Some(a) = set.get(s) {
                return Sym(a.clone());
            }
            let a: std::sync::Arc<str> = std::sync::Arc::from(s);
            set.insert(a.clone());
            Sym(a)
        })
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
impl std::borrow::Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}
impl std::fmt::Debug for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}
impl std::fmt::Display for Sym {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym::new(s)
    }
}
impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym::new(&s)
    }
}
impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym::new(s)
    }
}
impl PartialEq<str> for Sym {
    fn eq(&self, o: &str) -> bool {
        &*self.0 == o
    }
}
impl PartialEq<&str> for Sym {
    fn eq(&self, o: &&str) -> bool {
        &*self.0 == *o
    }
}
impl PartialEq<String> for Sym {
    fn eq(&self, o: &String) -> bool {
        &*self.0 == o.as_str()
    }
}
impl PartialEq<Sym> for String {
    fn eq(&self, o: &Sym) -> bool {
        self.as_str() == &*o.0
    }
}
impl Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}
impl<'de> Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Sym, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(Sym::new(&s))
    }
}
crate::date::ts_as_string!(Sym);

/// A short list, usually empty, as events hold them: two words instead of a
/// `Vec`'s three and no allocation when empty. Lists of [`Sym`]s are interned
/// as a whole (a million events name a few hundred distinct region, actor and
/// source lists), so that each event keeps a shared pointer and no list of
/// its own; see [`Shared`]. Serialized as a JSON array, dereferences to a slice.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Few<T>(Option<std::sync::Arc<[T]>>);

/// How the items of a [`Few`] list are stored: by default each list on its
/// own; lists of [`Sym`]s are interned.
pub trait Shared: Sized {
    fn share(v: Vec<Self>) -> std::sync::Arc<[Self]> {
        std::sync::Arc::from(v)
    }
}
impl Shared for String {}
impl Shared for Absence {}
impl Shared for Discrepancy {}

thread_local! {
    static LISTS: std::cell::RefCell<std::collections::HashSet<std::sync::Arc<[Sym]>>> = Default::default();
}

impl Shared for Sym {
    fn share(v: Vec<Sym>) -> std::sync::Arc<[Sym]> {
        LISTS.with(|l| {
            let mut set = l.borrow_mut();
            if let Some(a) = set.get(v.as_slice()) {
                return a.clone();
            }
            let a: std::sync::Arc<[Sym]> = std::sync::Arc::from(v);
            set.insert(a.clone());
            a
        })
    }
}

impl<T: Shared> Few<T> {
    pub fn new(v: Vec<T>) -> Few<T> {
        Few((!v.is_empty()).then(|| T::share(v)))
    }
}
impl<T> Default for Few<T> {
    fn default() -> Self {
        Few(None)
    }
}
impl<T> std::ops::Deref for Few<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0.as_deref().unwrap_or(&[])
    }
}
impl<T: Shared> From<Vec<T>> for Few<T> {
    fn from(v: Vec<T>) -> Few<T> {
        Few::new(v)
    }
}
impl<T: Shared> FromIterator<T> for Few<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Few<T> {
        Few::new(it.into_iter().collect())
    }
}
impl<'a, T> IntoIterator for &'a Few<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
impl<T: std::fmt::Debug> std::fmt::Debug for Few<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
impl<T: Serialize> Serialize for Few<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
impl<'de, T: Deserialize<'de> + Shared> Deserialize<'de> for Few<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Few<T>, D::Error> {
        Ok(Few::new(Vec::<T>::deserialize(d)?))
    }
}
impl<T: TS> TS for Few<T> {
    type WithoutGenerics = Few<ts_rs::Dummy>;
    type OptionInnerType = Self;
    fn name(cfg: &ts_rs::Config) -> String {
        format!("Array<{}>", T::name(cfg))
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        format!("Array<{}>", T::inline(cfg))
    }
}
