"""Who is held responsible in all-caps wire copy (MUC): groups, agents, kinds of responsibility.
The sentences are written for the rules, in the shapes the MUC set shows (it is for evaluation only)."""

import pytest

from monitor.extract.figures import extract
from monitor.extract.perpetrators import group_phrase
from monitor.ingest.cleaning import content_spans, hard_wrapped, paragraphs
from tests.support import assert_reads, responsibility, wire_copy

WIRE = """   SAN LORENZO, 4 FEB 90 (RADIO NACIONAL) -- [TEXT] POLICE SOURCES HAVE REPORTED
THAT A COLUMN OF RED DAWN TERRORISTS ENTERED THE TOWN OF LAS PALMAS LAST NIGHT,
ROUNDED UP THE RESIDENTS IN THE SQUARE, AND MURDERED SIX PEASANTS.

   THE PEOPLE'S LIBERATION ALLIANCE [PLA] CLAIMED RESPONSIBILITY FOR THE DYNAMITE
ATTACK ON THE POWER STATION IN A COMMUNIQUE SENT TO LOCAL NEWSPAPERS.

   THE GOVERNMENT HAS ACCUSED THE PLA OF THE MURDER OF THE MAYOR, WHO WAS
KILLED BY UNIDENTIFIED GUNMEN LAST WEEK.

   ARMY UNITS KILLED THREE GUERRILLAS DURING A CLASH NEAR THE RIVER.

   ACCORDING TO NATIONAL POLICE SOURCES, THE BOMB THAT EXPLODED AT THE BANK WAS
MADE OF DYNAMITE. THE NATIONAL POLICE REPORTED THAT TWO GUARDS WERE KILLED.
"""


def test_hard_wrapped_wire_copy_is_read_in_paragraphs():
    assert hard_wrapped(WIRE)
    assert len(paragraphs(WIRE)) == 5
    one_per_line = "First paragraph, one line.\nSecond paragraph.\nThird one here."
    assert not hard_wrapped(one_per_line)
    assert len(paragraphs(one_per_line)) == 3


def test_groups_in_all_caps_wire_copy():
    got = responsibility(WIRE)
    # the group is named 60 characters before its verb, across a line break
    assert ("carried_out", "RED DAWN TERRORISTS") in got
    assert any(k == "claimed" and "LIBERATION ALLIANCE" in actor for k, actor in got)
    assert ("accused", "PLA") in got
    # soldiers fighting guerrillas are not blamed for an attack; nor are the generic gunmen
    assert not any("ARMY" in actor for _, actor in got), got
    # a source of the report is not its agent
    assert not any("POLICE" in actor for _, actor in got), got
    assert not any(actor in ("GUNMEN", "UNIDENTIFIED GUNMEN") for _, actor in got), got


# A short item: one paragraph, no blank line; the acronym given before the name, and a
# guerrilla "army" in a sentence that names guerrillas.
SHORT_WIRE = """   PUERTO LIMA, 4 MAR 90 (RADIO SUR) -- [TEXT] TWO PEOPLE WERE KILLED IN AN
ATTACK ON THE CUSTOMS POST IN PUERTO LIMA BY RFL [RED FLAG LIBERATION FRONT]
UNITS.  THE POST AND TWO TRUCKS PARKED IN FRONT OF IT WERE DESTROYED IN THE
FIRE.  OFFICIALS SAY GUERRILLAS BELIEVED TO BE MEMBERS OF THE PEOPLE'S ARMY
OF NATIONAL LIBERATION (PANL) LATER DYNAMITED THE BRIDGE NEAR THE
POST.  ARMY UNITS KILLED TWO GUERRILLAS IN THE FIGHTING THAT
FOLLOWED.
"""


def test_short_wire_item_without_blank_lines():
    assert hard_wrapped(SHORT_WIRE)
    assert len(paragraphs(SHORT_WIRE)) == 1
    # mixed-case news with one short paragraph per line is not wire copy
    news = ("A man was shot on Friday.\nTwo people were hurt in the same attack.\n"
            "Police said the gunman fled on foot.\nThe victims were taken to hospital.")
    assert not hard_wrapped(news)
    got = responsibility(SHORT_WIRE)
    assert ("carried_out", "RFL") in got, got
    assert any(k == "accused" and "NATIONAL LIBERATION" in actor for k, actor in got), got
    assert not any(actor.startswith("ARMY") for _, actor in got), got  # soldiers in a clash
    assert not any("SAY" in actor for _, actor in got), got  # a verb is not part of a name


@pytest.mark.parametrize("wire,not_actor", [
    # who stopped the attack is not its agent
    ("THE ATTACK ON THE GARRISON WAS REPELLED BY THE ARMED FORCES, WHO SUFFERED NO\n"
     "CASUALTIES, A MILITARY SPOKESMAN SAID.", "ARMED FORCES"),
    # the victim's party is not the agent
    ("SENATOR ROBLES, THE LIBERAL PARTY CANDIDATE, WAS THE VICTIM OF ANOTHER ATTACK TONIGHT\n"
     "IN THE CAPITAL.", "LIBERAL PARTY"),
    # "a group of men wearing uniforms" names no group
    ("THE SIX PRIESTS WERE MURDERED BY A GROUP OF MEN WEARING MILITARY UNIFORMS DURING THE\n"
     "CURFEW.", "GROUP"),
    # the target's name is not the agent's
    ("GUERRILLAS DYNAMITED THE OFFICES OF THE NEW DAWN PARTY TONIGHT, KILLING A WATCHMAN AND\n"
     "WOUNDING TWO.", "NEW DAWN PARTY"),
    # a nationality and a people noun are people, not a named group
    ("SALVADORAN GUERRILLAS ATTACKED THE GARRISON OF SAN MIGUEL AND KILLED TWO SOLDIERS\n"
     "LAST NIGHT.", "SALVADORAN GUERRILLAS"),
    # told of a threat, not its agent; who reported a killing, not its agent
    ("AN ANNOUNCER FOR RADIO CULTURAL TOLD THE POLICE THAT A CALLER THREATENED TO ATTACK\n"
     "RADIO STATIONS.", "POLICE"),
    ("A JUDGE WAS ASSASSINATED AT NOON TODAY IN MEDELLIN, IT WAS REPORTED TODAY BY THE NATIONAL\n"
     "POLICE.", "POLICE"),
    # a command post, an army spokesman: a place and a person, not the agent
    ("TWO PEOPLE WERE KILLED IN AN ATTACK ON THE LOCAL MILITARY COMMAND POST, AN ARMY\n"
     "SPOKESMAN SAID, AND THE COMMAND POST WAS DESTROYED.", "COMMAND"),
    # the group's men were the ones killed
    ("TWO RED DAWN FRONT REBELS WERE KILLED IN HEAVY FIGHTING IN CIUDAD BARRIOS, THE REPORT\n"
     "ADDED.", "RED DAWN"),
    # the accuser is not the agent
    ("THE EXPLOSIONS CAUSED NO CASUALTIES, AND THE POLICE HOLD THE RED DAWN FRONT RESPONSIBLE\n"
     "FOR THE ATTACK.", "POLICE"),
    # asked to condemn a crime, not accused of it
    ("THE PRESIDENT CALLED ON THE POLITICAL AND SOCIAL FORCES TO CONDEMN THIS BRUTAL CRIME\n"
     "PERPETRATED AGAINST THE PRIESTS.", "SOCIAL FORCES"),
])
def test_all_caps_non_agents(wire, not_actor):
    text = "\n\n".join([wire, wire.replace("TONIGHT", "TODAY"), wire])  # wrapped copy in paragraphs
    assert hard_wrapped(text)
    ex = extract(text, "", content_spans(text))
    assert not any(not_actor in (a.actor or "") for a in ex.attributions if a.kind != "means"), ex.attributions


def test_an_allegation_or_presumption_is_an_accusation_and_a_possibility_is_suspected():
    # someone's suspicion ("alleged", "presumably", "believed to be") is what MUC-4 keys as
    # SUSPECTED OR ACCUSED; the writer's own hedge ("possibly") is a POSSIBLE perpetrator
    wire = ("   LIMA, 11 MAR 89 (RADIO SUR) -- [TEXT] IT WAS OFFICIALLY REPORTED TODAY THAT\n"
            "ON 10 MARCH ALLEGED RED DAWN FRONT MEMBERS MURDERED FOUR PEASANTS IN THE\n"
            "VILLAGE OF SANTA MARIA DEL VALLE, HUANUCO DEPARTMENT.\n\n"
            "   IN ANOTHER INCIDENT, A BRIDGE WAS DYNAMITED NEAR THE TOWN.  THE ATTACK WAS\n"
            "PRESUMABLY STAGED BY THE PEOPLE'S LIBERATION ALLIANCE, AN ARMY SPOKESMAN SAID\n"
            "IN A STATEMENT ISSUED IN THE CAPITAL.\n\n"
            "   THE TOWN HAS BEEN WITHOUT WATER SINCE THEN.  A WEEK EARLIER A PYLON WAS\n"
            "DYNAMITED, POSSIBLY BY THE BLUE STAR MOVEMENT, WHICH IS ACTIVE IN THE AREA.\n")
    got = responsibility(wire)
    assert ("accused", "RED DAWN FRONT") in got, got
    assert any(k == "accused" and "LIBERATION ALLIANCE" in actor for k, actor in got), got
    assert any(k == "suspected" and "BLUE STAR MOVEMENT" in actor for k, actor in got), got


def test_a_groups_own_report_of_its_action_is_a_claim():
    wire = ("   CLANDESTINE, 7 DEC 89 (RADIO LIBERTAD) -- [TEXT] ATTENTION, NATIONAL AND\n"
            "INTERNATIONAL PRESS.  THIS IS A REPORT FROM THE CAPITAL.\n\n"
            "   THE RED DAWN LIBERATION FRONT [RDLF] REPORTS THAT LAST NIGHT RDLF COLUMNS\n"
            "STAGED ATTACKS ON TWO MILITARY GARRISONS IN THE NORTH OF THE CITY AND DESTROYED\n"
            "A BRIDGE ON THE ROAD TO THE PORT.\n")
    got = responsibility(wire)
    assert ("claimed", "RDLF") in got, got
    assert not any(k == "carried_out" for k, _ in got), got


def test_men_from_a_group_are_its_agents():
    wire = ("   LA PAZ, 25 MAY 89 (RADIO SUR) -- [TEXT] TWO FOREIGN MISSIONARIES -- AGED 19 AND\n"
            "21 -- WERE SHOT TO DEATH LAST NIGHT BY A GROUP OF TERRORISTS FROM THE RED DAWN\n"
            "LIBERATION FRONT [RDLF] IN A NEIGHBORHOOD OF THE CAPITAL.\n\n"
            "   THE POLICE HAVE OPENED AN INVESTIGATION INTO THE MURDERS, WHICH WERE CONDEMNED\n"
            "BY THE GOVERNMENT.\n")
    got = responsibility(wire)
    assert any(k == "carried_out" and "RED DAWN" in actor for k, actor in got), got
    assert not any("POLICE" in actor or "GOVERNMENT" in actor for _, actor in got), got


def test_the_accuser_is_not_the_accused():
    wire = ("   VALLEDUPAR, 21 FEB 90 (RADIO SUR) -- [TEXT] A POLICE INSPECTOR AND TWO OF HIS\n"
            "BROTHERS WERE MURDERED YESTERDAY BY THE RED DAWN FRONT, WHICH ACCUSED THEM OF\n"
            "BEING ARMY INFORMERS.\n\n"
            "   THE ARMY REPORTED THAT TWO ELECTRIC TOWERS WERE DESTROYED WITH EXPLOSIVE\n"
            "CHARGES NEAR THE TOWN.  THE DAMAGE LEFT THE REGION WITHOUT POWER FOR TEN HOURS.\n\n"
            "   IN ANOTHER VILLAGE A COLUMN OF BLUE STAR FRONT TERRORISTS SHOT FOUR PEASANTS.\n"
            "THE TERRORISTS, WHO ALSO BURNED THEIR HOUSES, CHARGED THEM WITH COLLABORATING WITH\n"
            "THE ARMY.\n")
    got = responsibility(wire)
    assert ("carried_out", "RED DAWN FRONT") in got, got
    # the victims were accused, by their killers
    assert any(k == "carried_out" and "BLUE STAR FRONT" in actor for k, actor in got), got
    assert not any(k == "accused" for k, _ in got), got


