//! One module per command.

pub mod completions;
pub mod config;
pub mod demo;
pub mod dev;
pub mod publish;
pub mod tail;
pub mod topics;
