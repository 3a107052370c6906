"""Haian Desk (海安群众事务代理工作台): the headless domain and its storage.

Nothing in this package imports Qt, ``ui`` or ``sync``; a test enforces it.
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("haian-desk")
except PackageNotFoundError:  # running from a tree that was never installed
    __version__ = "0.0.0+source"
