//! `brief email`: .eml output, and delivery to a real SMTP server on loopback (aiosmtpd,
//! started by `tests/support/smtp_sink.py` with `$BRIEF_PYTHON`, default `python3`). Without a
//! Python that has aiosmtpd the SMTP tests skip with a printed reason, except under CI (env `CI`
//! set), where they fail. `.ci/run` makes a venv with aiosmtpd and points `BRIEF_PYTHON` at it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use brief::render::mail;

use super::{BriefTest, brief, text};

const FROM: &str = "Brief Desk <brief@example.org>";
const SUBJECT: &str = "Suez : écluse rouverte — 369 navires attendent ⚓";
const PASSWORD: &str = "s3cret-Passw0rd";

/// The Python that runs the SMTP server: `$BRIEF_PYTHON`, or `python3` on the PATH.
fn python() -> std::ffi::OsString {
    std::env::var_os("BRIEF_PYTHON").unwrap_or_else(|| "python3".into())
}

/// A running aiosmtpd server that saves each message it receives; killed on drop.
pub(crate) struct SmtpSink {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    /// Start the server, or return None (after printing why) when python3 or aiosmtpd is
    /// missing outside CI.
    pub(crate) fn start(extra: &[&str]) -> Option<SmtpSink> {
        let probe = Command::new(python())
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status();
        if !probe.is_ok_and(|s| s.success()) {
            let why = "no Python with aiosmtpd (make a venv with aiosmtpd and set BRIEF_PYTHON to its python)";
            if std::env::var_os("CI").is_some() {
                panic!("CI is set, so the SMTP test cannot be skipped: {why}");
            }
            eprintln!("SKIPPED: SMTP delivery test: {why}");
            println!("SKIPPED: SMTP delivery test: {why}");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_sink.py");
        let mut child = Command::new(python())
            .arg(script)
            .arg("--outdir")
            .arg(dir.path())
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("PORT ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("smtp_sink.py did not start: {line:?}"));
        Some(SmtpSink { child, port, dir })
    }

    pub(crate) fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The messages received so far, parsed by the server (see smtp_sink.py).
    fn messages(&self) -> Vec<serde_json::Value> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Wait (briefly) for `n` messages: the server writes after replying 250.
    pub(crate) fn wait_for(&self, n: usize) -> Vec<serde_json::Value> {
        let start = Instant::now();
        loop {
            let got = self.messages();
            if got.len() >= n || start.elapsed() > Duration::from_secs(10) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn suez() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/suez-2021-03")
}

pub(crate) fn part<'a>(msg: &'a serde_json::Value, content_type: &str) -> &'a str {
    msg["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["content_type"] == content_type)
        .unwrap_or_else(|| panic!("no {content_type} part: {msg}"))["text"]
        .as_str()
        .unwrap()
}

#[test]
fn brief_folder_is_delivered_over_smtp_with_both_parts_and_headers() {
    let Some(sink) = SmtpSink::start(&[]) else {
        return;
    };
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "desk@example.org", "--to", "Ana <ana@example.net>"])
        .args(["--from", FROM, "--subject", SUBJECT])
        .args(["--date", "2021-03-29T14:00:00+02:00", "--smtp", &sink.url()])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("sent to desk@example.org"), "{stdout}");
    let msgs = sink.wait_for(1);
    assert_eq!(msgs.len(), 1, "one message received");
    let msg = &msgs[0];
    assert_eq!(msg["mail_from"], "brief@example.org");
    assert_eq!(
        msg["rcpt_tos"],
        serde_json::json!(["desk@example.org", "ana@example.net"])
    );
    let h = &msg["headers"];
    assert_eq!(h["Subject"], SUBJECT, "non-ASCII subject survives: {h}");
    assert_eq!(h["From"], FROM);
    assert_eq!(h["Date"], "Mon, 29 Mar 2021 12:00:00 +0000");
    let id = h["Message-ID"].as_str().unwrap();
    assert!(
        id.starts_with("<brief.") && id.ends_with("@example.org>"),
        "{id}"
    );
    assert_eq!(h["MIME-Version"], "1.0");
    assert_eq!(msg["content_type"], "multipart/alternative");
    // Both parts: the files of the brief folder, made for mail clients.
    let md = std::fs::read_to_string(suez().join("brief.md")).unwrap();
    let html = std::fs::read_to_string(suez().join("brief.html")).unwrap();
    let plain = part(msg, "text/plain").replace("\r\n", "\n");
    let rich = part(msg, "text/html").replace("\r\n", "\n");
    assert_eq!(plain.trim_end(), mail::text_part(&md).trim_end());
    assert_eq!(rich.trim_end(), mail::html_part(&html).unwrap().trim_end());
    assert!(
        rich.contains("<style>") && rich.contains("style=\"color: #8a1c1c"),
        "CSS travels with the HTML part, inlined"
    );
    // The raw message encodes the subject (RFC 2047): no 8-bit header.
    let raw = std::fs::read(sink.dir.path().join("1.eml")).unwrap();
    let head = &raw[..raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap()];
    assert!(head.is_ascii(), "headers are 7-bit");
}

