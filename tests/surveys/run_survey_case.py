#!/usr/bin/env python3
"""Runs one survey case (a directory with case.json, signins.csv and a survey export).

Creates a scratch project as tests/cases/run_case.py does (case_project), opens the case's session, imports its
sign-ins, then the survey export, and compares `survey show --format json` and the import's counts
with case.json (README.md here explains the keys).
Usage: run_survey_case.py LDT_BINARY CASE_DIR
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases"))
from run_case import case_project  # noqa: E402


def main():
    ldt, case_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    case = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))
    start, end = case["session"]["start"], case["session"]["end"]
    env = dict(os.environ, LDT_ACTOR="cases", LANG="C.UTF-8", LDT_NOW=end)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        ldt_run = case_project(ldt, tmp, env, start, end)
        ldt_run("signin", "import", "case", os.path.join(case_dir, case["signins"]))
        result = ldt_run("survey", "import", "case", os.path.join(case_dir, case["file"]), "--format", "json")
        files = json.loads(result.stdout)["files"]
        rejected = sum(f["rejected"] for f in files)
        updated = sum(f["updated"] for f in files)
        shown = json.loads(ldt_run("survey", "show", "case", "--format", "json").stdout)
        expect = case["expect"]
        actual = {key: shown[key] for key in ("responses", "matched", "anonymous")}
        actual.update({key: round(shown[key], 2) if shown[key] is not None else None
                       for key in ("response_rate", "satisfaction_rate")})
        mean = shown["means"].get("overall")
        actual["mean_overall"] = round(mean, 2) if mean is not None else None
        actual["rejected"] = rejected
        actual["updated"] = updated
        for key, value in expect.items():
            want = round(value, 2) if isinstance(value, float) else value
            if actual.get(key) != want:
                failures.append(f"{key}: expected {want!r}, got {actual.get(key)!r}")
        if result.returncode != (1 if rejected else 0):
            failures.append(f"exit status of survey import: {result.returncode}")
    if failures:
        print(f"{os.path.basename(case_dir)}: " + "; ".join(failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
