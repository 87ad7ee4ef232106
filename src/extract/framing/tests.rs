//! Framing rules pinned on texts we wrote.

use super::*;
use crate::extract::entities::extract_actors;
use crate::ingest::from_plain;

fn corpus(texts: &[(&str, &str)]) -> Corpus {
    Corpus::new(
        texts
            .iter()
            .enumerate()
            .map(|(i, (o, t))| from_plain(i, o, t))
            .collect(),
    )
}

/// outlet -> [(name, count)]
type Outlets = Vec<(String, Vec<(String, usize)>)>;
/// concept -> its names, and the people and bodies acting for it
type Table = Vec<(String, Outlets, Outlets)>;

fn outlets(list: Vec<OutletNames>) -> Outlets {
    list.into_iter()
        .map(|o| {
            let names = o
                .names
                .into_iter()
                .map(|n| (n.text, n.mentions.len()))
                .collect();
            (o.outlet, names)
        })
        .collect()
}

fn table(c: &Corpus) -> Table {
    extract_framing(c, &extract_actors(c))
        .into_iter()
        .map(|f| (f.concept, outlets(f.outlets), outlets(f.acting_for)))
        .collect()
}

fn names_of<'a>(t: &'a Table, concept: &str, outlet: &str) -> Vec<&'a str> {
    listed(t, concept, outlet, false)
}

fn acting_for<'a>(t: &'a Table, concept: &str, outlet: &str) -> Vec<&'a str> {
    listed(t, concept, outlet, true)
}

fn listed<'a>(t: &'a Table, concept: &str, outlet: &str, acting: bool) -> Vec<&'a str> {
    t.iter()
        .find(|(c, _, _)| c == concept)
        .and_then(|(_, names, members)| {
            let list = if acting { members } else { names };
            list.iter().find(|(name, _)| name == outlet)
        })
        .map(|(_, names)| names.iter().map(|(n, _)| n.as_str()).collect())
        .unwrap_or_default()
}

const SYRIA: &[(&str, &str)] = &[
    (
        "Left Wire",
        "Talks.\n\nThe Syrian government rejected the plan for Syria. Kerry met Lavrov in Geneva. \
         The rebels said the Syrian government had bombed Aleppo. President Bashar al-Assad was silent.",
    ),
    (
        "Right Daily",
        "Talks.\n\nThe Syrian regime rejected the plan for Syria. Kerry met Lavrov in Geneva. \
         Opposition fighters said the regime had bombed Aleppo. The plan angered Assad.",
    ),
];

#[test]
fn each_outlet_keeps_its_own_words_for_the_state() {
    let t = table(&corpus(SYRIA));
    assert_eq!(
        names_of(&t, "Syria", "Left Wire"),
        ["The Syrian government", "Syria"]
    );
    assert_eq!(
        names_of(&t, "Syria", "Right Daily"),
        ["The Syrian regime", "Syria", "the regime"]
    );
}