#[test]
fn subject_defaults_to_the_title_of_a_brief_built_from_sources() {
    let Some(sink) = SmtpSink::start(&[]) else {
        return;
    };
    let t = BriefTest::fixture("basic");
    let out = t.run(&[
        "email",
        "sources",
        "--to",
        "desk@example.org",
        "--from",
        FROM,
        "--smtp",
        &sink.url(),
    ]);
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !t.path().join("brief.md").exists(),
        "email writes no brief files"
    );
    let msgs = sink.wait_for(1);
    let built = t.run(&["build", "sources", "-o", "-", "--format", "json"]);
    let brief: serde_json::Value = serde_json::from_slice(&built.stdout).unwrap();
    assert_eq!(msgs[0]["headers"]["Subject"], brief["title"]);
    let plain = part(&msgs[0], "text/plain").replace("\r\n", "\n");
    assert!(plain.contains("What happened\n-------------"), "{plain}");
    assert!(part(&msgs[0], "text/html").contains("<h2"));
}

#[test]
fn credentials_are_never_sent_without_tls() {
    let Some(sink) = SmtpSink::start(&[]) else {
        return;
    };
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "desk@example.org", "--from", FROM])
        .args(["--smtp", &sink.url()])
        .env("BRIEF_SMTP_USER", "desk")
        .env("BRIEF_SMTP_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("STARTTLS"), "{stderr}");
    assert!(stderr.contains("not sent"), "{stderr}");
    assert!(!stderr.contains(PASSWORD) && !stdout.contains(PASSWORD));
    std::thread::sleep(Duration::from_millis(300));
    assert!(sink.messages().is_empty(), "nothing delivered");
}

#[test]
fn rejected_recipient_is_a_delivery_error() {
    let Some(sink) = SmtpSink::start(&["--reject-domain", "blocked.example"]) else {
        return;
    };
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "someone@blocked.example", "--from", FROM])
        .args(["--smtp", &sink.url()])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("refused"), "{stderr}");
    assert!(stderr.contains("550"), "{stderr}");
    assert!(stderr.contains("someone@blocked.example"), "{stderr}");
    assert!(sink.messages().is_empty());
}

#[test]
fn a_silent_or_stalled_server_is_named_as_a_timeout() {
    // Two loopback servers that accept and then never answer: one says nothing at all, one
    // greets and then stalls. Bounded: a 1-second timeout, and each run must end within 20 s.
    for greeting in [None, Some("220 stalled.example ESMTP\r\n")] {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            if let Some(g) = greeting {
                std::io::Write::write_all(&mut stream, g.as_bytes()).unwrap();
            }
            std::thread::sleep(std::time::Duration::from_secs(4));
        });
        let started = std::time::Instant::now();
        let out = brief()
            .arg("email")
            .arg(suez())
            .args(["--to", "desk@example.org", "--from", FROM])
            .args(["--smtp", &format!("smtp://127.0.0.1:{port}")])
            .env("BRIEF_SMTP_TIMEOUT", "1")
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let (_, stderr) = text(&out);
        assert!(started.elapsed().as_secs() < 20);
        assert_eq!(out.status.code(), Some(4), "{stderr}");
        assert!(
            stderr.contains(&format!("smtp://127.0.0.1:{port}")),
            "{stderr}"
        );
        assert!(stderr.contains("timed out"), "{stderr}");
        assert!(stderr.contains("BRIEF_SMTP_TIMEOUT"), "{stderr}");
        assert!(!stderr.contains("os error 11"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        server.join().unwrap();
    }
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "desk@example.org", "--from", FROM])
        .args(["--smtp", "smtp://127.0.0.1:9"])
        .env("BRIEF_SMTP_TIMEOUT", "soon")
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("BRIEF_SMTP_TIMEOUT"), "{stderr}");
}

