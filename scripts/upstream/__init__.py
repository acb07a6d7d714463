"""Compare the curated spec with Cloudflare's published OpenAPI document (issue 6).

`source` loads the published document, `slicing` cuts our operation out of it,
`normalise` reduces both sides' schemas to one spelling, `compare` walks both
documents from the operation, `deviations` classifies what it finds against
openapi/deviations.yaml and `report` writes it down. The CLI is
`python -m scripts.upstream_diff` (`make upstream-diff`).
"""
