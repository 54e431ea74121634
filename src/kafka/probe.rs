//! `evtctl cluster`: what a cluster says about itself. librdkafka gives brokers and the cluster
//! id; the controller, racks and API versions it keeps to itself, so on a plaintext connection
//! we ask for them directly with Metadata v4 and ApiVersions v0 (two small, stable requests).
//! Over TLS or SASL that is not attempted and the output says what is missing.

use super::{client_config, Ctx};
use crate::config::Settings;
use crate::error::{cluster, usage};
use anyhow::Result;
use rdkafka::consumer::{BaseConsumer, Consumer};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

#[derive(Debug, Clone, serde::Serialize)]
pub struct ApiVersion {
    pub key: i16,
    pub name: &'static str,
    pub min: i16,
    pub max: i16,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct BrokerInfo {
    pub id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_versions: Option<Vec<ApiVersion>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_versions_error: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ClusterInfo {
    pub cluster_id: Option<String>,
    pub controller: Option<i32>,
    pub brokers: Vec<BrokerInfo>,
    /// What could not be found out, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

const API_NAMES: &[(i16, &str)] = &[
    (0, "Produce"),
    (1, "Fetch"),
    (2, "ListOffsets"),
    (3, "Metadata"),
    (8, "OffsetCommit"),
    (9, "OffsetFetch"),
    (10, "FindCoordinator"),
    (11, "JoinGroup"),
    (12, "Heartbeat"),
    (13, "LeaveGroup"),
    (14, "SyncGroup"),
    (15, "DescribeGroups"),
    (16, "ListGroups"),
    (17, "SaslHandshake"),
    (18, "ApiVersions"),
    (19, "CreateTopics"),
    (20, "DeleteTopics"),
    (21, "DeleteRecords"),
    (22, "InitProducerId"),
    (23, "OffsetForLeaderEpoch"),
    (24, "AddPartitionsToTxn"),
    (25, "AddOffsetsToTxn"),
    (26, "EndTxn"),
    (27, "WriteTxnMarkers"),
    (28, "TxnOffsetCommit"),
    (29, "DescribeAcls"),
    (30, "CreateAcls"),
    (31, "DeleteAcls"),
    (32, "DescribeConfigs"),
    (33, "AlterConfigs"),
    (34, "AlterReplicaLogDirs"),
    (35, "DescribeLogDirs"),
    (36, "SaslAuthenticate"),
    (37, "CreatePartitions"),
    (38, "CreateDelegationToken"),
    (39, "RenewDelegationToken"),
    (40, "ExpireDelegationToken"),
    (41, "DescribeDelegationToken"),
    (42, "DeleteGroups"),
    (43, "ElectLeaders"),
    (44, "IncrementalAlterConfigs"),
    (45, "AlterPartitionReassignments"),
    (46, "ListPartitionReassignments"),
    (47, "OffsetDelete"),
    (48, "DescribeClientQuotas"),
    (49, "AlterClientQuotas"),
    (50, "DescribeUserScramCredentials"),
    (51, "AlterUserScramCredentials"),
    (55, "DescribeQuorum"),
    (57, "UpdateFeatures"),
    (60, "DescribeCluster"),
    (61, "DescribeProducers"),
    (64, "UnregisterBroker"),
    (65, "DescribeTransactions"),
    (66, "ListTransactions"),
    (68, "ConsumerGroupHeartbeat"),
    (69, "ConsumerGroupDescribe"),
    (71, "GetTelemetrySubscriptions"),
    (72, "PushTelemetry"),
    (74, "ListClientMetricsResources"),
    (75, "DescribeTopicPartitions"),
    (76, "ShareGroupHeartbeat"),
    (77, "ShareGroupDescribe"),
    (78, "ShareFetch"),
    (79, "ShareAcknowledge"),
];

pub fn api_name(key: i16) -> &'static str {
    API_NAMES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("?", |(_, n)| n)
}

/// A cursor over a response body.
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
    fn string(&mut self) -> Option<Option<String>> {
        let n = self.i16()?;
        if n < 0 {
            return Some(None);
        }
        String::from_utf8(self.take(n as usize)?.to_vec())
            .ok()
            .map(Some)
    }
}

/// One request/response round trip on a fresh connection; returns the response body after
/// the correlation id.
fn round_trip(
    addr: &str,
    api_key: i16,
    version: i16,
    body: &[u8],
    timeout: Duration,
) -> Result<Vec<u8>> {
    let sock = addr
        .to_socket_addrs()
        .map_err(|e| cluster(format!("{addr}: {e}")))?
        .next()
        .ok_or_else(|| cluster(format!("{addr}: no address")))?;
    let mut s = TcpStream::connect_timeout(&sock, timeout)
        .map_err(|e| cluster(format!("connecting to {addr}: {e}")))?;
    s.set_read_timeout(Some(timeout))?;
    s.set_write_timeout(Some(timeout))?;
    let client_id = b"evtctl";
    let mut req = Vec::with_capacity(32 + body.len());
    req.extend_from_slice(&api_key.to_be_bytes());
    req.extend_from_slice(&version.to_be_bytes());
    req.extend_from_slice(&7i32.to_be_bytes());
    req.extend_from_slice(&(client_id.len() as i16).to_be_bytes());
    req.extend_from_slice(client_id);
    req.extend_from_slice(body);
    let mut frame = (req.len() as i32).to_be_bytes().to_vec();
    frame.extend_from_slice(&req);
    s.write_all(&frame)
        .map_err(|e| cluster(format!("writing to {addr}: {e}")))?;
    let mut len = [0u8; 4];
    s.read_exact(&mut len)
        .map_err(|e| cluster(format!("reading from {addr}: {e}")))?;
    let n = i32::from_be_bytes(len);
    if !(4..=64 * 1024 * 1024).contains(&n) {
        anyhow::bail!("{addr}: a response of {n} bytes is not one");
    }
    let mut resp = vec![0u8; n as usize];
    s.read_exact(&mut resp)
        .map_err(|e| cluster(format!("reading from {addr}: {e}")))?;
    if resp[..4] != 7i32.to_be_bytes() {
        anyhow::bail!("{addr}: the response does not answer our request");
    }
    resp.drain(..4);
    Ok(resp)
}

/// Parse an ApiVersions v0 response.
fn parse_api_versions(b: &[u8]) -> Option<Result<Vec<ApiVersion>, i16>> {
    let mut c = Cur(b);
    let err = c.i16()?;
    if err != 0 {
        return Some(Err(err));
    }
    let n = c.i32()?.max(0) as usize;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let key = c.i16()?;
        out.push(ApiVersion {
            key,
            name: api_name(key),
            min: c.i16()?,
            max: c.i16()?,
        });
    }
    out.sort_by_key(|a| a.key);
    Some(Ok(out))
}

