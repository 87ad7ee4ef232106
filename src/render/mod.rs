//! Stage 6, render: [`Brief`] (+ render-time [`Meta`]) -> Markdown, HTML or JSON.
//!
//! Templates are Tera files. The built-in ones are embedded from `templates/`; a file of the
//! same name in a user's templates folder replaces the built-in one. Markdown is the primary
//! template (`brief.md.tera`), which includes one partial per section
//! (`partials/summary.md.tera`, ...); the HTML brief is that Markdown rendered by
//! pulldown-cmark inside `page.html.tera`. In the Markdown templates every `{{ value }}` is
//! escaped for Markdown, in the page template for HTML, so article text never becomes markup.
//!
//! Adding an output format: a [`Format`] variant (its name and extension) in
//! [`crate::layout`], its arm in [`Renderer::render`], and its template (if it has one) in
//! [`BUILTIN_TEMPLATES`] and [`templates_used`].

pub mod cite;
pub mod email;
pub mod html;
pub mod mail;
pub mod markdown;

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use self::cite::{Cite, cite_filter};

use crate::brief::Brief;
use crate::changes::Changes;
use crate::error::{Error, Result};
pub use crate::layout::Format;

/// The Markdown brief template's file name.
pub const MD_TEMPLATE: &str = "brief.md.tera";
/// The HTML page template's file name.
pub const PAGE_TEMPLATE: &str = "page.html.tera";

/// The built-in templates: (file name, content). The Markdown template and its partials
/// first, then the page.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (MD_TEMPLATE, include_str!("../../templates/brief.md.tera")),
    (
        "partials/summary.md.tera",
        include_str!("../../templates/partials/summary.md.tera"),
    ),
    (
        "partials/actors.md.tera",
        include_str!("../../templates/partials/actors.md.tera"),
    ),
    (
        "partials/positions.md.tera",
        include_str!("../../templates/partials/positions.md.tera"),
    ),
    (
        "partials/issues.md.tera",
        include_str!("../../templates/partials/issues.md.tera"),
    ),
    (
        "partials/figures.md.tera",
        include_str!("../../templates/partials/figures.md.tera"),
    ),
    (
        "partials/timeline.md.tera",
        include_str!("../../templates/partials/timeline.md.tera"),
    ),
    (
        "partials/framing.md.tera",
        include_str!("../../templates/partials/framing.md.tera"),
    ),
    (
        "partials/changes.md.tera",
        include_str!("../../templates/partials/changes.md.tera"),
    ),
    (
        "partials/sources.md.tera",
        include_str!("../../templates/partials/sources.md.tera"),
    ),
    (
        "partials/warnings.md.tera",
        include_str!("../../templates/partials/warnings.md.tera"),
    ),
    (
        PAGE_TEMPLATE,
        include_str!("../../templates/page.html.tera"),
    ),
];

/// The names of the templates the formats use: JSON none, Markdown its template and
/// partials, HTML those and the page.
pub fn templates_used(formats: &[Format]) -> Vec<&'static str> {
    let markdown = formats
        .iter()
        .any(|f| matches!(f, Format::Md | Format::Html));
    let page = formats.contains(&Format::Html);
    BUILTIN_TEMPLATES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| {
            if *name == PAGE_TEMPLATE {
                page
            } else {
                markdown
            }
        })
        .collect()
}

/// What a rendering knows besides the Brief: facts about this version of it, not about the
/// articles. Templates see each field by name, absent when `None`; JSON adds them after the
/// Brief's fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Meta {
    /// What is new since the previous version of this brief, when one exists and differs
    /// (set by incremental builds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Changes>,
}

/// What `--format json` writes: the Brief's fields, then the [`Meta`] fields. Its schema
/// (`brief schema brief`, docs/brief.schema.json) is generated from this type.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "Brief")]
pub struct JsonBrief<'a> {
    /// The brief.
    #[serde(flatten)]
    pub brief: &'a Brief,
    /// Facts about this version of it.
    #[serde(flatten)]
    pub meta: &'a Meta,
}

/// Loaded templates, ready to render.
pub struct Renderer {
    /// The Markdown brief's templates, `cite` writing Markdown citations.
    markdown: Tera,
    /// The same templates, `cite` writing chip tokens for the HTML page.
    page_markdown: Tera,
    /// The page around the Markdown rendered to HTML.
    page: Tera,
}

