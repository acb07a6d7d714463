"""The package version: the one place it is written (pyproject.toml, the wheel and the User-Agent read it)."""

__version__ = "1.0.0"

__all__ = ["__version__"]
