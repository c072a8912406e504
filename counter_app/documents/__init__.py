"""Printed forms: plain data in (documents.data), PDF bytes out (documents.render).

Each form of each circular is a template (documents.templates); an issued form's data is kept as
a snapshot (documents.snapshot) and reprinted from it. Kept import-light on purpose:
`documents.data` does not pull in reportlab; the renderers do.
"""