/// Parse a Metadata v4 response (no topics asked for): brokers, cluster id, controller.
fn parse_metadata_v4(b: &[u8]) -> Option<(Vec<BrokerInfo>, Option<String>, i32)> {
    let mut c = Cur(b);
    c.i32()?; // throttle_time_ms
    let n = c.i32()?.max(0) as usize;
    let mut brokers = Vec::with_capacity(n);
    for _ in 0..n {
        brokers.push(BrokerInfo {
            id: c.i32()?,
            host: c.string()?.unwrap_or_default(),
            port: c.i32()?,
            rack: c.string()?,
            api_versions: None,
            api_versions_error: None,
        });
    }
    let cluster_id = c.string()?;
    let controller = c.i32()?;
    Some((brokers, cluster_id, controller))
}

fn metadata_v4_request() -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(&0i32.to_be_bytes()); // no topics
    b.push(0); // allow_auto_topic_creation = false
    b
}

fn plaintext(s: &Settings) -> bool {
    s.properties
        .iter()
        .rev()
        .find(|(k, _, _)| k == "security.protocol")
        .is_none_or(|(_, v, _)| v.eq_ignore_ascii_case("plaintext"))
}

/// Describe the cluster; with `versions`, ask each broker for its API versions.
pub fn describe(s: &Settings, versions: bool) -> Result<ClusterInfo> {
    let consumer: BaseConsumer<Ctx> = client_config(s)
        .create_with_context(Ctx { verbose: s.verbose })
        .map_err(|e| usage(format!("invalid client configuration: {e}")))?;
    let md = super::admin::metadata_via(consumer.client(), None, s, || {
        super::admin::serve_queued(&consumer)
    })?;
    let mut info = ClusterInfo {
        cluster_id: consumer.client().fetch_cluster_id(s.timeout),
        controller: None,
        brokers: md
            .brokers()
            .iter()
            .map(|b| BrokerInfo {
                id: b.id(),
                host: b.host().to_string(),
                port: b.port(),
                rack: None,
                api_versions: None,
                api_versions_error: None,
            })
            .collect(),
        notes: Vec::new(),
    };
    info.brokers.sort_by_key(|b| b.id);
    if !plaintext(s) {
        info.notes.push(
            "controller, racks and API versions are asked for on plaintext connections only (security.protocol is set)".into(),
        );
        return Ok(info);
    }
    let direct = info
        .brokers
        .iter()
        .map(|b| format!("{}:{}", b.host, b.port))
        .chain(s.brokers.split(',').map(|b| b.trim().to_string()))
        .find_map(|addr| {
            round_trip(&addr, 3, 4, &metadata_v4_request(), s.timeout)
                .ok()
                .and_then(|r| parse_metadata_v4(&r))
        });
    match direct {
        Some((brokers, id, controller)) => {
            info.controller = (controller >= 0).then_some(controller);
            if info.cluster_id.is_none() {
                info.cluster_id = id;
            }
            for b in &mut info.brokers {
                if let Some(d) = brokers.iter().find(|d| d.id == b.id) {
                    b.rack = d.rack.clone();
                }
            }
        }
        None => info.notes.push(
            "the brokers did not answer a Metadata v4 request: controller and racks unknown".into(),
        ),
    }
    if versions {
        for b in &mut info.brokers {
            let addr = format!("{}:{}", b.host, b.port);
            match round_trip(&addr, 18, 0, &[], s.timeout) {
                Ok(r) => match parse_api_versions(&r) {
                    Some(Ok(v)) => b.api_versions = Some(v),
                    Some(Err(code)) => {
                        b.api_versions_error = Some(format!("ApiVersions error code {code}"))
                    }
                    None => b.api_versions_error = Some("unreadable ApiVersions response".into()),
                },
                Err(e) => b.api_versions_error = Some(format!("{e:#}")),
            }
        }
    }
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_metadata_v4_and_api_versions() {
        let mut b = Vec::new();
        b.extend_from_slice(&0i32.to_be_bytes());
        b.extend_from_slice(&1i32.to_be_bytes());
        b.extend_from_slice(&2i32.to_be_bytes());
        b.extend_from_slice(&4i16.to_be_bytes());
        b.extend_from_slice(b"kafk");
        b.extend_from_slice(&9092i32.to_be_bytes());
        b.extend_from_slice(&3i16.to_be_bytes());
        b.extend_from_slice(b"eu1");
        b.extend_from_slice(&2i16.to_be_bytes());
        b.extend_from_slice(b"id");
        b.extend_from_slice(&2i32.to_be_bytes());
        b.extend_from_slice(&0i32.to_be_bytes());
        let (brokers, id, controller) = parse_metadata_v4(&b).unwrap();
        assert_eq!(
            (brokers[0].id, brokers[0].host.as_str(), brokers[0].port),
            (2, "kafk", 9092)
        );
        assert_eq!(brokers[0].rack.as_deref(), Some("eu1"));
        assert_eq!((id.as_deref(), controller), (Some("id"), 2));

        let mut v = Vec::new();
        v.extend_from_slice(&0i16.to_be_bytes());
        v.extend_from_slice(&1i32.to_be_bytes());
        for x in [3i16, 0, 12] {
            v.extend_from_slice(&x.to_be_bytes());
        }
        let api = parse_api_versions(&v).unwrap().unwrap();
        assert_eq!((api[0].name, api[0].min, api[0].max), ("Metadata", 0, 12));
        assert!(parse_api_versions(&[0, 35]).unwrap().is_err());
    }
}
