//! Actors: people, organisations, places and groups named in the articles, merged across
//! outlets, with a role and a salience score.
//!
//! Method (rules and gazetteers, no trained model):
//! 1. [`tokens`]: words with byte spans; capitalisation evidence over the whole corpus (which
//!    words also appear in lower case, which appear capitalised away from sentence starts).
//! 2. [`detect`]: capitalised runs with name particles, cut at roles and calendar words,
//!    sentence-initial words kept only with evidence, typed by the [`gazetteer`] data files
//!    (`src/extract/gazetteer/*.txt`) and the shape of the name.
//! 3. [`resolve`]: one actor per real-world entity: canonical gazetteer names (US / U.S. /
//!    Washington -> United States), people by surname and folded given name, acronyms and
//!    short forms of organisations. Headlines only confirm actors found in body text.
//! 4. [`roles`]: the best-supported role from title phrases and appositions.
//! 5. Salience: spread across outlets, headline and lead mentions, mention count, and how
//!    often the actor is the subject of a reporting verb; scaled so the top actor has 1.

mod aliases;
pub mod classify;
pub mod detect;
pub mod gazetteer;
mod groups;
mod hash;
mod index;
mod kinds;
mod names;
mod places;
pub mod rank;
pub mod resolve;
pub mod roles;
mod spans;
pub mod tagger;
pub mod tokens;

use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;
use std::ops::Range;

use rayon::prelude::*;

use self::detect::{
    Detected, datelined_places, detect, detect_corpus, ends_with_initial, places_as_teams,
    press_names,
};
use self::rank::{best_name, raw_salience};
use self::resolve::{cluster, mentions};
use self::tokens::{Evidence, Token, Vocab, is_shouting, tokenize};
use crate::ingest::BlockKind;
use crate::text::Corpus;
use crate::text::segment::split_sentences;

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A company, agency, party, ministry, international body.
    Organisation,
    /// A country, city or region.
    Place,
    /// A group of people (rebels, militias, "the Kurds").
    Group,
}

/// One mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Document index.
    pub doc: usize,
    /// Sentence index in [`Corpus::sentences`].
    pub sentence: usize,
    /// Byte range in the document's raw text.
    pub span: Range<usize>,
}

/// One real-world entity, merged across mentions and outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical name ("John Kerry").
    pub name: String,
    /// Other names it appears under, sorted ("Kerry", "Secretary Kerry").
    pub aliases: Vec<String>,
    /// Person, organisation, place or group.
    pub kind: ActorKind,
    /// Best-supported role ("US Secretary of State"), when the text gives one.
    pub role: Option<String>,
    /// Every mention, in corpus order.
    pub mentions: Vec<Mention>,
    /// Distinct outlets mentioning it, sorted.
    pub outlets: Vec<String>,
    /// Salience in 0..=1 (1 = the most salient actor of the corpus).
    pub salience: f64,
    /// The state an organisation speaks for ("State Department" -> "United States"), from
    /// the organisations gazetteer.
    pub parent: Option<String>,
}

/// Find the actors of a corpus, strongest first.
pub fn extract_actors(corpus: &Corpus) -> Vec<Actor> {
    extract_actors_and_salience(corpus).0
}

