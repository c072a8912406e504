"""Files the counter ships (fonts, catalogue): installed as the package `counter_app.resources`.

Locate them only through `counter_app.assets.get_asset`, which also serves a source checkout and
the frozen bundle.
"""
