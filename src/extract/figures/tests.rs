//! Unit tests of the number grammar (a table of phrase -> value, qualifier, unit,
//! measure), of non-figures, spans and attribution.

use super::*;
use crate::ingest::from_plain;

pub(super) fn corpus(articles: &[(&str, Option<&str>, &str)]) -> Corpus {
    let docs = articles
        .iter()
        .enumerate()
        .map(|(i, (outlet, date, text))| {
            let mut d = from_plain(i, outlet, text);
            d.meta.date = date.map(str::to_string);
            d
        })
        .collect();
    Corpus::new(docs)
}

fn figures_of(text: &str) -> (Corpus, Vec<Figure>) {
    let c = corpus(&[("Wire", None, text)]);
    let f = extract_figures(&c);
    (c, f)
}

/// (sentence, span, low, high, qualifier, unit, grouping key)
type Row = (
    &'static str,
    &'static str,
    f64,
    f64,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    ("The war has killed more than 60,000 people.", "more than 60,000", 60e3, 60e3, Some("more than"), Some("people"), Some("killed")),
    ("It claimed an estimated 90,000 lives.", "an estimated 90,000", 90e3, 90e3, Some("an estimated"), None, Some("killed")),
    ("Prices rose 1.5 percent.", "1.5 percent", 1.5, 1.5, None, Some("%"), Some("prices")),
    ("Five people died.", "Five", 5.0, 5.0, None, Some("people"), Some("killed")),
    ("Some four hundred thousand people fled.", "Some four hundred thousand", 4e5, 4e5, Some("some"), Some("people"), Some("displaced")),
    ("Almost a million people were displaced.", "Almost a million", 1e6, 1e6, Some("almost"), Some("people"), Some("displaced")),
    ("More than a dozen ships turned toward the Cape.", "More than a dozen", 12.0, 12.0, Some("more than"), None, Some("ships turn")),
    ("Half the population has been uprooted.", "Half", 50.0, 50.0, None, Some("%"), None),
    ("Syria's 5 1/2-year civil war goes on.", "5 1/2-year", 5.5, 5.5, None, Some("years"), Some("civil war")),
    ("The economy is worth 2.3 million dollars.", "2.3 million dollars", 2.3e6, 2.3e6, None, Some("USD"), Some("economy")),
    ("Tens of thousands of people fled the city.", "Tens of thousands", 2e4, 1e5, None, None, Some("displaced")),
    ("The war sent millions fleeing.", "millions", 2e6, 1e7, None, None, Some("displaced")),
    ("The stoppage holds up $9.6 billion of goods every day.", "$9.6 billion", 9.6e9, 9.6e9, None, Some("USD"), Some("goods")),
    ("It was losing $14 million to $15 million in revenue a day.", "$14 million to $15 million", 14e6, 15e6, None, Some("USD"), Some("revenue lose")),
    ("A 48-hour pause in fighting was proposed.", "48-hour", 48.0, 48.0, None, Some("hours"), Some("pause")),
    ("Repairs will take two to three weeks.", "two to three weeks", 2.0, 3.0, None, Some("weeks"), None),
    ("Between 10 and 20 tugs were used.", "Between 10 and 20", 10.0, 20.0, None, None, Some("tugboats")),
    ("Nearly a week of blockage ended.", "Nearly a week", 1.0, 1.0, Some("nearly"), Some("weeks"), Some("blockage")),
    ("It can be cleared in about three and a half days.", "about three and a half days", 3.5, 3.5, Some("about"), Some("days"), None),
    ("Roughly a tenth of world trade passes here.", "Roughly a tenth", 10.0, 10.0, Some("roughly"), Some("%"), Some("world trade")),
    ("Up to 25 crew members were aboard.", "Up to 25", 25.0, 25.0, Some("up to"), None, Some("crew")),
    ("At least twenty-five people were killed.", "At least twenty-five", 25.0, 25.0, Some("at least"), Some("people"), Some("killed")),
    ("About 50 or so ships pass through daily.", "About 50", 50.0, 50.0, Some("about"), None, None),
    ("Dredgers removed 27,000 cubic metres of sand.", "27,000 cubic metres", 27e3, 27e3, None, Some("m3"), Some("sand remov")),
    ("Growth fell 0.2 to 0.4 percentage points.", "0.2 to 0.4 percentage points", 0.2, 0.4, None, Some("pp"), None),
    ("The fund lost $6 to $10 billion.", "$6 to $10 billion", 6e9, 10e9, None, Some("USD"), None),
    ("Losses reached \u{20ac}9.6bn.", "\u{20ac}9.6bn", 9.6e9, 9.6e9, None, Some("EUR"), Some("losses")),
    ("The budget gives \u{a3}15 billion to defence over four years.", "\u{a3}15 billion", 15e9, 15e9, None, Some("GBP"), None),
    ("The death toll could rise above 500.", "above 500", 500.0, 500.0, Some("above"), None, Some("killed")),
    ("Scores of people were injured.", "Scores", 40.0, 200.0, None, None, Some("injured")),
];