def test_security_forces_blamed_by_guerrillas_are_accused_not_in_a_clash():
    wire = ("   SAN MIGUEL, 2 NOV 89 (RADIO SUR) -- [TEXT] TEN PEOPLE WERE KILLED WHEN A BOMB\n"
            "EXPLODED AT THE HEADQUARTERS OF A LABOR UNION YESTERDAY.\n\n"
            "   ACCORDING TO THE GUERRILLAS, THE ARMED FORCES ARE RESPONSIBLE FOR THE DYNAMITE\n"
            "ATTACK ON THE UNION.  THE GOVERNMENT HAS REJECTED THE CHARGE.\n\n"
            "   IN THE NORTH, ARMY UNITS KILLED TWO GUERRILLAS IN A CLASH NEAR THE RIVER.\n")
    got = responsibility(wire)
    assert ("accused", "ARMED FORCES") in got, got
    assert not any(actor.startswith("ARMY") for _, actor in got), got


@pytest.mark.parametrize("wire,found,not_actor", [
    # "LAST NIGHT'S TERRORIST ATTACKS": an adjective of the act, no group
    (wire_copy("CALI, 9 MAY 90", "NINE PERSONS WERE INJURED FOLLOWING LAST NIGHT'S TERRORIST ATTACKS AGAINST SOME BANK "
           "BRANCHES IN THE CITY CENTER.  EARLIER, MEMBERS OF THE RED DAWN FRONT HAD CARRIED OUT GUERRILLA ATTACKS "
           "IN THE SOUTH OF THE DEPARTMENT."),
     ("carried_out", "RED DAWN FRONT"), "TERRORIST"),
    # "THE SAME GROUP" refers back; it names no group
    (wire_copy("LIMA, 3 JUN 90", "THE RED DAWN FRONT CLAIMED RESPONSIBILITY FOR THE BOMBING OF A BANK.  A WEEK AGO "
           "THE SAME GROUP DYNAMITED TWO ELECTRIC TOWERS, AND THE AFOREMENTIONED GROUP ATTACKED A POLICE STATION."),
     ("claimed", "RED DAWN FRONT"), "GROUP"),
    # an acronym never spelled out, before the group's people
    (wire_copy("SAN MIGUEL, 4 JAN 90", "ACCORDING TO REPORTS, RDLF MEMBERS ATTACKED TWO COTTON PLANTS IN THE "
           "DEPARTMENT, DESTROYING HEAVY EQUIPMENT.  THE TOWN WAS LEFT WITHOUT POWER FOR TEN HOURS."),
     ("carried_out", "RDLF"), None),
    (wire_copy("LA PAZ, 2 DEC 89", "TWO CITIZENS WERE TAKEN HOSTAGE WHEN THE COWARDLY RDLF KILLERS ATTACKED THE HOTEL "
           "IN AN ATTEMPT TO KIDNAP A MINISTER.  THE HOTEL WAS CLOSED FOR A WEEK."),
     ("carried_out", "RDLF"), None),
    # ... a word with vowels is no acronym
    (wire_copy("CALI, 4 JAN 90", "LOCAL MEMBERS ATTACKED TWO COTTON PLANTS IN THE DEPARTMENT, DESTROYING HEAVY "
           "EQUIPMENT.  THE TOWN WAS LEFT WITHOUT POWER FOR TEN HOURS."), None, "LOCAL"),
    # the progressive is the group's act; "IS BEING ATTACKED" is not
    (wire_copy("MANAGUA, 12 DEC 89", "THE PRESIDENT HAS REPORTED THAT THE RED DAWN FRONT IS BOMBING THE AREA "
           "SURROUNDING A VOLCANO NEAR THE CAPITAL TONIGHT.  THE BLUE STAR FRONT IS BEING ATTACKED BY ITS OWN "
           "DEFECTORS."),
     ("carried_out", "RED DAWN FRONT"), "BLUE STAR"),
    # security forces at police work, or stopping the attacker: no perpetrators
    (wire_copy("BOGOTA, 5 SEP 89", "THE NATIONAL POLICE RAIDED SEVERAL FARMS OWNED BY A DRUG TRAFFICKER AND SEIZED "
           "WEAPONS AND EXPLOSIVES.  FOUR MEN WERE ARRESTED.",
           "IN THE SOUTH, ARMY TROOPS MACHINEGUNNED A BUS AND KILLED SIX PEASANTS, ACCORDING TO A HUMAN RIGHTS "
           "GROUP."),
     ("carried_out", "ARMY"), "POLICE"),
    (wire_copy("BOGOTA, 4 SEP 89", "TWO PEOPLE WERE KILLED TODAY IN AN ATTACK AT THE AIRPORT.  THE AIRPORT SECURITY "
           "POLICE THEN KILLED THE ATTACKER.  THE AIRPORT WAS CLOSED FOR SIX HOURS."), None, "POLICE"),
    # "A WAVE OF ATTACKS": the noun, not the group's verb
    (wire_copy("LIMA, 9 JUN 89", "TWO BOMBS EXPLODED DOWNTOWN.  THE EXPLOSIONS DID NOT CAUSE ANY SERIOUS DAMAGE BUT "
           "THE POLICE WERE MOBILIZED, FEARING A WAVE OF ATTACKS.", "IN THE NORTH, THE RED DAWN FRONT ATTACKS A BUS "
           "EVERY WEEK."),
     ("carried_out", "RED DAWN FRONT"), "POLICE"),
    # "CLAIMED THAT X WAS KILLED BY ...": a claim about someone else, an accusation
    (wire_copy("SAN SALVADOR, 9 JUN 89", "THE ARMED FORCES HAVE CLAIMED THAT THE MINISTER WAS KILLED BY A RED DAWN "
           "FRONT COMMANDO TRAINED ABROAD."),
     ("accused", "RED DAWN FRONT"), "ARMED FORCES"),
    # who ordered a deployment, stood by, or spoke from far back in the sentence did no harm
    (wire_copy("MEDELLIN, 4 JUL 89", "THE DEPLOYMENT OF 2,000 TROOPS WAS ORDERED BY THE POLICE AS A RESULT OF THE "
           "MURDER OF A JUDGE IN THE CITY."), None, "POLICE"),
    (wire_copy("ROSARIO, 2 MAR 90", "ACCORDING TO SEVERAL MEMBERS OF THE BOMB SQUAD OF THE LOCAL POLICE, THE TWO BOMBS "
           "WERE PLANTED TO INTIMIDATE THE OWNERS OF THE SHOPS."), None, "POLICE"),
    (wire_copy("SAN RAMON, 8 NOV 89", "DURING TODAY'S ATTACK ON THE TOWN, THE CIVIL DEFENSE UNITS WERE SUPPORTED BY THE "
           "BLUE STAR BATTALION, WHICH GAINED CONTROL OF THE SITUATION BY NIGHTFALL."), None, "BATTALION"),
    # the bomb is the suspects' deed, not the arresting police's
    (wire_copy("LIMA, 14 MAY 89", "THE POLICE TODAY ARRESTED 10 PEOPLE SUSPECTED OF HAVING DETONATED A CAR BOMB NEAR "
           "GOVERNMENT HOUSE."), None, "POLICE"),
    # a regime is a group; "PLACED DYNAMITE" is an act of violence
    (wire_copy("HAVANA, 21 NOV 89", "THE PROFESSORS REPUDIATED THE ASSASSINATION OF TWO PRIESTS, WHO WERE KILLED BY "
           "THE RURITANIAN REGIME."), ("carried_out", "RURITANIAN REGIME"), None),
    (wire_copy("SAN MIGUEL, 3 MAY 90", "THE RED DAWN LIBERATION FRONT [RDLF] HAS BEEN ACTIVE IN THE CITY.  TODAY AT "
           "0620 RDLF URBAN CELLS PLACED DYNAMITE STICKS IN FOUR STORES."), ("carried_out", "RDLF"), None),
    # the participle after a comma is the group's act; "TO BE MURDERED" is the passive
    (wire_copy("SAN MIGUEL, 4 DEC 89", "AT 0500, THE RED DAWN FRONT FORCES BEGAN TO MOVE IN ON THE GARRISON, ATTACKING "
           "IT WITH RIFLE AND MORTAR FIRE."), ("carried_out", "RED DAWN FRONT"), None),
    (wire_copy("USULUTAN, 2 FEB 90", "A MEMBER OF THE BLUE STAR MOVEMENT WAS TAKEN TO THE JAIL TO BE MURDERED, "
           "RELATIVES SAID."), None, "BLUE STAR"),
    # a condition is no act; troops under attack are its target; a terrorist plan names no group
    (wire_copy("SAN SALVADOR, 20 NOV 89", "THE ARMED FORCES DID NOT REACT AS THEY WOULD HAVE IF THIS ATTACK HAD BEEN "
           "CARRIED OUT BY THE RED DAWN FRONT, THE PRIEST SAID."), None, "RED DAWN"),
    (wire_copy("SAN SALVADOR, 7 DEC 89", "REINFORCEMENT UNITS ATTEMPTED TO SUPPORT THE ARMY TROOPS UNDER ATTACK BUT THEY "
           "WERE REPELLED BY THE RED DAWN FRONT.  THE FIGHTING LASTED TWO HOURS."), None, "ARMY"),
    (wire_copy("SAN SALVADOR, 17 OCT 89", "THIS DESPICABLE CRIME CONFIRMS THE RED DAWN FRONT IS IMPLEMENTING A DEATH-LIKE "
           "TERRORIST PLAN THAT INCLUDES THE MURDER OF PUBLIC OFFICIALS."), None, "TERRORIST"),
    # "SIX MEMBERS", "ONLY KILLERS": words, not acronyms
    (wire_copy("PARIS, 16 NOV 89", "THOSE RESPONSIBLE FOR THE ASSASSINATION OF SIX MEMBERS OF HIS ORDER ARE THE SAME "
           "ONES WHO KILLED THE ARCHBISHOP."), None, "SIX"),
    (wire_copy("SAN SALVADOR, 3 DEC 89", "PERHAPS THEY ARE ONLY KILLERS WHO ONLY KNOW HOW TO MURDER PEOPLE, THE "
           "MINISTER SAID."), None, "ONLY"),
    (wire_copy("SAN MIGUEL, 5 DEC 89", "THE COLONEL SAID THAT ANY UNITS THAT ATTACK THE TOWN WILL BE DESTROYED."), None,
     "ANY"),
    # a wire copy's bracketed tag is no acronym; a preposition ends a name
    ("   CLANDESTINE, 22 JUL 89 (RADIO SUR) -- [COMMUNIQUE] [RED DAWN LIBERATION FRONT]\n[TEXT] IN CONNECTION WITH "
     "THE BOMB ATTACK ON THE UNIVERSITY AT DAYBREAK, THE\nTEXT OF THE STATEMENT SAYS THE ARMY KILLED TWO STUDENTS.\n",
     ("carried_out", "ARMY"), "TEXT"),
    (wire_copy("URABA, 2 MAR 90", "THE REGION HAS BEEN RACKED FOR YEARS BY A BLOODY POLITICAL STRUGGLE BETWEEN "
           "GUERRILLA GROUPS AND PARAMILITARY BANDS, WHICH HAVE KILLED HUNDREDS OF PEASANTS."), None, "BETWEEN"),
    # "X OFFICERS ARE IMPLICATED IN THE MURDER": an accusation
    (wire_copy("SAN SALVADOR, 13 JAN 90", "THE PRESIDENT TODAY CHARGED THAT TWO OFFICERS OF THE RURITANIAN ARMED FORCES "
           "ARE IMPLICATED IN THE ASSASSINATION OF THE PRIESTS."), ("accused", "RURITANIAN ARMED FORCES"), None),
    # the second of two targets
    (wire_copy("SAN SALVADOR, 31 OCT 89", "THE PRESIDENT CONDEMNED THE DYNAMITE ATTACKS AGAINST A UNION AND A RED CROSS "
           "ORGANIZATION, WHICH KILLED 9 PEOPLE AND INJURED 36."), None, "ORGANIZATION"),
    # the group's own verb is another act: defusing a bomb someone planted, condemning an attack
    (wire_copy("GUATEMALA CITY, 15 NOV 89", "RURITANIAN SECURITY FORCES LAST NIGHT DEFUSED A BOMB PLANTED IN FRONT OF THE "
           "EMBASSY, THE POLICE REPORTED."), None, "SECURITY FORCES"),
    (wire_copy("BOGOTA, 8 DEC 89", "THE RURITANIAN COMMUNIST PARTY CENTRAL COMMITTEE HAS ISSUED A STATEMENT CONDEMNING THE "
           "RECENT ATTACK AGAINST ITS OFFICES."), None, "PARTY"),
    (wire_copy("LIMA, 2 APR 90", "FORTY MEMBERS OF THE BLUE STAR MOVEMENT WERE AT THE HEADQUARTERS WHEN THE BOMB "
           "EXPLODED."), None, "FORTY"),
    # the bomb squad defuses; the police among the wounded are victims
    (wire_copy("BUENOS AIRES, 2 MAR 90", "THE FEDERAL POLICE BOMB SQUAD IS TRYING TO DETERMINE THE DAMAGE CAUSED BY THE "
           "SECOND BOMB, WHICH EXPLODED 30 MINUTES AFTER THE FIRST."), None, "SQUAD"),
    (wire_copy("RIONEGRO, 4 SEP 89", "TWO PEOPLE WERE KILLED AND 12 WERE WOUNDED TODAY, INCLUDING 3 MEMBERS OF THE "
           "RURITANIAN POLICE, IN AN ATTACK AT THE AIRPORT."), None, "POLICE"),
    # a claim with no claimant named: the group said to have done the act
    (wire_copy("SAN SALVADOR, 2 MAY 90", "THE AIR FORCE CHIEF DIED YESTERDAY, 17 DAYS AFTER AN ATTACK IN WHICH HE WAS "
           "SERIOUSLY WOUNDED.  RED DAWN FRONT COMMANDOS AMBUSHED HIS CAR ON THE HIGHWAY.  THE GUERRILLAS CLAIMED "
           "CREDIT FOR THE ATTACK."), ("claimed", "RED DAWN FRONT"), None),
    # a name in quotes; the second of two agents; "BY KILLING"
    (wire_copy("LA PAZ, 26 MAY 89", 'THE MISSIONARIES WERE VISITING THE SLUMS.  THE SELF-STYLED "RED DAWN" GROUP '
           'KILLED THEM IN DOWNTOWN LA PAZ, THE RADIO SAID.'), ("carried_out", "RED DAWN GROUP"), None),
    (wire_copy("SAN SALVADOR, 2 JUN 89", "THE BOMBING OF THE BRIDGE WAS CARRIED OUT BY THE ARMY AND THE BLUE STAR "
           "ALLIANCE, A HUMAN RIGHTS GROUP REPORTED."), ("carried_out", "BLUE STAR ALLIANCE"), None),
    (wire_copy("LIMA, 12 APR 90", "THE RED DAWN FRONT RESPONDED TO THE ELECTIONS BY KILLING TWO MAYORS IN THE NORTH."),
     ("carried_out", "RED DAWN FRONT"), None),
    # "BLAMED IT ON X", "ATTRIBUTED THE ATTACKS TO X": an accusation, X not the target
    (wire_copy("BOGOTA, 3 SEP 89", "ALTHOUGH NO ONE HAS CLAIMED CREDIT FOR THE BOMBING, PRESS SECTORS BLAMED IT ON THE "
           "BLUE STAR CARTEL."), ("accused", "BLUE STAR CARTEL"), None),
    (wire_copy("SAN SALVADOR, 4 NOV 89", "UNION LEADERS ATTRIBUTED THE DYNAMITE ATTACKS TO THE RED DAWN FRONT."),
     ("accused", "RED DAWN FRONT"), None),
    # the air force's helicopter strafing is the air force's act; its helicopter shot down is not
    (wire_copy("CHALATENANGO, 12 FEB 90", "ONE ADULT AND FOUR MINORS WERE KILLED WHEN A RURITANIAN AIR FORCE HELICOPTER "
           "STRAFED A CAMP OF DISPLACED PERSONS."), ("carried_out", "RURITANIAN AIR FORCE"), None),
    (wire_copy("SAN MIGUEL, 30 MAR 89", "RED DAWN FRONT UNITS SHOT DOWN AN AIR FORCE HELICOPTER NEAR THE TOWN."),
     ("carried_out", "RED DAWN FRONT"), "AIR FORCE"),
    # "OUR FORCES" in a group's communique: the group's claim
    (wire_copy("CLANDESTINE, 1 AUG 89", "THE GENERAL COMMAND OF THE RED DAWN LIBERATION FRONT INFORMS THE PEOPLE:",
           "DURING THIS OPERATION, OUR URBAN FORCES ATTACKED TWO POLICE POSTS IN THE CAPITAL."),
     ("claimed", "RED DAWN LIBERATION FRONT"), "OUR"),
    # by whom the arrests were made
    (wire_copy("AYACUCHO, 9 MAR 90", "AT LEAST THREE PEOPLE WERE KILLED IN THE ATTACK BY THE RED DAWN FRONT, AND VARIOUS "
           "ARRESTS WERE MADE BY THE POLICE."), ("carried_out", "RED DAWN FRONT"), "POLICE"),
    # killers in uniform: the force whose uniform they wore, as a possibility
    (wire_copy("SAN SALVADOR, 17 NOV 89", "SIX PRIESTS WERE MURDERED ON 16 NOVEMBER BY MEN WEARING MILITARY UNIFORMS."),
     ("suspected", "MILITARY"), None),
    (wire_copy("TUMACO, 5 MAR 90", "THE ATTACKERS, WHO WORE FIELD UNIFORMS OF THE RURITANIAN ARMY, KILLED TWO "
           "FISHERMEN."), ("suspected", "RURITANIAN ARMY"), None),
    # the group's own words in its leaflets: a claim
    (wire_copy("TEGUCIGALPA, 7 FEB 90", "A BOMB BLAST DAMAGED A TELEPHONE OFFICE TODAY IN THE NORTHERN CITY OF SAN PEDRO "
           "SULA.  NO CASUALTIES WERE REPORTED.", '"THE BLUE STAR COMMAND OF THE RED DAWN FRONT ATTACKED A U.S. CONVOY '
           'WITH RIFLE FIRE," THE LEAFLETS READ.'), ("claimed", "RED DAWN FRONT"), None),
    # the group, or its radio, telling of its own fighters' acts: a claim
    (wire_copy("SAN SALVADOR, 26 MAY 89", "THE RED DAWN LIBERATION FRONT [RDLF] REPORTS THAT URBAN COMMANDO UNITS STAGED "
           "SIMULTANEOUS ATTACKS ON THE BRIGADE HEADQUARTERS."), ("claimed", "RED DAWN LIBERATION FRONT"), None),
    (wire_copy("SAN SALVADOR, 27 MAY 89", "RADIO SUR, THE RED DAWN FRONT'S OFFICIAL RADIO STATION, SAID THE REBELS "
           "ATTACKED THE GUARDS WHO WATCH OVER THE TOWN."), ("claimed", "RED DAWN FRONT"), None),
], ids=["terrorist-attacks", "same-group", "acronym-members", "acronym-killers", "no-acronym", "progressive",
        "police-work", "stopping-attacker", "noun-attack", "claimed-that", "ordered-by", "source-far-back",
        "supported-by", "arrested-suspects", "regime", "placed-dynamite", "participle", "to-be-murdered",
        "if-condition", "under-attack", "terrorist-plan", "six-members", "only-killers", "any-units", "bracket-tag",
        "struggle-between", "implicated-in", "second-target", "defused-planted", "issued-condemning", "forty-members",
        "bomb-squad", "police-among-victims", "unnamed-claim", "quoted-name", "second-agent", "by-killing",
        "blamed-it-on", "attributed-to", "aircraft-strike", "aircraft-target", "our-forces", "arrests-made-by",
        "military-uniforms", "uniforms-of-the-army", "leaflets-read", "own-units-report", "own-radio-report"])
