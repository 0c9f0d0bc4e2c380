#!/usr/bin/env python3
"""Runs one sign-in case (a directory with case.json + input file) against the ldt binary.

Creates a scratch project whose approved plan's window covers the case's session, opens the
session with the case's start and end, imports the file with --format json, and compares the
encoding, the counts, the reject codes and the listed trainees' fields with case.json.
Usage: run_case.py LDT_BINARY CASE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

PROVIDER = 'id = "case-provider"\nname = "测试培训服务有限公司"\n'
INSTRUCTOR = """id = "case-lecturer"
name = "测试讲师"
role = "lecturer"
provider = "case-provider"

[[credentials]]
kind = "county_ecommerce_lecturer"
number = "XY-0001"
issuer = "中国县域电商讲师认证中心"
valid_from = 1990-01-01
"""


def plan_toml(start_day, end_day):
    return f"""id = "case-plan"
provider = "case-provider"
title = "测试计划"
target_groups = ["rural_youth"]
window_start = {start_day}
window_end = {end_day}
instructors = ["case-lecturer"]
"""


def case_project(ldt, tmp, env, start, end):
    """A scratch project in TMP/p with an approved plan and the session `case` from START to END;
    returns a function running ldt on it (exit 0 and 1 are fine, anything else stops the run)."""
    def ldt_run(*args, check=True):
        result = subprocess.run([ldt, "-C", os.path.join(tmp, "p"), *args], env=env,
                                capture_output=True, text=True)
        if check and result.returncode not in (0, 1):
            sys.exit(f"ldt {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result

    subprocess.run([ldt, "init", os.path.join(tmp, "p"), "--county", "陆河县", "--region-code", "441523"],
                   env=env, check=True, capture_output=True)
    for name, text in (("provider.toml", PROVIDER), ("instructor.toml", INSTRUCTOR),
                       ("plan.toml", plan_toml(start[:10], end[:10]))):
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            f.write(text)
    ldt_run("provider", "add", os.path.join(tmp, "provider.toml"))
    ldt_run("instructor", "add", os.path.join(tmp, "instructor.toml"))
    ldt_run("plan", "submit", os.path.join(tmp, "plan.toml"))
    ldt_run("plan", "approve", "case-plan")
    ldt_run("session", "open", "--plan", "case-plan", "--start", start, "--end", end,
            "--location", "测试", "--id", "case")
    return ldt_run


def main():
    ldt, case_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    case = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))
    start, end = case["session"]["start"], case["session"]["end"]
    env = dict(os.environ, LDT_ACTOR="cases", LANG="C.UTF-8", LDT_NOW=start)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        ldt_run = case_project(ldt, tmp, env, start, end)
        result = ldt_run("signin", "import", "case", os.path.join(case_dir, case["file"]), "--format", "json")
        report = json.loads(result.stdout)["files"][0]
        expect = case["expect"]
        codes = {}
        for reject in report["rejects"]:
            codes[reject["code"]] = codes.get(reject["code"], 0) + 1
        for key, actual in (("format", report.get("format")), ("encoding", report["encoding"]),
                            ("accepted", report["accepted"]),
                            ("duplicates", report["duplicates"]), ("rejected", codes)):
            if key in expect and expect[key] != actual:
                failures.append(f"{key}: expected {expect[key]!r}, got {actual!r}")
        expected_status = 1 if codes else 0
        if result.returncode != expected_status:
            failures.append(f"exit status: expected {expected_status}, got {result.returncode}")
        listed = json.loads(ldt_run("signin", "list", "case", "--unmask", "--format", "json").stdout)
        by_id = {row["id_number"]: row for row in listed}
        for id_number, fields in expect.get("trainees", {}).items():
            row = by_id.get(id_number)
            if row is None:
                failures.append(f"trainee {id_number}: not stored")
                continue
            for field, value in fields.items():
                if row.get(field) != value:
                    failures.append(f"trainee {id_number} {field}: expected {value!r}, got {row.get(field)!r}")
    for failure in failures:
        print(f"{os.path.basename(case_dir)}: {failure}")
    print(f"{os.path.basename(case_dir)}: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
