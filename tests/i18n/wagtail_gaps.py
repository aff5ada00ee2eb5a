"""Wagtail admin strings without an Indonesian translation, and our list of completions for them.

Wagtail's own Indonesian catalogues (``wagtail/**/locale/id_ID``) hold only the strings its
translators finished; every other admin string shows in English. We complete them in our own
catalogue (locale/id), which takes precedence through LOCALE_PATHS. makemessages keeps only
msgids it finds in our sources, so the completed msgids are listed as never-imported gettext calls
in portal/wagtail_completions.py (Python and template strings) and portal/wagtail_completions.js
(admin JavaScript strings).

``python -m tests.i18n.wagtail_gaps > gaps.jsonl`` prints the Wagtail strings still missing in
both Wagtail's and our Indonesian catalogues, as ``todo`` JSON lines (tests/i18n/po.py); fill in
each ``msgstr``, then ``python -m tests.i18n.wagtail_gaps add gaps.jsonl`` appends them to the
completion lists and ``make messages`` followed by ``python -m tests.i18n.po fill
locale/id/LC_MESSAGES/django.po gaps.jsonl`` (and djangojs.po) stores the translations.
"""

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import wagtail

from tests.i18n.po import parse

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
PY_LIST = ROOT / "portal" / "wagtail_completions.py"
JS_LIST = ROOT / "portal" / "wagtail_completions.js"
WAGTAIL = Path(wagtail.__file__).parent
#: Wagtail apps this portal installs (portal/settings/base.py); the others never show.
WAGTAIL_APPS = (
    ".",
    "admin",
    "contrib/forms",
    "contrib/redirects",
    "contrib/search_promotions",
    "contrib/settings",
    "documents",
    "embeds",
    "images",
    "sites",
    "snippets",
    "users",
)

PY_HEADER = '''# ruff: noqa: E501
"""Wagtail admin strings that Wagtail's own Indonesian catalogue lacks (or words badly), listed so
``make messages`` keeps them in locale/id/LC_MESSAGES/django.po, where our Indonesian wording lives.

Never imported: makemessages reads the calls below; LOCALE_PATHS takes precedence over
Wagtail's catalogues, so the translations in locale/id win. The English catalogue leaves this file
out (Wagtail's msgids are English already). Generated and extended by tests/i18n/wagtail_gaps.py;
tests/i18n/test_catalogues.py checks that every msgid here still exists in the installed Wagtail and
is translated in locale/id (CONTRIBUTING.md, "Translations").
"""

from django.utils.translation import gettext_lazy, ngettext_lazy, npgettext_lazy, pgettext_lazy  # noqa: F401

WAGTAIL_COMPLETIONS = (
'''
JS_HEADER = """/* Wagtail admin JavaScript strings that Wagtail's own Indonesian catalogue lacks, listed so
   `make messages` keeps them in locale/id/LC_MESSAGES/djangojs.po. Never served or run; see
   portal/wagtail_completions.py and tests/i18n/wagtail_gaps.py. */
/* global gettext, ngettext, pgettext, npgettext */
[
"""


def _key(item):
    return (item.get("msgctxt"), item["msgid"], item.get("msgid_plural"))


def wagtail_msgids():
    """Every msgid of the installed Wagtail apps, per domain ("django", "djangojs")."""
    found = {"django": set(), "djangojs": set()}
    for app in WAGTAIL_APPS:
        for po in (WAGTAIL / app / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
            found[po.stem] |= {entry.key for entry in parse(po) if entry.msgid and not entry.obsolete}
    return found


def wagtail_indonesian():
    """The msgids Wagtail's own Indonesian catalogues translate, per domain."""
    found = {"django": set(), "djangojs": set()}
    for app in WAGTAIL_APPS:
        for po in (WAGTAIL / app / "locale" / "id_ID" / "LC_MESSAGES").glob("*.po"):
            found[po.stem] |= {entry.key for entry in parse(po) if entry.msgid and entry.translated}
    return found


def completions():
    """Our listed completions as (domain, item) pairs, in file order."""
    items = []
    if PY_LIST.exists():
        for node in ast.walk(ast.parse(PY_LIST.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                items.append(("django", _call_item(node.func.id, [arg.value for arg in node.args])))
    if JS_LIST.exists():
        for match in re.finditer(r"^  (n?p?gettext)\((.*)\),$", JS_LIST.read_text(encoding="utf-8"), re.M):
            items.append(("djangojs", _call_item(match.group(1), json.loads(f"[{match.group(2)}]"))))
    return items


def _call_item(name, args):
    name = name.removesuffix("_lazy")
    if name == "npgettext":
        return {"msgctxt": args[0], "msgid": args[1], "msgid_plural": args[2]}
    if name == "pgettext":
        return {"msgctxt": args[0], "msgid": args[1]}
    if name == "ngettext":
        return {"msgid": args[0], "msgid_plural": args[1]}
    return {"msgid": args[0]}


def _call(domain, item):
    args = [item[field] for field in ("msgctxt", "msgid", "msgid_plural") if item.get(field) is not None]
    name = {(True, True): "npgettext", (True, False): "pgettext", (False, True): "ngettext"}.get(
        (item.get("msgctxt") is not None, item.get("msgid_plural") is not None), "gettext"
    )
    if item.get("msgid_plural") is not None:
        args.append(1)
    if domain == "django":
        name += "_lazy"
    return f"{name}({', '.join(json.dumps(arg, ensure_ascii=False) for arg in args)})"


def write_completions(items):
    """Write the two completion lists from (domain, item) pairs."""
    py = [f"    {_call(domain, item)}," for domain, item in items if domain == "django"]
    js = [f"  {_call(domain, item)}," for domain, item in items if domain == "djangojs"]
    PY_LIST.write_text(PY_HEADER + "\n".join(py) + "\n)\n", encoding="utf-8")
    JS_LIST.write_text(JS_HEADER + "\n".join(js) + "\n];\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(PY_LIST)], check=True)


def gaps():
    """Wagtail strings without Indonesian in Wagtail's catalogues or in our completion lists."""
    ours = {(domain, _key(item)) for domain, item in completions()}
    indonesian = wagtail_indonesian()
    missing = []
    for domain, keys in wagtail_msgids().items():
        for key in sorted(keys - indonesian[domain], key=lambda k: (k[1], k[0] or "", k[2] or "")):
            if (domain, key) not in ours:
                missing.append((domain, key))
    return missing


def main(argv):
    if argv[:1] == ["add"]:
        items = completions()
        known = {(domain, _key(item)) for domain, item in items}
        for line in Path(argv[1]).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                domain = item.pop("domain", "django")
                if (domain, _key(item)) not in known:
                    items.append((domain, {k: item[k] for k in ("msgctxt", "msgid", "msgid_plural") if k in item}))
        write_completions(items)
        return
    for domain, (msgctxt, msgid, msgid_plural) in gaps():
        item = {"domain": domain, "msgid": msgid}
        if msgctxt is not None:
            item["msgctxt"] = msgctxt
        if msgid_plural is not None:
            item["msgid_plural"] = msgid_plural
        item["msgstr"] = [""] if msgid_plural is not None else ""
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
