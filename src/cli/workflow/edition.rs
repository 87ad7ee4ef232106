//! The edition's side of `build`: a folder of several stories becomes a front page and a
//! brief per story (`brief::edition`), compared with the previous edition (the output folder
//! before this one in its parent, by name), written with its manifest as one set; then the
//! archive of the parent folder is refreshed.

use std::path::{Path, PathBuf};

use brief::document::{Document, Warning};
use brief::edition::render::{
    ARCHIVE_NAME, Archive, EDITION_TEMPLATES, EditionRenderer, STORIES_DIR,
};
use brief::edition::{History, continuity, record_of};
use brief::error::{Error, Result};
use brief::layout::{self, Format};
use brief::manifest::{self, EditionRecord, Manifest};
use brief::stories::Story as Found;

use super::Story;
use super::build::{Outcome, write_together};
use crate::cli::settings::Settings;

/// Build `story`'s folder as an edition of `stories`, and write it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    story: &Story,
    settings: &Settings,
    docs: &[Document],
    warnings: Vec<Warning>,
    stories: &[Found],
    stored: Option<Manifest>,
    mut expected: Manifest,
    named_previous: Option<EditionRecord>,
) -> Result<Outcome> {
    let renderer = EditionRenderer::new(settings.templates.as_deref())?;
    let name = layout::story_name(&story.out_dir);
    let history = History {
        previous: named_previous.or_else(|| previous_edition(&story.out_dir, &name)),
        same_day: stored.and_then(|m| m.edition),
    };
    let built = brief::edition::build(docs, warnings, stories, &settings.cfg, &name, &history);
    let texts = renderer.render(&built, &settings.formats)?;
    hash_templates(&mut expected, settings)?;
    expected.outputs.clear();
    let mut files = Vec::new();
    for (rel, text) in texts {
        expected
            .outputs
            .insert(rel.clone(), manifest::hash(text.as_bytes()));
        files.push((story.out_dir.join(rel), text));
    }
    expected.content = None;
    expected.previous = None;
    expected.source = super::relative_path(&story.out_dir, &story.input);
    let slugs: Vec<String> = built.briefs.iter().map(|b| b.slug.clone()).collect();
    expected.edition = Some(built.record);
    let written = write_together(&story.out_dir, &files, &expected)?;
    remove_stale_stories(&story.out_dir, &slugs);
    Ok(Outcome::Built {
        written,
        warnings: built.edition.warnings,
    })
}

/// The edition before `name` among the output folders beside `out_dir`: the greatest name
/// below it that holds a brief's manifest. A one-story brief counts as an edition of one
/// story, so a story that grows into an edition is not new.
fn previous_edition(out_dir: &Path, name: &str) -> Option<EditionRecord> {
    let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty())?;
    let mut before: Vec<(String, PathBuf)> = sibling_folders(parent)
        .into_iter()
        .filter(|(n, _)| n.as_str() < name)
        .collect();
    before.sort();
    before.into_iter().rev().find_map(|(n, dir)| {
        let m = manifest::load(&dir)?;
        Some(record_of(n, m))
    })
}

/// Why an edition's continuity is stale: the edition before it (beside it, by name) was
/// rebuilt since this one was compared with it, or another edition now comes before it.
/// `None` when current, when `stored` is not an edition, or when the edition it was
/// compared with (named by `--previous`) is not beside it.
pub(crate) fn previous_changed(out_dir: &Path, stored: Option<&Manifest>) -> Option<String> {
    let e = stored?.edition.as_ref()?;
    let now = previous_edition(out_dir, &layout::story_name(out_dir))?;
    match &e.previous {
        None => Some(format!("an earlier edition, {}, was built since", now.name)),
        Some(was) if now.name > *was => Some(format!(
            "the edition before it is now {} (it was compared with {was})",
            now.name
        )),
        Some(was) if now.name == *was => {
            let compared = e.previous_hash.as_ref()?;
            (manifest::stories_hash(&now) != *compared)
                .then(|| format!("the previous edition, {was}, was rebuilt since"))
        }
        Some(_) => None,
    }
}