#[test]
fn number_grammar_table() {
    let mut wrong = Vec::new();
    for &(sentence, span, low, high, qualifier, unit, key) in ROWS {
        let (c, figs) = figures_of(sentence);
        let f = figs.iter().find(|f| f.display(&c) == span);
        let Some(f) = f else {
            let got: Vec<&str> = figs.iter().map(|f| f.display(&c)).collect();
            panic!("{sentence}: no figure {span:?}, got {got:?}");
        };
        assert_eq!((f.value.low, f.value.high), (low, high), "{sentence}");
        assert_eq!(f.qualifier.as_deref(), qualifier, "{sentence}");
        assert_eq!(f.unit.as_deref(), unit, "{sentence}");
        if f.key.as_deref() != key {
            wrong.push(format!("{sentence}: key {:?}", f.key));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn non_figures_are_rejected() {
    let cases = [
        "They met on Sept. 8 and 9 in Geneva.",
        "Leaders gathered for the Group of 20 summit.",
        "They talked on the sidelines of the G20 in China.",
        "An offensive began on July 31 in the south.",
        "They discussed North Korea's missile test.",
        "The war began in 2011.",
        "The ship was freed at 3:05 p.m. local time.",
        "Convoys restart at 5 p.m. local time.",
        "MSC, the industry's No. 2, was monitoring.",
        "It stayed for a third day and then a 2nd week.",
        "One agent said one of the ships was late.",
        "The channel allows two-way traffic.",
        "It took an hour of talks.",
    ];
    for text in cases {
        let (c, figs) = figures_of(text);
        let got: Vec<&str> = figs.iter().map(|f| f.display(&c)).collect();
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

#[test]
fn spans_are_verbatim_and_attributed() {
    let text = "Rebels lost ground.\nThe fighting has claimed an estimated 90,000 lives, according to the UN special envoy.\nMr. Rabie said 11 tugboats were used.\nHe said the canal was losing $14 million a day.";
    let (c, figs) = figures_of(text);
    assert_eq!(figs.len(), 3);
    for f in &figs {
        assert_eq!(&c.docs[0].raw[f.span.clone()], f.display(&c));
    }
    assert_eq!(
        figs[0].attributed_to.as_deref(),
        Some("the UN special envoy")
    );
    assert_eq!(figs[1].attributed_to.as_deref(), Some("Mr. Rabie"));
    assert_eq!(
        figs[2].attributed_to.as_deref(),
        Some("Mr. Rabie"),
        "pronoun resolved"
    );
    assert_eq!(figs[2].per.as_deref(), Some("day"));
}

#[test]
fn increments_are_not_totals() {
    let (_, figs) = figures_of("He said two more powerful tugs were on their way.");
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0].key, None);
}

#[test]
fn pronoun_sources_skip_figureless_and_pronoun_sentences() {
    let text = "The UN envoy said talks would resume.\nShe said nothing else.\nHe said it was cold.\nHe said 40 trucks had crossed.";
    let (_, figs) = figures_of(text);
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0].attributed_to.as_deref(), Some("The UN envoy"));
}

#[test]
fn prefilter_keeps_every_sentence_with_a_figure() {
    use super::grammar::{may_hold_figure, parse_sentence};
    use super::lexer::{Kind, tokenize};
    use super::number::STARTS;
    let annotated = include_str!("../../../tests/data/figures_annotated.tsv");
    let extra = [
        "Nearly a week passed.",
        "TWENTY-FIVE ships waited.",
        "\u{ff34}\u{ff57}\u{ff4f} days",
        "a DOZEN",
        "Half the town left.",
        "The plan's third of it.",
        "Dozens\u{2019} fled",
        "Thousands'",
        "No number here at all.",
        "Weekly talks, \u{e9}t\u{e9} prices.",
        "",
    ];
    let texts = annotated
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(l))
        .chain(extra);
    for t in texts {
        // The prefilter is exactly: some token is a number or a word a number starts with.
        let spec = tokenize(t)
            .iter()
            .any(|x| x.kind == Kind::Num || (x.kind == Kind::Word && STARTS.contains(&x.low)));
        assert_eq!(may_hold_figure(t), spec, "{t}");
        assert!(spec || parse_sentence(t).1.is_empty(), "{t}");
    }
}
