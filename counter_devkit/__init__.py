"""Development kit: the fakes, harnesses and helpers that tests/, bench/ and scripts/ share.

Never shipped: setup.py packages only counter_app, counter_server and counter_protocol, the
PyInstaller spec excludes it, and an import-linter contract keeps product code from importing it.
"""
