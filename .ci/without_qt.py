"""Print the requirements of the Qt-free layers: pyproject's, less Qt and what needs it.

CI installs these in a venv without PySide6 and runs the tests of core, storage, services,
reports, the command line and i18n there: they prove themselves without Qt.
"""

import re
import tomllib
from pathlib import Path

QT = {"pyside6-essentials", "pyside6", "qasync", "pytest-qt", "ruff", "import-linter"}
project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
requirements = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"]
for requirement in requirements:
    name = re.match(r"\s*([A-Za-z0-9_.\-]+)", requirement).group(1)
    if name.lower() not in QT:
        print(requirement)
