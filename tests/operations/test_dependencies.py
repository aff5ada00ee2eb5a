"""requirements.lock follows requirements.txt: every direct pin, every transitive package, hashes."""

import re
from pathlib import Path

from django.test import SimpleTestCase

REPO = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path):
    found = {}
    for line in (REPO / path).read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            found[normalise(match.group(1))] = match.group(2)
    return found


class LockFileTests(SimpleTestCase):
    def test_every_direct_requirement_is_locked_at_the_same_version(self):
        direct, locked = pins("requirements.txt"), pins("requirements.lock")
        stale = {name: (version, locked.get(name)) for name, version in direct.items() if locked.get(name) != version}
        self.assertEqual(stale, {}, "run `make lock` after changing requirements.txt")

    def test_every_locked_package_carries_hashes(self):
        text = (REPO / "requirements.lock").read_text()
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
        unhashed = [block.split()[0] for block in blocks if PIN.match(block) and "--hash=sha256:" not in block]
        self.assertEqual(unhashed, [])
        self.assertGreater(len(pins("requirements.lock")), len(pins("requirements.txt")))

    def test_production_lock_holds_no_test_tools(self):
        locked = pins("requirements.lock")
        for tool in ("pytest", "ruff", "playwright", "moto", "pytest-django"):
            self.assertNotIn(tool, locked)
