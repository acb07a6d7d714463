"""Walk our spec and the published one side by side, from the operation down.

Schemas are named differently on the two sides (`Deployment` here,
`pages_deployment` there), so nothing is matched by component name: parameters
are matched by name and location, responses by status code, media types by
name, properties by name, union branches by how alike they are, security
schemes by what they are. Every difference is reported at the pointer into
OUR spec where a maintainer would edit it (a `$ref`'s target, not the `$ref`),
with the pointer into the published document beside it.

Directions are ours relative to upstream, as in openapi/deviations.yaml:
"property-added" means our spec has a property the published one lacks.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from cloudflare_pages_client._runtime import json_pointer as pointer
from scripts.upstream.normalise import Document, Shape, Slot, Variant, normalise
from scripts.upstream.slicing import METHOD, PATH
from scripts.upstream.vocabulary import Change


@dataclass(frozen=True)
class Difference:
    """One way our spec departs from the published one."""

    pointer: str  # into our spec
    change: Change
    name: str | None
    upstream_pointer: str  # into the published document
    upstream: Any = None  # what the published document says there
    ours: Any = None  # what our spec says there

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.pointer, self.change, self.name)


def name_of(value: Any) -> str:
    """A name as deviations.yaml spells it: strings as they are, anything else as JSON."""
    return value if isinstance(value, str) else json.dumps(value)


def _types(shape: Shape) -> list[str] | None:
    return sorted(shape.types) if shape.types is not None else None


class Comparer:
    """Collects the differences between two documents' schemas."""

    def __init__(self, ours: Document, upstream: Document) -> None:
        self.ours = ours
        self.upstream = upstream
        self.differences: list[Difference] = []
        self._compared: set[tuple[str, str]] = set()
        self._reported: set[tuple[str, str, str | None]] = set()

    def add(self, difference: Difference) -> None:
        # A schema used twice (Stage: latest_stage and stages[]) is one edit
        # in our spec, even when upstream spells it out twice; the first
        # upstream place found is the one reported.
        if difference.key not in self._reported:
            self._reported.add(difference.key)
            self.differences.append(difference)

    # -- schemas -------------------------------------------------------------

    def schemas(self, ours: Slot, upstream: Slot, *, union_branch: bool = False) -> None:
        mine = normalise(self.ours, ours.node, ours.pointer)
        theirs = normalise(self.upstream, upstream.node, upstream.pointer)
        # A branch's own null is hoisted to its union and compared there.
        if not union_branch and mine.nullable != theirs.nullable:
            change = Change.NULLABLE_ADDED if mine.nullable else Change.NULLABLE_REMOVED
            self.add(
                Difference(mine.nullable_pointer, change, None, theirs.nullable_pointer, theirs.nullable, mine.nullable)
            )
        pair = (mine.pointer, theirs.pointer)
        if pair in self._compared:
            return
        self._compared.add(pair)
        if mine.types != theirs.types:
            self.add(Difference(mine.pointer, Change.TYPE_CHANGED, None, theirs.pointer, _types(theirs), _types(mine)))
        # A union facing a plain schema is compared branch by branch instead.
        if bool(mine.variants) == bool(theirs.variants):
            self._keywords(mine, theirs)
            self._object(mine, theirs)
            if mine.items is not None and theirs.items is not None:
                self.schemas(mine.items, theirs.items)
            elif (mine.items is None) != (theirs.items is None):
                self._presence(mine, theirs, "items", mine.items is not None)
        self._variants(mine, theirs)
        if mine.discriminator != theirs.discriminator:
            if theirs.discriminator is not None:
                self.add(Difference(mine.pointer, Change.DISCRIMINATOR_REMOVED, theirs.discriminator, theirs.pointer))
            if mine.discriminator is not None:
                self.add(Difference(mine.pointer, Change.DISCRIMINATOR_ADDED, mine.discriminator, theirs.pointer))

    def _presence(self, mine: Shape, theirs: Shape, keyword: str, ours_has: bool) -> None:
        change = Change.CONSTRAINT_ADDED if ours_has else Change.CONSTRAINT_REMOVED
        self.add(Difference(mine.pointer, change, keyword, theirs.pointer))

    def _keywords(self, mine: Shape, theirs: Shape) -> None:
        if mine.format != theirs.format:
            self.add(Difference(mine.pointer, Change.FORMAT_CHANGED, None, theirs.pointer, theirs.format, mine.format))
        if mine.enum is not None and theirs.enum is not None:
            at = pointer.join(mine.pointer, mine.enum_keyword)
            up_at = pointer.join(theirs.pointer, theirs.enum_keyword)
            for value in mine.enum:
                if value not in theirs.enum:
                    self.add(Difference(at, Change.ENUM_VALUE_ADDED, name_of(value), up_at, None, value))
            for value in theirs.enum:
                if value not in mine.enum:
                    self.add(Difference(at, Change.ENUM_VALUE_REMOVED, name_of(value), up_at, value, None))
        elif (mine.enum is None) != (theirs.enum is None):
            self.add(
                Difference(
                    mine.pointer,
                    Change.CONSTRAINT_ADDED if mine.enum is not None else Change.CONSTRAINT_REMOVED,
                    "enum",
                    theirs.pointer,
                    theirs.enum,
                    mine.enum,
                )
            )
        for keyword in sorted(set(mine.constraints) | set(theirs.constraints)):
            ours_value = mine.constraints.get(keyword)
            up_value = theirs.constraints.get(keyword)
            if keyword not in theirs.constraints:
                change = Change.CONSTRAINT_ADDED
            elif keyword not in mine.constraints:
                change = Change.CONSTRAINT_REMOVED
            elif ours_value != up_value:
                change = Change.CONSTRAINT_CHANGED
            else:
                continue
            self.add(Difference(mine.pointer, change, keyword, theirs.pointer, up_value, ours_value))

    def _object(self, mine: Shape, theirs: Shape) -> None:
        for name in mine.properties:
            if name not in theirs.properties:
                at = mine.properties[name].pointer
                self.add(Difference(at, Change.PROPERTY_ADDED, name, pointer.join(theirs.pointer, "properties", name)))
        for name, slot in theirs.properties.items():
            if name not in mine.properties:
                at = pointer.join(mine.pointer, "properties", name)
                self.add(Difference(at, Change.PROPERTY_REMOVED, name, slot.pointer))
            else:
                self.schemas(mine.properties[name], slot)
        required_at = pointer.join(mine.pointer, "required")
        up_required_at = pointer.join(theirs.pointer, "required")
        for name in sorted(mine.required - theirs.required):
            self.add(Difference(required_at, Change.REQUIRED_ADDED, name, up_required_at))
        for name in sorted(theirs.required - mine.required):
            self.add(Difference(required_at, Change.REQUIRED_REMOVED, name, up_required_at))
        if isinstance(mine.additional, Slot) and isinstance(theirs.additional, Slot):
            self.schemas(mine.additional, theirs.additional)
        elif mine.additional != theirs.additional:
            # Only one side constrains unknown properties (a schema, or false).
            ours_narrower = mine.additional is not None and (theirs.additional is None or mine.additional is False)
            self._presence(mine, theirs, "additionalProperties", ours_narrower)

    # -- unions --------------------------------------------------------------

    def _cost(self, ours: Variant, upstream: Variant) -> float:
        """How unalike two branches are: the differences between them, or infinity."""
        mine = normalise(self.ours, ours.slot.node, ours.slot.pointer)
        theirs = normalise(self.upstream, upstream.slot.node, upstream.slot.pointer)
        if mine.types is not None and theirs.types is not None and not mine.types & theirs.types:
            return math.inf
        trial = Comparer(self.ours, self.upstream)
        trial.schemas(ours.slot, upstream.slot, union_branch=True)
        return len(trial.differences)

    def _variants(self, mine: Shape, theirs: Shape) -> None:
        ours_variants, up_variants = mine.variants, theirs.variants
        if not ours_variants and not up_variants:
            return
        # A union on one side only: the other side's schema is its one
        # branch (named "", so it is never reported as added or removed).
        if not ours_variants:
            ours_variants = [Variant(Slot(pointer.resolve(self.ours.root, mine.pointer), mine.pointer), "")]
        elif not up_variants:
            up_variants = [Variant(Slot(pointer.resolve(self.upstream.root, theirs.pointer), theirs.pointer), "")]
        costs = sorted((self._cost(o, u), i, j) for i, o in enumerate(ours_variants) for j, u in enumerate(up_variants))
        matched_ours: set[int] = set()
        matched_up: set[int] = set()
        for cost, i, j in costs:
            if cost == math.inf or i in matched_ours or j in matched_up:
                continue
            matched_ours.add(i)
            matched_up.add(j)
            self.schemas(ours_variants[i].slot, up_variants[j].slot, union_branch=True)
        keyword = mine.variant_keyword if mine.variants else theirs.variant_keyword
        for i, variant in enumerate(ours_variants):
            if i not in matched_ours and variant.name:
                self.add(Difference(variant.slot.pointer, Change.VARIANT_ADDED, variant.name, theirs.pointer))
        for j, variant in enumerate(up_variants):
            if j not in matched_up and variant.name:
                at = pointer.join(mine.pointer, keyword)
                self.add(Difference(at, Change.VARIANT_REMOVED, variant.name, variant.slot.pointer))


