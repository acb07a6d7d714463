"""Load Cloudflare's published document from a file or a URL, and say which one it was."""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import hashlib
import http.client
import json
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from contract_tests.kit.paths import ROOT

DEFAULT_URL = "https://raw.githubusercontent.com/cloudflare/api-schemas/main/openapi.json"
# Our operation cut out of the published document of 2026-08-18, committed (BSD-3-Clause, with its notice
# beside it) so that the tests and the benchmarks need neither the network nor the 12.5 MB document.
PUBLISHED_SLICE = ROOT / "tests" / "upstream" / "fixtures" / "upstream-get-deployment-slice.json"
# A read that gets nothing for this long fails; the whole download must end within the deadline, so a
# server that drips a byte at a time cannot hold the nightly job (a per-read timeout alone would let it).
DOWNLOAD_TIMEOUT_SECONDS = 60
DOWNLOAD_DEADLINE_SECONDS = 300
# The published document is 12.5 MB; anything far larger is not it, and is not read into memory.
DOWNLOAD_MAX_BYTES = 64 * 1024 * 1024


class LoadError(RuntimeError):
    """The document could not be read or is not a JSON object."""


@dataclass(frozen=True)
class Provenance:
    """Which upstream document a report was made against."""

    source: str
    # The published document has no date of its own (its `info` carries only
    # a version), so the date is the file's mtime or the HTTP Last-Modified.
    date: str | None
    date_source: str
    sha256: str
    size: int
    openapi: str | None
    info_version: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "date": self.date,
            "date_source": self.date_source,
            "sha256": self.sha256,
            "size": self.size,
            "openapi": self.openapi,
            "info_version": self.info_version,
        }


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _download(url: str) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"User-Agent": "cloudflare-pages-client upstream-diff"})
    deadline = time.monotonic() + DOWNLOAD_DEADLINE_SECONDS
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            last_modified: str | None = response.headers.get("Last-Modified")
            data = _read_within_limits(response, url, deadline)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise LoadError(f"cannot download {url}: {error}") from error
    if last_modified is not None:
        with contextlib.suppress(TypeError, ValueError):  # unparseable: keep the header as sent
            last_modified = email.utils.parsedate_to_datetime(last_modified).astimezone(UTC).isoformat()
    return data, last_modified


def _read_within_limits(response: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
    """The body, read as it arrives (read1 returns what one read got), within the deadline and the size limit."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > DOWNLOAD_MAX_BYTES:
            raise LoadError(f"cannot download {url}: over {DOWNLOAD_MAX_BYTES:,} bytes, not the published document")
        if time.monotonic() > deadline:
            raise LoadError(f"cannot download {url}: not complete after {DOWNLOAD_DEADLINE_SECONDS} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _read_file(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
        mtime = path.stat().st_mtime
    except OSError as error:
        raise LoadError(f"cannot read {path}: {error}") from error
    return data, datetime.fromtimestamp(mtime, UTC).isoformat(timespec="seconds")


def info_date(document: dict[str, Any]) -> str | None:
    """A date the document states itself, should a future version carry one."""
    info = document.get("info")
    if isinstance(info, dict):
        for key in ("x-date", "x-last-modified", "x-generated-at"):
            if isinstance(info.get(key), str):
                return str(info[key])
    return None


def load_document(source: str) -> tuple[dict[str, Any], Provenance]:
    """Parse the document at `source` (a path, or a URL, downloaded only then)."""
    if is_url(source):
        data, date = _download(source)
        date_source = "HTTP Last-Modified" if date else "unknown"
    else:
        data, file_date = _read_file(Path(source))
        date, date_source = file_date, "file modification time"
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LoadError(f"{source} is not JSON: {error}") from error
    except RecursionError as error:
        raise LoadError(f"{source}: /: JSON nested deeper than Python can read") from error
    if not isinstance(document, dict):
        raise LoadError(f"{source}: /: expected an object, found {type(document).__name__}")
    stated = info_date(document)
    if stated is not None:
        date, date_source = stated, "document info"
    info = document.get("info")
    if not isinstance(info, dict):
        info = {}
    provenance = Provenance(
        source=source,
        date=date,
        date_source=date_source,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        openapi=str(document["openapi"]) if "openapi" in document else None,
        info_version=str(info["version"]) if "version" in info else None,
    )
    return document, provenance


def main(argv: list[str] | None = None) -> int:
    """Save the published document to a file, for the tests that need all of it (`make test-published`)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("path", type=Path, help="where to write the document")
    parser.add_argument("--url", default=DEFAULT_URL)
    args = parser.parse_args(argv)
    try:
        data, _ = _download(args.url)
    except LoadError as error:
        print(f"upstream: {error}", file=sys.stderr)
        return 2
    args.path.parent.mkdir(parents=True, exist_ok=True)
    args.path.write_bytes(data)
    print(f"upstream: wrote {args.path} ({len(data):,} bytes from {args.url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
