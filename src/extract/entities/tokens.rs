//! Word tokens with byte spans, and document-wide capitalisation evidence.
//!
//! Tokens keep name-internal punctuation ("al-Assad", "U.S.", "O'Neill") and split off the
//! possessive ("Russia's" -> "Russia" + possessive flag), because a possessive ends a name.

use std::collections::BTreeSet;
use std::ops::Range;

use super::gazetteer::norm_into;
use super::hash::FastMap;
use crate::text::tokens::is_stop_word;

/// Lowercase particles that may sit inside a personal name ("Staffan de Mistura").
pub(crate) const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter", "bin", "ibn", "al",
    "el", "le", "la", "dos", "das", "bint", "abu",
];

/// Hyphenated particle prefixes of capitalised names ("al-Assad", "el-Sisi").
const PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "as-", "ash-", "an-", "bin-", "ibn-", "abu-",
];

/// A word's id in a [`Vocab`].
pub(crate) type Sym = u32;

/// Every distinct normalised word of a text or corpus once: tokens carry ids, not strings.
#[derive(Debug, Default, Clone)]
pub(crate) struct Vocab {
    words: Vec<Box<str>>,
    ids: FastMap<Box<str>, Sym>,
}

impl Vocab {
    /// The id of `word`, added if new.
    pub(crate) fn intern(&mut self, word: &str) -> Sym {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = Sym::try_from(self.words.len()).unwrap_or(Sym::MAX);
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// The word with id `id`.
    pub(crate) fn word(&self, id: Sym) -> &str {
        self.words.get(id as usize).map_or("", |w| w)
    }

    /// Number of distinct words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The ids `other`'s words have here (added if new), indexed by their id in `other`.
    pub(crate) fn absorb(&mut self, other: &Vocab) -> Vec<Sym> {
        other.words.iter().map(|w| self.intern(w)).collect()
    }
}

/// One word of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte range in the analysed text.
    pub(crate) span: Range<usize>,
    /// `gazetteer::norm` of the token text, as an id in the tokenizer's [`Vocab`].
    pub(crate) word: Sym,
    /// Starts with a capital (or is a particle-prefixed capitalised name).
    pub(crate) cap: bool,
    /// Entirely upper case, at least two letters ("UN", "ISIL").
    pub(crate) upper: bool,
    /// Entirely lower case.
    pub(crate) lower: bool,
    /// Only blanks separate it from the previous token (a name may continue).
    pub(crate) joined: bool,
    /// Followed by a possessive 's.
    pub(crate) possessive: bool,
    /// First word of the sentence, or first after an opening quote, colon or bracket.
    pub(crate) initial: bool,
}

/// The character at byte `i` of `s` (a character boundary), ASCII decoded directly.
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Split `text[range]` into word tokens, spans relative to `text`; words go into `vocab`.
pub(crate) fn tokenize(text: &str, range: Range<usize>, vocab: &mut Vocab) -> Vec<Token> {
    let s = text.get(range.clone()).unwrap_or("");
    let alnum = |i: usize| char_at(s, i).is_some_and(char::is_alphanumeric);
    let mut out: Vec<Token> = Vec::new();
    let mut buf = String::new();
    // Byte positions; `i` always sits on a character boundary.
    let mut i = 0;
    let mut last_end = 0;
    while let Some(c) = char_at(s, i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut segment = 0; // letters since the last period: only initials take inner periods
        while let Some(c) = char_at(s, i) {
            let next = i + c.len_utf8();
            let next_alnum = alnum(next);
            if c.is_alphanumeric() {
                segment += 1;
                i = next;
            } else if (matches!(c, '-' | '\'' | '’' | '&')
                || (c == '.' && segment == 1 && next_initial(s, next)))
                && next_alnum
            {
                segment = 0;
                i = next;
            } else {
                break;
            }
        }
        let mut end_byte = i;
        let mut tok = &s[start..end_byte];
        // "U.S" + "." : initials keep their final period.
        if s.as_bytes().get(i) == Some(&b'.') && is_initials(tok) {
            end_byte += 1;
            tok = &s[start..end_byte];
        }
        let mut possessive = false;
        for suffix in ["'s", "’s"] {
            if tok.len() > suffix.len() && tok.ends_with(suffix) {
                tok = &tok[..tok.len() - suffix.len()];
                possessive = true;
            }
        }
        let gap = &s[last_end..start];
        let initial = out.is_empty()
            || gap.contains(['“', '"', '‘', '(', '[', ':', '—', '–'])
            || gap.trim() == "-";
        let joined =
            !out.is_empty() && !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
        norm_into(tok, &mut buf);
        out.push(make_token(
            tok,
            range.start + start,
            vocab.intern(&buf),
            [joined, possessive, initial],
        ));
        last_end = end_byte;
    }
    out
}

