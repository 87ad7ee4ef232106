//! `brief diff` of two editions: which stories of the later one are new, developing (with
//! what changed) or continuing, and which stories of the earlier one are gone.
//!
//! Both sides are [`EditionRecord`]s, as the manifests keep them (a one-story brief counts as
//! an edition of one story, [`super::record_of`]). A story of the later edition is the same
//! story as one of the earlier when it kept its slug (an edition built after the other
//! inherits the slugs of the stories it continues), else when [`continuity::matches`] pairs
//! them, as a build does; what changed is the [`diff`] of the two briefs' content.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{Dropped, Status, continuity};
use crate::changes::{Changes, diff};
use crate::manifest::EditionRecord;

/// Two editions compared.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    /// The earlier edition's name.
    pub old: String,
    /// The later edition's name.
    pub new: String,
    /// The later edition's stories, in its front-page order.
    pub stories: Vec<Compared>,
    /// Stories of the earlier edition that no story of the later continues, in its order.
    pub gone: Vec<Dropped>,
}

/// A story of the later edition, compared.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Compared {
    /// Its slug in the later edition.
    pub slug: String,
    /// Its headline.
    pub title: String,
    /// New, developing or continuing.
    pub status: Status,
    /// The earlier edition's slug of it, when it continues a story.
    pub was: Option<String>,
    /// What its brief has that the earlier brief of it did not.
    pub changes: Option<Changes>,
}

/// Compare `new` with `old`.
pub fn compare(old: &EditionRecord, new: &EditionRecord) -> Comparison {
    let by_slug: BTreeMap<&str, usize> = old
        .stories
        .iter()
        .enumerate()
        .map(|(j, s)| (s.slug.as_str(), j))
        .collect();
    let mut found: Vec<Option<usize>> = new
        .stories
        .iter()
        .map(|s| by_slug.get(s.slug.as_str()).copied())
        .collect();
    // The rest are matched as a build matches them, among the stories still free.
    let used: Vec<bool> = (0..old.stories.len())
        .map(|j| found.contains(&Some(j)))
        .collect();
    let free_old: Vec<usize> = (0..old.stories.len()).filter(|&j| !used[j]).collect();
    let free_new: Vec<usize> = (0..new.stories.len())
        .filter(|&i| found[i].is_none())
        .collect();
    let keys = |r: &EditionRecord, pick: &[usize]| -> Vec<continuity::Key> {
        pick.iter()
            .map(|&k| continuity::Key::of_record(&r.stories[k]))
            .collect()
    };
    let paired = continuity::matches(&keys(old, &free_old), &keys(new, &free_new));
    for (pos, m) in paired.into_iter().enumerate() {
        if let Some(m) = m {
            found[free_new[pos]] = Some(free_old[m]);
        }
    }
    let stories = new
        .stories
        .iter()
        .zip(&found)
        .map(|(s, m)| {
            let before = m.map(|j| &old.stories[j]);
            let changes = before.and_then(|b| diff(&b.content, &s.content));
            let status = match (before, &changes) {
                (None, _) => Status::New,
                (Some(_), Some(_)) => Status::Developing,
                (Some(_), None) => Status::Continuing,
            };
            Compared {
                slug: s.slug.clone(),
                title: s.content.title.clone(),
                status,
                was: before.map(|b| b.slug.clone()),
                changes,
            }
        })
        .collect();
    let gone = old
        .stories
        .iter()
        .enumerate()
        .filter(|(j, _)| !found.contains(&Some(*j)))
        .map(|(_, s)| Dropped {
            slug: s.slug.clone(),
            title: s.content.title.clone(),
        })
        .collect();
    Comparison {
        old: old.name.clone(),
        new: new.name.clone(),
        stories,
        gone,
    }
}

