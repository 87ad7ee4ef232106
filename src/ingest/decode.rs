//! Decoding: a file's bytes -> text, or the reason it is not text.
//!
//! The method, in order:
//!
//! 1. Zero bytes, or bytes that start like a known binary format (PDF, PNG, JPEG, GIF, ZIP
//!    and Office files, ELF, ...) or that hold NUL bytes or many control characters, are not
//!    text: an error naming the format.
//! 2. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE (the mark is dropped).
//! 3. Valid UTF-8 is taken as is.
//! 4. Otherwise, text that is mostly valid UTF-8 with a few broken bytes is UTF-8 with the
//!    broken bytes replaced by U+FFFD; anything else is a legacy single-byte text, and its
//!    encoding is the one an HTML page declares (`charset=`) or the one `chardetng` guesses
//!    (Windows-1252 for Latin-1 text, since WHATWG reads Latin-1 as Windows-1252).
//!
//! Decoding never fails on odd bytes: they become U+FFFD and the caller gets a note to warn
//! with. Byte spans later in the pipeline index into the decoded `String`, not into the file.

use encoding_rs::{Encoding, UTF_8};

/// A file's text and, when decoding was not plain UTF-8, a note saying what was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without a byte-order mark.
    pub text: String,
    /// What the reader should know (legacy encoding guessed, bytes replaced), if anything.
    pub note: Option<String>,
}

/// How many leading bytes are checked for binary content.
const SNIFF: usize = 8192;

/// Signatures of formats people drop into article folders by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP, WAV or AVI) file"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\xD0\xCF\x11\xE0", "a Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\x7FELF", "a program (ELF)"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
];

/// Decode `bytes`. `html` allows a `<meta charset>` declaration to name the encoding.
/// `Err` holds the reason the bytes are not an article's text.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, String> {
    if bytes.is_empty() {
        return Err("skipped: empty file (0 bytes)".into());
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        let note = errors.then(|| replaced_note(&text, enc.name()));
        return finish(text.into_owned(), note);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!("skipped: {kind}, not text"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), None);
    }
    let (valid_multibyte, invalid) = utf8_counts(bytes);
    if valid_multibyte > invalid {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let note = Some(replaced_note(&text, "UTF-8"));
        return finish(text, note);
    }
    let declared = html.then(|| declared_charset(bytes)).flatten();
    let enc = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        detector.guess(None, false)
    });
    let (text, errors) = enc.decode_without_bom_handling(bytes);
    if let Some(percent) = junk_percent(&text) {
        return Err(format!(
            "skipped: not text ({percent}% of it control characters or unlikely symbols: \
             random or binary bytes)"
        ));
    }
    let how = if declared.is_some() {
        "as the page declares"
    } else {
        "guessed"
    };
    let mut note = format!("not UTF-8: read as {} ({how})", enc.name());
    if errors {
        note = format!("{note}; {}", replaced_note(&text, enc.name()));
    }
    finish(text.into_owned(), Some(note))
}

/// Share of characters in a legacy decoding above which it is junk, not text (percent).
/// Random bytes read as Windows-1252 give about 25%; real text, well under 1%.
const JUNK_PERCENT: usize = 12;

/// When `text` (a legacy single-byte decoding) is mostly characters no article holds, the
/// percentage of them: control characters (tab, line and page breaks aside), C1 controls
/// (bytes Windows-1252 leaves undefined), U+FFFD, and the symbols of Latin-1's upper half
/// and ASCII that prose rarely uses (`¤ ¦ ¨ ¬ ¯ ± ² ³ ´ µ ¶ ¸ ¹ º ¼ ½ ¾ ^ \ { | } ~`).
/// Every alphabet's letters count as likely, so Cyrillic or Greek text is never junk.
fn junk_percent(text: &str) -> Option<usize> {
    let unlikely = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
            || c == '\u{FFFD}'
            || "¤¦¨¬¯±²³´µ¶¸¹º¼½¾^\\{|}~`¥¢§ª®×÷".contains(c)
    };
    let (mut total, mut bad) = (0usize, 0usize);
    // A sample is enough: the first 64 K characters.
    for c in text.chars().take(65_536) {
        total += 1;
        bad += usize::from(unlikely(c));
    }
    let percent = bad * 100 / total.max(1);
    (percent >= JUNK_PERCENT).then_some(percent)
}

/// Reject text that holds nothing but white space.
fn finish(text: String, note: Option<String>) -> Result<Decoded, String> {
    if text.trim().is_empty() {
        return Err("skipped: only white space".into());
    }
    Ok(Decoded { text, note })
}

