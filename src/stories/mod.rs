//! Stage 2, stories: `&[Document]` -> `Vec<Story>`: which articles tell the same event.
//!
//! The classic of news-stream clustering (topic detection and tracking): articles become
//! tf-idf vectors of words, names and numbers with the headline and lead weighted up
//! ([`features`]); similarities are scaled by each article's neighbourhood density
//! ([`density`]); a single pass in time order joins each article to the story whose
//! centroid it is closest to, or starts a new story ([`single_pass`]); a merge pass joins
//! stories whose centroids are close ([`merge`]). Copies marked by
//! [`duplicates`](crate::ingest::duplicates) go with their original. Deterministic (same
//! folder, same stories), and near-linear: candidates come from inverted indexes.
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

pub mod density;
pub mod features;
pub mod listing;
pub mod merge;
pub mod postings;
pub mod single_pass;

use serde::Serialize;

use crate::document::Document;
use density::DensityConfig;
use features::FeatureConfig;
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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryConfig {
    /// Features and weights.
    pub features: FeatureConfig,
    /// The local scale of similarities.
    pub density: DensityConfig,
    /// The single pass.
    pub pass: PassConfig,
    /// The merge pass.
    pub merge: MergeConfig,
}

/// Group documents into stories.
pub fn detect(docs: &[Document], cfg: &StoryConfig) -> Vec<Story> {
    let vectors = features::vectors(docs, &cfg.features);
    let scales = density::scales(&vectors, &cfg.density);
    let days: Vec<Option<i64>> = docs
        .iter()
        .map(|d| d.meta.date.as_deref().and_then(day_number))
        .collect();
    // Time order (undated first, as they were found), then the folder walk.
    let mut order: Vec<usize> = (0..docs.len())
        .filter(|&i| original(docs, i) == i)
        .collect();
    order.sort_by_key(|&i| (days[i], i));
    let mut pass = SinglePass::new(cfg.pass.clone());
    for &i in &order {
        pass.add(i, &vectors[i], days[i], scales[i]);
    }
    let clusters = merge::merge(pass.into_clusters(), &cfg.merge, &cfg.pass);
    let mut story_of = vec![usize::MAX; docs.len()];
    for (c, cluster) in clusters.iter().enumerate() {
        for &m in &cluster.members {
            story_of[m] = c;
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for i in 0..docs.len() {
        let c = story_of[original(docs, i)];
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

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
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
