//! Mention detection in one sentence: capitalised runs, cut at roles and calendar words,
//! filtered at sentence starts, typed by gazetteers and name shape.
//!
//! A run is a sequence of capitalised tokens separated only by blanks, which may contain
//! name particles ("de", "van", "bin") and, inside organisation-like names, "of", "for" and
//! "and the" ("Islamic State of Iraq and the Levant"). Roles ("Secretary of State",
//! "Foreign Minister") are never part of a name: they split the run and mark the name after
//! them as a person. A sentence-initial word is kept only with evidence that it is a name:
//! a gazetteer entry, a given name, or the same word capitalised elsewhere in the text.

use std::ops::Range;

use rayon::prelude::*;

use super::ActorKind;
use super::classify::classify;
use super::gazetteer::{Entry, GAZETTEER, Gazetteer};
use super::resolve::Found;
use super::spans;
use super::tagger;
use super::tokens::{Evidence, PARTICLES, Token, Vocab, is_shouting, tokenize};
use crate::ingest::BlockKind;
use crate::text::Corpus;

/// One detected mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Detected {
    /// Byte range in the analysed text.
    pub(crate) span: Range<usize>,
    /// Best-guess kind.
    pub(crate) kind: ActorKind,
    /// Gazetteer entry when the whole mention is a known name.
    pub(crate) entry: Option<&'static Entry>,
    /// The kind is only a default (single unknown word).
    pub(crate) guessed: bool,
    /// Byte range of a capitalised role right before it ("Secretary of State").
    pub(crate) role: Option<Range<usize>>,
    /// Normalised words of the mention.
    pub(crate) words: Vec<String>,
    /// Every word of the mention is also used in lower case in the corpus (or is a
    /// function word): "New Moon", "Catching Fire" are made of ordinary words.
    pub(crate) common: bool,
}

/// Detect the mentions of one sentence (`tokens` from [`super::tokens::tokenize`]): the
/// rules' mentions, corrected by the statistical tagger ([`super::tagger`]).
/// `title_case`: a headline or subhead, where ordinary words are capitalised too.
pub(crate) fn detect(
    text: &str,
    tokens: &[Token],
    ev: &Evidence,
    title_case: bool,
) -> Vec<Detected> {
    let mut rules = detect_rules(text, tokens, ev, title_case);
    spans::abbreviation_periods(text, &mut rules);
    // Headlines in title case: the rules' stricter reading stands.
    if title_case {
        return rules;
    }
    let mut out = match tagger::embedded() {
        Some(model) => tagger::merge::refine(model, text, tokens, ev, rules),
        None => rules,
    };
    spans::acronym_names(text, tokens, ev, &mut out);
    spans::based_compounds(text, tokens, &mut out);
    // "BOSTON 69 65 .515", "DETROIT 4 Kansas City 1", "CHICAGO AT TORONTO": a city or
    // region in a results, standings or fixtures line is its team. States stay places
    // (national teams are named by their country).
    for d in out
        .iter_mut()
        .filter(|d| d.kind == ActorKind::Place && !matches!(d.entry, Some(Entry::State(_))))
    {
        if team_in_table(text, &d.span) {
            d.kind = ActorKind::Organisation;
            d.guessed = false;
        }
    }
    // "the town of Moengo", "Lockerbie, Scotland": a name the text sets as a place.
    for d in out.iter_mut().filter(|d| {
        d.kind != ActorKind::Place
            && d.entry.is_none()
            && d.role.is_none()
            && !d
                .words
                .first()
                .is_some_and(|w| GAZETTEER.first_names.contains(w))
    }) {
        if d.words.len() == 1 && set_as_place(text, &d.span) {
            d.kind = ActorKind::Place;
            d.guessed = false;
        }
    }
    // "Douglas & Lomason": a name joined by an ampersand is a firm's.
    for d in out
        .iter_mut()
        .filter(|d| d.entry.is_none() && has_ampersand(text, &d.span))
    {
        d.kind = ActorKind::Organisation;
        d.guessed = false;
    }
    // "Feig will oversee NEW MOON for the studio": ordinary words set in capitals inside a
    // mixed-case sentence are the title of a work (press releases write titles so).
    if !is_shouting(tokens) {
        for d in out
            .iter_mut()
            .filter(|d| d.entry.is_none() && (d.common || d.words.len() > 1))
        {
            if text.get(d.span.clone()).is_some_and(capitals_title) {
                d.kind = ActorKind::Group;
                d.guessed = true;
            }
        }
    }
    out
}

/// The text of a span's line before the span and after it, up to the line breaks.
fn line_around<'a>(text: &'a str, span: &Range<usize>) -> (&'a str, &'a str) {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    (&text[line_start..span.start], &text[span.end..line_end])
}

/// Whether a name stands in a sports table line: at the line's start or after a score, and
/// followed by a score ("DETROIT 4 Kansas City 1", "BOSTON 69 65 .515 5"), or on either
/// side of a capitals "AT" in a fixtures line ("CHICAGO AT TORONTO").
fn team_in_table(text: &str, span: &Range<usize>) -> bool {
    let (line_before, line_after) = line_around(text, span);
    let before = line_before.trim();
    let after = line_after.trim();
    let score = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let next = after.split(' ').next().unwrap_or("");
    let prev = before.rsplit(' ').next().unwrap_or("");
    let capitals = |s: &str| !s.chars().any(char::is_lowercase);
    let fixture = (before.is_empty() && after.starts_with("AT ") && capitals(after))
        || (prev == "AT" && after.is_empty() && capitals(before));
    ((before.is_empty() || score(prev)) && score(next)) || fixture
}

/// Whether a name is ordinary words set in capitals: letters all upper case, every word
/// three letters or more ("NEW MOON", not "US" or "F.B.I.").
fn capitals_title(s: &str) -> bool {
    s.split(' ').all(|w| {
        w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')
    })
}

/// The mentions the rules find in one sentence.
pub(crate) fn detect_rules(
    text: &str,
    tokens: &[Token],
    ev: &Evidence,
    title_case: bool,
) -> Vec<Detected> {
    let g = &*GAZETTEER;
    let shouting = is_shouting(tokens);
    let known_phrases = if shouting {
        known_phrase_words(g, ev, tokens)
    } else {
        Vec::new()
    };
    // In a capitals headline only words known to be names elsewhere, alone or as a known
    // name of several words ("KANSAS CITY AT DETROIT"), may start a run; in a title-case
    // headline, words also seen in lower case are not names.
    let cap = |t: &Token| {
        if shouting {
            t.upper
                && (ev.capitalised(t.word, 1)
                    || g.lookup(ev.word(t.word)).is_some()
                    || known_phrases.binary_search(&t.span.start).is_ok())
        } else if title_case
            && !t.upper
            && ev.is_common(t.word)
            && g.lookup(ev.word(t.word)).is_none()
        {
            false
        } else {
            t.cap && !g.non_actors.contains(ev.word(t.word))
        }
    };
    let mut out = Vec::new();
    for run in runs(text, ev, tokens, &cap) {
        let mut pieces = split_run(g, ev, tokens, run, title_case);
        if title_case {
            // Title case joins unrelated capitalised words ("Kerry Heading"): only single
            // words and gazetteer names are trusted, and they only confirm known actors.
            pieces = pieces
                .into_iter()
                .flat_map(|p| {
                    if p.tokens.len() > 1
                        && g.lookup(&words_of(ev, tokens, &p.tokens).join(" "))
                            .is_none()
                    {
                        p.tokens
                            .clone()
                            .map(|i| Piece {
                                tokens: i..i + 1,
                                role: None,
                            })
                            .collect()
                    } else {
                        vec![p]
                    }
                })
                .collect();
        }
        for piece in pieces {
            out.extend(finish(text, g, tokens, piece, ev));
        }
    }
    out
}

