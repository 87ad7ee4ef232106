//! Person or not: a multi-word name typed as a person by default is retyped when it looks
//! like something else and nothing says it is a person.
//!
//! Detection types an unknown multi-word name as a person by default, so teams ("Carolina
//! Panthers"), bodies ("Defenders of Wildlife") and places ("City of Palmer", "Hawaiian
//! Gardens") came out as people. After resolution, a person cluster with no mention that
//! has a role before it ("Secretary John Kerry"), an honorific ("Mr.", "Dr.") or a known
//! given name first is retyped when its longest name has a sign of another kind: "of" or
//! "for" inside it, an organisation or place head word, or a place or demonym as its
//! first word. It becomes a place when a place word is in it, else an organisation.

use super::ActorKind;
use super::gazetteer::{GAZETTEER, norm};
use super::resolve::{Cluster, Found};
use crate::text::Corpus;

const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame", "miss", "prof"];

/// Whether mention `i` shows it names a person.
fn person_evidence(corpus: &Corpus, found: &[Found], i: usize) -> bool {
    let g = &*GAZETTEER;
    let d = &found[i].det;
    if d.role.is_some() || d.words.first().is_some_and(|w| g.first_names.contains(w)) {
        return true;
    }
    let doc = &corpus.docs[corpus.sentences[found[i].sentence].doc];
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
        if c.members.iter().any(|&i| person_evidence(corpus, found, i)) {
            continue;
        }
        let longest = c
            .members
            .iter()
            .map(|&i| &found[i].det.words)
            .max_by_key(|w| w.len());
        let Some(words) = longest.filter(|w| w.len() > 1) else {
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
    opens
        && f.det.words.len() > 1
        && first.len() > 5
        && (first.ends_with("ing") || first.ends_with("ed"))
        && !GAZETTEER.first_names.contains(first)
}
