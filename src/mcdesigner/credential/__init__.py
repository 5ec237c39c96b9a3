"""Digital credential data of a proposal: ELM v3 (European Digital Credentials) and Open Badges 3.0.

The certified academic data and the rights of a proposal are transferred to a credential
template without retyping: :func:`to_elm` and :func:`to_ob3` build the documents,
:func:`missing_for_credential` lists what the proposal still lacks, and
:func:`export_credential` writes a document to disk atomically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from mcdesigner.atomicfile import atomic_write_bytes
from mcdesigner.credential.elm import to_elm
from mcdesigner.credential.gaps import CredentialGap, missing_for_credential
from mcdesigner.credential.ob3 import to_ob3
from mcdesigner.i18n import tr
from mcdesigner.model.proposal import Proposal

__all__ = [
    "CredentialError",
    "CredentialFormat",
    "CredentialGap",
    "export_credential",
    "missing_for_credential",
    "to_elm",
    "to_ob3",
]

CredentialFormat = Literal["elm", "ob3"]


class CredentialError(Exception):
    """A credential could not be built or written; the message says why in plain English."""


def export_credential(
    proposal: Proposal, fmt: CredentialFormat, out: Path, *, through_link: bool = False
) -> Path:
    """Write the ``fmt`` credential document of ``proposal`` to ``out`` as pretty JSON.

    The file is written to a temporary file next to ``out`` and moved into place, so
    ``out`` is either the old file or the complete new one. Returns ``out``. A symbolic
    link at ``out`` is written through only when ``through_link`` is true.
    """
    if fmt == "elm":
        document = to_elm(proposal)
    elif fmt == "ob3":
        document = to_ob3(proposal)
    else:
        raise CredentialError(
            tr("Unknown credential format “{fmt}”: use “elm” or “ob3”.").format(fmt=fmt)
        )
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    _write_atomically(Path(out), text.encode("utf-8"), through_link=through_link)
    return Path(out)


def _write_atomically(target: Path, data: bytes, *, through_link: bool) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise CredentialError(
            tr("Cannot write {path}: the folder {folder} does not exist.").format(
                path=target, folder=folder
            )
        )
    if target.is_dir():
        raise CredentialError(tr("Cannot write {path}: it is a folder.").format(path=target))
    try:
        atomic_write_bytes(target, data, through_link=through_link)
    except OSError as error:
        raise CredentialError(
            tr("Cannot write {path}: {reason}").format(
                path=target, reason=error.strerror or str(error)
            )
        ) from error