#[test]
fn titles_stay_with_names_and_groups_are_one_concept() {
    let t = table(&corpus(SYRIA));
    let assad: Vec<&str> = t
        .iter()
        .find(|(c, _, _)| c.contains("Assad"))
        .map(|(_, o, _)| {
            o.iter()
                .flat_map(|(_, n)| n.iter().map(|(s, _)| s.as_str()))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(assad, ["President Bashar al-Assad", "Assad"]);
    let c = corpus(&[
        (
            "A",
            "News.\n\nNorth Korean leader Kim Jong Un spoke. Kim Jong Un left.",
        ),
        ("B", "News.\n\nKim Jong Un spoke."),
    ]);
    let k = table(&c);
    // A description before the name is a name of its own; a form of address is not.
    assert_eq!(
        names_of(&k, "Kim Jong Un", "A"),
        ["Kim Jong Un", "North Korean leader"]
    );
    assert_eq!(names_of(&k, "Kim Jong Un", "B"), ["Kim Jong Un"]);
    assert_eq!(
        names_of(&t, "the armed opposition", "Left Wire"),
        ["The rebels"]
    );
    assert_eq!(
        names_of(&t, "the armed opposition", "Right Daily"),
        ["Opposition fighters"]
    );
}

#[test]
fn a_description_links_only_when_one_actor_holds_the_role() {
    let one = corpus(&[
        (
            "A",
            "News.\n\nPresident Donald Trump met Kim. The president said it went well.",
        ),
        (
            "B",
            "News.\n\nTrump met Kim on Friday. Trump said it went well.",
        ),
    ]);
    let t = table(&one);
    assert_eq!(
        names_of(&t, "Donald Trump", "A"),
        ["President Donald Trump", "The president"]
    );
    let two = corpus(&[
        (
            "A",
            "News.\n\nPresident Donald Trump met President Emmanuel Macron. The president said it went well.",
        ),
        (
            "B",
            "News.\n\nTrump met Macron on Friday. Trump said it went well.",
        ),
    ]);
    let t = table(&two);
    assert_eq!(
        names_of(&t, "Donald Trump", "A"),
        ["President Donald Trump"]
    );
}

#[test]
fn the_most_divergent_concept_comes_first() {
    let c = corpus(SYRIA);
    let f = extract_framing(&c, &extract_actors(&c));
    assert!(f.windows(2).all(|w| w[0].divergence >= w[1].divergence));
    // Every name is a verbatim span of its article.
    for entry in &f {
        for o in &entry.outlets {
            for n in &o.names {
                let m = &n.mentions[0];
                assert_eq!(crate::text::fold(c.docs[m.doc].text(&m.span)), n.text);
            }
        }
    }
}

#[test]
fn people_named_by_their_state_act_for_it() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nRussia denied it. Senior Russian officials said Russia had no part in it.",
        ),
        (
            "B",
            "News.\n\nRussia denied it. The Russian government said Russia had no part in it.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(names_of(&t, "Russia", "A"), ["Russia"]);
    assert_eq!(acting_for(&t, "Russia", "A"), ["Russian officials"]);
    assert_eq!(
        names_of(&t, "Russia", "B"),
        ["Russia", "The Russian government"]
    );
}

#[test]
fn a_form_of_address_is_part_of_the_name() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nDonald Trump spoke on Friday. Mr. Trump said it went well.",
        ),
        ("B", "News.\n\nTrump spoke. Trump said it went well."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Donald Trump", "A"),
        ["Donald Trump", "Mr. Trump"]
    );
}

#[test]
fn short_names_join_the_full_names() {
    // "the North" names North Korea; "Democrats" name the Democratic Party.
    let c = corpus(&[
        (
            "A",
            "News.\n\nNorth Korea tested a missile. The North said the test worked. \
             The Democratic Party objected. Democrats said the test was a threat.",
        ),
        (
            "B",
            "News.\n\nNorth Korea tested a missile. North Korea said the test worked. \
             The Democratic Party objected.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(names_of(&t, "North Korea", "A"), ["North Korea", "North"]);
    assert_eq!(
        names_of(&t, "Democratic Party", "A"),
        ["Democratic Party", "Democrats"]
    );
}

#[test]
fn a_vice_president_is_no_president() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nPresident Donald Trump met Vice President Mike Pence. \
             The president's plan was praised.",
        ),
        ("B", "News.\n\nTrump met Pence. Trump said it went well."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Donald Trump", "A"),
        ["President Donald Trump", "The president"]
    );
}

#[test]
fn a_states_people_are_names_of_it_and_its_bodies_act_for_it() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nRussia denied it. Russians said Russia had no part in it. \
             The United States disagreed. Congress said the United States would act.",
        ),
        (
            "B",
            "News.\n\nRussia denied it. Moscow said Russia had no part in it. \
             The United States disagreed. Washington said the United States would act.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(names_of(&t, "Russia", "A"), ["Russia", "Russians"]);
    // A key body named one way only acts for its state.
    assert_eq!(names_of(&t, "United States", "A"), ["United States"]);
    assert_eq!(acting_for(&t, "United States", "A"), ["Congress"]);
    // Congress is no key actor when only one is taken: it acts for the state it speaks for.
    let actors = extract_actors(&c);
    let (keys, bodies) = super::merge::key_actors(&actors, |a| a.name == "United States", 1);
    assert_eq!(keys.len(), 1);
    let names: Vec<&str> = bodies
        .iter()
        .map(|(_, m)| c.docs[m.doc].text(&m.span))
        .collect();
    assert!(names.contains(&"Congress"), "{names:?}");
}

