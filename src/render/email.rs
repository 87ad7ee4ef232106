//! Email delivery: the brief as a multipart/alternative message (text/plain = the Markdown
//! brief, text/html = the HTML page), written as an `.eml` file or sent over SMTP.
//!
//! The message is reproducible: given the same parts and `Date`, the `Message-ID` and MIME
//! boundary are derived from the content (no random numbers), so `--date` pins the whole file.
//! Headers from article text (the subject is the brief's title) are folded onto one line and
//! stripped of control characters before lettre encodes them (RFC 2047 for non-ASCII).
//!
//! ```
//! use brief::render::email::{Email, compose, parse_date};
//!
//! let to = vec!["desk@example.org".to_string()];
//! let email = Email {
//!     from: "brief@example.org",
//!     to: &to,
//!     subject: "Suez: Ever Given refloated",
//!     text: "# Suez\n",
//!     html: "<h1>Suez</h1>",
//!     date: parse_date("2021-03-29T12:00:00Z").unwrap(),
//! };
//! let eml = String::from_utf8(compose(&email).unwrap().formatted()).unwrap();
//! assert!(eml.contains("Date: Mon, 29 Mar 2021 12:00:00 +0000"));
//! assert!(eml.contains("multipart/alternative"));
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};

use crate::error::{Error, Result};

/// Environment variable holding the SMTP user name.
pub const USER_ENV: &str = "BRIEF_SMTP_USER";
/// Environment variable holding the SMTP password.
pub const PASSWORD_ENV: &str = "BRIEF_SMTP_PASSWORD";

/// Environment variable: how many seconds to wait for the SMTP server (default 30).
pub const TIMEOUT_ENV: &str = "BRIEF_SMTP_TIMEOUT";
/// How long to wait for the SMTP server before giving up, unless [`TIMEOUT_ENV`] says.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The SMTP timeout: [`TIMEOUT_ENV`] in seconds (1 to 3600), else 30 seconds.
pub fn timeout_from_env(var: impl Fn(&str) -> Option<String>) -> Result<Duration> {
    match var(TIMEOUT_ENV) {
        None => Ok(TIMEOUT),
        Some(v) => match v.trim().parse::<u64>() {
            Ok(secs @ 1..=3600) => Ok(Duration::from_secs(secs)),
            _ => Err(Error::Usage(format!(
                "{TIMEOUT_ENV} must be a number of seconds from 1 to 3600, not {v:?}"
            ))),
        },
    }
}

/// Everything that goes into the message.
#[derive(Debug, Clone)]
pub struct Email<'a> {
    /// Sender address (`From`), e.g. `Briefs <brief@example.org>`.
    pub from: &'a str,
    /// Recipient addresses (`To`).
    pub to: &'a [String],
    /// Subject; folded onto one line, control characters removed.
    pub subject: &'a str,
    /// The text/plain part: the Markdown brief.
    pub text: &'a str,
    /// The text/html part: the HTML page.
    pub html: &'a str,
    /// The `Date` header.
    pub date: SystemTime,
}

/// Build the multipart/alternative message.
pub fn compose(email: &Email<'_>) -> Result<Message> {
    let from = mailbox(email.from)?;
    let domain = from.email.domain().to_string();
    let subject = header_text(email.subject);
    let seconds = email
        .date
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let digest = fingerprint(&[
        email.from.as_bytes(),
        email.to.join(",").as_bytes(),
        subject.as_bytes(),
        &seconds.to_be_bytes(),
        email.text.as_bytes(),
        email.html.as_bytes(),
    ]);
    let mut builder = Message::builder()
        .from(from)
        .subject(subject)
        .date(email.date)
        .message_id(Some(format!("<brief.{digest}@{domain}>")))
        .user_agent(format!(
            "{} {}",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION")
        ));
    if email.to.is_empty() {
        return Err(Error::Usage(
            "an email needs at least one --to address".into(),
        ));
    }
    for to in email.to {
        builder = builder.to(mailbox(to)?);
    }
    let body = MultiPart::alternative()
        .boundary(format!("brief-{digest}"))
        .singlepart(SinglePart::plain(email.text.to_string()))
        .singlepart(SinglePart::html(email.html.to_string()));
    builder
        .multipart(body)
        .map_err(|e| Error::Usage(format!("cannot build the email: {e}")))
}