#[test]
fn refused_connection_is_a_clear_delivery_error() {
    // A port nobody listens on: bind one, then close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "desk@example.org", "--from", FROM])
        .args(["--smtp", &format!("smtp://127.0.0.1:{port}")])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!("smtp://127.0.0.1:{port}")),
        "{stderr}"
    );
    assert!(stderr.contains("cannot connect"), "{stderr}");
    assert!(stderr.to_lowercase().contains("refused"), "{stderr}");
}

#[test]
fn bad_addresses_and_missing_destination_are_usage_errors() {
    let run = |args: &[&str]| {
        let out = brief()
            .arg("email")
            .arg(suez())
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), text(&out).1)
    };
    let (code, err) = run(&["--to", "not an address", "--from", FROM, "--eml", "-"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("bad email address \"not an address\""),
        "{err}"
    );
    let (code, err) = run(&["--to", "a@example.org", "--from", "nobody", "--eml", "-"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("\"nobody\""), "{err}");
    let (code, err) = run(&["--to", "a@example.org", "--from", FROM]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--eml FILE, or --smtp URL"), "{err}");
    let (code, err) = run(&[
        "--to",
        "a@example.org",
        "--from",
        FROM,
        "--smtp",
        "smtp://user:pw@127.0.0.1:25",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("BRIEF_SMTP_PASSWORD") && !err.contains("pw@"),
        "{err}"
    );
    let (code, err) = run(&["--to", "a@example.org", "--from", FROM, "--date", "soon"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--date"), "{err}");
}

#[test]
fn eml_is_reproducible_with_a_pinned_date() {
    let t = BriefTest::empty();
    let args = |file: &str| {
        vec![
            "email".to_string(),
            suez().display().to_string(),
            "--to".into(),
            "desk@example.org".into(),
            "--from".into(),
            FROM.into(),
            "--date".into(),
            "2021-03-29".into(),
            "--eml".into(),
            file.into(),
        ]
    };
    for file in ["a.eml", "b.eml"] {
        let out = brief()
            .current_dir(t.path())
            .args(args(file))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out).1);
    }
    let a = t.read("a.eml");
    assert_eq!(a, t.read("b.eml"), "same inputs and --date, same bytes");
    assert!(a.contains("Date: Mon, 29 Mar 2021 00:00:00 +0000"), "{a}");
    assert!(
        a.contains("Subject: Suez reopens, but the backlog and the bill are only beginning"),
        "default subject is the title: {a}"
    );
    assert!(a.contains("Content-Type: multipart/alternative;"), "{a}");
    assert!(a.contains("Content-Type: text/plain; charset=utf-8"), "{a}");
    assert!(a.contains("Content-Type: text/html; charset=utf-8"), "{a}");
}

#[test]
fn eml_to_a_pipe_writes_into_it_and_leaves_it_a_pipe() {
    // The atomic write (temporary file + rename) must not replace a device or pipe, such as
    // /dev/null: a fifo stands in for it here, so a regression cannot damage the machine.
    let t = BriefTest::empty();
    let fifo = t.path().join("pipe.eml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set, so the pipe test cannot be skipped: no mkfifo"
        );
        eprintln!("SKIPPED: no mkfifo");
        println!("SKIPPED: no mkfifo");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "desk@example.org", "--from", FROM, "--eml"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    let start = Instant::now();
    while !reader.is_finished() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(reader.is_finished(), "nothing was written into the pipe");
    let eml = reader.join().unwrap();
    assert!(eml.contains("multipart/alternative"), "{eml}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(!kind.is_file(), "the pipe was replaced by a file");
}

/// A throw-away certificate authority and a server certificate for 127.0.0.1, made with the
/// openssl command; None (after printing why) when openssl is missing outside CI.
fn test_pki(dir: &Path) -> Option<()> {
    let have = Command::new("openssl")
        .arg("version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have {
        let why = "the openssl command is not installed";
        if std::env::var_os("CI").is_some() {
            panic!("CI is set, so the SMTP TLS test cannot be skipped: {why}");
        }
        eprintln!("SKIPPED: SMTP TLS test: {why}");
        return None;
    }
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "openssl {args:?}: {}", text(&out).1);
    };
    std::fs::write(
        dir.join("leaf.cnf"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n\
         extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n",
    )
    .unwrap();
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=brief test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "key.pem",
        "-out",
        "leaf.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "cert.pem",
        "-days",
        "2",
        "-extfile",
        "leaf.cnf",
    ]);
    Some(())
}

/// Send the Suez brief to a STARTTLS + AUTH server with the given password; the test CA is
/// trusted through SSL_CERT_FILE (read by the system certificate loader) when `trust`; None
/// when the test must skip.
fn send_with_auth(
    password: &str,
    trust: bool,
) -> Option<(std::process::Output, Vec<serde_json::Value>, String)> {
    let pki = tempfile::tempdir().unwrap();
    test_pki(pki.path())?;
    let cert = pki.path().join("cert.pem").display().to_string();
    let key = pki.path().join("key.pem").display().to_string();
    let sink = SmtpSink::start(&[
        "--tls-cert",
        &cert,
        "--tls-key",
        &key,
        "--auth",
        &format!("desk:{PASSWORD}"),
    ])?;
    let mut cmd = brief();
    cmd.arg("email")
        .arg(suez())
        .args([
            "--to",
            "desk@example.org",
            "--from",
            FROM,
            "--smtp",
            &sink.url(),
        ])
        .env("BRIEF_SMTP_USER", "desk")
        .env("BRIEF_SMTP_PASSWORD", password)
        .env_remove("SSL_CERT_DIR");
    if trust {
        cmd.env("SSL_CERT_FILE", pki.path().join("ca.pem"));
    } else {
        // The system's trust store, which does not know the test CA.
        cmd.env_remove("SSL_CERT_FILE");
    }
    let out = cmd.output().unwrap();
    let msgs = if out.status.success() {
        sink.wait_for(1)
    } else {
        sink.messages()
    };
    let log = std::fs::read_to_string(sink.dir.path().join("auth.log")).unwrap_or_default();
    Some((out, msgs, log))
}

#[test]
fn credentials_go_over_starttls_and_a_wrong_password_is_a_clear_error() {
    let Some((out, msgs, log)) = send_with_auth(PASSWORD, true) else {
        return;
    };
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(msgs.len(), 1);
    assert_eq!(log, "ok desk\n", "authenticated once, after STARTTLS");

    let (out, msgs, log) = send_with_auth("wrong-password", true).unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("authentication failed"), "{stderr}");
    assert!(stderr.contains("535"), "{stderr}");
    assert!(!stderr.contains("wrong-password") && !stdout.contains("wrong-password"));
    assert!(msgs.is_empty());
    assert_eq!(log, "fail desk\n");
}