#[test]
fn a_body_named_by_its_word_alone_after_its_full_name() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nThe Syrian regime rejected the plan for Syria. \
             Later the regime said Syria would talk.",
        ),
        (
            "B",
            "News.\n\nSyria rejected the plan. The regime said Syria would talk.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Syria", "A"),
        ["Syria", "The Syrian regime", "the regime"]
    );
    // Not before the article names the body in full.
    assert_eq!(names_of(&t, "Syria", "B"), ["Syria"]);
}

#[test]
fn people_named_by_an_organisation_act_for_it() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nThe European Union objected. European Union leaders said the European Union would reply. \
             European officials agreed.",
        ),
        (
            "B",
            "News.\n\nThe European Union objected. The EU said the European Union would reply.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(names_of(&t, "European Union", "A"), ["European Union"]);
    assert_eq!(
        acting_for(&t, "European Union", "A"),
        ["European Union leaders", "European officials"]
    );
}

#[test]
fn an_organisation_by_the_last_word_of_its_name() {
    let text = "News.\n\nThe Democratic National Committee sued on Friday. \
                The committee said the suit was filed. The committee chairman spoke.";
    let c = corpus(&[
        ("A", text),
        (
            "B",
            "News.\n\nThe DNC sued on Friday. The Democratic National Committee said so.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Democratic National Committee", "A"),
        ["Democratic National Committee", "The committee"]
    );
    // Not when another name in the article ends in the same word.
    let other = format!("{text} The Senate Intelligence Committee met.");
    let c = corpus(&[
        ("A", other.as_str()),
        (
            "B",
            "News.\n\nThe DNC sued on Friday. The Democratic National Committee said so.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Democratic National Committee", "A"),
        ["Democratic National Committee"]
    );
}

#[test]
fn a_verb_opening_the_sentence_is_no_title() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nHosting President Emmanuel Macron, Trump spoke. Macron smiled.",
        ),
        ("B", "News.\n\nEmmanuel Macron spoke. Macron smiled."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Emmanuel Macron", "A"),
        ["President Emmanuel Macron", "Macron"]
    );
}

#[test]
fn a_description_beside_the_name_names_the_person() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nThe report named James Comey, the former FBI director, on Friday. Comey spoke.",
        ),
        ("B", "News.\n\nJames Comey spoke. Comey left."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "James Comey", "A"),
        ["James Comey", "the former FBI director", "Comey"]
    );
}

#[test]
fn a_states_media_is_its_name_and_its_possessed_people_act_for_it() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nIran objected. North Korean state media said Iran's leaders would reply.",
        ),
        ("B", "News.\n\nIran objected. Tehran said Iran would reply."),
    ]);
    let t = table(&c);
    assert_eq!(names_of(&t, "Iran", "A"), ["Iran"]);
    assert_eq!(acting_for(&t, "Iran", "A"), ["Iran's leaders"]);
    let c = corpus(&[
        (
            "A",
            "News.\n\nIran objected. An Iranian official said Iran would reply.",
        ),
        ("B", "News.\n\nIran objected. Tehran said Iran would reply."),
    ]);
    let t = table(&c);
    assert_eq!(acting_for(&t, "Iran", "A"), ["Iranian official"]);
}