/// Parse an address (`name@example.org` or `Name <name@example.org>`).
pub fn mailbox(address: &str) -> Result<Mailbox> {
    address
        .trim()
        .parse::<Mailbox>()
        .map_err(|e| Error::Usage(format!("bad email address {address:?}: {e}")))
}

/// Fold white space and drop control and bidi-override characters: one header, one line.
pub fn header_text(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .map(|w| w.replace(super::markdown::is_bidi_control, ""))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title of a Markdown brief: its first `# ` heading, with backslash escapes removed.
pub fn markdown_title(markdown: &str) -> Option<String> {
    let line = markdown.lines().find_map(|l| l.strip_prefix("# "))?;
    let mut out = String::with_capacity(line.len());
    let mut chars = line.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(n)) if n.is_ascii_punctuation() => {
                out.push(*n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// Parse `--date` with [jiff]: RFC 3339 (`2021-03-29T12:00:00Z`, `2021-03-29T14:00:00+02:00`),
/// a bare date (`2021-03-29`, midnight UTC) or Unix seconds (`1617019200`). A time needs its
/// offset (`Z` or `+02:00`): a Date header without one would depend on where it is sent.
pub fn parse_date(text: &str) -> Result<SystemTime> {
    let text = text.trim();
    let bad = || {
        Error::Usage(format!(
            "bad --date {text:?}: use 2021-03-29T12:00:00Z, 2021-03-29 or Unix seconds"
        ))
    };
    let timestamp = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = text.parse().map_err(|_| bad())?;
        jiff::Timestamp::from_second(secs).map_err(|_| bad())?
    } else if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        ts
    } else {
        let date: jiff::civil::Date = text.parse().map_err(|_| bad())?;
        date.to_zoned(jiff::tz::TimeZone::UTC)
            .map_err(|_| bad())?
            .timestamp()
    };
    if timestamp < jiff::Timestamp::UNIX_EPOCH {
        return Err(bad());
    }
    Ok(SystemTime::from(timestamp))
}

/// A 128-bit FNV-1a fingerprint as hex: stable across Rust versions, unlike `DefaultHasher`.
fn fingerprint(parts: &[&[u8]]) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    for part in parts {
        for &byte in part.iter().chain(&[0xff]) {
            a = (a ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{a:016x}{b:016x}")
}

/// An SMTP server from `--smtp`: `smtps://host[:port]` (implicit TLS, port 465) or
/// `smtp://host[:port]` (port 587; STARTTLS when offered, required when sending credentials).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpServer {
    /// Host name or IP address.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// TLS from the first byte (`smtps://`).
    pub implicit_tls: bool,
}

impl SmtpServer {
    /// Parse an `smtp://` or `smtps://` URL given as `--smtp`. Credentials in the URL are
    /// refused: they belong in the environment ([`USER_ENV`], [`PASSWORD_ENV`]), where they
    /// are not shown by `ps`.
    pub fn parse(text: &str) -> Result<SmtpServer> {
        SmtpServer::parse_url(text).map_err(|why| Error::Usage(format!("bad --smtp URL: {why}")))
    }

    /// Parse an `smtp://` or `smtps://` URL; the error says what is wrong with it (for
    /// `--smtp` and for `smtp` in brief.toml).
    pub fn parse_url(text: &str) -> std::result::Result<SmtpServer, String> {
        let usage = "use smtp://HOST[:PORT] or smtps://HOST[:PORT]";
        let url = url::Url::parse(text.trim()).map_err(|e| format!("{e}: {usage}"))?;
        let implicit_tls = match url.scheme() {
            "smtps" => true,
            "smtp" => false,
            _ => return Err(usage.to_string()),
        };
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "it must not hold a user or password: set {USER_ENV} and {PASSWORD_ENV} in the \
                 environment instead"
            ));
        }
        let host = match url.host() {
            Some(url::Host::Domain(d)) if !d.is_empty() => d.to_string(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            _ => return Err("no host".to_string()),
        };
        let port = url.port().unwrap_or(if implicit_tls { 465 } else { 587 });
        Ok(SmtpServer {
            host,
            port,
            implicit_tls,
        })
    }

    fn label(&self) -> String {
        let scheme = if self.implicit_tls { "smtps" } else { "smtp" };
        if self.host.contains(':') {
            format!("{scheme}://[{}]:{}", self.host, self.port)
        } else {
            format!("{scheme}://{}:{}", self.host, self.port)
        }
    }
}

