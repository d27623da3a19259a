"""Who is held responsible in mixed-case news copy: acts, claims, blame, denials, hedges.
The sentences are written for the rules (the attribution data sets are for evaluation only)."""

import pytest

from monitor.extract.figures import extract
from monitor.ingest.cleaning import content_spans
from tests.support import assert_reads, responsibility


@pytest.mark.parametrize("sentence,actor", [
    # passive "held responsible", in a relative clause or not
    ("No one was hurt in the blast, for which the Red Dawn Front is being held responsible.", "Red Dawn Front"),
    ("THE BLUE STAR FRONT WAS HELD RESPONSIBLE BY THE POLICE FOR THE BOMBING.", "BLUE STAR FRONT"),
    # "X were responsible for the massacre": someone holds them responsible
    ("The president admitted that members of the army were responsible for the massacre of six priests.",
     "members of the army"),
    ("Officials said the militia may be responsible for the attacks on the convoy.", "militia"),
    ("Officials said the Red Dawn Front was to blame for the bombing of the bridge.", "Red Dawn Front"),
    ("The bishop said the Red Dawn Front was guilty of the murders.", "Red Dawn Front"),
    ("Prosecutors said members of the Red Dawn Front were involved in the bombing of the bridge.",
     "members of the Red Dawn Front"),
])
def test_responsibility_stated_as_a_fact_about_the_actor_is_an_accusation(sentence, actor):
    got = responsibility(sentence)
    assert ("accused", actor) in got, got


def test_responsible_for_something_else_is_no_accusation():
    got = responsibility("The ministry is responsible for the roads. The company was responsible for security.")
    assert not any(k == "accused" for k, _ in got), got


@pytest.mark.parametrize("sentence,found,not_actor", [
    ("The attack was the second this month by the Red Dawn Front, which claimed responsibility in a statement.",
     ("claimed", "the Red Dawn Front"), None),
    ("The bombing, which officials blamed on the Red Dawn Front, killed four.", ("accused", "the Red Dawn Front"),
     None),
    ("THE ATTACK THAT KILLED 10 UNION MEMBERS, WHICH THE RDLF HAS BLAMED ON THE ARMY, WAS CONDEMNED.",
     ("accused", "ARMY"), None),
    ("The attack killed four; the mayor blamed on Monday a lack of police.", None, "Monday"),
    ("Police said the Red Dawn Front ordered the assassination of the candidate. The Blue Star Front ordered an "
     "investigation into the killing.", ("carried_out", "the Red Dawn Front"), "Blue Star"),
], ids=["which-claimed", "which-blamed-on", "which-blamed-on-caps", "blamed-on-a-day", "ordered"])
def test_relative_clauses_and_orders(sentence, found, not_actor):
    assert_reads(sentence, found, not_actor)


@pytest.mark.parametrize("sentence,kind,actor", [
    # someone's suspicion or allegation is an accusation; the writer's "possibly" a possibility
    ("The attack was believed to have been carried out by the Red Dawn Front.", "accused", "Red Dawn Front"),
    ("The bombing is suspected to have been carried out by the Red Dawn Front.", "accused", "Red Dawn Front"),
    ("The bombing is suspected to have been the work of the Red Dawn Front.", "accused", "Red Dawn Front"),
    ("The attack was possibly carried out by the Red Dawn Front.", "suspected", "Red Dawn Front"),
    ("The attack was reportedly carried out by the Red Dawn Front.", "carried_out", "Red Dawn Front"),
])
def test_suspicion_is_an_accusation_and_a_hedge_a_possibility(sentence, kind, actor):
    got = responsibility(sentence)
    assert any(k == kind and a.endswith(actor) for k, a in got), got
    assert not any(a.lower().startswith(("the bombing", "the attack")) for _, a in got), got


@pytest.mark.parametrize("sentence,found", [
    # "carried out", "launched", "planned" are violence only with an attack to their object
    ("Among the measures planned by the metropolitan police for the curfew are 18 checkpoints.", None),
    ("Moreover, the army launched a publicity campaign among the locals.", None),
    ("The army carried out a search of the area after the shooting.", None),
    ("The attack on the garrison was carried out by the Red Dawn Front.", ("carried_out", "Red Dawn Front")),
    ("The Red Dawn Front launched an offensive on the capital.", ("carried_out", "Red Dawn Front")),
])
def test_generic_verbs_need_an_attack(sentence, found):
    got = responsibility(sentence)
    if found:
        assert any(k == found[0] and a.endswith(found[1]) for k, a in got), got
    else:
        assert not got, got