/// The start bytes of the tokens that make a known name of several words ("NEW YORK",
/// "KANSAS CITY"), in order.
fn known_phrase_words(g: &Gazetteer, ev: &Evidence, tokens: &[Token]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let longest = (2..=g.longest.min(tokens.len() - i))
            .filter(|_| ev.word(tokens[i].word) != "the")
            .rev()
            .find(|&l| {
                tokens[i + 1..i + l].iter().all(|t| t.joined)
                    && g.lookup(&words_of(ev, tokens, &(i..i + l)).join(" "))
                        .is_some()
            });
        match longest {
            Some(l) => {
                out.extend(tokens[i..i + l].iter().map(|t| t.span.start));
                i += l;
            }
            None => i += 1,
        }
    }
    out
}

/// Maximal capitalised runs, as token index ranges.
fn runs(
    text: &str,
    ev: &Evidence,
    tokens: &[Token],
    cap: &dyn Fn(&Token) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !cap(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut has_of = false;
        let mut end = i + 1;
        while end < tokens.len() && !possessive_ends(ev, tokens, end - 1) {
            let t = &tokens[end];
            if !t.joined {
                if ampersand_joins(text, ev, tokens, end, cap) {
                    end += 1;
                    continue;
                }
                break;
            }
            if cap(t) {
                end += 1;
                continue;
            }
            // A connector needs a capitalised word right after it.
            let connector_len = match ev.word(t.word) {
                w if PARTICLES.contains(&w) && t.lower => 1,
                "of" | "for"
                    if !person_before_of(ev, tokens, start..end)
                        && !opener_before_of(ev, tokens, start..end)
                        && (ev.word(t.word) != "of" || !name_of_place(ev, tokens, start..end)) =>
                {
                    1
                }
                "and"
                    if has_of
                        && tokens
                            .get(end + 1)
                            .is_some_and(|n| ev.word(n.word) == "the") =>
                {
                    2
                }
                "and" if and_joins(ev, tokens, start..end, has_of, cap) => 1,
                _ => 0,
            };
            let after = end + connector_len;
            let ok = connector_len > 0
                && (end + 1..=after).all(|j| tokens.get(j).is_some_and(|n| n.joined))
                && tokens.get(after).is_some_and(cap);
            if !ok {
                break;
            }
            has_of |= ev.word(t.word) == "of";
            end = after + 1;
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// Whether an ampersand between two capitalised words joins one name ("Douglas & Lomason",
/// "Standard & Poor's", "Schroder Wertheim & Co"), as firms are named: not between two
/// known places or names ("Trinidad & Tobago" is listed whole when it is one).
fn ampersand_joins(
    text: &str,
    ev: &Evidence,
    tokens: &[Token],
    i: usize,
    cap: &dyn Fn(&Token) -> bool,
) -> bool {
    let g = &*GAZETTEER;
    let (prev, t) = (&tokens[i - 1], &tokens[i]);
    let gap = text.get(prev.span.end..t.span.start).unwrap_or("");
    let known = |t: &Token| g.lookup(ev.word(t.word)).is_some();
    // "WBA & IBO titles": two acronyms are two bodies.
    gap.trim() == "&"
        && gap.len() <= 3
        && cap(prev)
        && cap(t)
        && !(prev.upper && t.upper)
        && !(known(prev) && known(t))
}

/// Whether the text sets a name (the caller passes single words) as a place: after "the
/// town of", "the village of", "the city of", "the port of" (and their plurals), or before a
/// comma and a known state that ends the phrase ("over Lockerbie, Scotland.", "off
/// Newfoundland, Canada,").
fn set_as_place(text: &str, span: &Range<usize>) -> bool {
    let mut prev = text[..span.start].split_whitespace().rev();
    let (p0, p1) = (prev.next().unwrap_or(""), prev.next().unwrap_or(""));
    let settlement = p0 == "of"
        && matches!(
            p1,
            "town" | "towns" | "village" | "villages" | "city" | "port" | "suburb" | "hamlet"
        );
    if settlement {
        return true;
    }
    let Some(rest) = text[span.end..].trim_start_matches(' ').strip_prefix(',') else {
        return false;
    };
    let rest = rest.trim_start_matches(' ');
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '.'))
        .unwrap_or(rest.len());
    let name = rest[..end].trim_end_matches([' ', '.']);
    // The state closes the phrase, and no list goes on after it ("the Europe Union,
    // Canada, Mexico and ...").
    let after = rest[end..].trim_start_matches([',', ' ']);
    let closes = (rest[end..]
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '\n' | ')' | ';'))
        || rest[..end].trim_end().ends_with('.'))
        && !(rest[end..].starts_with(',') && after.starts_with(char::is_uppercase));
    !name.is_empty()
        && name.starts_with(char::is_uppercase)
        && closes
        && matches!(GAZETTEER.lookup(name), Some(Entry::State(_)))
}

/// Whether a name is joined by an ampersand ("Douglas & Lomason"): a firm.
fn has_ampersand(text: &str, span: &Range<usize>) -> bool {
    text.get(span.clone()).is_some_and(|s| s.contains(" & "))
}

/// Whether a possessive ends a name ("Russia's foreign minister"): not when an ordinary
/// word's possessive opens an organisation's name ("People's Council", "Children's
/// Hospital": the next word is an organisation head word).
fn possessive_ends(ev: &Evidence, tokens: &[Token], i: usize) -> bool {
    // The capitalised word after the possessive.
    let next = tokens.get(i + 1).filter(|n| n.cap).map(|n| ev.word(n.word));
    tokens[i].possessive
        && !(ev.is_common(tokens[i].word) && next.is_some_and(|w| GAZETTEER.org_words.contains(w)))
        // "Sam's Club", "Denny's Restaurant": a shop or a club named after someone, when
        // the owner is no known place ("Moscow's Hotel" stays the city's).
        && !(next.is_some_and(|w| SHOP_HEADS.contains(&w))
            && GAZETTEER.lookup(ev.word(tokens[i].word)).is_none())
}

/// Head words of the names of shops, restaurants and clubs, which are often named with a
/// possessive ("Sam's Club", "Denny's Restaurant", "Hardester's Markets").
const SHOP_HEADS: &[&str] = &[
    "club",
    "restaurant",
    "restaurants",
    "bar",
    "pub",
    "diner",
    "cafe",
    "café",
    "store",
    "stores",
    "market",
    "markets",
    "grocery",
    "bakery",
    "kitchen",
    "inn",
    "motel",
    "hotel",
    "salon",
    "shop",
    "shops",
    "tavern",
    "grill",
    "deli",
    "pharmacy",
];

