//! Where a dataset's files come from: a directory on disk, or the shipped
//! dataset compiled into the binary. Loading reads through [`Source`] so it
//! never knows which, and big files can be streamed instead of read whole.

use std::path::PathBuf;

/// Where the files of a dataset come from.
pub trait Source {
    /// The bytes of `path` (relative, `/`-separated), or `None` if absent.
    fn read(&self, path: &str) -> Option<Vec<u8>>;

    /// `path` as a stream, for files too big to hold twice (the file and
    /// what it parses into). By default the bytes from [`Source::read`].
    fn stream(&self, path: &str) -> Option<Box<dyn std::io::Read + '_>> {
        let bytes = self.read(path)?;
        Some(Box::new(std::io::Cursor::new(bytes)))
    }

    /// `path` for reading in parts, as an Arrow file is (its footer first,
    /// then each batch): from disk, never the whole file in memory at once.
    fn seekable(&self, path: &str) -> Option<Box<dyn ReadSeek + '_>> {
        let bytes = self.read(path)?;
        Some(Box::new(std::io::Cursor::new(bytes)))
    }

    /// Whether `path` is better streamed than read whole.
    fn is_large(&self, _path: &str) -> bool {
        false
    }
}

/// Something to read that can also seek.
pub trait ReadSeek: std::io::Read + std::io::Seek {}
impl<T: std::io::Read + std::io::Seek> ReadSeek for T {}

/// Files from this size on are parsed as they are read.
const STREAM_FROM_BYTES: u64 = 32 << 20;

/// A dataset directory on disk, with an optional fallback for missing parts.
pub struct DirSource {
    pub root: PathBuf,
}

impl Source for DirSource {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(self.root.join(path)).ok()
    }

    fn seekable(&self, path: &str) -> Option<Box<dyn ReadSeek + '_>> {
        let file = std::fs::File::open(self.root.join(path)).ok()?;
        Some(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    }

    fn stream(&self, path: &str) -> Option<Box<dyn std::io::Read + '_>> {
        let file = std::fs::File::open(self.root.join(path)).ok()?;
        Some(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
    }

    fn is_large(&self, path: &str) -> bool {
        std::fs::metadata(self.root.join(path)).is_ok_and(|m| m.len() >= STREAM_FROM_BYTES)
    }
}

/// The shipped dataset, compiled into the binary.
pub struct EmbeddedSource;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
/// Every file of the shipped dataset, by path relative to `geodata/`.
pub use embedded::EMBEDDED;

impl Source for EmbeddedSource {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        EMBEDDED
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, b)| b.to_vec())
    }
}