def test_leaflets_without_an_attack_suspect_no_one():
    assert not responsibility("Leaflets of the Red Dawn Front were handed out at the rally.")


@pytest.mark.parametrize("text,found", [
    # a list of acts; shelling, storming and fired projectiles are violence
    ("Militants have stormed a police post in the valley and burned two vans, officials said.",
     ("carried_out", "Militants")),
    ("Government troops shelled the market town overnight, killing nine civilians, doctors said.",
     ("carried_out", "Government troops")),
    ("Red Dawn fighters launched six rockets and a drone at the airport, the army said.",
     ("carried_out", "Red Dawn fighters")),
    ("Suspected jihadists killed eleven farmers near the river on Sunday, residents said.",
     ("accused", "Suspected jihadists")),
    # blame after the attack it is for; an accusation of shelling
    ("Nobody has claimed the bombing at the depot, but the governor blamed the Red Dawn Front.",
     ("accused", "the Red Dawn Front")),
    ("The ministry accused the Ruritanian Border Guard of shelling the refugee camp.",
     ("accused", "the Ruritanian Border Guard")),
    # a denial of the act itself
    ("Ruritania denied it had targeted the hospital, saying its jets hit only a depot.", ("denied", "Ruritania")),
    ("The Red Dawn Front denied that they were behind the blast.", ("denied", "The Red Dawn Front")),
    # the name a group calls itself
    ("A group calling itself the Sons of the Valley claimed responsibility for the ambush.",
     ("claimed", "the Sons of the Valley")),
], ids=["stormed", "shelled", "launched-rockets", "suspected-jihadists", "blamed-after-attack", "accused-of-shelling",
        "denied-it-had", "denied-that-they", "calling-itself"])
def test_news_wording_of_acts_blame_and_denial(text, found):
    got = responsibility(text)
    assert found in got, got


@pytest.mark.parametrize("text,found,not_actor", [
    # a state or group telling of its own act claims it
    ("Ruritania said it struck an arms depot near the border on Tuesday.", ("claimed", "Ruritania"), None),
    ("The Red Dawn Front says its fighters fired the mortars at the barracks.", ("claimed", "The Red Dawn Front"),
     None),
    # ... not those who tell of what was done to them, nor a passive
    ("Villagers said they fired at the raiders in self-defence.", None, "Villagers"),
    ("The guards said they were attacked by masked men.", None, "guards"),
], ids=["state-said-it", "group-says-its-fighters", "villagers", "passive"])
def test_an_actor_telling_of_its_own_act_claims_it(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # the subject of coordinated verbs, not the first verb's phrase
    ("Ruritanian troops have ransacked two schools and kidnapped some teachers.", ("carried_out", "Ruritanian troops"),
     "ransacked"),
    ("Militants stormed a police post and killed four officers, officials said.", ("carried_out", "Militants"),
     "stormed"),
    # a second clause's own subject
    ("Rebels attacked the town and the army killed three civilians.", ("carried_out", "the army"), "attacked the town"),
], ids=["have-ransacked-and", "stormed-and", "second-clause"])
def test_subjects_of_coordinated_verbs(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found", [
    ("The Sons of the Valley claimed the attack through their news agency.", ("claimed", "The Sons of the Valley")),
    ("The Red Dawn Front claimed credit for Friday's bombing in a statement.", ("claimed", "The Red Dawn Front")),
    ("Police said the bomb was planted by members of the Red Dawn Front, which has denied any involvement.",
     ("denied", "members of the Red Dawn Front")),
    ("The Red Dawn Front denied carrying out the attack, saying it did not target civilians.",
     ("denied", "The Red Dawn Front")),
    ("No one has claimed responsibility, but suspicion fell on the Red Dawn Front.", ("accused", "the Red Dawn Front")),
    ("The militia, which is backed by Ruritania, has been blamed for a string of rocket attacks.",
     ("accused", "The militia")),
    ("Gunmen believed to be members of the Red Dawn Front opened fire on the bus.",
     ("accused", "members of the Red Dawn Front")),
    ("The attack bore the hallmarks of the Red Dawn Front, analysts said.", ("suspected", "the Red Dawn Front")),
    ("The army claimed the bombing was carried out by rebels of the Red Dawn Front.",
     ("accused", "rebels of the Red Dawn Front")),
], ids=["claimed-the-attack", "claimed-credit", "which-has-denied", "denied-carrying-out", "suspicion-fell-on",
        "aside-before-verb", "believed-to-be-members", "hallmarks", "claimed-it-was-done-by"])