/// Whether the run so far is a person's name, a given name and more with no organisation
/// word: then "of" starts where they live or work ("Anthony LaSalle of Bloomington",
/// "Sanjay Gupta of Emory University"), not a longer name.
fn person_before_of(ev: &Evidence, tokens: &[Token], run: Range<usize>) -> bool {
    let g = &*GAZETTEER;
    // "Ka'Loni Marie Flynn of Fort Smith": a given name before the surname is enough, and
    // so are initials ("P.J. Carlesimo of Oklahoma City").
    let initials = |t: &Token| {
        t.upper
            && ev
                .word(t.word)
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                <= 2
    };
    // "Lynn Reaser of Barnett Banks": a given name of the census list opening a name of two
    // words that are no ordinary words counts too.
    let census_given = run.len() == 2
        && tagger::features::is_given_name(ev.word(tokens[run.start].word))
        && !tokens[run.clone()]
            .iter()
            .any(|t| tagger::features::is_common_word(ev.word(t.word)));
    run.len() >= 2
        && (initials(&tokens[run.start])
            || census_given
            || tokens[run.start..run.end - 1]
                .iter()
                .any(|t| g.first_names.contains(ev.word(t.word))))
        && !tokens[run]
            .iter()
            .any(|t| g.org_words.contains(ev.word(t.word)) || g.lookup(ev.word(t.word)).is_some())
}

/// Whether the run so far is one ordinary word opening the sentence, which "of" follows:
/// "Results of English rugby", "Representatives of First Bank", "Daughter of Henry VIII"
/// name what comes after "of". Organisation, place and title words ("Bank of England",
/// "Church of Scotland") and known names that go on past "of" keep the run.
fn opener_before_of(ev: &Evidence, tokens: &[Token], run: Range<usize>) -> bool {
    let g = &*GAZETTEER;
    let first = &tokens[run.start];
    let w = ev.word(first.word);
    run.len() == 1
        && first.initial
        && !first.upper
        && (ev.is_common(first.word) || tagger::features::is_common_word(w))
        && !head_or_known(g, w)
        && !known_past_of(g, ev, tokens, run.start)
}

/// "Karlsruhe of Germany", "Tono Eitel of Sweden": a name with no ordinary, head or title
/// word, then "of" and a known state or place that ends the name, is a club, firm or person
/// from that place, not one longer name ("Bank of England", "Gulf of Mexico", "Duke of
/// Orleans" keep their "of"). A town known only from the GeoNames lists ends a name of two
/// words or more ("Ka'loni Flynn of Fort Smith"), never one ("Duke of Norfolk").
fn name_of_place(ev: &Evidence, tokens: &[Token], run: Range<usize>) -> bool {
    let g = &*GAZETTEER;
    let of = run.end;
    let ordinary = tokens[run.clone()].iter().any(|t| {
        let w = ev.word(t.word);
        ev.is_common(t.word) || tagger::features::is_common_word(w) || head_or_known(g, w)
    });
    if ordinary || known_past_of(g, ev, tokens, run.start) {
        return false;
    }
    // The place after "of" ends the capitalised words.
    (1..=3).any(|l| {
        let after = of + 1..of + 1 + l;
        after.end <= tokens.len()
            && tokens[after.clone()].iter().all(|t| t.joined && t.cap)
            && tokens.get(after.end).is_none_or(|t| !(t.joined && t.cap))
            && {
                let name = words_of(ev, tokens, &after).join(" ");
                matches!(
                    g.lookup(&name),
                    Some(Entry::State(_) | Entry::Capital { .. } | Entry::Place(_))
                ) || (run.len() > 1
                    && (tagger::features::is_listed_place(&name)
                        || tagger::features::is_small_place(&name)))
            }
    })
}

/// Whether a word heads or names something by itself: an organisation, place, thing or
/// title word, a known name or a given name.
fn head_or_known(g: &Gazetteer, w: &str) -> bool {
    g.org_words.contains(w)
        || g.place_words.contains(w)
        || g.thing_words.contains(w)
        || g.role_words.contains(w)
        || g.lookup(w).is_some()
        || g.first_names.contains(w)
}

/// Whether a known name of several words starts at token `start` and reaches past the
/// next "of" ("Friends of the Earth", "Islamic State of Iraq").
fn known_past_of(g: &Gazetteer, ev: &Evidence, tokens: &[Token], start: usize) -> bool {
    (2..=g.longest.min(tokens.len() - start)).any(|l| {
        let words = words_of(ev, tokens, &(start..start + l));
        words[..l - 1].contains(&"of") && g.lookup(&words.join(" ")).is_some()
    })
}

/// Whether "and" at `before.end` joins two halves of one organisation name: "Fish and
/// Wildlife Service" (the words after it end in an organisation head word), "Academy of
/// Motion Picture Arts and Sciences" (one word after it, in a name with "of"). Never after
/// a known name ("Egypt and Suez Canal Authority" are two).
fn and_joins(
    ev: &Evidence,
    tokens: &[Token],
    before: Range<usize>,
    has_of: bool,
    cap: &dyn Fn(&Token) -> bool,
) -> bool {
    let g = &*GAZETTEER;
    let after = before.end + 1;
    let mut m = 0;
    while tokens.get(after + m).is_some_and(|t| t.joined && cap(t)) {
        m += 1;
    }
    if m == 0 || m > 3 || before.len() > 6 {
        return false;
    }
    // The word before "and" is no known name ("Egypt and ..."); a nationality or state
    // before it only qualifies ("U.S. Fish and Wildlife Service").
    let known = tokens[before.end - 1..before.end].iter().any(|t| {
        let w = ev.word(t.word);
        g.lookup(w).is_some() || g.first_names.contains(w)
    });
    let org_end = g.org_words.contains(ev.word(tokens[after + m - 1].word));
    let closes = tokens.get(after + m).is_none_or(|t| !t.cap);
    !known && closes && (org_end || (has_of && m == 1))
}

/// A piece of a run: token range and whether a role came right before it.
struct Piece {
    tokens: Range<usize>,
    role: Option<Range<usize>>,
}

