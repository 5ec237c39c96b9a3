"""A Word or PDF export that runs out of space says so in one line and nothing else.

The child process cannot grow a file beyond a few kilobytes (``RLIMIT_FSIZE``, with
``SIGXFSZ`` ignored), so its writes fail half-way as on a full disk. The message must
come alone: no traceback from a half-closed zip archive after it, and no file left.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mcdesigner.exchange import ProposalBundle, write_proposal_file
from mcdesigner.model import Proposal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses resource limits")

_LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from mcdesigner.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.slow)])
@pytest.mark.parametrize("limit", [1_000])
def test_an_export_that_runs_out_of_space_prints_only_its_message(
    tmp_path: Path, fmt: str, limit: int
) -> None:
    proposal = Proposal(id="full-disk")
    proposal.general.title = "Full disk"
    proposal.general.description = "Text that fills a page. " * 200
    source = tmp_path / "in.mcproposal"
    write_proposal_file(source, ProposalBundle(proposal=proposal))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"proposal.{fmt}"
    args = ["export", str(source), "--document", "proposal", "--to", fmt, "-o", str(target)]
    result = subprocess.run(
        [sys.executable, "-c", _LIMITED, str(limit), "--db", str(tmp_path / "db"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"Cannot write {target}: File too large", result.stderr
    assert list(out_dir.iterdir()) == []
