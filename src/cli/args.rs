//! Command-line flags (clap derive). Raw flags only: [`super::settings`] lays them over the
//! folder's `brief.toml`.

use std::path::PathBuf;

use brief::layout::Format;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args as ClapArgs, Parser, Subcommand};

/// Turn a folder of news articles from several outlets into a brief you can trust.
///
/// The brief says what happened (an extractive summary, every sentence cited to the outlets
/// that carry it), who matters, who wants what, what is unresolved, and where the outlets'
/// figures disagree. Everything in it is taken word for word from the articles.
#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub(crate) struct Args {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,

    /// Colour in messages: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub(crate) color: clap::ColorChoice,

    /// Say on stderr what was read and what was skipped, and why.
    #[arg(short, long, global = true)]
    pub(crate) verbose: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the brief for a folder of articles (brief.md and brief.html by default).
    ///
    /// Reads articles recursively, in sorted order: text (.txt, .md), saved web pages (.html,
    /// .htm), feeds (.rss, .atom, .xml: one article per item) and JSON Lines (.jsonl, .ndjson:
    /// one per line). Other files are skipped with a warning (-v lists what was read).
    /// Front matter (YAML between --- lines, TOML between +++ lines) may give title,
    /// outlet, url, date and author. An optional brief.toml in the folder maps file names to
    /// outlets and sets defaults. Output goes beside a folder named `sources`
    /// (briefings/STORY/sources -> briefings/STORY/brief.md), otherwise to briefings/FOLDER/.
    /// Output is byte-identical for the same inputs and options, and written atomically.
    /// A manifest (.brief-manifest.json) beside brief.md records what the brief was built
    /// from: when nothing changed, `build` lists the brief's files marked "(up to date)" and
    /// writes nothing (--force rebuilds; -o always renders).
    #[command(
        after_help = "Examples:\n  brief build briefings/suez-2021-03/sources\n  \
        brief build inbox/2016-09-09 -o brief.json\n  \
        brief build inbox/2016-09-09 --format html -o - > brief.html\n  \
        brief build inbox/2016-09-09 --words 150 --templates my-templates/\n  \
        brief build inbox --all          # every day under inbox/, in parallel\n  \
        brief build inbox --all --force  # rebuild even the briefs that are up to date"
    )]
    Build(BuildArgs),

    /// Print which story each article belongs to: one line per article, story id and path.
    ///
    /// A folder of the day's news holds many stories: articles about the same event share a
    /// story id (numbered in folder order). With --json, one JSON object per line
    /// {"story", "path", "title", "outlet", "size"}.
    #[command(after_help = "Examples:\n  brief stories inbox/2026-12-06\n  \
        brief stories inbox/2026-12-06 --json")]
    Stories {
        /// Folder of articles.
        input: PathBuf,
        /// JSON lines instead of tab-separated lines.
        #[arg(long)]
        json: bool,
    },

    /// Print only the summary sentences, one per line, in reading order.
    ///
    /// Uses the same selection as `build`. Nothing else goes to stdout, so the output can be
    /// scored or piped; warnings go to stderr.
    Summarize(SummarizeArgs),

    /// Print the sentences of a text, one per line (segmentation check).
    ///
    /// Reads FILE, or standard input when FILE is absent or `-`. Lines are paragraphs;
    /// each sentence is printed with its white space folded.
    Sentences {
        /// Text file to split.
        file: Option<PathBuf>,
    },

    /// Print the names (people, organisations, places, groups) found in a text.
    ///
    /// Reads FILE, or standard input when FILE is absent or `-`, and prints one mention per
    /// line: byte offsets, type and text. With --json, one JSON object per line
    /// {"start", "end", "type", "text"}, types PER, ORG, LOC, MISC (CoNLL names; offsets are
    /// UTF-8 byte offsets, end exclusive): the format the entity scorer reads.
    Entities {
        /// Text file to read.
        file: Option<PathBuf>,
        /// JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },

    /// Email the brief: Markdown as the text part, the HTML page as the HTML part.
    ///
    /// INPUT is a brief folder holding brief.md (and brief.html), whose files are sent as
    /// they are, or a folder of articles, whose brief is built first (as `build` would, nothing
    /// is written). The message is written to --eml FILE, or sent to the --smtp server.
    /// Credentials come only from the environment (BRIEF_SMTP_USER, BRIEF_SMTP_PASSWORD) and
    /// are only ever sent over TLS (smtps://, or smtp:// with STARTTLS).
    #[command(
        after_help = "Examples:\n  brief email briefings/suez-2021-03 --to desk@example.org \
        --from brief@example.org --eml suez.eml\n  \
        BRIEF_SMTP_USER=me BRIEF_SMTP_PASSWORD=... brief email briefings/suez-2021-03 \
        --to desk@example.org --from me@example.org --smtp smtps://mail.example.org\n\n\
        Exit codes: 0 sent or written, 2 usage or input error (bad address), 3 .eml not \
        written, 4 delivery failed (refused connection, TLS, authentication, rejected)."
    )]
    Email(EmailArgs),
    /// Fail (exit code 1) when a brief under ROOT is stale or missing; name each one.
    ///
    /// ROOT is what `brief build ROOT --all` takes. A brief is stale when an article was added,
    /// changed or removed, brief.toml, the templates, the options or brief's version changed,
    /// or an output was edited or deleted since it was built. Nothing is written.
    #[command(
        after_help = "Examples:\n  brief check briefings\n  brief check inbox       # briefs in briefings/DAY"
    )]
    Check(CheckArgs),

    /// Print what is new in NEW since OLD: summary points, figures, actors.
    ///
    /// OLD and NEW are brief folders (with the manifest `build` writes), brief.json files
    /// (`--format json`), or manifests. When either is an edition, its stories are compared:
    /// which are new, developing (and what changed), continuing, or no longer covered.
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
    },

    /// Build every brief under ROOT, then rebuild the affected ones whenever files change.
    ///
    /// Runs until interrupted (Ctrl-C). Changes are debounced; each round rebuilds only the
    /// briefs whose inputs changed, and picks up new story folders.
    Watch(WatchArgs),

    /// Work with the brief's templates.
    Templates {
        /// Template action.
        #[command(subcommand)]
        action: TemplatesAction,
    },

    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = "Examples:\n  \
        brief completions bash > ~/.local/share/bash-completion/completions/brief\n  \
        brief completions zsh > ~/.zfunc/_brief\n  \
        brief completions fish > ~/.config/fish/completions/brief.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },

    /// Print the man page (roff), e.g. `brief manpage > ~/.local/share/man/man1/brief.1`.
    Manpage,

    /// Print the JSON Schema of `--format json` output (draft 2020-12).
    ///
    /// Generated from the model itself, so it always matches what this version writes;
    /// docs/brief.schema.json and docs/edition.schema.json are its output.
    Schema {
        /// Which document: a brief, or an edition's front page.
        #[arg(value_enum, default_value_t = SchemaDocument::Brief)]
        document: SchemaDocument,
    },
}

