//! Reading `events.arrow` batch by batch into one buffer that is used again
//! for every batch, with Arrow's decoder reading the columns in place.
//!
//! Arrow's file reader allocates every batch's buffers anew. Freed, they
//! stayed in the allocator's heap between the columns being filled, and a
//! million events kept 200 MiB resident where the columns take about 165.
//! Here one buffer holds the file's current batch, the decoder's arrays
//! point into it, and once the batch is copied into the table the buffer
//! is taken back for the next.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::sync::Arc;

use arrow_buffer::Buffer;
use arrow_ipc::reader::FileDecoder;
use arrow_ipc::Block;

use super::read::{append, Interner};
use super::EventTable;

/// The table of the Arrow file `file` of `size` bytes, whose footer (checked
/// by `guard`) is `footer`.
pub(super) fn read(
    mut file: impl Read + Seek,
    size: u64,
    footer: &[u8],
) -> Result<EventTable, String> {
    let footer = arrow_ipc::root_as_footer(footer)
        .map_err(|e| format!("the file's footer is damaged: {e}"))?;
    let schema = footer.schema().ok_or("the file has no schema")?;
    let schema = arrow_ipc::convert::try_fb_to_schema(schema)
        .map_err(|e| format!("the file's schema cannot be read: {e}"))?;
    let mut decoder = FileDecoder::new(Arc::new(schema), footer.version());
    let meta: HashMap<String, String> = footer
        .custom_metadata()
        .into_iter()
        .flatten()
        .filter_map(|kv| Some((kv.key()?.to_string(), kv.value()?.to_string())))
        .collect();
    let mut t = EventTable::default();
    super::sizes::reserve(&mut t, &meta, size);
    for b in footer.dictionaries().into_iter().flatten() {
        let buf = block(&mut file, b, Vec::new())?;
        decoder
            .read_dictionary(b, &buf)
            .map_err(|e| format!("cannot read a dictionary: {e}"))?;
    }
    let mut syms = Interner::default();
    let mut bytes = Vec::new();
    for b in footer.recordBatches().into_iter().flatten() {
        let buf = block(&mut file, b, std::mem::take(&mut bytes))?;
        if let Some(batch) = decoder
            .read_record_batch(b, &buf)
            .map_err(|e| format!("cannot read a record batch: {e}"))?
        {
            append(&mut t, &batch, &mut syms)?;
        }
        bytes = buf.into_vec().unwrap_or_default();
    }
    Ok(t)
}

/// Block `b` of the file, read into `bytes` (its bounds were checked).
fn block(file: &mut (impl Read + Seek), b: &Block, mut bytes: Vec<u8>) -> Result<Buffer, String> {
    let len = i64::from(b.metaDataLength()) + b.bodyLength();
    bytes.clear();
    bytes.resize(len as usize, 0);
    file.seek(SeekFrom::Start(b.offset() as u64))
        .and_then(|_| file.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read the file: {e}"))?;
    Ok(Buffer::from_vec(bytes))
}
