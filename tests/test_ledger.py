import pytest

from monitor.stories.ledger import Fact, Report, consistent, merge_attribution, merge_figure


def rep(value=None, lower=None, upper=None, q="exact", outlet="A", t=0.0, earlier=False, src=None, text=""):
    if q == "exact" and value is not None:
        lower = upper = value
    return Report(value, lower, upper, q, src, outlet, "art-" + outlet, None, t, [0, 1], earlier, text)


@pytest.mark.parametrize("a,b,same", [
    (rep(51), rep(50, 51, None, "more than"), True),     # "more than 50" agrees with 51
    (rep(25), rep(25, 25, None, "at least"), True),
    (rep(10), rep(None, 30, None, "at least"), False),   # ten vs 30-plus
    (rep(None, 30, None, "at least"), rep(30, 30, None, "at least"), True),
    (rep(19), rep(25), False),
    (rep(100), rep(105), True),                          # within the 10% tolerance of large counts
])
def test_consistent(a, b, same):
    assert consistent(a, b) is same


def test_rising_toll_is_a_change_and_earlier_is_history():
    f = Fact("main/killed", "figure", "main", "killed", "total")
    assert merge_figure(f, rep(19, outlet="A", t=1)).kind == "figure_reported"
    ch = merge_figure(f, rep(25, outlet="B", t=2, src="PMF"))
    assert ch.kind == "figure_changed" and "19 → 25" in ch.text and "PMF" in ch.text
    assert merge_figure(f, rep(19, outlet="C", t=3, earlier=True)) is None
    assert merge_figure(f, rep(25, 25, None, "at least", outlet="D", t=4)) is None
    assert f.current.value == 25 and not f.disputed
    assert [h["value"] for h in f.history] == ["19", "19"]


def test_disagreeing_projectiles_are_disputed_once():
    f = Fact("related/projectiles", "figure", "related", "projectiles", "")
    merge_figure(f, rep(10, outlet="Rudaw", t=1))
    ch = merge_figure(f, rep(None, 30, None, "at least", outlet="Newsroom", t=2, src="the Pentagon"))
    assert ch.kind == "figure_disputed" and "10" in ch.text and "30" in ch.text
    assert f.disputed
    assert merge_figure(f, rep(30, 30, None, "at least", outlet="Independent", t=3)) is None


def test_vague_then_number_is_a_change():
    f = Fact("related/injured/service member", "figure", "related", "injured", "service member")
    merge_figure(f, rep(None, 2, None, "several", outlet="A", t=1))
    ch = merge_figure(f, rep(4, outlet="B", t=2))
    assert ch.kind == "figure_changed" and "several → 4" in ch.text


def test_means_disputed_between_drones_and_aircraft():
    f = Fact("attr/main/means", "attribution", "main", "means", "")
    assert merge_attribution(f, rep(text="F-15 Strike Eagle fighter planes", src="a US official")) is None
    ch = merge_attribution(f, rep(text="drone", outlet="B"))
    assert ch.kind == "figure_disputed"
    assert merge_attribution(f, rep(text="combat drones", outlet="C")) is None


def test_attribution_alerts_once():
    f = Fact("attr/related/denied/rabiei", "attribution", "related", "denied", "Iran")
    ch = merge_attribution(f, rep(text="Iran", src="Ali Rabiei"))
    assert ch.kind == "attribution_denied"
    assert merge_attribution(f, rep(text="Iran", outlet="B")) is None


def test_an_edited_article_replaces_its_reports(store):
    """Same URL, changed text: the ledger follows the edit and announces only the change."""
    from monitor.pipeline import analyse, assign

    v1 = analyse("art1", "Blast", "A bomb killed 12 people on Sunday, police said.", "2024-01-01T10:00:00Z", "Wire")
    first = assign(store, v1, "all", 1000.0)
    v2 = analyse("art1", "Blast", "A bomb killed 15 people on Sunday, police said.", "2024-01-01T10:00:00Z", "Wire")
    v2.version = 2
    second = assign(store, v2, "all", 2000.0)
    assert second.story == first.story and not second.opened
    story = store.story(first.story)
    killed = story.facts["main/killed"]
    assert [r.value for r in killed.reports] == [15] and killed.current.value == 15
    alerts = [store.alert(a) for a in second.alerts]
    assert [a.kind for a in alerts] == ["figure_changed"] and "12 → 15" in alerts[0].text
    assert story.articles == ["art1"]


