//! Carry out a parsed command line: the glue between flags, the library and the filesystem.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::cli::{
    Args, BuildArgs, Command, EmailArgs, FormatArg, LengthArgs, RootArgs, SummarizeArgs,
    TemplatesAction, WatchArgs,
};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::rank::select::Budget;
use crate::render::{Format, Renderer};
use crate::text::{fold, segment};
use crate::workflow;

/// Run a command. Normal output goes to `out`; warnings go to stderr.
pub fn run(args: Args, out: &mut dyn Write) -> Result<()> {
    match args.command {
        Command::Build(b) => build(&b, out),
        Command::Summarize(s) => summarize(&s, out),
        Command::Stories { input, json } => stories(&input, json, out),
        Command::Sentences { file } => sentences(file.as_deref(), out),
        Command::Entities { file, json } => entities(file.as_deref(), json, out),

        Command::Email(e) => email(&e, out),
        Command::Check(c) => check(&c.root, out),
        Command::Diff { old, new } => diff(&old, &new, out),
        Command::Watch(w) => watch(&w, out),
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
    if args.output.is_none() {
        return build_incremental(args, out);
    }
    let cfg = Config::resolve(&args.input, budget(&args.length, None))?;
    let templates = args.templates.clone().or_else(|| cfg.templates.clone());
    let renderer = Renderer::new(templates.as_deref())?;
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
        None => build_incremental(args, out),
    }
}

fn stories(input: &Path, json: bool, out: &mut dyn Write) -> Result<()> {
    let cfg = Config::resolve(input, None)?;
    let (docs, warnings) = crate::load_documents(&cfg)?;
    warn_all(&warnings);
    let found = crate::stories::detect(&docs, &crate::stories::StoryConfig::default());
    let text = crate::stories::listing::listing(&docs, &found, json);
    write_stdout(out, text.as_bytes())
}

fn email(args: &EmailArgs, out: &mut dyn Write) -> Result<()> {
    use crate::render::email;
    // Flags win over the `[email]` table of the story's brief.toml (in the folder, or in its
    // `sources` folder for a brief folder).
    let settings_dir = match args.input.join("sources") {
        s if s.is_dir() => s,
        _ => args.input.clone(),
    };
    let settings = Config::resolve(&settings_dir, None)?.email;
    let to = if args.to.is_empty() {
        settings.to.clone()
    } else {
        args.to.clone()
    };
    if to.is_empty() {
        return Err(Error::Usage(
            "no recipient: pass --to ADDR, or set [email] to = [...] in brief.toml".into(),
        ));
    }
    let Some(from) = args.from.clone().or(settings.from.clone()) else {
        return Err(Error::Usage(
            "no sender: pass --from ADDR, or set [email] from in brief.toml".into(),
        ));
    };
    let smtp = args.smtp.clone().or(settings.smtp.clone());
    // Check everything the user typed before the (possibly slow) build.
    let date = match &args.date {
        Some(d) => email::parse_date(d)?,
        // Email needs a Date header: the one place the clock is read (pin it with --date).
        None => std::time::SystemTime::now(),
    };
    email::mailbox(&from)?;
    for addr in &to {
        email::mailbox(addr)?;
    }
    let server = match (&args.eml, &smtp) {
        (Some(_), _) => None,
        (None, Some(url)) => Some(email::SmtpServer::parse(url)?),
        (None, None) => match std::env::var("BRIEF_SMTP_URL") {
            Ok(url) if !url.is_empty() => Some(email::SmtpServer::parse(&url)?),
            _ => {
                return Err(Error::Usage(
                    "say where the email goes: --eml FILE, or --smtp URL (or BRIEF_SMTP_URL)"
                        .into(),
                ));
            }
        },
    };
    let credentials = email::credentials_from_env(|k| std::env::var(k).ok())?;
    let (title, text, html) = email_parts(args)?;
    let subject = args
        .subject
        .clone()
        .or(settings.subject.clone())
        .unwrap_or(title);
    let message = email::compose(&email::Email {
        from: &from,
        to: &to,
        subject: &subject,
        text: &text,
        html: &html,
        date,
    })?;
    match (&args.eml, server) {
        (Some(path), _) if path.as_os_str() == "-" => write_stdout(out, &message.formatted()),
        (Some(path), _) => {
            crate::output::write_atomic(path, &message.formatted())?;
            if !args.quiet {
                writeln(out, &path.display().to_string())?;
            }
            Ok(())
        }
        (None, Some(server)) => {
            email::send(&message, &server, credentials)?;
            if !args.quiet {
                writeln(out, &format!("sent to {}", to.join(", ")))?;
            }
            Ok(())
        }
        (None, None) => Err(Error::Usage("no --eml FILE or --smtp URL".into())),
    }
}

