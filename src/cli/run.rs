//! Carry out a parsed command line: the glue between flags, the library and the filesystem.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use brief::error::{Error, Result};
use brief::layout::{self, Format, output_name};
use brief::render::{Meta, Renderer};
use brief::text::{fold, segment};

use super::args::{
    Args, BuildArgs, Command, EmailArgs, RootArgs, SchemaDocument, SummarizeArgs, TemplatesAction,
    WatchArgs,
};
use super::settings::{self, Flags, Settings};
use super::term;
use super::workflow;

/// Run a command. Normal output goes to `out`; warnings go to stderr.
pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<()> {
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
        Command::Completions { shell } => {
            let mut text = Vec::new();
            let mut cmd = <Args as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "brief", &mut text);
            write_stdout(out, &text)
        }
        Command::Manpage => {
            let mut text = Vec::new();
            let cmd = <Args as clap::CommandFactory>::command();
            man_page(cmd, &mut text)?;
            write_stdout(out, &text)
        }
        Command::Schema { document } => {
            let document = match document {
                SchemaDocument::Brief => brief::schema::Document::Brief,
                SchemaDocument::Edition => brief::schema::Document::Edition,
            };
            write_stdout(out, brief::schema::text(document).as_bytes())
        }
        Command::Templates {
            action: TemplatesAction::Export { dir, force },
        } => {
            let mut paths = brief::render::export_templates(&dir, force)?;
            paths.extend(brief::edition::render::export_templates(&dir, force)?);
            for path in paths {
                writeln(out, &path.display().to_string())?;
            }
            Ok(())
        }
    }
}

fn build(args: &BuildArgs, out: &mut dyn Write) -> Result<()> {
    let Some(path) = &args.output else {
        return build_incremental(args, out);
    };
    let format = match args.format {
        _ if path.as_os_str() == "-" => args.format.unwrap_or(Format::Md),
        format => {
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
            from_ext
        }
    };
    let flags = Flags {
        templates: args.templates.clone(),
        ..Flags::with_length(&args.length, None)
    };
    let settings = Settings::resolve(
        &args.input,
        settings::implicit_root(&args.input).as_deref(),
        &flags,
    )?;
    let walk = layout::walk(&args.input)?;
    let spinner = term::spinner(args.quiet, &args.input, walk.files.len());
    settings::log_inputs(&settings, &walk);
    let rendered = brief::load_documents(&walk, &settings.cfg).and_then(|(docs, warnings)| {
        if !args.quiet && !args.single {
            warn_if_edition(&args.input, &docs);
        }
        settings::render_documents(&settings, docs, warnings, &[format], |_| Meta::default())
    });
    spinner.finish_and_clear();
    let settings::Rendered { brief, texts } = rendered?;
    if !args.quiet {
        warn_all(&brief.warnings);
    }
    let text = texts.into_iter().map(|(_, t)| t).collect::<String>();
    if path.as_os_str() == "-" {
        write_stdout(out, text.as_bytes())
    } else {
        write_file(path, &text, args.quiet, out)
    }
}

/// `-o FILE` writes one brief: say so when the folder would be an edition.
fn warn_if_edition(input: &Path, docs: &[brief::ingest::Document]) {
    use brief::config::EditionMode;
    use brief::edition::{Mode, decide};
    use brief::stories::{StoryConfig, detect};
    let d = decide(
        docs,
        &detect(docs, &StoryConfig::default()),
        EditionMode::Auto,
    );
    if d.mode == Mode::Edition {
        eprintln!(
            "warning: {} holds {} stories (and {} single report{}): -o writes one brief of \
             all of them; build without -o for the edition (a brief per story), or pass \
             --single to say one brief is meant",
            input.display(),
            d.stories,
            d.singles,
            if d.singles == 1 { "" } else { "s" }
        );
    }
}

fn stories(input: &Path, json: bool, out: &mut dyn Write) -> Result<()> {
    use brief::stories::{StoryConfig, detect, listing::listing};
    let cfg = brief::config::Config::resolve(input)?;
    let (docs, warnings) = brief::load_documents(&layout::walk(input)?, &cfg)?;
    warn_all(&warnings);
    let found = detect(&docs, &StoryConfig::default());
    let text = listing(&docs, &found, json);
    write_stdout(out, text.as_bytes())
}

