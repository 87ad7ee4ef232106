//! Unit tests of grouping, agreement, revision and ordering.

use super::tests::corpus;
use super::*;

fn summary(c: &Corpus, figs: &[Figure], cmp: &[Comparison]) -> Vec<String> {
    cmp.iter()
        .map(|k| {
            let shown: Vec<String> = k
                .figures
                .iter()
                .map(|&i| format!("{}:{}", c.docs[figs[i].doc].meta.outlet, figs[i].display(c)))
                .collect();
            format!(
                "{} agree={} revision={} [{}]",
                k.measure,
                k.agree,
                k.revision,
                shown.join(", ")
            )
        })
        .collect()
}

#[test]
fn grouping_and_agreement() {
    let c = corpus(&[
        (
            "AJ",
            None,
            "The war has taken an estimated 90,000 lives. Millions of residents have been displaced during the four years of war.",
        ),
        (
            "BB",
            None,
            "The country's 4 1/2-year civil war has killed more than 60,000 people and sent millions fleeing.",
        ),
        (
            "TRT",
            None,
            "The four year war drags on, and half the population has been uprooted.",
        ),
    ]);
    let figs = extract_figures(&c);
    let got = summary(&c, &figs, &compare_figures(&c, &figs));
    assert_eq!(
        got,
        [
            "war duration agree=false revision=false [AJ:four years, BB:4 1/2-year, TRT:four year]",
            "death toll agree=false revision=false [AJ:an estimated 90,000, BB:more than 60,000]",
            "displaced agree=true revision=false [AJ:Millions, BB:millions, TRT:half]",
        ]
    );
}

#[test]
fn qualifiers_make_compatible_what_is_compatible() {
    let c = corpus(&[
        (
            "A",
            None,
            "The stoppage holds up an estimated $9.6 billion of goods every day.",
        ),
        (
            "B",
            None,
            "Cargo worth about $400 million an hour is held up.",
        ),
        (
            "C",
            None,
            "It holds up roughly $9 billion worth of goods a day.",
        ),
        (
            "A",
            None,
            "The ship was freed after six days of being stuck.",
        ),
        ("B", None, "The ship was free after nearly a week."),
    ]);
    let figs = extract_figures(&c);
    let got = summary(&c, &figs, &compare_figures(&c, &figs));
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|g| g.contains("agree=true")), "{got:?}");
}

#[test]
fn growth_by_date_is_a_revision() {
    let c = corpus(&[
        (
            "Ledger",
            Some("2021-03-28"),
            "Officials said 369 vessels were waiting to pass.",
        ),
        (
            "Post",
            Some("2021-03-29"),
            "More than 400 ships were queued at either end.",
        ),
        (
            "Nordic",
            None,
            "About 450 ships were waiting at the two ends of the canal.",
        ),
        (
            "Courier",
            Some("2021-03-26"),
            "The canal was losing about $12 million in revenue each day.",
        ),
        (
            "Ledger",
            Some("2021-03-28"),
            "It was losing $14 million to $15 million in revenue a day.",
        ),
    ]);
    let figs = extract_figures(&c);
    let got = summary(&c, &figs, &compare_figures(&c, &figs));
    assert_eq!(
        got,
        [
            // A rate is not cumulative: a later, larger estimate is still a dispute.
            "revenue lost agree=false revision=false [Courier:about $12 million, Ledger:$14 million to $15 million]",
            "ships waiting agree=false revision=true [Ledger:369, Post:More than 400, Nordic:About 450]",
        ]
    );
    // Shrinking over time is not growth: a dispute.
    let c = corpus(&[
        (
            "A",
            Some("2021-03-28"),
            "Officials said 450 vessels were waiting.",
        ),
        (
            "B",
            Some("2021-03-29"),
            "Officials said 369 vessels were waiting.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert!(!cmp[0].agree && !cmp[0].revision);
}

#[test]
fn single_source_comes_last_and_order_is_deterministic() {
    let c = corpus(&[
        (
            "A",
            None,
            "25 crew members were safe. Officials said 11 tugboats were used.",
        ),
        ("B", None, "A fleet of 14 tugs worked."),
    ]);
    let figs = extract_figures(&c);
    let first = compare_figures(&c, &figs);
    assert_eq!(first, compare_figures(&c, &figs));
    let names: Vec<&str> = first.iter().map(|k| k.measure.as_str()).collect();
    assert_eq!(names, ["tugboats", "crew"]);
    assert!(first[1].agree);
}
