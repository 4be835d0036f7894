"""Hypothesis profiles: a quick one for every test run, a long one for the fuzz run.

``bench/fuzz_inputs.py`` sets ``ECOGRAPH_FUZZ_PROFILE=fuzz`` (and the number of cases in
``ECOGRAPH_FUZZ_CASES``) and prints how many cases each property saw.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("quick", max_examples=100, **_COMMON)
settings.register_profile("fuzz", max_examples=int(os.environ.get("ECOGRAPH_FUZZ_CASES", "5000")), **_COMMON)
settings.load_profile(os.environ.get("ECOGRAPH_FUZZ_PROFILE", "quick"))