def test_groups_in_wire_copy(wire, found, not_actor):
    got = responsibility(wire)
    if found:
        kind, actor = found
        assert any(k == kind and actor in a for k, a in got), got
    if not_actor:
        assert not any(not_actor in a for _, a in got), got


@pytest.mark.parametrize("text", [
    wire_copy("SAN SALVADOR, 3 MAY 90", "RED DAWN FRONT COMMANDOS AMBUSHED A CAR ON THE HIGHWAY.  NO ONE HAS CLAIMED "
          "CREDIT FOR THE OTHER ATTACKS."),
    # a government's "our armed forces" do not make the rebels' attack their claim
    wire_copy("SAN SALVADOR, 2 AUG 89", "THE MINISTER SAID THAT THE RED DAWN LIBERATION FRONT ATTACKED THE TOWN AT DAWN.",
          "OUR ARMED FORCES REPELLED THE ATTACK AND KILLED TEN GUERRILLAS, HE ADDED."),
    "Neither the Red Dawn Front nor any other group has claimed responsibility for the bombing.",
    "THE MINISTER WAS SHOT DEAD.  NEITHER THE RED DAWN FRONT NOR ANY OTHER ORGANIZATION HAVE CLAIMED RESPONSIBILITY "
    "FOR THE MURDER OF THE MINISTER SO FAR.",
    "A BOMB EXPLODED AT THE BANK.  NO WARNING WAS RECEIVED NOR HAS ANY SUBVERSIVE MOVEMENT CLAIMED RESPONSIBILITY "
    "FOR THIS ATTACK SO FAR.",
])
def test_no_claim_where_nobody_claimed(text):
    got = responsibility(text)
    assert not any(k == "claimed" for k, _ in got), got
    assert not any(a.startswith("OUR") for _, a in got), got


@pytest.mark.parametrize("text,agent", [
    ("Police agents from the Boyaca command kidnapped by the Red Dawn Front were freed on Sunday.",
     "the Red Dawn Front"),
    (wire_copy("GRENADA, 28 AUG 89", "FOUR POLICE AGENTS FROM THE BOYACA COMMAND KIDNAPPED BY THE RED DAWN FRONT WERE "
           "RELEASED ON 27 AUGUST."), "RED DAWN FRONT"),
])
def test_the_victims_of_a_passive_verb_are_not_its_agent(text, agent):
    got = responsibility(text)
    assert ("carried_out", agent) in got, got
    assert not any("POLICE" in a.upper() or "COMMAND" in a.upper() for _, a in got), got


@pytest.mark.parametrize("phrase,name", [
    # a verb ends a name's "of the" tail; "self-styled" and an ordinal do not
    ("THE BLUE STAR COMMAND OF THE RED DAWN FRONT ATTACKED", "BLUE STAR COMMAND OF THE RED DAWN FRONT"),
    ("MEMBERS OF THE 8TH FRONT OF THE SELF-STYLED RED DAWN REVOLUTIONARY ARMED FORCES",
     "8TH FRONT OF THE SELF-STYLED RED DAWN REVOLUTIONARY ARMED FORCES"),
])
def test_group_names_in_wire_copy(phrase, name):
    assert group_phrase(phrase, set()) == name


