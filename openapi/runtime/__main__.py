"""`python -m cloudflare_pages_client`: the console script `cloudflare-pages-deployment`."""

from ._runtime.cli import main

raise SystemExit(main())
