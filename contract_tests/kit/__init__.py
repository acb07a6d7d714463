"""The contract checks as a library: the spec and its operation, the three checks, recordings, report, test servers.

Layer rule (ARCHITECTURE.md): this package imports the client and nothing else of the project.
"""