#[test]
fn a_qualifier_tells_two_holders_apart() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nPresident Donald Trump met French President Emmanuel Macron. \
             The French president said it went well. The president agreed.",
        ),
        ("B", "News.\n\nTrump met Macron. Macron said it went well."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Emmanuel Macron", "A"),
        ["French President", "Emmanuel Macron"]
    );
    // The president left bare is the one the outlet means by the bare title.
    assert_eq!(
        names_of(&t, "Donald Trump", "A"),
        ["President Donald Trump", "The president"]
    );
}

#[test]
fn a_time_word_before_a_title_is_part_of_the_description() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nThe memos by former FBI director James Comey were released. Comey spoke.",
        ),
        ("B", "News.\n\nJames Comey spoke. Comey left."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "James Comey", "A"),
        ["former FBI director", "James Comey", "Comey"]
    );
}

#[test]
fn a_role_from_other_articles_names_a_person_introduced_without_one() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nFormer FBI director James Comey spoke. Comey said it went well.",
        ),
        (
            "B",
            "News.\n\nJames Comey spoke on Friday. The former FBI director said it went well.",
        ),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "James Comey", "B"),
        ["James Comey", "The former FBI director"]
    );
}

#[test]
fn a_label_before_a_name_is_a_name_but_no_role() {
    let c = corpus(&[
        (
            "A",
            "News.\n\nNorth Korean dictator Kim Jong Un spoke. Later the dictator left.",
        ),
        ("B", "News.\n\nKim Jong Un spoke. Kim Jong Un left."),
    ]);
    let t = table(&c);
    assert_eq!(
        names_of(&t, "Kim Jong Un", "A"),
        ["North Korean dictator", "Kim Jong Un", "the dictator"]
    );
}

const TARIFFS: &[(&str, &str)] = &[
    (
        "A",
        "Tariffs.\n\nThe United States imposed tariffs on China. U.S. Treasury Secretary Steven \
         Mnuchin said the United States would not back down. Mnuchin spoke in Washington. \
         China said it would answer. Chinese Commerce Minister Wang Wentao said China \
         was ready. U.S. officials declined to comment.",
    ),
    (
        "B",
        "Tariffs.\n\nWashington imposed tariffs on China. Steven Mnuchin defended the United \
         States plan. Beijing said China would answer. U.S. Steel chief executive David \
         Burritt welcomed the United States tariffs. Former U.S. ambassador Max Baucus said \
         China was angry.",
    ),
];

#[test]
fn people_tied_to_a_state_by_their_title_act_for_it_apart_from_its_names() {
    let t = table(&corpus(TARIFFS));
    // "U.S. Treasury Secretary Steven Mnuchin": listed under the United States in every
    // outlet that cites him, by his full name, counted once per mention.
    assert_eq!(
        acting_for(&t, "United States", "A"),
        ["Steven Mnuchin", "U.S. officials"]
    );
    let (_, _, members) = t
        .iter()
        .find(|(c, _, _)| c == "United States")
        .expect("the United States is shown");
    let a = &members.iter().find(|(o, _)| o == "A").expect("outlet A").1;
    assert_eq!(a[0], ("Steven Mnuchin".to_string(), 2));
    assert_eq!(acting_for(&t, "United States", "B")[0], "Steven Mnuchin");
    // Never among the state's names.
    assert!(!names_of(&t, "United States", "A").contains(&"Steven Mnuchin"));
    // A company's chief executive is no office of the state, a former ambassador acts for
    // nobody now.
    let all: Vec<&str> = ["A", "B"]
        .iter()
        .flat_map(|o| acting_for(&t, "United States", o))
        .collect();
    assert!(
        !all.iter()
            .any(|n| n.contains("Burritt") || n.contains("Baucus")),
        "{all:?}"
    );
    // A word of government between the state and the office.
    assert_eq!(acting_for(&t, "China", "A"), ["Wang Wentao"]);
}