/// The built folder a path names: the folder itself, or the folder of a manifest file.
fn built_folder(path: &Path) -> &Path {
    if path.is_file() && path.file_name().is_some_and(|n| n == layout::MANIFEST_FILE) {
        path.parent().unwrap_or(Path::new("."))
    } else {
        path
    }
}

/// Whether a path names an edition: a folder built as one, or its manifest.
pub(crate) fn is_edition(path: &Path) -> bool {
    manifest::load(built_folder(path)).is_some_and(|m| m.edition.is_some())
}

/// The edition (or one-story brief) a path names, for `--previous PATH` and `brief diff`:
/// a built folder, or its manifest file. An error names the path and what is missing.
pub(crate) fn load_record(path: &Path) -> Result<EditionRecord> {
    let dir = built_folder(path);
    let m = manifest::load(dir).ok_or_else(|| Error::Manifest {
        path: path.to_path_buf(),
        message: format!(
            "not a built edition or brief (no readable {} there)",
            layout::MANIFEST_FILE
        ),
    })?;
    let name = layout::story_name(&dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()));
    Ok(record_of(name, m))
}

/// The visible sub-folders of `dir`: (name, path), unsorted.
fn sibling_folders(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(n, _)| !layout::is_hidden(n))
        .collect()
}

/// Refresh the archive (`index.md`, `index.html`, `index.json` as the formats say) of the
/// folder `story`'s output sits in, when it holds at least one edition.
pub(crate) fn write_archive(story: &Story, settings: &Settings) -> Result<()> {
    let Some(parent) = &story.archive else {
        return Ok(());
    };
    let folders: Vec<(String, Manifest)> = sibling_folders(parent)
        .into_iter()
        .filter_map(|(n, dir)| manifest::load(&dir).map(|m| (n, m)))
        .collect();
    let Some(archive) = Archive::of(folders) else {
        return Ok(());
    };
    let renderer = EditionRenderer::new(settings.templates.as_deref())?;
    let mut files = Vec::new();
    for &format in &settings.formats {
        let path = parent.join(format!("{ARCHIVE_NAME}.{}", format.extension()));
        files.push((path, renderer.archive(&archive, format)?));
    }
    let staged: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_path(), t.as_bytes()))
        .collect();
    brief::output::write_all_atomic(&staged)
}

/// Add the edition's templates to a manifest's (when a format uses templates).
pub(crate) fn hash_templates(m: &mut Manifest, settings: &Settings) -> Result<()> {
    if !settings
        .formats
        .iter()
        .any(|f| matches!(f, Format::Md | Format::Html))
    {
        return Ok(());
    }
    for (name, builtin) in EDITION_TEMPLATES {
        let user = settings
            .templates
            .as_deref()
            .map(|d| d.join(name))
            .filter(|p| p.is_file());
        let value = match user {
            Some(path) => {
                let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                format!("user {}", manifest::hash(&bytes))
            }
            None => format!("built-in {}", manifest::hash(builtin.as_bytes())),
        };
        m.templates.insert((*name).to_string(), value);
    }
    Ok(())
}

/// Remove the edition's templates from a manifest's (the folder is one brief now).
pub(crate) fn strip_templates(m: &mut Manifest) {
    for (name, _) in EDITION_TEMPLATES {
        m.templates.remove(*name);
    }
}

/// Remove the story folders under `out_dir/stories` a previous build wrote and this one did
/// not (`keep`): their brief files, then the folder when nothing else is in it.
pub(crate) fn remove_stale_stories(out_dir: &Path, keep: &[String]) {
    let dir = out_dir.join(STORIES_DIR);
    for (name, path) in sibling_folders(&dir) {
        if keep.contains(&name) || !continuity::is_slug(&name) {
            continue;
        }
        for format in Format::ALL {
            let _ = std::fs::remove_file(path.join(layout::output_name(format)));
        }
        let _ = std::fs::remove_dir(&path);
    }
    let _ = std::fs::remove_dir(&dir);
}
