"""ctest runs each doctest case by name; a ';' in a name splits it into a CMake list, so
that case would be run under a name that matches nothing and pass without running. This
keeps every case name safe."""
import glob
import os
import re
import sys

root = sys.argv[2]
bad = []
count = 0
for path in sorted(glob.glob(os.path.join(root, "tests", "unit", "test_*.cpp"))):
    for name in re.findall(r'TEST_CASE\("((?:[^"\\]|\\.)*)"\)', open(path, encoding="utf-8").read()):
        count += 1
        if ";" in name:
            bad.append(f"{os.path.basename(path)}: {name}")
for b in bad:
    print("FAIL: test case name ctest cannot run:", b)
if count < 50:
    print(f"FAIL: only {count} test cases found")
    bad.append("count")
print(f"{count - len(bad)} passed, {len(bad)} failed")
sys.exit(1 if bad else 0)
