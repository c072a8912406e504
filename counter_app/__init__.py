"""counter_app: the offline-first desktop program of a one-stop counter (Bộ phận Một cửa)."""

__version__ = "0.1.0"
