//! The embedded broker's front door: a loopback forwarder to librdkafka's mock cluster that
//! also answers CreateTopics, which the mock does not implement, so `evtctl topics create`
//! (and any admin client) works against it like against a real broker.
//!
//! Requests pass through untouched except:
//! - CreateTopics (v0–v4): the topics are created through the mock's API; to keep responses in
//!   order, the mock is sent a stand-in ApiVersions v0 request with the same correlation id,
//!   and its response is swapped for our CreateTopics response on the way back.
//! - ApiVersions (v0–v2, the versions the mock speaks): CreateTopics v0–v4 is added to the
//!   advertised list, so clients know they may send it.
//! - Metadata: the mock names controller 0, a broker that does not exist, and admin clients
//!   wait for the controller forever; the controller id is patched to a real broker.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

const API_CREATE_TOPICS: i16 = 19;
const API_VERSIONS: i16 = 18;
const API_METADATA: i16 = 3;
const CREATE_TOPICS_MAX: i16 = 4;

/// Creates a topic; returns a Kafka error code (0 = created).
pub type CreateFn = dyn Fn(&str, i32) -> i16 + Send + Sync;

enum Pending {
    ApiVersions(i16),
    Metadata(i16),
    Replace(Vec<u8>),
}

type PendingMap = Arc<Mutex<HashMap<i32, Pending>>>;

pub fn spawn_acceptor(listener: TcpListener, target: SocketAddr, create: Arc<CreateFn>) {
    thread::spawn(move || {
        for client in listener.incoming().flatten() {
            match TcpStream::connect(target) {
                Ok(upstream) => serve(client, upstream, create.clone()),
                Err(_) => {
                    let _ = client.shutdown(Shutdown::Both);
                }
            }
        }
    });
}

fn serve(client: TcpStream, upstream: TcpStream, create: Arc<CreateFn>) {
    let _ = client.set_nodelay(true);
    let _ = upstream.set_nodelay(true);
    let (Ok(client2), Ok(upstream2)) = (client.try_clone(), upstream.try_clone()) else {
        return;
    };
    let pending: PendingMap = Arc::default();
    let p2 = pending.clone();
    thread::spawn(move || {
        let _ = requests(client, upstream2, &pending, &*create);
    });
    thread::spawn(move || {
        let _ = responses(upstream, client2, &p2);
    });
}

fn read_frame(r: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<()> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len)?;
    let n = i32::from_be_bytes(len);
    if !(0..=256 * 1024 * 1024).contains(&n) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "bad frame size"));
    }
    buf.resize(n as usize, 0);
    r.read_exact(buf)
}

fn write_frame(w: &mut impl Write, body: &[u8]) -> io::Result<()> {
    w.write_all(&(body.len() as i32).to_be_bytes())?;
    w.write_all(body)
}

fn requests(
    mut from: TcpStream,
    mut to: TcpStream,
    pending: &PendingMap,
    create: &CreateFn,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(64 * 1024);
    let result = loop {
        if let Err(e) = read_frame(&mut from, &mut buf) {
            break Err(e);
        }
        if buf.len() >= 8 {
            let api = i16::from_be_bytes([buf[0], buf[1]]);
            let version = i16::from_be_bytes([buf[2], buf[3]]);
            let corr = i32::from_be_bytes([buf[4], buf[5], buf[6], buf[7]]);
            if api == API_VERSIONS {
                pending
                    .lock()
                    .expect("pending")
                    .insert(corr, Pending::ApiVersions(version));
            } else if api == API_METADATA && version >= 1 {
                pending
                    .lock()
                    .expect("pending")
                    .insert(corr, Pending::Metadata(version));
            } else if api == API_CREATE_TOPICS && version <= CREATE_TOPICS_MAX {
                if let Some((client_id, body)) = split_header_v1(&buf) {
                    let resp = create_topics(body, version, create);
                    pending
                        .lock()
                        .expect("pending")
                        .insert(corr, Pending::Replace(resp));
                    let stand_in = api_versions_v0_request(corr, client_id);
                    if let Err(e) = write_frame(&mut to, &stand_in) {
                        break Err(e);
                    }
                    continue;
                }
            }
        }
        if let Err(e) = write_frame(&mut to, &buf) {
            break Err(e);
        }
    };
    let _ = to.shutdown(Shutdown::Write);
    result
}