@pytest.mark.parametrize("text,found,not_actor", [
    # a passive claim: the claimant, not the agent
    ("The kidnapping of the two engineers was claimed by the Red Dawn Front.", ("claimed", "the Red Dawn Front"),
     None),
    (wire_copy("LA PAZ, 26 MAY 89", "THE KIDNAPPING OF THE TWO ENGINEERS WAS CLAIMED BY A SELF-STYLED \"RED DAWN "
           "LIBERATION FRONT\" GROUP."), ("claimed", "RED DAWN LIBERATION FRONT"), None),
    # verbs of violence
    (wire_copy("MEDELLIN, 3 OCT 89", "THE RED DAWN FRONT GUNNED DOWN A JUDGE IN THE CITY CENTER LAST NIGHT."),
     ("carried_out", "RED DAWN FRONT"), None),
    (wire_copy("SAN SALVADOR, 13 NOV 89", "THREE DIPLOMATS ARE BEING HELD HOSTAGE BY MEMBERS OF THE RED DAWN FRONT IN THE "
           "EMBASSY."), ("carried_out", "RED DAWN FRONT"), None),
    # aircraft after "by": their force's act
    (wire_copy("CLANDESTINE, 2 APR 89", "RESIDENTS OF THREE CANTONS WERE ROCKETED AND MACHINEGUNNED BY RURITANIAN AIR "
           "FORCE HELICOPTERS."), ("carried_out", "RURITANIAN AIR FORCE"), None),
    # "by force" is no group
    (wire_copy("SAN JOSE, 13 SEP 89", "THE CONSUL SAID THE TRADE OFFICE WAS TAKEN OVER BY FORCE BY ARMED "
           "INDIVIDUALS WHO HELD TWELVE HOSTAGES."), None, "FORCE"),
], ids=["claimed-by", "claimed-by-self-styled", "gunned-down", "held-hostage", "by-aircraft", "by-force"])
def test_passive_claims_and_agents(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # "the work of X": a fact, a suspicion, a possibility, or denied
    ("The bombing of the bank was the work of the Red Dawn Front, police said.",
     ("carried_out", "the Red Dawn Front"), None),
    (wire_copy("BOGOTA, 8 FEB 90", "A SPOKESMAN FOR THE BRIGADE SAID THAT THE ATTACK WAS APPARENTLY THE WORK OF THE RED "
           "DAWN FRONT."), ("accused", "RED DAWN FRONT"), None),
    ("The minister said the attack could be the work of the Red Dawn Front.", ("suspected", "the Red Dawn Front"),
     None),
    ("The bishop said the massacre was not the work of the Red Dawn Front.", None, "Red Dawn"),
    # the accuser, even with its name in brackets, is not the accused
    (wire_copy("CLANDESTINE, 4 SEP 89", "THE RDLF [RED DAWN LIBERATION FRONT] HOLDS COLONEL PEREZ RESPONSIBLE FOR THE "
           "DEAD AND THE DAMAGE CAUSED BY THE AIR ATTACKS AND THE RAIDS CARRIED OUT BY THE BLUE STAR BATTALION."), None, "RDLF"),
    # "accusing X of", and a long list of those held responsible
    (wire_copy("SAN SALVADOR, 2 NOV 89", "LABOR UNIONS ARE ACCUSING THE RURITANIAN ARMY OF PERPETRATING THE DYNAMITE "
           "ATTACK AGAINST THE HEADQUARTERS OF THE FEDERATION."), ("accused", "RURITANIAN ARMY"), None),
    (wire_copy("CLANDESTINE, 5 NOV 89", "WE THEREFORE HOLD PRESIDENT PEREZ'S GOVERNMENT AND THE RURITANIAN ARMED "
           "FORCES HIGH COMMAND RESPONSIBLE FOR THIS NEW TERRORIST ATTACK."),
     ("accused", "RURITANIAN ARMED FORCES HIGH COMMAND"), None),
    # "TERRORIST ATTACKS" is a noun, not the verb of the forces named before it
    (wire_copy("BOGOTA, 25 AUG 89", "FROM TODAY THE POLICE AND ARMY WILL PATROL THE PORT AT NIGHT, BECAUSE TERRORIST "
           "ATTACKS, WHICH HAVE BEEN ATTRIBUTED TO SMUGGLERS, USUALLY COME AFTER DARK."),
     None, "POLICE"),
    # a speech verb is no part of a name
    (wire_copy("SAN SALVADOR, 19 MAR 89", "ANOTHER REPORT INDICATES RDLF FORCES ATTACKED THE AIR FORCE HEADQUARTERS AT "
           "2100 ON 18 MARCH."), ("carried_out", "RDLF FORCES"), "INDICATES"),
], ids=["work-of", "apparently-work-of", "could-be-work-of", "not-work-of", "accuser-bracket", "accusing-of",
        "hold-long-list", "terrorist-attacks-noun", "speech-verb-not-name"])
def test_work_of_accusers_and_nouns(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # an acronym the article writes as "THE RDLF" names a group, spelled out or not
    (wire_copy("SAN SALVADOR, 21 NOV 89", "IN AN EMPTY SPEECH GENERAL TORRES ACCUSED THE RDLF OF KILLING THE PRIESTS AND "
           "SAID THAT THE ARMY CONTROLS THE COUNTRY."), ("accused", "RDLF"), None),
    # ... not a word with vowels ("THE BOMB"), nor a title ("THE MSGR")
    (wire_copy("LIMA, 3 MAY 90", "THE BOMB KILLED TWO PEOPLE NEAR THE MARKET.  ANOTHER BOMB DESTROYED A CAR."), None,
     "BOMB"),
    (wire_copy("SAN SALVADOR, 3 MAY 90", "THE MSGR VIDAL FEDERATION SAID THAT UNIDENTIFIED MEN KILLED TWO MEMBERS OF THE "
           "FEDERATION."), None, "MSGR"),
    # those arrested for, charged with, or involved in the crime are accused of it, not police at work
    (wire_copy("SAN SALVADOR, 19 JAN 90", "TODAY A JUDGE ORDERED THE ARREST OF ONE COLONEL AND EIGHT OTHER MEMBERS OF THE "
           "RURITANIAN ARMY INVOLVED IN THE MASSACRE OF SIX PRIESTS."), ("accused", "RURITANIAN ARMY"), None),
    ("The judge ordered the arrest of two members of the Red Dawn Front implicated in the bombing.",
     ("accused", "two members of the Red Dawn Front"), None),
    # a number is no part of a name
    (wire_copy("SAN SALVADOR, 20 JAN 90", "THE ARREST OF EIGHT RURITANIAN ARMY MEMBERS LINKED WITH THE ASSASSINATION OF SIX "
           "PRIESTS HAS PROVOKED DISPUTES."), ("accused", "RURITANIAN ARMY"), "EIGHT"),
], ids=["the-acronym", "the-bomb", "the-msgr", "involved-in-wire", "implicated-in", "number-not-name"])
def test_acronyms_and_the_charged(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found", [
    # the group's marks at the scene, and a hedged agent: possibilities
    (wire_copy("SANTIAGO, 12 MAR 90", "THE ATTACKERS PAINTED THE WALLS AND LEFT PAMPHLETS WITH ULTRA-LEFTIST MESSAGES OF "
           "THE RED DAWN YOUTH FRONT."), ("suspected", "RED DAWN YOUTH FRONT")),
    (wire_copy("SANTIAGO, 2 JAN 90", "A FLAG FROM THE RED DAWN PATRIOTIC FRONT (RDPF) WAS FOUND AT THE SCENE OF THE "
           "EXPLOSION."), ("suspected", "RED DAWN PATRIOTIC FRONT")),
    (wire_copy("SAN JOSE, 2 OCT 89", "BEFORE THROWING SEVERAL PACKAGES OF DYNAMITE, THE ASSAILANTS PAINTED THE WALLS OF "
           "THE RESIDENCE WITH THE WORDS RED DAWN LIBERATION FRONT."), ("suspected", "RED DAWN LIBERATION FRONT")),
    ("Leaflets of the Red Dawn Front were found at the scene of the bombing.", ("suspected", "the Red Dawn Front")),
    ("The attack could have been carried out by the Red Dawn Front.", ("suspected", "the Red Dawn Front")),
], ids=["pamphlets", "flag", "the-words", "leaflets-mixed-case", "could-have-been"])
def test_marks_at_the_scene_and_hedges_are_possibilities(text, found):
    assert found in responsibility(text)


@pytest.mark.parametrize("text,found", [
    # those tried, arrested or sentenced for the crime are accused of it
    (wire_copy("MADRID, 8 JAN 90", "LUIS REYES BELIEVES THAT IF, AS IT HAS BEEN ANNOUNCED, OFFICIALS OF THE RURITANIAN "
           "ARMY ARE TO BE BROUGHT TO TRIAL FOR THE ASSASSINATION OF SIX PRIESTS, IT WILL BE THE FIRST TIME."),
     ("accused", "RURITANIAN ARMY")),
    ("Two members of the Red Dawn Front were arrested for the bombing of the bank.",
     ("accused", "Two members of the Red Dawn Front")),
    # "the police suspect X" (the verb and its object; the charge is not part of the name)
    ("Police suspect the Red Dawn Front, which has carried out similar bombings.", ("accused", "the Red Dawn Front")),
    ("Police suspected the Red Dawn Front of the bombing.", ("accused", "the Red Dawn Front")),
], ids=["brought-to-trial", "arrested-for", "police-suspect", "suspected-of"])
def test_the_tried_and_the_suspected_are_accused(text, found):
    assert found in responsibility(text)


@pytest.mark.parametrize("text", [
    "Police arrested two men for the bombing.",
    "Two suspected Red Dawn Front members were killed in a clash.",
    # the accuser, its accused named before it
    wire_copy("GUATEMALA CITY, 20 MAY 88", "THESE ARE THE CIVILIANS WHOM THE PEREZ GOVERNMENT HAS ACCUSED OF INVOLVEMENT IN "
          "THE BOMBING OF THE AIRPORT."),
])
def test_no_accusation_without_a_named_group_or_a_charge(text):
    assert not any(k == "accused" for k, _ in responsibility(text))


def test_a_group_telling_through_its_spokesman_of_its_own_act_claims_it():
    wire = wire_copy("BOGOTA, 15 DEC 89", "THE RURITANIAN NATIONAL POLICE, THROUGH GENERAL JUAN PEREZ, DEPUTY DIRECTOR OF THAT "
                 "INSTITUTION, INFORMED THE PRESS THIS AFTERNOON THAT THE RURITANIAN NATIONAL POLICE HAVE KILLED A DRUG "
                 "LORD.")
    got = responsibility(wire)
    assert ("claimed", "RURITANIAN NATIONAL POLICE") in got, got
    assert ("carried_out", "RURITANIAN NATIONAL POLICE") not in got, got


@pytest.mark.parametrize("text,found,not_found", [
    # blame for an assassination named far along a list of the blamed
    (wire_copy("CLANDESTINE, 14 JAN 90", "WE BLAME RDA [RED DAWN ALLIANCE], THE REGIME OF [PRESIDENT JUAN] PEREZ AND [RDA "
           "LEADER ROBERTO] GOMEZ, AND ITS ARMED FORCES FOR THIS DETESTABLE ASSASSINATION."),
     ("accused", "RED DAWN ALLIANCE"), None),
    # "solely responsible", "being charged with the death"
    (wire_copy("CLANDESTINE, 17 JUL 89", "PRESIDENT PEREZ'S GOVERNMENT AND THE RURITANIAN ARMED FORCES ARE SOLELY "
           "RESPONSIBLE FOR THE VIOLENT INCIDENTS THAT CLAIMED SEVERAL VICTIMS NEAR THE UNIVERSITY."),
     ("accused", "RURITANIAN ARMED FORCES"), ("claimed", "RURITANIAN ARMED FORCES")),
    ("Members of the Red Dawn Front are being charged with the death of two journalists.",
     ("accused", "Members of the Red Dawn Front"), None),
    # an act that "claimed the lives of" many is violence, not a claim
    (wire_copy("BOGOTA, 12 FEB 90", "THE RDF LATER CARRIED OUT THE BLOODY TAKEOVER OF A PROVINCIAL COURTHOUSE, AN "
           "ACTION THAT CLAIMED THE LIVES OF 40 PEOPLE.  THE RDF WAS DISBANDED IN 1990."), ("carried_out", "RDF"), ("claimed", "RDF")),
], ids=["blame-long-list", "solely-responsible", "being-charged", "claimed-the-lives"])
def test_long_accusations_and_lives_claimed(text, found, not_found):
    got = responsibility(text)
    assert found in got, got
    if not_found:
        assert not_found not in got, got


