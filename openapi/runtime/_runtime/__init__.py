"""The client's hand-written runtime: plain Python that does not vary with the spec.

Written in openapi/runtime/ and copied unchanged into the generated package by
`make generate` (scripts/generation.py), so that ruff, mypy and unit tests see
it as source while generated/ stays a pure function of openapi/.
"""
