//! Stage 2, stories: `&[Document]` -> `Vec<Story>`: which articles tell the same event.
//!
//! Articles become tf-idf vectors of words, names (and runs of names) and numbers, with the
//! headline and lead weighted up ([`features`]); each article is linked to its nearest
//! articles with a locally scaled similarity ([`graph`]); stories are the groups of
//! average-link agglomeration over that sparse graph ([`average_link`]). Copies marked by
//! [`duplicates`](crate::ingest::duplicates) go with their original. Deterministic (same
//! folder, same stories), and near-linear: neighbours come from an inverted index with
//! bounded work per article, and the agglomeration works on the graph's edges.
//!
//! On-line use: run [`detect`] again on the folder with the new article. The new article
//! either joins the story it is closest to on average or starts one; stories are numbered
//! by their first article in folder order, so when new articles sort after the old ones,
//! the existing stories keep their ids (an article can, rarely, link two stories whose
//! average similarity was just under the threshold; then they merge). The strict single
//! pass of topic detection and tracking ([`single_pass`] then [`merge`]), where earlier
//! assignments never change, is kept behind [`StoryConfig::single_pass`].
//!
//! ```
//! use brief::ingest::from_plain;
//! use brief::stories::{detect, StoryConfig};
//!
//! let docs = vec![
//!     from_plain(0, "A", "Quake hits Chile\n\nA magnitude 8.8 earthquake struck Chile near Concepcion on Saturday, killing 300 people.\n"),
//!     from_plain(1, "B", "Strike shuts Paris metro\n\nParis metro workers walked out on Monday over pensions, closing 10 lines.\n"),
//!     from_plain(2, "C", "Chile quake toll rises\n\nThe toll of the magnitude 8.8 earthquake in Chile rose to 300 as rescuers searched Concepcion.\n"),
//! ];
//! let stories = detect(&docs, &StoryConfig::default());
//! assert_eq!(stories.len(), 2);
//! assert_eq!(stories[0].docs, vec![0, 2]);
//! ```

pub mod average_link;
pub mod density;
pub mod features;
pub mod graph;
pub mod listing;
pub mod merge;
pub mod postings;
pub mod single_pass;

use serde::Serialize;

use crate::document::Document;
use density::DensityConfig;
use features::FeatureConfig;
use graph::GraphConfig;
use merge::MergeConfig;
use single_pass::{PassConfig, SinglePass};

/// A story: articles about one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    /// 1-based number, in the order of each story's first article in the folder walk.
    pub id: usize,
    /// Member document ids (indexes into the document list), ascending.
    pub docs: Vec<usize>,
}

/// All the settings of story detection.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryConfig {
    /// Features and weights.
    pub features: FeatureConfig,
    /// The neighbour graph and its local scale.
    pub graph: GraphConfig,
    /// Average scaled similarity two stories need to be merged into one.
    pub link: f32,
    /// Use the on-line single pass and merge pass instead of average link.
    pub single_pass: bool,
    /// The local scale of the single pass.
    pub density: DensityConfig,
    /// The single pass (also the time window of both methods).
    pub pass: PassConfig,
    /// The merge pass after the single pass.
    pub merge: MergeConfig,
}

impl Default for StoryConfig {
    fn default() -> Self {
        Self {
            features: FeatureConfig::default(),
            graph: GraphConfig::default(),
            link: 0.3,
            single_pass: false,
            density: DensityConfig::default(),
            pass: PassConfig::default(),
            merge: MergeConfig::default(),
        }
    }
}