def test_news_wording_of_claims_denials_and_suspicions(text, found):
    got = responsibility(text)
    assert found in got, got


def test_a_claim_that_the_attack_was_done_is_no_claim_of_it():
    got = responsibility("The army claimed the attack was carried out by rebels of the Red Dawn Front.")
    assert not any(k == "claimed" for k, _ in got), got


def test_no_accusation_without_someone_to_accuse():
    text = "The rebels were blamed for the massacre, but they denied it."
    atts = extract(text, "", content_spans(text)).attributions
    assert ("accused", "The rebels") in {(a.kind, a.actor) for a in atts}
    assert all(a.actor is not None for a in atts if a.kind != "claimed"), atts


def test_an_accusation_about_an_attack_done():
    assert ("accused", "Ruritania") in responsibility("Borduria accused Ruritania of arming the militia that attacked "
                                                      "the base.")


@pytest.mark.parametrize("text,found,not_actor", [
    # the actor of a police shooting, not the words around it
    ("Police say officers shot and killed a man who was waving a knife.", None, "say"),
    ("Jones told police he shot the intruder as he broke in.", None, "police he"),
    ("The family of the man who police fatally shot last month wants answers.", ("carried_out", "police"),
     "fatally"),
    # no attack on others, a headline's passive, a negated involvement
    ("Police believe the suspect likely shot himself in the leg.", None, "suspect"),
    ("Deputy Shot In Leg During Chase On Highway", None, "Deputy"),
    ("No deputies were hurt and no county police officers were involved in the incident.", None, "officers"),
    # an adverb goes, a noun ending in -ly stays
    ("The rebels said the national assembly was behind the bombing.", ("accused", "national assembly"), None),
], ids=["police-say", "told-police-he", "fatally", "himself", "headline-passive", "no-officers-involved",
        "assembly"])
def test_actors_in_police_shooting_news(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # someone's thought or report before the one held responsible is not part of its name
    ("Police think the Red Dawn Front was responsible for the bombing.", ("accused", "Red Dawn Front"), "think"),
    ("Diplomats fear the Ruritanian army was behind the massacre.", ("accused", "Ruritanian army"), "fear"),
    ("The army reported the Red Dawn Front was responsible for the ambush.", ("accused", "Red Dawn Front"),
     "reported"),
], ids=["police-think", "diplomats-fear", "reported-ambush"])
def test_a_thought_or_report_before_the_accused(text, found, not_actor):
    assert_reads(text, found, not_actor)


def test_two_patterns_in_a_sentence_make_one_attribution():
    ex = extract(t := "Investigators suspect the Red Dawn Front was behind the blast.", "", content_spans(t))
    accused = [a for a in ex.attributions if a.kind == "accused"]
    assert len(accused) == 1, accused
    assert "Investigators" not in (accused[0].actor or "")


def test_a_relative_clause_after_an_attack_is_the_attacks():
    got = responsibility("The president condemned the attacks against a union and a Red Cross organization, which "
                         "killed 9 people.")
    assert not any("Red Cross" in a for _, a in got), got


def test_a_time_or_place_before_the_subject_is_not_its_name():
    got = responsibility("Since last year the Red Dawn Front has perpetrated over 30 attacks against oil pipelines.")
    assert ("carried_out", "the Red Dawn Front") in got, got
    got = responsibility("In the capital the Red Dawn Front bombed two banks.")
    assert ("carried_out", "the Red Dawn Front") in got, got