fn email(args: &EmailArgs, out: &mut dyn Write) -> Result<()> {
    use brief::render::email;
    let settings = settings::email(&args.input, args)?;
    let to = settings.to.clone();
    if to.is_empty() {
        return Err(Error::Usage(
            "no recipient: pass --to ADDR, or set [email] to = [...] in brief.toml".into(),
        ));
    }
    let Some(from) = settings.from.clone() else {
        return Err(Error::Usage(
            "no sender: pass --from ADDR, or set [email] from in brief.toml".into(),
        ));
    };
    let smtp = settings.smtp.clone();
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
    let (title, markdown, page) = email_parts(args)?;
    // Made for mail clients: plain text for a terminal reader, the page's CSS inlined.
    let text = brief::render::mail::text_part(&markdown);
    let html = brief::render::mail::html_part(&page)?;
    let subject = settings.subject.clone().unwrap_or(title);
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
            brief::output::write_atomic(path, &message.formatted())?;
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
    let md_path = args.input.join(output_name(Format::Md));
    if args.input.is_dir() && md_path.is_file() {
        let building_flags = args.templates.is_some()
            || args.length.sentences.is_some()
            || args.length.words.is_some();
        if building_flags && !args.quiet {
            term::warn(format_args!(
                "{} holds brief.md: sending it as it is (--sentences, --words and \
                 --templates apply only when building from articles)",
                args.input.display()
            ));
        }
        let text = read(md_path)?;
        let title = brief::render::email::markdown_title(&text)
            .unwrap_or_else(|| layout::story_name(&args.input));
        let html_path = args.input.join(output_name(Format::Html));
        let html = if html_path.is_file() {
            read(html_path)?
        } else {
            Renderer::new(None)?.page_from_markdown(&title, &text)?
        };
        return Ok(edition_links(args, title, text, html));
    }
    let folders = settings::StoryFolders::of(&args.input);
    let input = folders.story;
    let flags = Flags {
        templates: args.templates.clone(),
        ..Flags::with_length(&args.length, None)
    };
    let settings = Settings::resolve(&input, folders.root.as_deref(), &flags)?;
    let walk = layout::walk(&input)?;
    let formats = [Format::Md, Format::Html];
    let settings::Rendered { brief, texts } =
        settings::render(&settings, &walk, &formats, |_| Meta::default())?;
    if !args.quiet {
        warn_all(&brief.warnings);
    }
    let mut texts = texts.into_iter().map(|(_, t)| t);
    let (text, html) = (texts.next(), texts.next());
    Ok((
        brief.title,
        text.unwrap_or_default(),
        html.unwrap_or_default(),
    ))
}

/// An edition's front page links to its story pages relatively (`stories/SLUG/brief.html`):
/// in an email they start with `--base-url` (or `[edition] base_url`) and the folder's name.
fn edition_links(
    args: &EmailArgs,
    title: String,
    text: String,
    html: String,
) -> (String, String, String) {
    use brief::edition::render::{STORIES_DIR, absolute_links, url_path};
    let is_edition = brief::manifest::load(&args.input).is_some_and(|m| m.edition.is_some());
    if !is_edition {
        return (title, text, html);
    }
    let base = args.base_url.clone().or_else(|| {
        brief::config::Config::resolve(&layout::story_input(&args.input))
            .ok()
            .and_then(|c| c.edition.base_url)
    });
    let Some(base) = base else {
        if !args.quiet {
            eprintln!(
                "warning: {} is an edition: its links to the story pages ({STORIES_DIR}/...) are \
                 relative; pass --base-url URL (where the briefings folder is published) to \
                 make them work in the email",
                args.input.display()
            );
        }
        return (title, text, html);
    };
    let base = brief::render::link_destination(&base);
    if base.is_empty() {
        eprintln!("warning: the base URL is not an http(s) URL: the story links stay relative");
        return (title, text, html);
    }
    let name = url_path(&layout::story_name(&args.input));
    let prefix = format!("{}/{name}/", base.trim_end_matches('/'));
    (
        title,
        absolute_links(&text, &prefix, false),
        absolute_links(&html, &prefix, true),
    )
}

