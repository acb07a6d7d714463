"""JSON pointers (RFC 6901) and local `$ref`s, the addresses every difference carries."""

from __future__ import annotations

from typing import Any


def escape(token: str | int) -> str:
    """One reference token: `~` and `/` are the only characters a pointer escapes."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(token) for token in tokens)


def ref_target(ref: str) -> str:
    """The pointer a local `$ref` ("#/components/...") names.

    Both documents are self-contained; a reference to another file would mean
    the document is not what this tool was built for, so it is refused.
    """
    if not ref.startswith("#"):
        raise ValueError(f"only local references are supported, not {ref!r}")
    return ref[1:]


def resolve(document: Any, pointer: str) -> Any:
    """The value at `pointer`; KeyError or IndexError when there is none."""
    node = document
    if pointer == "":
        return node
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    for raw in pointer[1:].split("/"):
        token = unescape(raw)
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node
