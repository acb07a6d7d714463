"""Every change between two versions of the curated spec, as rows in a user's terms."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cloudflare_pages_client._runtime import json_pointer as pointer
from scripts.compat import effects, names
from scripts.compat.effects import Effect, Rule, Section
from scripts.upstream.compare import Difference, compare_documents
from scripts.upstream.normalise import ANNOTATIONS, OPEN_ENUM_FALLBACK
from scripts.upstream.slicing import METHOD, PATH
from scripts.upstream.vocabulary import Change

ENUM_VARNAMES = "x-enum-varnames"
# The version itself changes with every release; it is not a change of the API.
VERSION_POINTER = "/info/version"


@dataclass(frozen=True)
class Row:
    """One change, its effect on a user's code, and the CHANGELOG line for it."""

    effect: Effect
    kind: str  # a Change of scripts/upstream/vocabulary.py, or one of compat's own kinds (effects.py)
    subject: str
    name: str | None
    pointer: str
    rule: Rule

    @property
    def section(self) -> Section:
        return self.rule.section

    @property
    def line(self) -> str:
        text = self.rule.wording.format(subject=self.subject, name=self.name)
        return f"**Breaking:** {text}" if self.effect is Effect.BREAKING else text


def _rule_for(difference: Difference, new: dict[str, Any]) -> Rule:
    rule = effects.RULES[difference.change]
    kind = difference.change
    whole_keyword = kind in (Change.CONSTRAINT_ADDED, Change.CONSTRAINT_REMOVED)
    if whole_keyword and difference.name in effects.TYPE_SHAPING_KEYWORDS:
        return effects.TYPE_SHAPING
    if kind is Change.FORMAT_CHANGED and not {difference.ours, difference.upstream} & effects.TYPED_FORMATS:
        return effects.UNTYPED_FORMAT
    if kind in (Change.ENUM_VALUE_ADDED, Change.ENUM_VALUE_REMOVED) and difference.pointer.endswith("/const"):
        return effects.CONST_CHANGED
    if kind is Change.PARAMETER_ADDED and pointer.resolve(new, difference.pointer).get("required") is not True:
        return effects.OPTIONAL_PARAMETER
    return rule


def _enum_subject(difference: Difference, new: dict[str, Any], base: dict[str, Any], operation: str) -> str:
    """`StageStatus.ROLLED_BACK`: the member as the generator names it, from the side that has the value."""
    schema_at, value = difference.pointer.rsplit("/", 1)[0], difference.ours
    document, at = new, schema_at
    if difference.change is Change.ENUM_VALUE_REMOVED:
        document, at, value = base, difference.upstream_pointer.rsplit("/", 1)[0], difference.upstream
    owner_class, attribute = names.owner(at)
    schema = pointer.resolve(document, at)
    if owner_class is not None and attribute is None and isinstance(schema, dict):
        member = names.member_name(owner_class, schema, value)
        if member is not None:
            return f"`{owner_class}.{member}`"
    return f"{names.subject(new, schema_at, operation)} value `{difference.name}`"


def _semantic_rows(new: dict[str, Any], base: dict[str, Any], operation: str) -> list[Row]:
    # The upstream comparison's "ours" is the new spec and its "upstream" the base: "added" means new.
    differences = compare_documents(new, base)
    added_properties = {
        (d.pointer.rsplit("/properties/", 1)[0], d.name) for d in differences if d.change is Change.PROPERTY_ADDED
    }
    removed_properties = {
        (d.pointer.rsplit("/properties/", 1)[0], d.name) for d in differences if d.change is Change.PROPERTY_REMOVED
    }
    required_added = {
        (d.pointer.rsplit("/required", 1)[0], d.name) for d in differences if d.change is Change.REQUIRED_ADDED
    }
    rows = []
    for difference in differences:
        kind = difference.change
        key = (difference.pointer.rsplit("/", 1)[0], difference.name)
        # A property added as required is one change, and so is a property removed with its `required`.
        if kind in (Change.REQUIRED_ADDED, Change.REQUIRED_REMOVED) and (
            key in added_properties or key in removed_properties
        ):
            continue
        rule = _rule_for(difference, new)
        if kind is Change.PROPERTY_ADDED and (difference.pointer.rsplit("/properties/", 1)[0], difference.name) in (
            required_added
        ):
            rule = effects.REQUIRED_PROPERTY
        if kind in (Change.ENUM_VALUE_ADDED, Change.ENUM_VALUE_REMOVED) and rule is not effects.CONST_CHANGED:
            subject = _enum_subject(difference, new, base, operation)
        elif (
            kind in (Change.REQUIRED_ADDED, Change.REQUIRED_REMOVED)
            and difference.name
            and "/parameters/" not in (difference.pointer)
        ):
            owner_class, _ = names.owner(difference.pointer)
            subject = f"`{owner_class}.{names.attribute_name(difference.name)}`"
        else:
            subject = names.subject(new, difference.pointer, operation)
        rows.append(Row(rule.effect, kind, subject, difference.name, difference.pointer, rule))
    return rows


