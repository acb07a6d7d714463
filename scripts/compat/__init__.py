"""`make compat`: what a spec change does to code that uses the generated client (issue 14).

`changes` compares the curated spec at a git ref with the working tree, reusing
the upstream comparison (scripts/upstream/compare.py and its vocabulary), and
turns each difference into a row in user terms; `effects` says what each kind
of change does to a user's code (breaking, additive, internal); `names` spells
schemas and values as the generator does; `versions` reads the package version
and says which bump a set of effects needs; `gitrefs` reads files at a ref;
`report` prints the table and the CHANGELOG lines. The CLI is
`python -m scripts.compat_check`.
"""
