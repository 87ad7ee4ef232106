//! Unit tests of quantity frames (what is measured, in the text's words), scoping and the
//! filters for numbers that are not quantities, on sentences written for these tests.

use super::tests::corpus;
use super::*;

fn one(text: &str) -> Vec<Figure> {
    extract_figures(&corpus(&[("Wire", None, text)]))
}

fn keyed(text: &str) -> Vec<(String, Option<String>)> {
    let c = corpus(&[("Wire", None, text)]);
    extract_figures(&c)
        .iter()
        .map(|f| (f.display(&c).to_string(), f.key.clone()))
        .collect()
}

#[test]
fn the_measured_thing_comes_from_the_sentence() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Volunteers collected 12,000 signatures on the petition.",
            "12,000",
            "signatures",
        ),
        (
            "The court released 450 pages of documents.",
            "450",
            "pages releas",
        ),
        ("The memos run to 15 pages.", "15", "pages"),
        (
            "The navy captured 23 pirates in the gulf.",
            "23",
            "arrested pirates",
        ),
        (
            "The storm killed at least 14 people.",
            "at least 14",
            "killed",
        ),
        (
            "It claimed an estimated 90,000 lives.",
            "an estimated 90,000",
            "killed",
        ),
        ("Two men were wounded in the attack.", "Two", "injured"),
        (
            "An earthquake with a magnitude of 6.1 struck the coast.",
            "6.1",
            "magnitude",
        ),
        (
            "A 4.6-magnitude quake shook the valley.",
            "4.6",
            "magnitude",
        ),
        ("Police seized seven AK-47 assault rifles.", "seven", "ak47"),
        (
            "Three undersea cables were damaged.",
            "Three",
            "undersea cables damag",
        ),
        (
            "The quake struck 14 miles north of Healdsburg.",
            "14 miles",
            "distance from healdsburg",
        ),
        ("It had a depth of 2.7 miles.", "2.7 miles", "depth"),
        (
            "Thieves stole jewels worth $2.6 million.",
            "$2.6 million",
            "haul",
        ),
        ("Three other rifles were found.", "Three", "other rifles"),
    ];
    for (text, shown, key) in cases {
        let got = keyed(text);
        assert!(
            got.iter()
                .any(|(s, k)| s == shown && k.as_deref() == Some(*key)),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn pages_and_files_are_different_measures() {
    let a = keyed("The memos run to 15 pages.");
    let b = keyed("The memos are seven documents.");
    assert_ne!(a[0].1, b[0].1);
}

#[test]
fn figures_about_other_events_are_background() {
    let cases = [
        "In 2004, a tsunami killed 230,000 people.",
        "Last year's strike involved 5,000 workers.",
        "In February, a gunman killed five people at a mall.",
        "A similar quake three years ago killed 12 people.",
    ];
    for text in cases {
        let c = corpus(&[("Wire", Some("2026-03-01"), text)]);
        let f = extract_figures(&c);
        assert!(f.iter().all(|f| f.background.is_some()), "{text}: {f:?}");
    }
    // The story's own year is not background.
    let c = corpus(&[(
        "Wire",
        Some("2026-03-01"),
        "On March 1, 2026, the quake killed 24 people.",
    )]);
    assert!(extract_figures(&c).iter().all(|f| f.background.is_none()));
}

#[test]
fn a_sentence_that_goes_on_about_a_background_event_is_background() {
    let c = corpus(&[(
        "Wire",
        Some("2026-03-01"),
        "In June 2012, a smaller quake struck the area. The quake was six miles west of Cobb.",
    )]);
    let f = extract_figures(&c);
    assert!(f.iter().all(|f| f.background.is_some()), "{f:?}");
}

#[test]
fn non_quantities_are_not_figures() {
    let cases = [
        "Police seized AK-47 rifles.",
        "He drove north on Interstate 75 at night.",
        "Call police on 0845 125 2222 with information.",
        "The victim, Benjamin Banky, 40, of Vancouver, died.",
        "A 61-year-old man was charged.",
        "The Colts won 20-13 on Sunday.",
        "The ship reported the attack at 1100 hours.",
        "Robert Pitman, aged 24, was charged.",
        "She was carrying a .357 Magnum handgun.",
        "She was carrying a. 357 Magnum in her car.",
        "She had a. 357 magnum.",
        "Cpl. Janice Leader, a 911 dispatcher, said Hiller called 911 from the lobby.",
        "Officers responded to 911 calls from inside the building.",
        "The shooting took place along the 12000 block of Roosevelt Boulevard.",
        "It came days before the anniversary of the 9-11 attacks.",
        "He bought a .22 caliber rifle.",
        "Anyone with information is asked to call Sgt. La Croix at 745-4811.",
        "Call Palmer Police Sergeant Shayne La Croix at 907-745-4811.",
        "The first 9-1-1 call came at 3:33 a.m. from the hotel.",
        "The wooden structure at 325 E. Dahlia Ave. was known as the old warehouse.",
        "The prime minister lives at 10 Downing Street in London.",
    ];
    for text in cases {
        let f = one(text);
        assert!(f.is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_capitalised_word_after_a_count_is_a_name_only_when_nothing_plural_follows() {
    for text in [
        "The governor sent 500 National Guard troops to the city.",
        "Officials said 300 Syrians crossed the border.",
        "The bus carried 911 passengers over the month.",
    ] {
        assert_eq!(one(text).len(), 1, "{text}");
    }
}

#[test]
fn a_hyphenated_noun_is_one_word_and_a_pronoun_is_no_key() {
    let f = one("She shot two co-workers in the plant.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].key.as_deref(), Some("co workers shot"), "{f:?}");
    let f = one("She found her foes and shot two of them.");
    assert!(f.iter().all(|f| f.key.is_none()), "{f:?}");
}

#[test]
fn money_with_a_hyphenated_scale() {
    let f = one("Robbers made off with $137-million of diamonds.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].value.low, 137e6);
    assert_eq!(f[0].unit.as_deref(), Some("USD"));
}

#[test]
fn originally_marks_an_earlier_value() {
    let f = one(
        "The quake measured 4.2, the survey said, which originally had rated the quake as 4.4.",
    );
    let earlier: Vec<f64> = f
        .iter()
        .filter(|f| f.superseded)
        .map(|f| f.value.low)
        .collect();
    assert_eq!(earlier, [4.4]);
}

#[test]
fn labels_ages_and_adjectives_are_not_measures() {
    let c = corpus(&[(
        "Wire",
        None,
        "Officers searched the U.S. 271 corridor near the town. \
         A jury found Christopher Simpson, 27, guilty of two counts of first-degree murder. \
         An Oklahoma jury has found 27 year old Christopher Simpson guilty of murder. \
         The jury deliberated almost seven hours Thursday before the verdict.",
    )]);
    let figs = extract_figures(&c);
    let shown: Vec<(String, Option<String>)> = figs
        .iter()
        .map(|f| (f.display(&c).to_string(), f.measure.clone()))
        .collect();
    // The road number measures nothing, the unhyphenated age is no figure.
    assert!(
        figs.iter()
            .all(|f| f.display(&c) != "271" || f.key.is_none()),
        "{shown:?}"
    );
    assert!(figs.iter().all(|f| f.display(&c) != "27 year"), "{shown:?}");
    // "guilty of two counts": the counts are measured, not "guilty".
    let two = figs.iter().find(|f| f.display(&c) == "two");
    assert_eq!(
        two.and_then(|f| f.measure.as_deref()),
        Some("counts"),
        "{shown:?}"
    );
    // A weekday is when, not what: the verb names the span.
    let hours = figs.iter().find(|f| f.display(&c) == "almost seven hours");
    assert_eq!(
        hours.and_then(|f| f.measure.as_deref()),
        Some("deliberated"),
        "{shown:?}"
    );
}

#[test]
fn a_dashed_range_of_round_counts_is_not_a_phone_number() {
    let f = one("Between 500-1000 people marched through the city.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value.low, f[0].value.high), (500.0, 1000.0));
}

#[test]
fn half_a_dozen_is_six() {
    for text in [
        "The city bought at least a half-dozen others.",
        "Police arrested half a dozen protesters.",
    ] {
        let f = one(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].value.low, 6.0, "{text}");
    }
}

#[test]
fn a_window_of_time_is_not_compared() {
    for text in [
        "President Obama prepares to mark his first 100 days in office.",
        "Fighting has eased over the past 24 hours.",
    ] {
        let f = one(text);
        assert!(f.iter().all(|f| f.key.is_none()), "{text}: {f:?}");
    }
}
