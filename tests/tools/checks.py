"""A tiny shared helper for the Python test scripts: collect failures, report them."""
import sys

FAILURES = []


def check(condition, message):
    """Records `message` as a failure unless `condition` holds."""
    if not condition:
        FAILURES.append(message)


def finish():
    """Prints every failure and returns the process exit status (0 = all passed)."""
    for f in FAILURES:
        print("FAIL:", f)
    print("{} failure(s)".format(len(FAILURES)))
    return 1 if FAILURES else 0
