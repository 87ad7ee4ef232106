//! Person or not: a multi-word name typed as a person by default is retyped when it looks
//! like something else and nothing says it is a person; and a title in quotation marks
//! ("American Pie") is no actor.
//!
//! Detection types an unknown multi-word name as a person by default, so teams ("Carolina
//! Panthers"), bodies ("Defenders of Wildlife") and places ("City of Palmer", "Hawaiian
//! Gardens") came out as people. A person cluster most of whose mentions follow "the" ("the
//! Hunger Games", "the Trail Blazers") is an organisation: people are not "the Anna Berg".
//! Otherwise, after resolution, a person cluster with no mention that
//! has a role before it ("Secretary John Kerry"), an honorific ("Mr.", "Dr.") or a known
//! given name first is retyped when its longest name has a sign of another kind: "of" or
//! "for" inside it, an organisation or place head word, or a place or demonym as its
//! first word. It becomes a place when a place word is in it, else an organisation.
//! Before that sign is asked: a plural name read after "the" a third of the time is a team
//! or body ("the Carolina Panthers"); a name read after "in" or "at" half the time is a place
//! ("in Key Biscayne"); and a cluster three quarters of whose mentions were detected as an
//! organisation or a place takes that kind ("Apple" twenty times beside "Apple IDs" once).
//!
//! Things are no actors: works and awards by the nouns around them, products by model
//! numbers, product nouns, a size ("the 17-inch MacBook Pro") or an owner or count before
//! them ("your MacBook", "a Toyota Camry", "the new iPhone"), and units after a number ("2.3
//! GHz").

use super::ActorKind;
use super::gazetteer::{GAZETTEER, norm};
use super::resolve::{Cluster, Found};
use super::tagger::features::{is_given_name, is_listed_place};
use crate::extract::speech::speech_after;
use crate::text::Corpus;
use crate::text::tokens::is_stop_word;

const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame", "miss", "prof"];

/// Whether mention `i` shows it names a person.
pub(crate) fn person_evidence(corpus: &Corpus, found: &[Found], i: usize) -> bool {
    let d = &found[i].det;
    d.words
        .first()
        .is_some_and(|w| GAZETTEER.first_names.contains(w))
        || titled(corpus, found, i)
}

/// Whether a mention comes with a role or an honorific ("President Obama", "Mr. Kim").
pub(crate) fn titled(corpus: &Corpus, found: &[Found], i: usize) -> bool {
    let d = &found[i].det;
    if d.role.is_some() {
        return true;
    }
    let doc = found[i].doc(corpus);
    let before = doc.raw.get(..d.span.start).unwrap_or("").trim_end();
    let word = before.rsplit([' ', '\n']).next().unwrap_or("");
    HONORIFICS.contains(&norm(word).as_str())
}