/// Group documents into stories.
pub fn detect(docs: &[Document], cfg: &StoryConfig) -> Vec<Story> {
    let vectors = features::vectors(docs, &cfg.features);
    let days: Vec<Option<i64>> = docs
        .iter()
        .map(|d| d.meta.date.as_deref().and_then(day_number))
        .collect();
    // Copies go with their original: only originals are clustered. A page of web furniture
    // is no article (the same notice saved under every story): it stands alone, even when
    // its copies are marked as copies.
    let alone: Vec<bool> = docs.iter().map(features::page_furniture).collect();
    let root = |i: usize| if alone[i] { i } else { original(docs, i) };
    let members: Vec<usize> = (0..docs.len()).filter(|&i| root(i) == i).collect();
    let mut story_of = vec![usize::MAX; docs.len()];
    if cfg.single_pass {
        for (c, cluster) in single_pass_clusters(&vectors, &members, &days, cfg)
            .iter()
            .enumerate()
        {
            for &m in &cluster.members {
                story_of[m] = c;
            }
        }
    } else {
        let edges = graph::knn(&vectors, &members, &days, &cfg.graph, &cfg.pass);
        let roots = average_link::cluster(members.len(), &edges, cfg.link);
        for (pos, root) in roots.into_iter().enumerate() {
            story_of[members[pos]] = root;
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for i in 0..docs.len() {
        let c = story_of[root(i)];
        if let Some(group) = groups.get_mut(c) {
            group.push(i);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups.sort_by_key(|g| g[0]);
    groups
        .into_iter()
        .enumerate()
        .map(|(n, docs)| Story { id: n + 1, docs })
        .collect()
}

/// The on-line method: a single pass in time order, then the merge pass.
fn single_pass_clusters(
    vectors: &[features::Vector],
    members: &[usize],
    days: &[Option<i64>],
    cfg: &StoryConfig,
) -> Vec<single_pass::Cluster> {
    let scales = density::scales(vectors, &cfg.density);
    // Time order (undated first, as they were found), then the folder walk.
    let mut order = members.to_vec();
    order.sort_by_key(|&i| (days[i], i));
    let mut pass = SinglePass::new(cfg.pass.clone());
    for &i in &order {
        pass.add(i, &vectors[i], days[i], scales[i]);
    }
    merge::merge(pass.into_clusters(), &cfg.merge, &cfg.pass)
}

/// The original a document copies (following the chain), or itself.
fn original(docs: &[Document], mut i: usize) -> usize {
    let mut steps = 0;
    while let Some(o) = docs.get(i).and_then(|d| d.duplicate_of) {
        if o == i || steps > docs.len() {
            break;
        }
        i = o;
        steps += 1;
    }
    i
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (anything after the date is ignored).
pub fn day_number(date: &str) -> Option<i64> {
    use crate::extract::timeline::Day;
    Day::parse(date).map(|day| Day::EPOCH.until(day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain;

    const DAY: &[(&str, &str)] = &[
        (
            "Wire",
            "Earthquake hits Peru\nA magnitude 7.9 earthquake struck the Peruvian city of Pisco on Wednesday, killing 510 people and destroying the cathedral.\nRescuers in Pisco dug through the rubble of the San Clemente church.\n",
        ),
        (
            "Daily",
            "Quake strikes Indonesia\nA magnitude 6.1 earthquake shook the Indonesian island of Sumatra on Wednesday, killing 12 people in Padang.\nResidents of Padang fled to the hills fearing a tsunami.\n",
        ),
        (
            "Post",
            "Peru quake toll climbs\nThe toll of the magnitude 7.9 earthquake in Pisco, Peru rose to 510 as rescuers searched the San Clemente church.\nPisco's mayor said the cathedral was destroyed.\n",
        ),
        (
            "Herald",
            "Sumatra quake kills 12\nTwelve people died in Padang when a magnitude 6.1 earthquake struck Sumatra, Indonesia, on Wednesday.\nPadang officials said a tsunami warning was lifted.\n",
        ),
        (
            "Times",
            "Dockers strike in Rotterdam\nDock workers in Rotterdam walked out on Wednesday over pay, halting container traffic at Europe's largest port.\n",
        ),
    ];

    fn day() -> Vec<Document> {
        DAY.iter()
            .enumerate()
            .map(|(i, (outlet, text))| from_plain(i, outlet, text))
            .collect()
    }

    #[test]
    fn two_events_of_the_same_kind_are_two_stories() {
        let stories = detect(&day(), &StoryConfig::default());
        let groups: Vec<Vec<usize>> = stories.iter().map(|s| s.docs.clone()).collect();
        assert_eq!(groups, vec![vec![0, 2], vec![1, 3], vec![4]]);
        assert_eq!(
            stories.iter().map(|s| s.id).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
    }

    /// One event told by five outlets in their own words.
    const ONE: &[(&str, &str)] = &[
        (
            "Wire",
            "Ship blocks Suez Canal\nThe container ship Ever Given ran aground in the Suez Canal on Tuesday, blocking traffic between Asia and Europe.\nTugs tried to free the 400-metre vessel.\n",
        ),
        (
            "Daily",
            "Giant vessel stuck in Suez\nA 400-metre container ship, the Ever Given, is wedged across the Suez Canal after strong winds pushed it aground.\nDozens of ships are queuing at both ends.\n",
        ),
        (
            "Post",
            "Suez Canal traffic halted\nShipping through the Suez Canal stopped as diggers and tugs worked to refloat the Ever Given.\nThe Suez Canal Authority said work would continue.\n",
        ),
        (
            "Herald",
            "Ever Given still aground\nEfforts to free the Ever Given from the bank of the Suez Canal failed again, and more than 200 ships waited to pass.\n",
        ),
        (
            "Times",
            "Oil prices rise as Suez stays shut\nOil prices rose as the Ever Given blocked the Suez Canal for a fifth day, holding up tankers bound for Europe.\n",
        ),
    ];

    #[test]
    fn one_event_from_five_outlets_is_one_story() {
        let docs: Vec<Document> = ONE
            .iter()
            .enumerate()
            .map(|(i, (outlet, text))| from_plain(i, outlet, text))
            .collect();
        let stories = detect(&docs, &StoryConfig::default());
        assert_eq!(stories.len(), 1, "{stories:?}");
        assert_eq!(stories[0].docs, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_new_article_joins_its_story_and_ids_stay() {
        let before = detect(&day(), &StoryConfig::default());
        let mut docs = day();
        docs.push(from_plain(
            5,
            "Courier",
            "Pisco mourns its dead\nFunerals began in Pisco, Peru for the 510 people killed when the magnitude 7.9 earthquake destroyed the cathedral and the San Clemente church.\n",
        ));
        let after = detect(&docs, &StoryConfig::default());
        assert_eq!(after.len(), before.len());
        assert_eq!(after[0].docs, vec![0, 2, 5]);
        assert_eq!(after[1..], before[1..]);
        // A new article about something else starts a story of its own, numbered last.
        docs.push(from_plain(
            6,
            "Gazette",
            "Comet seen over Chile\nAstronomers at the Atacama observatory photographed a bright comet on its way past the Sun.\n",
        ));
        let more = detect(&docs, &StoryConfig::default());
        assert_eq!(more.len(), before.len() + 1);
        assert_eq!(more.last().map(|s| s.docs.clone()), Some(vec![6]));
    }

    #[test]
    fn the_single_pass_is_still_available() {
        let cfg = StoryConfig {
            single_pass: true,
            ..StoryConfig::default()
        };
        let groups: Vec<Vec<usize>> = detect(&day(), &cfg).into_iter().map(|s| s.docs).collect();
        assert_eq!(groups, vec![vec![0, 2], vec![1, 3], vec![4]]);
    }

    #[test]
    fn deterministic_and_copies_follow_their_original() {
        let mut docs = day();
        let mut copy = docs[1].clone();
        copy.id = 5;
        copy.duplicate_of = Some(1);
        docs.push(copy);
        let a = detect(&docs, &StoryConfig::default());
        assert_eq!(a, detect(&docs, &StoryConfig::default()));
        assert!(a.iter().any(|s| s.docs == vec![1, 3, 5]));
    }

    /// A sign-in notice a scraper saved under whatever story it was crawling (our words).
    const NOTICE: &str = "Sign in\nPlease enable JavaScript to read this page.\nSee our privacy policy and terms of service.\n";

    #[test]
    fn a_page_of_web_furniture_stands_alone() {
        let mut docs = day();
        // The same notice saved twice, marked as a copy, beside two stories.
        docs.push(from_plain(5, "Site", NOTICE));
        let mut copy = from_plain(6, "Site", NOTICE);
        copy.duplicate_of = Some(5);
        docs.push(copy);
        assert!(features::page_furniture(&docs[5]));
        assert!(!features::page_furniture(&docs[0]));
        let groups: Vec<Vec<usize>> = detect(&docs, &StoryConfig::default())
            .into_iter()
            .map(|s| s.docs)
            .collect();
        assert_eq!(
            groups,
            vec![vec![0, 2], vec![1, 3], vec![4], vec![5], vec![6]]
        );
    }

    #[test]
    fn an_article_under_a_furniture_line_is_an_article() {
        let text = "Sign in\nPlease enable JavaScript to read this page. The harbour council of \
                    Kestrel voted on Monday to close the old bridge to all traffic while \
                    engineers survey the cracked steel span, the mayor said.\n";
        assert!(!features::page_furniture(&from_plain(0, "Site", text)));
    }

    #[test]
    fn empty_and_single() {
        assert!(detect(&[], &StoryConfig::default()).is_empty());
        let one = detect(&day()[..1], &StoryConfig::default());
        assert_eq!(
            one,
            vec![Story {
                id: 1,
                docs: vec![0]
            }]
        );
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2016-09-10"), Some(17_054));
        assert_eq!(
            day_number("2016-03-01")
                .zip(day_number("2016-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("2016-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }
}