/// Cut a run at roles; keep multi-word gazetteer names whole.
/// `title_case`: a headline, where every word is capitalised, so a place never takes the
/// word after it into its name.
fn split_run(
    g: &Gazetteer,
    ev: &Evidence,
    tokens: &[Token],
    run: Range<usize>,
    title_case: bool,
) -> Vec<Piece> {
    let words = words_of(ev, tokens, &run);
    let mut pieces = Vec::new();
    let mut cur_start = run.start;
    let mut role: Option<Range<usize>> = None;
    let mut k = run.start;
    let flush = |pieces: &mut Vec<Piece>, from: usize, to: usize, role: &Option<Range<usize>>| {
        let (mut a, mut b) = (from, to);
        while a < b && !tokens[a].cap {
            a += 1;
        }
        while b > a && !tokens[b - 1].cap {
            b -= 1;
        }
        if a < b {
            pieces.push(Piece {
                tokens: a..b,
                role: role.clone(),
            });
        }
    };
    while k < run.end {
        let rel = k - run.start;
        let gaz = (2..=g.longest.min(run.end - k))
            .filter(|_| words[rel] != "the")
            .rev()
            .find(|&l| g.lookup(&words[rel..rel + l].join(" ")).is_some());
        if let Some(l) = gaz {
            flush(&mut pieces, cur_start, k, &role);
            // "Kansas City Royals", "Hong Kong Open": a known place heading a team or an
            // event is part of its name.
            let l = if !title_case
                && k + l + 1 == run.end
                && matches!(
                    g.lookup(&words[rel..rel + l].join(" ")),
                    Some(Entry::State(_) | Entry::Capital { .. } | Entry::Place(_))
                )
                && heads_with_place(g, ev, &tokens[k + l])
            {
                l + 1
            } else {
                l
            };
            pieces.push(Piece {
                tokens: k..k + l,
                role: role.take(),
            });
            k += l;
            cur_start = k;
            continue;
        }
        // "Department of Justice": a title word after "of" inside a name is part of it (a
        // title before a name never follows "of").
        let after_of = rel > 0 && matches!(words[rel - 1], "of" | "for");
        let r = if after_of {
            0
        } else {
            g.role_at(&words[rel..])
        };
        // "Department of Criminal Justice": a title ending a name with "of" names no one
        // (a title comes before a name).
        // "Billy King", "Stephen Bishop": one title word ending the run after a given name
        // is a surname.
        let surname = r == 1 && rel > 0 && g.first_names.contains(words[rel - 1]);
        let r = if r > 0 && k + r == run.end && (words[..rel].contains(&"of") || surname) {
            0
        } else {
            r
        };
        // "Deputy Prosecuting Attorney", "Acting Police Chief": one ordinary word between two
        // titles qualifies the second one; it names no one.
        let glued = r > 0
            && tokens[k].cap
            && k == cur_start + 1
            && role.is_some()
            && (words[rel - 1].ends_with("ing") || ev.is_common(tokens[k - 1].word));
        if glued {
            let start = role.as_ref().map_or(tokens[k - 1].span.start, |x| x.start);
            role = Some(start..tokens[k + r - 1].span.end);
            k += r;
            cur_start = k;
            continue;
        }
        if r > 0 && tokens[k].cap {
            flush(&mut pieces, cur_start, k, &role);
            role = Some(tokens[k].span.start..tokens[k + r - 1].span.end);
            k += r;
            cur_start = k;
            continue;
        }
        k += 1;
    }
    flush(&mut pieces, cur_start, run.end, &role);
    // "US Syria": adjacent known single names are separate mentions.
    let mut out = Vec::new();
    for p in pieces {
        let all_known = p.tokens.len() > 1
            && g.lookup(&words_of(ev, tokens, &p.tokens).join(" "))
                .is_none()
            && tokens[p.tokens.clone()].iter().all(|t| {
                matches!(
                    g.lookup(ev.word(t.word)),
                    Some(
                        Entry::State(_)
                            | Entry::Capital { .. }
                            | Entry::Place(_)
                            | Entry::Adjective(_)
                    )
                )
            });
        let first_adjective =
            p.tokens.len() > 1 && !all_known && splits_off_adjective(g, ev, tokens, &p.tokens);
        if all_known {
            for i in p.tokens.clone() {
                out.push(Piece {
                    tokens: i..i + 1,
                    role: None,
                });
            }
        } else if first_adjective {
            // "Australian Tom Moody", "Moscow McDonald's": a nationality or place before a name is
            // not part of it.
            out.push(Piece {
                tokens: p.tokens.start..p.tokens.start + 1,
                role: None,
            });
            out.push(Piece {
                tokens: p.tokens.start + 1..p.tokens.end,
                role: p.role,
            });
        } else {
            out.push(p);
        }
    }
    out
}

/// The words of a token range.
fn words_of<'a>(ev: &'a Evidence, tokens: &[Token], r: &Range<usize>) -> Vec<&'a str> {
    tokens[r.clone()].iter().map(|t| ev.word(t.word)).collect()
}

/// Apply the sentence-start filter and type the piece.
fn finish(
    text: &str,
    g: &'static Gazetteer,
    tokens: &[Token],
    piece: Piece,
    ev: &Evidence,
) -> Vec<Detected> {
    let piece_start = piece.tokens.start;
    let Some(r) = strip_opener(text, g, tokens, &piece, ev) else {
        return Vec::new();
    };
    // "(West) Indian Phil Simmons" once the opener is gone: the nationality stands apart.
    if r.start > piece_start && r.len() > 1 && splits_off_adjective(g, ev, tokens, &r) {
        let parts = [r.start..r.start + 1, r.start + 1..r.end];
        return parts
            .into_iter()
            .filter_map(|p| typed(text, g, tokens, p, piece.role.clone(), ev))
            .collect();
    }
    typed(text, g, tokens, r, piece.role, ev)
        .into_iter()
        .collect()
}

/// Whether a run opens with a nationality that is not part of the name after it.
fn splits_off_adjective(g: &Gazetteer, ev: &Evidence, tokens: &[Token], r: &Range<usize>) -> bool {
    let first = ev.word(tokens[r.start].word);
    g.lookup(&words_of(ev, tokens, r).join(" ")).is_none()
        && matches!(
            g.lookup(first),
            Some(Entry::Adjective(_) | Entry::State(_) | Entry::Capital { .. } | Entry::Place(_))
        )
        && !g.first_names.contains(first)
        && !tokens[r.clone()]
            .iter()
            .any(|t| g.org_words.contains(ev.word(t.word)))
        && !(r.len() == 2 && heads_with_place(g, ev, &tokens[r.start + 1]))
}

/// Whether one capitalised word after a place or nationality makes one name with it: an
/// event or work head word ("Gulf War", "U.S. Open", "French Open", "Atlanta Games") or a
/// plural that no list knows and the text never writes in lower case, as teams and
/// companies are named ("Texas Rangers", "Kansas City Royals", "British Airways"). Plural
/// peoples ("Iraqi Kurds") are in the lists and stay apart.
fn heads_with_place(g: &Gazetteer, ev: &Evidence, t: &Token) -> bool {
    let w = ev.word(t.word);
    let plural = w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !t.possessive
        && !ev.is_common(t.word)
        && g.lookup(w).is_none()
        && !g.first_names.contains(w)
        && !g.role_words.contains(w)
        && !g.non_actors.contains(w)
        // "Golan Heights", "Niagara Falls", "Cayman Islands" are places.
        && !g.place_words.contains(w)
        && !matches!(w, "falls" | "hills" | "lakes" | "plains" | "keys" | "woods");
    t.cap && t.joined && (plural || g.thing_words.contains(w))
}

