"""Who a figure is attributed to: quotations and their speakers, reporting verbs, "according to".
The sentences are written for the rules (the attribution data sets are for evaluation only)."""

import pytest

from monitor.extract.quotes import quotations
from tests.support import source_of


@pytest.mark.parametrize("text,figure,expected", [
    # the speaker named after the quotation, verb first or subject first
    ("“We counted 40 trucks at the border,” said Maria Lopez, a customs officer.", "40 trucks", "Maria Lopez"),
    ("“Only 12 percent of members voted,” the chairman said on Monday.", "12 percent", "the chairman"),
    # words inside the quotation that look like a source are the speaker's
    ("“Just 9 percent of voters said they changed their minds,” wrote Anna Berg for the Daily Ledger.",
     "9 percent", "Anna Berg"),
    # the quotation continues after the attribution, in the same paragraph
    ("“The numbers are clear,” said Tom Reyes. “There were three polls last week and all agreed.”",
     "three", "Tom Reyes"),
    # introduced by a colon, in the paragraph before
    ("The Daily Ledger reports:\n\n“Some 2,500 workers lost their jobs in the first quarter.”",
     "2,500 workers", "The Daily Ledger"),
    ("On March 3, Senator Vale made the following comment:\n\n“Unemployment among teenagers is 18 percent.”",
     "18 percent", "Senator Vale"),
    # a transcript label
    ("\"HOST: We have two questions for you tonight.", "two", "HOST"),
    # a quote paragraph whose speaker is named in the next quote paragraph
    ("“They blamed 5,000 employees for it.”\n\n“It is a disgrace,” Hart said.", "5,000", "Hart"),
    # an apposition between the subject and its verb
    ("Ellen Park, a spokeswoman for the coalition, which represents builders, said 15 projects stalled.",
     "15 projects", "Ellen Park"),
    # a later "according to" in the same clause names the origin
    ("Officials have said they will release two videos, according to lawyers for the family.",
     "two", "lawyers for the family"),
    # a subject that wants, plans or charges
    ("Governor Hale wants to enroll 5 million students in the program.", "5 million", "Governor Hale"),
    ("Under Mayor Diaz's plan, fares would rise 10 percent.", "10 percent", "Mayor Diaz"),
    # a participle's speaker is the sentence's subject
    ("Senator Reed mocked the governor, claiming that he had paid no tax for 10 years.", "10 years",
     "Senator Reed"),
    # a reader's comment signed after a dash
    ("“They have waited 75 years for this!” ― Lena Ortiz", "75 years", "Lena Ortiz"),
    # more cues of a subject: joked, ruled, criticized
    ("The fact-checkers then ruled that the claim about 3,000 shootings was true.", "3,000", "The fact-checkers"),
    # the sentence's source named inside a quotation is the quotation's speaker
    ("“Every time you say that,” Tester said, referring to the 1 percent excuse.", "1 percent", "Tester"),
])
def test_figure_sources(text, figure, expected):
    got = source_of(text, figure)
    assert got is not None and expected.lower() in got.lower(), (figure, got)


@pytest.mark.parametrize("text,figure", [
    # a subordinate clause, a possessive or a participle is nobody's attribution
    ("Though his plan would cut $4 trillion in taxes, the deficit would grow.", "$4 trillion"),
    ("The bank fired 5,300 employees, claiming that managers had pushed them.", "5,300"),
])
def test_no_false_source(text, figure):
    assert source_of(text, figure) is None


def test_quotations_and_speakers():
    text = ("“We will win,” said Ada Cole. “We have 30 days left.”\n\n"
            "Cole's rival replied: “Thirty days is a long time.”")
    qs = quotations(text)
    assert [q.speaker.text if q.speaker else None for q in qs] == ["Ada Cole", "Ada Cole", "Cole's rival"]
    assert all(text[q.start] == "“" and text[q.end - 1] == "”" for q in qs)


def test_quote_running_over_paragraphs():
    text = "He said: “The first part of the plan costs $20 million.\n\n“The second costs $15 million.”"
    qs = quotations(text)
    assert qs[0].runs_on and qs[0].speaker.text == "He"
    assert qs[1].speaker.text == "He"
