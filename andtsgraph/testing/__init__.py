"""What the tests and benchmarks use, shipped with the package so that anyone can reproduce
them: :mod:`andtsgraph.testing.synthetic`, a corpus of invented plans (``andtsgraph
synthetic`` writes one)."""

from __future__ import annotations

__all__ = ["synthetic"]

from andtsgraph.testing import synthetic
