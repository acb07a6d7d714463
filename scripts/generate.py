"""`make generate`: regenerate generated/cloudflare_pages_client from openapi/."""

from __future__ import annotations

import sys

from scripts.generation import GENERATED, ROOT, GenerationError, regenerate


def main() -> int:
    try:
        regenerate()
    except GenerationError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 1
    print(f"generate: wrote {GENERATED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
