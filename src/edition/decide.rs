//! One story or an edition? The decision a folder's build starts with.
//!
//! A folder is an edition when story detection finds at least two stories that each have
//! [`MIN_ARTICLES`] articles or more of [`MIN_WORDS`] words or more. Articles that no other
//! article matches (single reports) never count, nor do stories of scraps (two one-line
//! notes that share a word): a one-story folder with an off-topic article or two stays one brief, exactly
//! the brief it always gave. `[edition] mode` in `brief.toml` (or `--edition` / `--single`)
//! forces either.
//!
//! A one-story folder whose articles story detection splits in two would be wrongly turned into
//! an edition; docs/edition.md reports how often that happens on the single-event folders of
//! DUC 2002 and ECB+.

use crate::config::EditionMode;
use crate::document::Document;
use crate::stories::Story;

/// Articles a story needs to count towards an edition (and to get its own brief).
pub const MIN_ARTICLES: usize = 2;

/// Words of body text an article needs to count towards an edition.
pub const MIN_WORDS: usize = 25;

/// How a folder is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One brief of every article.
    Single,
    /// A front page and a brief per story.
    Edition,
}

/// The decision and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Single brief or edition.
    pub mode: Mode,
    /// Stories of [`MIN_ARTICLES`] articles or more.
    pub stories: usize,
    /// Articles that no other article matches.
    pub singles: usize,
    /// Whether the mode was forced by the settings.
    pub forced: bool,
}

/// Decide how to build a folder of `docs` whose articles story detection grouped into
/// `stories`.
pub fn decide(docs: &[Document], stories: &[Story], mode: EditionMode) -> Decision {
    let big = stories
        .iter()
        .filter(|s| {
            let full = s
                .docs
                .iter()
                .filter(|&&i| docs.get(i).is_some_and(|d| d.words() >= MIN_WORDS));
            full.count() >= MIN_ARTICLES
        })
        .count();
    let singles = stories
        .iter()
        .filter(|s| s.docs.len() < MIN_ARTICLES)
        .count();
    let (mode, forced) = match mode {
        EditionMode::Single => (Mode::Single, true),
        EditionMode::Edition => (Mode::Edition, true),
        EditionMode::Auto if big >= 2 => (Mode::Edition, false),
        EditionMode::Auto => (Mode::Single, false),
    };
    Decision {
        mode,
        stories: big,
        singles,
        forced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Document> {
        let text = "The council met on Monday and voted to close the old bridge to all traffic \
                    until engineers finish their survey of the steel span next month.\n";
        (0..12)
            .map(|i| crate::ingest::from_plain(i, "Wire", text))
            .collect()
    }

    fn stories(sizes: &[usize]) -> Vec<Story> {
        let mut next = 0;
        sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let docs = (next..next + n).collect();
                next += n;
                Story { id: i + 1, docs }
            })
            .collect()
    }

    #[test]
    fn single_reports_never_make_an_edition() {
        let d = decide(&docs(), &stories(&[8, 1, 1]), EditionMode::Auto);
        assert_eq!((d.mode, d.stories, d.singles), (Mode::Single, 1, 2));
        assert_eq!(
            decide(&docs(), &stories(&[1, 1, 1]), EditionMode::Auto).mode,
            Mode::Single
        );
        let d = decide(&docs(), &stories(&[3, 2, 1]), EditionMode::Auto);
        assert_eq!((d.mode, d.forced), (Mode::Edition, false));
    }

    #[test]
    fn stories_of_scraps_do_not_count() {
        let mut docs = docs();
        docs[3] = crate::ingest::from_plain(3, "Note", "Harbour reopened.\n");
        docs[4] = crate::ingest::from_plain(4, "Note", "Harbour calm.\n");
        let d = decide(&docs, &stories(&[3, 2]), EditionMode::Auto);
        assert_eq!((d.mode, d.stories), (Mode::Single, 1));
    }

    #[test]
    fn the_settings_force_either_mode() {
        let d = decide(&docs(), &stories(&[3, 2]), EditionMode::Single);
        assert_eq!((d.mode, d.forced), (Mode::Single, true));
        let d = decide(&docs(), &stories(&[5]), EditionMode::Edition);
        assert_eq!((d.mode, d.forced), (Mode::Edition, true));
    }
}
