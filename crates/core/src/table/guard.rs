//! What Arrow's file reader takes on trust, checked first: every record
//! batch and dictionary the footer lists lies inside the file.
//!
//! The reader unwraps a block's lengths and allocates what they say, so a
//! negative or huge length in a damaged `events.arrow` would stop the whole
//! app (release builds abort on a panic) or ask for terabytes. The footer is
//! a verified flatbuffer; its blocks are checked against the file's size
//! here, and a damaged file is refused with the block it names.

use std::io::{Read, Seek, SeekFrom};

/// The size and the footer of the Arrow file `r`, once every block it lists
/// is known to lie inside the file.
pub(super) fn checked_footer<R: Read + Seek>(r: &mut R) -> Result<(u64, Vec<u8>), String> {
    let io = |e: std::io::Error| format!("cannot read the file: {e}");
    let size = r.seek(SeekFrom::End(0)).map_err(io)?;
    if size < 18 {
        return Err(format!("{size} bytes are too few for an Arrow file"));
    }
    let mut tail = [0u8; 10];
    r.seek(SeekFrom::End(-10)).map_err(io)?;
    r.read_exact(&mut tail).map_err(io)?;
    let footer_len = arrow_ipc::reader::read_footer_length(tail)
        .map_err(|e| format!("not an Arrow IPC file: {e}"))? as u64;
    if footer_len > size - 10 {
        return Err(format!(
            "the footer says it has {footer_len} bytes; the file has {size}"
        ));
    }
    let mut bytes = vec![0u8; footer_len as usize];
    r.seek(SeekFrom::End(-10 - footer_len as i64)).map_err(io)?;
    r.read_exact(&mut bytes).map_err(io)?;
    let footer = arrow_ipc::root_as_footer(&bytes)
        .map_err(|e| format!("the file's footer is damaged: {e}"))?;
    let blocks = footer
        .recordBatches()
        .into_iter()
        .flatten()
        .chain(footer.dictionaries().into_iter().flatten());
    for (k, b) in blocks.enumerate() {
        let (at, meta, body) = (b.offset(), i64::from(b.metaDataLength()), b.bodyLength());
        let end = at.checked_add(meta).and_then(|e| e.checked_add(body));
        // A block's metadata starts with the continuation marker and its
        // length (8 bytes), which the reader slices without looking.
        if at < 0 || meta < 8 || body < 0 || end.is_none_or(|e| e as u64 > size) {
            return Err(format!(
                "block {k} of the file (at {at}, {meta} + {body} bytes) lies outside its {size} bytes"
            ));
        }
    }
    Ok((size, bytes))
}