#[test]
fn a_title_ties_a_person_to_one_key_actor_only() {
    let ties = |texts: &[(&str, &str)], concept: &str| {
        let t = table(&corpus(texts));
        t.iter()
            .find(|(c, _, _)| c == concept)
            .map(|(_, _, m)| {
                m.iter()
                    .flat_map(|(_, n)| n.iter().map(|(s, _)| s.clone()))
                    .collect()
            })
            .unwrap_or_else(Vec::new)
    };
    // Titles naming two key states: listed under neither.
    let two = [
        (
            "A",
            "Talks.\n\nRussia and the United States met. American envoy John Tefft said Russia \
             and the United States agreed. Russian envoy John Tefft said nothing, Russia said.",
        ),
        (
            "B",
            "Talks.\n\nMoscow and Washington met. The United States said Russia agreed. Russia \
             denied it.",
        ),
    ];
    assert!(
        !ties(&two, "United States")
            .iter()
            .any(|n| n.contains("Tefft"))
    );
    assert!(!ties(&two, "Russia").iter().any(|n| n.contains("Tefft")));
}

#[test]
fn a_body_named_for_the_states_government_is_a_name_of_the_state() {
    use super::names::names_the_state;
    assert!(names_the_state("Syrian Government"));
    assert!(names_the_state("the Assad regime's"));
    assert!(!names_the_state("State Department"));
    let t = table(&corpus(&[
        (
            "A",
            "News.\n\nSyria objected. The Syrian Government said Syria would reply.",
        ),
        (
            "B",
            "News.\n\nSyria objected. Damascus said Syria would reply.",
        ),
    ]));
    assert!(
        names_of(&t, "Syria", "A").contains(&"Syrian Government"),
        "{t:?}"
    );
    assert!(acting_for(&t, "Syria", "A").is_empty(), "{t:?}");
}

#[test]
fn his_country_names_the_state_of_the_person_named_before_it() {
    let c = corpus(&[
        (
            "A",
            "Fish.\n\nNorway and Chile met on fish quotas. Norwegian Foreign Minister Kari \
             Lunde said his country would not sign. Norway left the room. His country was \
             silent. Chile said it would wait. Tomas Vidal, a trader, said his country lost.",
        ),
        (
            "B",
            "Fish.\n\nNorway and Chile met again. Kari Lunde said her government was ready. \
             Chile said it would wait for Norway.",
        ),
    ]);
    let t = table(&c);
    // The person named before it in the sentence is tied to Norway by her title, in every
    // outlet; with nobody named before it in its sentence, or someone tied to no state,
    // nothing.
    assert_eq!(
        names_of(&t, "Norway", "A"),
        ["Norway", "his country"],
        "{t:?}"
    );
    assert_eq!(names_of(&t, "Norway", "B"), ["Norway", "her government"]);
    let all: Vec<&str> = ["A", "B"]
        .iter()
        .flat_map(|o| names_of(&t, "Chile", o))
        .collect();
    assert!(!all.iter().any(|n| n.contains("country")), "{all:?}");
}

#[test]
fn the_country_names_the_one_state_named_before_it() {
    let c = corpus(&[
        (
            "A",
            "Fish.\n\nNorway raised its quotas on Monday. The country said the stocks were \
             healthy. Talks between Norway and Chile failed, and the country said it would \
             try again.",
        ),
        (
            "B",
            "Fish.\n\nChile and Norway talked. Chile said Norway was wrong.",
        ),
    ]);
    let t = table(&c);
    // The sentence before names Norway alone; in a sentence naming two states, nobody.
    assert_eq!(
        names_of(&t, "Norway", "A"),
        ["Norway", "The country"],
        "{t:?}"
    );
    assert!(
        !names_of(&t, "Chile", "A").contains(&"the country"),
        "{t:?}"
    );
}

#[test]
fn a_qualified_description_may_come_before_the_name() {
    let c = corpus(&[
        (
            "A",
            "Visit.\n\nThe Chilean president arrived in Oslo on Monday. Chilean President \
             Ana Rojas met Norwegian Prime Minister Kari Lunde. Rojas left on Tuesday.",
        ),
        (
            "B",
            "Visit.\n\nChilean President Ana Rojas arrived. Rojas met Kari Lunde.",
        ),
    ]);
    let t = table(&c);
    assert!(
        names_of(&t, "Ana Rojas", "A").contains(&"The Chilean president"),
        "{t:?}"
    );
}