fn responses(mut from: TcpStream, mut to: TcpStream, pending: &PendingMap) -> io::Result<()> {
    let mut buf = Vec::with_capacity(64 * 1024);
    let result = loop {
        if let Err(e) = read_frame(&mut from, &mut buf) {
            break Err(e);
        }
        if buf.len() >= 4 {
            let corr = i32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]);
            let p = pending.lock().expect("pending").remove(&corr);
            match p {
                Some(Pending::Replace(body)) => {
                    buf.truncate(4);
                    buf.extend_from_slice(&body);
                }
                Some(Pending::ApiVersions(v)) if v <= 2 => add_create_topics(&mut buf, v),
                Some(Pending::Metadata(v)) => {
                    let _ = fix_controller(&mut buf, v);
                }
                _ => {}
            }
        }
        if let Err(e) = write_frame(&mut to, &buf) {
            break Err(e);
        }
    };
    let _ = to.shutdown(Shutdown::Write);
    result
}

/// A cursor over a non-flexible Kafka message.
struct Cur<'a>(&'a [u8]);

impl<'a> Cur<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn i16(&mut self) -> Option<i16> {
        self.take(2).map(|b| i16::from_be_bytes([b[0], b[1]]))
    }
    fn i32(&mut self) -> Option<i32> {
        self.take(4)
            .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn string(&mut self) -> Option<Option<&'a str>> {
        let n = self.i16()?;
        if n < 0 {
            return Some(None);
        }
        std::str::from_utf8(self.take(n as usize)?).ok().map(Some)
    }
    fn count(&mut self) -> Option<usize> {
        self.i32().map(|n| n.max(0) as usize)
    }
    fn uvarint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    /// Skip a tagged-field section of a flexible message.
    fn skip_tags(&mut self) -> Option<()> {
        for _ in 0..self.uvarint()? {
            self.uvarint()?;
            let n = self.uvarint()? as usize;
            self.take(n)?;
        }
        Some(())
    }
    /// Skip a string, compact (flexible) or not.
    fn skip_str(&mut self, flexible: bool) -> Option<()> {
        if flexible {
            let n = self.uvarint()? as usize;
            self.take(n.saturating_sub(1))?;
        } else {
            self.string()?;
        }
        Some(())
    }
}

/// Point a Metadata response's controller id (v1+) at a broker that exists.
fn fix_controller(frame: &mut [u8], version: i16) -> Option<()> {
    let flexible = version >= 9;
    let total = frame.len();
    let mut c = Cur(&frame[4..]);
    if flexible {
        c.skip_tags()?;
    }
    if version >= 3 {
        c.i32()?; // throttle
    }
    let brokers = if flexible {
        (c.uvarint()? as usize).saturating_sub(1)
    } else {
        c.count()?
    };
    let mut ids = Vec::with_capacity(brokers);
    for _ in 0..brokers {
        ids.push(c.i32()?);
        c.skip_str(flexible)?; // host
        c.i32()?; // port
        c.skip_str(flexible)?; // rack
        if flexible {
            c.skip_tags()?;
        }
    }
    if version >= 2 {
        c.skip_str(flexible)?; // cluster id
    }
    let at = total - c.0.len();
    let controller = i32::from_be_bytes(frame.get(at..at + 4)?.try_into().ok()?);
    if !ids.contains(&controller) {
        let first = *ids.first()?;
        frame[at..at + 4].copy_from_slice(&first.to_be_bytes());
    }
    Some(())
}

/// Split a request (header v1) into its client id bytes (with length) and its body.
fn split_header_v1(frame: &[u8]) -> Option<(&[u8], &[u8])> {
    let rest = frame.get(8..)?;
    let n = i16::from_be_bytes([*rest.first()?, *rest.get(1)?]);
    let id_len = 2 + n.max(0) as usize;
    Some((rest.get(..id_len)?, rest.get(id_len..)?))
}

