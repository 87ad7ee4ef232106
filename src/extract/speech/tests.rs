//! The matchers against the regular expressions they replace, on tricky and random strings.

use regex::Regex;

use super::*;

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap()
}

fn verbs_alt() -> String {
    SPEECH_VERBS.join("|")
}

/// The old expressions, verbatim.
struct Old {
    verb: Regex,
    after_spk_verb: Regex,
    after_verb_spk: Regex,
    before: Regex,
    adverbials: Regex,
    trailing: Regex,
    according_after: Regex,
    according_before: Regex,
    speech_after: Regex,
}

impl Old {
    fn new() -> Self {
        let verbs = verbs_alt();
        Old {
            verb: re(&format!(r"\b(?:{verbs})\b")),
            after_spk_verb: re(&format!(
                r"^\s*[,.]?\s*(?P<spk>[^,.;“”\x22]{{1,90}}?)\s+(?:has |have |had |also )*(?P<verb>{verbs})\b"
            )),
            after_verb_spk: re(&format!(
                r"^\s*[,.]?\s*(?P<verb>{})\s+(?P<spk>(?:(?:[A-Z][a-z]{{0,3}}\.|\([a-z.]+\))\s+)*[^,.;“”\x22]{{1,90}})",
                VERB_FIRST.join("|")
            )),
            before: re(&format!(
                r"(?P<spk>[^,.;“”\x22]{{1,90}}?)\s+(?P<verb>{})\s*[:,]?\s*$",
                BEFORE_VERBS
                    .iter()
                    .map(|v| if *v == "told" {
                        r"told(?:\s+[\w ]{1,40}?)?"
                    } else {
                        v
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            )),
            adverbials: re(
                r"^(?:\s*(?:[,:]|(?:on \w+|late on \w+|in a (?:written )?statement|in separate statements|in an interview|earlier|also|on the phone|to reporters)\b))*\s*",
            ),
            trailing: re(
                r"^(?P<clause>[^“”\x22].+?),\s*(?P<spk>[^,“”\x22]{2,80}?)\s+(?P<verb>said|says|added|reported)(?:\s+(?:on \w+|in a (?:written )?statement|late on \w+))?\s*[.!]?$",
            ),
            according_after: re(r"^(?P<clause>.+?),?\s+according to (?P<spk>[^,.]+)"),
            according_before: re(r"^According to (?P<spk>[^,]+),\s*(?P<clause>.+)$"),
            speech_after: re(&format!(
                r"^(?:,[^,]{{0,80}},)?\s+(?:has |had |also )?(?:{})\b",
                SPEAKING_VERBS.join("|")
            )),
        }
    }

    /// Assert that every matcher agrees with its expression on `s`; count the matches.
    fn check(&self, s: &str, hits: &mut [usize; 9]) {
        let mut hit = |i: usize, matched: bool| hits[i] += usize::from(matched);
        let old: Vec<_> = self.verb.find_iter(s).map(|m| m.range()).collect();
        assert_eq!(speech_verbs(s).collect::<Vec<_>>(), old, "VERB on {s:?}");
        hit(0, !old.is_empty());

        let old = self.after_spk_verb.captures(s).map(|c| {
            (
                c.name("spk").unwrap().range(),
                c.name("verb").unwrap().range(),
            )
        });
        assert_eq!(speaker_then_verb(s), old, "AFTER_SPK_VERB on {s:?}");
        hit(1, old.is_some());

        let old = self.after_verb_spk.captures(s).map(|c| {
            (
                c.name("verb").unwrap().range(),
                c.name("spk").unwrap().range(),
            )
        });
        assert_eq!(verb_then_speaker(s), old, "AFTER_VERB_SPK on {s:?}");
        hit(2, old.is_some());

        let old = self.before.captures(s).map(|c| {
            (
                c.get(0).unwrap().start(),
                c.name("spk").unwrap().range(),
                c["verb"].split_whitespace().next().unwrap().to_string(),
            )
        });
        let new = speaker_before(s).map(|(a, b, v)| (a, b, v.to_string()));
        assert_eq!(new, old, "BEFORE on {s:?}");
        hit(3, old.is_some());

        let old = self.adverbials.find(s).map_or(0, |m| m.end());
        assert_eq!(adverbials_end(s), old, "ADVERBIALS on {s:?}");
        hit(4, old > 0);

        let old = self.trailing.captures(s).map(|c| {
            (
                c.name("clause").unwrap().range(),
                c.name("spk").unwrap().range(),
                c["verb"].to_string(),
            )
        });
        let new = trailing(s).map(|(a, b, v)| (a, b, v.to_string()));
        assert_eq!(new, old, "TRAILING on {s:?}");
        hit(5, old.is_some());

        let old = self.according_after.captures(s).map(|c| {
            (
                c.name("clause").unwrap().range(),
                c.name("spk").unwrap().range(),
            )
        });
        assert_eq!(according_after(s), old, "ACCORDING_AFTER on {s:?}");
        hit(6, old.is_some());

        let old = self.according_before.captures(s).map(|c| {
            (
                c.name("spk").unwrap().range(),
                c.name("clause").unwrap().range(),
            )
        });
        assert_eq!(according_before(s), old, "ACCORDING_BEFORE on {s:?}");
        hit(7, old.is_some());

        let old = self.speech_after.is_match(s);
        assert_eq!(speech_after(s), old, "SPEECH_AFTER on {s:?}");
        hit(8, old);
    }
}

const TRICKY: &[&str] = &[
    "",
    " ",
    ",",
    "  said, and then",
    " ,  said John Kerry, the secretary",
    ", said Dr. Henrik Aasland, an economist",
    ", said Dr.  ,",
    ", said Dr. ,",
    ", said Mrs.  Lt. (ret.) John Smith",
    ", said (r.)  ",
    ", said  ",
    ", said\u{a0}\u{a0}.",
    ", he said.",
    ", a senior US official told reporters.",
    " the department said in a statement.",
    ",” he added, “and more",
    ". “We will,” Kerry has also said",
    "  , said",
    " the minister has said—",
    " the minister saidé",
    " the minister said\u{301} more",
    " officials were quoted as saying",
    " an official was quoted as saying.",
    "Kerry told reporters: ",
    "Kerry told reporters in Geneva on Friday:",
    "Kerry told  reporters ,  ",
    "Kerry told\n",
    "He said, ",
    "The minister, who arrived late, said:",
    "said:",
    " said:",
    "  said",
    "Lavrov told a gathering of regional governors and their deputies that",
    "on Monday that the talks",
    ", on Monday, in a written statement, that",
    "late on Friday also earlier to reporters that",
    "on the phone to reporters",
    "in a written statements",
    "on Monday’s talks",
    "on ",
    "Troops entered the valley on Friday, the Syrian Observatory for Human Rights said.",
    "Troops entered the valley, on Friday, the Observatory said on Friday.",
    "The fighting goes on, the ministry said in a written statement!",
    "A, b said",
    "A,  said",
    "“A, b c said",
    "\nA, bc said",
    "Ab\n, cd said.",
    "The fighting has cost 12,000 lives, according to the United Nations.",
    "The fighting has cost lives according to the UN, and more",
    " according to the UN",
    "  according to the UN",
    ",  according to the UN",
    "x,\n according to officials",
    "x\n according to officials",
    "x, according to .",
    "x according to according to y",
    "According to the UN, the fighting goes on.",
    "According to the UN, ",
    "According to the UN,  \nmore",
    "According to the UN,\n more",
    "According to , more",
    "According to the UN",
    ", an analyst with the Atlantic Council, said",
    ",said",
    ", has said the",
    " also said",
    " has warned",
    " has warnedx",
    ", a very long apposition that goes on and on and on for far more than eighty characters in all, said",
    " said”",
    "Kerry said that’s all",
];

#[test]
fn agree_on_tricky_strings() {
    let old = Old::new();
    let mut hits = [0; 9];
    for s in TRICKY {
        old.check(s, &mut hits);
        // Also as the tail of a longer text, and with a long run before it.
        old.check(&format!("Kerry met Lavrov in Geneva {s}"), &mut hits);
        old.check(&format!("{}{s}", "word ".repeat(20)), &mut hits);
    }
    assert!(hits.iter().all(|&n| n >= 3), "{hits:?}");
}

/// Pieces random strings are built from: the verbs, the words around them, every kind of
/// mark and blank the patterns treat specially, and long runs for the repeat limits.
const PIECES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "warned",
    "insisted",
    "reported",
    "explained",
    "noted",
    "wants",
    "called for",
    "calls",
    "was quoted as saying",
    "has ",
    "have ",
    "had ",
    "also ",
    "on ",
    "late on ",
    "in a ",
    "written ",
    "statement",
    "statements",
    "in a statement",
    "earlier",
    "to reporters",
    "according to ",
    "According to ",
    "Dr.",
    "Mr",
    "(ret.)",
    "(r",
    ")",
    "Kerry",
    "the",
    "that",
    "x",
    "é",
    "’",
    "_",
    "²",
    "\u{301}",
    "\u{200d}",
    "‿",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\u{a0}",
    "\t",
    ",",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "“",
    "”",
    "\"",
    "A",
    "b",
    "1",
    "abcdefghijklmnopqrstuvwxyz ",
    "an official with a long title and a longer name ",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn agree_on_random_strings() {
    let old = Old::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut hits = [0; 9];
    // Fewer strings in unoptimised test builds, where the old regexes are slow.
    let rounds = if cfg!(debug_assertions) {
        25_000
    } else {
        100_000
    };
    for _ in 0..rounds {
        let n = 1 + rng.below(24);
        let s: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        old.check(&s, &mut hits);
    }
    // Every pattern matched often enough for the comparison to mean something.
    assert!(hits.iter().all(|&n| n >= rounds / 1_000), "{hits:?}");
}

#[test]
fn word_and_space_classes_match_the_regex_crate() {
    let word = re(r"^\w$");
    let space = re(r"^\s$");
    for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
        let s = c.to_string();
        assert_eq!(
            is_word(c),
            word.is_match(&s),
            "\\w {c:?} U+{:04X}",
            c as u32
        );
        assert_eq!(
            c.is_whitespace(),
            space.is_match(&s),
            "\\s U+{:04X}",
            c as u32
        );
    }
}

/// A searcher built once finds what `match_indices` finds: leftmost occurrences that do
/// not overlap ("saysays" holds one "says", not two).
#[test]
fn occurrences_are_those_of_match_indices() {
    let texts = [
        "saysays",
        "he says, she says",
        "",
        "said said said.",
        "according to according to officials",
        "Ünal said — “told” toldtold",
    ];
    for word in ["says", "said", "told", "according to "] {
        let f = finder(word);
        for t in texts {
            let want: Vec<usize> = t.match_indices(word).map(|(i, _)| i).collect();
            assert_eq!(
                occurrences(&f, t).collect::<Vec<_>>(),
                want,
                "{word:?} {t:?}"
            );
        }
    }
}
