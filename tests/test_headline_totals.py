"""A headline states the toll as the lead does (issue 24): when it counts more than the text, it
is the article's total. Headlines and texts written for this test."""

from __future__ import annotations

import pytest

from monitor.extract.figures import extract

TEXT = ("Police said Dana Reyes opened fire at the family's home on Elm Street on Saturday. "
        "Maria Reyes and Tom Reyes were pronounced dead at the scene. Two others are in hospital.")


def test_the_headline_counts_the_dead_the_text_only_names() -> None:
    ex = extract(TEXT, "Man shoots 4 relatives, killing 2")
    assert ex.killed == 2


def test_the_text_wins_when_it_counts_more() -> None:
    ex = extract("Police said five people were killed and three wounded in the attack on Friday.",
                 "2 dead in shooting")
    assert (ex.killed, ex.injured) == (5, 3)


@pytest.mark.parametrize("title", [
    "Remembering the 2014 shooting that changed a town",  # a year
    "Gunfire at 02:52 woke the street",  # a clock time
    "74 shot across the city over the holiday weekend",  # a round-up, no incident's toll
])
def test_a_headline_number_that_is_no_toll_is_not_read(title: str) -> None:
    ex = extract("A man was shot and killed on Main Street on Friday night, police said.", title)
    assert ex.killed == 1 and (ex.injured or 0) == 0


def test_a_text_that_opens_with_its_headline_is_not_read_twice() -> None:
    title = "Three hurt in shooting at park"
    ex = extract(title + " " + "Three people were hurt when shots were fired at the park on Sunday, police said.", title)
    assert ex.injured == 3