#[test]
fn a_role_from_other_articles_fills_a_head_the_article_leaves_empty() {
    let c = corpus(&[
        (
            "A",
            "Tests.\n\nNorth Korean dictator Ri Song Chol spoke on Friday. Later the North \
             Korean leader left. Ri Song Chol was silent.",
        ),
        (
            "B",
            "Tests.\n\nNorth Korean leader Ri Song Chol spoke. Ri Song Chol left.",
        ),
    ]);
    let t = table(&c);
    // Article A calls him a dictator, not a leader: the role the other article gives him
    // still names him by "the North Korean leader".
    assert!(
        names_of(&t, "Ri Song Chol", "A").contains(&"the North Korean leader"),
        "{t:?}"
    );
}

#[test]
fn a_place_after_the_name_qualifies_the_title() {
    let c = corpus(&[
        (
            "A",
            "Visit.\n\nIn Oslo, President Tom Hale met President Maria Rojas of Chile on \
             Monday. The president said the talks went well. Rojas left. Hale stayed.",
        ),
        (
            "B",
            "Visit.\n\nChilean President Maria Rojas met President Tom Hale. Hale spoke.",
        ),
    ]);
    let t = table(&c);
    // "President Maria Rojas of Chile" is qualified as "Chilean President" would be: the bare
    // "the president" is Hale's.
    assert!(
        names_of(&t, "Tom Hale", "A").contains(&"The president"),
        "{t:?}"
    );
    assert!(
        !names_of(&t, "Maria Rojas", "A").contains(&"The president"),
        "{t:?}"
    );
}

#[test]
fn a_place_after_a_description_must_fit_the_holder() {
    let c = corpus(&[
        (
            "A",
            "Talks.\n\nNorth Korean leader Ri Song Chol spoke on Friday. Kari Lunde met the \
             leader of Norway in Oslo. Ri Song Chol was silent.",
        ),
        (
            "B",
            "Talks.\n\nNorth Korean leader Ri Song Chol spoke. Ri Song Chol left.",
        ),
    ]);
    let t = table(&c);
    // "the leader of Norway" is no name of the North Korean leader.
    let a = names_of(&t, "Ri Song Chol", "A");
    assert!(!a.iter().any(|n| n.contains("leader of")), "{a:?}");
    assert!(!a.contains(&"the leader"), "{a:?}");
}

#[test]
fn a_description_may_open_the_article_when_the_article_gives_the_role() {
    let c = corpus(&[
        (
            "A",
            "Vote.\n\nThe party sued to stop the President from winning. It said the vote \
             favoured President Tom Hale. Hale denied it.",
        ),
        ("B", "Vote.\n\nPresident Tom Hale won. Hale spoke."),
    ]);
    let t = table(&c);
    assert!(
        names_of(&t, "Tom Hale", "A").contains(&"the President"),
        "{t:?}"
    );
}

#[test]
fn a_state_in_a_description_fits_the_holder_of_that_state() {
    let c = corpus(&[
        (
            "A",
            "Summit.\n\nPresident Tom Hale met President Maria Rojas of Chile in Oslo. Hale \
             said the Norwegian president was a friend. Rojas said Chile's leader, Maria \
             Rojas, wanted trade. Hale thanked his Chilean counterpart. Rojas left.",
        ),
        (
            "B",
            "Summit.\n\nNorwegian President Tom Hale met Chilean President Maria Rojas. \
             Rojas met the leader of Norway on Friday. Hale spoke.",
        ),
    ]);
    let t = table(&c);
    // Article A: "the Norwegian president" is Hale, whom article B's title ties to Norway,
    // though A calls him only "President"; "Chile's leader" and "his Chilean counterpart"
    // are Rojas, whom A places in Chile.
    // Article B: "the leader of Norway" is its president, not Chile's.
    assert_listed(
        &t,
        &[
            ("Tom Hale", "A", false, "the Norwegian president"),
            ("Maria Rojas", "A", false, "Chile's leader"),
            ("Maria Rojas", "A", false, "his Chilean counterpart"),
            ("Tom Hale", "B", false, "the leader of Norway"),
        ],
    );
    assert!(
        none_contains(&names_of(&t, "Maria Rojas", "B"), "leader"),
        "{t:?}"
    );
}

