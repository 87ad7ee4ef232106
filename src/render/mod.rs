//! Stage 6, render: [`Brief`] -> Markdown, HTML or JSON.
//!
//! Templates are Tera files. The built-in ones are embedded from `templates/`; a file of the
//! same name in a user's templates folder replaces the built-in one. Markdown is the primary
//! template (`brief.md.tera`); the HTML brief is that Markdown rendered by pulldown-cmark
//! inside `page.html.tera`. In the Markdown template every `{{ value }}` is escaped for
//! Markdown, in the page template for HTML, so article text never becomes markup.

pub mod email;
pub mod html;
pub mod markdown;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::brief::Brief;
use crate::error::{Error, Result};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (the primary form).
    Md,
    /// A self-contained HTML page.
    Html,
    /// The Brief model as JSON.
    Json,
}

impl Format {
    /// File extension (and file name stem `brief.<ext>`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// The format for a file name's extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// The Markdown brief template's file name.
pub const MD_TEMPLATE: &str = "brief.md.tera";
/// The HTML page template's file name.
pub const PAGE_TEMPLATE: &str = "page.html.tera";

/// The built-in templates: (file name, content).
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        "brief.md.tera",
        include_str!("../../templates/brief.md.tera"),
    ),
    (
        "page.html.tera",
        include_str!("../../templates/page.html.tera"),
    ),
];

/// Loaded templates, ready to render.
pub struct Renderer {
    markdown: Tera,
    page: Tera,
}

impl Renderer {
    /// Load the built-in templates, replaced by same-named files in `dir` when given.
    pub fn new(dir: Option<&Path>) -> Result<Renderer> {
        let mut markdown = Tera::new();
        markdown.set_escape_fn(markdown::escape_to);
        markdown.autoescape_on([".md.tera"]);
        register_filters(&mut markdown);
        add(&mut markdown, MD_TEMPLATE, dir)?;
        let mut html = Tera::new();
        html.set_escape_fn(markdown::escape_html_to);
        html.autoescape_on([".html.tera"]);
        register_filters(&mut html);
        add(&mut html, PAGE_TEMPLATE, dir)?;
        Ok(Renderer {
            markdown,
            page: html,
        })
    }

    /// Render the brief in a format.
    pub fn render(&self, brief: &Brief, format: Format) -> Result<String> {
        match format {
            Format::Md => self.markdown(brief),
            Format::Html => self.html(brief),
            Format::Json => json(brief),
        }
    }

    /// The Markdown brief.
    pub fn markdown(&self, brief: &Brief) -> Result<String> {
        let ctx = context(brief)?;
        let out = self
            .markdown
            .render(MD_TEMPLATE, &ctx)
            .map_err(|e| template_error(MD_TEMPLATE, &e))?;
        Ok(tidy(&out))
    }

    /// The HTML page: the Markdown brief rendered to HTML inside the page template.
    pub fn html(&self, brief: &Brief) -> Result<String> {
        let body = html::markdown_to_html(&self.markdown(brief)?);
        let mut ctx = context(brief)?;
        ctx.insert("body", &Value::safe_string(&body));
        self.page
            .render(PAGE_TEMPLATE, &ctx)
            .map_err(|e| template_error(PAGE_TEMPLATE, &e))
    }

    /// The built-in page around an existing Markdown brief (for a brief folder without
    /// brief.html). The page sees only `title`, `tool` and `body`.
    pub fn page_from_markdown(&self, title: &str, markdown: &str) -> Result<String> {
        let mut page = Tera::new();
        page.set_escape_fn(markdown::escape_html_to);
        page.autoescape_on([".html.tera"]);
        register_filters(&mut page);
        add(&mut page, PAGE_TEMPLATE, None)?;
        let mut ctx = Context::new();
        ctx.insert("title", title);
        ctx.insert("tool", &ToolInfo::current());
        ctx.insert(
            "body",
            &Value::safe_string(&html::markdown_to_html(markdown)),
        );
        page.render(PAGE_TEMPLATE, &ctx)
            .map_err(|e| template_error(PAGE_TEMPLATE, &e))
    }
}

/// The Brief model as pretty JSON, with a final newline.
pub fn json(brief: &Brief) -> Result<String> {
    serde_json::to_string_pretty(brief)
        .map(|s| s + "\n")
        .map_err(|e| Error::Usage(format!("cannot serialise the brief: {e}")))
}

/// Write the built-in templates into `dir` for editing. Existing files are kept unless `force`.
pub fn export_templates(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    for (name, content) in BUILTIN_TEMPLATES {
        let path = dir.join(name);
        if path.exists() && !force {
            return Err(Error::Usage(format!(
                "{} exists; pass --force to overwrite it",
                path.display()
            )));
        }
        crate::output::write_atomic(&path, content.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Add template `name`: the user's file of that name in `dir` when present, else the built-in.
fn add(tera: &mut Tera, name: &str, dir: Option<&Path>) -> Result<()> {
    if let Some(path) = dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
        let source = std::fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        return tera
            .add_raw_template(name, &source)
            .map_err(|e| template_error(&path.display().to_string(), &e));
    }
    let source = BUILTIN_TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .ok_or_else(|| Error::Usage(format!("no built-in template {name}")))?;
    tera.add_raw_template(name, source)
        .map_err(|e| template_error(&format!("built-in {name}"), &e))
}

fn template_error(name: &str, err: &tera::Error) -> Error {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}

fn context(brief: &Brief) -> Result<Context> {
    let mut ctx = Context::from_serialize(brief).map_err(|e| template_error("context", &e))?;
    ctx.insert("tool", &ToolInfo::current());
    Ok(ctx)
}

/// What templates see as `tool`: the generator's name and version (no clock).
#[derive(Serialize)]
struct ToolInfo {
    name: &'static str,
    version: &'static str,
}

impl ToolInfo {
    fn current() -> ToolInfo {
        ToolInfo {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

fn register_filters(tera: &mut Tera) {
    // `url`: a link destination that is safe to emit, or "" (then templates show plain text).
    tera.register_filter("url", |url: Value, _: Kwargs, _: &State| {
        Value::safe_string(&url.as_str().map(link_destination).unwrap_or_default())
    });
}

/// Percent-encode the characters that would break a Markdown link destination or an HTML
/// attribute; refuse non-http(s) schemes.
pub fn link_destination(url: &str) -> String {
    let url = url.trim();
    if url.is_empty() || !html::is_safe_url(url) || url.starts_with(['#', '/', '.']) {
        return String::new();
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Collapse runs of blank lines left by template control flow and end with one newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_destinations() {
        assert_eq!(
            link_destination("https://e.org/a b(c)"),
            "https://e.org/a%20b%28c%29"
        );
        assert_eq!(link_destination("javascript:alert(1)"), "");
        assert_eq!(link_destination("/etc/passwd"), "");
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\na\n\n\n\nb  \n\n"), "a\n\nb\n");
    }

    #[test]
    fn formats_from_paths() {
        assert_eq!(
            Format::from_path(Path::new("x/brief.HTML")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
    }
}
