"""`make adopt`: turn the drift the recordings show into edits of openapi/openapi.yaml (docs/nightly.md)."""