#[test]
fn a_counterpart_of_a_state_with_two_people_names_nobody() {
    let c = corpus(&[
        (
            "A",
            "Summit.\n\nChilean President Maria Rojas and Chilean Foreign Minister Luis Vera \
             met Norwegian President Tom Hale. Hale thanked his Chilean counterpart. Vera \
             left. Rojas stayed.",
        ),
        (
            "B",
            "Summit.\n\nChilean President Maria Rojas spoke. Rojas left.",
        ),
    ]);
    let t = table(&c);
    for person in ["Maria Rojas", "Luis Vera"] {
        assert!(
            none_contains(&names_of(&t, person, "A"), "counterpart"),
            "{t:?}"
        );
    }
}

#[test]
fn a_special_counsel_is_a_role_and_fired_a_past_marker() {
    let c = corpus(&[
        (
            "A",
            "Inquiry.\n\nThe report by special counsel Dana Holt was filed. Holt spoke. Later \
             the special counsel left. Lee Marsh was silent. Marsh left.",
        ),
        (
            "B",
            "Inquiry.\n\nFormer FBI director Lee Marsh met Dana Holt. Marsh was fired in May. \
             The fired FBI director said nothing. Holt spoke.",
        ),
    ]);
    let t = table(&c);
    // "special counsel" before the name and "the special counsel" are one name, twice.
    let holt = t
        .iter()
        .find(|(c, _, _)| c == "Dana Holt")
        .map(|(_, o, _)| o);
    let in_a = holt.and_then(|o| o.iter().find(|(outlet, _)| outlet == "A"));
    assert!(
        in_a.is_some_and(|(_, n)| n.contains(&("special counsel".to_string(), 2))),
        "{t:?}"
    );
    assert!(
        names_of(&t, "Lee Marsh", "B").contains(&"The fired FBI director"),
        "{t:?}"
    );
}

#[test]
fn the_people_of_a_states_administration_act_for_it() {
    let c = corpus(&[
        (
            "A",
            "Tariffs.\n\nU.S. President Tom Hale raised tariffs on Chile. A senior \
             administration official said the U.S. administration would wait. Hale officials \
             met Chile on Monday.",
        ),
        (
            "B",
            "Tariffs.\n\nThe United States raised tariffs on Chile. Hale administration \
             officials said so. Chilean officials objected. Hale left.",
        ),
    ]);
    let t = table(&c);
    assert_listed(
        &t,
        &[
            ("United States", "A", true, "senior administration official"),
            ("United States", "A", true, "Hale officials"),
            ("United States", "B", true, "Hale administration officials"),
        ],
    );
    // Another state's officials are not the administration's.
    assert!(
        none_contains(&acting_for(&t, "United States", "B"), "Chilean"),
        "{t:?}"
    );
}

#[test]
fn a_tied_rulers_regime_is_the_states_and_his_office_acts_for_it() {
    let c = corpus(&[
        (
            "A",
            "Talks.\n\nChilean President Maria Rojas met Norway. The Rojas regime said so, and \
             Ms. Rojas's office praised it. Chilean state media agency reports agreed. Rojas \
             left.",
        ),
        (
            "B",
            "Talks.\n\nChile met Norway. Rojas's special envoys arrived. Rojas's \
             government agreed. Norway's office said nothing.",
        ),
    ]);
    let t = table(&c);
    assert_listed(
        &t,
        &[
            ("Chile", "A", false, "The Rojas regime"),
            ("Chile", "A", false, "Chilean state media agency"),
            ("Chile", "A", true, "Ms. Rojas's office"),
            ("Chile", "B", false, "Rojas's government"),
            ("Chile", "B", true, "Rojas's special envoys"),
        ],
    );
}