/// Whether the period before byte `next` is followed by another single-letter initial
/// ("U.S.", not "U.N.in"): no letter or digit two characters after the period.
fn next_initial(s: &str, next: usize) -> bool {
    let after = char_at(s, next).map_or(next, |c| next + c.len_utf8());
    !char_at(s, after).is_some_and(char::is_alphanumeric)
}

/// "U.S", "J" (as in "J. Smith"): initials keep their final period.
fn is_initials(tok: &str) -> bool {
    tok.split('.').all(|p| p.chars().count() == 1) && tok.starts_with(char::is_uppercase)
}

/// A token from its text, position, word id and `[joined, possessive, initial]`.
fn make_token(
    tok: &str,
    start: usize,
    word: Sym,
    [joined, possessive, initial]: [bool; 3],
) -> Token {
    let first = tok.chars().next().unwrap_or(' ');
    let prefixed = if tok.is_ascii() {
        // The general test below, without lowercasing a copy.
        PREFIXES
            .iter()
            .find(|p| {
                tok.starts_with(&p[..1])
                    && tok.len() >= p.len()
                    && tok.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            })
            .is_some_and(|p| tok[p.len()..].starts_with(char::is_uppercase))
    } else {
        let lower_tok = tok.to_lowercase();
        PREFIXES
            .iter()
            .find(|p| lower_tok.starts_with(*p) && tok.starts_with(&p[..1]))
            .is_some_and(|p| tok[p.len()..].starts_with(char::is_uppercase))
    };
    // "Russian-backed", "Pro-government": capitalised compounds that are not names.
    let lower_tail = tok
        .rsplit('-')
        .next()
        .is_some_and(|t| t.starts_with(char::is_lowercase));
    let (mut letters, mut all_upper, mut all_lower) = (0, true, true);
    for c in tok.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
        all_lower &= c.is_lowercase();
    }
    Token {
        span: start..start + tok.len(),
        word,
        cap: (first.is_uppercase() && !(tok.contains('-') && lower_tail)) || prefixed,
        upper: letters >= 2 && all_upper,
        lower: letters > 0 && all_lower,
        joined,
        possessive,
        initial,
    }
}

/// Capitalisation evidence from a whole text (or corpus): which words are names. Holds the
/// vocabulary of the tokens it was built from; counts are indexed by word id.
#[derive(Debug, Default, Clone)]
pub(crate) struct Evidence {
    /// The words of the tokens.
    vocab: Vocab,
    /// Times each word was seen capitalised away from sentence starts.
    mid_caps: Vec<u32>,
    /// Whether each word was seen in lower case.
    lowercase: Vec<bool>,
    /// Last words of multi-word person names ("kerry", "assad").
    pub(crate) surnames: BTreeSet<String>,
}

impl Evidence {
    /// Evidence over the words of `vocab`, none recorded yet.
    pub(crate) fn new(vocab: Vocab) -> Self {
        let n = vocab.len();
        Evidence {
            vocab,
            mid_caps: vec![0; n],
            lowercase: vec![false; n],
            surnames: BTreeSet::new(),
        }
    }

    /// The word with id `id`.
    pub(crate) fn word(&self, id: Sym) -> &str {
        self.vocab.word(id)
    }

    /// Record the tokens of one (non-shouting) sentence.
    pub(crate) fn add(&mut self, tokens: &[Token]) {
        for t in tokens {
            let i = t.word as usize;
            if t.lower {
                if let Some(l) = self.lowercase.get_mut(i) {
                    *l = true;
                }
            } else if t.cap
                && !t.initial
                && !t.upper
                && let Some(n) = self.mid_caps.get_mut(i)
            {
                *n += 1;
            }
        }
    }

    /// Whether a word was seen capitalised away from sentence starts at least `n` times.
    pub(crate) fn capitalised(&self, word: Sym, n: usize) -> bool {
        self.mid_caps
            .get(word as usize)
            .is_some_and(|&c| c > 0 && c as usize >= n)
    }

    /// Whether a capitalised sentence-initial word is ordinary vocabulary.
    pub(crate) fn is_common(&self, word: Sym) -> bool {
        self.lowercase.get(word as usize).copied().unwrap_or(false) || is_stop_word(self.word(word))
    }
}