/// [`extract_actors`], with the per-sentence salience of the names found, whatever their
/// type (`entities::names`): the summary's entity salience, indexed like [`Corpus::sentences`].
pub fn extract_actors_and_salience(corpus: &Corpus) -> (Vec<Actor>, Vec<f64>) {
    let found = detect_corpus(corpus);
    // Whether each mention names nothing (a junk surface, a capitalised participle): asked
    // by both the clustering and the type-free salience, so worked out once.
    let nameless: Vec<bool> = found
        .iter()
        .map(|f| resolve::names_nothing(corpus, f))
        .collect();
    let clusters = cluster(corpus, &found, &nameless);
    let outlet_names: BTreeSet<String> = corpus
        .docs
        .iter()
        .map(|d| gazetteer::norm(&d.meta.outlet))
        .collect();
    let outlet_count = corpus.outlet_count();
    let mut actors: Vec<Actor> = clusters
        .par_iter()
        .map(|c| {
            let mentions = mentions(corpus, &found, c);
            let mut surfaces: Vec<String> = mentions
                .iter()
                .map(|m| corpus.docs[m.doc].text(&m.span).to_string())
                .collect();
            let name = c
                .canonical
                .clone()
                .unwrap_or_else(|| best_name(&surfaces, c.kind == ActorKind::Person));
            let role_candidates: Vec<String> = if c.kind == ActorKind::Person {
                // Headlines are title case: "Lohan Rehires Attorney" is no role.
                mentions
                    .iter()
                    .filter(|m| corpus.sentences[m.sentence].kind != BlockKind::Headline)
                    .filter_map(|m| role_of(corpus, m))
                    .collect()
            } else {
                Vec::new()
            };
            surfaces.sort();
            surfaces.dedup();
            // Capitals headline forms ("BERNSTEIN") add nothing to a title-case alias.
            let cased: BTreeSet<String> = surfaces
                .iter()
                .chain([&name])
                .filter(|s| s.chars().any(char::is_lowercase))
                .map(|s| s.to_lowercase())
                .collect();
            // "Apple Inc" beside "Apple Inc.": the form with the abbreviation's period stands.
            let dotted: BTreeSet<&str> = surfaces
                .iter()
                .chain([&name])
                .filter_map(|s| s.strip_suffix('.'))
                .collect();
            let undotted: Vec<String> = surfaces
                .iter()
                .filter(|s| dotted.contains(s.as_str()))
                .cloned()
                .collect();
            surfaces.retain(|s| {
                *s != name
                    && !undotted.contains(s)
                    && !(s.chars().all(|c| !c.is_lowercase()) && cased.contains(&s.to_lowercase()))
            });
            let outlets: BTreeSet<String> = mentions
                .iter()
                .map(|m| corpus.docs[m.doc].meta.outlet.clone())
                .collect();
            // An outlet named in another outlet's text is an organisation, whatever its shape.
            let outlet_name =
                c.canonical.is_none() && outlet_names.contains(&gazetteer::norm(&name));
            Actor {
                kind: if outlet_name {
                    ActorKind::Organisation
                } else {
                    c.kind
                },
                name,
                aliases: surfaces,
                role: roles::best_role(&role_candidates),
                outlets: outlets.into_iter().collect(),
                salience: raw_salience(corpus, outlet_count, &mentions),
                mentions,
                parent: c.parent.clone(),
            }
        })
        .collect();
    let groups = group_actors(corpus, outlet_count, &actors);
    let salience = names::name_salience(corpus, outlet_count, &found, &nameless, &groups);
    actors.extend(groups);
    let max = actors.iter().map(|a| a.salience).fold(0.0_f64, f64::max);
    if max > 0.0 {
        actors.iter_mut().for_each(|a| a.salience /= max);
    }
    actors.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| a.name.cmp(&b.name))
    });
    (actors, salience)
}

/// Unnamed groups that act in the story ([`groups`]), unless a named actor already has
/// that name.
fn group_actors(corpus: &Corpus, outlet_count: usize, named: &[Actor]) -> Vec<Actor> {
    let taken: BTreeSet<String> = named.iter().map(|a| a.name.to_lowercase()).collect();
    groups::find_groups(corpus)
        .into_iter()
        .filter(|(name, _, _)| !taken.contains(name))
        .map(|(name, aliases, mentions)| {
            let outlets: BTreeSet<String> = mentions
                .iter()
                .map(|m| corpus.docs[m.doc].meta.outlet.clone())
                .collect();
            Actor {
                name,
                aliases,
                kind: ActorKind::Group,
                role: None,
                outlets: outlets.into_iter().collect(),
                salience: raw_salience(corpus, outlet_count, &mentions),
                mentions,
                parent: None,
            }
        })
        .collect()
}

