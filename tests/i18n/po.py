"""A small reader for gettext .po files (the catalogue checks; no extra library).

``python -m tests.i18n.po locale`` prints, per catalogue, how many entries are untranslated or
fuzzy: what the translator still has to do after ``make messages``.
``python -m tests.i18n.po todo locale/en/LC_MESSAGES/django.po > todo.jsonl`` lists them as JSON
lines; fill in each ``msgstr`` and ``python -m tests.i18n.po fill locale/en/LC_MESSAGES/django.po
todo.jsonl`` writes them into the catalogue (CONTRIBUTING.md, "Translations").
"""

import ast
import dataclasses
import json
import sys
from pathlib import Path


@dataclasses.dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = dataclasses.field(default_factory=dict)
    flags: set[str] = dataclasses.field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text):
    return ast.literal_eval(text)


def parse(path):
    """The entries of a .po file, the header (msgid "") first."""
    return _parse_text(Path(path).read_text(encoding="utf-8"))


def _parse_text(text):
    entries, entry, field = [], None, None

    def finish():
        if entry is not None:
            entries.append(entry)

    for raw in text.splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            continue
        if line.startswith("#,"):
            finish()
            entry, field = Entry(msgid=""), None
            entry.flags = {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = _unquote(line)
            if field == "msgid":
                entry.msgid += value
            elif field == "msgctxt":
                entry.msgctxt += value
            elif field == "msgid_plural":
                entry.msgid_plural += value
            else:
                entry.msgstr[field] += value
            continue
        if keyword in ("msgctxt", "msgid") and (entry is None or field not in (None, "msgctxt")):
            flags = set()
            finish()
            entry = Entry(msgid="", flags=flags)
        if entry is None:
            entry = Entry(msgid="")
        entry.obsolete = obsolete
        if keyword == "msgctxt":
            entry.msgctxt, field = _unquote(rest), "msgctxt"
        elif keyword == "msgid":
            entry.msgid, field = _unquote(rest), "msgid"
        elif keyword == "msgid_plural":
            entry.msgid_plural, field = _unquote(rest), "msgid_plural"
        elif keyword == "msgstr":
            field = 0
            entry.msgstr[0] = _unquote(rest)
        elif keyword.startswith("msgstr["):
            field = int(keyword[7:-1])
            entry.msgstr[field] = _unquote(rest)
    finish()
    return entries


def messages(path):
    """The live (not obsolete) entries but the header."""
    return [entry for entry in parse(path) if entry.msgid and not entry.obsolete]


def _quote(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\n", "\\n") + '"'


def todo(path):
    """The untranslated or fuzzy entries of a catalogue, one JSON object a line, ``msgstr`` to fill.

    A plural entry's ``msgstr`` is a list with one form per plural form of the language
    (English: singular, plural; Indonesian: one form).
    """
    for entry in messages(path):
        if entry.translated and not entry.fuzzy:
            continue
        item = {"msgid": entry.msgid}
        if entry.msgctxt is not None:
            item["msgctxt"] = entry.msgctxt
        if entry.msgid_plural is not None:
            item["msgid_plural"] = entry.msgid_plural
        item["msgstr"] = [""] * len(entry.msgstr) if entry.msgid_plural is not None else ""
        print(json.dumps(item, ensure_ascii=False))


def fill(path, translations_path):
    """Write translations (JSON lines as ``todo`` prints them, ``msgstr`` filled in) into the catalogue.

    Entries are matched by msgctxt, msgid and msgid_plural; an entry that receives a translation
    loses its fuzzy flag. Lines with an empty msgstr are left alone. Returns the number filled.
    """
    by_key = {}
    for line in Path(translations_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        value = item["msgstr"]
        if isinstance(value, str) and item.get("msgid_plural") is not None:
            value = [value]
        if value and (isinstance(value, str) or all(value)):
            by_key[(item.get("msgctxt"), item["msgid"], item.get("msgid_plural"))] = value
    blocks = Path(path).read_text(encoding="utf-8").split("\n\n")
    filled = 0
    for index, block in enumerate(blocks):
        parsed = [entry for entry in _parse_text(block) if entry.msgid]
        if not parsed or parsed[0].key not in by_key:
            continue
        value = by_key[parsed[0].key]
        lines = block.split("\n")
        first = next(i for i, line in enumerate(lines) if line.startswith("msgstr"))
        kept = []
        for line in lines[:first]:
            if line.startswith("#,"):
                flags = [flag.strip() for flag in line[2:].split(",") if flag.strip() != "fuzzy"]
                if not flags:
                    continue
                line = "#, " + ", ".join(flags)
            if line.startswith("#| "):
                continue
            kept.append(line)
        if isinstance(value, list):
            kept += [f"msgstr[{n}] {_quote(form)}" for n, form in enumerate(value)]
        else:
            kept.append(f"msgstr {_quote(value)}")
        blocks[index] = "\n".join(kept)
        filled += 1
    Path(path).write_text("\n\n".join(blocks), encoding="utf-8")
    return filled


def main(locale_dir):
    for po in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
        entries = messages(po)
        untranslated = sum(1 for entry in entries if not entry.translated)
        fuzzy = sum(1 for entry in entries if entry.fuzzy)
        print(f"{po}: {len(entries)} entries, {untranslated} untranslated, {fuzzy} fuzzy")


if __name__ == "__main__":
    if sys.argv[1:2] == ["todo"]:
        todo(sys.argv[2])
    elif sys.argv[1:2] == ["fill"]:
        print(f"{fill(sys.argv[2], sys.argv[3])} entries filled in {sys.argv[2]}")
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "locale")
