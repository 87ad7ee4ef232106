//! Roles from the words around a person mention: a title phrase right before the name
//! ("Russia's foreign minister Sergei Lavrov", "UN Special Envoy Staffan de Mistura") or an
//! apposition right after it ("Faysal Itani, an analyst with the Atlantic Council, said").

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{GAZETTEER, norm};
use crate::text::segment::is_abbreviation_in_name;
use crate::text::tokens::is_stop_word;

/// A role without its past marker: "former FBI director" and "FBI director" name one office.
fn present(role: &str) -> &str {
    PAST.iter()
        .find_map(|p| {
            role.strip_prefix(p)
                .and_then(|r| r.strip_prefix([' ', '-']))
        })
        .unwrap_or(role)
}

/// Most words a role phrase may have.
const MAX_BEFORE: usize = 6;
const MAX_APPOSITION: usize = 16;

/// The role phrase in `text` around the mention at `span`, if any.
pub(crate) fn role_near(
    text: &str,
    span: &Range<usize>,
    sentence: &Range<usize>,
) -> Option<String> {
    let before = text.get(sentence.start..span.start).unwrap_or("");
    let rest = text.get(span.end..sentence.end).unwrap_or("");
    let after = || apposition(rest);
    // "the court reporter Dalton attacked": a title before the subject of a reduced
    // relative clause is the head noun's, not the name's.
    let before_role = role_before(before).filter(|_| !reduced_relative(rest));
    match before_role {
        // "Dr. Henrik Aasland, a shipping economist": the apposition says more.
        Some(r) if is_honorific(&r) => after().or(Some(r)),
        Some(r) => Some(r),
        None => after(),
    }
}

/// Whether the text after a name is a bare past-tense verb that ends the clause ("...
/// reporter Dalton attacked.", "the deputy he shot,"): the name is the subject of a
/// relative clause on the noun before it.
fn reduced_relative(rest: &str) -> bool {
    let rest = rest.trim_start();
    let verb_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let verb = &rest[..verb_len];
    verb.len() > 3
        && verb.ends_with("ed")
        && verb.chars().all(|c| c.is_lowercase())
        && rest[verb_len..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '”' | '’' | ')'))
}

/// Words that make a title a past one ("former travel reporter", "ex-chairman").
const PAST: &[&str] = &["former", "ex", "late", "onetime", "one-time", "erstwhile"];

/// Titles of address that mark a person but are no role.
fn is_honorific(role: &str) -> bool {
    matches!(
        norm(role).as_str(),
        "mr" | "mrs" | "ms" | "dr" | "sir" | "lady" | "lord" | "prof"
    )
}

