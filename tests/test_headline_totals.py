"""How an article's toll is counted (issue 24): the headline with the lead, and the shot in
other wordings. Headlines and texts written for this test."""

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
    "6 Dead, 28 Wounded In Weekend Shootings",  # a round-up of several shootings
])
def test_a_headline_number_that_is_no_toll_is_not_read(title: str) -> None:
    ex = extract("A man was shot and killed on Main Street on Friday night, police said.", title)
    assert ex.killed == 1 and (ex.injured or 0) == 0


def test_a_text_that_opens_with_its_headline_is_not_read_twice() -> None:
    title = "Three hurt in shooting at park"
    ex = extract(title + " " + "Three people were hurt when shots were fired at the park on Sunday, police said.", title)
    assert ex.injured == 3


@pytest.mark.parametrize(("title", "text", "expected"), [
    # the headline counts the shot; the text's dead are not among the wounded
    ("Police name teen killed in east side quadruple shooting",
     "Officers found Jon Lee and another man shot on Sunday. Lee was pronounced dead at the hospital.", (1, 3)),
    ("4 shot, 1 fatally, outside downtown bar", "Police said a man died after the shooting on Friday.", (1, 3)),
    # a headline's one wounded victim is the text's dead: "a man was shot ... he died" is one victim
    ("Man shot on Elm Street", "A man was shot and killed on Elm Street on Friday night.", (1, 0)),
])
def test_the_headline_is_counted_with_the_text(title: str, text: str, expected: tuple[int, int]) -> None:
    ex = extract(text, title)
    assert (ex.killed, ex.injured or 0) == expected



@pytest.mark.parametrize(("text", "expected"), [
    ("Police said four men were shot at a community center on Tuesday night.", (0, 4)),  # where, not fired upon
    ("Two men were shot at but not hit on Tuesday, police said.", (0, 0)),  # fired upon
    ("Officers said two suspects shot at police before fleeing.", (0, 0)),
    ("He fired into the home and shot four people inside.", (0, 4)),
    ("Four people were shot on Sunday; one died.", (1, 3)),
])
def test_the_wounded_counted_in_other_words(text: str, expected: tuple[int, int]) -> None:
    ex = extract(text, "")
    assert (ex.killed or 0, ex.injured or 0) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Gunman kills 2, wounds 3 at mall", (2, 3)),
    ("Shootout at tavern leaves 1 dead, injures five", (1, 5)),
])
def test_a_headline_in_the_present_tense(title: str, expected: tuple[int, int]) -> None:
    ex = extract("Police said the gunman fled on foot.", title)
    assert (ex.killed, ex.injured) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Lee, 19, was charged with two counts of murder and one count of aggravated assault.", 2),
    ("A judge held him for trial on three first-degree murder counts.", 3),
    ("She faces one count of second-degree murder in the death of her neighbor.", 1),
    ("He was charged with two counts of attempted murder.", 0),  # an attempt kills no one
])
def test_counts_of_murder_count_the_dead(text: str, expected: int) -> None:
    assert (extract(text, "").killed or 0) == expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("", "Three people were shot to death inside a house on Birch Lane, police said.", 3),
    ("", "Two men were gunned down outside a corner store late Friday.", 2),
    ("", "Four relatives were stabbed to death in the apartment.", 4),
    ("5 people shot to death at farmhouse", "Deputies were called to the farm on Route 9 late Sunday.", 5),
    ("", "Two women were beaten to death, and a man was shot.", 2),
])
def test_the_dead_counted_in_other_words(title: str, text: str, expected: int) -> None:
    assert (extract(text, title).killed or 0) == expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Man shoots 4 relatives, killing 2, then himself", "Deputies were called to the farm on Route 9.", 3),
    ("", "The student killed four classmates and himself in the cafeteria.", 5),
    ("", "The gunman killed five people, then turned the gun on himself.", 6),
    ("", "He killed three people and wounded himself.", 3),  # wounded, not dead
])
def test_the_shooter_among_the_dead(title: str, text: str, expected: int) -> None:
    assert (extract(text, title).killed or 0) == expected
