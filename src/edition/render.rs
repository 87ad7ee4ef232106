//! An edition's files: the front page (`brief.md`, `brief.html`, `brief.json` of the
//! edition's folder), each story's brief (`stories/SLUG/brief.*`, rendered exactly as any
//! brief) and the archive (`index.md`, `index.html` of the folder above the editions).
//!
//! The front page and the archive are Markdown templates (`edition/front.md.tera`,
//! `edition/archive.md.tera`), replaced by same-named files in the user's templates folder,
//! escaped for Markdown like the brief's; their HTML is that Markdown rendered by
//! pulldown-cmark inside the same `page.html.tera`. JSON is the serde model.

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use super::{Built, Edition};
use crate::error::{Error, Result};
use crate::layout::{Format, output_name};
use crate::manifest::{Manifest, StoryRecord};
pub use crate::render::url_path;
use crate::render::{Renderer, html, markdown_tera, template_error};

/// The front page template's name.
pub const FRONT_TEMPLATE: &str = "edition/front.md.tera";
/// The archive template's name.
pub const ARCHIVE_TEMPLATE: &str = "edition/archive.md.tera";
/// The archive's file name (without extension) in the folder above the editions.
pub use crate::layout::ARCHIVE_NAME;
/// Where story briefs go in an edition's folder.
pub const STORIES_DIR: &str = "stories";

/// The edition's built-in templates: (file name, content).
pub const EDITION_TEMPLATES: &[(&str, &str)] = &[
    (
        FRONT_TEMPLATE,
        include_str!("../../templates/edition/front.md.tera"),
    ),
    (
        ARCHIVE_TEMPLATE,
        include_str!("../../templates/edition/archive.md.tera"),
    ),
];

/// The edition's templates and the brief's, loaded.
pub struct EditionRenderer {
    /// The brief's templates (story pages, and the page around the front page).
    pub brief: Renderer,
    edition: Tera,
}

impl EditionRenderer {
    /// Load the built-in templates, replaced by same-named files in `dir` when given.
    pub fn new(dir: Option<&Path>) -> Result<EditionRenderer> {
        let edition = markdown_tera(EDITION_TEMPLATES, dir)?;
        Ok(EditionRenderer {
            brief: Renderer::new(dir)?,
            edition,
        })
    }

