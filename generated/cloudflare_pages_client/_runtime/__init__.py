"""The client's hand-written runtime: plain Python that does not vary with the spec.

Written in openapi/runtime/ and copied unchanged into the generated package by
`make generate` (scripts/generation.py), so that ruff, mypy and unit tests see
it as source while generated/ stays a pure function of openapi/. The templates
in openapi/templates/ keep only what varies with the spec and call these modules.

The import rule, inside the runtime:
- relative imports only (the package may be generated under another name);
- the core modules (constants, version, types, errors, auth, retry,
  clients, environment, wire, json_pointer, tls, urls, memo, timestamps,
  shapes, attempts)
  import nothing from the generated `models` or `api`, so that every
  operation module can import them;
- only `operations` (which wraps the generated operation), the modules built
  on the models (`state`, `links`, and `waiting` and `cli` on top of
  `operations`) and `exports` (the package root's names) import from
  `models` and `api`.
"""