/// A title phrase ending right before the name: role words plus qualifiers (capitalised
/// words, possessives), at least one role word, read backwards until anything else.
fn role_before(before: &str) -> Option<String> {
    let g = &*GAZETTEER;
    if !before.ends_with(' ') {
        return None;
    }
    let trimmed = before.trim_end();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in trimmed.split(' ') {
        words.push((pos, w));
        pos += w.len() + 1;
    }
    let mut start = trimmed.len();
    let mut has_role = false;
    for (count, &(pos, word)) in words.iter().rev().enumerate() {
        let bare = word.trim_end_matches("'s").trim_end_matches("’s");
        if bare.is_empty()
            || bare.contains([',', ';', ':', '“', '”', '"', '(', ')'])
            || count >= MAX_BEFORE
        {
            break;
        }
        let w = norm(bare);
        if is_honorific(&w) {
            // "Prime Minister Mr. Abe": the title is before the honorific.
            continue;
        }
        let is_role = g.role_words.contains(&w);
        // A capitalised function word opens the sentence or clause ("When Mr. Kim"), it
        // does not qualify a title.
        let function_word = is_stop_word(&w) && bare.chars().any(char::is_lowercase);
        let qualifier =
            (bare.starts_with(char::is_uppercase) && !function_word) || (w == "of" && count > 0);
        // A capitalised word before any role word is part of another name ("Kerry met Lavrov").
        if !is_role && (!qualifier || !has_role) {
            break;
        }
        has_role |= is_role;
        start = pos;
    }
    // "former travel reporter Nora Blake", "former national security adviser", "then-national
    // security adviser": a past marker up to three lower-case words before the title belongs
    // to it; without it, "reporter" would read as her present role.
    if has_role {
        let first = words.iter().position(|&(p, _)| p == start).unwrap_or(0);
        for back in 1..=3 {
            let Some(k) = first.checked_sub(back) else {
                break;
            };
            let (p, w) = words[k];
            let lower = w.to_lowercase();
            if PAST.contains(&lower.as_str()) || lower.starts_with("then-") {
                start = p;
                break;
            }
            if !w.chars().all(|c| c.is_lowercase() || c == '-') || is_stop_word(w) {
                break;
            }
        }
    }
    let mut phrase = trimmed.get(start..)?.trim();
    // "the widow of a sheriff's deputy Nichols murdered": a title after an indefinite
    // article describes someone else; a name's own title takes none.
    let opener = trimmed.get(..start).unwrap_or("").trim_end();
    if matches!(opener.rsplit(' ').next(), Some("a" | "an" | "A" | "An")) {
        return None;
    }
    for article in ["The ", "the ", "A ", "a ", "An ", "an ", "of "] {
        phrase = phrase.strip_prefix(article).unwrap_or(phrase);
    }
    let phrase = noun_phrase(phrase);
    (has_role && !phrase.is_empty()).then_some(phrase)
}

/// A title phrase cleaned to a noun phrase: honorifics dropped ("Prime Minister Mr." ->
/// "Prime Minister"), and a name before "of" that the title does not govern cut off
/// ("France of President" -> "President"); "Secretary of State" keeps its "of".
fn noun_phrase(phrase: &str) -> String {
    let g = &*GAZETTEER;
    let words: Vec<&str> = phrase
        .split_whitespace()
        .filter(|w| !is_honorific(w))
        .collect();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| norm(words[j]));
        if *w == "of" && before.is_none_or(|b| !g.role_words.contains(&b)) {
            start = i + 1;
        }
    }
    words[start.min(words.len())..].join(" ")
}

/// ", a/an/the ROLE ..., " right after the name, with a role word among its first words.
fn apposition(after: &str) -> Option<String> {
    let g = &*GAZETTEER;
    let rest = after.strip_prefix(", ")?;
    let end = apposition_end(rest);
    let mut phrase = &rest[..end];
    for cut in [
        " who ",
        " which ",
        " said",
        " told",
        " announced",
        " added",
        " reported",
    ] {
        if let Some(i) = find_after_space(phrase, cut) {
            phrase = &phrase[..i];
        }
    }
    // "the associate director of the FBI during the scandal who, better known as ...": a
    // relative pronoun before the comma opens a clause too.
    for rel in [" who", " which"] {
        phrase = phrase.strip_suffix(rel).unwrap_or(phrase);
    }
    let phrase = phrase.trim();
    // "Robyn Mendes, 48-an ex-girlfriend of ...": an age glued to the apposition.
    let phrase = match phrase.split_once('-') {
        Some((age, rest)) if !age.is_empty() && age.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => phrase,
    };
    // "... of Mr. Gomes-and Catherine Gomes, 61": a hyphen before a function word stands
    // for a dash, which ends the apposition.
    let phrase = phrase
        .match_indices('-')
        .find(|&(i, _)| {
            let next = phrase[i + 1..].split(' ').next().unwrap_or("");
            matches!(
                next,
                "and" | "or" | "but" | "the" | "a" | "an" | "who" | "which"
            ) && phrase[..i].ends_with(|c: char| c.is_alphanumeric())
        })
        .map_or(phrase, |(i, _)| &phrase[..i]);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_APPOSITION {
        return None;
    }
    // A relative or adverbial clause is no apposition ("X, where Gov. Palin ...", "X, who
    // married ...", "X, grudgingly acknowledged ...").
    let first = words[0].to_lowercase();
    if matches!(
        first.as_str(),
        "where" | "when" | "who" | "whose" | "whom" | "which" | "while" | "as" | "after" | "before"
    ) || (first.len() > 4 && first.ends_with("ly") && !g.role_heads.contains(&first))
    {
        return None;
    }
    let skip = usize::from(matches!(
        words[0],
        "a" | "an" | "the" | "his" | "her" | "their" | "its"
    ));
    // "Beverly Hills, family spokesman Harlan Boll announced": a title before another name
    // is that person's, not an apposition.
    if words.windows(2).any(|p| {
        g.role_heads.contains(&norm(p[0]))
            && !is_honorific(p[0])
            && p[1].starts_with(char::is_uppercase)
    }) {
        return None;
    }
    // "ex-girlfriend", "ex-wife": a former role is a role.
    let head_has_role = words.iter().skip(skip).take(4).any(|w| {
        let w = norm(w);
        g.role_heads.contains(&w) || g.role_heads.contains(w.trim_start_matches("ex-"))
    });
    head_has_role.then(|| words[skip..].join(" "))
}

