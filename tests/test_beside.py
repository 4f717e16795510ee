"""Work run in a forked process: its result and its failures come back to the parent."""

from __future__ import annotations

import os

import pytest

from briefing.beside import Beside
from briefing.errors import InputError


def test_the_result_comes_back_from_the_child() -> None:
    parent = os.getpid()
    assert Beside(lambda: ("done", os.getpid() != parent)).result() == ("done", True)


def test_an_error_in_the_child_is_raised_in_the_parent_with_its_message() -> None:
    def fails() -> None:
        raise InputError("deck.pptx: the template has no slide masters")

    with pytest.raises(InputError, match="has no slide masters"):
        Beside(fails).result()


def test_a_child_that_dies_is_reported_not_waited_for_forever() -> None:
    with pytest.raises(RuntimeError, match="ended without a result"):
        Beside(lambda: os._exit(3)).result()