@pytest.mark.parametrize("text,not_actor,found", [
    # a group's candidate, experts or casualties are not the group acting
    (wire_copy("BOGOTA, 27 APR 90", "JUAN SOTO, THE RDF [RED DAWN FRONT] PRESIDENTIAL CANDIDATE, WHO REPLACED THE "
           "ASSASSINATED CARLOS VEGA, SPOKE TODAY."), "RDF", None),
    (wire_copy("MEDELLIN, 2 OCT 89", "LATE TONIGHT NATIONAL POLICE EXPLOSIVES EXPERTS FOUND A SECOND DEVICE NEAR THE "
           "MARKET WHERE A BOMB HAD GONE OFF."), "POLICE", None),
    (wire_copy("SAN SALVADOR, 5 DEC 89", "THE RURITANIAN ARMED FORCES CASUALTIES INCLUDE 150 RURITANIAN ARMY MEMBERS KILLED "
           "AND 300 WOUNDED."), "RURITANIAN", None),
    # ... but a counted group with an object is the agent
    (wire_copy("CHALATENANGO, 19 MAR 89", "SOME 300 RED DAWN GUERRILLAS ATTACKED THREE VILLAGES NEAR THE BORDER."), None,
     ("carried_out", "RED DAWN GUERRILLAS")),
    # a participle that ends the clause far from the group tells of victims
    (wire_copy("SAN SALVADOR, 3 DEC 89", "WE KNOW THAT THE RURITANIAN AIR FORCE WAS CAREFUL AND DID AN EXCELLENT JOB "
           "REPELLING THIS ATTACK WITH VERY FEW CIVILIANS WOUNDED."), "RURITANIAN", None),
    # an interview's speaker tag is no group
    (wire_copy("SAN SALVADOR, 20 NOV 89", "[INTERVIEW WITH GENERAL PEREZ] [REPORTER] WHAT HAPPENED IN THE NORTH LAST "
           "NIGHT, GENERAL? [PEREZ] THE RED DAWN FRONT [RDF] ATTACKED A BRIDGE AND KILLED TWO SOLDIERS WHO WERE "
           "GUARDING IT."), "REPORTER", ("carried_out", "RED DAWN FRONT")),
], ids=["candidate", "explosives-experts", "counted-casualties", "counted-agents", "participle-victims",
        "reporter-tag"])
def test_candidates_experts_and_counted_victims_are_not_agents(text, not_actor, found):
    assert_reads(text, found, not_actor)


def test_a_groups_radio_with_its_bracketed_acronym_claims_its_fighters_acts():
    wire = wire_copy("SAN SALVADOR, 10 MAY 89", "RADIO SUR, THE RED DAWN LIBERATION FRONT'S [RDLF] OFFICIAL RADIO STATION, "
                 "SAID THE REBELS ATTACKED THE GUARDS WHO WATCH OVER THE TOWN.")
    assert ("claimed", "RED DAWN LIBERATION FRONT") in responsibility(wire)


@pytest.mark.parametrize("text,found,not_actor", [
    # in wire copy a government or the military held responsible is named by its head noun alone
    (wire_copy("BOGOTA, 26 NOV 89", "HE HELD THE GOVERNMENT DIRECTLY RESPONSIBLE FOR WHATEVER HAPPENED TO HIM AFTER THE "
           "ATTACK ON HIS HOME."), ("accused", "GOVERNMENT"), None),
    (wire_copy("SAN SALVADOR, 2 NOV 89", "THE UNIONS BLAMED THE PEREZ GOVERNMENT FOR THE BOMBING OF THEIR HEADQUARTERS."),
     ("accused", "PEREZ GOVERNMENT"), None),
    # ... not when it only acts or speaks
    (wire_copy("SAN SALVADOR, 3 NOV 89", "THE GOVERNMENT CONDEMNED THE ATTACK ON THE UNION HEADQUARTERS, IN WHICH TEN "
           "PEOPLE WERE KILLED."), None, "GOVERNMENT"),
], ids=["held-responsible", "blamed", "condemned"])
def test_a_government_held_responsible_in_wire_copy(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found", [
    # someone's knowledge, belief or admission of what a group did is an accusation
    (wire_copy("SAN SALVADOR, 12 JAN 90", "DIAZ PRAISED THE DECISION OF PRESIDENT PEREZ TO ADMIT THAT MEMBERS OF THE "
           "RURITANIAN ARMED FORCES KILLED FOUR TEACHERS."),
     ("accused", "RURITANIAN ARMED FORCES")),
    (wire_copy("MANAGUA, 20 NOV 89", "I LATER HEARD THAT THE RURITANIAN ARMY HAD MURDERED THREE NURSES IN THE VILLAGE."), ("accused", "RURITANIAN ARMY")),
    ("Officials believe that the Red Dawn Front bombed the bank.", ("accused", "the Red Dawn Front")),
    ("The bishop said there was evidence that the massacre was committed by the Red Dawn Front.",
     ("accused", "the Red Dawn Front")),
    # a report is not a belief
    ("The Red Dawn Front bombed the bank, police said.", ("carried_out", "The Red Dawn Front")),
], ids=["admit-that", "heard-that", "believe-that", "evidence-that", "police-said"])
def test_a_belief_or_admission_that_a_group_acted_is_an_accusation(text, found):
    assert found in responsibility(text)


@pytest.mark.parametrize("text,not_actor,found", [
    # state forces in a clash fight combatants; no one is blamed for that ...
    (wire_copy("LIMA, 3 MAY 90", "THE RURITANIAN ARMY KILLED 12 RED DAWN MEMBERS IN A CLASH IN THE HILLS ON SATURDAY."),
     "RURITANIAN ARMY", None),
    # ... unless civilians were its victims
    (wire_copy("SAN SALVADOR, 30 MAR 89", "DURING THE CLASH, RURITANIAN AIR FORCE HELICOPTERS STRAFED A VILLAGE, WOUNDING SIX "
           "CHILDREN."), None, ("carried_out", "RURITANIAN AIR FORCE")),
    # the forces telling of the guerrillas' attacks do not claim them (villagers named, so no clash)
    (wire_copy("SAN SALVADOR, 12 FEB 90", "THE RURITANIAN ARMED FORCES SAID THAT THE GUERRILLAS USE VILLAGERS AS SHIELDS "
           "WHEN THEY ATTACK ITS POSTS."), "RURITANIAN", None),
], ids=["clash", "civilians-in-a-clash", "forces-tell-of-guerrillas"])
def test_state_forces_in_a_clash_and_telling_of_the_enemy(text, not_actor, found):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_found", [
    # an agent called alleged or suspected is someone's allegation, not a fact
    (wire_copy("GUATEMALA CITY, 2 SEP 89", "FOUR TEACHERS WHO WERE KIDNAPPED BY ALLEGED RED HAND DEATH SQUADS ON MONDAY HAVE "
           "NOT BEEN FOUND."), ("accused", "RED HAND DEATH SQUADS"), ("carried_out", "RED HAND DEATH SQUADS")),
    ("On Friday, suspected Red Dawn Front members staged a bomb attack on the mayor's home.",
     ("accused", "suspected Red Dawn Front members"), ("carried_out", "suspected Red Dawn Front members")),
    # ... also with a time between the verb and its agent
    ("Four teachers were kidnapped on Friday by suspected Red Dawn Front guerrillas.",
     ("accused", "suspected Red Dawn Front guerrillas"), None),
    # the fuller of two names of one group is kept: "9TH FRONT OF THE RDF", not "9TH FRONT"
    (wire_copy("BOGOTA, 3 NOV 89", "THE FARMERS DIED AT DAWN, SHOT BY ALLEGED MEMBERS OF THE 9TH FRONT OF THE RDF "
           "[RED DAWN FRONT], A WITNESS TOLD REPORTERS."), ("accused", "9TH FRONT OF THE RDF"),
     ("carried_out", "9TH FRONT")),
], ids=["alleged-wire", "suspected-mixed", "time-before-by", "fuller-name"])
def test_alleged_agents_are_accused(text, found, not_found):
    got = responsibility(text)
    assert found in got, got
    if not_found:
        assert not_found not in got, got


@pytest.mark.parametrize("text,found", [
    # the act's perpetrators named as a group's members; someone's belief or words make it an accusation
    (wire_copy("SAN SALVADOR, 4 DEC 89", "MANY IN THE TOWN BELIEVE THAT THE KILLERS OF THE TWO NURSES WERE MEMBERS OF THE "
           "RURITANIAN ARMY."), ("accused", "RURITANIAN ARMY")),
    (wire_copy("LIMA, 9 JUN 90", "THE KIDNAPPERS OF THE ENGINEER WERE MEMBERS OF THE RED DAWN FRONT, WHO TOOK HIM TO THE "
           "HILLS."), ("carried_out", "RED DAWN FRONT")),
    # a name with no head noun, introduced as a group's; "arrested in connection with" the attack
    (wire_copy("MEDELLIN, 10 MAR 89", "FOUR YOUTHS FROM A GANG CALLED THE HAWKS WERE ARRESTED ON SUNDAY IN CONNECTION WITH "
           "THE BOMBING OF THE COURTHOUSE."), ("accused", "HAWKS")),
    (wire_copy("CALLAO, 3 FEB 90", "IN THE OPINION OF THE HARBOR POLICE, \"NEW DAWN,\" A SMALL REBEL GROUP, PLANTED THE "
           "BOMB THAT WENT OFF AT THE DOCKS."), ("accused", "NEW DAWN")),
], ids=["belief-killers-were", "kidnappers-were", "gang-called", "quoted-name-in-opinion"])
def test_named_perpetrators_and_names_without_a_head(text, found):
    got = responsibility(text)
    assert found in got, got


@pytest.mark.parametrize("text,found,not_actor", [
    # the second of two possible agents, each a quoted name
    (wire_copy("LIMA, 8 JAN 90", "POLICE SOURCES SAID THE BOMBINGS COULD HAVE BEEN CARRIED OUT BY THE MAOIST \"RED DAWN\" "
           "GROUP OR THE GUEVARIST \"BLUE STAR REVOLUTIONARY MOVEMENT\" (BSRM) GROUP."),
     ("suspected", "GUEVARIST BLUE STAR REVOLUTIONARY MOVEMENT"), None),
    # ... not a list the agent's relative clause names
    (wire_copy("BOGOTA, 21 FEB 90", "THE TEACHER AND HIS SONS WERE MURDERED BY THE RDF [RED DAWN FRONT], WHICH CALLED "
           "THEM ARMY AND POLICE INFORMERS."), ("carried_out", "RDF"), "POLICE"),
], ids=["or-second-agent", "relative-clause-list"])
def test_agents_joined_by_and_or(text, found, not_actor):
    assert_reads(text, found, not_actor)


def test_a_groups_mouthpiece_telling_of_its_fighters_acts_claims_them():
    wire = wire_copy("GUATEMALA CITY, 9 FEB 90", "RADIO SUR, THE MOUTHPIECE OF THE RURITANIAN REVOLUTIONARY UNITY (RRU), "
                 "SAID TODAY THAT REBEL UNITS AMBUSHED AN ARMY CONVOY IN THE HILLS.")
    assert ("claimed", "RURITANIAN REVOLUTIONARY UNITY") in responsibility(wire)