fn api_versions_v0_request(corr: i32, client_id: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(8 + client_id.len());
    b.extend_from_slice(&API_VERSIONS.to_be_bytes());
    b.extend_from_slice(&0i16.to_be_bytes());
    b.extend_from_slice(&corr.to_be_bytes());
    b.extend_from_slice(client_id);
    b
}

fn put_str(b: &mut Vec<u8>, s: &str) {
    b.extend_from_slice(&(s.len() as i16).to_be_bytes());
    b.extend_from_slice(s.as_bytes());
}

/// Handle a CreateTopics request body; return the response body (after the correlation id).
fn create_topics<F: Fn(&str, i32) -> i16 + ?Sized>(
    body: &[u8],
    version: i16,
    create: &F,
) -> Vec<u8> {
    let mut results: Vec<(String, i16, Option<String>)> = Vec::new();
    let parsed = (|| {
        let mut c = Cur(body);
        let n = c.count()?;
        let mut topics = Vec::with_capacity(n);
        for _ in 0..n {
            let name = c.string()?.unwrap_or_default().to_string();
            let partitions = c.i32()?;
            let replication = c.i16()?;
            let assignments = c.count()?;
            for _ in 0..assignments {
                c.i32()?;
                let brokers = c.count()?;
                c.take(4 * brokers)?;
            }
            let configs = c.count()?;
            for _ in 0..configs {
                c.string()?;
                c.string()?;
            }
            topics.push((name, partitions, replication, assignments));
        }
        c.i32()?; // timeout
        let validate_only = if version >= 1 {
            c.take(1)?[0] != 0
        } else {
            false
        };
        Some((topics, validate_only))
    })();
    match parsed {
        None => results.push((
            String::new(),
            42,
            Some("malformed CreateTopics request".into()),
        )),
        Some((topics, validate_only)) => {
            for (name, partitions, replication, assignments) in topics {
                let r = if name.is_empty() {
                    (17, Some("topic name is empty".to_string()))
                } else if assignments > 0 {
                    (
                        42,
                        Some("the embedded broker does not take replica assignments".into()),
                    )
                } else if partitions == 0 || partitions < -1 {
                    (37, Some(format!("invalid partition count {partitions}")))
                } else if !(replication == -1 || replication == 1) {
                    (38, Some(format!("the embedded broker has 1 broker; replication factor {replication} is impossible")))
                } else if validate_only {
                    (0, None)
                } else {
                    let code = create(&name, if partitions == -1 { 1 } else { partitions });
                    (
                        code,
                        (code == 36).then(|| format!("Topic '{name}' already exists.")),
                    )
                };
                results.push((name, r.0, r.1));
            }
        }
    }
    let mut b = Vec::new();
    if version >= 2 {
        b.extend_from_slice(&0i32.to_be_bytes()); // throttle
    }
    b.extend_from_slice(&(results.len() as i32).to_be_bytes());
    for (name, code, msg) in results {
        put_str(&mut b, &name);
        b.extend_from_slice(&code.to_be_bytes());
        if version >= 1 {
            match msg {
                Some(m) => put_str(&mut b, &m),
                None => b.extend_from_slice(&(-1i16).to_be_bytes()),
            }
        }
    }
    b
}

