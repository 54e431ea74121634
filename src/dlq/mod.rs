//! Dead-letter queues: where a dead-lettered record came from and why it failed, whatever
//! framework wrote it (issue 4 builds `dlq stats`, `drain` and `redrive` on this).

pub mod origin;