/// Where an apposition ends: at the first comma, full stop, semicolon, bracket or quotation
/// mark, but not at the full stop of an initial or a title inside a name ("campaign manager
/// of Donald J. Trump for President", "an aide to Gen. Mark Ruiz").
fn apposition_end(rest: &str) -> usize {
    let mut from = 0;
    loop {
        let Some(k) = rest[from..]
            .find([',', '.', ';', '(', '“', '"'])
            .map(|k| from + k)
        else {
            return rest.len();
        };
        let word = rest[..k].rsplit(' ').next().unwrap_or("");
        // Inside a dotted abbreviation ("U.S.", "D.C."): the next letter follows the stop.
        let dotted_inside = rest.as_bytes().get(k) == Some(&b'.')
            && rest
                .as_bytes()
                .get(k + 1)
                .is_some_and(u8::is_ascii_uppercase)
            && rest.as_bytes().get(k + 2) == Some(&b'.');
        if dotted_inside {
            from = k + 1;
            continue;
        }
        // A dotted abbreviation ("U.S", "D.C") ends like an initial.
        let initial = word
            .split('.')
            .all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
        // Titles and honorifics inside: "an ex-girlfriend of Mr. Vale".
        let title = is_abbreviation_in_name(word);
        let name_follows = rest[k..]
            .strip_prefix(". ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
        if !((initial || title) && name_follows) {
            return k;
        }
        from = k + 1;
    }
}

/// `phrase.find(cut)` for a `cut` that opens with a space: only the places of a space are
/// tried, with no searcher to build (an apposition is a few words, asked about seven cuts).
fn find_after_space(phrase: &str, cut: &str) -> Option<usize> {
    debug_assert!(cut.starts_with(' '));
    phrase
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b' ')
        .map(|(i, _)| i)
        .find(|&i| phrase[i..].starts_with(cut))
}