/// Advertise CreateTopics v0–v4 in an ApiVersions v0–v2 response (frame after the length).
fn add_create_topics(frame: &mut Vec<u8>, _version: i16) {
    // corr(4) error(2) count(4) entries(6 each) [throttle(4)]
    if frame.len() < 10 || frame[4..6] != [0, 0] {
        return;
    }
    let count = i32::from_be_bytes([frame[6], frame[7], frame[8], frame[9]]);
    if count < 0 || frame.len() < 10 + 6 * count as usize {
        return;
    }
    let entries = &frame[10..10 + 6 * count as usize];
    if entries
        .chunks_exact(6)
        .any(|e| i16::from_be_bytes([e[0], e[1]]) == API_CREATE_TOPICS)
    {
        return;
    }
    let at = 10 + 6 * count as usize;
    let mut entry = Vec::with_capacity(6);
    entry.extend_from_slice(&API_CREATE_TOPICS.to_be_bytes());
    entry.extend_from_slice(&0i16.to_be_bytes());
    entry.extend_from_slice(&CREATE_TOPICS_MAX.to_be_bytes());
    frame.splice(at..at, entry);
    frame[6..10].copy_from_slice(&(count + 1).to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(version: i16, topics: &[(&str, i32, i16)]) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&(topics.len() as i32).to_be_bytes());
        for (name, p, r) in topics {
            put_str(&mut b, name);
            b.extend_from_slice(&p.to_be_bytes());
            b.extend_from_slice(&r.to_be_bytes());
            b.extend_from_slice(&0i32.to_be_bytes());
            b.extend_from_slice(&1i32.to_be_bytes());
            put_str(&mut b, "retention.ms");
            b.extend_from_slice(&(-1i16).to_be_bytes());
        }
        b.extend_from_slice(&5000i32.to_be_bytes());
        if version >= 1 {
            b.push(0);
        }
        b
    }

    #[test]
    fn creates_topics_and_reports_errors() {
        let created = Mutex::new(Vec::new());
        let create = |name: &str, p: i32| {
            let mut c = created.lock().unwrap();
            if c.iter().any(|(n, _): &(String, i32)| n == name) {
                return 36;
            }
            c.push((name.to_string(), p));
            0
        };
        let body = request(4, &[("a", 3, -1), ("a", 1, 1), ("b", 2, 3)]);
        let resp = create_topics(&body, 4, &create);
        let mut c = Cur(&resp);
        assert_eq!(c.i32(), Some(0));
        assert_eq!(c.count(), Some(3));
        let mut codes = Vec::new();
        for _ in 0..3 {
            let name = c.string().unwrap().unwrap().to_string();
            let code = c.i16().unwrap();
            c.string().unwrap();
            codes.push((name, code));
        }
        assert_eq!(codes, [("a".into(), 0), ("a".into(), 36), ("b".into(), 38)]);
        assert_eq!(*created.lock().unwrap(), [("a".to_string(), 3)]);
        assert!(c.0.is_empty());
    }

    #[test]
    fn controller_is_patched_in_both_encodings() {
        // v1, non-flexible: corr, brokers [id 1, "h", port, rack null], controller 0, topics []
        let mut f = vec![
            0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, b'h', 0, 0, 0x23, 0x84, 0xff, 0xff,
        ];
        f.extend_from_slice(&0i32.to_be_bytes());
        f.extend_from_slice(&0i32.to_be_bytes());
        let at = f.len() - 8;
        fix_controller(&mut f, 1).unwrap();
        assert_eq!(&f[at..at + 4], &1i32.to_be_bytes());
        // v12, flexible: corr, tags, throttle, brokers (compact) [id 3, "h", port, null rack,
        // tags], cluster id null, controller 0, ...
        let mut f = vec![
            0, 0, 0, 9, 0, 0, 0, 0, 0, 2, 0, 0, 0, 3, 2, b'h', 0, 0, 0x23, 0x84, 0, 0, 0,
        ];
        f.extend_from_slice(&0i32.to_be_bytes());
        f.extend_from_slice(&[1, 0]);
        let at = f.len() - 6;
        fix_controller(&mut f, 12).unwrap();
        assert_eq!(&f[at..at + 4], &3i32.to_be_bytes());
    }

    #[test]
    fn advertises_create_topics_once() {
        let mut frame = vec![0, 0, 0, 7, 0, 0, 0, 0, 0, 1, 0, 18, 0, 0, 0, 2, 0, 0, 0, 0];
        add_create_topics(&mut frame, 1);
        assert_eq!(&frame[6..10], &2i32.to_be_bytes());
        assert_eq!(&frame[16..22], &[0, 19, 0, 0, 0, 4]);
        assert_eq!(&frame[22..], &[0, 0, 0, 0], "throttle time kept at the end");
        let before = frame.clone();
        add_create_topics(&mut frame, 1);
        assert_eq!(frame, before);
    }
}
