"""Extraction on sentences of the seeds and on sentences written for the patterns."""

import pytest

from monitor.extract.figures import extract
from tests.support import SEEDS


def figs(text, title=""):
    return [(f.metric, f.value if f.value is not None else f.lower, f.qualifier, f.incident)
            for f in extract(text, title, [(0, len(text))]).figures]


@pytest.mark.parametrize("text,expected", [
    ("Twenty-five people were killed and 51 injured, according to a statement from the PMF.",
     [("killed", 25, "exact", "main"), ("injured", 51, "exact", "main")]),
    ("According to reports, at least 25 people were killed and more than 50 wounded in the airstrikes.",
     [("killed", 25, "at least", "main"), ("injured", 50, "more than", "main")]),
    ("The death toll from the attacks stands at 25, with 51 people injured, officials said.",
     [("killed", 25, "exact", "main"), ("injured", 51, "exact", "main")]),
    # the age stays a plain number (what a source states), never a count
    ("A 20-year-old man was shot and killed early Sunday, police said.",
     [("killed", 1, "exact", "main"), ("quantity", 20, "exact", "main")]),
    ("The gunman opened fire, killing three and wounding two.",
     [("killed", 3, "exact", "main"), ("injured", 2, "exact", "main")]),
    ("In August, up to 10 Houthi drones targeted a Saudi oil facility.", [("projectiles", 10, "up to", "background")]),
])
def test_figures(text, expected):
    assert sorted(figs(text)) == sorted(expected)  # the exact set: a spurious figure fails too


def test_earlier_values_are_history():
    text = ("The death toll stands at 25, with 51 people injured, the PMF said. "
            "Earlier, the PMF reported 19 people killed and 35 others injured.")
    ex = extract(text, "", [(0, len(text))])
    earlier = {(f.metric, f.value) for f in ex.figures if f.earlier}
    assert earlier == {("killed", 19), ("injured", 35)}
    assert (ex.killed, ex.injured) == (25, 51)


def test_attributed_source_and_span():
    text = "Twenty-five people were killed, according to a statement from the Popular Mobilization Forces."
    f = extract(text, "", [(0, len(text))]).figures[0]
    assert f.attributed_to is not None
    assert f.attributed_to.text == "the Popular Mobilization Forces"
    s, e = f.attributed_to.span
    assert text[s:e] == f.attributed_to.text
    assert text[f.span[0]:f.span[1]].startswith("Twenty-five")


@pytest.mark.parametrize("text,kind,actor,negated", [
    ("No group took immediate responsibility for Friday's attack.", "claimed", None, True),
    ("The US blamed the attack on Kataib Hezbollah, an Iranian-backed militia.", "accused", "Kataib Hezbollah", False),
    # the name a group calls itself
    ("A group calling itself the Islamic Resistance claimed responsibility for that attack.", "claimed",
     "the Islamic Resistance", False),
])
def test_responsibility(text, kind, actor, negated):
    atts = extract(text, "", [(0, len(text))]).attributions
    assert any(a.kind == kind and a.actor == actor and a.negated == negated for a in atts), atts


def test_denial_by_speaker():
    text = ("\u201cWe strongly deny any role in the attack,\u201d Iranian government spokesperson Ali Rabiei "
            "was quoted as saying.")
    atts = extract(text, "", [(0, len(text))]).attributions
    d = [a for a in atts if a.kind == "denied"]
    assert d and d[0].actor == "Iranian government" and "Ali Rabiei" in (d[0].by or "")


def _seed(name):
    t = (SEEDS / name).read_text()
    return t, t.split("\n", 1)[0]


def test_seed_000_main_and_related_incidents_apart():
    text, title = _seed("000_eb10f1bea99f139d.txt")
    ex = extract(text, title)
    assert (ex.killed, ex.injured) == (25, 51)
    related = {(f.metric, f.value if f.value is not None else f.lower) for f in ex.figures if f.incident == "related"}
    assert ("killed", 1) in related and ("projectiles", 10) in related and ("killed", 2) in related
    assert not any(f.metric == "killed" and f.value in (1, 2) and f.incident == "main" for f in ex.figures)


def test_seed_001_background_events_stay_out():
    text, title = _seed("001_ebd9469e33fd7976.txt")
    ex = extract(text, title)
    assert (ex.killed, ex.injured) == (25, 51)
    bg = [f for f in ex.figures if f.incident == "background"]
    assert any(f.metric == "projectiles" and f.upper == 10 for f in bg)  # up to 10 Houthi drones
    assert not any(f.incident == "main" and f.metric == "injured" and f.value == 4 for f in ex.figures)
    means = {a.actor for a in ex.attributions if a.kind == "means"}
    assert any("F-15" in m for m in means) and any("drone" in m for m in means)


def test_seed_boilerplate_has_no_figures():
    text, title = _seed("000_eb10f1bea99f139d.txt")
    cut = text.index("Comments\n")
    assert all(f.span[0] < cut for f in extract(text, title).figures)


LEDE = "Two men were wounded in a shooting outside a bar on Elm Street early Sunday, police said."