@pytest.mark.parametrize("text,found,not_actor", [
    # the progressive of carrying out an attack
    (wire_copy("SAN SALVADOR, 20 APR 89", "SINCE EARLY MARCH, THE RDF [RED DAWN FRONT] HAS BEEN CARRYING OUT A HARSH "
           "OFFENSIVE AGAINST BANKS IN THE NORTH THAT HAS LEFT TWO GUARDS WOUNDED."), ("carried_out", "RDF"), None),
    # ... not a march or a police operation
    (wire_copy("LIMA, 2 NOV 89", "TWO PEOPLE DIED IN THE SHOOT-OUT, WHICH TOOK PLACE WHILE A YOUTH GROUP WAS CARRYING OUT "
           "A PEACEFUL MARCH."), None, "YOUTH GROUP"),
], ids=["carrying-out-an-offensive", "carrying-out-a-march"])
def test_the_progressive_of_an_attack(text, found, not_actor):
    assert_reads(text, found, not_actor)


def test_a_suspicion_in_the_next_sentence_is_about_something_else():
    wire = wire_copy("LIMA, 4 JUL 89", "THE RED DAWN FRONT ABDUCTED THE MAYOR OF THE TOWN AND HIS DRIVER ON MONDAY NIGHT "
                 "AS THEY LEFT A MEETING.  THE POLICE SAY THAT SUSPECTS IN SEVERAL THEFTS WERE SEEN IN A STOLEN CAR "
                 "NEAR THE MARKET ON SUNDAY.")
    got = responsibility(wire)
    assert ("carried_out", "RED DAWN FRONT") in got and ("accused", "RED DAWN FRONT") not in got, got


@pytest.mark.parametrize("text,found", [
    # a possibility someone raises is suspected, even beside an accusation
    (wire_copy("SAN SALVADOR, 1 DEC 89", "\"IT IS SO MONSTROUS THAT WE MUST INVESTIGATE THE POSSIBILITY THAT THE RED DAWN "
           "FRONT STAGED THIS MURDER TO DISCREDIT US,\" THE MAYOR SAID, AND HE ACCUSED NO ONE ELSE."),
     ("suspected", "RED DAWN FRONT")),
    ("Investigators are looking into the possibility that the Red Dawn Front bombed the depot.",
     ("suspected", "the Red Dawn Front")),
], ids=["wire", "mixed-case"])
def test_a_possibility_is_suspected(text, found):
    got = responsibility(text)
    assert found in got, got


@pytest.mark.parametrize("text,found,not_actor", [
    # not knowing whether a group acted makes it a possibility
    (wire_copy("SAN SALVADOR, 30 NOV 89", "HOWEVER, THE AMBASSADOR SAYS THAT HE DOES NOT KNOW IF THE RURITANIAN ARMY "
           "COMMITTED THE CRIME AGAINST THE NURSES."), ("suspected", "RURITANIAN ARMY"), None),
    ("The ambassador says he does not know whether the Ruritanian army killed the nurses.",
     ("suspected", "the Ruritanian army"), None),
    # a condition is no act
    ("If the Red Dawn Front had bombed the dam, thousands would have died, the minister said.", None, "Red Dawn"),
], ids=["wire-know-if", "mixed-know-whether", "if-condition"])
def test_unknown_whether_is_suspected_and_a_condition_no_act(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # an acronym in brackets after a long name is read where the name begins
    (wire_copy("PANAMA CITY, 3 JAN 90", "A POLICE SPOKESMAN SAID THAT TWELVE TEACHERS WERE ABDUCTED YESTERDAY BY MEMBERS "
           "OF THE RED DAWN NATIONAL LIBERATION FRONT [RDNLF] NEAR THE COAST."), ("carried_out", "RDNLF"), None),
    # ... so a target's acronym stays a target
    (wire_copy("QUITO, 6 DEC 89", "A GRENADE HIT THE HEADQUARTERS OF THE RURITANIAN BORDER POLICE (RBP) IN AN "
           "ATTACK COMMITTED AT NIGHT BY UNKNOWN MEN."), None, "RBP"),
    (wire_copy("QUITO, 6 DEC 89", "A GRENADE HIT THE BARRACKS OF THE RURITANIAN BORDER POLICE (RBP) IN AN ATTACK "
           "COMMITTED AT NIGHT BY UNKNOWN MEN."), None, "RURITANIAN"),
    # questioned or summoned by the police: police work, no perpetrator
    (wire_copy("GUATEMALA CITY, 12 JAN 89", "THE JUDGE SAID THAT THREE WITNESSES OF THE ALLEGED BOMB PLOT WERE SUMMONED BY "
           "THE POLICE ON FRIDAY."), None, "POLICE"),
], ids=["bracket-acronym-agent", "bracket-acronym-target", "barracks-of", "summoned-by-police"])
def test_bracketed_acronyms_and_police_work(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # a group's acts listed in clauses after one subject
    (wire_copy("CLANDESTINE, 2 MAR 90", "IN THE LAST FEW DAYS THE RURITANIAN ARMED FORCES HAVE MASSED TANKS NEAR THE "
           "BORDER; SHELLED FARMS IN THE NORTH; AND BOMBED THREE VILLAGES IN THE VALLEY."),
     ("carried_out", "RURITANIAN ARMED FORCES"), None),
    # ... but a new clause with its own subject is not the group's
    (wire_copy("CLANDESTINE, 2 MAR 90", "THE RURITANIAN ARMED FORCES HAVE HELD MANEUVERS NEAR THE BORDER; REBELS BOMBED "
           "THREE VILLAGES IN THE VALLEY ON MONDAY."), None, "RURITANIAN"),
], ids=["clauses-of-one-subject", "clause-with-its-own-subject"])
def test_a_list_of_acts_in_clauses(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # each of those held responsible together is accused, also in a sentence about a clash
    (wire_copy("SAN SALVADOR, 1 NOV 89", "THE REBELS WROTE THAT THE GOVERNMENT AND THE RURITANIAN ARMED FORCES ARE "
           "RESPONSIBLE FOR THE BOMBING OF THE TEACHERS UNION."), ("accused", "GOVERNMENT"), None),
    (wire_copy("SAN SALVADOR, 1 NOV 89", "THE REBELS WROTE THAT THE GOVERNMENT AND THE RURITANIAN ARMED FORCES ARE "
           "RESPONSIBLE FOR THE BOMBING OF THE TEACHERS UNION."), ("accused", "RURITANIAN ARMED FORCES"), None),
    # a meeting held under police control holds no one responsible
    (wire_copy("LIMA, 10 OCT 89", "THE SUMMIT OF GOVERNORS IS BEING HELD UNDER POLICE AND ARMY GUARD FOR FEAR OF "
           "TERRORIST ATTACKS."), None, "POLICE"),
], ids=["government-and", "armed-forces-and", "held-under-police-control"])
def test_those_held_responsible_together(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_actor", [
    # "executive" and "exploit" tell of no violence; "blew up" does
    (wire_copy("SAN SALVADOR, 14 JAN 90", "THE RDF [RED DAWN FRONT] EXECUTIVE BOARD MET ON SUNDAY AND CONDEMNED THE "
           "MURDER OF ITS TREASURER BY MASKED MEN."), None, "RDF"),
    (wire_copy("SAN SALVADOR, 14 MAR 89", "EARLY TODAY RED DAWN FRONT GUERRILLAS BLEW UP TWO BRIDGES ON THE COAST ROAD, "
           "THE POWER COMPANY SAID."), ("carried_out", "RED DAWN FRONT"), None),
    # an adjective and "organization" or "group" name no group
    (wire_copy("LIMA, 3 MAR 90", "THE MAOIST ORGANIZATION HAS DYNAMITED FOUR POWER PYLONS IN THE NORTH SINCE "
           "FRIDAY."), None, "MAOIST"),
], ids=["executive-committee", "blew-up", "maoist-organization"])
def test_violent_words_and_generic_organizations(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,not_actor", [
    # "the kidnapped" are people; "criminals and murderers" name the group, not its act
    (wire_copy("GUATEMALA CITY, 23 AUG 89", "THIS AFTERNOON MEMBERS OF THE RED DAWN PEACE MOVEMENT MARCHED TO DEMAND FROM "
           "THE GOVERNMENT THE RETURN OF THE KIDNAPPED TEACHERS AND STUDENTS."), "RED DAWN"),
    (wire_copy("SAN SALVADOR, 16 NOV 89", "SHOPKEEPERS NOW PAY THE RED DAWN FRONT MURDERERS, WHO PATROL THE MARKET WITH "
           "RIFLES."), "RED DAWN"),
    # a violent word after "and" is another's
    (wire_copy("BOGOTA, 20 OCT 89", "THE POLICE CAPTURED TODAY TWO RED DAWN FRONT MEMBERS AND ONE BOMB PLANTER IN THE "
           "SOUTH OF THE CITY."), "RED DAWN"),
    # an embassy is a place
    (wire_copy("LIMA, 12 DEC 89", "AT 2030 A CAR PARKED NEAR THE ENTRANCE OF THE GDR EMBASSY EXPLODED AFTER BEING "
           "PACKED WITH DYNAMITE.  THE GDR HAS NO TROOPS HERE."), "GDR"),
], ids=["the-kidnapped", "criminals-and-murderers", "and-one-bomb-planter", "embassy"])
def test_people_nouns_and_places_are_no_acts(text, not_actor):
    assert_reads(text, None, not_actor)


def test_the_accuser_named_after_its_accusations_is_no_agent():
    wire = wire_copy("SAN SALVADOR, 2 NOV 89", "THE PRESIDENT REJECTED \"THE MALICIOUS ACCUSATIONS MADE BY THE RED DAWN FRONT "
                 "THAT THE BOMBING HAD BEEN CARRIED OUT BY THE RURITANIAN ARMY.\"")
    got = responsibility(wire)
    assert not any("RED DAWN" in a for _, a in got), got


def test_a_group_suspending_its_attacks_commits_none():
    wire = wire_copy("SAN SALVADOR, 20 FEB 90", "THE JUDGE WAS SHOT ON FRIDAY.  ON MONDAY THE RED DAWN FRONT SUSPENDED ITS "
                 "ATTACKS ON CIVIL SERVANTS, ITS RADIO SAID.")
    assert not any("RED DAWN" in a for _, a in responsibility(wire))


@pytest.mark.parametrize("text,found,not_actor", [
    # an act foreseen, possible or not done is no act
    (wire_copy("BOGOTA, 30 AUG 89", "IN A LETTER TO THE PRESS THE RED DAWN CARTEL WARNED THAT IT WILL BLOW UP THE STATE "
           "BANK IF ITS LEADER IS EXTRADITED."), None, "RED DAWN"),
    (wire_copy("WASHINGTON, 2 MAY 90", "THE MINISTER SAID THE RED DAWN FRONT CAN CUT THE POWER LINES AND KILL FARMERS "
           "WHENEVER IT WANTS."), None, "RED DAWN"),
    # ... but the purpose of an act done is its act
    (wire_copy("SAN SALVADOR, 10 MAR 90", "RURITANIAN ARMY PATROLS CROSSED THE RIVER ON SUNDAY NIGHT TO CARRY OUT AMBUSHES "
           "ON FARMERS' TRUCKS NEAR THE BORDER."), ("carried_out", "RURITANIAN ARMY"), None),
    (wire_copy("SAN SALVADOR, 14 NOV 89", "POLICE SAY THE RED DAWN FRONT HAD PLANNED TO KIDNAP THE GOVERNOR DURING HIS "
           "VISIT TO THE PORT."), None, "RED DAWN"),
], ids=["will-blow-up", "can-destroy", "purpose", "planned-to"])
def test_acts_foreseen_or_possible_are_none(text, found, not_actor):
    assert_reads(text, found, not_actor)


def test_the_head_of_a_force_attacked_is_a_target():
    wire = wire_copy("BOGOTA, 6 JUN 89", "GUNMEN FIRED ON THE CAR OF THE HEAD OF THE RURITANIAN SECRET POLICE (RSP) AS "
                 "HE LEFT HIS HOME ON TUESDAY.")
    got = responsibility(wire)
    assert not any("RSP" in a or "SECRET POLICE" in a for _, a in got), got