/// Each (concept, outlet, acting for it or a name of it, name) is listed.
fn assert_listed(t: &Table, want: &[(&str, &str, bool, &str)]) {
    for &(concept, outlet, acting, name) in want {
        assert!(
            listed(t, concept, outlet, acting).contains(&name),
            "{concept} / {outlet}: {name:?} in {t:?}"
        );
    }
}

/// Whether no name in the list contains `part`.
fn none_contains(names: &[&str], part: &str) -> bool {
    !names.iter().any(|n| n.contains(part))
}

#[test]
fn national_bodies_of_the_koreas_act_for_their_state() {
    let c = corpus(&[
        (
            "A",
            "Talks.\n\nNorth Korea met South Korea. The WPK said North Korea would talk. The \
             Blue House said South Korea agreed.",
        ),
        (
            "B",
            "Talks.\n\nNorth Korea met South Korea. North Korea spoke and South Korea \
             listened.",
        ),
    ]);
    let t = table(&c);
    assert_listed(
        &t,
        &[
            ("North Korea", "A", true, "WPK"),
            ("South Korea", "A", true, "Blue House"),
        ],
    );
}

#[test]
fn an_ousted_office_holder_is_no_current_one() {
    let c = corpus(&[
        (
            "A",
            "Exile.\n\nPresident Ana Cruz said Tomas Vidal may not come home, and the ousted \
             president will stay abroad. Vidal left. Cruz stayed.",
        ),
        (
            "B",
            "Exile.\n\nPresident Ana Cruz spoke of Tomas Vidal. Cruz and Vidal disagree.",
        ),
    ]);
    let t = table(&c);
    // Cruz is the only president the article names, but the current one.
    assert!(
        none_contains(&names_of(&t, "Ana Cruz", "A"), "ousted"),
        "{t:?}"
    );
}

#[test]
fn a_place_after_of_the_qualifies_a_description() {
    let c = corpus(&[
        (
            "A",
            "Visit.\n\nPresident Tom Hale met Ida Berg, the president of the Rowing Club. Hale \
             said the president of the Netherlands would come. Berg left.",
        ),
        (
            "B",
            "Visit.\n\nDutch President Tom Hale spoke. Hale met Ida Berg. Berg left.",
        ),
    ]);
    let t = table(&c);
    // Hale is tied to the Netherlands by article B's title; Berg's club is no state.
    assert_listed(
        &t,
        &[("Tom Hale", "A", false, "the president of the Netherlands")],
    );
    assert!(
        none_contains(&names_of(&t, "Ida Berg", "A"), "Netherlands"),
        "{t:?}"
    );
}

/// The memo of roles answers as `role_near` does, once per mention.
#[test]
fn roles_are_worked_out_once_per_mention() {
    let c = corpus(&[
        (
            "Daily Lantern",
            "Foreign Minister Irena Valkov met President Dario Mennick in Ostrel. \
             Valkov, the deputy leader of the Tarsk party, said talks went well.",
        ),
        (
            "Harbour Post",
            "President Dario Mennick thanked Irena Valkov, a former ambassador. \
             Mennick said nothing more.",
        ),
    ]);
    let actors = extract_actors(&c);
    let roles = Roles::new(&c);
    let mut asked = 0;
    for m in actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .flat_map(|a| &a.mentions)
    {
        let s = &c.sentences[m.sentence];
        let direct =
            crate::extract::entities::roles::role_near(&c.docs[m.doc].raw, &m.span, &s.span);
        assert_eq!(roles.near(m.sentence, &m.span), direct);
        assert_eq!(roles.near(m.sentence, &m.span), direct, "asked again");
        asked += 1;
    }
    assert!(asked >= 4, "{asked} person mentions");
    assert_eq!(roles.memo.borrow().len(), asked);
    assert!(
        roles.memo.borrow().values().any(Option::is_some),
        "some mention has a role"
    );
}