/// Pick the best-supported role. A candidate is supported by every candidate it contains or
/// that contains it ("Syrian President" and "President"), so the most specific form of the
/// most frequent role wins; ties go to the longer, then the first seen. Returns its first
/// surface form.
pub(crate) fn best_role(candidates: &[String]) -> Option<String> {
    // Honorifics ("Mr.", "Dr.") mark a person but are no role; nor is a bare "fellow"
    // ("fellow Charger Vincent Jackson": a teammate).
    let candidates: Vec<&String> = candidates
        .iter()
        .filter(|c| !is_honorific(c) && !c.eq_ignore_ascii_case("fellow"))
        .collect();
    let keys: Vec<String> = candidates.iter().map(|c| norm(c)).collect();
    // Distinct keys in first-seen order, with their counts: a much-quoted person has
    // thousands of role mentions but only a few distinct roles.
    let mut distinct: Vec<(&str, usize, usize)> = Vec::new(); // (key, count, first index)
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        match seen.get(key.as_str()) {
            Some(&d) => distinct[d].1 += 1,
            None => {
                seen.insert(key, distinct.len());
                distinct.push((key, 1, i));
            }
        }
    }
    let mut best: Option<(usize, usize, usize)> = None; // (support, words, index)
    for &(key, _, i) in &distinct {
        let support: usize = distinct
            .iter()
            .filter(|(k, _, _)| {
                let (k, key) = (present(k), present(key));
                k.ends_with(key) || key.ends_with(k)
            })
            .map(|(_, n, _)| n)
            .sum();
        let words = key.split(' ').count();
        if best.is_none_or(|(bs, bw, _)| (support, words) > (bs, bw)) {
            best = Some((support, words, i));
        }
    }
    best.map(|(_, _, i)| candidates[i].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str, name: &str) -> Option<String> {
        let start = text.find(name).unwrap_or(0);
        role_near(text, &(start..start + name.len()), &(0..text.len()))
    }

    #[test]
    fn an_initial_inside_an_apposition_does_not_end_it() {
        let t = "Dale Price, campaign manager of Mara K. Osei for Senate, called the suit a stunt.";
        assert_eq!(
            role(t, "Dale Price").as_deref(),
            Some("campaign manager of Mara K. Osei for Senate")
        );
        let t = "Ana Ruiz, a spokeswoman for the U.S. Marshals Service, said he was caught.";
        assert_eq!(
            role(t, "Ana Ruiz").as_deref(),
            Some("spokeswoman for the U.S. Marshals Service")
        );
        let t = "Rae Lund, 48-an ex-girlfriend of Mr. Vale-and Ida Vale, 61, were found.";
        assert_eq!(
            role(t, "Rae Lund").as_deref(),
            Some("ex-girlfriend of Mr. Vale")
        );
        let t = "Even his rival, Tom Vale, grudgingly praised Mr. Lund's nerve.";
        assert_eq!(role(t, "Tom Vale"), None);
        // A full stop after a word that is no initial still ends it.
        let t = "Dale Price, campaign manager of Osei. The suit was filed on Monday.";
        assert_eq!(
            role(t, "Dale Price").as_deref(),
            Some("campaign manager of Osei")
        );
    }

    #[test]
    fn roles_before_names() {
        let t = "The US Secretary of State John Kerry is meeting Russia's foreign minister Sergei Lavrov.";
        assert_eq!(
            role(t, "John Kerry").as_deref(),
            Some("US Secretary of State")
        );
        assert_eq!(
            role(t, "Sergei Lavrov").as_deref(),
            Some("Russia's foreign minister")
        );
        let t = "He met the UN Special Envoy Staffan de Mistura and Kerry met Lavrov.";
        assert_eq!(
            role(t, "Staffan de Mistura").as_deref(),
            Some("UN Special Envoy")
        );
        assert_eq!(role(t, "Lavrov"), None);
    }

    #[test]
    fn roles_in_apposition() {
        let t =
            "Faysal Itani, an analyst with the Atlantic Council in Washington, predicted a deal.";
        assert_eq!(
            role(t, "Faysal Itani").as_deref(),
            Some("analyst with the Atlantic Council in Washington")
        );
        let t = "Peter Berdowski, chief executive of Boskalis, told Dutch television.";
        assert_eq!(
            role(t, "Peter Berdowski").as_deref(),
            Some("chief executive of Boskalis")
        );
    }

    #[test]
    fn roles_are_noun_phrases_never_fragments() {
        assert_eq!(role("When Mr. Kim met him.", "Kim"), None);
        assert_eq!(role("But Mr. Kim met him.", "Kim"), None);
        assert_eq!(
            role(
                "They wrote to the Republic of France of President Macron.",
                "Macron"
            )
            .as_deref(),
            Some("President")
        );
        assert_eq!(
            role("US Secretary of State John Kerry spoke.", "John Kerry").as_deref(),
            Some("US Secretary of State")
        );
        assert_eq!(
            role("Prime Minister Mr. Abe spoke.", "Abe").as_deref(),
            Some("Prime Minister")
        );
    }

    #[test]
    fn cuts_are_found_where_find_finds_them() {
        let cuts = [" who ", " which ", " said", " told", " reported"];
        let phrases = [
            "a lawyer who said so",
            "who said",
            " who said",
            "an aide  which  told",
            "the reporter reported",
            "an envoy",
            "",
            " ",
            "Ünal, a judge who ",
            "said told",
        ];
        for p in phrases {
            for c in cuts {
                assert_eq!(find_after_space(p, c), p.find(c), "{p:?} {c:?}");
            }
        }
    }

    #[test]
    fn appositions_are_roles_not_clauses() {
        assert_eq!(
            role(
                "Wasilla Bible Church, where Gov. Sarah Palin worships, burned.",
                "Wasilla Bible Church"
            ),
            None
        );
        assert_eq!(
            role(
                "Beverly Hills, family spokesman Harlan Boll announced.",
                "Beverly Hills"
            ),
            None
        );
        assert_eq!(
            role("Mark Heller, her lawyer, said so.", "Mark Heller").as_deref(),
            Some("lawyer")
        );
        // A relative pronoun right before the comma ends the apposition.
        assert_eq!(
            role(
                "Orin Vasko Sr., the deputy director of the bureau who, as it turned out, left.",
                "Orin Vasko Sr."
            )
            .as_deref(),
            Some("deputy director of the bureau")
        );
    }

    #[test]
    fn assistant_is_a_role_word_not_a_name() {
        let t = "Assistant general manager Orin Vasko said the hall was lost.";
        assert_eq!(
            role(t, "Orin Vasko").as_deref(),
            Some("Assistant general manager")
        );
        let got = crate::extract::entities::tests::spans(t);
        assert!(!got.iter().any(|(s, _)| s.contains("Assistant")), "{got:?}");
    }

    #[test]
    fn past_titles_and_relative_clauses() {
        let t = "\"Summer Tide\" star and former travel reporter Nora Blake checked in.";
        assert_eq!(
            role(t, "Nora Blake").as_deref(),
            Some("former travel reporter")
        );
        // Three lower-case words back, and "then-" glued to the first.
        let t = "It asked about former national security adviser Tam Orrin on Monday.";
        assert_eq!(
            role(t, "Tam Orrin").as_deref(),
            Some("former national security adviser")
        );
        let t = "He spoke of then-national security adviser Tam Orrin in private.";
        assert_eq!(
            role(t, "Tam Orrin").as_deref(),
            Some("then-national security adviser")
        );
        let t = "said the widower of the court reporter Dalton attacked.";
        assert_eq!(role(t, "Dalton"), None);
        let t = "Police said he wounded the court reporter Mara Quill in the arm.";
        assert_eq!(role(t, "Mara Quill").as_deref(), Some("reporter"));
        // A past title stays one: in the news many are known by it ("former FBI director").
        let c = ["former FBI director", "FBI director", "former FBI director"].map(String::from);
        assert_eq!(best_role(&c).as_deref(), Some("former FBI director"));
    }

    #[test]
    fn best_role_is_most_frequent_then_longest() {
        let c = [
            "Secretary of State",
            "US Secretary of State",
            "U.S. Secretary of State",
        ]
        .map(String::from);
        assert_eq!(best_role(&c).as_deref(), Some("US Secretary of State"));
    }
}