@pytest.mark.parametrize("text,found", [
    # a member admitting to belonging to the group that acted: the group's own admission
    (wire_copy("SAN SALVADOR, 20 DEC 89", "THE DETAINED WOMAN SAID SHE WAS A MEMBER OF THE RED DAWN FRONT AND HAD CARRIED "
           "THE BOMB TO THE STATION."), ("claimed", "RED DAWN FRONT")),
    (wire_copy("TEGUCIGALPA, 30 MAR 89", "A YOUTH HELD SINCE FRIDAY ADMITTED BEING A MEMBER OF THE RED DAWN MOVEMENT AND "
           "BURNING TWO BUSES."), ("claimed", "RED DAWN MOVEMENT")),
], ids=["said-she-was-a-member", "admitted-being-a-member"])
def test_a_member_admitting_membership_claims_for_the_group(text, found):
    got = responsibility(text)
    assert found in got, got


@pytest.mark.parametrize("text,found,not_found", [
    # "as you may have heard", "as soon as possible" hedge nothing
    (wire_copy("SAN SALVADOR, 21 MAR 90", "AS YOU MAY HAVE HEARD, THE CITY WAS QUIET THIS MORNING.  RED DAWN FRONT "
           "GUERRILLAS ATTACKED TWO POLICE POSTS IN THE NORTH."),
     ("carried_out", "RED DAWN FRONT GUERRILLAS"), ("suspected", "RED DAWN FRONT GUERRILLAS")),
    (wire_copy("GUATEMALA CITY, 9 SEP 89", "THE UNION WILL ASK THE MINISTRY FOR TALKS AS SOON AS POSSIBLE.  THE TEACHERS "
           "SAID THE ABDUCTION OF THEIR LEADER ON THE ROAD TO THE AIRPORT LAST WEEK WAS CARRIED OUT BY THE "
           "RURITANIAN ARMY."), ("carried_out", "RURITANIAN ARMY"), ("suspected", "RURITANIAN ARMY")),
    # a belief stated well before the agent still governs it
    (wire_copy("GUATEMALA CITY, 9 SEP 89", "THE UNION HAS EVIDENCE THAT THE ABDUCTION OF ITS TREASURER AND TWO DRIVERS "
           "FROM A BUS STOP IN THE CENTRE OF THE CAPITAL ON A CROWDED TUESDAY EVENING LAST MAY, NEAR THE OLD MARKET, "
           "WAS CARRIED OUT BY THE RURITANIAN ARMY."), ("accused", "RURITANIAN ARMY"), None),
], ids=["may-have-heard", "as-soon-as-possible", "long-belief"])
def test_hedges_that_hedge_nothing_and_long_beliefs(text, found, not_found):
    got = responsibility(text)
    assert found in got, got
    if not_found:
        assert not_found not in got, got


@pytest.mark.parametrize("text,found", [
    # rings and factions are groups
    (wire_copy("BOGOTA, 26 SEP 89", "IN A NEW ACTION ATTRIBUTED TO THE ARMS SMUGGLING RINGS OPERATING IN THE PORT, A BOMB "
           "DESTROYED A SCHOOL TONIGHT."), ("accused", "ARMS SMUGGLING RINGS")),
    (wire_copy("SAN SALVADOR, 20 JUN 89", "THE JUDGE WAS KILLED IN A WAR AMONG RIGHTIST GROUPS; HIS MURDER HAS BEEN "
           "ATTRIBUTED TO THE JUAN PEREZ FACTION."), ("accused", "JUAN PEREZ FACTION")),
], ids=["rings", "faction"])
def test_rings_and_factions_are_groups(text, found):
    got = responsibility(text)
    assert found in got, got


def test_a_claim_that_a_group_killed_is_an_accusation():
    wire = wire_copy("MANAGUA, 17 JUN 89", "THE POLICE CHIEF CLAIMED ON TUESDAY THAT THE COURTHOUSE WAS BOMBED BY A RED DAWN "
                 "FRONT COMMANDO.")
    got = responsibility(wire)
    assert ("accused", "RED DAWN FRONT COMMANDO") in got and not any(k == "carried_out" for k, _ in got), got


def test_a_title_in_capitals_ends_no_sentence():
    wire = wire_copy("QUITO, 3 MAR 90", "MEN IN UNIFORMS OF THE RURITANIAN MILITARY STOPPED THE BUS AND, AFTER THEY "
                 "SAW THAT MR. PEREZ WAS ON IT, SHOT HIM DEAD.")
    assert ("suspected", "RURITANIAN MILITARY") in responsibility(wire)


def test_a_perfect_tense_verb_far_from_the_group_is_its_act():
    wire = wire_copy("CLANDESTINE, 13 SEP 89", "THE RURITANIAN AIR FORCE, WHICH HAS SENT JETS AND GUNSHIPS TO THE VALLEY SINCE "
                 "MAY, HAS REPEATEDLY BOMBED AND STRAFED THE VILLAGES THERE.")
    assert ("carried_out", "RURITANIAN AIR FORCE") in responsibility(wire)


@pytest.mark.parametrize("text,found,not_found", [
    # a claim not yet made is none
    ("The Red Dawn Front has not yet claimed responsibility for the attack.", None, ("claimed", "The Red Dawn Front")),
    # claims and admissions of something else
    (wire_copy("SAN SALVADOR, 20 OCT 89", "THE RED DAWN FRONT ADMITTED TO BEING SHORT OF WEAPONS AFTER THE ATTACKS OF LAST "
           "WEEK."), None, ("claimed", "RED DAWN FRONT")),
    (wire_copy("SAN SALVADOR, 20 JAN 90", "THE RURITANIAN ARMY WAS CAUGHT UNPREPARED BY THE ATTACKS, AS ITS OFFICERS "
           "ADMITTED ON TUESDAY."), None, ("claimed", "RURITANIAN ARMY")),
    (wire_copy("SAN SALVADOR, 2 NOV 89", "THE RURITANIAN ARMED FORCES CLAIMED IN A STATEMENT THAT THE BOMBING OF THE BRIDGE "
           "HAD CAUSED NO DEATHS."), None, ("claimed", "RURITANIAN ARMED FORCES")),
    # the claim belongs to the group named next to it
    (wire_copy("BOGOTA, 16 JAN 90", "IN A LETTER SENT TO THE HARBOR POLICE AND TO TWO NEWSPAPERS, THE RED DAWN CARTEL "
           "CLAIMED RESPONSIBILITY FOR THE BOMBING."), ("claimed", "RED DAWN CARTEL"),
     ("claimed", "HARBOR POLICE")),
    # ... the name spelled out in brackets or quotes is the same group
    (wire_copy("BOGOTA, 9 JUL 89", "RDF [RED DAWN FRONT] GUERRILLAS, WHICH HAVE CLAIMED RESPONSIBILITY FOR TWO "
           "BOMBINGS THIS MONTH, RELEASED A HOSTAGE ON SUNDAY."), ("claimed", "RDF"), None),
], ids=["not-yet-claimed", "admitted-to-being", "as-sources-admitted", "claimed-in-a-report-that",
        "claim-of-the-next-group", "claim-through-a-bracket"])
def test_claims_of_the_act_only(text, found, not_found):
    got = responsibility(text)
    if found:
        assert found in got, got
    if not_found:
        assert not_found not in got, got


@pytest.mark.parametrize("text,found", [
    ("Officials said Ruritania was behind the attack on the pipeline.", ("accused", "Ruritania")),
    ("Death squads are most certainly to blame for the murder of the two priests.", ("accused", "Death squads")),
    (wire_copy("CLANDESTINE, 30 NOV 89", "WE BLAME THE RULING PARTY, ITS LEADERS AND THE RURITANIAN ARMED FORCES FOR THIS "
           "COWARDLY ASSASSINATION OF OUR COMRADE."), ("accused", "RURITANIAN ARMED FORCES")),
], ids=["was-behind", "most-certainly-to-blame", "blamed-in-a-list"])
def test_behind_to_blame_and_a_list_of_the_blamed(text, found):
    got = responsibility(text)
    assert found in got, got


@pytest.mark.parametrize("text,not_actor", [
    # a group's leader or official is a person of the group, here the victim
    (wire_copy("GUATEMALA CITY, 3 AUG 89", "PEREZ'S DEATH MAKES HIM ONE MORE RDP [RED DAWN PARTY] LEADER MURDERED THIS "
           "MONTH IN THE CAPITAL."), "RDP"),
    # a murder that was going to be carried out by X is a plan
    (wire_copy("GUATEMALA CITY, 12 JAN 89", "THE COLUMNIST WROTE THAT THE MURDER WAS GOING TO BE CARRIED OUT BY A RED DAWN "
           "COMMANDO UNIT TRAINED ABROAD."), "RED DAWN"),
], ids=["party-leader-murdered", "going-to-be-carried-out"])
def test_a_groups_leader_and_a_planned_act_name_no_agent(text, not_actor):
    assert_reads(text, None, not_actor)


@pytest.mark.parametrize("text,found,not_found", [
    (wire_copy("LIMA, 9 MAY 89", 'THERE WAS NO CONFIRMATION ON WHETHER THE ATTACK WAS PERPETRATED BY MAOIST "RED DAWN" '
           "GUERRILLAS, WHO HAVE KILLED SEVERAL DIPLOMATS IN THE PAST."),
     ("suspected", "MAOIST RED DAWN GUERRILLAS"), ("carried_out", "MAOIST RED DAWN GUERRILLAS")),
    ("The president did not rule out rogue units of the Ruritanian army as having been responsible for the massacre.",
     ("suspected", "rogue units of the Ruritanian army"), None),
    ("Police have not ruled out that the Red Dawn Front carried out the bombing.",
     ("suspected", "the Red Dawn Front"), ("carried_out", "the Red Dawn Front")),
    (wire_copy("BOGOTA, 2 JUN 89", "THE POLICE HAVE NOT RULED OUT THAT THE RED DAWN FRONT CARRIED OUT THE BOMBING OF THE "
           "BANK."), ("suspected", "RED DAWN FRONT"), ("carried_out", "POLICE")),
], ids=["no-confirmation-whether", "did-not-rule-out-as-responsible", "not-ruled-out-that", "not-ruled-out-wire"])
def test_what_is_not_confirmed_or_not_ruled_out_is_suspected(text, found, not_found):
    got = responsibility(text)
    assert found in got, got
    if not_found:
        assert not_found not in got, got


@pytest.mark.parametrize("text,found", [
    ("The Red Dawn Front has been responsible for several bombings this year.", ("accused", "Red Dawn Front")),
    # a relative clause of the group's own act, the group after a preposition
    ("Reporters face threats from the Red Dawn Front, which even partially destroyed the offices of a paper.",
     ("carried_out", "the Red Dawn Front")),
    (wire_copy("BOGOTA, 2 JUN 89", "REPORTERS FACE THREATS FROM THE RED DAWN FRONT, WHICH EVEN PARTIALLY DESTROYED THE "
           "OFFICES OF A PAPER."), ("carried_out", "RED DAWN FRONT")),
    ("The drug cartel, which bombed a newspaper last month, threatened the judges.",
     ("carried_out", "The drug cartel")),
    # a trafficking organization is a group, "the same" one the group named before
    (wire_copy("MEDELLIN, 4 SEP 89", "MEMBERS OF THE SAME DRUG-TRAFFICKING ORGANIZATION DETONATED TWO BOMBS IN BANKS, "
           "POLICE SPOKESMEN REPORTED."), ("carried_out", "DRUG-TRAFFICKING ORGANIZATION")),
], ids=["has-been-responsible", "which-destroyed", "which-destroyed-wire", "cartel-which-bombed",
        "same-trafficking-organization"])
def test_perfect_tense_relative_clauses_and_trafficking_groups(text, found):
    got = responsibility(text)
    assert found in got, got


