//! Byte-level encodings of the store: blob hashes, compression and id lists.
//!
//! A release is cut into blobs (one per top-level field, one per body block).
//! A blob is keyed by the first 16 bytes of
//! the blake3 hash of its kind and uncompressed bytes, so the same field or
//! block is stored once however many revisions use it. Blobs are deflated when
//! that makes them smaller. Manifests refer to blobs by their row id as LEB128
//! varints (one to three bytes instead of a 16-byte hash).

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Length of the truncated blake3 hash that keys a blob.
pub const HASH_LEN: usize = 16;

/// What a blob's bytes are; part of the hash, so equal bytes of different kinds never merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The JSON of a field or of a body block.
    Json = 1,
}

/// How a blob's bytes are stored (the `codec` column).
pub const RAW: i64 = 0;
/// Raw DEFLATE (RFC 1951).
pub const DEFLATE: i64 = 1;

/// Blobs shorter than this are never worth compressing.
const MIN_COMPRESS: usize = 96;
/// Fast DEFLATE level: most of the gain at a fraction of the time.
const LEVEL: u8 = 3;
/// Largest blob inflated on load (a release field is far smaller; a bigger one is corruption).
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// The content address of `bytes` of `kind`.
pub fn hash(kind: Kind, bytes: &[u8]) -> [u8; HASH_LEN] {
    let mut h = blake3::Hasher::new();
    h.update(&[kind as u8]);
    h.update(bytes);
    let full = h.finalize();
    let mut out = [0u8; HASH_LEN];
    out.copy_from_slice(&full.as_bytes()[..HASH_LEN]);
    out
}

/// A DEFLATE compressor kept between blobs: creating one allocates and zeroes
/// about 200 KB, which would cost more than compressing a paragraph.
pub struct Packer {
    deflate: Box<CompressorOxide>,
}

impl Default for Packer {
    fn default() -> Self {
        let flags = create_comp_flags_from_zip_params(i32::from(LEVEL), 0, 0);
        Packer {
            deflate: Box::new(CompressorOxide::new(flags)),
        }
    }
}

impl Packer {
    /// The bytes to store for `bytes` and their codec: deflated when that is smaller.
    pub fn pack(&mut self, bytes: &[u8]) -> (i64, Vec<u8>) {
        if bytes.len() >= MIN_COMPRESS {
            if let Some(packed) = self.deflate(bytes) {
                if packed.len() < bytes.len() {
                    return (DEFLATE, packed);
                }
            }
        }
        (RAW, bytes.to_vec())
    }

    /// Raw DEFLATE of `input` (`None` if the compressor reports an error).
    fn deflate(&mut self, mut input: &[u8]) -> Option<Vec<u8>> {
        self.deflate.reset();
        let mut out = vec![0u8; input.len() + 64];
        let mut at = 0;
        loop {
            let (status, read, written) = compress(
                &mut self.deflate,
                input,
                out.get_mut(at..)?,
                TDEFLFlush::Finish,
            );
            at += written;
            match status {
                TDEFLStatus::Done => {
                    out.truncate(at);
                    return Some(out);
                }
                TDEFLStatus::Okay => {
                    input = input.get(read..)?;
                    let grow = out.len();
                    out.resize(out.len() + grow, 0);
                }
                _ => return None,
            }
        }
    }
}

/// The original bytes of a stored blob, or `None` when they do not decode.
pub fn unpack(codec: i64, data: Vec<u8>) -> Option<Vec<u8>> {
    match codec {
        RAW => Some(data),
        DEFLATE => decompress_to_vec_with_limit(&data, MAX_INFLATED).ok(),
        _ => None,
    }
}

/// Appends `n` as an unsigned LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Decodes a sequence of LEB128 varints; `None` when the bytes are malformed.
pub fn read_varints(bytes: &[u8]) -> Option<Vec<i64>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut n: u64 = 0;
    let mut shift = 0u32;
    for &b in bytes {
        if shift > 56 {
            return None;
        }
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            out.push(i64::try_from(n).ok()?);
            n = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    if shift != 0 {
        return None; // a truncated last varint
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes a list of row ids.
    fn id_list(ids: &[i64]) -> Vec<u8> {
        let mut out = Vec::with_capacity(ids.len() * 2);
        for &id in ids {
            // Row ids are positive; a negative one cannot occur.
            put_varint(&mut out, u64::try_from(id).unwrap_or(0));
        }
        out
    }

    #[test]
    fn varints_round_trip() {
        let ids = [1, 127, 128, 300, 16_384, 2_000_000, i64::MAX];
        assert_eq!(read_varints(&id_list(&ids)), Some(ids.to_vec()));
        assert_eq!(id_list(&[1, 127]).len(), 2);
        assert_eq!(id_list(&[128]).len(), 2);
    }

    #[test]
    fn malformed_varints_are_refused() {
        assert_eq!(read_varints(&[0x80]), None);
        assert_eq!(read_varints(&[0xff; 12]), None);
    }

    #[test]
    fn pack_compresses_text_and_keeps_tiny_blobs_raw() {
        let mut p = Packer::default();
        let text = "the expert said the expert said the expert said ".repeat(8);
        let (codec, packed) = p.pack(text.as_bytes());
        assert_eq!(codec, DEFLATE);
        assert!(packed.len() < text.len() / 2);
        assert_eq!(unpack(codec, packed).as_deref(), Some(text.as_bytes()));
        assert_eq!(p.pack(b"\"draft\"").0, RAW);
        // The reused compressor starts afresh for each blob.
        let other = "a different paragraph of words, repeated; ".repeat(6);
        let (codec, packed) = p.pack(other.as_bytes());
        assert_eq!(unpack(codec, packed).as_deref(), Some(other.as_bytes()));
        let (codec, packed) = p.pack(text.as_bytes());
        assert_eq!(unpack(codec, packed).as_deref(), Some(text.as_bytes()));
        assert_eq!(unpack(7, vec![1, 2]), None);
    }

    #[test]
    fn hash_is_the_truncated_blake3_of_kind_and_bytes() {
        let full = blake3::hash(b"\x0112");
        assert_eq!(hash(Kind::Json, b"12")[..], full.as_bytes()[..HASH_LEN]);
        assert_ne!(hash(Kind::Json, b"12"), hash(Kind::Json, b"13"));
    }
}
