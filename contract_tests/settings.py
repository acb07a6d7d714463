"""How much the property-based checks generate, and whether it is repeatable.

Deterministic by default (fixed seed, derandomized), so CI gives the same
verdict on the same code; `CONTRACT_RANDOM=1` draws new cases on every run and
`CONTRACT_EXAMPLES=N` sets how many (e.g. `make contract CONTRACT_RANDOM=1
CONTRACT_EXAMPLES=2000` for a longer exploration).
"""

from __future__ import annotations

import os

RANDOM = os.environ.get("CONTRACT_RANDOM", "") not in ("", "0")
BODY_EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES") or "200")
REQUEST_EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES") or "100")
SEED = 42
# Drift is reported and allowed by default; set this to make any found drift fail the run.
FAIL_ON_DRIFT = os.environ.get("CONTRACT_FAIL_ON_DRIFT", "") not in ("", "0")