    /// Every file of an edition, relative to its folder, in each format: the front page
    /// (`brief.md`, ...) first, then `stories/SLUG/brief.*` in front-page order.
    pub fn render(&self, built: &Built, formats: &[Format]) -> Result<Vec<(String, String)>> {
        let mut files = Vec::new();
        for &format in formats {
            files.push((output_name(format), self.front(&built.edition, format)?));
        }
        // The story pages are independent: rendered side by side, kept in front-page order.
        let pages: Vec<Vec<(String, String)>> = built
            .briefs
            .par_iter()
            .map(|story| {
                formats
                    .iter()
                    .map(|&format| {
                        let text = self.brief.render(&story.brief, format, &story.meta)?;
                        let name = format!("{STORIES_DIR}/{}/{}", story.slug, output_name(format));
                        Ok((name, text))
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<Vec<_>>>()?;
        files.extend(pages.into_iter().flatten());
        Ok(files)
    }

    /// The front page in one format.
    pub fn front(&self, edition: &Edition, format: Format) -> Result<String> {
        match format {
            Format::Json => json(edition),
            Format::Md => self.markdown(FRONT_TEMPLATE, edition, "md"),
            Format::Html => {
                let md = self.markdown(FRONT_TEMPLATE, edition, "html")?;
                self.brief
                    .page_around(&edition.title, &html::markdown_to_html(&md))
            }
        }
    }

    /// The archive of the editions and briefs in a folder, in one format.
    pub fn archive(&self, archive: &Archive, format: Format) -> Result<String> {
        match format {
            Format::Json => json(archive),
            Format::Md => self.markdown(ARCHIVE_TEMPLATE, archive, "md"),
            Format::Html => {
                let md = self.markdown(ARCHIVE_TEMPLATE, archive, "html")?;
                self.brief
                    .page_around("Archive", &html::markdown_to_html(&md))
            }
        }
    }

    fn markdown(&self, template: &str, model: &impl Serialize, ext: &str) -> Result<String> {
        let mut ctx = Context::from_serialize(model).map_err(|e| template_error("context", &e))?;
        ctx.insert("ext", ext);
        ctx.insert(
            "tool",
            &serde_json::json!({"name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION")}),
        );
        let out = self
            .edition
            .render(template, &ctx)
            .map_err(|e| template_error(template, &e))?;
        Ok(crate::render::tidy(&out))
    }
}

/// The model as pretty JSON with a final newline.
fn json(model: &impl Serialize) -> Result<String> {
    serde_json::to_string_pretty(model)
        .map(|s| s + "\n")
        .map_err(|e| Error::Usage(format!("cannot serialise the edition: {e}")))
}

/// The front page's links to its story pages, made absolute: `](stories/` (Markdown) or
/// `href="stories/` (HTML) get `prefix` in front. Article text cannot take part: the
/// templates escape `]` and `(` in Markdown and `"` in HTML.
pub fn absolute_links(text: &str, prefix: &str, html: bool) -> String {
    let (from, to) = if html {
        (
            format!("href=\"{STORIES_DIR}/"),
            format!("href=\"{prefix}{STORIES_DIR}/"),
        )
    } else {
        (
            format!("]({STORIES_DIR}/"),
            format!("]({prefix}{STORIES_DIR}/"),
        )
    };
    text.replace(&from, &to)
}

/// Write the edition's built-in templates into `dir` for editing (beside the brief's, see
/// [`crate::render::export_templates`]). Existing files are kept unless `force`.
pub fn export_templates(dir: &Path, force: bool) -> Result<Vec<std::path::PathBuf>> {
    let paths: Vec<std::path::PathBuf> =
        EDITION_TEMPLATES.iter().map(|(n, _)| dir.join(n)).collect();
    if let Some(path) = paths.iter().find(|p| p.exists()).filter(|_| !force) {
        return Err(Error::Usage(format!(
            "{} exists; pass --force to overwrite it",
            path.display()
        )));
    }
    for (path, (_, content)) in paths.iter().zip(EDITION_TEMPLATES) {
        crate::output::write_atomic(path, content.as_bytes())?;
    }
    Ok(paths)
}

/// The archive: every brief folder beside an edition, newest (greatest name) first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Archive {
    /// One entry per folder holding a brief's manifest.
    pub entries: Vec<ArchiveEntry>,
}

/// One folder of the archive.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArchiveEntry {
    /// The folder's name.
    pub name: String,
    /// The front page's or the brief's title.
    pub title: String,
    /// Articles read.
    pub articles: usize,
    /// Single reports (editions only).
    pub single_reports: usize,
    /// The edition's stories, in front-page order (empty for a one-story brief).
    pub stories: Vec<StoryRecord>,
}

impl Archive {
    /// The archive of `folders`: (name, manifest) of each brief folder, in any order.
    /// `None` when none of them is an edition (a folder of single briefs needs no archive).
    pub fn of(mut folders: Vec<(String, Manifest)>) -> Option<Archive> {
        if !folders.iter().any(|(_, m)| m.edition.is_some()) {
            return None;
        }
        folders.sort_by(|a, b| b.0.cmp(&a.0));
        let entries = folders
            .into_iter()
            .map(|(name, m)| match m.edition {
                Some(e) => ArchiveEntry {
                    title: name.clone(),
                    name,
                    articles: e.articles,
                    single_reports: e.single_reports,
                    stories: e.stories,
                },
                None => {
                    let content = m.content.unwrap_or_default();
                    ArchiveEntry {
                        name,
                        title: content.title,
                        articles: content.sources,
                        single_reports: 0,
                        stories: Vec::new(),
                    }
                }
            })
            .collect();
        Some(Archive { entries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_encoded_in_links() {
        assert_eq!(url_path("2026-12-06"), "2026-12-06");
        assert_eq!(url_path("a b)](x"), "a%20b%29%5D%28x");
        let md = "[A](stories/a/brief.md) \\](stories/x";
        assert_eq!(
            absolute_links(md, "https://e.org/d/", false),
            "[A](https://e.org/d/stories/a/brief.md) \\](https://e.org/d/stories/x"
        );
    }
}