/// `brief schema DOCUMENT`
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SchemaDocument {
    /// `brief build --format json` (and each story's brief.json in an edition).
    Brief,
    /// An edition's front page, brief.json of a folder of many stories.
    Edition,
}

/// `brief templates ...`
#[derive(Debug, Subcommand)]
pub(crate) enum TemplatesAction {
    /// Write the built-in templates to DIR for editing; use them with `build --templates DIR`.
    Export {
        /// Folder to write brief.md.tera and page.html.tera into (created if missing).
        dir: PathBuf,
        /// Overwrite existing files.
        #[arg(long)]
        force: bool,
    },
}

/// Flags of `brief build`.
#[derive(Debug, ClapArgs)]
pub(crate) struct BuildArgs {
    /// Folder of articles (or a single article file).
    pub(crate) input: PathBuf,

    /// Write one file instead (format from its extension: .md, .html, .json), or `-` for
    /// standard output (format from --format, Markdown by default).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// Output format: with -o -, the format printed; without -o, write only this format.
    #[arg(short, long, value_parser = format_parser())]
    pub(crate) format: Option<Format>,

    /// Folder to write brief.md and brief.html into (default: beside a `sources` folder,
    /// else briefings/FOLDER).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub(crate) out_dir: Option<PathBuf>,

    /// Summary length.
    #[command(flatten)]
    pub(crate) length: LengthArgs,

    /// Folder of templates overriding the built-in ones (brief.md.tera, page.html.tera).
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,

    /// Do not print warnings or the paths written.
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Treat INPUT as a root: one brief per story folder under it, built in order (a day is
    /// compared with the day before)
    /// (ROOT/STORY/sources -> ROOT/STORY/, ROOT/DAY -> briefings/DAY/ or --out-dir/DAY/).
    #[arg(long, conflicts_with = "output")]
    pub(crate) all: bool,

    /// Rebuild even when the brief's manifest says it is up to date.
    #[arg(long)]
    pub(crate) force: bool,

    /// Build an edition (front page + a brief per story) even when the folder holds one
    /// story (default: when it holds several; docs/edition.md).
    #[arg(long, conflicts_with_all = ["single", "output"])]
    pub(crate) edition: bool,

    /// Build one brief of every article even when the folder holds several stories.
    #[arg(long)]
    pub(crate) single: bool,

    /// The previous edition to compare this edition with: its folder (`briefings/2026-12-06`)
    /// or its manifest (default: the output folder before this one, by name; docs/edition.md).
    #[arg(long, value_name = "PATH", conflicts_with_all = ["all", "output", "single"])]
    pub(crate) previous: Option<PathBuf>,
}

/// Flags shared by `check` and `watch`: which briefs, built how.
#[derive(Debug, ClapArgs)]
pub(crate) struct RootArgs {
    /// Folder of stories (as for `build ROOT --all`).
    pub(crate) root: PathBuf,