/// SMTP credentials from the environment: both variables or neither.
pub fn credentials_from_env(var: impl Fn(&str) -> Option<String>) -> Result<Option<Credentials>> {
    match (var(USER_ENV), var(PASSWORD_ENV)) {
        (Some(user), Some(password)) => Ok(Some(Credentials::new(user, password))),
        (None, None) => Ok(None),
        _ => Err(Error::Usage(format!(
            "set both {USER_ENV} and {PASSWORD_ENV}, or neither"
        ))),
    }
}

/// Send `message` to `server`. With credentials, the connection must be encrypted (implicit
/// TLS or STARTTLS) before they are sent; without, STARTTLS is used when the server offers it.
pub fn send(
    message: &Message,
    server: &SmtpServer,
    credentials: Option<Credentials>,
) -> Result<()> {
    let timeout = timeout_from_env(|k| std::env::var(k).ok())?;
    let label = server.label();
    let failed = |message: String| Error::Delivery {
        server: label.clone(),
        message,
    };
    let tls = TlsParameters::new(server.host.clone())
        .map_err(|e| failed(format!("cannot set up TLS: {}", chain(&e))))?;
    let has_credentials = credentials.is_some();
    let tls = if server.implicit_tls {
        Tls::Wrapper(tls)
    } else if has_credentials {
        Tls::Required(tls)
    } else {
        Tls::Opportunistic(tls)
    };
    let mut builder = SmtpTransport::builder_dangerous(server.host.as_str())
        .port(server.port)
        .tls(tls)
        .timeout(Some(timeout));
    if let Some(credentials) = credentials {
        builder = builder.credentials(credentials);
    }
    builder
        .build()
        .send(message)
        .map(|_| ())
        .map_err(|e| failed(explain(&e, has_credentials, timeout)))
}

/// A delivery error in the user's terms, quoting the server's reply once.
fn explain(e: &lettre::transport::smtp::Error, has_credentials: bool, timeout: Duration) -> String {
    let detail = chain(e);
    // lettre says "permanent error (550): text"; say it once, as the server did.
    let reply = detail.split_once("): ").map_or(detail.as_str(), |(_, r)| r);
    let code = e.status().map(|c| c.to_string()).unwrap_or_default();
    if has_credentials && detail.contains("STARTTLS is not supported") {
        format!(
            "the server does not offer STARTTLS, so the credentials in {USER_ENV} and \
             {PASSWORD_ENV} were not sent and nothing was delivered; use smtps:// or a \
             server that supports STARTTLS"
        )
    } else if ["530", "534", "535", "538"].contains(&code.as_str()) {
        if has_credentials {
            format!("authentication failed for the user in {USER_ENV}: {code} {reply}")
        } else {
            format!(
                "the server requires authentication: set {USER_ENV} and {PASSWORD_ENV} \
                 ({code} {reply})"
            )
        }
    } else if detail.contains("invalid peer certificate") {
        format!("TLS failed: the server's certificate is not trusted here ({detail})")
    } else if e.is_permanent() || e.is_transient() {
        let kind = if e.is_permanent() {
            "refused"
        } else {
            "temporarily refused"
        };
        format!("the server {kind} the message: {code} {reply}")
    } else if e.is_timeout() || timed_out(e) {
        // A read timeout shows as "Resource temporarily unavailable" (EAGAIN): say what it is.
        format!(
            "timed out: the server did not answer within {} seconds (a silent or stalled \
             server; set {TIMEOUT_ENV}=SECONDS to wait longer)",
            timeout.as_secs()
        )
    } else {
        detail.replace("Connection error: ", "cannot connect: ")
    }
}

