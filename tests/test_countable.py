"""Numbers that count nothing, in sentences written for the purpose (issue 24's table)."""

import pytest

from monitor.extract.countable import not_a_count
from monitor.extract.figures import extract


def reason(sentence: str, number: str) -> str | None:
    at = sentence.index(number)
    return not_a_count(sentence, at, at + len(number))


@pytest.mark.parametrize("sentence,number,expected", [
    ("The report on the 2014 shooting that left four dead was released.", "2014", "year"),
    ("In 2015 homicides rose again.", "2015", "year"),
    ("A video posted at 02:52 shows the scene.", "52", "clock time"),
    ("Police were called at 11:30 p.m. Sunday.", "11", "clock time"),
    ("The shooting happened about 3 a.m. outside a bar.", "3", "clock time"),
    ("MADRID EFE IN SPANISH AT 1533 GMT REPORTS THAT PIZARRO WAS WOUNDED.", "1533", "clock time"),
    ("The shooting happened on Jan. 27 near the park.", "27", "date"),
    ("It was the city's 52nd homicide this year.", "52", "ordinal"),
    ("A 20-year-old man was shot and killed.", "20", "age"),
    ("John Smith, 24, died at the scene.", "24", "age"),
    ("Police say five men between the ages of 21 and 58 were shot.", "58", "age"),
    ("Police say five men between the ages of 21 and 58 were shot.", "21", "age"),
    ("The victim, aged 17, was taken to hospital.", "17", "age"),
    ("Officers responded to the 4700 block of South Ashland Avenue.", "4700", "address"),
    ("The shots were fired outside 2600 Cedar Avenue late Sunday.", "2600", "address"),
    ("Call the tip line at 855-TIPS-247 with information.", "855", "phone number"),
    ("Anyone with information can call 555-867-5309.", "555", "phone number"),
    ("A 911 caller reported that someone had been shot.", "911", "phone number"),
    ("The Tigers won with a 3-2 win over the Hawks.", "3", "score"),
    ("He was charged under section 12022 of the penal code.", "12022", "statute or case number"),
    ("The standoff lasted 80 hours before police moved in.", "80", "duration"),
    ("Four people out of the 75 inside the clubhouse were shot.", "75", "population"),
    ("He fired from 30 feet away.", "30", "measure"),
    ("The family was offered $10,000 for information.", "10,000", "money"),
])
def test_numbers_that_count_nothing(sentence, number, expected):
    assert reason(sentence, number) == expected


@pytest.mark.parametrize("sentence,number", [
    ("Four people were shot and 2 were killed.", "2"),
    ("Between 10-15 people were injured in the blast.", "15"),
    ("At least 25 people were killed and 51 injured.", "25"),
    ("Police said 3 people died at the scene.", "3"),
    ("The gunman killed 2014 people, officials said.", "2014"),  # a year-like number before people counts
    ("The deaths of the 3 men shocked the town.", "3"),
    ("20 Marines were killed in the attack.", "20"),
])
def test_counts_stay_counts(sentence, number):
    assert reason(sentence, number) is None


def casualties(text: str) -> set[tuple[str, int]]:
    ex = extract(text, "", [(0, len(text))])
    return {(f.metric, f.value) for f in ex.figures if f.metric in ("killed", "injured", "shot")}


@pytest.mark.parametrize("text,absent", [
    ("A 911 caller reported that someone had been shot in the alley.", ("shot", 911)),
    ("A fight ensued and four people out of the 75 inside the clubhouse were shot.", ("shot", 75)),
    ("Police say five men between the ages of 21 and 58 were shot.", ("shot", 58)),
    ("The report on the 2014 post shooting that left four dead makes recommendations.", ("killed", 2014)),
    ("Call the toll-free tip hotline at 855-TIPS-247 (855-847-7247).", ("killed", 855)),
])
def test_no_count_is_read_from_such_numbers(text, absent):
    assert absent not in casualties(text)


@pytest.mark.parametrize("text,figure", [
    ("The gunman killed 3 people during the 2019 festival, police said.", ("killed", 3)),
    ("Five people were killed in the shootings at two churches on Sunday.", ("killed", 5)),  # one event
    ("Four people were shot (one of them fatally) outside the bar on Friday.", ("shot", 4)),
    ("Two men were wounded in the past hour's gunfire on Elm Street.", ("injured", 2)),
])
def test_an_incident_toll_with_a_date_or_an_aside_stays_the_incident_toll(text, figure):
    ex = extract(text, "", [(0, len(text))])
    assert any(f.incident == "main" for f in ex.figures if (f.metric, f.value or f.lower) == figure), ex.figures


@pytest.mark.parametrize("text,figure", [
    ("Sunday's attacks brought to at least 74 the number of people shot since Wednesday afternoon.", ("shot", 74)),
    ("The boys were among 70 people wounded in gun violence over the Fourth of July holiday weekend.", ("injured", 70)),
    ("At least 21 people were shot in incidents across the city overnight.", ("shot", 21)),
    ("Six people were killed in weekend shootings, police said.", ("killed", 6)),  # several shootings
    ("Nine men were wounded in overnight shootings on the South Side.", ("injured", 9)),
    ("There have been 165 homicides so far this year, police said.", ("killed", 165)),
    ("Three people were killed and at least 22 others wounded in shootings across the city since Friday.",
     ("injured", 22)),
    # a period of days or years, a span of dates, a war or a campaign (issue 24)
    ("Officials say 312 people were killed in the past nine days of unrest.", ("killed", 312)),
    ("The ministry said 140 civilians died during 2021, most of them in the north.", ("killed", 140)),
    ("From 3 March to 19 June, 215 people were wounded in the province, the agency said.", ("injured", 215)),
    ("The 12-year insurgency has killed more than 40,000 people.", ("killed", 40000)),
    ("Some 8,000 people have died in eight years of civil war.", ("killed", 8000)),
    ("The army's offensive has left 450 dead since it began.", ("killed", 450)),
    ("Commanders said 96 rebels were killed in more than 150 clashes, and 60 troops (two of them officers) "
     "were wounded.", ("injured", 60)),
])
def test_a_period_or_round_up_count_is_no_incident_toll(text, figure):
    ex = extract(text, "", [(0, len(text))])
    assert all(f.incident == "aggregate" for f in ex.figures if (f.metric, f.value or f.lower) == figure)
    assert figure[1] not in (ex.killed, ex.injured)