/// Retype person clusters that show no evidence of being people (see the module docs).
pub(crate) fn retype(corpus: &Corpus, found: &[Found], clusters: &mut [Cluster]) {
    let g = &*GAZETTEER;
    for c in clusters.iter_mut() {
        if c.kind != ActorKind::Person || c.canonical.is_some() {
            continue;
        }
        // People are not "the Anna Berg": a name mostly read after "the" is a team, a body,
        // a work or a place ("the Hunger Games", "the Trail Blazers", "the Academy Awards").
        let after_the = c
            .members
            .iter()
            .filter(|&&i| {
                let doc = found[i].doc(corpus);
                let before = doc.raw.get(..found[i].det.span.start).unwrap_or("");
                before.ends_with("the ") || before.ends_with("The ")
            })
            .count();
        // A plural name read after "the" a third of the time is a team or a body ("the
        // Carolina Panthers", "the Bradley Braves"): people are not "the Roger Waters".
        let plural = longest_name(found, &c.members)
            .and_then(|w| w.last())
            .is_some_and(|w| is_plural(w));
        if after_the * 2 > c.members.len() || plural && after_the * 3 >= c.members.len() {
            c.kind = ActorKind::Organisation;
            continue;
        }
        if team_name(found, &c.members)
            && after_the > 0
            && !c.members.iter().any(|&i| titled(corpus, found, i))
        {
            c.kind = ActorKind::Organisation;
            continue;
        }
        if c.members.iter().any(|&i| person_evidence(corpus, found, i)) {
            continue;
        }
        // "in Key Biscayne", "at Place Vendome": a name read after "in" or "at" half the
        // time, never as an owner ("in Berg's view"), is a place.
        let placed = c
            .members
            .iter()
            .filter(|&&i| {
                let doc = found[i].doc(corpus);
                let d = &found[i].det;
                let after = doc.raw.get(d.span.end..).unwrap_or("");
                located(&doc.raw, d.span.start) && !after.starts_with(['\'', '\u{2019}'])
            })
            .count();
        if placed * 2 >= c.members.len() {
            c.kind = ActorKind::Place;
            continue;
        }
        // "Apple" typed an organisation 20 times joins the "person" "Unlike Apple" or
        // "Apple IDs" (a default for unknown two-word names): most mentions name the kind.
        if let Some(kind) = majority_kind(found, &c.members) {
            c.kind = kind;
            continue;
        }
        // "Creston RCMP", "MWEB Operations", "T-Mobile USA": an acronym beside a word in
        // mixed case makes a body's name, not a person's (a line in capitals has no mixed
        // word, so its people keep their kind).
        if c.members.iter().any(|&i| {
            let doc = found[i].doc(corpus);
            doc.raw
                .get(found[i].det.span.clone())
                .is_some_and(acronym_beside_mixed_case)
        }) {
            c.kind = ActorKind::Organisation;
            continue;
        }
        let Some(words) = longest_name(found, &c.members).filter(|w| w.len() > 1) else {
            continue;
        };
        let place = words
            .iter()
            .any(|w| g.place_words.contains(w) || matches!(w.as_str(), "city" | "mt" | "mount"));
        let org = words
            .iter()
            .skip(1)
            .any(|w| g.org_words.contains(w) || matches!(w.as_str(), "of" | "for"));
        let placed_first = g.lookup(&words[0]).is_some();
        if !(place || org || placed_first) {
            continue;
        }
        c.kind = if place {
            ActorKind::Place
        } else {
            ActorKind::Organisation
        };
    }
}

/// Whether a cluster's longest name is a place and a plural ("Carolina Panthers", "Charlotte
/// Bobcats"; not "Zorvek Lions"): read once after "the" and never with a title, a team, even
/// when the place reads as a given name (people are not "the Charlotte Rogers").
fn team_name(found: &[Found], members: &[usize]) -> bool {
    let Some((last, head)) = longest_name(found, members)
        .filter(|w| w.len() >= 2)
        .and_then(|w| w.split_last())
    else {
        return false;
    };
    let place = head.join(" ");
    is_plural(last) && (GAZETTEER.lookup(&place).is_some() || is_listed_place(&place))
}

/// The words of a cluster's longest name (the last of the longest on a tie).
fn longest_name<'a>(found: &'a [Found], members: &[usize]) -> Option<&'a Vec<String>> {
    members
        .iter()
        .map(|&i| &found[i].det.words)
        .max_by_key(|w| w.len())
}

/// Whether a name's word reads as a plural ("panthers", not "ross" or "bus").
fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss")
}

/// Whether the word before `at` puts what follows in a place ("in", "at", "near"; not
/// "from" or "to", which people follow as often).
fn located(raw: &str, at: usize) -> bool {
    matches!(
        word_before(raw, at).as_str(),
        "in" | "at" | "near" | "outside" | "inside" | "across" | "around"
    )
}

/// The word right before `at`, lower-cased, when one space separates them (else "").
fn word_before(raw: &str, at: usize) -> String {
    let before = raw.get(..at).unwrap_or("");
    let Some(rest) = before.strip_suffix(' ') else {
        return String::new();
    };
    rest.rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The kind most mentions of a cluster were detected as, when it is not a person and three
/// in four mentions agree on it.
///
/// A name read as a person's, with a given name first or the other mentions as its last
/// word ("Maurice Cheeks" and "Cheeks", "Piara Singh" and "Singh"), keeps its kind.
fn majority_kind(found: &[Found], members: &[usize]) -> Option<ActorKind> {
    let people = members
        .iter()
        .map(|&i| &found[i].det)
        .filter(|d| d.kind == ActorKind::Person && d.words.len() > 1);
    for d in people {
        let surname = d.words.last().map(String::as_str);
        let as_surname = members.iter().any(|&j| {
            let w = &found[j].det.words;
            w.len() == 1 && w.first().map(String::as_str) == surname
        });
        if as_surname || is_given_name(&d.words[0]) {
            return None;
        }
    }
    [ActorKind::Organisation, ActorKind::Place]
        .into_iter()
        .find(|&k| {
            members.iter().filter(|&&i| found[i].det.kind == k).count() * 4 >= members.len() * 3
        })
}

/// Whether a name holds an acronym (two or more capitals, three when it opens the name; no
/// full stop, no Roman numeral or "Jr") and a word in mixed case: "Creston RCMP", not "A.J.
/// Smith", "PJ Carlesimo", "Henry VIII" or "KIM JONG UN".
fn acronym_beside_mixed_case(name: &str) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    // Two capitals opening a name are initials or a title ("PJ Carlesimo", "GM Ed Stefanski").
    let acronym = words.iter().enumerate().any(|(n, w)| {
        w.chars().count() >= if n == 0 { 3 } else { 2 }
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !w
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
            && !matches!(*w, "JR" | "SR")
    });
    let mixed = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    acronym && mixed
}

