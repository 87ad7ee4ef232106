//! Carry out a parsed command line: the glue between flags, the library and the filesystem.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Args, BuildArgs, Command, FormatArg, LengthArgs, SummarizeArgs, TemplatesAction};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::rank::select::Budget;
use crate::render::{Format, Renderer};
use crate::text::segment;

/// Run a command. Normal output goes to `out`; warnings go to stderr.
pub fn run(args: Args, out: &mut dyn Write) -> Result<()> {
    match args.command {
        Command::Build(b) => build(&b, out),
        Command::Summarize(s) => summarize(&s, out),
        Command::Sentences { file } => sentences(file.as_deref(), out),
        Command::Entities { file, json } => entities(file.as_deref(), json, out),
        Command::Templates {
            action: TemplatesAction::Export { dir, force },
        } => {
            for path in crate::render::export_templates(&dir, force)? {
                writeln(out, &path.display().to_string())?;
            }
            Ok(())
        }
    }
}

fn build(args: &BuildArgs, out: &mut dyn Write) -> Result<()> {
    let cfg = Config::resolve(&args.input, budget(&args.length, None))?;
    let renderer = Renderer::new(args.templates.as_deref())?;
    let brief = crate::build(&cfg)?;
    if !args.quiet {
        warn_all(&brief.warnings);
    }
    let format = args.format.map(format_of);
    match &args.output {
        Some(path) if path.as_os_str() == "-" => {
            let text = renderer.render(&brief, format.unwrap_or(Format::Md))?;
            write_stdout(out, text.as_bytes())
        }
        Some(path) => {
            let from_ext = Format::from_path(path).ok_or_else(|| {
                Error::Usage(format!(
                    "cannot tell the format of {}: use a .md, .html or .json file name, or -o -",
                    path.display()
                ))
            })?;
            if format.is_some_and(|f| f != from_ext) {
                return Err(Error::Usage(format!(
                    "--format disagrees with the extension of {}",
                    path.display()
                )));
            }
            write_file(path, &renderer.render(&brief, from_ext)?, args.quiet, out)
        }
        None => {
            let dir = args
                .out_dir
                .clone()
                .unwrap_or_else(|| default_out_dir(&args.input));
            let formats = match format {
                Some(f) => vec![f],
                None => vec![Format::Md, Format::Html],
            };
            for f in formats {
                let path = dir.join(format!("brief.{}", f.extension()));
                write_file(&path, &renderer.render(&brief, f)?, args.quiet, out)?;
            }
            Ok(())
        }
    }
}

fn summarize(args: &SummarizeArgs, out: &mut dyn Write) -> Result<()> {
    let mut cfg = Config::resolve(&args.input, budget(&args.length, args.bytes))?;
    if let Some(w) = args.salience_weight {
        cfg.select.salience_weight = w;
    }
    if let Some(w) = args.centrality_weight {
        cfg.select.centrality_weight = w;
    }
    let (corpus, warnings) = crate::load(&cfg)?;
    if !args.quiet {
        warn_all(&warnings);
    }
    let mut text = String::new();
    for point in crate::summarize(&corpus, &cfg.select) {
        let s = &corpus.sentences[point.sentences[0]];
        text.push_str(&fold(corpus.text(s)));
        text.push('\n');
    }
    write_stdout(out, text.as_bytes())
}

fn sentences(file: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let input = read_input(file)?;
    let mut text = String::new();
    for line in input.lines() {
        for r in segment::split_sentences(line) {
            text.push_str(&fold(&line[r]));
            text.push('\n');
        }
    }
    write_stdout(out, text.as_bytes())
}

fn entities(file: Option<&Path>, json: bool, out: &mut dyn Write) -> Result<()> {
    use crate::extract::entities::{ActorKind, mention_spans};
    let input = read_input(file)?;
    let mut text = String::new();
    for (span, kind) in mention_spans(&input) {
        let name = &input[span.clone()];
        let conll = match kind {
            ActorKind::Person => "PER",
            ActorKind::Organisation => "ORG",
            ActorKind::Place => "LOC",
            ActorKind::Group => "MISC",
        };
        if json {
            let line = serde_json::json!({"start": span.start, "end": span.end, "type": conll, "text": name});
            text.push_str(&line.to_string());
        } else {
            text.push_str(&format!(
                "{}\t{}\t{conll}\t{}",
                span.start,
                span.end,
                fold(name)
            ));
        }
        text.push('\n');
    }
    write_stdout(out, text.as_bytes())
}

/// The text of FILE, or of standard input when FILE is absent or `-`.
fn read_input(file: Option<&Path>) -> Result<String> {
    match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::read_to_string(path).map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })
        }
        _ => {
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .map_err(|source| Error::Read {
                    path: PathBuf::from("<stdin>"),
                    source,
                })?;
            Ok(input)
        }
    }
}

/// Where `build` writes by default: beside a folder named `sources`, else briefings/NAME.
pub fn default_out_dir(input: &Path) -> PathBuf {
    let is_sources = input.file_name().is_some_and(|n| n == "sources");
    match input.parent() {
        Some(parent) if is_sources && input.is_dir() => {
            if parent.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                parent.to_path_buf()
            }
        }
        _ => PathBuf::from("briefings").join(crate::story_name(input)),
    }
}

fn budget(length: &LengthArgs, bytes: Option<usize>) -> Option<Budget> {
    if let Some(n) = bytes {
        return Some(Budget::Bytes(n));
    }
    match (length.sentences, length.words) {
        (Some(n), _) => Some(Budget::Sentences(n as usize)),
        (None, Some(n)) => Some(Budget::Words(n as usize)),
        (None, None) => None,
    }
}

fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Md => Format::Md,
        FormatArg::Html => Format::Html,
        FormatArg::Json => Format::Json,
    }
}

fn write_file(path: &Path, text: &str, quiet: bool, out: &mut dyn Write) -> Result<()> {
    crate::output::write_atomic(path, text.as_bytes())?;
    if !quiet {
        writeln(out, &path.display().to_string())?;
    }
    Ok(())
}

fn warn_all(warnings: &[crate::ingest::Warning]) {
    for w in warnings {
        eprintln!("warning: {}: {}", w.path, w.reason);
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn writeln(out: &mut dyn Write, line: &str) -> Result<()> {
    write_stdout(out, format!("{line}\n").as_bytes())
}

/// Write to standard output; a closed pipe (`brief ... | head`) is not an error.
fn write_stdout(out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write {
            path: PathBuf::from("<stdout>"),
            source: e,
        }),
        _ => Ok(()),
    }
}
