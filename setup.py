"""Packages of the wheel: what pyproject.toml cannot declare on its own.

The top-level `resources/` folder (fonts, catalogue) is installed as the package
`counter_app.resources`, so an installed copy finds it with importlib.resources
(`counter_app/assets.py`). pyproject's `packages.find` cannot add a package that lives outside its
parent's folder, so the package list is found here; everything else stays in pyproject.toml.
`counter_devkit` (the development kit) and `tests` are never shipped.
"""

from setuptools import find_namespace_packages, setup

SHIPPED = [
    "counter_app",
    "counter_app.*",
    "counter_server",
    "counter_server.*",
    "counter_protocol",
    "counter_protocol.*",
]

# The data folders under resources/ are listed too (as namespace packages) so setuptools installs
# them without warning that an importable folder was left out.
RESOURCES = [
    "counter_app.resources",
    *(f"counter_app.resources.{name}" for name in find_namespace_packages("resources")),
]

setup(
    packages=[*find_namespace_packages(include=SHIPPED), *RESOURCES],
    package_dir={"counter_app.resources": "resources"},
)