/// Common nouns that introduce the name of a thing: "the magazine Wink", "a clothing line
/// called Mantra", "the film Twilight", "publications like Wink".
const THING_NOUNS: &[&str] = &[
    "magazine",
    "magazines",
    "publication",
    "publications",
    "film",
    "films",
    "movie",
    "movies",
    "album",
    "albums",
    "song",
    "songs",
    "book",
    "books",
    "novel",
    "novels",
    "memoir",
    "series",
    "sitcom",
    "musical",
    "line",
    "brand",
    "fragrance",
    "ship",
    "ships",
    "vessel",
    "vessels",
    "tanker",
    "frigate",
    "destroyer",
    "warship",
    "yacht",
    "franchise",
    "sequel",
    "blockbuster",
    "adaptation",
    "trilogy",
    "show",
    "dhow",
    "boat",
    "skiff",
    "trawler",
    "freighter",
    "ferry",
    "submarine",
    "rifle",
    "rifles",
    "gun",
    "handgun",
    "pistol",
    "revolver",
];

/// Words between a thing noun and its name ("magazines including Wink", "a line called
/// Mantra").
const THING_LINKS: &[&str] = &[
    "called",
    "named",
    "titled",
    "entitled",
    "dubbed",
    "like",
    "including",
    "the",
    "new",
    "of",
];

/// Common nouns that a work's or an event's name modifies or that stand in apposition to it
/// ("the X-Men movies", "New Moon, the sequel to ...", "the Watergate scandal").
const THING_AFTER: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "franchise",
    "series",
    "sequel",
    "sequels",
    "trilogy",
    "saga",
    "novel",
    "novels",
    "book",
    "books",
    "album",
    "song",
    "musical",
    "sitcom",
    "premiere",
    "adaptation",
    "screenplay",
    "script",
    "trailer",
    "soundtrack",
    "scandal",
    "scandals",
    "affair",
    "break-in",
    "burglary",
    "cover-up",
    "tapes",
    "era",
];

/// Whether a mention is followed by a noun it names as a work ("X-Men movies"), or by an
/// apposition that does ("New Moon, the sequel", "Catching Fire, the second book").
fn followed_as_thing(raw: &str, end: usize) -> bool {
    let after = raw.get(end..).unwrap_or("");
    let after = after.trim_start_matches(['"', '”', '’', '\'', ')']);
    let (after, limit) = match after.strip_prefix(", the ").or(after.strip_prefix(", a ")) {
        Some(rest) => (rest, 3),
        None => (after, 1),
    };
    after
        .split_whitespace()
        .take(limit)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| THING_AFTER.contains(&w.as_str()))
}

/// Whether a mention is an acronym in parentheses right after lower-case words whose
/// initials spell it: "injured reserve (IR)", "chief executive officer (CEO)" abbreviate
/// common nouns, not a body's name ("Organization for Security and Co-operation in Europe
/// (OSCE)" is capitalised).
fn spells_common_phrase(raw: &str, span: &std::ops::Range<usize>) -> bool {
    let before = raw.get(..span.start).unwrap_or("");
    let after = raw.get(span.end..).unwrap_or("");
    let Some(before) = before.strip_suffix('(') else {
        return false;
    };
    if !after.starts_with(')') {
        return false;
    }
    let letters: Vec<char> = raw
        .get(span.clone())
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if letters.len() < 2 {
        return false;
    }
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(letters.len())
        .collect();
    words.len() == letters.len()
        && words
            .iter()
            .rev()
            .zip(&letters)
            .all(|(w, &l)| w.starts_with(l) && w.chars().all(|c| c.is_lowercase() || c == '-'))
}

/// Whether a number comes just before a name: a unit or a count of things ("2.3 GHz",
/// "16 GB", "500 Euros"), never a person's or a body's name. A year is no count ("the
/// 2007 Working Group").
fn counted(raw: &str, start: usize) -> bool {
    let word = word_before(raw, start);
    let year = word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
    !year
        && word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
}