/// `build` into an output folder: one story, or every story under a root with `--all`;
/// skipped when its manifest says it is current.
fn build_incremental(args: &BuildArgs, out: &mut dyn Write) -> Result<()> {
    use brief::config::EditionMode;
    let mode = match (args.edition, args.single) {
        (true, _) => Some(EditionMode::Edition),
        (_, true) => Some(EditionMode::Single),
        _ => None,
    };
    let opts = workflow::Options {
        flags: Flags {
            formats: args.format.map(|f| vec![f]),
            templates: args.templates.clone(),
            mode,
            ..Flags::with_length(&args.length, None)
        },
        force: args.force,
        quiet: args.quiet,
        previous: args.previous.clone(),
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
        flags: Flags {
            formats: args.format.map(|f| vec![f]),
            templates: args.templates.clone(),
            ..Flags::with_length(&args.length, None)
        },
        force: false,
        quiet: args.quiet,
        previous: None,
    }
}

fn check(args: &RootArgs, out: &mut dyn Write) -> Result<()> {
    // ROOT may be what was built (`briefings/DAY`, `briefings/`) rather than its articles.
    let stories = workflow::check::stories(&args.root, args.out_dir.as_deref())?;
    workflow::check::check(&args.root, &stories, &root_options(args), out)
}

fn diff(old: &Path, new: &Path, out: &mut dyn Write) -> Result<()> {
    use brief::changes::{Snapshot, describe, diff};
    // Two editions (or an edition and a one-story brief): their stories compared.
    if workflow::edition::is_edition(old) || workflow::edition::is_edition(new) {
        let (old, new) = (
            workflow::edition::load_record(old)?,
            workflow::edition::load_record(new)?,
        );
        let text = brief::edition::compare::describe(&brief::edition::compare::compare(&old, &new));
        return write_stdout(out, text.as_bytes());
    }
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
    let flags = Flags {
        salience_weight: args.salience_weight,
        centrality_weight: args.centrality_weight,
        ..Flags::with_length(&args.length, args.bytes)
    };
    let settings = Settings::resolve(
        &args.input,
        settings::implicit_root(&args.input).as_deref(),
        &flags,
    )?;
    let (corpus, warnings) = brief::load(&layout::walk(&args.input)?, &settings.cfg)?;
    if !args.quiet {
        warn_all(&warnings);
    }
    let mut text = String::new();
    // The scorer's contract: the selection without the outlet spread of a brief, which
    // costs ROUGE (docs/quality.md).
    let select = brief::rank::select::SelectConfig {
        spread: false,
        ..settings.cfg.analysis.select
    };
    for point in brief::summarize(&corpus, &select) {
        text.push_str(&fold(point.text(&corpus)));
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
    use brief::extract::entities::{ActorKind, mention_spans};
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

fn write_file(path: &Path, text: &str, quiet: bool, out: &mut dyn Write) -> Result<()> {
    brief::output::write_atomic(path, text.as_bytes())?;
    if !quiet {
        writeln(out, &path.display().to_string())?;
    }
    Ok(())
}

fn warn_all(warnings: &[brief::ingest::Warning]) {
    for w in warnings {
        term::warn(format_args!("{}: {}", w.path, w.reason));
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

/// The man page: clap_mangen's, with one section per subcommand and the exit codes.
fn man_page(cmd: clap::Command, out: &mut Vec<u8>) -> Result<()> {
    let io = |e: std::io::Error| Error::Write {
        path: PathBuf::from("<man page>"),
        source: e,
    };
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out).map_err(io)?;
    man.render_name_section(out).map_err(io)?;
    man.render_synopsis_section(out).map_err(io)?;
    man.render_description_section(out).map_err(io)?;
    man.render_options_section(out).map_err(io)?;
    man.render_subcommands_section(out).map_err(io)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("brief {}", sub.get_name());
        let page = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        out.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        let mut body = Vec::new();
        page.render_synopsis_section(&mut body).map_err(io)?;
        page.render_description_section(&mut body).map_err(io)?;
        page.render_options_section(&mut body).map_err(io)?;
        // Nested sections become subsections of this command's section.
        let body = String::from_utf8_lossy(&body).replace(".SH ", ".SS ");
        out.extend_from_slice(body.as_bytes());
    }
    out.extend_from_slice(
        b".SH \"EXIT STATUS\"\n\
          0 success; 1 \\fBbrief check\\fR found a stale or missing brief; 2 usage or input \
          error; 3 an output could not be written; 4 \\fBbrief email\\fR delivery failed.\n",
    );
    man.render_version_section(out).map_err(io)?;
    Ok(())
}
