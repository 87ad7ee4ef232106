//! Inline lists: "1.) The first item 2.) The second item" written as one paragraph.
//!
//! A paragraph that opens with a list marker (an optional bullet, then a number of up to three
//! digits or the letter "a", then ".", ".)" or ")", then a capitalised word) is cut before
//! each following marker of the same style whose label is the next one ("2.)" after "1.)",
//! "b." after "a."). Each item is then split into sentences like any paragraph. Requiring
//! the paragraph to open with a marker and the labels to run in sequence keeps numbers in
//! running text ("in 2. Then") from reading as items.

/// Characters that may stand before a list label.
const BULLETS: &[char] = &['•', '⁃', '◦', '▪', '‣', '-', '*'];
/// Label styles, longest first.
const STYLES: &[&str] = &[".)", ".", ")"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Number(u32),
    Letter(u8),
}

impl Label {
    fn next(self) -> Label {
        match self {
            Label::Number(n) => Label::Number(n + 1),
            Label::Letter(c) => Label::Letter(c.saturating_add(1)),
        }
    }

    fn text(self) -> String {
        match self {
            Label::Number(n) => n.to_string(),
            Label::Letter(c) => char::from(c).to_string(),
        }
    }
}

/// A list marker at the start of `s`: its bullet, label and style, and its length in bytes.
fn marker(s: &str) -> Option<(Option<char>, Label, &'static str, usize)> {
    let bullet = s.chars().next().filter(|c| BULLETS.contains(c));
    let rest = match bullet {
        Some(b) => s[b.len_utf8()..].trim_start_matches(' '),
        None => s,
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (label, after) = if (1..=3).contains(&digits) {
        (Label::Number(rest[..digits].parse().ok()?), &rest[digits..])
    } else {
        let c = rest.bytes().next().filter(u8::is_ascii_lowercase)?;
        (Label::Letter(c), &rest[1..])
    };
    let style = STYLES.iter().copied().find(|st| after.starts_with(st))?;
    let tail = &after[style.len()..];
    let word = tail.trim_start();
    if word.len() == tail.len() || !word.starts_with(char::is_uppercase) {
        return None;
    }
    Some((bullet, label, style, s.len() - tail.len()))
}

/// Byte offsets where the items of an inline list start, or nothing when `text` is not
/// such a list (fewer than two items).
pub(super) fn item_starts(text: &str) -> Vec<usize> {
    let lead = text.len() - text.trim_start().len();
    let Some((bullet, mut label, style, len)) = marker(&text[lead..]) else {
        return Vec::new();
    };
    if matches!(label, Label::Letter(c) if c != b'a') {
        return Vec::new();
    }
    let mut starts = vec![lead];
    let mut from = lead + len;
    loop {
        label = label.next();
        let needle = format!("{}{style}", label.text());
        let found = text[from..].match_indices(&needle).find_map(|(i, _)| {
            let at = from + i;
            let start = match bullet {
                Some(b) => text[..at].trim_end_matches(' ').strip_suffix(b)?.len(),
                None => at,
            };
            let m = marker(&text[start..])?;
            let spaced = text[..start].ends_with(char::is_whitespace);
            (spaced && m.1 == label && m.2 == style).then_some((start, m.3))
        });
        match found {
            Some((start, len)) => {
                starts.push(start);
                from = start + len;
            }
            None => break,
        }
    }
    if starts.len() < 2 {
        starts.clear();
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<&str> {
        let starts = item_starts(text);
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        starts
            .iter()
            .zip(ends)
            .map(|(&s, e)| text[s..e].trim())
            .collect()
    }

    #[test]
    fn inline_lists_are_cut_before_each_marker() {
        assert_eq!(
            items("1.) The first 2.) The second"),
            ["1.) The first", "2.) The second"]
        );
        assert_eq!(
            items("1) One. 2) Two. 3) Three."),
            ["1) One.", "2) Two.", "3) Three."]
        );
        assert_eq!(items("• 9. Nine • 10. Ten"), ["• 9. Nine", "• 10. Ten"]);
        assert_eq!(items("⁃9. Nine ⁃10. Ten"), ["⁃9. Nine", "⁃10. Ten"]);
        assert_eq!(
            items("a. The first b. The second c. The third"),
            ["a. The first", "b. The second", "c. The third"]
        );
    }

    #[test]
    fn running_text_is_not_a_list() {
        assert!(items("He came 1. Then 2. Then 3.").is_empty());
        assert!(items("1. The first item only.").is_empty());
        assert!(items("1. The first 3. The third").is_empty());
        assert!(items("b. The second c. The third").is_empty());
        assert!(items("1. The first 12. The twelfth 2. The second").len() == 2);
        assert!(items("").is_empty());
    }
}
