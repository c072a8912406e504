"""Frozen entry point: the same as `python -m counter_app`."""

import sys

from counter_app.__main__ import main

sys.exit(main())