impl Renderer {
    /// Load the built-in templates, replaced by same-named files in `dir` when given.
    pub fn new(dir: Option<&Path>) -> Result<Renderer> {
        let markdown_tera = |cite: Cite| -> Result<Tera> {
            let mut tera = Tera::new();
            tera.set_escape_fn(markdown::escape_to);
            tera.autoescape_on([".md.tera"]);
            register_filters(&mut tera);
            tera.register_filter("cite", move |v: Value, kw: Kwargs, _: &State| {
                cite_filter(&v, &kw, cite)
            });
            add(&mut tera, &templates_used(&[Format::Md]), dir)?;
            Ok(tera)
        };
        let markdown = markdown_tera(Cite::Markdown)?;
        let page_markdown = markdown_tera(Cite::Chip)?;
        let mut html = Tera::new();
        html.set_escape_fn(markdown::escape_html_to);
        html.autoescape_on([".html.tera"]);
        register_filters(&mut html);
        add(&mut html, &[PAGE_TEMPLATE], dir)?;
        Ok(Renderer {
            markdown,
            page_markdown,
            page: html,
        })
    }

    /// Render the brief in a format.
    pub fn render(&self, brief: &Brief, format: Format, meta: &Meta) -> Result<String> {
        match format {
            Format::Md => self.markdown(brief, meta),
            Format::Html => self.html(brief, meta),
            Format::Json => json(brief, meta),
        }
    }

    /// The Markdown brief.
    pub fn markdown(&self, brief: &Brief, meta: &Meta) -> Result<String> {
        markdown_with(&self.markdown, brief, meta)
    }

    /// The HTML page: the Markdown brief rendered to HTML inside the page template, its
    /// citations as labels built from the Brief's citations (see [`html`]).
    pub fn html(&self, brief: &Brief, meta: &Meta) -> Result<String> {
        let body = html::markdown_to_html(&markdown_with(&self.page_markdown, brief, meta)?);
        let mut ctx = context(brief, meta)?;
        ctx.insert("body", &Value::safe_string(&body));
        self.page
            .render(PAGE_TEMPLATE, &ctx)
            .map_err(|e| template_error(PAGE_TEMPLATE, &e))
    }