/// The role phrase around one mention.
fn role_of(corpus: &Corpus, m: &Mention) -> Option<String> {
    let s = &corpus.sentences[m.sentence];
    roles::role_near(&corpus.docs[m.doc].raw, &m.span, &s.span)
}

/// Mentions in raw text, for evaluation and debugging (`brief entities FILE --json`): lines,
/// then sentences; byte ranges into `text`. Demonyms and group adjectives ("Russian") come out
/// as [`ActorKind::Group`].
pub fn mention_spans(text: &str) -> Vec<(Range<usize>, ActorKind)> {
    let mut sentences: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        for r in split_sentences(line) {
            let r = pos + r.start..pos + r.end;
            // Rejoin a split after an initial ("( P. Simmons"): the segmenter is tuned for
            // running prose, where "P." rarely occurs.
            match sentences.last_mut() {
                Some(last)
                    if last.start >= pos && ends_with_initial(&text[last.start..last.end]) =>
                {
                    last.end = r.end;
                }
                _ => sentences.push(r),
            }
        }
        pos += line.len();
    }
    let (toks, ev) = sentence_evidence(text, &sentences);
    let mut dets: Vec<Detected> = toks
        .iter()
        .flat_map(|t| detect(text, t, &ev, false))
        .collect();
    let mut list: Vec<(usize, &str, &mut Detected)> =
        dets.iter_mut().map(|d| (0, text, d)).collect();
    datelined_places(&mut list);
    places_as_teams(&mut list);
    press_names(&mut list);
    let mut out: Vec<_> = dets.into_iter().map(|d| (d.span, d.kind)).collect();
    out.sort_by_key(|(r, _)| (r.start, r.end));
    out.dedup();
    out
}

/// The tokens of each sentence of `text` and the evidence over all of them, with the
/// surnames of the full names the rules find (the tagger runs later, once).
pub(crate) fn sentence_evidence(
    text: &str,
    sentences: &[Range<usize>],
) -> (Vec<Vec<Token>>, Evidence) {
    let mut vocab = Vocab::default();
    let toks: Vec<Vec<Token>> = sentences
        .iter()
        .map(|r| tokenize(text, r.clone(), &mut vocab))
        .collect();
    let mut ev = Evidence::new(vocab);
    for t in toks.iter().filter(|t| !is_shouting(t)) {
        ev.add(t);
    }
    ev.surnames = toks
        .iter()
        .flat_map(|t| detect::detect_rules(text, t, &ev, false))
        .filter(|d| d.kind == ActorKind::Person && d.words.len() > 1)
        .map(|d| resolve::surname_key(&d.words))
        .collect();
    (toks, ev)
}

/// Per-sentence entity salience: the sum of the salience of the actors each sentence
/// mentions, scaled to 0..=1. Indexed like [`Corpus::sentences`].
pub fn sentence_salience(corpus: &Corpus, actors: &[Actor]) -> Vec<f64> {
    let mut scores = vec![0.0; corpus.sentences.len()];
    for actor in actors {
        // A set, not a list: a country can have thousands of mentions.
        let mut seen = std::collections::HashSet::new();
        for m in &actor.mentions {
            if seen.insert(m.sentence) {
                scores[m.sentence] += actor.salience;
            }
        }
    }
    let max = scores.iter().copied().fold(0.0_f64, f64::max);
    if max > 0.0 {
        scores.iter_mut().for_each(|s| *s /= max);
    }
    scores
}

/// Whether an actor's name is a state in the gazetteer (United States, Russia): states act,
/// while other places (Geneva, Aleppo) are settings.
pub fn is_state(name: &str) -> bool {
    matches!(
        gazetteer::GAZETTEER.lookup(name),
        Some(gazetteer::Entry::State(state)) if state == name
    )
}

