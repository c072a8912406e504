"""What the counter and the provincial server must agree on: the wire schema, canonical encoding,
signing, the rules both apply (statuses and transitions, codes) and the error base.

This package imports only the standard library and small pure-Python/C libraries (no Qt, no
SQLAlchemy), so the server can be installed without the desktop program.
"""
