//! The ledger a redrive keeps beside its group's position: which records after the position
//! were already moved.
//!
//! A redrive leaves some records in the DLQ on purpose (filtered out, invalid, unroutable) and
//! they must stay reachable by the next run that wants them, so the group's committed offset
//! `L` never passes a record that is still in the DLQ. Records after `L` that *were* moved must
//! not be moved again by that next run, whatever its selection: the ledger lists them. It
//! travels in the commit's metadata string (Kafka keeps up to 4096 bytes by default), so it is
//! as durable as the position and handed over with it between scale-out members.
//!
//! Format: `evtctl1:h=<H-L>` when every record in `[L, H)` is still in the DLQ, followed by
//! `:r=<runs>` (alternating run lengths over `[L, H)`, starting with records not moved, as
//! LEB128 varints in URL-safe base64) or `:b=<bitmap>` (bit i set = `L+i` moved), whichever is
//! shorter. `H` is how far the runs have examined the partition.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;

/// What a ledger may take of the commit metadata (Kafka's default limit is 4096 bytes).
pub const MAX_ENCODED: usize = 3900;

const PREFIX: &str = "evtctl1:";

/// An empty ledger, committed to learn whether the broker keeps commit metadata at all.
pub const PROBE: &str = "evtctl1:h=0";

/// The state of `[base, base + moved.len())`: `moved[i]` says whether `base + i` was moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub moved: Vec<bool>,
}

impl Ledger {
    /// Read a commit's metadata. Anything that is not a ledger (another tool's metadata, an
    /// empty string, a damaged one) reads as "nothing known past the position": the records
    /// after it are examined again, which may copy a record twice but never loses one.
    pub fn decode(metadata: &str) -> Ledger {
        Self::try_decode(metadata).unwrap_or_default()
    }

    fn try_decode(metadata: &str) -> Option<Ledger> {
        let rest = metadata.strip_prefix(PREFIX)?;
        let mut parts = rest.split(':');
        let high: usize = parts.next()?.strip_prefix("h=")?.parse().ok()?;
        // A ledger longer than any we would write is not ours.
        if high > 64 * MAX_ENCODED * 8 * 8 {
            return None;
        }
        let mut moved = vec![false; high];
        match parts.next() {
            None => {}
            Some(p) if p.starts_with("r=") => {
                let bytes = B64.decode(&p[2..]).ok()?;
                let mut at = 0usize;
                let mut is_moved = false;
                let mut i = 0;
                while i < bytes.len() {
                    let (n, used) = read_varint(&bytes[i..])?;
                    i += used;
                    let end = at.checked_add(n as usize)?;
                    if end > high {
                        return None;
                    }
                    if is_moved {
                        moved[at..end].iter_mut().for_each(|m| *m = true);
                    }
                    at = end;
                    is_moved = !is_moved;
                }
            }
            Some(p) if p.starts_with("b=") => {
                let bytes = B64.decode(&p[2..]).ok()?;
                if bytes.len() != high.div_ceil(8) {
                    return None;
                }
                for (i, m) in moved.iter_mut().enumerate() {
                    *m = bytes[i / 8] & (1 << (i % 8)) != 0;
                }
            }
            Some(_) => return None,
        }
        if parts.next().is_some() {
            return None;
        }
        Some(Ledger { moved })
    }

    /// The metadata string for `moved` (indexed from the position), or None when it does not
    /// fit in [`MAX_ENCODED`] bytes.
    pub fn encode(moved: impl Iterator<Item = bool> + Clone) -> Option<String> {
        let high = moved.clone().count();
        if high == 0 {
            return Some(String::new());
        }
        let mut out = format!("{PREFIX}h={high}");
        if !moved.clone().any(|m| m) {
            return Some(out);
        }
        let runs = {
            let mut v = Vec::new();
            let mut current = false;
            let mut n = 0u64;
            for m in moved.clone() {
                if m != current {
                    write_varint(&mut v, n);
                    current = m;
                    n = 0;
                }
                n += 1;
            }
            write_varint(&mut v, n);
            v
        };
        let bitmap_len = high.div_ceil(8);
        if runs.len() <= bitmap_len {
            out.push_str(":r=");
            out.push_str(&B64.encode(&runs));
        } else {
            let mut bits = vec![0u8; bitmap_len];
            for (i, m) in moved.enumerate() {
                if m {
                    bits[i / 8] |= 1 << (i % 8);
                }
            }
            out.push_str(":b=");
            out.push_str(&B64.encode(&bits));
        }
        (out.len() <= MAX_ENCODED).then_some(out)
    }
}

fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn read_varint(b: &[u8]) -> Option<(u64, usize)> {
    let mut n = 0u64;
    for (i, &byte) in b.iter().enumerate().take(10) {
        n |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((n, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(moved: &[bool]) -> String {
        let s = Ledger::encode(moved.iter().copied()).expect("fits");
        assert_eq!(Ledger::decode(&s).moved, moved, "{s}");
        s
    }

    #[test]
    fn round_trips_runs_and_bitmaps() {
        assert_eq!(round_trip(&[]), "");
        assert_eq!(round_trip(&[false, false]), "evtctl1:h=2");
        // One record left, then a long run moved: a few bytes of runs.
        let mut v = vec![false];
        v.extend(std::iter::repeat_n(true, 100_000));
        let s = round_trip(&v);
        assert!(s.contains(":r="), "{s}");
        assert!(s.len() < 30, "{s}");
        // Every other record moved: a bitmap is shorter.
        let v: Vec<bool> = (0..1000).map(|i| i % 2 == 1).collect();
        assert!(round_trip(&v).contains(":b="));
        // Irregular.
        let v: Vec<bool> = (0..777).map(|i| (i * 7919) % 13 < 5).collect();
        round_trip(&v);
    }

    #[test]
    fn too_much_to_record_does_not_fit() {
        let v: Vec<bool> = (0..100_000).map(|i| (i * 7919) % 13 < 5).collect();
        assert_eq!(Ledger::encode(v.iter().copied()), None);
    }

    #[test]
    fn foreign_or_damaged_metadata_reads_as_nothing_known() {
        for s in [
            "",
            "hello",
            "evtctl1:h=x",
            "evtctl1:h=3:r=!!!",
            "evtctl1:h=3:b=AAAA",
            "evtctl1:h=2:r=BQ", // a run longer than h
            "evtctl1:h=99999999999999",
            "evtctl1:h=2:z=AA",
        ] {
            assert_eq!(Ledger::decode(s), Ledger::default(), "{s}");
        }
    }
}
