#!/usr/bin/env python3
"""Checks po/zh_CN.po against the sources; CI fails when it finds anything (README "Language").

    po/check.py [PO_FILE]
    po/check.py --part PART.po     checks only the entries PART.po holds (a translator's share)

Every msgid extracted from src/ and include/ (po/extract.sh) must have a translation that is
not fuzzy, not empty and not the English copied; every `{…}` placeholder and every `…`
command of the msgid must appear in the translation as often as in the msgid; no entry may
be left over from strings the sources no longer have. Prints one line per problem and the
counts; exit 1 when any problem. Needs only the standard library and gettext's tools.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def unquote(text):
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), body
    body = body[1:-1]
    out, i = [], 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def read_po(path):
    """Entries of a .po file: {msgid: (msgstr, fuzzy, line)} and the count of obsolete lines;
    the header entry (empty msgid) is left out."""
    entries, obsolete = {}, 0
    current = None  # [msgid, msgstr, fuzzy, line]
    field, pending_fuzzy = None, False

    def flush():
        if current is not None and current[0] != "":
            entries[current[0]] = (current[1], current[2], current[3])

    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if line.startswith("#~"):
                obsolete += 1
            elif line.startswith("#,"):
                pending_fuzzy = pending_fuzzy or "fuzzy" in line
            elif line.startswith("msgctxt") or line.startswith("msgid_plural"):
                raise SystemExit(f"{path}:{number}: contexts and plurals are not used by ldt")
            elif line.startswith("msgid "):
                flush()
                current = [unquote(line[6:]), "", pending_fuzzy, number]
                field, pending_fuzzy = "msgid", False
            elif line.startswith("msgstr "):
                current[1], field = unquote(line[7:]), "msgstr"
            elif line.startswith('"') and current is not None:
                current[0 if field == "msgid" else 1] += unquote(line)
    flush()
    return entries, obsolete


PLACEHOLDER = re.compile(r"\{[^{}]*\}")
COMMAND = re.compile(r"`[^`]+`")
WORD = re.compile(r"[a-z]{3,}")
CJK = re.compile(r"[\u3400-\u9fff]")


def problems_of(msgid, msgstr):
    found = []
    for name, pattern in (("placeholder", PLACEHOLDER), ("command", COMMAND)):
        want = collections.Counter(pattern.findall(msgid))
        have = collections.Counter(pattern.findall(msgstr))
        if want != have:
            missing = sorted((want - have).elements())
            extra = sorted((have - want).elements())
            found.append(f"{name}s differ (missing {missing}, extra {extra})")
    bare = COMMAND.sub("", PLACEHOLDER.sub("", msgid))
    if WORD.search(bare) and not CJK.search(COMMAND.sub("", msgstr)):
        found.append("the translation holds no Chinese (English copied?)")
    return found


def entry_problems(path, msgid, entry):
    """What is wrong with one catalogue entry (msgstr, fuzzy, line), as report lines."""
    msgstr, fuzzy, line = entry
    if fuzzy:
        return [f"{path}:{line}: fuzzy: {msgid!r}"]
    if not msgstr:
        return [f"{path}:{line}: untranslated: {msgid!r}"]
    return [f"{path}:{line}: {p}: {msgid!r}" for p in problems_of(msgid, msgstr)]


def check_part(path):
    entries, _ = read_po(path)
    errors = []
    for msgid, entry in entries.items():
        errors.extend(entry_problems(path, msgid, entry))
    for error in errors:
        print(error)
    print(f"po/check --part: {len(entries)} entries, {len(errors)} problems")
    return 1 if errors else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--part":
        return check_part(sys.argv[2])
    po = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "po", "zh_CN.po")
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "ldt.pot")
        subprocess.run(["bash", os.path.join(ROOT, "po", "extract.sh"), pot], check=True)
        template, _ = read_po(pot)
        stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                               capture_output=True, text=True)
    entries, obsolete = read_po(po)
    errors = []
    if stats.returncode != 0:
        errors.append(f"{po}: msgfmt --check failed:\n{stats.stderr.strip()}")
    for msgid in template:
        if msgid not in entries:
            errors.append(f"{po}: untranslated (not in the catalogue): {msgid!r}")
        else:
            errors.extend(entry_problems(po, msgid, entries[msgid]))
    for msgid, (_, _, line) in entries.items():
        if msgid not in template:
            errors.append(f"{po}:{line}: no longer in the sources (run po/update.sh): {msgid!r}")
    if obsolete:
        errors.append(f"{po}: {obsolete} obsolete lines (#~); run po/update.sh")
    for error in errors:
        print(error)
    translated = sum(1 for m in template if m in entries and entries[m][0] and not entries[m][1])
    print(f"po/check: {len(template)} msgids in the sources, {translated} translated, "
          f"{len(errors)} problems; msgfmt: {stats.stderr.strip()}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
