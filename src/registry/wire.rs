//! Confluent's wire format: the schema id in front of a payload (magic byte 0 and a 4-byte
//! big-endian id), or in a header (`__value_schema_id` / `__key_schema_id`: magic byte 1 and a
//! 16-byte GUID), and Protobuf's message-index array (zig-zag varints, `[0]` as one 0 byte).
//!
//! Everything here is pure and total: hostile bytes give an error, never a panic.

use std::fmt;

/// A registry's name for one schema version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchemaId {
    /// The classic numeric id (in the payload prefix).
    Num(u32),
    /// The newer GUID (in a header).
    Guid(uuid::Uuid),
}

impl fmt::Display for SchemaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaId::Num(n) => write!(f, "{n}"),
            SchemaId::Guid(g) => write!(f, "{}", g.hyphenated()),
        }
    }
}

impl serde::Serialize for SchemaId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SchemaId::Num(n) => s.serialize_u32(*n),
            SchemaId::Guid(g) => s.serialize_str(&g.hyphenated().to_string()),
        }
    }
}

/// The header that carries a value's or a key's schema id in the header form.
pub fn id_header(key: bool) -> &'static str {
    if key {
        "__key_schema_id"
    } else {
        "__value_schema_id"
    }
}

/// `0x00` + id + body: the id and the body, or None when the bytes do not start that way.
pub fn split_prefix(b: &[u8]) -> Option<(u32, &[u8])> {
    match b {
        [0, a, b2, c, d, body @ ..] => Some((u32::from_be_bytes([*a, *b2, *c, *d]), body)),
        _ => None,
    }
}

/// Write `0x00` + id.
pub fn write_prefix(id: u32, out: &mut Vec<u8>) {
    out.push(0);
    out.extend_from_slice(&id.to_be_bytes());
}

/// A header value in the GUID form: the id and what follows it (Protobuf's indexes).
pub fn parse_header_id(h: &[u8]) -> Result<(SchemaId, &[u8]), String> {
    match h {
        [1, rest @ ..] if rest.len() >= 16 => {
            let (g, tail) = rest.split_at(16);
            let g = uuid::Uuid::from_slice(g).map_err(|e| e.to_string())?;
            Ok((SchemaId::Guid(g), tail))
        }
        [0, a, b, c, d, tail @ ..] => {
            Ok((SchemaId::Num(u32::from_be_bytes([*a, *b, *c, *d])), tail))
        }
        [] => Err("empty schema id header".into()),
        [m, ..] if *m > 1 => Err(format!("schema id header has unknown magic byte {m}")),
        _ => Err(format!("schema id header is truncated ({} bytes)", h.len())),
    }
}

/// The header value for a GUID (magic 1 + the 16 bytes).
pub fn header_value(g: &uuid::Uuid) -> Vec<u8> {
    let mut v = Vec::with_capacity(17);
    v.push(1);
    v.extend_from_slice(g.as_bytes());
    v
}

/// One zig-zag varint (Kafka's `ByteUtils.readVarint`: at most 5 bytes).
fn read_varint(b: &[u8]) -> Result<(i32, &[u8]), String> {
    let mut value: u32 = 0;
    for (i, &byte) in b.iter().enumerate().take(5) {
        value |= ((byte & 0x7f) as u32) << (7 * i);
        if byte & 0x80 == 0 {
            let n = ((value >> 1) as i32) ^ -((value & 1) as i32);
            return Ok((n, &b[i + 1..]));
        }
    }
    if b.len() < 5 {
        Err("message index is truncated".into())
    } else {
        Err("message index varint is longer than 5 bytes".into())
    }
}

fn write_varint(n: i32, out: &mut Vec<u8>) {
    let mut v = ((n << 1) ^ (n >> 31)) as u32;
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Protobuf's message-index array and the message after it. Count 0 means `[0]`.
pub fn read_indexes(b: &[u8], max: usize) -> Result<(Vec<i32>, &[u8]), String> {
    let (count, mut rest) = read_varint(b)?;
    if count == 0 {
        return Ok((vec![0], rest));
    }
    if count < 0 || count as usize > max {
        return Err(format!(
            "message index count {count} is out of range (1..={max})"
        ));
    }
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let (i, r) = read_varint(rest)?;
        if i < 0 {
            return Err(format!("message index {i} is negative"));
        }
        out.push(i);
        rest = r;
    }
    Ok((out, rest))
}

/// Write a message-index array (`[0]` as the single byte 0, as Confluent's serializer does).
pub fn write_indexes(idx: &[i32], out: &mut Vec<u8>) {
    if idx == [0] {
        out.push(0);
        return;
    }
    write_varint(idx.len() as i32, out);
    for &i in idx {
        write_varint(i, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confluent_examples() {
        let mut out = Vec::new();
        write_indexes(&[0], &mut out);
        assert_eq!(out, [0]);
        out.clear();
        write_indexes(&[1], &mut out);
        assert_eq!(out, [2, 2]);
        out.clear();
        write_indexes(&[1, 0], &mut out);
        assert_eq!(out, [4, 2, 0]);
        assert_eq!(read_indexes(&[0, 9], 8).unwrap(), (vec![0], &[9][..]));
        assert_eq!(
            read_indexes(&[4, 2, 0, 7], 8).unwrap(),
            (vec![1, 0], &[7][..])
        );
        // Explicit [0] (count 1, index 0) reads the same.
        assert_eq!(read_indexes(&[2, 0], 8).unwrap().0, vec![0]);
        let mut p = Vec::new();
        write_prefix(100342, &mut p);
        p.push(9);
        assert_eq!(split_prefix(&p), Some((100342, &[9][..])));
        assert_eq!(split_prefix(&[0, 0, 0]), None);
        assert_eq!(split_prefix(&[1, 0, 0, 0, 1]), None);
    }

    #[test]
    fn varints_round_trip_over_the_whole_range() {
        for n in [0, 1, 2, 63, 64, 127, 128, 300, 1 << 20, i32::MAX] {
            let mut out = Vec::new();
            write_indexes(&[n, n], &mut out);
            assert_eq!(read_indexes(&out, 8).unwrap().0, vec![n, n], "{n}");
        }
    }

    #[test]
    fn hostile_indexes_are_errors() {
        assert!(read_indexes(&[], 8).is_err());
        assert!(read_indexes(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 8).is_err());
        assert!(read_indexes(&[1], 8).is_err()); // count -1
        assert!(read_indexes(&[0xfe, 0xff, 0xff, 0xff, 0x07], 8).is_err()); // huge count
        assert!(read_indexes(&[4, 2], 8).is_err()); // truncated
        assert!(read_indexes(&[2, 1], 8).is_err()); // index -1
    }

    #[test]
    fn header_ids() {
        let g = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        let mut h = header_value(&g);
        h.extend_from_slice(&[2, 2]);
        assert_eq!(
            parse_header_id(&h).unwrap(),
            (SchemaId::Guid(g), &[2, 2][..])
        );
        assert!(parse_header_id(&h[..10]).is_err());
        assert!(parse_header_id(&[7; 20]).is_err());
        assert!(parse_header_id(&[]).is_err());
    }
}
