"""The parse reads who a figure is attributed to from sentence structure (monitor.extract.syntax).
Sentences written for this test, with made-up names: none is from the dev data."""

from __future__ import annotations

import pytest

from monitor.extract.figures import extract
from monitor.extract.syntax import Ask, figure_sources, worth_parsing

# (sentence, the figure as written, words the source must hold)
CASES = [
    ("Figures released by the Harlow Transit Authority showed that 14 people were injured.", "14",
     {"harlow", "transit", "authority"}),
    ("Data from the Orlan statistics bureau show 52 people died in the floods.", "52", {"orlan", "bureau"}),
    ("A report by the Corvel Institute found that 3,400 families had left the valley.", "3,400", {"corvel"}),
    ("Twelve people were killed in clashes near the border town of Vessin over the weekend, according to "
     "the regional health office.", "Twelve", {"health", "office"}),
    ("The storm destroyed 200 homes along the coast, per Dunmore County officials.", "200", {"dunmore"}),
    ("The mayor, who took office in May, told reporters that 41 buildings were damaged.", "41", {"mayor"}),
    ("Nine people were wounded, Mara Quell of the county fire service said.", "Nine", {"quell"}),
    ("In a statement released Sunday, the Palvin Red Cross estimated that 1,200 people had been displaced.",
     "1,200", {"palvin", "cross"}),
    ("Regulators at the Tessel Banking Board announced a settlement of $45 million with the lender.", "45",
     {"regulators", "tessel"}),
    ("The Brenna Gazette reported that the company paid $3 million in fines.", "3", {"brenna", "gazette"}),
    # a document the whole clause reads from
    ("In the Harlow Courier poll, Vessin leads Quell by 6 points among likely voters.", "6", {"harlow", "poll"}),
]


def _ask(sentence: str, figure: str) -> Ask:
    return Ask(0, sentence, [sentence.index(figure)])


@pytest.mark.parametrize(("sentence", "figure", "words"), CASES)
def test_the_parse_finds_the_figure_s_source(sentence: str, figure: str, words: set[str]) -> None:
    [[src]] = figure_sources([_ask(sentence, figure)])
    assert src is not None
    assert words <= set(src.text.lower().replace(",", " ").split())
    assert sentence[src.span[0]:src.span[1]] == src.text  # the span points at the words


@pytest.mark.parametrize("sentence", [
    "Three people were killed when the bridge collapsed on Monday.",
    "27 companies reported losses in the quarter.",  # the figure is the subject's own: no one reports it
])
def test_no_reporting_verb_no_source(sentence: str) -> None:
    figure = sentence.split()[0] if sentence[0].isdigit() else "Three"
    [[src]] = figure_sources([_ask(sentence, figure)])
    assert src is None


def test_in_a_part_of_a_document_is_no_source() -> None:
    sentence = "In the report's final section, 14 schools are listed."
    assert figure_sources([_ask(sentence, "14")]) == [[None]]


def test_a_pronoun_resolves_to_the_speaker_named_last() -> None:
    text = ("Fire chief Mara Quell said on Tuesday that nine people had been hurt in the blaze. "
            "She told reporters that 3 firefighters were among them.")
    ex = extract(text)
    three = [f for f in ex.figures if f.value == 3]
    assert three and three[0].attributed_to is not None
    assert "quell" in three[0].attributed_to.text.lower()


def test_only_sentences_with_a_cue_are_parsed() -> None:
    assert worth_parsing("Police said two men were shot.")
    assert worth_parsing("Two men were shot, according to witnesses.")
    assert not worth_parsing("Two men were shot near the station on Friday night.")
