"""The package's version, written once: pyproject.toml reads it (`[tool.setuptools.dynamic]`)."""

__version__ = "1.0.0"

__all__ = ["__version__"]