/// The piece without a sentence-opening word that is not part of the name; `None` when
/// nothing is left or the whole piece is ordinary vocabulary.
fn strip_opener(
    text: &str,
    g: &Gazetteer,
    tokens: &[Token],
    piece: &Piece,
    ev: &Evidence,
) -> Option<Range<usize>> {
    let mut r = piece.tokens.clone();
    // A capitalised article opening the sentence is not part of the name ("The U.S.").
    while r.len() > 1
        && matches!(
            text.get(tokens[r.start].span.clone()),
            Some("The" | "A" | "An")
        )
    {
        r.start += 1;
    }
    let known = |t: &Token| {
        let w = ev.word(t.word);
        g.lookup(w).is_some() || g.first_names.contains(w)
    };
    let first = &tokens[r.start];
    // "San Diego Chargers" opening a sentence: a known name at the start keeps its first word.
    let words = words_of(ev, tokens, &r);
    if first.initial
        && piece.role.is_none()
        && (2..=words.len()).all(|l| g.lookup(&words[..l].join(" ")).is_none())
    {
        let rest_known = r.len() > 1 && known(&tokens[r.start + 1]);
        // "A. Dale" is an initial, "A drug" an article.
        let is_initial_letter = ev.word(first.word).chars().count() == 1
            && text
                .get(first.span.clone())
                .is_some_and(|t| t.ends_with('.'));
        let particle = r.len() > 1 && PARTICLES.contains(&ev.word(first.word));
        if !particle
            && !known(first)
            && !is_initial_letter
            && (ev.is_common(first.word) || rest_known)
        {
            r.start += 1;
            while r.start < r.end && !tokens[r.start].cap {
                r.start += 1;
            }
        } else if !particle
            && r.len() == 1
            && !known(first)
            && !ev.capitalised(first.word, 1)
            && !first.upper
        {
            // An unknown opening word is ordinary vocabulary ("Expectations had ...", "However,")
            // unless it labels something: before a colon, bracket, dash or number ("Leicester :").
            let after = text[first.span.end..].trim_start();
            let label = after.starts_with([':', '(', '-'])
                || after.starts_with(|c: char| c.is_ascii_digit());
            if !label || ev.is_common(first.word) {
                return None;
            }
        }
    }
    (!r.is_empty()).then_some(r)
}

/// Type a mention range and build its record.
fn typed(
    text: &str,
    g: &'static Gazetteer,
    tokens: &[Token],
    mut r: Range<usize>,
    role: Option<Range<usize>>,
    ev: &Evidence,
) -> Option<Detected> {
    // "the Obama administration": a lower-case head word completing a gazetteer name.
    if let Some(next) = tokens.get(r.end).filter(|t| t.lower && t.joined) {
        let longer = format!(
            "{} {}",
            words_of(ev, tokens, &r).join(" "),
            ev.word(next.word)
        );
        if g.lookup(&longer).is_some() {
            r.end += 1;
        }
    }
    let words: Vec<String> = words_of(ev, tokens, &r)
        .into_iter()
        .map(str::to_string)
        .collect();
    if words.iter().all(|w| g.non_actors.contains(w)) || g.non_actors.contains(&words.join(" ")) {
        return None;
    }
    // "Group", "Department" alone name nothing.
    if words.len() == 1 && g.org_words.contains(&words[0]) && g.lookup(&words[0]).is_none() {
        return None;
    }
    let span = tokens[r.start].span.start..tokens[r.end - 1].span.end;
    let entry = g.lookup(&words.join(" "));
    // "(51 KO)", "24 KOs": an unknown capitals word right after a number is a unit or label.
    let shouted = |w: &str| {
        let w = w.strip_suffix('s').unwrap_or(w);
        w.len() > 1 && !w.chars().any(char::is_lowercase)
    };
    if words.len() == 1
        && entry.is_none()
        && text.get(span.clone()).is_some_and(shouted)
        && text[..span.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if words.len() == 1 && entry.is_none() && names_a_thing(text, &span, &words[0]) {
        return None;
    }
    if words.len() == 1 && entry.is_none() && ordinary_opener(text, g, &tokens[r.start], ev) {
        return None;
    }
    if entry.is_none() && column_letters(text, &span) {
        return None;
    }
    // "Fort Smith, Ark.", "Albany, NY": a US state written short after a town is a place,
    // the state itself when places.txt knows the abbreviation ("Ark" of Arkansas).
    if words.len() == 1 && state_abbreviation(text, &span, &words[0]) {
        return Some(Detected {
            span,
            kind: ActorKind::Place,
            entry: entry.filter(|e| matches!(e, Entry::Place(_))),
            guessed: false,
            role,
            words,
            common: false,
        });
    }
    let (mut kind, mut guessed) = classify(text, g, tokens, &r, &words, entry, role.is_some(), ev);
    // "Texas Rangers", "British Airways": a place or nationality with a plural that makes
    // one name with it is a team or a company, not a person.
    let n = words.len();
    if entry.is_none()
        && n > 1
        && !g.thing_words.contains(&words[n - 1])
        && heads_with_place(g, ev, &tokens[r.end - 1])
        && matches!(
            g.lookup(&words[..n - 1].join(" ")),
            Some(Entry::State(_) | Entry::Capital { .. } | Entry::Place(_) | Entry::Adjective(_))
        )
    {
        kind = ActorKind::Organisation;
        guessed = false;
    }
    Some(Detected {
        span,
        kind,
        entry,
        guessed,
        role,
        words,
        common: tokens[r].iter().all(|t| ev.is_common(t.word)),
    })
}

/// Whether a single capitalised word opening a sentence, a line or a list item is an
/// ordinary word, not a name: news text writes it in lower case (the tagger's list of
/// common words: "Attendance :", "Practice at", "Second test"), it is no known name or given
/// name, and the text never capitalises it elsewhere. A line opens with it when only
/// numbers, calendar words and punctuation come before it ("May 14 Practice at Lord's").
fn ordinary_opener(text: &str, g: &Gazetteer, t: &Token, ev: &Evidence) -> bool {
    let w = ev.word(t.word);
    if t.upper || !tagger::features::is_common_word(w) || g.first_names.contains(w) {
        return false;
    }
    // Seen capitalised away from sentence starts: this mention counts itself when it is
    // not at a sentence start.
    if ev.capitalised(t.word, if t.initial { 1 } else { 2 }) {
        return false;
    }
    if t.initial {
        return true;
    }
    let line_start = text[..t.span.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..t.span.start]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()) || g.non_actors.contains(&p.to_lowercase()))
}