/// Whether a sentence is set in capitals (a wire headline): most cased words are upper case.
pub(crate) fn is_shouting(tokens: &[Token]) -> bool {
    let cased = tokens
        .iter()
        .filter(|t| t.upper || t.lower || t.cap)
        .count();
    let upper = tokens.iter().filter(|t| t.upper).count();
    cased >= 3 && upper * 10 >= cased * 7
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::gazetteer::norm;

    /// The tokenizer as it was (over a vector of characters), for comparison: spans, words,
    /// `[cap, upper, lower, joined, possessive, initial]`.
    fn reference(s: &str) -> Vec<(Range<usize>, String, [bool; 6])> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let next_initial = |i: usize| !chars.get(i + 2).is_some_and(|(_, c)| c.is_alphanumeric());
        let mut out: Vec<(Range<usize>, String, [bool; 6])> = Vec::new();
        let (mut i, mut last_end) = (0, 0);
        while i < chars.len() {
            if !chars[i].1.is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            let mut segment = 0;
            while i < chars.len() {
                let c = chars[i].1;
                let next_alnum = chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric() {
                    segment += 1;
                    i += 1;
                } else if (matches!(c, '-' | '\'' | '’' | '&')
                    || (c == '.' && segment == 1 && next_initial(i)))
                    && next_alnum
                {
                    segment = 0;
                    i += 1;
                } else {
                    break;
                }
            }
            let mut end_byte = chars.get(i).map_or(s.len(), |(b, _)| *b);
            let mut tok = &s[chars[start].0..end_byte];
            if chars.get(i).is_some_and(|(_, c)| *c == '.') && is_initials(tok) {
                end_byte += 1;
                tok = &s[chars[start].0..end_byte];
            }
            let mut possessive = false;
            for suffix in ["'s", "’s"] {
                if tok.len() > suffix.len() && tok.ends_with(suffix) {
                    tok = &tok[..tok.len() - suffix.len()];
                    possessive = true;
                }
            }
            let start_byte = chars[start].0;
            let gap = &s[last_end..start_byte];
            let initial = out.is_empty()
                || gap.contains(['“', '"', '‘', '(', '[', ':', '—', '–'])
                || gap.trim() == "-";
            let joined = !out.is_empty()
                && !gap.is_empty()
                && gap.chars().all(|c| c == ' ' || c == '\u{a0}');
            let first = tok.chars().next().unwrap_or(' ');
            let lower_tok = tok.to_lowercase();
            let prefixed = PREFIXES
                .iter()
                .find(|p| lower_tok.starts_with(*p) && tok.starts_with(&p[..1]))
                .is_some_and(|p| tok[p.len()..].starts_with(char::is_uppercase));
            let lower_tail = tok
                .rsplit('-')
                .next()
                .is_some_and(|t| t.starts_with(char::is_lowercase));
            let letters: Vec<char> = tok.chars().filter(|c| c.is_alphabetic()).collect();
            let flags = [
                (first.is_uppercase() && !(tok.contains('-') && lower_tail)) || prefixed,
                letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()),
                !letters.is_empty() && letters.iter().all(|c| c.is_lowercase()),
                joined,
                possessive,
                initial,
            ];
            out.push((start_byte..start_byte + tok.len(), norm(tok), flags));
            last_end = end_byte;
        }
        out
    }

    #[test]
    fn tokenizer_matches_the_reference() {
        let texts = [
            "Russia's envoy met U.S. officials and al-Assad.",
            "The U.N.in Geneva: “J. Smith” (P. Simmons) and Al-Sisi, Pro-government AT&T O’Neill’s",
            "ÉLYSÉE’s Erdoğan—Putin – 4-38 U.S.A. a.b.c J.R.R. Tolkien's x. Y.",
            "  el-Baradei bin-Laden ASH-Sharq Ibn-Saud  \u{a0}Kerry\u{a0} Lavrov - ‘quote’ [Note]",
            "K.\u{301}x ŞİŞLİ 北京 résumé. DEL\u{7f}x ²nd 3.5 e.g. i.e.",
        ];
        for text in texts {
            let mut vocab = Vocab::default();
            let got: Vec<(Range<usize>, String, [bool; 6])> =
                tokenize(text, 0..text.len(), &mut vocab)
                    .into_iter()
                    .map(|t| {
                        let flags = [t.cap, t.upper, t.lower, t.joined, t.possessive, t.initial];
                        (t.span, vocab.word(t.word).to_string(), flags)
                    })
                    .collect();
            assert_eq!(got, reference(text), "{text}");
        }
    }

    #[test]
    fn tokens_keep_initials_particles_and_split_possessives() {
        let text = "Russia's envoy met U.S. officials and al-Assad.";
        let mut vocab = Vocab::default();
        let toks = tokenize(text, 0..text.len(), &mut vocab);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(
            words,
            [
                "Russia",
                "envoy",
                "met",
                "U.S.",
                "officials",
                "and",
                "al-Assad"
            ]
        );
        assert!(toks[0].possessive && toks[0].initial);
        assert!(toks[6].cap && toks[3].upper);
        assert_eq!(vocab.word(toks[3].word), "us");
    }
}
