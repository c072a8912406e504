"""What the counter and the provincial server must agree on: the wire schema, canonical encoding,
signing, the rules both apply (statuses and transitions, codes) and the error base.

This package imports only the standard library and small C-backed libraries (msgspec, orjson,
zstandard, cryptography): no Qt, no SQLAlchemy, nothing of counter_app or counter_server, so the
server installs without the desktop program. Its modules:
- ops: the typed operations (`Op[CreateData]`, `Op[EventData]`) the counter builds and the
  server decodes; batch: the push envelope; receipt: the server's signed answer;
  feed: pull pages, changes and their payloads; enrol: enrolment request and reply;
- encoding: canonical JSON, hashes, zstd; signing: Ed25519 keys and signatures; transport:
  paths, headers and what each request signs; timefmt: wire times and Vietnam time;
- statuses, codes, tracking (S10 numbers), catalogue/ (the catalogue document: its records,
  its parser and checks);
- errors: `UserError`, the base of every error a person can act on.
"""