    /// This renderer's page template around HTML rendered from other Markdown (an edition's
    /// front page, the archive). The page sees only `title`, `tool` and `body`.
    pub fn page_around(&self, title: &str, body: &str) -> Result<String> {
        let mut ctx = Context::new();
        ctx.insert("title", title);
        ctx.insert("tool", &ToolInfo::current());
        ctx.insert("body", &Value::safe_string(body));
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
        add(&mut page, &[PAGE_TEMPLATE], None)?;
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

/// The Markdown brief, rendered by `tera`.
fn markdown_with(tera: &Tera, brief: &Brief, meta: &Meta) -> Result<String> {
    let ctx = context(brief, meta)?;
    let out = tera
        .render(MD_TEMPLATE, &ctx)
        .map_err(|e| template_error(MD_TEMPLATE, &e))?;
    Ok(tidy(&out))
}

/// The Brief model as pretty JSON, with a final newline; the [`Meta`] fields that are set
/// follow the Brief's own.
pub fn json(brief: &Brief, meta: &Meta) -> Result<String> {
    serde_json::to_string_pretty(&JsonBrief { brief, meta })
        .map(|s| s + "\n")
        .map_err(|e| Error::Usage(format!("cannot serialise the brief: {e}")))
}

/// Check a templates folder before anything is built: it must exist, be a folder, and hold
/// at least one of the template files (`brief.md.tera`, `page.html.tera`,
/// `partials/*.md.tera`), so a mistyped `--templates` is an error, never silently the
/// built-in look.
pub fn check_templates_dir(dir: &Path) -> Result<()> {
    let bad = |why: &str| {
        Err(Error::Usage(format!(
            "templates folder {}: {why}",
            dir.display()
        )))
    };
    if !dir.exists() {
        return bad("no such folder");
    }
    if !dir.is_dir() {
        return bad("not a folder (give the folder that holds brief.md.tera or page.html.tera)");
    }
    if !BUILTIN_TEMPLATES
        .iter()
        .any(|(name, _)| dir.join(name).is_file())
    {
        return bad(
            "holds none of the template files (brief.md.tera, page.html.tera, \
             partials/*.md.tera): `brief templates export DIR` writes them",
        );
    }
    Ok(())
}

/// Write the built-in templates into `dir` for editing. Existing files are kept unless `force`.
pub fn export_templates(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written = Vec::new();
    let paths: Vec<PathBuf> = BUILTIN_TEMPLATES.iter().map(|(n, _)| dir.join(n)).collect();
    if let Some(path) = paths.iter().find(|p| p.exists()).filter(|_| !force) {
        return Err(Error::Usage(format!(
            "{} exists; pass --force to overwrite it",
            path.display()
        )));
    }
    for (path, (_, content)) in paths.into_iter().zip(BUILTIN_TEMPLATES) {
        crate::output::write_atomic(&path, content.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Markdown templates other than the brief's (the edition's): escaped for Markdown, with the
/// `url` filter; each of `builtin` (name, content) replaced by a same-named file in `dir`.
pub fn markdown_tera(builtin: &[(&str, &str)], dir: Option<&Path>) -> Result<Tera> {
    let mut tera = Tera::new();
    tera.set_escape_fn(markdown::escape_to);
    tera.autoescape_on([".md.tera"]);
    register_filters(&mut tera);
    let names: Vec<&str> = builtin.iter().map(|(n, _)| *n).collect();
    add_from(&mut tera, &names, builtin, dir)?;
    Ok(tera)
}

/// Add the templates `names`: for each, the user's file of that name in `dir` when present,
/// else the built-in. Added last to first, so the partials are there before the template
/// that includes them.
fn add(tera: &mut Tera, names: &[&str], dir: Option<&Path>) -> Result<()> {
    add_from(tera, names, BUILTIN_TEMPLATES, dir)
}

/// [`add`], the built-ins taken from `builtin`.
fn add_from(
    tera: &mut Tera,
    names: &[&str],
    builtin: &[(&str, &str)],
    dir: Option<&Path>,
) -> Result<()> {
    for name in names.iter().rev() {
        if let Some(path) = dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
            let source = std::fs::read_to_string(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            tera.add_raw_template(name, &source)
                .map_err(|e| template_error(&path.display().to_string(), &e))?;
            continue;
        }
        let source = builtin
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| *c)
            .ok_or_else(|| Error::Usage(format!("no built-in template {name}")))?;
        tera.add_raw_template(name, source)
            .map_err(|e| template_error(&format!("built-in {name}"), &e))?;
    }
    Ok(())
}

/// A template error naming the template, with its causes.
pub fn template_error(name: &str, err: &tera::Error) -> Error {
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

fn context(brief: &Brief, meta: &Meta) -> Result<Context> {
    let mut ctx = Context::from_serialize(brief).map_err(|e| template_error("context", &e))?;
    if let Some(changes) = &meta.changes {
        ctx.insert("changes", changes);
    }
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

/// A folder name as a relative URL path segment: unreserved characters kept, the rest
/// percent-encoded (the `url_path` filter).
pub fn url_path(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn register_filters(tera: &mut Tera) {
    // `url_path`: a folder name as a link path segment (the edition's archive).
    tera.register_filter("url_path", |v: Value, _: Kwargs, _: &State| {
        Value::safe_string(&v.as_str().map(url_path).unwrap_or_default())
    });
    // `url`: a link destination that is safe to emit, or "" (then templates show plain text).
    tera.register_filter("url", |url: Value, _: Kwargs, _: &State| {
        Value::safe_string(&url.as_str().map(link_destination).unwrap_or_default())
    });
    // `pluck(attribute="x", unique=false)`: the `x` of each item of a list ("the citations
    // of a figure's values"); with `unique`, each value once (strings compared ignoring case).
    tera.register_filter("pluck", |v: Value, kw: Kwargs, _: &State| {
        let attribute = kw.get::<&str>("attribute").ok().flatten().unwrap_or("");
        let unique = kw.get::<bool>("unique").ok().flatten().unwrap_or(false);
        Value::from_serializable(&pluck(&v, attribute, unique))
    });
}

/// The `attribute` of every map in a list, in order; with `unique`, first occurrences only.
fn pluck(v: &Value, attribute: &str, unique: bool) -> Vec<serde_json::Value> {
    let items: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::to_value(v)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let mut seen = std::collections::BTreeSet::new();
    items
        .into_iter()
        .filter_map(|mut m| m.remove(attribute))
        .filter(|x| {
            let key = x.as_str().map_or_else(|| x.to_string(), str::to_lowercase);
            !unique || seen.insert(key)
        })
        .collect()
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
pub fn tidy(text: &str) -> String {
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
    fn pluck_takes_one_field_of_each_item() {
        let v = Value::from_serializable(&serde_json::json!([
            {"display": "two", "n": 1},
            {"display": "Two", "n": 2},
            {"display": "three", "n": 3},
            {"n": 4}
        ]));
        assert_eq!(
            pluck(&v, "display", false),
            [serde_json::json!("two"), "Two".into(), "three".into()]
        );
        assert_eq!(
            pluck(&v, "display", true),
            [serde_json::json!("two"), "three".into()]
        );
        assert_eq!(pluck(&v, "n", true).len(), 4);
        // Not a list of maps: nothing.
        assert!(pluck(&Value::from_serializable(&"text"), "display", false).is_empty());
    }

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\na\n\n\n\nb  \n\n"), "a\n\nb\n");
    }
}