def _generates_class(schema: Any) -> bool:
    """Whether the generator writes a class for a component schema: a model or an enum."""
    if not isinstance(schema, dict) or schema.get(OPEN_ENUM_FALLBACK) is True:
        return False
    if isinstance(schema.get("enum"), list):
        return True
    types = schema.get("type")
    return types == "object" or (isinstance(types, list) and "object" in types) or "properties" in schema


def _classes(document: dict[str, Any]) -> dict[str, str]:
    schemas = document.get("components", {}).get("schemas", {})
    return {names.class_name(name): name for name, schema in schemas.items() if _generates_class(schema)}


def _class_rows(new: dict[str, Any], base: dict[str, Any]) -> list[Row]:
    new_classes, base_classes = _classes(new), _classes(base)
    rows = []
    for name in sorted(base_classes.keys() - new_classes.keys()):
        at = pointer.join("/components/schemas", base_classes[name])
        rows.append(_own(effects.CLASS_REMOVED, f"`{name}`", at))
    for name in sorted(new_classes.keys() - base_classes.keys()):
        at = pointer.join("/components/schemas", new_classes[name])
        rows.append(_own(effects.CLASS_ADDED, f"`{name}`", at))
    return rows


def _own(kind: str, subject: str, at: str) -> Row:
    rule = effects.OWN_RULES[kind]
    return Row(rule.effect, kind, subject, None, at, rule)


def leaf_changes(base: Any, new: Any, at: str = "") -> Iterator[str]:
    """Pointers to every value that differs between two documents; a list is one value."""
    if isinstance(base, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*base, *new]):
            if key not in base or key not in new:
                yield pointer.join(at, key)
            else:
                yield from leaf_changes(base[key], new[key], pointer.join(at, key))
    elif base != new:
        yield at


def _is_annotation(token: str) -> bool:
    return token in ANNOTATIONS or token in ("summary", "info", "servers", "tags") or token.startswith("x-")


def _covers(row_pointer: str, at: str) -> bool:
    return at == row_pointer or at.startswith(row_pointer + "/") or row_pointer.startswith(at + "/")


def _text_rows(new: dict[str, Any], base: dict[str, Any], semantic: list[Row], operation: str) -> list[Row]:
    """What the semantic comparison leaves out: names and fallbacks of enums, annotations, mere spelling."""
    rows: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for at in leaf_changes(base, new):
        if at == VERSION_POINTER:
            continue
        tokens = [pointer.unescape(token) for token in at.split("/")[1:]]
        if ENUM_VARNAMES in tokens:
            kind = effects.MEMBER_NAMES_CHANGED
        elif OPEN_ENUM_FALLBACK in tokens:
            kind = effects.OPEN_ENUM_CHANGED
        elif any(_is_annotation(token) for token in tokens):
            kind = effects.ANNOTATION_CHANGED
        elif any(_covers(row.pointer, at) for row in semantic):
            continue
        else:
            kind = effects.SPELLING_CHANGED
        subject = names.subject(new if _exists(new, at) else base, at, operation)
        if (kind, subject) not in seen:
            seen.add((kind, subject))
            rows.append(_own(kind, subject, at))
    return rows


def _exists(document: dict[str, Any], at: str) -> bool:
    try:
        pointer.resolve(document, at)
    except (KeyError, IndexError, ValueError, TypeError):
        return False
    return True


def classify(
    new: dict[str, Any], base: dict[str, Any], *, new_evidence: str | None = None, base_evidence: str | None = None
) -> list[Row]:
    """Every change from `base` to `new` (two spec documents), breaking ones first."""
    operation = names.operation_name(new, PATH, METHOD)
    semantic = _semantic_rows(new, base, operation)
    rows = semantic + _class_rows(new, base) + _text_rows(new, base, semantic, operation)
    if new_evidence != base_evidence:
        rows.append(_own(effects.EVIDENCE_CHANGED, "`openapi/deviations.yaml`", ""))
    return sorted(rows, key=lambda row: -row.effect.rank)
