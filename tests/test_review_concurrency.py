"""Comment threads are never last-writer-wins.

A review import reads and merges the stored threads inside its write transaction, so two
imports at once both keep their comments; a thread saved in the window over a version
that changed meanwhile is combined with the stored one instead of replacing it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mcdesigner.cli import main
from mcdesigner.exchange import ReviewBundle, write_review_file
from mcdesigner.model import Annotation, Comment, Proposal
from mcdesigner.model.hashing import content_hash
from mcdesigner.operations import ThreadConflict
from mcdesigner.operations.reviews import delete_thread, import_review, save_thread
from mcdesigner.storage import Store

PROPOSAL_ID = "reviewed-proposal"
THREAD_ID = "thread-on-title"


def _proposal() -> Proposal:
    proposal = Proposal(id=PROPOSAL_ID)
    proposal.general.title = "Reviewed twice"
    return proposal


def _thread(*comments: Comment) -> Annotation:
    return Annotation(
        id=THREAD_ID, proposal_id=PROPOSAL_ID, path="general.title", comments=list(comments)
    )


FIRST = Comment(id="c-author", author="Author", body="Is the title clear?")


@pytest.fixture
def library(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.save(_proposal())
        store.save_annotation(_thread(FIRST))
    return db_path


def _review_file(folder: Path, reviewer: str) -> Path:
    comment = Comment(id=f"c-{reviewer.lower()}", author=reviewer, body=f"{reviewer} agrees.")
    bundle = ReviewBundle(
        proposal_id=PROPOSAL_ID,
        revision_hash=content_hash(_proposal()),
        annotations=(_thread(FIRST, comment),),
        reviewer=reviewer,
    )
    path = folder / f"{reviewer}.mcreview"
    write_review_file(path, bundle)
    return path


def _comment_ids(db: Path) -> list[str]:
    with Store.open(db) as store:
        (thread,) = store.list_annotations(PROPOSAL_ID)
    return sorted(c.id for c in thread.comments)


# The child merges slowly: it holds what it read for a second before writing it back.
_SLOW_IMPORT = textwrap.dedent(
    """
    import sys, time
    import mcdesigner.operations.reviews as reviews
    from mcdesigner.cli import main

    real_merge = reviews.merge_annotations
    def slow_merge(*args, **kwargs):
        print("merging", flush=True)
        time.sleep(1.5)
        return real_merge(*args, **kwargs)
    reviews.merge_annotations = slow_merge
    sys.exit(main(sys.argv[1:]))
    """
)


def test_two_review_imports_at_once_keep_both_reviewers_comments(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    ana, ben = _review_file(tmp_path, "Ana"), _review_file(tmp_path, "Ben")
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_IMPORT, "--db", str(library), "review-import", str(ana)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "merging"
    assert main(["--db", str(library), "review-import", str(ben)]) == 0  # meanwhile
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert _comment_ids(library) == ["c-ana", "c-author", "c-ben"]


def test_a_reply_saved_over_a_thread_a_review_import_changed_keeps_both(
    library: Path, tmp_path: Path
) -> None:
    with Store.open(library) as store:
        (opened,) = store.list_annotations(PROPOSAL_ID)  # the window shows the thread
        import_review(store, _review_file(tmp_path, "Ana"))  # a review arrives meanwhile
        reply = opened.model_copy(deep=True)
        reply.comments.append(Comment(id="c-reply", author="Author", body="Thanks."))
        saved = save_thread(store, reply, based_on=opened)
        (stored,) = store.list_annotations(PROPOSAL_ID)
    assert sorted(c.id for c in stored.comments) == ["c-ana", "c-author", "c-reply"]
    assert saved == stored  # the window now shows what is stored


def test_a_thread_is_saved_only_over_the_version_it_was_read_as(library: Path) -> None:
    with Store.open(library) as store:
        (opened,) = store.list_annotations(PROPOSAL_ID)
        changed = opened.model_copy(update={"status": "resolved"})
        store.save_annotation_over(changed, opened)
        stale = opened.model_copy(update={"label": "Title"})
        with pytest.raises(ThreadConflict) as conflict:
            store.save_annotation_over(stale, opened)
        assert conflict.value.stored == changed
        with pytest.raises(ThreadConflict):
            store.save_annotation_over(_thread(), None)  # "new", but one is stored
        assert store.list_annotations(PROPOSAL_ID) == [changed]


TRIALS = 40

_PLAIN_IMPORT = textwrap.dedent(
    """
    import sys
    from mcdesigner.cli import main
    sys.stdin.readline()  # both start together
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.slow
def test_simultaneous_review_imports_never_lose_a_comment(db_path: Path, tmp_path: Path) -> None:
    lost = 0
    for trial in range(TRIALS):
        db = tmp_path / f"trial-{trial}.sqlite3"
        with Store.open(db) as store:
            store.save(_proposal())
            store.save_annotation(_thread(FIRST))
        files = [_review_file(tmp_path, name) for name in ("Ana", "Ben")]
        children = [
            subprocess.Popen(
                [sys.executable, "-c", _PLAIN_IMPORT, "--db", str(db), "review-import", str(f)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for f in files
        ]
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        for child in children:
            _out, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
        lost += 3 - len(_comment_ids(db))
    assert lost == 0, f"{lost} comments lost in {TRIALS} trials"
    print(f"review imports: {TRIALS} trials of two at once, 0 comments lost")


def test_deleting_a_thread_a_review_import_added_to_keeps_it(library: Path, tmp_path: Path) -> None:
    with Store.open(library) as store:
        (opened,) = store.list_annotations(PROPOSAL_ID)
        import_review(store, _review_file(tmp_path, "Ana"))
        with pytest.raises(ThreadConflict) as conflict:
            delete_thread(store, opened.id, based_on=opened)
        assert conflict.value.stored is not None
        assert store.list_annotations(PROPOSAL_ID) == [conflict.value.stored]
        delete_thread(store, opened.id, based_on=conflict.value.stored)  # now as it is
        assert store.list_annotations(PROPOSAL_ID) == []
        delete_thread(store, opened.id, based_on=opened)  # already gone: nothing happens
