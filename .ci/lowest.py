"""Print pip constraints that pin every direct dependency to its lower bound.

`pip install -c <(python .ci/lowest.py) -e ".[test]"` then installs the oldest versions
pyproject.toml claims to support, so a lower bound the code does not run on fails CI.
"""

import re
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
requirements = list(project["project"]["dependencies"])
for extra in project["project"].get("optional-dependencies", {}).values():
    requirements += extra
for requirement in requirements:
    found = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)", requirement)
    if found:
        print(f"{found.group(1)}=={found.group(2)}")
