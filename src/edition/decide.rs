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

/// Two stories whose centroids' cosine reaches this are pieces of one event (see
/// [`bottleneck`]).
pub const SAME_EVENT: f32 = 0.18;

/// And the cosine of their centroids over names alone must reach this (see [`Links`]).
pub const SAME_NAMES: f32 = 0.15;

/// Above this many stories the folder is an edition without comparing them.
const MAX_COMPARED: usize = 16;

/// How strongly the stories `big` hang together: the weakest link of the strongest tree
/// joining them (a maximum spanning tree over the cosines of their tf-idf centroids, the
/// vectors story detection uses). A folder about one event that story detection split has
/// pieces sharing its names and words (a high bottleneck); a folder of unrelated events has
/// a story linked to no other (a low one). `None` for fewer than two stories.
pub fn bottleneck(docs: &[Document], big: &[&Story]) -> Option<f32> {
    links(docs, big).map(|l| l.all)
}

/// The weakest links between a folder's stories ([`bottleneck`]), over every feature and
/// over names alone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Links {
    /// Over words, names and numbers.
    pub all: f32,
    /// Over names (and runs of names) only: pieces of one event name the same places and
    /// people; two events that share only their kind (two strikes) do not.
    pub names: f32,
}

/// [`Links`] of the stories `big`; `None` for fewer than two stories.
pub fn links(docs: &[Document], big: &[&Story]) -> Option<Links> {
    if big.len() < 2 {
        return None;
    }
    let (vectors, kinds) = crate::stories::features::vectors_and_kinds(docs, &Default::default());
    Some(Links {
        all: weakest(&vectors, &kinds, big, |_| true),
        names: weakest(&vectors, &kinds, big, |k| matches!(k, b'n' | b'p')),
    })
}

/// The bottleneck of the stories' centroids over the features whose kind `keep` accepts.
fn weakest(
    vectors: &[crate::stories::features::Vector],
    kinds: &[u8],
    big: &[&Story],
    keep: impl Fn(u8) -> bool,
) -> f32 {
    let centroids: Vec<std::collections::BTreeMap<u32, f32>> = big
        .iter()
        .map(|s| {
            let mut c = std::collections::BTreeMap::new();
            for &d in &s.docs {
                for &(id, w) in vectors.get(d).map_or(&[][..], Vec::as_slice) {
                    if kinds.get(id as usize).is_some_and(|&k| keep(k)) {
                        *c.entry(id).or_insert(0.0) += w;
                    }
                }
            }
            let norm = c
                .values()
                .map(|w| w * w)
                .sum::<f32>()
                .sqrt()
                .max(f32::MIN_POSITIVE);
            c.values_mut().for_each(|w| *w /= norm);
            c
        })
        .collect();
    let mut edges = Vec::new();
    for i in 0..big.len() {
        for j in i + 1..big.len() {
            let dot: f32 = centroids[i]
                .iter()
                .filter_map(|(id, w)| centroids[j].get(id).map(|v| w * v))
                .sum();
            edges.push((dot, i, j));
        }
    }
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    // Kruskal, strongest first: the last edge that joins two parts is the bottleneck.
    let mut part: Vec<usize> = (0..big.len()).collect();
    fn find(part: &mut [usize], mut x: usize) -> usize {
        while part[x] != x {
            part[x] = part[part[x]];
            x = part[x];
        }
        x
    }
    let mut joined = 1;
    for (w, i, j) in edges {
        let (a, b) = (find(&mut part, i), find(&mut part, j));
        if a != b {
            part[a] = b;
            joined += 1;
            if joined == big.len() {
                return w;
            }
        }
    }
    0.0
}

/// The stories that count towards an edition: [`MIN_ARTICLES`] articles or more of
/// [`MIN_WORDS`] words or more.
pub fn counted<'a>(docs: &[Document], stories: &'a [Story]) -> Vec<&'a Story> {
    stories
        .iter()
        .filter(|s| {
            let full = s
                .docs
                .iter()
                .filter(|&&i| docs.get(i).is_some_and(|d| d.words() >= MIN_WORDS));
            full.count() >= MIN_ARTICLES
        })
        .collect()
}

/// Decide how to build a folder of `docs` whose articles story detection grouped into
/// `stories`.
pub fn decide(docs: &[Document], stories: &[Story], mode: EditionMode) -> Decision {
    let big = counted(docs, stories);
    // Several stories that hang together are one event that detection split: by all their
    // words, and by their names.
    let one_event = |big: &[&Story]| {
        big.len() <= MAX_COMPARED
            && links(docs, big).is_some_and(|l| l.all >= SAME_EVENT && l.names >= SAME_NAMES)
    };
    let singles = stories
        .iter()
        .filter(|s| s.docs.len() < MIN_ARTICLES)
        .count();
    let (mode, forced) = match mode {
        EditionMode::Single => (Mode::Single, true),
        EditionMode::Edition => (Mode::Edition, true),
        EditionMode::Auto if big.len() >= 2 && !one_event(&big) => (Mode::Edition, false),
        EditionMode::Auto => (Mode::Single, false),
    };
    Decision {
        mode,
        stories: big.len(),
        singles,
        forced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents 0 to 2 tell of a bridge, the others of a football final.
    fn docs() -> Vec<Document> {
        let bridge = "The Kestrel council met on Monday and voted to close the old harbour bridge \
                      to all traffic until engineers finish their survey of the cracked steel span.\n";
        let final_ = "Northport United won the cup final on Sunday, beating Riverside Rovers three \
                      goals to one in front of a crowd of forty thousand at the national stadium.\n";
        (0..12)
            .map(|i| crate::ingest::from_plain(i, "Wire", if i < 3 { bridge } else { final_ }))
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
        // Two stories of one event (detection split it) are one story.
        let d = decide(&docs(), &stories(&[3, 3, 2]), EditionMode::Auto);
        assert_eq!(d.mode, Mode::Edition, "bridge, final, final");
        let d = decide(&docs(), &stories(&[1, 1, 1, 3, 2]), EditionMode::Auto);
        assert_eq!(
            (d.mode, d.stories),
            (Mode::Single, 2),
            "the final, split in two"
        );
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