/// Whether a name is letters of a table, not a name: a lone capital letter without a period
/// ("N / A", "P"), or a whole line of capitals words of one to three letters (the column
/// heads "W D L G", "W L PCT GB").
fn column_letters(text: &str, span: &Range<usize>) -> bool {
    let surface = text.get(span.clone()).unwrap_or("");
    if surface.chars().count() == 1 {
        return true;
    }
    let (line_before, line_after) = line_around(text, span);
    line_before.trim().is_empty()
        && line_after.trim().is_empty()
        && surface.split(' ').count() > 1
        && surface
            .split(' ')
            .all(|w| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Whether a single unknown capitalised word names a thing or nothing, from its shape and
/// its neighbours: a model number ("AK-47", "IE6", "MS08-078"), a letter code before a
/// number ("AK 47 rifles"), a word right after a number that is not a year (".357
/// Magnum"), a place head word alone ("on 117th Street"), or a social-media handle or tag
/// ("@TheAcademy", "#Oscars").
fn names_a_thing(text: &str, span: &Range<usize>, word: &str) -> bool {
    let surface = text.get(span.clone()).unwrap_or("");
    let model_number = surface.starts_with(|c: char| c.is_alphabetic())
        && surface.contains(|c: char| c.is_ascii_digit());
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let handle = before.ends_with(['@', '#']);
    let year = |n: &str| n.len() == 4 && matches!(n.get(..2), Some("18" | "19" | "20"));
    let count = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && !year(n);
    // In prose ("a .357 Magnum", "six AK 47 rifles"), not in a results line ("Celta 1").
    let prose = |b: &str| {
        b.trim_end().rsplit([' ', '\n']).next().is_some_and(|w| {
            let code = w.len() <= 3 && !w.contains(|c: char| !c.is_ascii_uppercase());
            // "14 AK 47 Rifles, 31 Magazines": a list item after a comma.
            w.starts_with(char::is_lowercase) || code || w.ends_with(',')
        })
    };
    let after_number = before.strip_suffix(' ').is_some_and(|b| {
        let (rest, n) = b.rsplit_once([' ', '\n']).unwrap_or(("", b));
        count(n.trim_start_matches(['.', '('])) && prose(rest)
    });
    let code_before_number = surface.len() <= 3
        && !surface.chars().any(char::is_lowercase)
        && prose(before)
        && after
            .strip_prefix(' ')
            .and_then(|a| a.split([' ', ',', '.']).next())
            .is_some_and(count);
    let place_head = matches!(
        word,
        "street"
            | "avenue"
            | "road"
            | "boulevard"
            | "lake"
            | "river"
            | "sea"
            | "ocean"
            | "county"
            | "district"
            | "province"
            | "region"
            | "state"
            | "highway"
            | "route"
            | "block"
    );
    model_number || handle || after_number || code_before_number || place_head
}

/// Whether a single word is a US state's abbreviation (AP style or postal code) written
/// after a town and a comma: "Fort Smith, Ark.", "Spiro, Okla.", "Albany, NY".
fn state_abbreviation(text: &str, span: &Range<usize>, word: &str) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let town = before.strip_suffix(", ").is_some_and(|b| {
        b.rsplit([' ', '\n'])
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    });
    // The abbreviation ends the place: a period, a mark, the end of the text or a
    // lower-case word follows.
    let dotted = text.get(span.clone()).is_some_and(|w| w.ends_with('.')) || after.starts_with('.');
    let ends = dotted
        || after
            .trim_start_matches(' ')
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || c.is_lowercase());
    town && ends && STATE_ABBREVIATIONS.binary_search(&word).is_ok()
}

/// US state abbreviations, AP style and postal codes, normalised (lower case, no periods);
/// sorted for binary search.
const STATE_ABBREVIATIONS: &[&str] = &[
    "ak", "al", "ala", "ar", "ariz", "ark", "az", "ca", "calif", "co", "colo", "conn", "ct", "dc",
    "de", "del", "fl", "fla", "ga", "hi", "ia", "id", "il", "ill", "in", "ind", "kan", "ks", "ky",
    "la", "ma", "mass", "md", "me", "mi", "mich", "minn", "miss", "mn", "mo", "mont", "ms", "mt",
    "nc", "nd", "ne", "neb", "nev", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "okla", "or", "ore",
    "pa", "ri", "sc", "sd", "tenn", "tex", "tn", "tx", "ut", "va", "vt", "wa", "wash", "wi", "wis",
    "wv", "wva", "wy", "wyo",
];

/// Sentences tokenised together, with one vocabulary.
const CHUNK: usize = 512;

/// Mentions of every sentence of the corpus, with corpus-wide capitalisation evidence.
pub(crate) fn detect_corpus(corpus: &Corpus) -> Vec<Found> {
    // Sentences are tokenised and searched independently (in parallel, results in corpus
    // order); only the capitalisation evidence is gathered over the whole corpus in between.
    // Each chunk of sentences interns its words into its own vocabulary; the chunk
    // vocabularies are then merged in corpus order and the tokens renumbered, so a token is
    // a few plain fields and each distinct word is stored once.
    let chunks: Vec<(Vocab, Vec<Vec<Token>>)> = corpus
        .sentences
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut vocab = Vocab::default();
            let toks = chunk
                .iter()
                .map(|s| tokenize(&corpus.docs[s.doc].raw, s.span.clone(), &mut vocab))
                .collect();
            (vocab, toks)
        })
        .collect();
    let mut vocab = Vocab::default();
    let maps: Vec<Vec<u32>> = chunks.iter().map(|(v, _)| vocab.absorb(v)).collect();
    let toks: Vec<Vec<Token>> = chunks
        .into_par_iter()
        .zip(maps)
        .flat_map_iter(|((_, toks), map)| {
            toks.into_iter().map(move |mut t| {
                for tok in &mut t {
                    tok.word = map[tok.word as usize];
                }
                t
            })
        })
        .collect();
    let mut ev = Evidence::new(vocab);
    for t in toks.iter().filter(|t| !is_shouting(t)) {
        ev.add(t);
    }
    let mut found: Vec<Found> = corpus
        .sentences
        .par_iter()
        .zip(&toks)
        .enumerate()
        .flat_map_iter(|(i, (s, t))| {
            let marked = matches!(s.kind, BlockKind::Headline | BlockKind::Subhead);
            // A body line in title case reads like a headline: it only confirms actors.
            let title = !marked && title_case_line(&ev, t);
            detect(&corpus.docs[s.doc].raw, t, &ev, marked || title)
                .into_iter()
                .map(move |det| Found {
                    sentence: i,
                    det,
                    title,
                })
        })
        .collect();
    let mut list: Vec<(usize, &str, &mut Detected)> = found
        .iter_mut()
        .map(|f| {
            let doc = corpus.sentences[f.sentence].doc;
            (doc, corpus.docs[doc].raw.as_str(), &mut f.det)
        })
        .collect();
    datelined_places(&mut list);
    super::places::places_in_context(&mut list);
    places_as_teams(&mut list);
    press_names(&mut list);
    found
}

