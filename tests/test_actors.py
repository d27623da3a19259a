"""Actors are names (monitor.extract.actors): named groups in mixed case as agents, pronouns
resolved or dropped, no clause or weapon as an actor. Sentences written for this test, with
made-up names: none is from the dev data."""

from __future__ import annotations

import pytest

from monitor.extract.figures import extract


def _actors(text: str, kind: str | None = None) -> set[str | None]:
    return {a.actor for a in extract(text).attributions if kind is None or a.kind == kind}


@pytest.mark.parametrize(("text", "actor"), [
    # a group named without a group noun, as the agent of a passive and of an active verb
    ("The attack on the depot was carried out by Kestrel Hawks, police said.", "Kestrel Hawks"),
    ("Drakon Brigade fighters attacked the checkpoint on Monday, killing four soldiers.", "Drakon Brigade"),
    # "it" in the same sentence: the name before it
    ("Ostrava Union, a little-known militant group, said it carried out the attack.", "Ostrava Union"),
    # an article on an armed group's weapons (rockets, bombings) names its agents
    ("Al-Kessar fired dozens of rockets at the port of Tarvin on Saturday.", "Al-Kessar"),
    ("Al-Drakoun attacked the market in Ostrava, the third bombing there this month.", "Al-Drakoun"),
])
def test_named_agents_in_mixed_case(text: str, actor: str) -> None:
    assert any(a and actor in a for a in _actors(text, "carried_out"))


def test_a_pronoun_resolves_to_the_group_named_before() -> None:
    text = ("The Ostrava Union has grown stronger in the north this year. "
            "They claimed responsibility for the blast in a statement.")
    assert _actors(text, "claimed") == {"The Ostrava Union"}


def test_a_pronoun_with_no_name_before_is_dropped() -> None:
    assert _actors("They claimed responsibility for the blast in a statement on Sunday.") == set()


@pytest.mark.parametrize("text", [
    "A car bomb killed 12 people in the market on Friday.",  # a weapon
    "The rockets that struck the base were launched from a truck in the valley.",
    "Armed men who had arrived on motorcycles attacked the village, killing nine.",  # no name
    "Did the Kessel Front attack the convoy?",  # a question asserts nothing
    "The Kessel Front did not attack the convoy, its spokesman said.",  # negated
])
def test_no_weapon_clause_or_unnamed_agent_is_an_actor(text: str) -> None:
    assert _actors(text, "carried_out") == set()


def test_wire_copy_in_capitals_keeps_its_own_path() -> None:
    # the parser reads capitals as names: all-caps copy is not parsed for agents
    text = "THE ATTACK WAS CARRIED OUT BY KESTREL HAWKS, POLICE SAID. " * 2
    assert all(a.actor is None or "KESTREL" in a.actor.upper() for a in extract(text).attributions)


def test_no_agent_is_added_once_the_patterns_found_who_did_it() -> None:
    text = ("Militants of the Tarvin Front carried out the attack on the base, officials said. "
            "In March a raid on a depot in the south was carried out by Kestrel Hawks.")
    assert _actors(text, "carried_out") == {"Militants of the Tarvin Front"}


@pytest.mark.parametrize(("text", "actor"), [
    # a possessive's men are the group named before them ("its forces", "their fighters")
    ("The Defence Ministry of Ulmaria said its forces struck 14 targets of the Orvath Army.",
     "The Defence Ministry of Ulmaria"),
    ("The Tarvin Front is active in the hills. A spokesman said their fighters carried out the raid.",
     "The Tarvin Front"),
    # the one who says it, not a name inside an aside before the pronoun
    ("JKTM, an affiliate of the Kessel Army, said its fighters ambushed a military convoy near Djibo.", "JKTM"),
])
def test_a_possessive_actor_resolves_to_the_group_named_before(text: str, actor: str) -> None:
    assert _actors(text, "carried_out") == {actor}


def test_a_possessive_actor_with_no_name_before_is_dropped() -> None:
    assert _actors("A spokesman said its fighters carried out the raid on the base.", "carried_out") == set()


@pytest.mark.parametrize("text", [
    "It was the deadliest attack since the group seized the town in 2019.",  # an event, not an actor
    "The strike was carried out during a funeral for militants in the town, officials said.",  # a time
])
def test_an_event_or_a_time_is_no_actor(text: str) -> None:
    assert _actors(text, "carried_out") == set()


def test_a_definite_group_takes_no_name_that_comes_after_it() -> None:
    text = "The militia, which is backed by Ruritania, has been blamed for a string of rocket attacks."
    assert _actors(text, "accused") == {"The militia"}


def test_a_denied_act_is_no_act() -> None:
    ex = extract("The Kordavian ministry denied that Kordavian forces had targeted the hospital.")
    assert {(a.kind, a.actor) for a in ex.attributions} == {("denied", "The Kordavian ministry")}


def test_an_unnamed_actor_leaves_the_named_agents_to_be_read() -> None:
    text = "Tarvonian warplanes struck targets in Ostrava after militants fired rockets, the army said."
    assert "Tarvonian warplanes" in _actors(text, "carried_out")


def test_an_attack_a_group_denies_is_no_act_of_its_agent() -> None:
    text = "Rockets struck the port. Ulmaria's government denied that Ulmarian troops had attacked the hospital."
    assert _actors(text, "carried_out") == set()