    /// Parent folder of every story's brief, DIR/STORY (default: beside `sources`, else
    /// briefings/STORY).
    #[arg(long, value_name = "DIR")]
    pub(crate) out_dir: Option<PathBuf>,

    /// Output format, as for `build` (default: brief.toml's `formats`, else md and html).
    #[arg(short, long, value_parser = format_parser())]
    pub(crate) format: Option<Format>,

    /// Summary length, as for `build`.
    #[command(flatten)]
    pub(crate) length: LengthArgs,

    /// Templates folder, as for `build`.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,

    /// Print only problems.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

/// Flags of `brief check`.
#[derive(Debug, ClapArgs)]
pub(crate) struct CheckArgs {
    /// Which briefs.
    #[command(flatten)]
    pub(crate) root: RootArgs,
}

/// Flags of `brief watch`.
#[derive(Debug, ClapArgs)]
pub(crate) struct WatchArgs {
    /// Which briefs.
    #[command(flatten)]
    pub(crate) root: RootArgs,

    /// Stop after N rounds that rebuilt something (for tests and scripts).
    #[arg(long, value_name = "N", hide = true)]
    pub(crate) exit_after: Option<u32>,

    /// Stop after SECS seconds (for tests and scripts).
    #[arg(long, value_name = "SECS", hide = true)]
    pub(crate) timeout: Option<f64>,
}

/// Flags of `brief email`.
#[derive(Debug, ClapArgs)]
pub(crate) struct EmailArgs {
    /// A brief folder holding brief.md (and brief.html), or a folder of articles.
    pub(crate) input: PathBuf,

    /// Recipient address; repeat for several (default: `[email] to` in brief.toml).
    #[arg(long, value_name = "ADDR")]
    pub(crate) to: Vec<String>,

    /// Sender address, e.g. "Briefs <brief@example.org>" (default: `[email] from`).
    #[arg(long, value_name = "ADDR")]
    pub(crate) from: Option<String>,

    /// Subject (default: `[email] subject`, else the brief's title).
    #[arg(long)]
    pub(crate) subject: Option<String>,

    /// Write the message to FILE (`-` for standard output) instead of sending it.
    #[arg(long, value_name = "FILE", conflicts_with = "smtp")]
    pub(crate) eml: Option<PathBuf>,

    /// SMTP server: smtps://HOST or smtps://HOST:PORT (TLS, port 465), or smtp://HOST or
    /// smtp://HOST:PORT (port 587; STARTTLS when offered, required with credentials).
    /// Default: $BRIEF_SMTP_URL.
    #[arg(long, value_name = "URL")]
    pub(crate) smtp: Option<String>,

    /// The Date header (default: now), e.g. 2021-03-29T12:00:00Z, 2021-03-29 or Unix
    /// seconds; pins the message for a reproducible .eml.
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,

    /// Summary length, when building from articles.
    #[command(flatten)]
    pub(crate) length: LengthArgs,

    /// Folder of templates overriding the built-in ones, when building from articles.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,

    /// Do not print warnings or what was sent.
    #[arg(short, long)]
    pub(crate) quiet: bool,

    /// Where the briefings folder is published (default: `[edition] base_url`): the links of
    /// an emailed edition's front page to its story pages start with it.
    #[arg(long, value_name = "URL")]
    pub(crate) base_url: Option<String>,
}

/// Flags of `brief summarize`.
#[derive(Debug, ClapArgs)]
pub(crate) struct SummarizeArgs {
    /// Folder of articles (or a single article file).
    pub(crate) input: PathBuf,

    /// Summary length.
    #[command(flatten)]
    pub(crate) length: LengthArgs,

    /// Summary length in bytes (like --words, counted in bytes of text).
    #[arg(long, value_name = "N", conflicts_with_all = ["sentences", "words"])]
    pub(crate) bytes: Option<usize>,

    /// Weight of entity salience in sentence value (default 0.5; 0 turns it off). For
    /// evaluation: see docs/quality.md.
    #[arg(long, value_name = "W")]
    pub(crate) salience_weight: Option<f64>,

    /// Weight of LexRank centrality in sentence value (default 1; 0 turns it off). For
    /// evaluation: see docs/quality.md.
    #[arg(long, value_name = "W")]
    pub(crate) centrality_weight: Option<f64>,

    /// Do not print warnings.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

/// Summary length flags: at most one of them.
#[derive(Debug, ClapArgs)]
pub(crate) struct LengthArgs {
    /// Number of summary sentences (default 6, or brief.toml's `[summary]`).
    #[arg(long, value_name = "N", conflicts_with = "words", value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) sentences: Option<u32>,

    /// Summary length in words: sentences are added until N words are reached.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub(crate) words: Option<u32>,
}

/// `--format NAME`: the library's [`Format`] by name (md, html, json).
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(Format::extension))
        // Only the names listed above get here, and each names a format.
        .map(|name| Format::from_name(&name).unwrap_or(Format::Md))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Args::command().debug_assert();
    }
}
