"""`python -m cloudflare_pages_client.testing [--port N]`: the stand-in in the foreground, until Ctrl-C."""

from cloudflare_pages_client.testing.replay_server import main

main()
