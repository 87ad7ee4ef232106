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
            format!("{} {:?} [{}]", k.measure, k.status, shown.join(", "))
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
            // Lives lost and people killed are one measure; the values differ.
            "lives Differ [AJ:an estimated 90,000, BB:more than 60,000]",
            "war Agree [AJ:four years, TRT:four year]",
            // "civil war" is not pooled with "war": when unsure, say less.
            "residents displaced Single [AJ:Millions]",
            "civil war Single [BB:4 1/2-year]",
            "fleeing Single [BB:millions]",
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
    assert!(
        got.iter().any(|g| g.starts_with("goods Agree [A:")),
        "{got:?}"
    );
    assert!(got.iter().all(|g| !g.contains("Differ")), "{got:?}");
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
            "An official said the canal was losing about $12 million in revenue for each day it remained blocked.",
        ),
        (
            "Ledger",
            Some("2021-03-28"),
            "He said the canal was losing $14 million to $15 million in revenue for every day it stayed blocked.",
        ),
    ]);
    let figs = extract_figures(&c);
    let got = summary(&c, &figs, &compare_figures(&c, &figs));
    assert_eq!(
        got,
        [
            // A rate is not cumulative: a later, larger estimate is still a dispute.
            "revenue losing Differ [Courier:about $12 million, Ledger:$14 million to $15 million]",
            "vessels waiting Revised [Ledger:369, Post:More than 400, Nordic:About 450]",
            // One outlet's "two ends" of the canal is no figure worth a check: not listed.
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
    assert!(!cmp[0].agree && cmp[0].status == Status::Differ);
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

#[test]
fn an_update_in_the_text_is_a_revision() {
    let c = corpus(&[
        ("A", None, "Early reports said one person was killed."),
        ("B", None, "The death toll rose to 24 by the evening."),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert_eq!(cmp[0].status, Status::Revised, "{cmp:?}");
    assert!(!cmp[0].agree);
}

#[test]
fn a_value_an_article_calls_earlier_is_a_revision() {
    let c = corpus(&[
        ("A", None, "A magnitude 4.4 quake struck the hills."),
        (
            "B",
            None,
            "The quake measured 4.2, and the survey originally had rated the quake as 4.4.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert_eq!(cmp[0].status, Status::Revised, "{cmp:?}");
}

#[test]
fn background_figures_are_never_pooled() {
    let c = corpus(&[
        (
            "A",
            Some("2026-03-01"),
            "The quake killed 24 people. In 2004, a tsunami killed 230,000 people.",
        ),
        ("B", Some("2026-03-01"), "The quake killed 24 people."),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert_eq!(cmp.len(), 1);
    assert_eq!(cmp[0].status, Status::Agree);
}

#[test]
fn unsure_groups_say_nothing() {
    // An outlet giving two incompatible values for one key makes no dispute.
    let c = corpus(&[
        (
            "A",
            None,
            "Pirates used six boats on Monday. They left with two boats.",
        ),
        ("B", None, "Pirates used four boats on Monday."),
    ]);
    let figs = extract_figures(&c);
    // Nor does it make them agree: four and six boats are never "outlets agree".
    assert!(
        compare_figures(&c, &figs)
            .iter()
            .all(|k| k.status != Status::Differ && k.status != Status::Agree),
        "{:?}",
        summary(&c, &figs, &compare_figures(&c, &figs))
    );
    // Bare nouns in sentences about different things are not a dispute either.
    let c = corpus(&[
        (
            "A",
            None,
            "Somalia and Yemen are two countries on the coast.",
        ),
        ("B", None, "Delegates from 25 countries met in Bahrain."),
    ]);
    let figs = extract_figures(&c);
    assert!(
        compare_figures(&c, &figs)
            .iter()
            .all(|k| k.status != Status::Differ)
    );
}

#[test]
fn different_things_are_side_by_side_not_a_dispute() {
    let c = corpus(&[
        ("A", None, "The memos run to 15 pages."),
        ("B", None, "The memos are seven documents."),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert!(cmp.iter().all(|k| k.status == Status::Single), "{cmp:?}");
}

/// Assert whether the corpus's figures make an "outlets differ".
fn assert_dispute(c: &Corpus, expected: bool) {
    let figs = extract_figures(c);
    let cmp = compare_figures(c, &figs);
    let got = cmp.iter().any(|k| k.status == Status::Differ);
    assert_eq!(got, expected, "{:?}", summary(c, &figs, &cmp));
}

#[test]
fn figures_of_different_holders_are_no_dispute() {
    // Two officials' decrees: each sentence names its own holder.
    let c = corpus(&[
        (
            "A",
            None,
            "Governor Maria Lopez signed two decrees at the port on Sunday.",
        ),
        (
            "B",
            None,
            "Mayor Tom Reyes signed eight decrees at the port on Sunday.",
        ),
    ]);
    assert_dispute(&c, false);
    // The same holder with two values is a dispute; a pronoun takes the name before it.
    let c = corpus(&[
        (
            "A",
            None,
            "Governor Maria Lopez visited the port on Sunday. She signed two decrees at the port in Santos.",
        ),
        (
            "B",
            None,
            "Governor Maria Lopez signed four decrees at the port in Santos on Sunday.",
        ),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn many_values_of_one_measure_are_no_dispute() {
    let c = corpus(&[
        ("A", None, "The fire destroyed 10 homes in the valley."),
        ("B", None, "The fire destroyed 14 homes in the valley."),
        ("C", None, "The fire destroyed 19 homes in the valley."),
        ("D", None, "The fire destroyed 25 homes in the valley."),
        ("E", None, "The fire destroyed 31 homes in the valley."),
    ]);
    assert_dispute(&c, false);
    // Two or three values stay a dispute.
    let c = corpus(&[
        ("A", None, "The fire destroyed 10 homes in the valley."),
        ("B", None, "The fire destroyed 14 homes in the valley."),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn a_lower_bound_allows_one_more() {
    let c = corpus(&[
        (
            "A",
            None,
            "Crews used at least two ladder trucks at the warehouse fire.",
        ),
        (
            "B",
            None,
            "Crews used three ladder trucks at the warehouse fire.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn a_running_total_does_not_contradict_an_event_figure() {
    let c = corpus(&[
        (
            "A",
            None,
            "Against Detroit on Sunday he caught eight passes for the Saints in the win.",
        ),
        (
            "B",
            None,
            "He caught 52 passes this season for the Saints, including the win against Detroit.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn coordinates_are_no_figures() {
    let figs = extract_figures(&corpus(&[(
        "A",
        None,
        "The storm was at latitude 16.1 north, longitude 67.5 west.",
    )]));
    assert!(figs.iter().all(|f| f.key.is_none()));
}

#[test]
fn game_statistics_are_no_dispute() {
    // One game told by two outlets, each citing a different player's yards without a name
    // the other sentence shares.
    let c = corpus(&[
        (
            "A",
            None,
            "The rookie ran for 126 yards in the win over the visitors on Sunday.",
        ),
        (
            "B",
            None,
            "The offence piled up 352 yards in the win over the visitors on Sunday.",
        ),
    ]);
    assert_dispute(&c, false);
    // The same sentences with an event figure do make one.
    let c = corpus(&[
        (
            "A",
            None,
            "The storm killed 126 people in the coastal towns on Sunday.",
        ),
        (
            "B",
            None,
            "The storm killed 352 people in the coastal towns on Sunday.",
        ),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn values_in_different_currencies_are_no_agreement() {
    let c = corpus(&[
        (
            "A",
            None,
            "The bloc will set its own duties on 2.8 billion euros of American exports.",
        ),
        (
            "B",
            None,
            "The bloc will set its own duties on $50 billion of American exports.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert!(
        cmp.iter()
            .all(|k| !matches!(k.status, Status::Agree | Status::Differ)),
        "{:?}",
        summary(&c, &figs, &cmp)
    );
}

#[test]
fn articles_written_days_apart_are_no_dispute() {
    // (A storm's winds are a reading, never compared: `storm_readings_...` below.)
    let text = |n: &str| format!("The city's water reservoir held {n} tons near the coast.");
    let c = corpus(&[
        ("A", Some("1988-09-11"), text("160").as_str()),
        ("B", Some("1988-09-16"), text("80").as_str()),
    ]);
    assert_dispute(&c, false);
    let c = corpus(&[
        ("A", Some("1988-09-11"), text("160").as_str()),
        ("B", Some("1988-09-13"), text("80").as_str()),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn distances_in_different_bearings_locate_different_places() {
    let c = corpus(&[
        (
            "A",
            None,
            "The quake was centred near Hollister, 80 miles southeast of San Francisco.",
        ),
        (
            "B",
            None,
            "The quake damaged a brewery in Fairfield, 35 miles northeast of San Francisco.",
        ),
    ]);
    assert_dispute(&c, false);
    let c = corpus(&[
        (
            "A",
            None,
            "The blast happened during gun practice 300 miles north of Puerto Rico.",
        ),
        (
            "B",
            None,
            "The blast happened during gun practice 330 miles north-northeast of Puerto Rico.",
        ),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn orders_of_magnitude_in_words_are_no_dispute() {
    let c = corpus(&[
        (
            "A",
            None,
            "Officials evacuated thousands of people from villages near the volcano.",
        ),
        (
            "B",
            None,
            "Officials evacuated 19,369 people from villages near the volcano.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn more_than_allows_up_to_the_next_rounding_step() {
    let c = corpus(&[
        (
            "A",
            None,
            "More than two dozen pieces of firefighting equipment were brought to the scene.",
        ),
        (
            "B",
            None,
            "A total of 31 separate pieces of firefighting equipment responded to the scene.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert!(
        cmp.iter().all(|k| k.status != Status::Differ),
        "{:?}",
        summary(&c, &figs, &cmp)
    );
    let c = corpus(&[
        (
            "A",
            None,
            "The wildfire destroyed more than two dozen homes in the village of Paradise.",
        ),
        (
            "B",
            None,
            "The wildfire destroyed 40 homes in the village of Paradise.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert_eq!(
        summary(&c, &figs, &cmp),
        ["homes destroyed Differ [A:more than two dozen, B:40]"]
    );
}

#[test]
fn granularity_is_the_step_a_number_is_written_to() {
    use super::number::granularity;
    assert_eq!(granularity(24.0), 1.0);
    assert_eq!(granularity(200.0), 100.0);
    assert_eq!(granularity(2_500_000.0), 100_000.0);
    assert!((granularity(2.5) - 0.1).abs() < 1e-12);
}

#[test]
fn different_places_in_apposition_are_no_dispute() {
    let c = corpus(&[
        (
            "A",
            None,
            "Hurricane Gilbert hit Valladolid, a city of 80,000 near the coast.",
        ),
        (
            "B",
            None,
            "Hurricane Gilbert hit Matamoros, a city of 400,000 near the coast.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert!(
        cmp.iter().all(|k| k.status != Status::Differ),
        "{:?}",
        summary(&c, &figs, &cmp)
    );
    let c = corpus(&[
        (
            "A",
            None,
            "People were evacuated to shelters in Matamoros, a city of 280,000 near the coast.",
        ),
        (
            "B",
            None,
            "People were evacuated to shelters in Matamoros, a city of 400,000 near the coast.",
        ),
    ]);
    let figs = extract_figures(&c);
    let cmp = compare_figures(&c, &figs);
    assert!(
        cmp.iter().any(|k| k.status == Status::Differ),
        "{:?}",
        summary(&c, &figs, &cmp)
    );
}

#[test]
fn a_dispute_shows_the_values_of_its_scene_only() {
    // Two outlets disagree on Corran's population; a third gives another town's.
    let c = corpus(&[
        (
            "A",
            None,
            "Families were moved to halls in Corran, a town of 20,000 near the border.",
        ),
        (
            "B",
            None,
            "Families were moved from the whole river district of Corran, a town of 26,000 near the border.",
        ),
        (
            "C",
            None,
            "The river flooded Dunmore, a town of 90,000 people, further upstream.",
        ),
    ]);
    let figs = extract_figures(&c);
    let got = summary(&c, &figs, &compare_figures(&c, &figs));
    let differ: Vec<&String> = got.iter().filter(|k| k.contains("Differ")).collect();
    assert_eq!(differ.len(), 1, "{got:?}");
    assert!(
        differ[0].contains("A:20,000") && differ[0].contains("B:26,000"),
        "{got:?}"
    );
    assert!(!differ[0].contains("90,000"), "{got:?}");
}

#[test]
fn storm_readings_and_forecasts_are_no_dispute() {
    // A storm's winds, speed and position change by the hour; a chance is a forecast.
    let c = corpus(&[
        (
            "A",
            None,
            "The cyclone reached Port Elm with 115 mph winds. Forecasters placed the eye of the storm 140 miles southeast of Port Elm. There is a 70 percent chance of rain at the regatta.",
        ),
        (
            "B",
            None,
            "The cyclone reached Port Elm with 80 mph winds. The center of the cyclone sat 425 miles southeast of Port Elm. There is a 90 percent chance of rain at the regatta.",
        ),
    ]);
    assert_dispute(&c, false);
    // An earthquake's place is no reading: its distances are still compared.
    let c = corpus(&[
        ("A", None, "The quake struck 20 miles north of Millbrook."),
        ("B", None, "The quake struck 26 miles north of Millbrook."),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn a_fronted_scene_is_compared_only_with_itself() {
    let c = corpus(&[
        (
            "A",
            None,
            "The epicenter of the tremor lay about 8 miles northeast of Arden.",
        ),
        (
            "B",
            None,
            "In Corran, 30 miles northeast of Arden, several shops on the high street fell in.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn a_value_out_of_a_measures_range_is_not_that_measure() {
    let c = corpus(&[(
        "A",
        None,
        "A magnitude 7.7 quake hit the valley. Aid groups said the number of dead in the quake reached 50,000. The tremor was felt 60 miles south in Lanport.",
    )]);
    let figs = extract_figures(&c);
    let key = |v: f64| {
        figs.iter()
            .find(|f| f.value.low == v)
            .and_then(|f| f.key.clone())
    };
    assert_eq!(key(7.7).as_deref(), Some("magnitude"));
    assert_ne!(key(50_000.0).as_deref(), Some("magnitude"));
    // "60 miles south in Lanport" is where it was felt, not a distance from Lanport.
    assert!(
        !key(60.0).is_some_and(|k| k.starts_with("distance")),
        "{:?}",
        key(60.0)
    );
}

#[test]
fn the_other_few_are_part_of_a_whole() {
    // "the other two guns" are part of the ship's guns, not a count of them.
    let c = corpus(&[(
        "A",
        None,
        "Sailors hurried to unload the shells and powder from the other two guns, the navy said.",
    )]);
    let figs = extract_figures(&c);
    let two = figs.iter().find(|f| f.value.low == 2.0);
    assert!(
        two.is_some_and(|f| f.key.as_deref().is_some_and(|k| k.starts_with("other"))),
        "{two:?}"
    );
}

#[test]
fn a_game_clock_is_no_dispute() {
    let c = corpus(&[
        (
            "A",
            None,
            "Ortiz kicked the winning field goal with 31 seconds remaining in the match.",
        ),
        (
            "B",
            None,
            "Ortiz kicked the winning field goal with 48 seconds remaining in the match.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn a_bare_dozen_of_is_dozens() {
    let c = corpus(&[
        (
            "A",
            None,
            "Dozen of warships from many nations guard the shipping lane.",
        ),
        (
            "B",
            None,
            "Over 20 warships from many nations guard the shipping lane.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn one_outlets_small_counts_are_not_listed() {
    let c = corpus(&[(
        "A",
        None,
        "The two sides met twice. The envoys have talked four times in three days. The blast destroyed 40 homes.",
    )]);
    let figs = extract_figures(&c);
    let got = summary(&c, &figs, &compare_figures(&c, &figs));
    assert!(
        got.iter()
            .all(|g| !g.contains(":two") && !g.contains("four times")),
        "{got:?}"
    );
    assert!(got.iter().any(|g| g.contains("A:40")), "{got:?}");
}

#[test]
fn blocked_shots_are_a_game_statistic() {
    let c = corpus(&[
        (
            "A",
            None,
            "Smith had six shots blocked in the second half of the game.",
        ),
        (
            "B",
            None,
            "Smith had two shots blocked in the second half of the game.",
        ),
    ]);
    assert_dispute(&c, false);
    // Shots fired in a shooting are an event's figure.
    let c = corpus(&[
        (
            "A",
            None,
            "The gunman fired six shots into the crowded office.",
        ),
        (
            "B",
            None,
            "The gunman fired twelve shots into the crowded office.",
        ),
    ]);
    assert_dispute(&c, true);
}

#[test]
fn a_possessive_is_no_measure() {
    // "Seven of Hale's friends" counts friends, not "Hale's".
    let c = corpus(&[(
        "A",
        None,
        "Seven of Hale's friends sat in the public gallery.",
    )]);
    let figs = extract_figures(&c);
    let seven = figs.iter().find(|f| f.value.low == 7.0);
    assert!(
        seven.is_some_and(|f| f.key.as_deref() == Some("friends")),
        "{seven:?}"
    );
}

#[test]
fn an_outlet_that_states_the_other_value_does_not_dispute_it() {
    // Without the second sentence, A's nine years and B's 14 years are a dispute.
    let c = corpus(&[
        (
            "A",
            None,
            "Judge Ortiz sentenced Marek Lund to nine years in prison for the fraud.",
        ),
        (
            "B",
            None,
            "Judge Ortiz sentenced Marek Lund to 14 years in prison for the fraud.",
        ),
    ]);
    assert_dispute(&c, true);
    // A also reports 14 years (a second sentence, another case): its nine years are another
    // thing the key does not tell apart, not a different account of B's figure.
    let c = corpus(&[
        (
            "A",
            None,
            "Judge Ortiz sentenced Marek Lund to nine years in prison for the fraud. Lund is already serving a 14-year sentence for tax evasion.",
        ),
        (
            "B",
            None,
            "Judge Ortiz sentenced Marek Lund to 14 years in prison for the fraud.",
        ),
    ]);
    assert_dispute(&c, false);
}

#[test]
fn pronouns_participles_and_unit_abbreviations_are_no_measures() {
    let c = corpus(&[(
        "A",
        None,
        "The link is back to 70% of our usual capacity. Repairs will take around nine days depending on the sea. The outage lasted 48 mins. Nearly two weeks following the vote, the board told the club on Monday of six breaches.",
    )]);
    let figs = extract_figures(&c);
    let keys: Vec<(f64, Option<&str>, Option<&str>)> = figs
        .iter()
        .map(|f| (f.value.low, f.key.as_deref(), f.unit.as_deref()))
        .collect();
    // "of our usual capacity": the possessive is a determiner, capacity is measured.
    assert!(
        keys.contains(&(70.0, Some("usual capacity"), Some("%"))),
        "{keys:?}"
    );
    // "nine days depending on": the participle opens another clause.
    assert!(
        !keys
            .iter()
            .any(|k| k.1.is_some_and(|k| k.contains("depend"))),
        "{keys:?}"
    );
    // "two weeks following the vote": the participle opens another clause; "on Monday of
    // six breaches": a day is no measure.
    assert!(
        !keys.iter().any(|k| k
            .1
            .is_some_and(|k| k.contains("follow") || k.contains("monday"))),
        "{keys:?}"
    );
    // "48 mins" is a duration, not a count of "mins".
    assert!(
        keys.iter().any(|k| k.0 == 48.0 && k.2 == Some("minutes")),
        "{keys:?}"
    );
}