/// Whether an I/O timeout is behind `err`: a connect timeout (`TimedOut`) or a read or
/// write timeout on the socket (`WouldBlock`, EAGAIN).
fn timed_out(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(err);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>()
            && matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            )
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// An error and its sources, joined with ": " (lettre's own text plus the I/O cause).
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        let line = s.to_string();
        if !text.contains(&line) {
            text.push_str(": ");
            text.push_str(&line);
        }
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let secs = |t: &str| {
            parse_date(t)
                .unwrap()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_secs()
        };
        assert_eq!(secs("1970-01-01"), 0);
        assert_eq!(secs("2021-03-29T12:00:00Z"), 1_617_019_200);
        assert_eq!(secs("2021-03-29T14:00:00+02:00"), 1_617_019_200);
        assert_eq!(secs("2021-03-29 12:00Z"), 1_617_019_200);
        assert_eq!(secs("1617019200"), 1_617_019_200);
        for bad in [
            "",
            "yesterday",
            "2021-13-01",
            "2021-03-29T25:00:00Z",
            "29/03/2021",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn smtp_urls() {
        assert_eq!(
            SmtpServer::parse("smtps://mail.example.org").unwrap(),
            SmtpServer {
                host: "mail.example.org".into(),
                port: 465,
                implicit_tls: true
            }
        );
        let s = SmtpServer::parse("SMTP://127.0.0.1:2525/").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.implicit_tls),
            ("127.0.0.1", 2525, false)
        );
        assert_eq!(SmtpServer::parse("smtp://[::1]:25").unwrap().host, "::1");
        assert_eq!(SmtpServer::parse("smtp://h").unwrap().port, 587);
        for bad in ["http://x", "smtp://", "smtp://u:p@host", "smtp://h:port"] {
            assert!(SmtpServer::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn titles_and_headers() {
        assert_eq!(
            markdown_title("# Ships \\& \\<b\\> \\#1\n\nx").as_deref(),
            Some("Ships & <b> #1")
        );
        assert_eq!(header_text("a\r\nBcc: x@y\u{7}  b"), "a Bcc: x@y b");
    }

    #[test]
    fn messages_are_reproducible_and_multipart() {
        let to = vec!["desk@example.org".to_string()];
        let email = Email {
            from: "Brief <brief@example.org>",
            to: &to,
            subject: "Écluse fermée\r\nBcc: evil@example.org",
            text: "# T\n",
            html: "<p>T</p>",
            date: parse_date("2021-03-29").unwrap(),
        };
        let a = compose(&email).unwrap().formatted();
        assert_eq!(a, compose(&email).unwrap().formatted());
        let eml = String::from_utf8(a).unwrap();
        assert!(eml.contains("Subject: =?utf-8?"), "{eml}");
        assert!(!eml.contains("\r\nBcc:"), "{eml}");
        assert!(eml.contains("Message-ID: <brief."), "{eml}");
        assert!(eml.contains("text/plain; charset=utf-8"), "{eml}");
        assert!(eml.contains("text/html; charset=utf-8"), "{eml}");
        let mut bad = email.clone();
        let nobody = vec!["not an address".to_string()];
        bad.to = &nobody;
        assert!(
            compose(&bad)
                .unwrap_err()
                .to_string()
                .contains("not an address")
        );
    }

    #[test]
    fn credentials_come_in_pairs() {
        assert!(credentials_from_env(|_| None).unwrap().is_none());
        assert!(credentials_from_env(|k| (k == USER_ENV).then(|| "u".into())).is_err());
        assert!(
            credentials_from_env(|_| Some("x".into()))
                .unwrap()
                .is_some()
        );
    }
}
