//! The grammar and resolution rules, pinned on phrases we wrote.

use super::calendar::Day;
use super::grammar::{Expr, detect};
use super::resolve::{is_future, resolve};
use super::*;
use crate::ingest::from_plain;

/// Friday 9 September 2016.
fn anchor() -> Option<Day> {
    Day::new(2016, 9, 9)
}

/// The first expression in `text`, resolved against Friday 9 September 2016, as
/// `start/end` (or one day).
fn resolved(text: &str) -> String {
    let exprs = detect(text);
    let Some(e) = exprs.first() else {
        return "none".into();
    };
    match resolve(e, anchor(), is_future(&text[..e.span.start])) {
        Some(w) if w.start == w.end => w.start.to_string(),
        Some(w) => format!("{}/{}", w.start, w.end),
        None => "undated".into(),
    }
}

#[test]
fn expressions_are_found_with_their_extent() {
    let table: &[(&str, &[&str])] = &[
        (
            "Talks are set for Sept. 8 and 9 in Geneva.",
            &["Sept. 8 and 9"],
        ),
        (
            "It began on Monday, July 13, 2009, at dawn.",
            &["Monday, July 13, 2009", "dawn"],
        ),
        ("The truce agreed in February collapsed.", &["in February"]),
        ("The war has raged since 2011.", &["since 2011"]),
        (
            "He arrived two weeks ago and left later on Friday.",
            &["two weeks ago", "Friday"],
        ),
        (
            "They met last month, and again on 8 September 2016.",
            &["last month", "8 September 2016"],
        ),
        (
            "It happened yesterday evening, not this morning.",
            &["yesterday evening", "this morning"],
        ),
        (
            "She served a 90-day term for three years.",
            &["90-day", "three years"],
        ),
        (
            "At about 7 p.m. Wednesday night the lights went out.",
            &["At about 7 p.m.", "Wednesday night"],
        ),
        (
            "Earlier this month the council met.",
            &["Earlier this month"],
        ),
    ];
    for (text, want) in table {
        let got: Vec<&str> = detect(text).iter().map(|e| &text[e.span.clone()]).collect();
        assert_eq!(&got, want, "{text}");
    }
}

