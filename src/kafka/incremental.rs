//! IncrementalAlterConfigs (KIP-339): set and delete single topic configuration values, leaving
//! the others as they are. The rdkafka crate wraps only the older AlterConfigs (which replaces
//! the whole set), so this calls librdkafka's C API directly.

use rdkafka::error::RDKafkaErrorCode;
use rdkafka_sys as rd;
use std::ffi::{CStr, CString};
use std::time::Duration;

/// One change to a topic's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    Set(String, String),
    /// Return the value to its default.
    Delete(String),
}

/// Why the request failed: the error code (to recognise an unsupported request) and text.
#[derive(Debug)]
pub struct Failure {
    pub code: RDKafkaErrorCode,
    pub message: String,
}

#[allow(unsafe_code)]
fn text(p: *const std::os::raw::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: librdkafka returns NUL-terminated strings that live as long as their owner,
    // which the callers keep alive while this copies them.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// Apply `ops` to `topic` through the client `rk`, waiting at most `timeout`.
#[allow(unsafe_code)]
pub fn alter(
    rk: *mut rd::RDKafka,
    topic: &str,
    ops: &[Op],
    timeout: Duration,
) -> Result<(), Failure> {
    let fail = |code: RDKafkaErrorCode, message: String| Failure { code, message };
    let cstr = |s: &str| {
        CString::new(s).map_err(|_| {
            fail(
                RDKafkaErrorCode::InvalidArgument,
                format!("`{s}` contains a NUL byte"),
            )
        })
    };
    let name = cstr(topic)?;
    let mut owned = Vec::new();
    for op in ops {
        owned.push(match op {
            Op::Set(k, v) => (
                cstr(k)?,
                Some(cstr(v)?),
                rd::rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET,
            ),
            Op::Delete(k) => (
                cstr(k)?,
                None,
                rd::rd_kafka_AlterConfigOpType_t::RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE,
            ),
        });
    }
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: `rk` is a live client owned by the caller for the whole call. Every object
    // created here (queue, resource, options, event) is destroyed exactly once below, on every
    // path; librdkafka copies the resource and options when the request is made, and the
    // strings passed in outlive the calls that read them.
    unsafe {
        let queue = rd::rd_kafka_queue_new(rk);
        let res = rd::rd_kafka_ConfigResource_new(
            rd::rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TOPIC,
            name.as_ptr(),
        );
        let opts = rd::rd_kafka_AdminOptions_new(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS,
        );
        let cleanup = |ev: *mut rd::rd_kafka_event_t| {
            if !ev.is_null() {
                rd::rd_kafka_event_destroy(ev);
            }
            rd::rd_kafka_AdminOptions_destroy(opts);
            rd::rd_kafka_ConfigResource_destroy(res);
            rd::rd_kafka_queue_destroy(queue);
        };
        for (k, v, op) in &owned {
            let err = rd::rd_kafka_ConfigResource_add_incremental_config(
                res,
                k.as_ptr(),
                *op,
                v.as_ref().map_or(std::ptr::null(), |v| v.as_ptr()),
            );
            if !err.is_null() {
                let f = fail(
                    RDKafkaErrorCode::from(rd::rd_kafka_error_code(err)),
                    text(rd::rd_kafka_error_string(err)),
                );
                rd::rd_kafka_error_destroy(err);
                cleanup(std::ptr::null_mut());
                return Err(f);
            }
        }
        let mut errbuf = [0 as std::os::raw::c_char; 512];
        rd::rd_kafka_AdminOptions_set_request_timeout(opts, ms, errbuf.as_mut_ptr(), errbuf.len());
        let mut arr = [res];
        rd::rd_kafka_IncrementalAlterConfigs(rk, arr.as_mut_ptr(), 1, opts, queue);
        let ev = rd::rd_kafka_queue_poll(queue, ms.saturating_add(5000));
        if ev.is_null() {
            cleanup(ev);
            return Err(fail(
                RDKafkaErrorCode::OperationTimedOut,
                "no answer in time".into(),
            ));
        }
        let code = rd::rd_kafka_event_error(ev);
        if code != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            let f = fail(
                RDKafkaErrorCode::from(code),
                text(rd::rd_kafka_event_error_string(ev)),
            );
            cleanup(ev);
            return Err(f);
        }
        let result = rd::rd_kafka_event_IncrementalAlterConfigs_result(ev);
        let mut n = 0usize;
        let resources = rd::rd_kafka_IncrementalAlterConfigs_result_resources(result, &mut n);
        for i in 0..n {
            let r = *resources.add(i);
            let code = rd::rd_kafka_ConfigResource_error(r);
            if code != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                let f = fail(
                    RDKafkaErrorCode::from(code),
                    text(rd::rd_kafka_ConfigResource_error_string(r)),
                );
                cleanup(ev);
                return Err(f);
            }
        }
        cleanup(ev);
    }
    Ok(())
}
