//! One module per command.

pub mod cluster;
pub mod compat;
pub mod completions;
pub mod config;
pub mod count;
pub mod demo;
pub mod dev;
pub mod dlq;
pub mod drain;
pub mod expect;
pub mod groups;
pub mod known_group;
pub mod publish;
pub mod redrive;
pub mod replay;
pub mod reset;
pub mod schema;
pub mod tail;
pub mod topics;
pub mod trace;
pub mod validate;