fn replaced_note(text: &str, encoding: &str) -> String {
    let n = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let s = if n == 1 { "" } else { "s" };
    format!("{n} byte sequence{s} not valid {encoding} replaced with U+FFFD")
}

/// The binary format `bytes` start with, if they are not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    // A stray NUL in text is tolerated (it is dropped on output); binary data and UTF-16
    // without a byte-order mark are full of them.
    let nul = head.iter().filter(|&&b| b == 0).count();
    if nul * 100 > head.len() {
        return Some("binary data (NUL bytes)");
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, 0 | b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    (control * 10 > head.len()).then_some("binary data (control characters)")
}

/// Valid non-ASCII UTF-8 characters and invalid bytes in `bytes`.
fn utf8_counts(bytes: &[u8]) -> (usize, usize) {
    bytes.utf8_chunks().fold((0, 0), |(valid, invalid), chunk| {
        let multibyte = chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        (valid + multibyte, invalid + chunk.invalid().len())
    })
}

/// The encoding an HTML page declares in its first 2 KB (`<meta charset="...">` or
/// `content="text/html; charset=..."`), when `encoding_rs` knows the label. A page that
/// declares UTF-8 but is not valid UTF-8 is left to the guesser.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes()).filter(|&e| e != UTF_8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes, false).unwrap().text
    }

    /// Bytes from a fixed-seed generator (xorshift), the same on every run.
    fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
        let mut x = seed.max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn random_bytes_are_not_text() {
        for seed in 1..=40 {
            for n in [200, 5_000, 100_000] {
                let bytes = random_bytes(seed, n);
                let err = decode(&bytes, false).unwrap_err();
                assert!(err.contains("not text"), "seed {seed}, {n} bytes: {err}");
            }
        }
    }

    #[test]
    fn legacy_text_with_symbols_is_still_text() {
        let latin =
            b"Le co\xFBt: 200 \x80 \xB1 5 %, \xE0 Z\xFCrich (\xA7 3), 20\xB0C \xAB oui \xBB.";
        assert!(decode(latin, false).is_ok());
        // Cyrillic in Windows-1251: letters of another alphabet are likely characters.
        let cyrillic = b"\xCC\xE8\xED\xE8\xF1\xF2\xF0 \xE7\xE0\xFF\xE2\xE8\xEB \xE2 \xEF\xFF\xF2\xED\xE8\xF6\xF3, \xF7\xF2\xEE \xEF\xE5\xF0\xE5\xE3\xEE\xE2\xEE\xF0\xFB \xEF\xF0\xEE\xE4\xEE\xEB\xE6\xE0\xF2\xF1\xFF.";
        assert!(decode(cyrillic, false).is_ok());
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(text("Erdoğan said.".as_bytes()), "Erdoğan said.");
        assert_eq!(text(b"\xEF\xBB\xBFCaf\xC3\xA9."), "Café.");
        assert_eq!(decode(b"plain", false).unwrap().note, None);
    }

    #[test]
    fn utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Café à Genève.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Café à Genève.".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&le), "Café à Genève.");
        assert_eq!(text(&be), "Café à Genève.");
    }

    #[test]
    fn windows_1252_is_guessed_and_noted() {
        let bytes = b"The minister\x92s caf\xE9 in Z\xFCrich cost \x80200 \x96 a \x93bargain\x94.";
        let d = decode(bytes, false).unwrap();
        assert_eq!(
            d.text,
            "The minister’s café in Zürich cost €200 – a “bargain”."
        );
        assert!(d.note.unwrap().contains("windows-1252"));
    }

    #[test]
    fn html_charset_declaration_is_used() {
        let bytes = b"<meta charset=\"iso-8859-1\"><p>Caf\xE9 cr\xE8me</p>";
        let d = decode(bytes, true).unwrap();
        assert!(d.text.contains("Café crème"), "{}", d.text);
        assert!(d.note.unwrap().contains("as the page declares"));
    }

    #[test]
    fn mostly_utf8_keeps_utf8_and_replaces_bad_bytes() {
        let d = decode(b"Caf\xC3\xA9 cr\xC3\xA8me and \xFF here.", false).unwrap();
        assert_eq!(d.text, "Café crème and \u{FFFD} here.");
        assert!(d.note.unwrap().contains("1 byte sequence not valid UTF-8"));
    }

    #[test]
    fn binary_empty_and_blank_are_not_text() {
        for (bytes, want) in [
            (&b""[..], "empty"),
            (b"%PDF-1.7\n...", "PDF"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"PK\x03\x04rest", "ZIP"),
            (b"t\x00e\x00x\x00t\x00", "NUL"),
            (b" \n\t\r\n ", "white space"),
        ] {
            let err = decode(bytes, false).unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }
}