#[test]
fn an_untrusted_certificate_stops_before_the_credentials() {
    let Some((out, msgs, log)) = send_with_auth(PASSWORD, false) else {
        return;
    };
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("certificate is not trusted"), "{stderr}");
    assert!(!stderr.contains(PASSWORD));
    assert!(msgs.is_empty());
    assert_eq!(log, "", "no AUTH attempt");
}

/// Undo quoted-printable (soft line breaks and =XX) for checking a written .eml.
pub(crate) fn unquote(qp: &str) -> String {
    let joined = qp.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn brief_toml_email_settings_make_the_daily_job_flag_free() {
    let t = BriefTest::fixture("basic");
    std::fs::write(
        t.path().join("sources/brief.toml"),
        "[email]\nto = [\"desk@example.org\", \"night@example.org\"]\nfrom = \"Briefs <brief@example.org>\"\nsubject = \"Morning brief\"\n",
    )
    .unwrap();
    assert!(t.run(&["build", "sources", "-q"]).status.success());
    let out = t.run(&["email", ".", "--date", "2025-04-03", "--eml", "out.eml"]);
    assert!(out.status.success(), "{}", text(&out).1);
    let eml = t.read("out.eml");
    assert!(
        eml.contains("To: desk@example.org, night@example.org"),
        "{eml}"
    );
    assert!(eml.contains("From: Briefs <brief@example.org>"), "{eml}");
    assert!(eml.contains("Subject: Morning brief"), "{eml}");
    // A flag still wins over the file.
    let out = t.run(&[
        "email",
        ".",
        "--to",
        "other@example.org",
        "--date",
        "2025-04-03",
        "--eml",
        "-",
    ]);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("To: other@example.org"), "{stdout}");
    // Without the file, the recipient is asked for.
    std::fs::remove_file(t.path().join("sources/brief.toml")).unwrap();
    let out = t.run(&["email", ".", "--from", "a@example.org", "--eml", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("no recipient"), "{}", text(&out).1);
}

/// What Gmail, Outlook and Apple Mail need of an HTML message, checked on the example brief:
/// no CSS custom properties or `:has()` (Gmail drops a `<style>` it cannot parse, Outlook
/// ignores both), the look carried by `style` attributes (Gmail strips classes' rules in
/// some views, Outlook reads only inline styles), nothing loaded from outside, no script,
/// and under Gmail's 102 KB clipping limit.
#[test]
fn the_html_part_meets_mail_client_constraints() {
    let page = std::fs::read_to_string(suez().join("brief.html")).unwrap();
    let html = mail::html_part(&page).unwrap();
    for banned in [
        "var(",
        ":has(",
        "<script",
        "<link",
        "@import",
        "url(",
        "position:",
        "::marker",
    ] {
        assert!(!html.contains(banned), "the email HTML contains {banned}");
    }
    assert!(
        page.contains("var(--accent)"),
        "the page itself keeps its variables"
    );
    assert!(
        html.len() < 102 * 1024,
        "Gmail clips over 102 KB: {} bytes",
        html.len()
    );
    // Every element the page's stylesheet dresses carries its look inline.
    for tag in ["<h1 ", "<h2 ", "<table", "<th", "<td", "<a "] {
        let styled = html.split(tag).skip(1).any(|rest| {
            rest.split('>')
                .next()
                .unwrap_or_default()
                .contains("style=\"")
        });
        assert!(styled, "no {tag} with a style attribute");
    }
    let h2 = &html[html.find("<h2 ").unwrap()..];
    let h2 = &h2[..h2.find('>').unwrap()];
    assert!(h2.contains("color: #8a1c1c"), "{h2}");
    assert!(
        html.contains("class=\"src\" style=\""),
        "citation labels styled inline"
    );
    // The .eml carries that HTML, and a plain-text part with no Markdown syntax.
    let out = brief()
        .arg("email")
        .arg(suez())
        .args(["--to", "desk@example.org", "--from", "brief@example.org"])
        .args(["--date", "2021-03-29", "--eml", "-"])
        .output()
        .unwrap();
    let eml = unquote(&String::from_utf8_lossy(&out.stdout)).replace("\r\n", "\n");
    assert!(
        eml.contains("style=\"color: #8a1c1c"),
        "inlined HTML in the message"
    );
    let plain = &eml[..eml.find("Content-Type: text/html").unwrap()];
    assert!(plain.contains("What happened\n-------------"), "{plain}");
    for md in ["](http", "**", "## ", "\\"] {
        assert!(!plain.contains(md), "Markdown {md:?} in the text part");
    }
}
