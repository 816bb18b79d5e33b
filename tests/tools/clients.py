"""What the checks by real clients share: how a missing client ends a test.

Skipped (exit 77, CTest's SKIP_RETURN_CODE) where the client is not installed, unless
HIPLAN_REQUIRE_CLIENTS is set (CI sets it after .ci/clients installs them): then a missing
client fails.
"""
import os

SKIP = 77


def missing(what):
    """Says that `what` is missing; returns the exit status for it."""
    if os.environ.get("HIPLAN_REQUIRE_CLIENTS", "") not in ("", "0"):
        print("{} not installed, and HIPLAN_REQUIRE_CLIENTS is set".format(what))
        return 1
    print("{} not installed: skipped".format(what))
    return SKIP
