"""The status history in the store: one row per workflow step (submitted, approved, ...)."""

from __future__ import annotations

import uuid

from mcdesigner.i18n import tr
from mcdesigner.model.text import clean_line, clean_text
from mcdesigner.storage.core import StoreCore
from mcdesigner.storage.records import StatusEvent, from_text, now_utc, to_text


class StatusHistory(StoreCore):
    """The status_events table: who moved a proposal from which status to which, and why."""

    def add_status_event(
        self, proposal_id: str, from_status: str, to_status: str, actor: str, note: str = ""
    ) -> StatusEvent:
        """Record one workflow step in the proposal's history (names and notes are cleaned)."""
        event = StatusEvent(
            id=uuid.uuid4().hex,
            proposal_id=proposal_id,
            from_status=from_status,
            to_status=to_status,
            actor=clean_line(actor),
            at=now_utc(),
            note=clean_text(note),
        )
        with self._writing(tr("record the status change")) as conn:
            self._require(conn, proposal_id)
            conn.execute(
                "INSERT INTO status_events (id, proposal_id, from_status, to_status, actor, at, "
                "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id,
                    proposal_id,
                    from_status,
                    to_status,
                    event.actor,
                    to_text(event.at),
                    event.note,
                ),
            )
        return event

    def list_status_events(self, proposal_id: str) -> list[StatusEvent]:
        """The proposal's workflow history, oldest first."""
        rows = self._read(
            "SELECT id, proposal_id, from_status, to_status, actor, at, note FROM status_events "
            "WHERE proposal_id = ? ORDER BY at, rowid",
            (proposal_id,),
            tr("read the status history"),
        )
        return [
            StatusEvent(
                id=row["id"],
                proposal_id=row["proposal_id"],
                from_status=row["from_status"],
                to_status=row["to_status"],
                actor=row["actor"],
                at=from_text(row["at"]),
                note=row["note"],
            )
            for row in rows
        ]