/// "Leicestershire beat Somerset", "winners over Orrell", "Milwaukee tied it": a place that
/// wins, loses or draws is a team, and so is every other mention of that name in the same
/// document, except after "in", "at", "near" or "from" and in a dateline ("NICE, France").
/// Countries (and the home nations of the United Kingdom) stay places: national teams are
/// named by their country.
pub(crate) fn places_as_teams(list: &mut [(usize, &str, &mut Detected)]) {
    let g = &*GAZETTEER;
    // Nations that are no states field national teams too.
    let is_place = |d: &Detected| {
        d.kind == ActorKind::Place
            && !matches!(d.entry, Some(Entry::State(_)))
            && !matches!(
                d.words.join(" ").as_str(),
                "england" | "scotland" | "wales" | "northern ireland" | "republic of ireland"
            )
    };
    // "Clyde 0 Queen of South 2": both names of a result line are teams, whatever the
    // rules made of them.
    // "St Johnstone 2 1 1 0 3 0 4": a name opening a standings line (five numbers or more
    // and nothing else) is a team too, unless a given name or a role makes it a person.
    let personal = |d: &Detected| {
        d.role.is_some()
            || d.words
                .first()
                .is_some_and(|w| g.first_names.contains(w) || tagger::features::is_given_name(w))
    };
    // "Kent 108-3" in a result line, "Kent made up for lost time": the team's other
    // mentions read as people are the team too (a listed name spreads nothing).
    spread_kind(
        list,
        ActorKind::Organisation,
        |raw, d| {
            (d.kind != ActorKind::Organisation
                && !matches!(d.entry, Some(Entry::State(_)))
                && (is_place(d) || d.entry.is_none())
                && (result_line(raw, &d.span) || (!personal(d) && standings_line(raw, &d.span))))
            .then_some(d.entry.is_none())
        },
        |d| d.kind == ActorKind::Person && !personal(d),
    );
    club_names(list);
    let mut teams: Vec<(usize, String)> = list
        .iter()
        .filter(|(_, raw, d)| {
            (is_place(d) || (d.kind == ActorKind::Organisation && place_name(g, &d.words)))
                && (team_context(raw, &d.span) || result_line(raw, &d.span))
        })
        .map(|(doc, _, d)| (*doc, d.words.join(" ")))
        .collect();
    if teams.is_empty() {
        return;
    }
    teams.sort();
    teams.dedup();
    for (doc, raw, d) in list.iter_mut() {
        if !is_place(d) || teams.binary_search(&(*doc, d.words.join(" "))).is_err() {
            continue;
        }
        let before = raw[..d.span.start]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        if matches!(before.as_str(), "in" | "at" | "near" | "from") || dateline(raw, &d.span) {
            continue;
        }
        d.kind = ActorKind::Organisation;
        d.guessed = false;
    }
}

/// "Interfax news agency said", "the daily Sueddeutsche Zeitung", "Tanjug quoted ...",
/// "published by Prensa Latina": a name the text presents as a news agency, newspaper or
/// broadcaster is an organisation (the press), and so are its other mentions in the same
/// document that are read as people or guessed ("Interfax said ..."). Known places
/// ("Tehran radio"), nationalities and names with a role or given name keep their kind.
pub(crate) fn press_names(list: &mut [(usize, &str, &mut Detected)]) {
    let g = &*GAZETTEER;
    let eligible = |d: &Detected| {
        d.role.is_none()
            && !d.words.is_empty()
            && !g.first_names.contains(&d.words[0])
            && match d.entry {
                None => !(d.kind == ActorKind::Place && place_name(g, &d.words)),
                Some(e) => e.kind() == ActorKind::Organisation,
            }
    };
    spread_kind(
        list,
        ActorKind::Organisation,
        |raw, d| (eligible(d) && press_context(raw, &d.span)).then_some(true),
        |d| (d.kind == ActorKind::Person || d.guessed) && eligible(d),
    );
}

/// A kind a context shows for a name, spread through its document: every mention `seed`
/// picks gets `kind` (and its name is recorded when `seed` says `Some(true)`), then every
/// other mention of a recorded name in the same document that `spread` accepts gets it too.
fn spread_kind(
    list: &mut [(usize, &str, &mut Detected)],
    kind: ActorKind,
    seed: impl Fn(&str, &Detected) -> Option<bool>,
    spread: impl Fn(&Detected) -> bool,
) {
    let mut names: Vec<(usize, String)> = Vec::new();
    for (doc, raw, d) in list.iter_mut() {
        if let Some(record) = seed(raw, d) {
            d.kind = kind;
            d.guessed = false;
            if record {
                names.push((*doc, d.words.join(" ")));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    names.sort();
    names.dedup();
    for (doc, _, d) in list.iter_mut() {
        if spread(d) && names.binary_search(&(*doc, d.words.join(" "))).is_ok() {
            d.kind = kind;
            d.guessed = false;
        }
    }
}

/// Whether a name stands where the press does: before "news agency", "agency",
/// "newspaper", "daily" or "weekly" (not "quoted": a spokesman quotes his president too);
/// after "the daily", "the newspaper",
/// "news agency", "quoted by", "published by" or "reported by".
fn press_context(raw: &str, span: &Range<usize>) -> bool {
    let next: Vec<String> = raw[span.end..]
        .split_whitespace()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let prev: Vec<String> = raw[..span.start]
        .split_whitespace()
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let n = |i: usize| next.get(i).map_or("", String::as_str);
    let p = |i: usize| prev.get(i).map_or("", String::as_str);
    let outlet = |w: &str| {
        matches!(
            w,
            "agency" | "newspaper" | "newspapers" | "daily" | "weekly" | "paper"
        )
    };
    (n(0) == "news" && n(1) == "agency")
        || matches!(n(0), "newspaper" | "newspapers" | "daily" | "weekly")
        || (n(0) == "agency" && !matches!(n(1), "of" | "for"))
        || (outlet(p(0)) && matches!(p(1), "the" | "news" | "a"))
        || (p(0) == "by" && matches!(p(1), "quoted" | "published" | "reported"))
}

/// Club shapes in a sports report: a name read as a person, with no role or given name,
/// that opens with a club word ("FC", "Real", "Dynamo", "Sporting") or is two words, the
/// second a known place that is no surname ("Rotor Volgograd", "Deportivo Coruna", "Standard Liege") is a
/// team. A report is about sport when it uses at least two words of the game ("league",
/// "coach", "match", "season", "soccer", ...).
fn club_names(list: &mut [(usize, &str, &mut Detected)]) {
    let g = &*GAZETTEER;
    let candidate = |d: &Detected| {
        d.kind == ActorKind::Person
            && d.role.is_none()
            && d.entry.is_none()
            && d.words.len() >= 2
            && !d.words.iter().any(|w| w == "of")
            && !g.first_names.contains(&d.words[0])
            && !tagger::features::is_given_name(&d.words[0])
            && (CLUB_WORDS.contains(&d.words[0].as_str())
                || (d.words.len() == 2
                    && place_name(g, &d.words[1..])
                    && !tagger::features::is_surname(&d.words[1])))
    };
    let mut sports: Vec<(usize, bool)> = Vec::new();
    for (doc, raw, d) in list.iter_mut() {
        if !candidate(d) {
            continue;
        }
        let is_sport = match sports.iter().find(|(k, _)| k == doc) {
            Some(&(_, v)) => v,
            None => {
                let v = sports_report(raw);
                sports.push((*doc, v));
                v
            }
        };
        if is_sport {
            d.kind = ActorKind::Organisation;
            d.guessed = false;
        }
    }
}

/// First words of club names ("FC Porto", "Real Madrid", "Dynamo Kiev", "Inter Milan").
const CLUB_WORDS: &[&str] = &[
    "fc",
    "ac",
    "sc",
    "sk",
    "ofk",
    "fk",
    "cf",
    "cd",
    "ud",
    "sv",
    "vfb",
    "vfl",
    "tsv",
    "real",
    "dynamo",
    "dinamo",
    "sporting",
    "inter",
    "internazionale",
    "atletico",
    "deportivo",
    "olympique",
    "racing",
    "rapid",
    "lokomotiv",
    "spartak",
    "torpedo",
    "steaua",
    "ajax",
];

/// Whether a text reports sport: at least two different words of the game.
fn sports_report(raw: &str) -> bool {
    const GAME: &[&str] = &[
        "soccer",
        "football",
        "basketball",
        "baseball",
        "hockey",
        "rugby",
        "cricket",
        "league",
        "coach",
        "striker",
        "midfielder",
        "goalkeeper",
        "defender",
        "match",
        "season",
        "championship",
        "tournament",
        "club",
        "goals",
        "scored",
        "halftime",
        "stadium",
    ];
    let mut seen = 0u32;
    for w in raw
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4)
    {
        let lower = w.to_lowercase();
        if let Some(i) = GAME.iter().position(|g| *g == lower) {
            seen |= 1 << i;
            if seen.count_ones() >= 2 {
                return true;
            }
        }
    }
    false
}

/// Whether a name opens a standings line: only numbers follow it, five or more
/// ("St Johnstone 2 1 1 0 3 0 4", "Crystal Palace 4 1 2 1 4 3 5"); a rank may come before.
fn standings_line(raw: &str, span: &Range<usize>) -> bool {
    let (line_before, line_after) = line_around(raw, span);
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let before = line_before.trim();
    let rank = before.is_empty() || number(before.trim_end_matches('.'));
    let after: Vec<&str> = line_after.split_whitespace().collect();
    rank && after.len() >= 5 && after.iter().all(|w| number(w))
}

/// Whether a name is a known place (a capital, a listed place, a GeoNames place).
fn place_name(g: &Gazetteer, words: &[String]) -> bool {
    let name = words.join(" ");
    matches!(
        g.lookup(&name),
        Some(Entry::Capital { .. } | Entry::Place(_))
    ) || tagger::features::is_listed_place(&name)
}

/// Whether a name stands where a sports team does: before "beat", "defeated", "drew",
/// "lost to" or a score after "won" or "lost"; after "beat", "defeated", "victory over",
/// "winners over", "lost to", "defeat to" or "drew with".
fn team_context(raw: &str, span: &Range<usize>) -> bool {
    let prev: Vec<String> = raw[..span.start]
        .split_whitespace()
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let next: Vec<String> = raw[span.end..]
        .split_whitespace()
        .skip_while(|w| matches!(*w, "'s" | "’s"))
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let p = |i: usize| prev.get(i).map_or("", String::as_str);
    let n = |i: usize| next.get(i).map_or("", String::as_str);
    let score = |w: &str| {
        let mut parts = w.split('-');
        parts
            .next()
            .is_some_and(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()))
            && parts
                .next()
                .is_some_and(|b| !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()))
    };
    // "Birmingham v Barnsley": either side of a fixture.
    let fixture = matches!(p(0), "v" | "vs" | "vs.") || matches!(n(0), "v" | "vs" | "vs.");
    let after_verb = fixture
        || matches!(
            p(0),
            "beat"
                | "beats"
                | "defeated"
                | "defeats"
                | "thrashed"
                | "edged"
                | "routed"
                | "outscored"
        )
        || (p(0) == "over"
            && matches!(
                p(1),
                "victory" | "victories" | "win" | "wins" | "winners" | "winner" | "triumph"
            ))
        || (p(0) == "to" && matches!(p(1), "lost" | "lose" | "loses" | "defeat" | "loss"))
        || (p(0) == "with" && matches!(p(1), "drew" | "draw" | "draws" | "tied"));
    let before_verb = matches!(
        n(0),
        "beat"
            | "beats"
            | "defeated"
            | "defeats"
            | "thrashed"
            | "edged"
            | "routed"
            | "outscored"
            | "drew"
    ) || (matches!(n(0), "lost" | "won" | "lose" | "win")
        && (n(1) == "to" || score(n(1))));
    after_verb || before_verb
}