# -- the operation -------------------------------------------------------------


def _operation_pointer(path: str, method: str) -> str:
    return pointer.join("/paths", path, method)


def _parameters(document: Document, path: str, method: str) -> dict[tuple[str, str], Slot]:
    """The operation's parameters by (location, name), path-level ones included."""
    found: dict[tuple[str, str], Slot] = {}
    for where in (pointer.join("/paths", path), _operation_pointer(path, method)):
        for index, raw in enumerate(pointer.resolve(document.root, where).get("parameters", [])):
            node, at = document.follow(raw, pointer.join(where, "parameters", index))
            if isinstance(node, dict) and "name" in node:
                found[(str(node.get("in")), str(node["name"]))] = Slot(node, at)
    return found


def _security_schemes(document: Document, path: str, method: str) -> dict[str, dict[str, Any]]:
    operation = pointer.resolve(document.root, _operation_pointer(path, method))
    requirements = operation.get("security", document.root.get("security", []))
    schemes = document.root.get("components", {}).get("securitySchemes", {})
    used = {name for requirement in requirements if isinstance(requirement, dict) for name in requirement}
    return {name: schemes.get(name, {}) for name in sorted(used)}


def _scheme_identity(scheme: dict[str, Any]) -> tuple[str, ...]:
    """What a security scheme is, whatever it is called: type plus how it is sent."""
    return (
        str(scheme.get("type", "")),
        str(scheme.get("scheme", "")).lower(),
        str(scheme.get("in", "")),
        str(scheme.get("name", "")).lower(),
    )