/// The comparison as text, for `brief diff OLD NEW`.
pub fn describe(c: &Comparison) -> String {
    let count = |st: Status| c.stories.iter().filter(|s| s.status == st).count();
    let mut out = format!(
        "Edition {} since {}: {} stor{} ({} new, {} developing, {} continuing); {} no longer \
         covered.\n",
        c.new,
        c.old,
        c.stories.len(),
        if c.stories.len() == 1 { "y" } else { "ies" },
        count(Status::New),
        count(Status::Developing),
        count(Status::Continuing),
        c.gone.len()
    );
    for (status, heading) in [
        (Status::New, "New"),
        (Status::Developing, "Developing"),
        (Status::Continuing, "Continuing, nothing new in its brief"),
    ] {
        let mut any = false;
        for s in c.stories.iter().filter(|s| s.status == status) {
            if !any {
                let _ = writeln!(out, "\n{heading}:");
                any = true;
            }
            let _ = write!(out, "  {} (stories/{}/", s.title, s.slug);
            match &s.was {
                Some(was) if *was != s.slug => {
                    let _ = writeln!(out, ", was {was})");
                }
                _ => out.push_str(")\n"),
            }
            // What changed, as `brief diff` of the two briefs says it, indented under it.
            if let Some(ch) = &s.changes {
                for line in crate::changes::describe(Some(ch)).lines() {
                    if !line.is_empty() {
                        let _ = writeln!(out, "    {line}");
                    }
                }
            }
        }
    }
    if !c.gone.is_empty() {
        out.push_str("\nNo longer covered:\n");
        for d in &c.gone {
            let _ = writeln!(out, "  {} (stories/{}/)", d.title, d.slug);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::Snapshot;
    use crate::manifest::StoryRecord;

    fn story(slug: &str, title: &str, summary: &[&str], actors: &[&str]) -> StoryRecord {
        StoryRecord {
            slug: slug.into(),
            since: "2026-12-06".into(),
            articles: vec![format!("{slug}-1")],
            content: Snapshot {
                title: title.into(),
                summary: summary.iter().map(|s| s.to_string()).collect(),
                actors: actors.iter().map(|s| s.to_string()).collect(),
                sources: 2,
                ..Snapshot::default()
            },
        }
    }

    fn edition(name: &str, stories: Vec<StoryRecord>) -> EditionRecord {
        EditionRecord {
            name: name.into(),
            stories,
            ..EditionRecord::default()
        }
    }

    #[test]
    fn new_developing_continuing_and_gone() {
        let strike = story(
            "lyon-rail-strike",
            "Lyon rail workers strike for pay",
            &["SUD-Rail called out rail workers in Lyon on Saturday."],
            &["SUD-Rail", "Lyon"],
        );
        let comet = story(
            "comet-over-the-alps",
            "Comet seen over the Alps",
            &["Astronomers in Geneva saw a bright comet."],
            &["Geneva"],
        );
        let old = edition("2026-12-06", vec![strike.clone(), comet]);
        let mut strike2 = strike.clone();
        strike2
            .content
            .summary
            .push("Talks stalled on Sunday.".into());
        // Built separately: a story of the same event under another slug is still matched.
        let mut renamed = strike2.clone();
        renamed.slug = "lyon-rail-strike-day-two".into();
        let port = story(
            "porto-dockers-strike",
            "Dockers strike at Porto port",
            &["Dock workers in Porto walked out over pay."],
            &["Porto"],
        );
        for (developing, was) in [(strike2, None), (renamed, Some("lyon-rail-strike"))] {
            let new = edition("2026-12-07", vec![developing, port.clone()]);
            let c = compare(&old, &new);
            let status: Vec<Status> = c.stories.iter().map(|s| s.status).collect();
            assert_eq!(status, [Status::Developing, Status::New]);
            assert_eq!(c.gone.len(), 1);
            assert_eq!(c.gone[0].slug, "comet-over-the-alps");
            let text = describe(&c);
            assert!(text.starts_with("Edition 2026-12-07 since 2026-12-06: 2 stories (1 new, 1 developing, 0 continuing); 1 no longer covered."), "{text}");
            assert!(
                text.contains("      + Talks stalled on Sunday.\n"),
                "{text}"
            );
            assert!(text.contains("No longer covered:\n  Comet seen over the Alps"));
            assert_eq!(
                was.is_some(),
                text.contains(", was lyon-rail-strike)"),
                "{text}"
            );
        }
        let same = compare(&old, &old);
        assert!(same.stories.iter().all(|s| s.status == Status::Continuing));
        assert!(same.gone.is_empty());
    }
}
