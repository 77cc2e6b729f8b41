"""Plex Media Server source connection information: typed client for GET /security/resources."""

from importlib.metadata import version as _version

__version__ = _version("plex-resources")

__all__ = ["__version__"]