def compare_documents(
    ours_root: dict[str, Any], upstream_root: dict[str, Any], path: str = PATH, method: str = METHOD
) -> list[Difference]:
    """Every difference between the operation `method path` in the two documents."""
    ours, upstream = Document(ours_root), Document(upstream_root)
    comparer = Comparer(ours, upstream)
    operation_at = _operation_pointer(path, method)

    ours_parameters, up_parameters = _parameters(ours, path, method), _parameters(upstream, path, method)
    for key, slot in ours_parameters.items():
        if key not in up_parameters:
            comparer.add(
                Difference(slot.pointer, Change.PARAMETER_ADDED, key[1], pointer.join(operation_at, "parameters"))
            )
    for key, up_slot in up_parameters.items():
        if key not in ours_parameters:
            at = pointer.join(operation_at, "parameters")
            comparer.add(Difference(at, Change.PARAMETER_REMOVED, key[1], up_slot.pointer))
            continue
        slot = ours_parameters[key]
        ours_required, up_required = slot.node.get("required") is True, up_slot.node.get("required") is True
        if ours_required != up_required:
            change = Change.REQUIRED_ADDED if ours_required else Change.REQUIRED_REMOVED
            at, up_at = pointer.join(slot.pointer, "required"), pointer.join(up_slot.pointer, "required")
            comparer.add(Difference(at, change, key[1], up_at, up_required, ours_required))
        if "schema" in slot.node and "schema" in up_slot.node:
            comparer.schemas(
                Slot(slot.node["schema"], pointer.join(slot.pointer, "schema")),
                Slot(up_slot.node["schema"], pointer.join(up_slot.pointer, "schema")),
            )

    ours_responses = pointer.resolve(ours.root, operation_at).get("responses", {})
    up_responses = pointer.resolve(upstream.root, operation_at).get("responses", {})
    ours_codes = {str(code).upper(): str(code) for code in ours_responses}
    up_codes = {str(code).upper(): str(code) for code in up_responses}
    for code, spelled in ours_codes.items():
        if code not in up_codes:
            at = pointer.join(operation_at, "responses", spelled)
            comparer.add(Difference(at, Change.RESPONSE_ADDED, spelled, pointer.join(operation_at, "responses")))
    for code, up_spelled in up_codes.items():
        up_at = pointer.join(operation_at, "responses", up_spelled)
        if code not in ours_codes:
            at = pointer.join(operation_at, "responses", up_spelled)
            comparer.add(Difference(at, Change.RESPONSE_REMOVED, up_spelled, up_at))
            continue
        spelled = ours_codes[code]
        response, at = ours.follow(ours_responses[spelled], pointer.join(operation_at, "responses", spelled))
        up_response, up_at = upstream.follow(up_responses[up_spelled], up_at)
        _compare_content(comparer, Slot(response, at), Slot(up_response, up_at))

    ours_schemes, up_schemes = _security_schemes(ours, path, method), _security_schemes(upstream, path, method)
    ours_ids = {_scheme_identity(scheme): name for name, scheme in ours_schemes.items()}
    up_ids = {_scheme_identity(scheme): name for name, scheme in up_schemes.items()}
    for identity, name in ours_ids.items():
        if identity not in up_ids:
            at = pointer.join("/components/securitySchemes", name)
            comparer.add(Difference(at, Change.SECURITY_SCHEME_ADDED, name, "/components/securitySchemes"))
    for identity, name in up_ids.items():
        if identity not in ours_ids:
            at = pointer.join("/components/securitySchemes", name)
            comparer.add(Difference(at, Change.SECURITY_SCHEME_REMOVED, name, at))
    return comparer.differences


def _compare_content(comparer: Comparer, response: Slot, up_response: Slot) -> None:
    content = response.node.get("content", {}) if isinstance(response.node, dict) else {}
    up_content = up_response.node.get("content", {}) if isinstance(up_response.node, dict) else {}
    for media_type in content:
        if media_type not in up_content:
            at = pointer.join(response.pointer, "content", media_type)
            up_at = pointer.join(up_response.pointer, "content")
            comparer.add(Difference(at, Change.MEDIA_TYPE_ADDED, media_type, up_at))
    for media_type, up_media in up_content.items():
        at = pointer.join(response.pointer, "content", media_type)
        up_at = pointer.join(up_response.pointer, "content", media_type)
        if media_type not in content:
            comparer.add(Difference(at, Change.MEDIA_TYPE_REMOVED, media_type, up_at))
            continue
        media = content[media_type]
        if isinstance(media, dict) and isinstance(up_media, dict) and "schema" in media and "schema" in up_media:
            comparer.schemas(
                Slot(media["schema"], pointer.join(at, "schema")),
                Slot(up_media["schema"], pointer.join(up_at, "schema")),
            )