/// The brief to email: (title, Markdown, HTML), from a brief folder's files or built fresh.
fn email_parts(args: &EmailArgs) -> Result<(String, String, String)> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).map_err(|source| Error::Read { path, source })
    };
    let md_path = args.input.join("brief.md");
    if args.input.is_dir() && md_path.is_file() {
        let building_flags = args.templates.is_some()
            || args.length.sentences.is_some()
            || args.length.words.is_some();
        if building_flags && !args.quiet {
            eprintln!(
                "warning: {} holds brief.md: sending it as it is (--sentences, --words and \
                 --templates apply only when building from articles)",
                args.input.display()
            );
        }
        let text = read(md_path)?;
        let title = crate::render::email::markdown_title(&text)
            .unwrap_or_else(|| crate::story_name(&args.input));
        let html_path = args.input.join("brief.html");
        let html = if html_path.is_file() {
            read(html_path)?
        } else {
            Renderer::new(None)?.page_from_markdown(&title, &text)?
        };
        return Ok((title, text, html));
    }
    let sources = args.input.join("sources");
    let input = if sources.is_dir() {
        sources
    } else {
        args.input.clone()
    };
    let cfg = Config::resolve(&input, budget(&args.length, None))?;
    let renderer = Renderer::new(args.templates.as_deref())?;
    let brief = crate::build(&cfg)?;
    if !args.quiet {
        warn_all(&brief.warnings);
    }
    let text = renderer.render(&brief, Format::Md)?;
    let html = renderer.render(&brief, Format::Html)?;
    Ok((brief.title, text, html))
}

/// `build` into an output folder: one story, or every story under a root with `--all`;
/// skipped when its manifest says it is current.
fn build_incremental(args: &BuildArgs, out: &mut dyn Write) -> Result<()> {
    let opts = workflow::Options {
        budget: budget(&args.length, None),
        formats: args.format.map(|f| vec![format_of(f)]),
        templates: args.templates.clone(),
        force: args.force,
        quiet: args.quiet,
    };
    let stories = if args.all {
        workflow::discover(&args.input, args.out_dir.as_deref())?
    } else {
        vec![workflow::Story::single(
            &args.input,
            args.out_dir.as_deref(),
        )]
    };
    let summary = workflow::build::build_all(&stories, &opts, out)?;
    if args.all && !args.quiet {
        eprintln!(
            "{} built, {} up to date, {} failed",
            summary.built, summary.current, summary.failed
        );
    }
    summary.into_result()
}

fn root_options(args: &RootArgs) -> workflow::Options {
    workflow::Options {
        budget: budget(&args.length, None),
        formats: args.format.map(|f| vec![format_of(f)]),
        templates: args.templates.clone(),
        force: false,
        quiet: args.quiet,
    }
}

fn check(args: &RootArgs, out: &mut dyn Write) -> Result<()> {
    let stories = workflow::discover(&args.root, args.out_dir.as_deref())?;
    workflow::check::check(&args.root, &stories, &root_options(args), out)
}

fn diff(old: &Path, new: &Path, out: &mut dyn Write) -> Result<()> {
    use workflow::changes::{Snapshot, describe, diff};
    let (old, new) = (Snapshot::load(old)?, Snapshot::load(new)?);
    write_stdout(out, describe(diff(&old, &new).as_ref()).as_bytes())
}

fn watch(args: &WatchArgs, out: &mut dyn Write) -> Result<()> {
    let limits = workflow::watch::Limits {
        rounds: args.exit_after,
        timeout: args
            .timeout
            .map(|s| std::time::Duration::from_secs_f64(s.max(0.0))),
    };
    let root = &args.root;
    workflow::watch::watch(
        &root.root,
        root.out_dir.as_deref(),
        &root_options(root),
        limits,
        out,
    )
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
