//! The binary's side of `brief`: the command line and the workflows on top of the library.
//!
//! Everything that knows about flags lives here: the clap definitions ([`args`]), laying flags
//! over `brief.toml` ([`settings`], the one place settings are resolved), where output goes
//! and which stories a root holds ([`workflow`]), and each command ([`run`]). The library
//! (`src/lib.rs`) never imports this module.

pub(crate) mod args;
mod run;
mod settings;
pub(crate) mod term;
mod workflow;

pub(crate) use args::Args;
pub(crate) use run::run;
