"""Every stage core is pure NLP: importing it must not pull in faust or aiokafka (STYLE.md §3)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

SERVICES = Path(__file__).resolve().parents[2] / "services" / "khabar"
STAGE_CORES = sorted(path.parent.name for path in SERVICES.glob("*/core.py"))
SHELL_LIBRARIES = ("faust", "aiokafka")

_PROBE = """
import importlib, sys
importlib.import_module(sys.argv[1])
print(" ".join(sorted(name for name in sys.modules if name.split(".")[0] in {libs})))
"""


def test_core_purity_all_four_stages_present():
    assert STAGE_CORES == ["assemble", "normalize", "quantify", "tag"]


@pytest.mark.parametrize("stage", STAGE_CORES)
def test_core_purity_imports_no_faust_or_aiokafka(stage):
    # a fresh interpreter, so modules imported by other tests cannot mask (or fake) a leak
    probe = _PROBE.format(libs=set(SHELL_LIBRARIES))
    result = subprocess.run([sys.executable, "-c", probe, f"khabar.{stage}.core"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"khabar.{stage}.core does not import:\n{result.stderr[-2000:]}"
    assert result.stdout.strip() == "", f"khabar.{stage}.core imports {result.stdout.strip()}"
