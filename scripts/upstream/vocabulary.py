"""The kinds of difference between our spec and the published one: the `change` of openapi/deviations.yaml.

The one list: compare.py reports in it, deviations.py refuses an entry outside
it, and the comment at the top of openapi/deviations.yaml explains each kind (a
test checks that it names them all). Directions are ours relative to upstream:
PROPERTY_ADDED means our spec has a property the published one lacks.
"""

from __future__ import annotations

from enum import StrEnum


class Change(StrEnum):
    PROPERTY_ADDED = "property-added"
    PROPERTY_REMOVED = "property-removed"
    REQUIRED_ADDED = "required-added"
    REQUIRED_REMOVED = "required-removed"
    NULLABLE_ADDED = "nullable-added"
    NULLABLE_REMOVED = "nullable-removed"
    TYPE_CHANGED = "type-changed"
    FORMAT_CHANGED = "format-changed"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    CONSTRAINT_ADDED = "constraint-added"
    CONSTRAINT_REMOVED = "constraint-removed"
    CONSTRAINT_CHANGED = "constraint-changed"
    VARIANT_ADDED = "variant-added"
    VARIANT_REMOVED = "variant-removed"
    DISCRIMINATOR_ADDED = "discriminator-added"
    DISCRIMINATOR_REMOVED = "discriminator-removed"
    PARAMETER_ADDED = "parameter-added"
    PARAMETER_REMOVED = "parameter-removed"
    RESPONSE_ADDED = "response-added"
    RESPONSE_REMOVED = "response-removed"
    MEDIA_TYPE_ADDED = "media-type-added"
    MEDIA_TYPE_REMOVED = "media-type-removed"
    SECURITY_SCHEME_ADDED = "security-scheme-added"
    SECURITY_SCHEME_REMOVED = "security-scheme-removed"
