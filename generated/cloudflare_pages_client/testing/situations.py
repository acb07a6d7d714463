"""Named situations a deployment id can play: progressions (queued → ... → an end) and faults.

Every reply is built from a recording shipped with the kit (`Reply.recording` names it): the faults are the
recorded replies themselves, byte for byte; the deployment bodies are a recorded deployment with its id, its
stages and `latest_stage` (and, for a skip, `is_skipped` and `skip_reason`) changed, one body per poll.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from enum import StrEnum
from functools import cache
from typing import Any

from cloudflare_pages_client.testing.recordings import RECORDINGS_DIR, Recording, load
from cloudflare_pages_client.testing.replies import DROP, Reply

# The deployments the bodies are made from, and the recorded faults.
GIT_DEPLOYMENT = "github-push-with-source"
SKIPPED_DEPLOYMENT = "skipped"
DIRECT_UPLOAD_DEPLOYMENT = "direct-upload-source-null"
GIT_STAGES = ("queued", "initialize", "clone_repo", "build", "deploy")
T0 = "2026-11-27T08:00:00.123456Z"
T_END = "2026-11-27T08:01:09.402Z"
# How late `slow-reply` answers, seconds: give the client a shorter timeout to see it time out.
SLOW_REPLY_SECONDS = 2.0


class Situation(StrEnum):
    """What a deployment id plays, one reply per request, the last repeated.

    Progressions, each ending in a final state:
    `git-build-success` (queued, initialize, clone_repo, build, deploy, then success with an alias),
    `build-failure` (the build stage fails), `canceled` (canceled while initializing),
    `skipped-2025` (every stage idle, then `is_skipped` true), `skipped-2026` (queued succeeds, the later
    stages `skipped`, `skip_reason` set), `direct-upload` (`queued` left `active` while deploy succeeds).

    One answer: `deployed` (a finished git deployment).

    Faults, on every request: `rate-limited` (429, code 971, Retry-After 30), `rate-limited-10000` (429,
    code 10000, Retry-After 20), `html-502` and `html-522` (Cloudflare's HTML error pages),
    `dropped-connection` (the connection closes without an answer), `slow-reply` (`deployed`, sent
    SLOW_REPLY_SECONDS late), `expired-token` (403, code 10000), `deployment-not-found` (404, a flat
    code 8000009), `project-not-found` (404, code 8000007).

    Faults that resolve (once, then `deployed`): `rate-limited-then-ok`, `html-522-then-ok`,
    `dropped-connection-then-ok`.
    """

    GIT_BUILD_SUCCESS = "git-build-success"
    BUILD_FAILURE = "build-failure"
    CANCELED = "canceled"
    SKIPPED_2025 = "skipped-2025"
    SKIPPED_2026 = "skipped-2026"
    DIRECT_UPLOAD = "direct-upload"
    DEPLOYED = "deployed"
    RATE_LIMITED = "rate-limited"
    RATE_LIMITED_10000 = "rate-limited-10000"
    HTML_502 = "html-502"
    HTML_522 = "html-522"
    DROPPED_CONNECTION = "dropped-connection"
    SLOW_REPLY = "slow-reply"
    EXPIRED_TOKEN = "expired-token"
    DEPLOYMENT_NOT_FOUND = "deployment-not-found"
    PROJECT_NOT_FOUND = "project-not-found"
    RATE_LIMITED_THEN_OK = "rate-limited-then-ok"
    HTML_522_THEN_OK = "html-522-then-ok"
    DROPPED_CONNECTION_THEN_OK = "dropped-connection-then-ok"


@cache
def recording(name: str) -> Recording:
    return load(RECORDINGS_DIR / f"{name}.json")


def stage(name: str, status: str, *, started: str | None = T0, ended: str | None = None) -> dict[str, Any]:
    if status == "idle":
        started = None
    elif status in {"success", "failure", "canceled"} and ended is None:
        ended = T_END
    return {"name": name, "started_on": started, "ended_on": ended, "status": status}


def deployment(
    deployment_id: str,
    statuses: dict[str, str],
    *,
    latest: dict[str, Any] | None = None,
    template: str = GIT_DEPLOYMENT,
    **fields: Any,
) -> Reply:
    """`template`'s deployment with this id and stages of `statuses` (missing ones idle); `latest_stage` is
    the last stage that is not idle, unless given; `fields` replace the template's."""
    result: dict[str, Any] = copy.deepcopy(recording(template).body["result"])
    # One project for every situation: the kit's PROJECT, the git deployment's.
    project, project_id = (recording(GIT_DEPLOYMENT).body["result"][key] for key in ("project_name", "project_id"))
    stages = [stage(s["name"], statuses.get(s["name"], "idle")) for s in result["stages"]]
    started = [s for s in stages if s["status"] != "idle"]
    result.update(
        id=deployment_id,
        project_name=project,
        project_id=project_id,
        short_id=deployment_id[:8],
        url=f"https://{deployment_id[:8]}.{project}.pages.dev",
        stages=stages,
        latest_stage=latest or (started[-1] if started else stages[0]),
        **fields,
    )
    return Reply.deployment(result, recording=template)


def _done(deployment_id: str) -> Reply:
    project = recording(GIT_DEPLOYMENT).body["result"]["project_name"]
    return deployment(
        deployment_id, dict.fromkeys(GIT_STAGES, "success"), aliases=[f"https://feature-search.{project}.pages.dev"]
    )


def git_build_success(d: str) -> list[Reply]:
    return [
        deployment(d, {"queued": "active"}),
        deployment(d, {"queued": "success", "initialize": "active"}),
        deployment(d, {"queued": "success", "initialize": "success", "clone_repo": "active"}),
        deployment(d, {"queued": "success", "initialize": "success", "clone_repo": "success", "build": "active"}),
        deployment(d, {"queued": "success", "initialize": "success", "clone_repo": "success", "build": "active"}),
        deployment(d, {**dict.fromkeys(GIT_STAGES, "success"), "deploy": "active"}),
        _done(d),
    ]


def build_failure(d: str) -> list[Reply]:
    before = {"queued": "success", "initialize": "success", "clone_repo": "success"}
    return [
        deployment(d, {"queued": "active"}),
        deployment(d, {**before, "build": "active"}),
        deployment(d, {**before, "build": "failure"}),
    ]


def canceled(d: str) -> list[Reply]:
    return [
        deployment(d, {"queued": "success", "initialize": "active"}),
        deployment(d, {"queued": "success", "initialize": "canceled"}),
    ]


def skipped_2025(d: str) -> list[Reply]:
    idle_queued = stage("queued", "idle")
    # `idle` alone is not an end: the same body without `is_skipped` is a deployment not started yet.
    return [deployment(d, {}, latest=idle_queued), deployment(d, {}, latest=idle_queued, is_skipped=True)]


def skipped_2026(d: str) -> list[Reply]:
    skipped = {"queued": "success", **dict.fromkeys(GIT_STAGES[1:], "skipped")}
    reason = recording(SKIPPED_DEPLOYMENT).body["result"]["skip_reason"]
    return [
        deployment(d, {"queued": "active"}),
        deployment(
            d,
            skipped,
            latest=stage("queued", "success"),
            template=SKIPPED_DEPLOYMENT,
            is_skipped=True,
            skip_reason=reason,
        ),
    ]


def direct_upload(d: str) -> list[Reply]:
    upload = DIRECT_UPLOAD_DEPLOYMENT
    return [
        deployment(d, {"queued": "active"}, template=upload),
        deployment(d, {"queued": "active", "deploy": "active"}, template=upload),
        # As recorded: `queued` stays active with ended_on null while deploy succeeded (started_on null).
        deployment(
            d,
            {"queued": "active", "deploy": "success"},
            latest=stage("deploy", "success", started=None, ended="2026-11-27T08:00:09.2Z"),
            template=upload,
        ),
    ]


def _recorded(name: str) -> Callable[[str], list[Reply]]:
    return lambda _: [Reply.of(recording(name))]


def _then_ok(first: Callable[[str], list[Reply]]) -> Callable[[str], list[Reply]]:
    return lambda d: [*first(d), _done(d)]


BUILDERS: dict[Situation, Callable[[str], list[Reply]]] = {
    Situation.GIT_BUILD_SUCCESS: git_build_success,
    Situation.BUILD_FAILURE: build_failure,
    Situation.CANCELED: canceled,
    Situation.SKIPPED_2025: skipped_2025,
    Situation.SKIPPED_2026: skipped_2026,
    Situation.DIRECT_UPLOAD: direct_upload,
    Situation.DEPLOYED: lambda d: [_done(d)],
    Situation.RATE_LIMITED: _recorded("rate-limited"),
    Situation.RATE_LIMITED_10000: _recorded("rate-limited-code-10000"),
    Situation.HTML_502: _recorded("bad-gateway-html"),
    Situation.HTML_522: _recorded("origin-unreachable-522-html"),
    Situation.DROPPED_CONNECTION: lambda _: [DROP],
    Situation.SLOW_REPLY: lambda d: [_done(d).later(SLOW_REPLY_SECONDS)],
    Situation.EXPIRED_TOKEN: _recorded("bad-token"),
    Situation.DEPLOYMENT_NOT_FOUND: _recorded("deployment-not-found-flat"),
    Situation.PROJECT_NOT_FOUND: _recorded("project-not-found"),
    Situation.RATE_LIMITED_THEN_OK: _then_ok(_recorded("rate-limited")),
    Situation.HTML_522_THEN_OK: _then_ok(_recorded("origin-unreachable-522-html")),
    Situation.DROPPED_CONNECTION_THEN_OK: _then_ok(lambda _: [DROP]),
}


def replies(situation: Situation | str, deployment_id: str) -> list[Reply]:
    """The replies `deployment_id` plays in `situation` (a Situation or its name)."""
    return BUILDERS[Situation(situation)](deployment_id)
