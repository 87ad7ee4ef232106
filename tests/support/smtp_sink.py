#!/usr/bin/env python3
"""A loopback SMTP server for brief's email tests (aiosmtpd).

Usage: smtp_sink.py --outdir DIR [--reject-domain DOMAIN]
                    [--tls-cert CERT.pem --tls-key KEY.pem] [--auth USER:PASSWORD]

Listens on 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and for every message
received writes DIR/<n>.eml (the raw message) and DIR/<n>.json (the envelope and the message
parsed with Python's email package: decoded headers and each part's decoded text), so the
Rust test needs no MIME decoder. RCPT TO an address at DOMAIN is refused with 550. Runs until
killed or until standard input closes.

With --tls-cert/--tls-key the server offers STARTTLS and requires it before MAIL. With --auth
it requires AUTH (PLAIN or LOGIN, over TLS only) with that user and password; every AUTH
attempt is logged to DIR/auth.log as "ok USER" or "fail USER".
"""

import argparse
import email
import email.policy
import json
import os
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, outdir, reject_domain):
        self.outdir = outdir
        self.reject_domain = (reject_domain or "").lower()
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject_domain and address.lower().endswith("@" + self.reject_domain):
            return "550 5.1.1 <%s>: recipient address rejected" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            parts.append(
                {
                    "content_type": part.get_content_type(),
                    "charset": part.get_content_charset(),
                    "text": part.get_content(),
                }
            )
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {k: str(v) for k, v in msg.items()},
            "content_type": msg.get_content_type(),
            "parts": parts,
        }
        base = os.path.join(self.outdir, "%d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(raw)
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(summary, f, ensure_ascii=False, indent=1)
        os.rename(base + ".eml.tmp", base + ".eml")
        os.rename(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


class Authenticator:
    def __init__(self, outdir, user, password):
        self.log = os.path.join(outdir, "auth.log")
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.user
            and auth_data.password == self.password
        )
        login = auth_data.login.decode() if isinstance(auth_data, LoginPassword) else "?"
        with open(self.log, "a", encoding="utf-8") as f:
            f.write("%s %s\n" % ("ok" if ok else "fail", login))
        return AuthResult(success=ok, handled=False)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--reject-domain")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--auth")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    port = free_port()
    options = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(tls_context=context, require_starttls=True)
    if args.auth:
        user, password = args.auth.split(":", 1)
        options.update(
            authenticator=Authenticator(args.outdir, user, password),
            auth_required=True,
            auth_require_tls=True,
        )
    controller = Controller(
        Sink(args.outdir, args.reject_domain), hostname="127.0.0.1", port=port, **options
    )
    controller.start()
    print("PORT %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
