"""A Cloudflare stand-in for your own tests: the API's answers on 127.0.0.1, from recorded replies.

    from cloudflare_pages_client import get_deployment
    from cloudflare_pages_client.testing import ACCOUNT_ID, DEPLOYMENT_ID, PROJECT, ReplayServer, Situation

    with ReplayServer() as cloudflare:
        cloudflare.play(DEPLOYMENT_ID, Situation.GIT_BUILD_SUCCESS)
        deployment = get_deployment(cloudflare.client(), ACCOUNT_ID, PROJECT, DEPLOYMENT_ID)
        assert cloudflare.requests[0].headers["authorization"] == "***"

`ReplayServer` (also `start()`/`stop()`) listens on a free port; `base_url` ends in `/client/v4` (the bare
`/accounts/...` paths are answered too); `client(**options)` is an `AuthenticatedClient` with its token;
`play(deployment_id, situation)` gives an id a `Situation` (see its docstring for the list) or a list of
`Reply`; `requests` is every request received (method, path, headers with credentials masked). With
pytest, `pytest_plugins = ["cloudflare_pages_client.testing.pytest_plugin"]` gives the fixture `cloudflare`.
Standard library only (and the client itself, for `client()`).

Without `play`, the recorded deployments answer as recorded: DEPLOYMENT_ID under PROJECT (and ACCOUNT_ID,
the only account) is a finished git deployment; any other UUID under PROJECT is "deployment not found".

Assumptions no recording confirms (the live API may answer otherwise):

- a request without credentials: 401, code 10000 (the status is not recorded);
- an expired token answers as a wrong one: 403, code 10000 (the body is recorded, the status is not);
- a malformed account or deployment id: 400, code 7003 "Could not route to ...";
- an unknown deployment of a known project, without `play`: 404, code 8000009 in the standard envelope
  (the one recorded reply, situation `deployment-not-found`, is a flat `{code, message}`);
- another method on the path: 405, code 7001; another path: 404, code 7000;
- the progressions' intermediate bodies: each stage's `active` and `idle` states and the final
  `success`, `failure` and `skipped` are recorded; `canceled` as a stage status is not;
  the 2025 skip shape (every stage idle, `is_skipped` true) is from the wait's evidence, not a recording;
- `slow-reply` and `dropped-connection` are network faults, not Cloudflare replies.
"""

from __future__ import annotations

from cloudflare_pages_client.testing.replay_server import (
    REPLAY_API_KEY,
    REPLAY_EMAIL,
    REPLAY_TOKEN,
    ReceivedRequest,
    ReplayServer,
)
from cloudflare_pages_client.testing.replies import DROP, Reply
from cloudflare_pages_client.testing.situations import SLOW_REPLY_SECONDS, Situation, replies

ACCOUNT_ID = "0123456789abcdef0123456789abcdef"
PROJECT = "marketing-site"
DEPLOYMENT_ID = "c9a8b7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d"
TOKEN = REPLAY_TOKEN

__all__ = [
    "ACCOUNT_ID",
    "DEPLOYMENT_ID",
    "DROP",
    "PROJECT",
    "REPLAY_API_KEY",
    "REPLAY_EMAIL",
    "SLOW_REPLY_SECONDS",
    "TOKEN",
    "ReceivedRequest",
    "ReplayServer",
    "Reply",
    "Situation",
    "replies",
]