/// Whether a mention is introduced by a thing noun (see [`THING_NOUNS`]).
fn introduced_as_thing(raw: &str, start: usize) -> bool {
    let before = raw.get(..start).unwrap_or("");
    let words = before
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(3);
    for w in words {
        let w = w.to_lowercase();
        if THING_NOUNS.contains(&w.as_str()) {
            return true;
        }
        if !THING_LINKS.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

/// Whether a cluster names a thing rather than an actor: at least half its mentions are
/// introduced by a thing noun ("the film Twilight", "magazines including Wink"), or it is a
/// "person" whose every name is made of words the corpus also uses in lower case ("New
/// Moon", "Catching Fire"); and no mention shows it is a person (role, honorific, given
/// name).
pub(crate) fn is_thing_cluster(corpus: &Corpus, found: &[Found], c: &Cluster) -> bool {
    if c.canonical.is_some() || c.members.is_empty() {
        return false;
    }
    let things = c
        .members
        .iter()
        .filter(|&&i| {
            let doc = found[i].doc(corpus);
            introduced_as_thing(&doc.raw, found[i].det.span.start)
                || followed_as_thing(&doc.raw, found[i].det.span.end)
                || counted(&doc.raw, found[i].det.span.start)
        })
        .count();
    // "New Moon", "Catching Fire", "Take Me Out": a "person" named only with ordinary words.
    let ordinary = c.kind == ActorKind::Person
        && c.members.iter().all(|&i| found[i].det.common)
        && c.members.iter().any(|&i| found[i].det.words.len() > 1);
    // "Web", "Patch", "Rescue", "Men": an "organisation" named by one ordinary word (the
    // corpus uses it in lower case too), never written as an acronym.
    let ordinary_word = c.kind == ActorKind::Organisation
        && c.members.iter().all(|&i| {
            let d = &found[i].det;
            let doc = found[i].doc(corpus);
            let surface = doc.raw.get(d.span.clone()).unwrap_or("");
            d.common && d.words.len() == 1 && surface.chars().skip(1).all(char::is_lowercase)
        });
    // "injured reserve (IR)": an acronym a text spells out in lower case names a thing.
    let spelled_common = c.members.iter().any(|&i| {
        let doc = found[i].doc(corpus);
        spells_common_phrase(&doc.raw, &found[i].det.span)
    });
    (things * 2 >= c.members.len()
        || ordinary
        || ordinary_word
        || spelled_common
        || is_product(corpus, found, c))
        && !c.members.iter().any(|&i| person_evidence(corpus, found, i))
}

/// Whether a cluster names a product: a quarter of its mentions (two at least) carry a model
/// number or a product noun ("Internet Explorer 8", "the BlackBerry Curve 8900", "the
/// MacBook Pro laptop", "ActiveX controls"), and none speaks ([`speech_after`]: "Apple
/// said", a maker that also names its products' line, is an actor).
fn is_product(corpus: &Corpus, found: &[Found], c: &Cluster) -> bool {
    let mut products = 0;
    for &i in &c.members {
        let doc = found[i].doc(corpus);
        let after = doc.raw.get(found[i].det.span.end..).unwrap_or("");
        if speech_after(after) {
            return false;
        }
        let next = after
            .split_whitespace()
            .next()
            .map_or("", |w| w.trim_end_matches([',', '.', ';', ':', ')']));
        let next_low = next.to_lowercase();
        let product = model_number(next) || PRODUCT_AFTER.contains(&next_low.as_str());
        // "a Toyota Camry." or "your MacBook with", not "an Intel chip" or "his WBA and IBF
        // titles" (a maker or a body naming the thing).
        let ends_phrase = after.starts_with(['.', ';', ':', ')', '?', '!'])
            || after.starts_with(' ')
                && is_stop_word(&next_low)
                && !matches!(next_low.as_str(), "and" | "or" | "&");
        products += usize::from(
            after.starts_with(' ') && product
                || sized(&doc.raw, found[i].det.span.start)
                || ends_phrase && owned(&doc.raw, found[i].det.span.start),
        );
    }
    products >= 2 && products * 4 >= c.members.len()
}

/// Whether the word before a name owns it or counts it, as people say of things they own or
/// buy and never of people or bodies: "your MacBook", "a Toyota Camry", "the new iPhone".
fn owned(raw: &str, start: usize) -> bool {
    OWNED_BEFORE.contains(&word_before(raw, start).as_str())
}

/// Whether a size in inches comes before a name: "the 17-inch MacBook Pro", "a 13in
/// laptop", "the 17 \"MacBook Pro" (a thing's size, never a person's or a body's).
fn sized(raw: &str, start: usize) -> bool {
    let before = raw.get(..start).unwrap_or("").trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.to_lowercase();
    let unit = word
        .strip_suffix("-inch")
        .or_else(|| word.strip_suffix("in"))
        .or_else(|| word.strip_suffix('"'))
        .or_else(|| word.strip_suffix('\u{201d}'));
    unit.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// Words before a thing's name (see [`owned`]).
const OWNED_BEFORE: &[&str] = &[
    "a",
    "an",
    "my",
    "your",
    "his",
    "her",
    "our",
    "their",
    "new",
    "latest",
    "older",
    "newer",
    "updated",
    "unibody",
    "upgraded",
    "revamped",
    "redesigned",
    "refreshed",
    "existing",
    "generation",
    "next-generation",
];

/// Nouns a product's name modifies ("the MacBook Pro laptop", "Internet Explorer users",
/// "the IE patch"; a maker that also names them speaks somewhere, see [`is_product`]).
const PRODUCT_AFTER: &[&str] = &[
    "browser",
    "browsers",
    "laptop",
    "laptops",
    "notebook",
    "notebooks",
    "smartphone",
    "smartphones",
    "handset",
    "handsets",
    "tablet",
    "tablets",
    "processor",
    "processors",
    "chip",
    "chips",
    "chipset",
    "graphics",
    "control",
    "controls",
    "plug-in",
    "app",
    "apps",
    "console",
    "consoles",
    "models",
    "lineup",
    "sedan",
    "rifle",
    "rifles",
    "users",
    "update",
    "updates",
    "patch",
    "patches",
    "exploit",
    "exploits",
    "vulnerability",
    "vulnerabilities",
    "flaw",
    "flaws",
    "bug",
    "bugs",
    "beta",
    "version",
    "versions",
    "keyboard",
    "battery",
    "display",
    "line",
    "refresh",
    "spec",
    "specs",
    "model",
    "owners",
    "buyers",
];

/// A model or version number after a name: "8", "8900", "Q10", "i5", "650M", "10.5" (no
/// year: "Microsoft 2009" is no model).
fn model_number(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    let year = w.len() == 4 && digits == 4 && (w.starts_with("19") || w.starts_with("20"));
    digits > 0
        && !year
        && w.len() <= 6
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        && !w.ends_with("th")
        && !w.ends_with("st")
        && !w.ends_with("nd")
        && !w.ends_with("rd")
}

/// Whether a mention opens its sentence with a participle glued to a name ("Considering
/// Lionsgate", "Devastated Haiti"): not a name as written.
pub(crate) fn participle_glued(corpus: &Corpus, f: &Found) -> bool {
    let s = &corpus.sentences[f.sentence];
    let doc = &corpus.docs[s.doc];
    let opens = doc
        .raw
        .get(s.span.start..f.det.span.start)
        .is_some_and(|t| t.trim().is_empty());
    let first = f.det.words.first().map_or("", String::as_str);
    let participle = first.len() > 5
        && (first.ends_with("ing") || first.ends_with("ed"))
        && !GAZETTEER.first_names.contains(first);
    // "Both Apple", "After Obama": a function word opening the sentence.
    opens && f.det.words.len() > 1 && (participle || is_stop_word(first))
}

/// Whether a mention lies inside a short title-case quotation on its line (at most eight
/// words, every word capitalised but small function words): the title of a work ("American
/// Pie", "Million Dollar Mermaid"), not an actor.
#[cfg(test)]
pub(crate) fn in_short_quote(raw: &str, span: &std::ops::Range<usize>) -> bool {
    LineQuotes::default().in_short_quote(raw, span)
}

/// The quotations of the last line asked about: a line holds several mentions, and its
/// quotations do not depend on which one is asked about, so they are found once per line.
#[derive(Default)]
pub(crate) struct LineQuotes {
    /// The text's address and the line's byte range in it.
    line: Option<(usize, std::ops::Range<usize>)>,
    /// Each quotation closed on the line, in order: where its opening and its closing mark
    /// start, and the closing mark's length.
    closed: Vec<(usize, usize, usize)>,
}

impl LineQuotes {
    /// [`in_short_quote`], with the line's quotations kept for the next mention.
    pub(crate) fn in_short_quote(&mut self, raw: &str, span: &std::ops::Range<usize>) -> bool {
        let line_start = raw
            .get(..span.start)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line_end = raw
            .get(span.end..)
            .and_then(|a| a.find('\n'))
            .map_or(raw.len(), |i| span.end + i);
        let Some(line) = raw.get(line_start..line_end) else {
            return false;
        };
        let key = (raw.as_ptr() as usize, line_start..line_end);
        if self.line.as_ref() != Some(&key) {
            self.closed = quotations(line);
            self.line = Some(key);
        }
        let (start, end) = (span.start - line_start, span.end - line_start);
        // The first quotation, in the order they close, that holds the mention.
        let Some(&(s, i, mark)) = self.closed.iter().find(|&&(s, i, _)| s < start && end <= i)
        else {
            return false;
        };
        let inner = &line[s + mark..i];
        let words: Vec<&str> = inner.split_whitespace().collect();
        // Title case throughout: a title, not a quoted remark ("Trump is great").
        let title = words.iter().all(|w| {
            w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit())
                || matches!(
                    *w,
                    "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to"
                )
        });
        words.len() <= 8 && title
    }
}

/// The quotations of a line, in the order they close: (opening offset, closing offset,
/// closing mark's length).
fn quotations(line: &str) -> Vec<(usize, usize, usize)> {
    let mut closed = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev = ' ';
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let before = std::mem::replace(&mut prev, c);
        // Single quotes ('New Moon', ‘Catching Fire’) open after a blank and close before
        // one, so an apostrophe (Lohan's, she’s) neither opens nor closes.
        let opens_single = matches!(c, '‘' | '\'') && (before.is_whitespace() || before == '(');
        let closes_single = !next.is_alphanumeric();
        match (c, open) {
            ('“', _) => open = Some((i, '”')),
            ('"', None) => open = Some((i, '"')),
            ('‘' | '\'', None) if opens_single => {
                open = Some((i, if c == '‘' { '’' } else { c }))
            }
            ('”', Some((s, '”')))
            | ('"', Some((s, '"')))
            | ('’', Some((s, '’')))
            | ('\'', Some((s, '\''))) => {
                if matches!(c, '’' | '\'') && !closes_single {
                    continue;
                }
                closed.push((s, i, c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    closed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{ActorKind, extract_actors};
    use crate::ingest::from_plain;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn titles_in_quotes_are_no_actors() {
        let t = "She starred in \"American Pie\" and said \"I will go to Paris with Anna Berg now, she told me.\" and \"Anna Berg is great\".";
        let at = |w: &str| t.find(w).map_or(0..0, |s| s..s + w.len());
        assert!(in_short_quote(t, &at("Pie")));
        assert!(!in_short_quote(t, &at("Anna Berg")));
        let last = t.rfind("Anna Berg").map_or(0..0, |s| s..s + 9);
        assert!(!in_short_quote(t, &last));
    }

    #[test]
    fn a_line_s_quotations_kept_for_the_next_mention_give_the_same_answers() {
        let t = "He said \"American Pie\" and 'New Moon' were hits.\nLohan's \u{201c}Mean Girls\u{201d} and \"Anna Berg is great\" said Kerry.\n\nThe \u{2018}Catching Fire\u{2019} crew met 'Gary Ross' and Ross's lawyer \"Bob";
        let mut kept = LineQuotes::default();
        let mut titles = 0;
        for (s, w) in t.split_word_bound_indices() {
            let span = s..s + w.len();
            let fresh = in_short_quote(t, &span);
            assert_eq!(kept.in_short_quote(t, &span), fresh, "{w:?} at {s}");
            titles += usize::from(fresh);
        }
        assert!(titles >= 6, "{titles}");
    }

    /// The actors' names of two outlets' texts ("A" and "B").
    fn actor_names(a: &str, b: &str) -> Vec<String> {
        let docs = vec![from_plain(0, "A", a), from_plain(1, "B", b)];
        extract_actors(&Corpus::new(docs))
            .into_iter()
            .map(|a| a.name)
            .collect()
    }

    #[test]
    fn products_with_model_numbers_or_product_nouns_are_no_actors_but_their_makers_are() {
        let names = actor_names(
            "Veltro said the Harbour Explorer browser is safe. Users of Harbour Explorer 8 should update. Veltro added a fix.",
            "Harbour Explorer 7 is hit too, Veltro said. Harbour Explorer users were told to wait.",
        );
        assert!(!names.iter().any(|n| n.contains("Harbour")), "{names:?}");
        assert!(names.iter().any(|n| n == "Veltro"), "{names:?}");
        assert!(model_number("8900") && model_number("Q10") && model_number("650M"));
        assert!(!model_number("2009") && !model_number("5th") && !model_number("May"));
    }

    #[test]
    fn an_organisation_named_by_one_ordinary_word_is_no_actor() {
        let names = actor_names(
            "Users must install the Patch from Veltro. The Patch fixes the flaw, Veltro said.",
            "Veltro released the Patch on Tuesday. A patch for older systems comes later, said Anna Berg of Veltro.",
        );
        assert!(!names.iter().any(|n| n == "Patch"), "{names:?}");
        assert!(names.iter().any(|n| n == "Veltro"), "{names:?}");
    }

    #[test]
    fn works_named_by_what_follows_or_in_single_quotes_are_no_actors() {
        let names = actor_names(
            "Hugh Jackman, star of the X-Men movies, will host. Gary Ross may direct Catching Fire, the second book in the series.",
            "Lionsgate wants Gary Ross for ‘Catching Fire’ and Ross said he liked the X-Men franchise.",
        );
        assert!(!names.iter().any(|n| n == "X-Men"), "{names:?}");
        assert!(!names.iter().any(|n| n == "Catching Fire"), "{names:?}");
        assert!(
            names.iter().any(|n| n == "Gary Ross") && names.iter().any(|n| n == "Hugh Jackman"),
            "{names:?}"
        );
        let t = "He said 'New Moon' was good and Lohan's lawyer agreed.";
        let at = |w: &str| t.find(w).map_or(0..0, |s| s..s + w.len());
        assert!(in_short_quote(t, &at("New Moon")));
        assert!(!in_short_quote(t, &at("Lohan")));
    }

    #[test]
    fn an_acronym_beside_a_mixed_case_word_is_a_body() {
        assert!(acronym_beside_mixed_case("Creston RCMP"));
        assert!(acronym_beside_mixed_case("NEXA Operations"));
        assert!(acronym_beside_mixed_case("T-Mobile USA"));
        assert!(!acronym_beside_mixed_case("A.J. Smith"));
        assert!(!acronym_beside_mixed_case("PJ Smith"));
        assert!(!acronym_beside_mixed_case("GM Ed Stone"));
        assert!(!acronym_beside_mixed_case("Henry VIII"));
        assert!(!acronym_beside_mixed_case("KIM JONG UN"));
        assert!(!acronym_beside_mixed_case("Mara Osei"));
    }

    #[test]
    fn the_before_a_name_makes_it_no_person() {
        let docs = vec![
            from_plain(
                0,
                "A",
                "Fans of the Trail Blazers cheered. The Trail Blazers won.",
            ),
            from_plain(
                1,
                "B",
                "Coach Anna Berg left. Berg said the Trail Blazers played well.",
            ),
        ];
        let actors = extract_actors(&Corpus::new(docs));
        let kind = |n: &str| actors.iter().find(|a| a.name == n).map(|a| a.kind);
        assert_eq!(
            kind("Trail Blazers"),
            Some(ActorKind::Organisation),
            "{actors:?}"
        );
        assert_eq!(kind("Anna Berg"), Some(ActorKind::Person), "{actors:?}");
    }

    #[test]
    fn things_people_own_size_or_count_are_no_actors() {
        let names = actor_names(
            "Veltro unveiled the new Harbour Book Pro on Monday. The 15-inch Harbour Book Pro costs more. I bought a Harbour Book Pro.",
            "Reviewers liked your Harbour Book Pro, Veltro said. The Harbour Book Pro ships in June. It runs at 3.2 Ghzq and holds 16 Ghzq, Veltro said.",
        );
        assert!(!names.iter().any(|n| n.contains("Harbour")), "{names:?}");
        assert!(!names.iter().any(|n| n == "Ghzq"), "{names:?}");
        assert!(names.iter().any(|n| n == "Veltro"), "{names:?}");
        // A maker named before a noun ("an Ostel chip") or in a list is no product.
        let names = actor_names(
            "The phone has an Ostel chip, Veltro said. Ostel said it was proud.",
            "Ostel makes the chip, Ostel said. An Ostel and Veltro deal was signed.",
        );
        assert!(names.iter().any(|n| n == "Ostel"), "{names:?}");
        let at = |t: &str, w: &str| t.find(w).unwrap_or(0);
        let (a, b) = ("the 17-inch Book", "a 13in Book");
        assert!(sized(a, at(a, "Book")) && sized(b, at(b, "Book")));
        let (c, d) = ("the Book", "the 2007 Group");
        assert!(!sized(c, at(c, "Book")) && !counted(d, at(d, "Group")));
        let e = "at 3.2 Ghzq";
        assert!(counted(e, at(e, "Ghzq")));
    }

    #[test]
    fn an_acronym_spelled_out_in_lower_case_is_no_actor() {
        let t = "He went on injured reserve (IR) on Monday.";
        let at = |w: &str| t.find(w).map_or(0..0, |s| s..s + w.len());
        assert!(spells_common_phrase(t, &at("IR")));
        let u = "The Kelso Relief Agency (KRA) said so.";
        let kra = u.find("KRA").map_or(0..0, |s| s..s + 3);
        assert!(!kra.is_empty() && !spells_common_phrase(u, &kra));
        let names = actor_names(
            "Veltro put Berg on injured reserve (IR) today. Anna Berg said IR was a blow.",
            "Berg stays on IR, Veltro said. Anna Berg will rest.",
        );
        assert!(!names.iter().any(|n| n == "IR"), "{names:?}");
        assert!(names.iter().any(|n| n == "Anna Berg"), "{names:?}");
    }

    #[test]
    fn a_scandal_is_no_actor() {
        let names = actor_names(
            "The Kelsogate scandal broke in May. Anna Berg said the Kelsogate break-in was planned.",
            "Kelsogate ended careers. The Kelsogate affair led to trials, Anna Berg said.",
        );
        assert!(!names.iter().any(|n| n == "Kelsogate"), "{names:?}");
        assert!(names.iter().any(|n| n == "Anna Berg"), "{names:?}");
    }

    #[test]
    fn a_name_patched_and_updated_is_a_product() {
        let names = actor_names(
            "Veltro issued an HX patch on Monday. The HX flaw let attackers in, Veltro said. Users of HX should update.",
            "The HX update fixes it, Veltro said. HX is widely used. An HX exploit was found by Anna Berg of Kelso Labs.",
        );
        assert!(!names.iter().any(|n| n == "HX"), "{names:?}");
        assert!(names.iter().any(|n| n == "Veltro"), "{names:?}");
    }

    #[test]
    fn most_mentions_name_the_kind_plural_teams_are_bodies_and_names_read_in_are_places() {
        let docs = vec![
            from_plain(
                0,
                "A",
                "Unlike Veltro, rivals cut prices. Veltro said sales rose. Veltro shares fell. Analysts praised Veltro.",
            ),
            from_plain(
                1,
                "B",
                "Veltro said it would hire. Veltro opened a store. Critics of Veltro spoke. The Kelby Panthers lost. Fans of the Kelby Panthers left. Kelby Panthers coach Anna Berg quit. Kelby Panthers fans wept.",
            ),
        ];
        let actors = extract_actors(&Corpus::new(docs));
        let kind = |n: &str| actors.iter().find(|a| a.name == n).map(|a| a.kind);
        assert_eq!(kind("Veltro"), Some(ActorKind::Organisation), "{actors:?}");
        let docs = vec![
            from_plain(
                0,
                "A",
                "The storm hit homes in Kesh Biscaro. Residents of Kesh Biscaro fled, Anna Berg said.",
            ),
            from_plain(
                1,
                "B",
                "Shops in Kesh Biscaro closed. Anna Berg said at Kesh Biscaro that the storm had passed.",
            ),
        ];
        let placed = extract_actors(&Corpus::new(docs));
        let placed_kind = |n: &str| placed.iter().find(|a| a.name == n).map(|a| a.kind);
        assert_eq!(
            placed_kind("Kesh Biscaro"),
            Some(ActorKind::Place),
            "{placed:?}"
        );
        assert_eq!(
            placed_kind("Anna Berg"),
            Some(ActorKind::Person),
            "{placed:?}"
        );
        let team = |words: &[&str]| {
            let found = vec![Found {
                sentence: 0,
                det: super::super::Detected {
                    span: 0..0,
                    kind: ActorKind::Person,
                    entry: None,
                    guessed: false,
                    role: None,
                    words: words.iter().map(|w| w.to_string()).collect(),
                    common: false,
                },
                title: false,
            }];
            team_name(&found, &[0])
        };
        assert!(team(&["charlotte", "bobcats"]) && team(&["boston", "lions"]));
        assert!(!team(&["zorvek", "lions"]) && !team(&["charlotte", "rogers", "jr"]));
        assert_eq!(
            kind("Kelby Panthers"),
            Some(ActorKind::Organisation),
            "{actors:?}"
        );
    }
}