/// Whether an organisation is one the gazetteer knows ("United Nations", "Islamic State",
/// "Syrian Government"), by its canonical name.
pub fn is_listed_organisation(name: &str) -> bool {
    matches!(
        gazetteer::GAZETTEER.lookup(name),
        Some(gazetteer::Entry::Org { name: n, .. }) if n == name
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ingest::{BlockKind, from_plain};

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, (o, t))| from_plain(i, o, t))
            .collect();
        Corpus::new(docs)
    }

    fn find<'a>(actors: &'a [Actor], name: &str) -> Option<&'a Actor> {
        actors.iter().find(|a| a.name == name)
    }

    /// Each mention's text and kind (shared with the rule modules' tests).
    pub(crate) fn spans(text: &str) -> Vec<(&str, ActorKind)> {
        mention_spans(text)
            .into_iter()
            .map(|(r, k)| (&text[r], k))
            .collect()
    }

    #[test]
    fn particles_stay_inside_names() {
        let got =
            spans("He met UN Special Envoy Staffan de Mistura and President Bashar al-Assad.");
        assert!(got.contains(&("Staffan de Mistura", ActorKind::Person)));
        assert!(got.contains(&("Bashar al-Assad", ActorKind::Person)));
        assert!(got.contains(&("UN", ActorKind::Organisation)));
    }

    #[test]
    fn roles_are_cut_from_names_and_kept_as_roles() {
        let c = corpus(&[(
            "Wire",
            "The US Secretary of State John Kerry met Russia's foreign minister Sergei Lavrov.\nKerry and Lavrov talked.",
        )]);
        let actors = extract_actors(&c);
        let kerry = find(&actors, "John Kerry").expect("Kerry");
        assert_eq!(kerry.role.as_deref(), Some("US Secretary of State"));
        assert_eq!(kerry.kind, ActorKind::Person);
        assert_eq!(kerry.mentions.len(), 2);
        let lavrov = find(&actors, "Sergei Lavrov").expect("Lavrov");
        assert_eq!(lavrov.role.as_deref(), Some("Russia's foreign minister"));
        assert!(find(&actors, "Russia").is_some());
    }

    #[test]
    fn a_shop_named_with_a_possessive_is_one_name() {
        let got = spans(
            "He parked at the Bloomington Sam's Club, then drove to Denny's Restaurant in Moscow's Hotel district. Russia's Foreign Ministry said nothing.",
        );
        let names: Vec<&str> = got.iter().map(|(s, _)| *s).collect();
        assert!(names.contains(&"Bloomington Sam's Club"), "{got:?}");
        assert!(names.contains(&"Denny's Restaurant"), "{got:?}");
        assert!(names.contains(&"Moscow"), "{got:?}");
        assert!(names.contains(&"Russia"), "{got:?}");
    }

    #[test]
    fn an_organisation_named_after_its_place_and_without_it_is_one_actor() {
        let c = corpus(&[
            (
                "A",
                "The Portland Trail Blazers fired their coach. The Trail Blazers lost again.",
            ),
            ("B", "The Trail Blazers hired a new coach on Monday."),
        ]);
        let actors = extract_actors(&c);
        let teams: Vec<&Actor> = actors
            .iter()
            .filter(|a| a.name.contains("Trail Blazers"))
            .collect();
        assert_eq!(teams.len(), 1, "{teams:?}");
        assert_eq!(teams[0].outlets, ["A", "B"]);
    }

    #[test]
    fn police_rank_abbreviations_are_roles_not_names() {
        let c = corpus(&[
            (
                "A",
                "Const. Tim Vale said the crowd broke windows. Vale said more.",
            ),
            (
                "B",
                "Det. Ana Ruiz said two men were held, and Const. Tim Vale agreed.",
            ),
        ]);
        let actors = extract_actors(&c);
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("Const") || n.starts_with("Det")),
            "{names:?}"
        );
        let vale = find(&actors, "Tim Vale").expect("Vale");
        assert_eq!(vale.role.as_deref(), Some("Const."));
        assert!(find(&actors, "Ana Ruiz").is_some(), "{names:?}");
    }

    #[test]
    fn a_given_name_spelled_with_k_or_c_is_one_person() {
        let c = corpus(&[
            ("A", "Katherine Osei, 61, was found at her home on Monday."),
            (
                "B",
                "Police said Catherine Osei lived alone. Osei was a nurse.",
            ),
        ]);
        let actors = extract_actors(&c);
        let people: Vec<&Actor> = actors.iter().filter(|a| a.name.ends_with("Osei")).collect();
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].outlets, ["A", "B"]);
    }

    #[test]
    fn aliases_merge_across_outlets() {
        let c = corpus(&[
            (
                "A",
                "Russian Foreign Minister Sergey Lavrov met U.S. officials. Moscow supports the plan.",
            ),
            (
                "B",
                "Sergei Lavrov said the United States must act. Washington wants a deal.",
            ),
            (
                "C",
                "President Recep Tayyip Erdoğan spoke. Later Erdogan called the UN and the United Nations.",
            ),
        ]);
        let actors = extract_actors(&c);
        let lavrov = find(&actors, "Sergey Lavrov")
            .or(find(&actors, "Sergei Lavrov"))
            .expect("Lavrov");
        assert_eq!(lavrov.outlets, ["A", "B"]);
        let us = find(&actors, "United States").expect("US");
        assert!(
            us.aliases.contains(&"Washington".to_string())
                && us.aliases.contains(&"U.S.".to_string())
        );
        assert_eq!(
            find(&actors, "Russia").map(|a| a.aliases.clone()),
            Some(vec!["Moscow".to_string()])
        );
        let erdogan = find(&actors, "Recep Tayyip Erdoğan").expect("Erdogan");
        assert_eq!(erdogan.aliases, ["Erdogan"]);
        assert_eq!(
            find(&actors, "United Nations").map(|a| a.mentions.len()),
            Some(2)
        );
    }

    #[test]
    fn clipped_forms_join_the_full_name_and_its_kind() {
        let c = corpus(&[
            (
                "A",
                "Fire destroyed the old Mat Maid warehouse in Palmer. Mat Maid closed in 2008.",
            ),
            (
                "B",
                "The Matanuska Maid Dairy warehouse burned. Matanuska Maid was founded in 1935.",
            ),
            (
                "C",
                "Defense attorney Stanley Perlo spoke. Stan Perlo said his client was innocent.",
            ),
        ]);
        let actors = extract_actors(&c);
        let dairy = actors
            .iter()
            .find(|a| a.name.contains("Maid") && a.aliases.iter().any(|x| x == "Mat Maid"))
            .or_else(|| find(&actors, "Mat Maid"))
            .expect("the dairy");
        assert_eq!(dairy.kind, ActorKind::Organisation, "{dairy:?}");
        assert_eq!(dairy.outlets, ["A", "B"], "{dairy:?}");
        let perlo = find(&actors, "Stanley Perlo").expect("Perlo");
        assert!(
            perlo.aliases.contains(&"Stan Perlo".to_string()),
            "{perlo:?}"
        );
    }

    #[test]
    fn a_listed_place_named_like_a_person_is_a_place() {
        let c = corpus(&[(
            "A",
            "The actress left a Beverly Hills clinic. Police in Beverly Hills said she was well.",
        )]);
        let actors = extract_actors(&c);
        assert!(
            actors
                .iter()
                .all(|a| a.name != "Beverly Hills" || a.kind == ActorKind::Place),
            "{actors:?}"
        );
    }

    #[test]
    fn a_capital_after_in_stays_a_place() {
        let c = corpus(&[(
            "A",
            "Kerry told reporters in Washington that talks went well. Washington backs the rebels.",
        )]);
        let actors = extract_actors(&c);
        assert!(find(&actors, "Washington").is_some_and(|a| a.kind == ActorKind::Place));
        assert!(find(&actors, "United States").is_some());
    }

    #[test]
    fn non_actors_are_dropped() {
        let c = corpus(&[(
            "A",
            "Share\nAdvertisement\nOn Thursday, Kerry met Lavrov in Geneva. Syria’s war goes on in September.\nExpectations had been low.\nRoughly 35,000 vehicles cross it.",
        )]);
        let names: Vec<String> = extract_actors(&c).into_iter().map(|a| a.name).collect();
        for junk in [
            "Share",
            "Advertisement",
            "On Thursday",
            "Thursday",
            "Syria’s",
            "September",
            "Expectations",
            "On",
            "Roughly",
        ] {
            assert!(!names.contains(&junk.to_string()), "{junk} in {names:?}");
        }
        assert!(names.contains(&"Syria".to_string()) && names.contains(&"Geneva".to_string()));
    }

    #[test]
    fn headlines_only_confirm() {
        let mut doc = from_plain(
            0,
            "A",
            "Kerry Heading to Talks With Lavrov\nJohn Kerry flew to Geneva.",
        );
        doc.blocks[0].kind = BlockKind::Headline;
        let actors = extract_actors(&Corpus::new(vec![doc]));
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Lavrov") || n.contains("Talks")),
            "{names:?}"
        );
        assert_eq!(
            find(&actors, "John Kerry").map(|a| a.mentions.len()),
            Some(2)
        );
    }

    #[test]
    fn acronyms_join_long_forms_and_output_is_sorted() {
        let c = corpus(&[
            (
                "A",
                "The Suez Canal Authority said on Friday the ship was stuck. The SCA will try again.",
            ),
            (
                "B",
                "Islamic State of Iraq and the Levant (ISIL) fighters fled. ISIS denied it.",
            ),
        ]);
        let actors = extract_actors(&c);
        let sca = find(&actors, "Suez Canal Authority").expect("SCA");
        assert_eq!(sca.aliases, ["SCA"]);
        assert_eq!(sca.parent.as_deref(), Some("Egypt"));
        assert_eq!(
            find(&actors, "Islamic State").map(|a| a.mentions.len()),
            Some(3)
        );
        assert!(actors.windows(2).all(|w| w[0].salience >= w[1].salience));
        assert_eq!(actors[0].salience, 1.0);
    }

    #[test]
    fn sentence_salience_is_scaled() {
        let c = corpus(&[("A", "Kerry met Lavrov. It rained. Kerry left.")]);
        let actors = extract_actors(&c);
        let s = sentence_salience(&c, &actors);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1], 0.0);
        assert!(s[0] >= s[2] && (s[0] - 1.0).abs() < 1e-9);
    }

    #[test]
    fn things_codes_zones_and_handles_are_no_mentions() {
        let got = spans(
            "She grabbed a .357 Magnum and six AK 47 rifles on 117th Street at 7 p.m. PDT in Malibu, Calif., and thanked @TheAcademy and her wife Portia.\nGeneral Manager Billy King met Anthony LaSalle of Bloomington and Deportivo 2 Celta 1 .",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
        for junk in ["Magnum", "AK", "Street", "PDT", "TheAcademy"] {
            assert!(!names.contains(&junk), "{junk} in {got:?}");
        }
        // A state's news abbreviation is the state (places.txt).
        assert!(got.contains(&("Calif", ActorKind::Place)), "{got:?}");
        assert!(got.contains(&("Portia", ActorKind::Person)), "{got:?}");
        assert!(got.contains(&("Billy King", ActorKind::Person)), "{got:?}");
        assert!(names.contains(&"Anthony LaSalle"), "{got:?}");
        assert!(
            names.contains(&"Bloomington") && names.contains(&"Celta"),
            "{got:?}"
        );
    }

    #[test]
    fn homes_abbreviations_titles_and_tables() {
        let got = spans(
            "A jury convicted a Spiro man in the death of Ka'Loni Marie Flynn of Fort Smith, Ark. on Friday.\nCrawford County Deputy Prosecuting Attorney Jacob Howell and Arkansas State Trooper Mary Minor spoke.\nBOSTON 69 65 .515 5\nDETROIT 4 Kansas City 1\nPosted: Sep 27, 2013\n",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
        for want in [
            ("Spiro", ActorKind::Place),
            ("Ark", ActorKind::Place),
            ("Ka'Loni Marie Flynn", ActorKind::Person),
            ("Jacob Howell", ActorKind::Person),
            ("Mary Minor", ActorKind::Person),
            ("BOSTON", ActorKind::Organisation),
            ("Kansas City", ActorKind::Organisation),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        for junk in ["Prosecuting", "Posted"] {
            assert!(!names.contains(&junk), "{junk} in {got:?}");
        }
    }

    #[test]
    fn mention_spans_types_and_initials() {
        let got = spans(
            "Somerset 83 ( P. Simmons 4-38 ) beat Kent .\nWest Indian Phil Simmons met Russian officials in Geneva .",
        );
        assert!(got.contains(&("P. Simmons", ActorKind::Person)), "{got:?}");
        assert!(
            got.contains(&("Phil Simmons", ActorKind::Person)),
            "{got:?}"
        );
        assert!(got.contains(&("Russian", ActorKind::Group)), "{got:?}");
        assert!(got.contains(&("Geneva", ActorKind::Place)), "{got:?}");
    }

    #[test]
    fn ordinary_words_opening_a_line_are_no_names() {
        let text = "Ireland beat Liechtenstein 5-0 on Saturday .\n\
                    Attendance : 3,900\n\
                    May 14 Practice at Lord 's\n\
                    Leicester : Leicestershire beat Somerset .\n\
                    W L PCT GB\n\
                    Estimated price range N / A";
        let got = spans(text);
        for junk in ["Attendance", "Practice", "W L PCT GB", "N", "A"] {
            assert!(!got.iter().any(|(s, _)| *s == junk), "{junk} in {got:?}");
        }
        assert!(got.iter().any(|(s, _)| *s == "Leicester"), "{got:?}");
    }

    #[test]
    fn places_that_win_are_teams_and_datelines_are_places() {
        let got = spans(
            "TAVILDARA , Tajikistan 1996-08-30\n\
             Government troops took Tavildara on Friday .\n\
             Leicestershire beat Somerset by an innings .\n\
             Somerset got a solid start , and the match in Somerset drew a crowd .\n\
             Clyde 0 Barnet 2\n\
             England beat Pakistan by 107 runs .",
        );
        assert_eq!(
            got.iter()
                .filter(|(s, _)| *s == "Tavildara" || *s == "TAVILDARA")
                .map(|(_, k)| *k)
                .collect::<Vec<_>>(),
            vec![ActorKind::Place, ActorKind::Place],
            "{got:?}"
        );
        let somerset: Vec<ActorKind> = got
            .iter()
            .filter(|(s, _)| *s == "Somerset")
            .map(|(_, k)| *k)
            .collect();
        // After "in", the county is the place again.
        assert_eq!(
            somerset,
            vec![
                ActorKind::Organisation,
                ActorKind::Organisation,
                ActorKind::Place
            ],
            "{got:?}"
        );
        assert!(got.contains(&("Clyde", ActorKind::Organisation)), "{got:?}");
        assert!(
            got.contains(&("Barnet", ActorKind::Organisation)),
            "{got:?}"
        );
        assert!(
            !got.contains(&("England", ActorKind::Organisation)),
            "{got:?}"
        );
    }

    #[test]
    fn firms_press_settlements_and_clubs() {
        let got = spans(
            "Investors bought Harlow & Brede shares while the WBA & IBO titles stayed vacant .\n\
             The Vostok news agency said the talks ended . Vostok said more would follow .\n\
             Rebels held the mining town of Karvel and fired over Dunmere , Scotland .\n\
             Forfar 3 1 2 0 3 2 5\n\
             Dunvale Athletic 2 1 1 0 3 0 4\n\
             The coach said Dynamo Kazan would win the league match this season .",
        );
        for want in [
            ("Harlow & Brede", ActorKind::Organisation),
            ("Vostok", ActorKind::Organisation),
            ("Karvel", ActorKind::Place),
            ("Dunmere", ActorKind::Place),
            ("Dunvale Athletic", ActorKind::Organisation),
            ("Dynamo Kazan", ActorKind::Organisation),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        assert_eq!(
            got.iter().filter(|(s, _)| *s == "Vostok").count(),
            2,
            "{got:?}"
        );
        assert!(
            got.iter()
                .all(|(s, k)| *s != "Vostok" || *k == ActorKind::Organisation),
            "{got:?}"
        );
        assert!(!got.iter().any(|(s, _)| *s == "WBA & IBO"), "{got:?}");
    }

    #[test]
    fn of_before_a_place_or_after_an_ordinary_opener_ends_a_name() {
        let got = spans(
            "Results of Brenish league matches on Monday :\n\
             Varnhold of Germany beat Tesko Marvin of Sweden in the final .\n\
             Fans of Varnhold cheered . The Bank of England spoke of the Church of Scotland .\n",
        );
        for want in ["Brenish", "Varnhold", "Germany", "Tesko Marvin", "Sweden"] {
            assert!(got.iter().any(|(s, _)| *s == want), "{want} not in {got:?}");
        }
        assert!(got.iter().any(|(s, _)| *s == "Bank of England"), "{got:?}");
        // A census given name opens a person's name: "of" then says where they work.
        let work = spans("The move was a surprise , said Dorothy Quellner of Tarvik Partners .\n");
        assert!(
            work.iter().any(|(s, _)| *s == "Dorothy Quellner"),
            "{work:?}"
        );
        assert!(
            work.iter().any(|(s, _)| *s == "Tarvik Partners"),
            "{work:?}"
        );
        assert!(
            got.iter().any(|(s, _)| *s == "Church of Scotland"),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|(s, _)| s.contains(" of ") && s.starts_with("Results")),
            "{got:?}"
        );
    }

    #[test]
    fn known_names_of_several_words_in_capitals_lines() {
        let got = spans(
            "BASEBALL - FIXTURES FOR TUESDAY .\nKANSAS CITY AT DETROIT\nTHE TOUR REACHES SAN DIEGO TODAY\n",
        );
        assert!(
            got.contains(&("KANSAS CITY", ActorKind::Organisation)),
            "{got:?}"
        );
        assert!(got.iter().any(|(s, _)| *s == "SAN DIEGO"), "{got:?}");
        assert!(!got.iter().any(|(s, _)| *s == "KANSAS"), "{got:?}");
    }

    #[test]
    fn a_place_heading_a_team_or_event_is_one_name() {
        let got = spans(
            "On Friday the Kansas City Royals beat the Texas Rangers as British Airways staff watched .\n\
             She won the U.S. Open after the Gulf War ended , and flew to the Golan Heights and to Iraqi Kurds .",
        );
        for want in [
            ("Kansas City Royals", ActorKind::Organisation),
            ("Texas Rangers", ActorKind::Organisation),
            ("British Airways", ActorKind::Organisation),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        let names: Vec<&str> = got.iter().map(|(n, _)| *n).collect();
        for want in ["U.S. Open", "Gulf War"] {
            assert!(names.contains(&want), "{want} not in {got:?}");
        }
        assert!(!names.contains(&"Iraqi Kurds"), "{got:?}");
        assert!(
            !got.contains(&("Golan Heights", ActorKind::Organisation)),
            "{got:?}"
        );
    }
}
