"""What each kind of spec change does to code that uses the generated client.

The kinds are the upstream comparison's (scripts/upstream/vocabulary.py); the
effect of each on a user's code is the fact this module adds. A change is
*breaking* when code that type-checked and ran before may not, *additive* when
it only offers something new, *internal* when the generated API is the same.
The reasoning, per kind, is in docs/releasing.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from scripts.upstream.vocabulary import Change


class Effect(StrEnum):
    BREAKING = "breaking"
    ADDITIVE = "additive"
    INTERNAL = "internal"

    @property
    def rank(self) -> int:
        return {Effect.INTERNAL: 1, Effect.ADDITIVE: 2, Effect.BREAKING: 3}[self]


class Section(StrEnum):
    """Keep a Changelog's sections, those a spec change can fill."""

    ADDED = "Added"
    CHANGED = "Changed"
    REMOVED = "Removed"


@dataclass(frozen=True)
class Rule:
    effect: Effect
    section: Section
    wording: str  # the CHANGELOG line; {subject} and {name} are filled in
    why: str


B, A, I = Effect.BREAKING, Effect.ADDITIVE, Effect.INTERNAL  # noqa: E741
ADDED, CHANGED, REMOVED = Section.ADDED, Section.CHANGED, Section.REMOVED
UNCHECKED = "the client does not check constraints"
PARSED = "`Response.parsed` and the errors raised may change"

RULES: dict[Change, Rule] = {
    Change.PROPERTY_ADDED: Rule(A, ADDED, "{subject} added", "a new optional attribute"),
    Change.PROPERTY_REMOVED: Rule(B, REMOVED, "{subject} removed", "code that reads or passes it fails"),
    Change.REQUIRED_ADDED: Rule(B, CHANGED, "{subject} is now required", "building the model without it fails"),
    Change.REQUIRED_REMOVED: Rule(
        B, CHANGED, "{subject} may now be absent (`UNSET`)", "its type gains `Unset`: reading code stops type-checking"
    ),
    Change.NULLABLE_ADDED: Rule(
        B, CHANGED, "{subject} may now be `None`", "its type gains `None`: reading code stops type-checking"
    ),
    Change.NULLABLE_REMOVED: Rule(B, CHANGED, "{subject} is no longer nullable", "passing `None` stops type-checking"),
    Change.TYPE_CHANGED: Rule(B, CHANGED, "{subject} changed type", "its Python type changes"),
    Change.FORMAT_CHANGED: Rule(B, CHANGED, "{subject} changed Python type", "the format maps to another Python type"),
    Change.ENUM_VALUE_ADDED: Rule(A, ADDED, "{subject} added", "our enums are open (`X | str`): a new member"),
    Change.ENUM_VALUE_REMOVED: Rule(B, REMOVED, "{subject} removed", "code that names the member fails"),
    Change.CONSTRAINT_ADDED: Rule(I, CHANGED, "{subject}: `{name}` added", UNCHECKED),
    Change.CONSTRAINT_REMOVED: Rule(I, CHANGED, "{subject}: `{name}` removed", UNCHECKED),
    Change.CONSTRAINT_CHANGED: Rule(I, CHANGED, "{subject}: `{name}` changed", UNCHECKED),
    Change.VARIANT_ADDED: Rule(
        B, CHANGED, "{subject} may now also be `{name}`", "the union widens: reading code stops type-checking"
    ),
    Change.VARIANT_REMOVED: Rule(B, CHANGED, "{subject} can no longer be `{name}`", "code that builds it fails"),
    Change.DISCRIMINATOR_ADDED: Rule(
        B, CHANGED, "{subject} is now told apart by `{name}`", "a body may parse into another class"
    ),
    Change.DISCRIMINATOR_REMOVED: Rule(
        B, CHANGED, "{subject} is no longer told apart by `{name}`", "a body may parse into another class"
    ),
    Change.PARAMETER_ADDED: Rule(B, ADDED, "{subject} added", "a new required argument"),
    Change.PARAMETER_REMOVED: Rule(B, REMOVED, "{subject} removed", "callers that pass it fail"),
    Change.RESPONSE_ADDED: Rule(B, CHANGED, "{subject}: status {name} added", PARSED),
    Change.RESPONSE_REMOVED: Rule(B, CHANGED, "{subject}: status {name} removed", PARSED),
    Change.MEDIA_TYPE_ADDED: Rule(B, CHANGED, "{subject}: `{name}` added", PARSED),
    Change.MEDIA_TYPE_REMOVED: Rule(B, CHANGED, "{subject}: `{name}` removed", PARSED),
    Change.SECURITY_SCHEME_ADDED: Rule(A, ADDED, "{subject}: `{name}` added", "a new way to authenticate"),
    Change.SECURITY_SCHEME_REMOVED: Rule(B, REMOVED, "{subject}: `{name}` removed", "clients built for it fail"),
}

# A whole keyword on one side only changes the generated type, unlike other constraints.
TYPE_SHAPING_KEYWORDS = frozenset({"enum", "items", "additionalProperties"})
TYPE_SHAPING = Rule(B, CHANGED, "{subject} changed type (`{name}`)", "the generated type changes")
# The formats the generator maps to their own Python type; any other format is a plain `str`.
TYPED_FORMATS = frozenset({"date-time", "date", "uuid", "binary"})
UNTYPED_FORMAT = Rule(I, CHANGED, "{subject}: format changed", "both formats are a plain `str`")
# A `const` is a `Literal` in the generated code: another value is another type.
CONST_CHANGED = Rule(B, CHANGED, "{subject} changed value", "a `const` is a `Literal` type")
OPTIONAL_PARAMETER = Rule(A, ADDED, "{subject} added", "a new optional argument")
REQUIRED_PROPERTY = Rule(B, ADDED, "{subject} added, required", "building the model without it fails")

# Compat's own kinds: what the upstream comparison cannot see because it matches schemas by shape, not name
# (our names and Cloudflare's differ by design), and what it leaves out as annotation.
CLASS_ADDED = "class-added"
CLASS_REMOVED = "class-removed"
CLASS_CHANGED = "class-changed"
MEMBER_NAMES_CHANGED = "member-names-changed"
ANNOTATION_CHANGED = "annotation-changed"
SPELLING_CHANGED = "spelling-changed"
EVIDENCE_CHANGED = "evidence-changed"

OWN_RULES: dict[str, Rule] = {
    CLASS_ADDED: Rule(A, ADDED, "{subject} added", "a new class"),
    CLASS_REMOVED: Rule(B, REMOVED, "{subject} removed", "code that imports it fails (a rename is this and an add)"),
    CLASS_CHANGED: Rule(B, CHANGED, "{subject} is now a `{name}`", "code that builds or checks the old class fails"),
    MEMBER_NAMES_CHANGED: Rule(B, CHANGED, "{subject} members renamed", "`x-enum-varnames` names the members"),
    ANNOTATION_CHANGED: Rule(I, CHANGED, "{subject}: documentation changed", "descriptions and examples only"),
    SPELLING_CHANGED: Rule(I, CHANGED, "{subject}: spelled differently", "the comparison finds no change"),
    EVIDENCE_CHANGED: Rule(I, CHANGED, "{subject}: evidence changed", "deviations.yaml is not read by the client"),
}
