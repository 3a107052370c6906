"""Failpoints for sync's steps: the mechanism lives in ``haian_desk.core.failpoints`` (storage uses it too)."""

from haian_desk.core.failpoints import ENV, FailpointHit, hit, hook

__all__ = ["ENV", "FailpointHit", "hit", "hook"]
