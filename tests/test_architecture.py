"""The import graph between the portal's apps is the one docs/architecture.md draws, and runs one way."""

import ast
import re
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

ROOT = Path(settings.BASE_DIR)
DOC = ROOT / "docs" / "architecture.md"
DEV_ONLY = {"demo", "benchmarks", "tests"}


def portal_apps():
    """Top-level packages of the repository that are apps (an apps.py) plus the project package."""
    return sorted({path.parent.name for path in ROOT.glob("*/apps.py")} | {"portal"})


def imported_packages(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def actual_graph():
    apps = portal_apps()
    known = set(apps) | {"tests"}
    graph = defaultdict(set)
    for app in apps:
        graph[app]
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            graph[app].update(package for package in imported_packages(path) if package in known and package != app)
    return dict(graph)


def documented_graph():
    block = re.search(r"```deps\n(.*?)```", DOC.read_text(), re.S).group(1)
    graph = {}
    for line in block.strip().splitlines():
        app, _, deps = line.partition(":")
        graph[app.strip()] = {dep.strip() for dep in deps.split(",") if dep.strip()}
    return graph


def find_cycle(graph):
    visiting, done = set(), set()

    def visit(node, trail):
        if node in visiting:
            return trail[trail.index(node) :] + [node]
        if node in done:
            return None
        visiting.add(node)
        for dep in sorted(graph.get(node, ())):
            cycle = visit(dep, trail + [node])
            if cycle:
                return cycle
        visiting.discard(node)
        done.add(node)
        return None

    for node in sorted(graph):
        cycle = visit(node, [])
        if cycle:
            return cycle
    return None


class ImportGraphTests(SimpleTestCase):
    def test_the_code_imports_exactly_what_the_architecture_doc_draws(self):
        actual, documented = actual_graph(), documented_graph()
        self.assertEqual(set(documented), set(actual), "every app has one line in the ```deps block")
        for app in sorted(actual):
            with self.subTest(app=app):
                self.assertEqual(actual[app], documented[app])

    def test_imports_run_one_way(self):
        self.assertIsNone(find_cycle(actual_graph()))

    def test_no_runtime_app_imports_demo_benchmarks_or_tests(self):
        for app, deps in actual_graph().items():
            if app not in DEV_ONLY and app != "portal":
                with self.subTest(app=app):
                    self.assertFalse(deps & DEV_ONLY)

    def test_the_cycle_finder_finds_a_cycle(self):
        self.assertEqual(find_cycle({"a": {"b"}, "b": {"a"}}), ["a", "b", "a"])

    def test_dev_only_apps_are_not_installed_by_production_settings(self):
        import subprocess
        import sys

        code = "import portal.settings.production as s; print(sorted(set(s.INSTALLED_APPS) & {'demo', 'benchmarks'}))"
        env = {"SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"}
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
        self.assertEqual(result.stdout.strip(), "[]", result.stderr)
        self.assertIn("demo", settings.INSTALLED_APPS)  # the test settings install them


class RequirementsTests(SimpleTestCase):
    def test_production_requirements_carry_no_test_or_demo_packages(self):
        production = (ROOT / "requirements.txt").read_text().lower()
        for package in ("factory-boy", "wagtail-factories", "pytest", "playwright", "ruff"):
            with self.subTest(package=package):
                self.assertNotIn(package, production)
        self.assertIn("-r requirements.txt", (ROOT / "requirements-dev.txt").read_text())
        self.assertIn("-r requirements-dev.txt", (ROOT / "requirements-test.txt").read_text())