@pytest.mark.parametrize("text,found,not_actor", [
    ("A group of people, including members of the Ruritanian army, were arrested in the last few hours because of "
     "their suspected involvement in the assassination of six priests.", ("accused", "Ruritanian army"), None),
    (wire_copy("SAN SALVADOR, 7 JAN 90", "TWO MEN, MEMBERS OF THE RED DAWN FRONT, WERE DETAINED YESTERDAY OVER THEIR "
           "ALLEGED ROLE IN THE BOMBING OF THE BANK."), ("accused", "RED DAWN FRONT"), None),
    # the active: the police arrest, they are not held responsible
    ("Police arrested two members of the Red Dawn Front because of their involvement in the bombing.", None,
     "Police"),
], ids=["including-members-arrested", "detained-over-role", "police-arrested"])
def test_those_arrested_for_their_role_in_a_crime_are_accused(text, found, not_actor):
    assert_reads(text, found, not_actor)


@pytest.mark.parametrize("text,found,not_found", [
    ("The president announced that members of the Ruritanian armed forces participated in the crime.",
     ("carried_out", "members of the Ruritanian armed forces"), None),
    (wire_copy("SAN SALVADOR, 9 JAN 90", 'THE PRESIDENT ANNOUNCED ON SUNDAY THAT "MEMBERS OF THE RURITANIAN ARMED FORCES" '
           "PARTICIPATED IN THE CRIME."), ("carried_out", "RURITANIAN ARMED FORCES"), None),
    ("Members of the Red Dawn Front took part in the massacre of the villagers.",
     ("carried_out", "Members of the Red Dawn Front"), None),
    # a part in talks is no act
    (wire_copy("BOGOTA, 2 JUN 89", "MEMBERS OF THE RED DAWN FRONT PARTICIPATED IN THE TALKS HELD IN THE CAPITAL "
           "YESTERDAY WITH GOVERNMENT DELEGATES."), None,
     ("carried_out", "RED DAWN FRONT")),
], ids=["participated-in-the-crime", "participated-wire", "took-part-in-massacre", "participated-in-talks"])
def test_a_part_in_a_crime_is_an_act(text, found, not_found):
    got = responsibility(text)
    if found:
        assert found in got, got
    if not_found:
        assert not_found not in got, got


def test_the_crime_as_a_subject_is_a_noun():
    got = responsibility(wire_copy("SAN SALVADOR, 9 JAN 90", "ACCORDING TO TESTIMONY THE COMMISSION GATHERED FROM 115 "
                               "MEMBERS OF THE RURITANIAN ARMY AND 103 CIVILIANS, THE MURDER TOOK PLACE BETWEEN 0200 "
                               "AND 0300."))
    assert not any("ARMY" in a for _, a in got), got


@pytest.mark.parametrize("text,not_actor", [
    (wire_copy("PANAMA CITY, 22 NOV 89", "A MAN WAS TRAILED FOR WEEKS BY U.S. AND RURITANIAN SECRET SERVICE AGENTS IN "
           "PANAMA UNTIL HE PLACED A BOMB IN A MOVIE THEATER AT A MILITARY BASE."), "SECRET SERVICE"),
    (wire_copy("SAN SALVADOR, 19 MAR 89", "A SERIES OF EXPLOSIONS PRECEDED A TOTAL BLACKOUT IN THE CAPITAL, WHICH HAS "
           "BEEN PRACTICALLY MILITARIZED BY THE RURITANIAN ARMY."), "ARMY"),
], ids=["after-he-placed", "militarized-by"])
def test_a_persons_act_and_a_place_held_name_no_agent(text, not_actor):
    assert_reads(text, None, not_actor)


def test_the_act_referred_to_is_not_the_speakers():
    got = responsibility(wire_copy("CLANDESTINE, 17 NOV 89", "COMRADE PEREZ [MEMBER OF THE GENERAL COMMAND OF THE RED DAWN "
                               "FRONT (RDF)] REFERRED TO THE BOMBINGS AND THE KILLING OF THE PRIESTS IN THE CAPITAL."))
    assert not any(k == "carried_out" for k, _ in got), got


@pytest.mark.parametrize("text", [
    "Was the bank bombed by the Red Dawn Front?",
    wire_copy("CLANDESTINE, NO DATE", "[REPORTER] COMMANDER, WHAT CAN THE POPULAR MOVEMENT AND THE UNIONS DO IN THE FACE OF "
          "A GOVERNMENT THAT HAS KILLED SO MANY WORKERS?"),
], ids=["was-it-bombed-by", "what-can-the-movement-do"])
def test_a_question_asserts_no_act(text):
    got = responsibility(text)
    assert not any(k == "carried_out" for k, _ in got), got


def test_a_forces_commander_is_a_person_here_the_victim():
    got = responsibility(wire_copy("MEDELLIN, 3 SEP 89", "A JUDGE IDENTIFIED THE BODY OF THE RURITANIAN POLICE COMMANDER "
                               "MURDERED THIS MORNING ON THE CITY'S WEST SIDE."))
    assert not any("POLICE" in a for _, a in got), got


@pytest.mark.parametrize("text", [
    wire_copy("CLANDESTINE, 2 JAN 90", "THE RED DAWN FRONT HAS NEVER HAD A POLICY TO ATTACK OR HARM THE CIVILIAN "
          "POPULATION. OUR GESTURES ARE A CLEAR CONTRIBUTION TO PEACE."),
    wire_copy("CLANDESTINE, 2 JAN 90", "THE RED DAWN FRONT IS NOT ATTACKING CIVILIANS IN THE TOWNS OF THE NORTH, ITS "
          "COMMANDERS SAID IN A STATEMENT BROADCAST YESTERDAY FROM THE MOUNTAINS."),
], ids=["never-had-a-policy-to-attack", "is-not-attacking"])
def test_a_group_that_never_acted_is_no_agent(text):
    got = responsibility(text)
    assert not any(k == "carried_out" for k, _ in got), got


def test_the_group_that_accuses_is_not_accused():
    got = responsibility(wire_copy("BOGOTA, 20 FEB 90", "THREE PEASANTS WERE KILLED IN THE SOUTH AFTER BEING ACCUSED BY "
                               "THE RED DAWN FRONT OF BEING ARMY INFORMANTS."))
    assert ("accused", "RED DAWN FRONT") not in got, got


def test_a_hedge_of_the_next_clause_is_not_this_ones():
    got = responsibility(wire_copy("SAN SALVADOR, 12 NOV 89", "URBAN CELLS OF THE RED DAWN FRONT ATTACKED AT LEAST 10 "
                               "MILITARY POSITIONS IN THE CAPITAL ON SATURDAY NIGHT, AND THE ATTACKS ARE APPARENTLY "
                               "CONTINUING THIS MORNING."))
    assert ("carried_out", "RED DAWN FRONT") in got and ("accused", "RED DAWN FRONT") not in got, got


def test_the_group_that_demands_is_no_agent():
    got = responsibility(wire_copy("SAN SALVADOR, 4 SEP 89", "THE CONDITIONS DEMANDED BY THE RED DAWN FRONT INCLUDE REFORMS "
                               "TO THE JUDICIAL SYSTEM AND AN END TO ALL MANNER OF REPRESSION AND KILLINGS."))
    assert ("carried_out", "RED DAWN FRONT") not in got, got


@pytest.mark.parametrize("text,found,not_actor", [
    (wire_copy("CHALATENANGO, 19 MAR 89", "A COLONEL TOLD REPORTERS THAT OVER 500 GUERRILLA FIGHTERS ATTACKED TWO TOWNS "
           "IN THE NORTH HOURS BEFORE THE ELECTIONS."), None, "GUERRILLA FIGHTERS"),
    (wire_copy("SAN SALVADOR, 1 NOV 89", "MILITARY SPOKESMEN SAID THAT THE REBEL FORCES ATTACKED THE PRESIDENTIAL "
           "RESIDENCE AND TWO HOTELS IN THE CAPITAL LAST NIGHT."), None, "REBEL FORCES"),
    # a name before the fighters still names the group
    (wire_copy("SAN SALVADOR, 1 NOV 89", "MILITARY SPOKESMEN SAID THAT RED DAWN FIGHTERS ATTACKED THE PRESIDENTIAL "
           "RESIDENCE AND TWO HOTELS IN THE CAPITAL LAST NIGHT."), ("carried_out", "RED DAWN FIGHTERS"), None),
], ids=["guerrilla-fighters", "rebel-forces", "red-dawn-fighters"])
def test_guerrilla_forces_and_fighters_name_no_group(text, found, not_actor):
    assert_reads(text, found, not_actor)


def test_unnamed_death_squads_are_generic_in_wire_copy():
    got = responsibility(wire_copy("GUATEMALA CITY, 2 SEP 89", "THE BODIES OF FOUR STUDENTS WHO HAD BEEN KIDNAPPED OVER THE "
                               "PAST 2 WEEKS BY DEATH SQUADS WERE FOUND TODAY NEAR THE CAMPUS."))
    assert not any("DEATH SQUAD" in a for _, a in got), got


@pytest.mark.parametrize("text,not_actor", [
    (wire_copy("MEDELLIN, 20 AUG 89", "THE JUDGE WAS INVESTIGATING THE MASSACRE OF 43 PERSONS IN THE TOWN BY A PARAMILITARY "
           "GROUP AND THE MURDER OF A POLICE COLONEL."), "GROUP"),
    (wire_copy("LA PAZ, 26 MAY 89", "LESS THAN 40 HOURS AFTER THE MURDER OF THE TWO MISSIONARIES BY AN IRREGULAR ARMED GROUP "
           "THE POLICE DECLARED AN EMERGENCY."), "GROUP"),
    (wire_copy("BOGOTA, 3 JAN 90", "THE CANDIDATE CONDEMNED THE CHAIN OF ATTACKS PERPETRATED BY DRUG TERRORISTS IN THE "
           "COUNTRY OVER THE PAST FEW MONTHS."), "DRUG"),
    (wire_copy("TEGUCIGALPA, 9 JUN 89", "THE VILLAGERS WERE MURDERED BY GOVERNMENT FORCES, THE REFUGEES TOLD REPORTERS IN THE "
           "CAMP YESTERDAY."), "FORCES"),
    # a paramilitary group accused is not "the military"
    (wire_copy("BOGOTA, 12 JAN 89", "ACCORDING TO THE SECURITY DEPARTMENT, A RIGHTIST PARAMILITARY GROUP IS RESPONSIBLE FOR "
           "THE MASSACRE OF 12 PERSONS LAST WEDNESDAY."), "MILITARY"),
], ids=["paramilitary-group", "irregular-armed-group", "drug-terrorists", "government-forces", "paramilitary-accused"])
def test_a_kind_of_group_is_no_name_in_wire_copy(text, not_actor):
    assert_reads(text, None, not_actor)


@pytest.mark.parametrize("text", [
    "During the protest the Ruritanian police shot in the air to disperse the crowd.",
    wire_copy("LIMA, 30 NOV 89", "DURING THE INCIDENTS, TIRES WERE BURNED AND THE RURITANIAN POLICE SHOT INTO THE AIR TO "
          "DISPERSE THE STRIKERS IN THE CENTER OF THE CITY."),
], ids=["mixed", "wire"])
def test_shots_in_the_air_attack_no_one(text):
    got = responsibility(text)
    assert not any("police" in a.lower() for _, a in got), got


@pytest.mark.parametrize("text,found,not_found", [
    (wire_copy("SAN SALVADOR, 1 NOV 89", "THE PRESIDENT REJECTED THE IRRESPONSIBLE ACCUSATIONS MADE BY THE RED DAWN FRONT "
           "THAT THE ATTACK HAD BEEN CARRIED OUT BY THE RURITANIAN ARMED FORCES."),
     ("accused", "RURITANIAN ARMED FORCES"), ("carried_out", "RURITANIAN ARMED FORCES")),
    ("The president rejected the allegations that the massacre was carried out by the Ruritanian army.",
     ("accused", "the Ruritanian army"), ("carried_out", "the Ruritanian army")),
], ids=["accusations-that-wire", "allegations-that-mixed"])
def test_an_accusation_that_a_group_acted_accuses_it(text, found, not_found):
    got = responsibility(text)
    assert found in got and not_found not in got, got