#[test]
fn numbers_that_are_not_dates_are_left_alone() {
    for text in [
        "About 2000 people fled and 1,500 more stayed.",
        "The budget rose 2015% in one report.",
        "She may march on the capital.",
        "It cost $2016 in total.",
    ] {
        let got: Vec<&str> = detect(text).iter().map(|e| &text[e.span.clone()]).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn relative_expressions_resolve_against_the_anchor() {
    let table = [
        ("Russia announced the talks on Wednesday.", "2016-09-07"),
        ("Lavrov met de Mistura on Thursday.", "2016-09-08"),
        ("Kerry arrived on Friday.", "2016-09-09"),
        ("Kerry will fly to Geneva on Monday.", "2016-09-12"),
        ("They spoke last Friday about it.", "2016-09-02"),
        ("It was announced yesterday by the ministry.", "2016-09-08"),
        (
            "The minister resigned last week over it.",
            "2016-08-29/2016-09-04",
        ),
        (
            "The ceasefire agreed in February collapsed.",
            "2016-02-01/2016-02-29",
        ),
        (
            "The summit opens in October in Lima.",
            "2016-10-01/2016-10-31",
        ),
        (
            "Talks took place on Sept. 8 and 9 in Geneva.",
            "2016-09-08/2016-09-09",
        ),
        (
            "Fighting has gone on since 2011 in Syria.",
            "2011-01-01/2016-09-09",
        ),
        (
            "He left the army two weeks ago for good.",
            "2016-08-22/2016-08-28",
        ),
        ("A deal was struck on Dec. 30 last year.", "2015-12-30"),
        (
            "They first met in February of last year.",
            "2015-02-01/2015-02-28",
        ),
        ("Kerry will meet Lavrov on Friday next week.", "2016-09-16"),
        (
            "The war ended in the 1990s after talks.",
            "1990-01-01/1999-12-31",
        ),
        ("Three days later the talks resumed.", "undated"),
    ];
    for (text, want) in table {
        assert_eq!(resolved(text), want, "{text}");
    }
}

#[test]
fn dates_without_an_anchor_need_a_year() {
    let e = &detect("The deal of 8 September 2016 held.")[0];
    assert_eq!(
        resolve(e, None, false).map(|w| w.start.to_string()),
        Some("2016-09-08".into())
    );
    let e = &detect("The deal of Thursday held.")[0];
    assert_eq!(resolve(e, None, false), None);
    assert!(matches!(
        detect("in 2011")[0].expr,
        Expr::Date {
            year: Some(2011),
            ..
        }
    ));
}

fn corpus(docs: &[(&str, Option<&str>, &str)]) -> crate::text::Corpus {
    let docs = docs
        .iter()
        .enumerate()
        .map(|(i, (outlet, date, text))| {
            let mut d = from_plain(i, outlet, text);
            d.meta.date = date.map(str::to_string);
            d
        })
        .collect();
    crate::text::Corpus::new(docs)
}

#[test]
fn one_event_from_several_outlets_is_one_entry_and_background_is_apart() {
    let c = corpus(&[
        (
            "Wire",
            Some("2016-09-09"),
            "Talks in Geneva.\n\nKerry met Lavrov in Geneva on Friday for talks on a ceasefire. \
             The ceasefire agreed in February collapsed within weeks. \
             On Thursday, Erdogan and Putin held a phone call about Syria.",
        ),
        (
            "Daily",
            None,
            "Kerry in Geneva.\n\nJohn Kerry met Sergei Lavrov on Friday in Geneva for ceasefire talks. \
             Russia announced the meeting on Wednesday after a long delay.",
        ),
    ]);
    let actors = crate::extract::entities::extract_actors(&c);
    let events = extract_timeline(&c, &actors);
    let shown: Vec<(String, bool, usize, Certainty)> = events
        .iter()
        .map(|e| {
            (
                e.when.start.to_string(),
                e.background,
                e.support,
                e.certainty,
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("2016-09-07".into(), false, 1, Certainty::Inferred),
            ("2016-09-08".into(), false, 1, Certainty::Resolved),
            ("2016-09-09".into(), false, 2, Certainty::Resolved),
            ("2016-02-01".into(), true, 1, Certainty::Resolved),
        ]
    );
    let friday = &events[2];
    assert!(
        friday.actors.contains(&"John Kerry".to_string()),
        "{:?}",
        friday.actors
    );
    // The text shown is a verbatim sentence of its article.
    let s = &c.sentences[friday.sentences[0].sentence];
    assert!(
        c.text(s)
            .starts_with("Kerry met Lavrov in Geneva on Friday")
    );
}

#[test]
fn an_undated_article_infers_its_anchor_from_its_own_dates() {
    let c = corpus(&[(
        "Wire",
        None,
        "Report.\n\nThe report was released on June 13, 2013 in Los Angeles. \
         A judge signed the order yesterday in the court.",
    )]);
    let events = extract_timeline(&c, &[]);
    let got: Vec<(String, Certainty)> = events
        .iter()
        .map(|e| (e.when.start.to_string(), e.certainty))
        .collect();
    assert_eq!(
        got,
        [
            ("2013-06-12".into(), Certainty::Inferred),
            ("2013-06-13".into(), Certainty::Resolved)
        ]
    );
}

#[test]
fn labels_read_naturally() {
    let label = |text: &str| {
        let e = &detect(text)[0];
        resolve(e, anchor(), false)
            .map(|w| w.label())
            .unwrap_or_default()
    };
    assert_eq!(label("on Thursday"), "Thu 8 Sep 2016");
    assert_eq!(label("on Sept. 8 and 9"), "8–9 Sep 2016");
    assert_eq!(label("last week"), "week of 29 Aug 2016");
    assert_eq!(label("in February"), "February 2016");
    assert_eq!(label("since 2011"), "since 2011");
    assert_eq!(label("in the 1990s"), "1990–1999");
}

#[test]
fn a_piece_of_a_longer_quote_is_no_event() {
    let c = corpus(&[(
        "Wire",
        Some("2016-09-09"),
        "Talks.\n\n“On Thursday, nobody expected the mayor to turn up at the talks at all. \
         Nobody knows what made her change her mind,” he said. \
         The mayor met the union leaders in Ashby on Friday for talks on the strike.",
    )]);
    let events = extract_timeline(&c, &[]);
    let got: Vec<String> = events.iter().map(|e| e.when.start.to_string()).collect();
    assert_eq!(got, ["2016-09-09"]);
}
