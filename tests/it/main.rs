//! Integration tests: the real `evtctl` binary against a real Kafka-protocol broker — the
//! embedded one by default, or the one named by EVTCTL_TEST_BROKERS (CI: Tansu).

// The test harness reports through eprintln!; only evtctl itself must never panic on stderr.
#![allow(clippy::disallowed_macros)]
mod cloudevents;
mod common;
mod compat_cases;
mod compat_gate;
mod compat_size;
mod compat_soundness;
mod config;
mod daily;
mod dlq;
mod drain;
mod errors;
mod expect;
mod faults;
mod formats;
mod formats_interop;
mod groups;
mod groups_input;
mod hostile;
mod integrity;
mod interop;
mod positions;
mod publish;
mod redrive;
mod registry;
mod replay;
mod roundtrip;
mod signals;
mod topics;
mod trace;
mod transform;