/// Whether a name is one side of a result line, two names each followed by a score of one
/// or two digits and nothing else ("Clyde 0 Queen of South 2", "Hull 0 Barnet 0").
fn result_line(raw: &str, span: &Range<usize>) -> bool {
    let score = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    // Either form needs a score right next to the name: look at the two neighbouring words
    // before reading the whole line (most names are in long lines of prose).
    let next = raw[span.end..].split_whitespace().next().unwrap_or("");
    let previous = raw[..span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    if !score(next) && !score(previous) {
        return false;
    }
    let (line_before, line_after) = line_around(raw, span);
    let before: Vec<&str> = line_before.split_whitespace().collect();
    let after: Vec<&str> = line_after.split_whitespace().collect();
    // A name: capitalised words, with "of" or "de" inside.
    let name = |ws: &[&str]| {
        ws.first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && ws.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "of" | "de" | "the" | "&")
            })
    };
    match (before.as_slice(), after.as_slice()) {
        ([], [s, rest @ .., t]) => score(s) && score(t) && name(rest),
        ([rest @ .., s], [t]) => score(s) && score(t) && name(rest),
        _ => false,
    }
}

/// Whether a name in capitals opens a line and is followed by a comma and a capitalised
/// word, a bracket or a date: a dateline ("NICE, France 1996-08-30", "LONDON (Reuters)",
/// "LAGOS 1996-08-30"), not a table row ("DETROIT 4 Kansas City 1").
fn dateline(raw: &str, span: &Range<usize>) -> bool {
    let line_start = raw[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let name = &raw[span.clone()];
    let after = raw[span.end..].trim_start();
    let date = |w: &str| {
        let parts: Vec<&str> = w.split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    raw[line_start..span.start].trim().is_empty()
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(char::is_lowercase)
        && (after
            .strip_prefix(',')
            .is_some_and(|r| r.trim_start().starts_with(char::is_uppercase))
            || after.starts_with('(')
            || after.split_whitespace().next().is_some_and(date))
}

/// A name of unknown kind in a dateline is a place, and so are its other mentions in the
/// same document that no list knows ("TAVILDARA, Tajikistan" ... "took Tavildara").
pub(crate) fn datelined_places(list: &mut [(usize, &str, &mut Detected)]) {
    spread_kind(
        list,
        ActorKind::Place,
        |raw, d| {
            (d.kind != ActorKind::Place && d.entry.is_none() && dateline(raw, &d.span))
                .then_some(true)
        },
        |d| d.kind != ActorKind::Place && d.entry.is_none(),
    );
}

/// Whether a body line is set in title case, as a headline or subhead the reader did not
/// mark as one ("Hiller Feuded with Co-Workers Prior to Shooting"): at least four words of
/// four letters or more, every one capitalised, three of them words the corpus also writes
/// in lower case. A list of names has no such ordinary words.
fn title_case_line(ev: &Evidence, tokens: &[Token]) -> bool {
    let mut long = 0;
    let mut common = 0;
    for t in tokens
        .iter()
        .filter(|t| t.span.len() >= 4 && (t.cap || t.lower || t.upper))
    {
        if t.lower {
            return false;
        }
        if t.upper {
            continue;
        }
        long += 1;
        common += usize::from(ev.is_common(t.word));
    }
    long >= 4 && common >= 3
}

/// Whether a text ends in a capital initial and a period ("... P.").
pub(crate) fn ends_with_initial(s: &str) -> bool {
    let mut rev = s.chars().rev();
    matches!((rev.next(), rev.next(), rev.next()), (Some('.'), Some(c), before)
        if c.is_uppercase() && before.is_none_or(|b| !b.is_alphanumeric()))
}
