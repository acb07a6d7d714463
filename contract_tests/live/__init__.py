"""The live run against Cloudflare: configuration, the budgeted transport, the run, redaction, exit codes.

Layer rule (ARCHITECTURE.md): this package imports the client and contract_tests.kit, nothing above.
"""