def test_attribution_changed_when_the_same_source_names_someone_else(store):
    from monitor.pipeline import analyse, assign

    a = analyse("x1", "Bombing", "Police blamed the bombing on the Red Brigade on Sunday.", "2024-01-01", "Wire")
    b = analyse("x2", "Bombing", "Police blamed the bombing on the Black Hand on Sunday, in a new statement.",
                "2024-01-02", "Wire")
    first = assign(store, a, "all", 1.0)
    second = assign(store, b, "all", 2.0)
    assert second.story == first.story
    kinds = [store.alert(i).kind for i in second.alerts]
    assert "attribution_changed" in kinds
    text = next(store.alert(i).text for i in second.alerts if store.alert(i).kind == "attribution_changed")
    assert "Red Brigade → the Black Hand" in text


def test_an_outlier_is_held_until_another_article_confirms_it():
    f = Fact("main/killed", "figure", "main", "killed", "total")
    merge_figure(f, rep(1, outlet="A", t=1, src="police"))
    # one article's "killed 165" (a city's yearly toll read as the incident's): recorded, not current
    assert merge_figure(f, rep(165, outlet="B", t=2)) is None
    assert f.current.value == 1 and [r.value for r in f.reports if r.held] == [165]
    assert merge_figure(f, rep(1, outlet="C", t=3)) is None  # the story's own count goes on
    ch = merge_figure(f, rep(165, outlet="D", t=4, src="the coroner"))  # a second article says so
    assert ch.kind == "figure_changed" and "1 → 165" in ch.text and "confirmed by 2 reports" in ch.text
    assert f.current.value == 165 and not any(r.held for r in f.reports)


def test_a_lone_outlier_that_opened_a_story_gives_way():
    f = Fact("main/killed", "figure", "main", "killed", "total")
    merge_figure(f, rep(2014, outlet="A", t=1))  # a year read as a count, nothing to compare yet
    ch = merge_figure(f, rep(4, outlet="B", t=2, src="police"))
    assert ch.kind == "figure_changed" and "2014 → 4" in ch.text and "unconfirmed" in ch.text
    assert f.current.value == 4 and not f.disputed


def test_a_real_rise_is_no_outlier():
    f = Fact("main/killed", "figure", "main", "killed", "total")
    merge_figure(f, rep(19, outlet="A", t=1))
    assert merge_figure(f, rep(25, outlet="B", t=2)).kind == "figure_changed"  # 19 -> 25: x1.3, +6


def test_agreement_outweighs_one_report():
    f = Fact("main/killed", "figure", "main", "killed", "total")
    merge_figure(f, rep(2, outlet="A", t=1))
    merge_figure(f, rep(2, outlet="B", t=2))
    # one article's higher count against two that agree: disputed, the agreed value stays
    ch = merge_figure(f, rep(4, outlet="C", t=3))
    assert ch.kind == "figure_disputed" and f.current.value == 2
    # a second article confirms the rise: the story's figure follows
    ch = merge_figure(f, rep(4, outlet="D", t=4))
    assert ch.kind == "figure_changed" and "2 → 4" in ch.text
    assert f.current.value == 4


def test_one_report_gives_way_to_two_that_agree():
    f = Fact("main/injured", "figure", "main", "injured", "total")
    merge_figure(f, rep(4, outlet="A", t=1))
    assert merge_figure(f, rep(3, outlet="B", t=2)).kind == "figure_disputed"
    ch = merge_figure(f, rep(3, outlet="C", t=3))
    assert ch.kind == "figure_changed" and "4 → 3" in ch.text and "agreed by 2 reports" in ch.text
    assert f.current.value == 3
