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
# A schema rewritten from a `$ref` to a union (or back) changes these keys; the comparison reports the
# difference somewhere inside the schema, not at the key.
REWRITING_KEYS = frozenset({"$ref", "anyOf", "oneOf", "allOf"})
SECURITY_CHANGES = (Change.SECURITY_SCHEME_ADDED, Change.SECURITY_SCHEME_REMOVED)
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


def _semantic_rows(
    differences: list[Difference], new: dict[str, Any], base: dict[str, Any], operation: str
) -> list[Row]:
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
        elif kind is Change.VARIANT_REMOVED:
            # Where the base had the branch: the new side may be no union at all, only the enum it kept.
            subject = names.subject(base, difference.upstream_pointer, operation)
        else:
            subject = names.subject(new, difference.pointer, operation)
        rows.append(Row(rule.effect, kind, subject, difference.name, difference.pointer, rule))
    return rows


def as_generated(document: Any) -> Any:
    """`document` without its open-enum fallback flags.

    The upstream comparison reads our spec strictly and leaves the fallback
    branches out; the generated client keeps them (`StageStatus | str`), so here
    they are ordinary branches: taking one away closes the enum, a breaking change.
    """
    if isinstance(document, dict):
        return {key: as_generated(value) for key, value in document.items() if key != OPEN_ENUM_FALLBACK}
    if isinstance(document, list):
        return [as_generated(item) for item in document]
    return document


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


def _own(kind: str, subject: str, at: str, name: str | None = None) -> Row:
    rule = effects.OWN_RULES[kind]
    return Row(rule.effect, kind, subject, name, at, rule)


def _class_of(document: dict[str, Any], ref: Any) -> str | None:
    """The class a `$ref` names, or None when its target is no class (an array, a union, a fallback)."""
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        return None
    target = pointer.ref_target(ref)
    if not _exists(document, target) or not _generates_class(pointer.resolve(document, target)):
        return None
    return names.class_name(pointer.unescape(target.rsplit("/", 1)[1]))


def leaf_changes(base: Any, new: Any, at: str = "") -> Iterator[str]:
    """Pointers to every value that differs between two documents; a list that changed length is one value."""
    if isinstance(base, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*base, *new]):
            if key not in base or key not in new:
                yield pointer.join(at, key)
            else:
                yield from leaf_changes(base[key], new[key], pointer.join(at, key))
    elif isinstance(base, list) and isinstance(new, list) and len(base) == len(new):
        for index, (was, now) in enumerate(zip(base, new, strict=True)):
            yield from leaf_changes(was, now, pointer.join(at, index))
    elif base != new:
        yield at


def _is_annotation(token: str) -> bool:
    return token in ANNOTATIONS or token in ("summary", "info", "servers", "tags") or token.startswith("x-")


def _covers(row_pointer: str, at: str) -> bool:
    return at == row_pointer or at.startswith(row_pointer + "/") or row_pointer.startswith(at + "/")


def _text_rows(new: dict[str, Any], base: dict[str, Any], compared: list[str], operation: str) -> list[Row]:
    """What the semantic comparison leaves out: names and fallbacks of enums, annotations, mere spelling."""
    rows: list[Row] = []
    seen: set[tuple[str, str]] = set()
    for at in leaf_changes(base, new):
        if at == VERSION_POINTER:
            continue
        tokens = [pointer.unescape(token) for token in at.split("/")[1:]]
        if tokens[-1] == "$ref":
            old, now = _class_of(base, _value(base, at)), _class_of(new, _value(new, at))
            if old is not None and now is not None and old != now:
                subject = names.subject(new, at.rsplit("/", 1)[0], operation)
                rows.append(_own(effects.CLASS_CHANGED, subject, at, now))
                continue
        if ENUM_VARNAMES in tokens:
            if not _members_renamed(base, new, at.split("/" + ENUM_VARNAMES)[0]):
                continue  # names given to new values only: the enum-value row says it
            kind = effects.MEMBER_NAMES_CHANGED
        elif any(_is_annotation(token) for token in tokens):
            kind = effects.ANNOTATION_CHANGED
        elif any(_covers(found, at) for found in compared) or (
            tokens[-1] in REWRITING_KEYS and any(found.startswith(at.rsplit("/", 1)[0] + "/") for found in compared)
        ):
            continue
        else:
            kind = effects.SPELLING_CHANGED
        subject = names.subject(new if _exists(new, at) else base, at, operation)
        if (kind, subject) not in seen:
            seen.add((kind, subject))
            rows.append(_own(kind, subject, at))
    return rows


def _members(document: dict[str, Any], at: str) -> dict[Any, str | None]:
    schema = pointer.resolve(document, at) if _exists(document, at) else None
    owner_class, _ = names.owner(at)
    if not isinstance(schema, dict) or owner_class is None or not isinstance(schema.get("enum"), list):
        return {}
    return {value: names.member_name(owner_class, schema, value) for value in schema["enum"]}


def _members_renamed(base: dict[str, Any], new: dict[str, Any], at: str) -> bool:
    """Whether a value both documents have is a member of another name now."""
    before, after = _members(base, at), _members(new, at)
    return any(before[value] != after[value] for value in before.keys() & after.keys())


def _value(document: dict[str, Any], at: str) -> Any:
    return pointer.resolve(document, at) if _exists(document, at) else None


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
    # The upstream comparison's "ours" is the new spec and its "upstream" the base: "added" means new.
    differences = compare_documents(as_generated(new), as_generated(base))
    compared = [at for difference in differences for at in (difference.pointer, difference.upstream_pointer)]
    classes = _class_rows(new, base)
    compared += [row.pointer for row in classes]
    if any(difference.change in SECURITY_CHANGES for difference in differences):
        # Which schemes an operation uses is written in its `security`, and the schemes themselves elsewhere.
        compared += ["/security", pointer.join("/paths", PATH, METHOD, "security")]
    rows = _semantic_rows(differences, new, base, operation) + classes
    rows += _text_rows(new, base, compared, operation)
    if new_evidence != base_evidence:
        rows.append(_own(effects.EVIDENCE_CHANGED, "`openapi/deviations.yaml`", ""))
    return sorted(rows, key=lambda row: -row.effect.rank)
