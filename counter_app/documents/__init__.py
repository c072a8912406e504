"""Printed forms: plain data in (documents.data), PDF bytes out (documents.slip, documents.forms).

Kept import-light on purpose: `documents.data` does not pull in reportlab; the renderers do.
"""
