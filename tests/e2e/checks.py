"""The bookkeeping every end-to-end test shares: check(ok, what) counts a pass or prints a
failure at once; finish() prints the summary line ctest shows and gives the exit status."""
import sys


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)
            print("FAIL:", what)
        return ok

    def finish(self):
        print(f"{self.passed} passed, {len(self.failures)} failed")
        sys.exit(1 if self.failures else 0)
