"""Summarises a guest run for scripts/test-arch: test counts from the JUnit
console launcher's XML reports, every skipped test with its reason, every
failed test with the first line of its message, and the strace differential
figure from the guest's log. Usage: summary.py RESULTS_DIR"""
import glob
import re
import sys
import xml.etree.ElementTree as ET

results = sys.argv[1]
tests = failed = skipped = 0
skips, failures = [], []
for path in glob.glob(f"{results}/reports/**/*.xml", recursive=True):
    for case in ET.parse(path).getroot().iter("testcase"):
        tests += 1
        name = f"{case.get('classname', '').rsplit('.', 1)[-1]}.{case.get('name')}"
        for tag in ("failure", "error"):
            el = case.find(tag)
            if el is not None:
                failed += 1
                msg = (el.get("message") or el.text or "").strip().splitlines()
                failures.append(f"{name}: {msg[0][:160] if msg else tag}")
                break
        el = case.find("skipped")
        if el is not None:
            skipped += 1
            reason = (el.get("message") or el.text or "").strip().splitlines()
            skips.append(f"{name}: {reason[0][:160] if reason else 'no reason given'}")
print(f"  tests: {tests} run, {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
for s in sorted(skips):
    print(f"    skipped {s}")
for f in sorted(failures):
    print(f"    FAILED  {f}")
try:
    log = open(f"{results}/guest.log", errors="replace").read()
    m = re.findall(r"^overall\s+([\d.]+)% \((\d+)/(\d+) lines\)", log, re.M)
    if m:
        pct, common, total = m[-1]
        print(f"  strace differential: {pct}% identical lines ({common}/{total})")
except OSError:
    pass
