"""Matching decisions on event days: pure functions, no Redis."""

from datetime import UTC, datetime

import pytest

from monitor.stories.eventdays import EPOCH, event_days, same_event_day
from monitor.stories.matching import (
    ARTICLE_FULL_NAMES,
    MatchPolicy,
    StorySketch,
    decide,
    features,
    full_names,
    one_edit,
    persons,
    score,
    shared_persons,
    specifics,
)


def ts(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp()


def days(*iso: str) -> tuple[int, ...]:
    return tuple((datetime.fromisoformat(d).date() - EPOCH).days for d in iso)


@pytest.mark.parametrize("text,published,expected", [
    # a weekday is the last such day on or before publication (2015-01-12 is a Monday)
    ("A man was shot and killed Saturday night outside a bar.", "2015-01-12", days("2015-01-10")),
    ("Two people were wounded in a shooting on Monday.", "2015-01-12", days("2015-01-12")),
    # a month and day, in the publication's year or the one before
    ("The Jan. 27 shooting left one dead.", "2015-03-01", days("2015-01-27")),
    ("Police are still looking for the gunman in the Dec. 30 shooting.", "2015-01-05", days("2014-12-30")),
    ("He was killed on September 14, 1985, near the river.", "2015-01-05", days("1985-09-14")),
    # when something was said, or the dateline's filing date, is not the event's day
    ("A man was found dead, police said Tuesday.", "2015-01-15", ()),
    ("INDIANAPOLIS (Jan. 8, 2016) - A man was hurt in a shooting.", "2016-01-08", ()),
    # ... nor the day of what followed it: an arrest, a court date, a news conference
    ("Wilson turned himself in Friday in the March 11 drive-by shooting.", "2013-03-17", days("2013-03-11")),
    ("A 19-year-old was charged Monday with murder.", "2015-12-08", ()),
    ("He is scheduled for a jury trial on Jan. 27. The boy was shot on Oct. 20.", "2015-12-08",
     days("2015-10-20")),
    ("Lake Effect Snow Warning issued January 11 at 6:51PM. One man died in a triple shooting.", "2015-06-07", ()),
    # a day the text calls the event's comes before others it names
    ("On Tuesday, dozens marched to remember the victims of Saturday's shooting.", "2015-01-14",
     days("2015-01-10", "2015-01-13")),
])
def test_event_days(text, published, expected):
    assert event_days(text, ts(published)) == expected


def test_same_event_day():
    assert same_event_day((100,), (101, 200)) is True
    assert same_event_day((100,), (103,)) is False
    assert same_event_day((), (103,)) is None


DF = {"shooting": 50, "killed": 60, "police": 80, "man": 70, "bar": 10, "oakdale": 3, "street": 20}


def story_of(title: str, text: str, published: str) -> StorySketch:
    s = StorySketch("s1")
    s.absorb(features(title, text, ts(published), DF, 200))
    return s


def oakdale(day: str) -> StorySketch:
    return story_of("Man killed in Oakdale bar shooting",
                    f"A man was shot and killed {day} outside a bar on Elm Street in Oakdale, police said.",
                    "2015-01-10")


def test_a_place_s_numbers_are_terms() -> None:
    assert dict(specifics("Shots rang out in the 2500 block of East 75th Street")) == {"@2500": 1, "@75th": 1}


@pytest.mark.parametrize(("text", "expected"), [
    ("Thirteen people shot on a street corner overnight", {"#13": 1}),
    ("Twenty-five people were shot at the festival", {"#25": 1}),  # not "five"
    ("Police seek two men in connection with shooting that injured 13", {"#13": 1}),
    ("13 people were shot at 10:30 p.m. on Friday", {"#13": 1}),  # not the clock time
    ("A man and his 2 sons were shot in 2015", {}),  # two tells little; a year is no toll
    ("Gunman opened fire at the mall, killing 5 and wounding 3", {"#5": 1, "#3": 1}),
])
def test_tolls_are_terms_however_written(text: str, expected: dict[str, int]) -> None:
    assert dict(specifics(text)) == expected


def test_headlines_that_share_only_their_toll_are_alike() -> None:
    a = features("Thirteen people shot on street corner overnight", "", ts("2015-03-11"), DF, 200)
    b = features("Police seek gunmen in shooting that injured 13", "", ts("2015-03-13"), DF, 200)
    c = features("Police seek gunmen in shooting that injured 4", "", ts("2015-03-13"), DF, 200)
    story = StorySketch("s1")
    story.absorb(a)
    assert score(b, story, MatchPolicy()) > score(c, story, MatchPolicy())


def test_same_city_different_days_stay_apart():
    policy = MatchPolicy()
    first = oakdale("Friday")
    same = features("Oakdale bar shooting victim identified",
                    "The man shot and killed Friday outside an Oakdale bar on Elm Street was 24.", ts("2015-01-11"), DF, 200)
    other = features("Man killed in Oakdale shooting",
                     "A man was shot and killed Wednesday outside a bar on Elm Street in Oakdale, police said.",
                     ts("2015-01-15"), DF, 200)
    assert score(same, first, policy) > score(other, first, policy)
    assert decide(same, [first], policy).story == "s1"
    unpenalised = MatchPolicy(day_penalty=1.0)
    assert score(other, first, policy) == pytest.approx(score(other, first, unpenalised) * policy.day_penalty)


def test_late_follow_up_naming_the_event_day_joins():
    policy = MatchPolicy()
    first = oakdale("Jan. 9")
    late = features("Arrest in Oakdale bar shooting",
                    "Police arrested a man in the Jan. 9 shooting outside an Oakdale bar on Elm Street.",
                    ts("2015-02-20"), DF, 200)
    assert decide(late, [first], policy).story == "s1"
    undated = features("Arrest in Oakdale bar shooting",
                       "Police arrested a man in the shooting outside an Oakdale bar on Elm Street.",
                       ts("2015-02-20"), DF, 200)
    assert score(undated, first, policy) == 0.0  # past the window and no common day
    beyond = features("Arrest in Oakdale bar shooting",
                      "Police arrested a man in the Jan. 9 shooting outside an Oakdale bar on Elm Street.",
                      ts("2015-09-20"), DF, 200)
    assert score(beyond, first, policy) == 0.0  # past the long window


def test_a_follow_up_is_not_worse_off_for_coming_sooner():
    # inside the window the time decay must not sink a follow-up that the day would join later
    policy = MatchPolicy()
    first = oakdale("Jan. 9")
    text = "Police arrested a man in the Jan. 9 shooting outside an Oakdale bar on Elm Street."
    sooner = features("Arrest in Oakdale bar shooting", text, ts("2015-01-22"), DF, 200)
    later = features("Arrest in Oakdale bar shooting", text, ts("2015-02-20"), DF, 200)
    assert score(sooner, first, policy) >= score(later, first, policy) >= policy.threshold
    assert decide(sooner, [first], policy).story == "s1"


def test_sketch_round_trip_keeps_days():
    s = story_of("Man killed in Oakdale", "A man was shot and killed Friday in Oakdale.", "2015-01-10")
    assert s.days == list(days("2015-01-09"))
    assert StorySketch.from_dict(s.to_dict()).days == s.days


WIRE_STORY = (
    "A gunman opened fire at a crowded bus station in Millbrook on Saturday evening, killing four people and "
    "wounding eleven others before he was arrested by transit police officers who were patrolling the area. "
    "Witnesses said the man walked into the waiting hall shortly after six o'clock carrying a rifle and a bag "
    "of ammunition, and began shooting at passengers queuing for the evening coaches to the coast. The mayor "
    "of Millbrook called the attack the darkest day in the history of the town and asked residents to give "
    "blood at the county hospital, where most of the wounded were taken. Police have not said what the motive "
    "was, and the name of the suspect, a 34-year-old local man, has not been released.")


def test_simhash_finds_wire_copies():
    from monitor.stories.matching import near_duplicate, simhash
    original = simhash(WIRE_STORY)
    copy = simhash("MILLBROOK (AP) - " + WIRE_STORY + " Copyright 2024 The Associated Press. All rights reserved.")
    other = simhash(WIRE_STORY.replace("bus station", "shopping centre").replace("Millbrook", "Easton")
                    .replace("evening coaches to the coast", "weekend sales in the food court")
                    .replace("four people and wounding eleven", "two people and wounding six")
                    .replace("rifle and a bag of ammunition", "handgun hidden in a coat pocket")
                    .replace("give blood at the county hospital", "stay away from the town centre"))
    assert near_duplicate(original, copy)
    assert not near_duplicate(original, other)
    assert simhash("A headline and a one-line summary of the event.") == 0  # too short to call a copy


FURNITURE = " ".join(  # an outlet's own boxes, not prompts every site shows (those go on sight)
    f"Best brunch spots in Westfield for Mother's Day: our critics pick ten tables worth the wait. Storm team "
    f"forecast: showers in the afternoon, clearing by evening, with highs near sixty and a breeze off the lake. "
    f"Traffic desk: the bridge on Route 9 stays closed for repairs through the weekend, detours are posted. "
    f"Section {i} of the site menu: news, sports, business, opinion, obituaries, weather and traffic."
    for i in range(3))


def test_a_late_wire_copy_joins_its_story_and_page_furniture_does_not(store):
    from monitor.pipeline import analyse, assign
    first = analyse("w1", "Gunman kills four at Millbrook bus station", WIRE_STORY, "2024-03-02T18:00:00Z", "A")
    # the same wire story in another outlet six weeks later: past the 14-day window
    late = analyse("w2", "Gunman kills four at Millbrook bus station, police say",
                   "MILLBROOK (AP) - " + WIRE_STORY, "2024-04-13T09:00:00Z", "B")
    assert assign(store, first, "all", 1.0).story == assign(store, late, "all", 2.0).story
    assert store.r.keys(f"{store.k.ns}:dup:*")
    # two pages whose leads are the same site furniture, months apart, are alike leads but no copies
    p1 = analyse("f1", "Council votes on parking rules", FURNITURE + " The council voted on parking.",
                 "2024-01-05T09:00:00Z", "C")
    p2 = analyse("f2", "Bridge closed for repairs in March", FURNITURE + " The bridge closes for repairs.",
                 "2024-03-20T09:00:00Z", "D")
    from monitor.stories.matching import near_duplicate, simhash
    assert near_duplicate(simhash(p1.text), simhash(p2.text))
    assert assign(store, p1, "all", 3.0).story != assign(store, p2, "all", 4.0).story


@pytest.mark.parametrize("text,expected", [
    ("Devonte Ocasio, 20, was charged with murder.", {"devonte ocasio"}),
    ("Police identified the victim as Jamal Lee Smith of Oakdale.", {"jamal lee smith"}),
    ("The suspect, Jordyn Wade (16), was held.", {"jordyn wade"}),
    ("Defendant Jordyn Wade pleaded not guilty.", {"jordyn wade"}),
    # a spokesperson speaks for every incident of a city: not an identity of this one
    ("Officer Jane Doe said the investigation continues.", set()),
    ("Marcus, 19, was shot in the leg.", set()),  # a first name alone identifies no one
    ("The 1-year-old Malia Grant died two days later.", {"malia grant"}),
    # the age of a resident of a place: the place is no person
    ("A 15-year-old Baton Rouge boy and a 30-year-old Lenawee County man were hurt.", set()),
    ("Mother Charged After Being Shot By Toddler Son", set()),  # a headline in title case
    # a middle initial and a suffix are not part of the key: later articles leave them out
    ("Police arrested 16-year-old Jordyn D. Wade on Friday.", {"jordyn wade"}),
    ("Raymond Lee Fryberg Jr., 42, appeared in court.", {"raymond lee fryberg"}),
    ("(Photo: Houston Chronicle) Boy, 8, dies in shooting", set()),  # a credit, then a headline
    ("Three died that night: 21 year old Andre Greer and 25 year old Nick Lind.", {"andre greer", "nick lind"}),
    ("Police identified the victims as Andre Greer of SeaTac, Nick Lind of Federal Way and Lou Dunn of Kent.",
     {"andre greer", "nick lind", "lou dunn"}),
])
def test_persons(text, expected):
    assert persons(text) == expected


def test_trial_a_year_later_joins_through_the_person_it_names():
    policy = MatchPolicy()
    first = story_of("Man killed in Oakdale bar shooting",
                     "A man was shot and killed outside a bar on Elm Street in Oakdale. Police arrested "
                     "Darnell Price, 24, at his home on Sunday.", "2015-01-10")
    trial = features("Oakdale man sentenced in bar killing",
                     "Darnell Price was sentenced to 40 years in prison on Tuesday for the killing outside "
                     "an Oakdale bar.", ts("2016-02-02"), DF, 200)
    assert decide(trial, [first], policy).story == "s1"
    unnamed = features("Oakdale man sentenced in bar killing",
                       "A man was sentenced to 40 years in prison on Tuesday for the killing outside an "
                       "Oakdale bar.", ts("2016-02-02"), DF, 200)
    assert score(unnamed, first, policy) == 0.0  # a year on, the place alone is not enough
    beyond = features("Oakdale man sentenced in bar killing",
                      "Darnell Price was sentenced on Tuesday for the killing outside an Oakdale bar.",
                      ts("2018-02-02"), DF, 200)
    assert score(beyond, first, policy) == 0.0  # past the person window


def test_two_people_named_alike_join_a_follow_up_that_reads_otherwise():
    # the victim and the accused both named again a year on tell the event, whatever else the
    # text is about; one name needs the texts to be alike (here set high to show the difference)
    policy = MatchPolicy(person_min_cosine=0.3)
    first = story_of("Teen killed in Oakdale porch shooting",
                     "Police said Darnell Price, 19, shot Kevin Moore, 15, on the porch of a house on Elm Street "
                     "in Oakdale after an argument over a borrowed car. Neighbors heard five shots.", "2015-01-10")
    calendar = ("Judges of the county court set the spring calendar on Monday for its three courtrooms, with "
                "budget talks with the clerk, jury pools, parking rules and trial dates for Darnell Price and nine "
                "other defendants")
    both = features("Court sets spring calendar", calendar + ", and a hearing for the family of Kevin Moore.",
                    ts("2016-02-02"), DF, 200)
    one = features("Court sets spring calendar", calendar + ".", ts("2016-02-02"), DF, 200)
    assert decide(both, [first], policy).story == "s1"
    assert decide(one, [first], policy).story is None


def test_a_person_first_named_in_passing_is_found_when_identified_later(store):
    from monitor.pipeline import analyse, assign
    a = analyse("n1", "Girl dies in accidental shooting in Millbrook",
                "The family of the girl, Noelle Shaw, is raising funds for the funeral. The girl was shot in "
                "the home on Elm Street in Millbrook by another child who found a handgun, police said.",
                "2024-05-03T09:00:00Z", "example-news.com")
    b = analyse("n2", "Couple pleads not guilty in Millbrook shooting of girl",
                "A Millbrook couple pleaded not guilty Tuesday to charges of injury to a child in the death "
                "of 5-year-old Noelle Shaw, who was shot by another child with a handgun left in their home.",
                "2025-03-20T09:00:00Z", "other-news.com")
    assert assign(store, a, "all", 1.0).story == assign(store, b, "all", 2.0).story
    assert store.r.zcard(store.k.named("all", "noelle shaw")) == 1


@pytest.mark.parametrize("x,y,alike", [
    ("malijah", "malijha", True),  # two letters swapped
    ("malia", "malija", True),  # one added
    ("kevin", "kevan", True),  # one changed
    ("malaja", "malijha", False),  # two apart
    ("kevin", "kelvin", True),
    ("kevin", "gavin", False),
])
def test_one_edit(x, y, alike):
    assert one_edit(x, y) is alike


def test_a_misspelled_first_name_is_the_same_person():
    first = story_of("Baby shot in Kent drive-by", "Police said 1-year-old Malijah Grant was shot in the back "
                     "seat of her parents' car.", "2015-04-17")
    assert shared_persons(features("Kent baby dies", "Malijha Grant died Saturday.", ts("2015-04-19"), DF, 200),
                          first) == 1
    # another first name, or another surname, is another person
    for other in ("Marisa Grant died Saturday.", "Malijah Green died Saturday."):
        assert shared_persons(features("Kent baby dies", other, ts("2015-04-19"), DF, 200), first) == 0


def test_full_names_are_bounded_per_article():
    # a page listing a hundred names (a memorial, a roll of donors) costs no more look-ups than 40
    roll = " ".join(f"Alma {chr(65 + i // 26)}{chr(97 + i % 26)}ker." for i in range(100))
    found = full_names("Jamal Lee Smith, D. Jones and Jordyn D. Wade were there. " + roll)
    assert len(found) == ARTICLE_FULL_NAMES
    assert found[:2] == ["jamal lee smith", "jordyn wade"]  # in order; an initial alone is no name


def test_a_person_named_late_in_a_long_article_still_counts():
    # the follow-up names the victim only in its last paragraph, past the lead the vector reads
    first = story_of("Man killed in Oakdale bar shooting", "Police identified the victim as Kevin Moore, 24, "
                     "who was shot outside a bar on Elm Street in Oakdale.", "2015-01-10")
    filler = " ".join(["The city council also discussed the budget for parks and roads."] * 60)
    late = features("Oakdale council meets", filler + " A vigil for Kevin Moore is set for Friday.",
                    ts("2015-06-10"), DF, 200)
    assert "kevin moore" in late.full_names and "kevin moore" not in late.names
    assert score(late, first, MatchPolicy(person_min_cosine=0.0)) > 0.0
    early = features("Oakdale council meets", filler, ts("2015-06-10"), DF, 200)
    assert score(early, first, MatchPolicy(person_min_cosine=0.0)) == 0.0


def test_an_outlets_page_furniture_is_not_evidence(store):
    from monitor.pipeline import analyse, assign
    a = analyse("o1", "Two wounded in Westfield park shooting",
                FURNITURE + " Two men were wounded by gunfire in Westfield park on Friday.", "2024-05-03T09:00:00Z",
                "example-news.com")
    b = analyse("o2", "Woman killed in Carver Street crash",
                FURNITURE + " A woman died when her car struck a pole on Carver Street on Sunday.",
                "2024-05-06T09:00:00Z", "example-news.com")
    assert assign(store, a, "all", 1.0).story != assign(store, b, "all", 2.0).story
    assert store.r.zcard(store.k.furniture("all", "example-news.com")) > 0


def test_an_outlet_publishing_a_story_again_is_still_a_copy(store):
    from monitor.pipeline import analyse, assign
    first = analyse("r1", "Gunman kills four at Millbrook bus station", WIRE_STORY, "2024-03-02T18:00:00Z",
                    "example-news.com")
    # six weeks later the same site runs the story again: every sentence is one it carried before,
    # so none of it counts for the vector, but the copy is recognised on the whole text
    again = analyse("r2", "Gunman kills four at Millbrook bus station, police say", WIRE_STORY,
                    "2024-04-13T09:00:00Z", "example-news.com")
    assert assign(store, first, "all", 1.0).story == assign(store, again, "all", 2.0).story