@pytest.mark.parametrize("furniture", [
    "Please enable Javascript to watch this video",
    "Just One More Thing... We have sent you a verification email. Please check your email and click on the link.",
    "Whenever Jane Doe posts new content, you'll get an email delivered to your inbox with a link.",
    "We look forward to seeing you frequently. Visit us and sign in to update your profile.",
    "You are the owner of this article.",
    "0:48 Council calls out the county on road problems",
    "1:17 Ranchers rush to help fire victims Pause 1:17 Wildfire update: crews hold the line",
    "You've now read the maximum number of stories available without a subscription this month.",
    "Image 1 of 16",
])
def test_page_furniture_is_not_article_text(furniture):
    from monitor.ingest.cleaning import content_spans
    text = furniture + "\n\n" + LEDE + "\n\n" + "2:30 a.m. was when the first shots were heard near the bar, a neighbor said."
    kept = [text[a:b] for a, b in content_spans(text)]
    assert kept == [LEDE, "2:30 a.m. was when the first shots were heard near the bar, a neighbor said."]


def totals_of(text):
    ex = extract(text, "", [(0, len(text))])
    return ex.killed, ex.injured


@pytest.mark.parametrize("text,killed,injured", [
    # victims described one by one, two in one phrase, or as distinct people in one sentence
    ("Police say a 31-year-old man and a 15-year-old girl were shot. Both are expected to survive.", 0, 2),
    ("The woman was shot in the arm and the man was shot in the leg, police said.", 0, 2),
    ("The deputy fatally shot a 20-year-old man and the man's roommate during the struggle.", 2, 0),
    ("Officers say the gunman also shot and killed a neighbor who came to help.", 1, 0),
    ("Both boys were rushed to a hospital, where they died on Sunday.", 2, 0),
    # the shooter's suicide after killing his victims adds one
    ("The man opened fire at a party, killing his three cousins, and then took his own life.", 4, 0),
    # no count in "a mother of three", a conditional or an age
    ("A young mother of three is dead after a shooting on Elm Street.", 1, 0),
    ("If the child dies, the shooting would become a double homicide, prosecutors said.", 0, 0),
    ("He had turned 21 shortly before he was killed outside the club.", 1, 0),
    # an armed incident that harms no one counts zero; an article with no incident counts nothing
    ("Two men held up a gas station at gunpoint and fled with cash.", 0, 0),
    ("The council approved the budget after a long debate.", None, None),
    # a title-style description
    ("Teenager dead from gunshot wound in Maple Park", 1, 0),
    # an attempted murder kills no one
    ("He was booked with four counts of attempted first-degree murder after the shooting.", 0, 0),
    ("She faces a charge of attempted criminal homicide in the shooting.", 0, 0),
    ('"Nobody died up here last night," a neighbor said of the shooting.', 0, 0),
    # a homicide unit's detectives do not cancel a death told in the same sentence
    ("Homicide detectives said the man was shot and killed on Friday.", 1, 0),
])
def test_totals(text, killed, injured):
    assert totals_of(text) == (killed, injured)


def test_related_passage_repeating_the_toll_is_the_same_event():
    text = ("On Wednesday a gunman killed 9 people at a festival. Police searched a home on Thursday after "
            "the attack, which killed 9 people. Another 12 people were hurt.")
    ex = extract(text, "", [(0, len(text))])
    assert [f.incident for f in ex.figures if f.metric == "injured"] == ["related"]
    assert (ex.killed, ex.injured) == (9, 12)
    other = text.replace("which killed 9 people", "which killed 2 people")  # another toll: another event
    assert extract(other, "", [(0, len(other))]).injured == 0


@pytest.mark.parametrize("text,expected", [
    ("The firm made millions of dollars from the deal.", ("quantity", None, 2_000_000, "at least")),
    ("Rising seas could displace a billion people.", ("quantity", 10**9, 10**9, "about")),
    ("You need a quarter of a million dollars for college.", ("quantity", 250_000, 250_000, "about")),
    ("The city lost $1.2 million last year.", ("money", 1_200_000, None, "exact")),
    ("The fund holds $3.5bn offshore.", ("money", 3_500_000_000, None, "exact")),
])
def test_magnitudes(text, expected):
    got = [(f.metric, f.value, f.lower, f.qualifier) for f in extract(text, "", [(0, len(text))]).figures]
    assert expected in got, got


def test_a_tally_in_the_body_is_no_incident_s_toll():
    """News gives its event's toll up front: hundreds counted only further down are a campaign's
    or a city's tally; a lead that counts hundreds (a disaster) keeps its body's update."""
    filler = "Residents described the scene to reporters. " * 15
    ex = extract("A car bomb killed 12 people in the capital on Monday, police said. " + filler +
                 "The armed forces report that 840 rebels have been killed and 558 wounded as of today.")
    assert (ex.killed, ex.injured) == (12, 0)
    assert {f.value: f.incident for f in ex.figures if f.value in (840, 558)} == {840: "aggregate", 558: "aggregate"}
    ex = extract("An earthquake killed at least 250 people on Monday, officials said. " + filler +
                 "By evening the toll had risen to 310 dead, the civil defence agency said.")
    assert ex.killed == 310
