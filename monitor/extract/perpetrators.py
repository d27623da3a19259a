"""Perpetrator groups named anywhere in an article, and how the text holds them responsible.

The sentence patterns of ``responsibility`` need the group next to its verb. Wire copy on
political violence (much of it upper case, so capitals cannot mark names) often names the
group away from the verb: "A COLUMN OF SHINING PATH TERRORISTS ARRIVED IN THE VILLAGE ... AND
SHOT 16 PEASANTS". Here a group is a phrase ending in a group noun (front, army, movement,
forces, cartel ...) or an acronym the article brackets before or after one; a mention counts
when its sentence tells of violence and the group is its agent: before a violent verb in the
active voice (not when the group only reports it, "POLICE REPORTED THAT ..."), right before a
violent noun ("THE FMLN ATTACK"), or after "by" ("BY A GROUP OF TERRORISTS FROM THE X"); not
when it is the target or the place ("AT THE OFFICES OF X"), the victim ("X REBELS WERE
KILLED") or who stopped or reported the attack ("REPELLED BY X"). The kind comes from the cues
of the sentence and its neighbours: a claim (or the group's own report of its action), an
accusation or allegation, a hedge, else fact. ``extraction`` runs this pass on all-caps text
only: in mixed case the sentence patterns find the agent, and a verb 140 characters on ("KH has
links with Iran's Quds Force and ... used to attack") is too far to trust.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.incidents import Sentence
from monitor.extract.lexicon import NAME_BREAKERS, VIOLENT_STEMS, WIRE_SPEECH
from monitor.extract.responsibility import (
    BELIEF_THAT,
    CONDITION,
    CRIME,
    INTO_THE_AIR,
    POSSIBILITY_THAT,
    QUESTION,
    WHETHER,
)
from monitor.models import Attribution, Source

_HEADS = (r"FRONT|ARMY|MOVEMENT|FORCES?|ALLIANCE|COMMAND|CARTEL|PATH|EXTRADITABLES|SQUADS?|COMMANDOS?|"
          r"BRIGADES?|BATTALION|POLICE|GUARD|ORGANI[SZ]ATION|PARTY|GUERRILLAS?|TERRORISTS?|REBELS?|"
          r"SUBVERSIVES?|MILITIA|GROUP|NARCOTERRORISTS?|DEATH SQUADS?|MAFIAS?|JUNTA|FIGHTERS|MILITANTS|"
          r"(?:INTELLIGENCE|SECURITY|SECRET) SERVICES?|REGIME|REVOLUTIONARY UNITY|RINGS?|FACTIONS?")
# (and "THE SAME GROUP", "THE AFOREMENTIONED GROUP": a group named before, not a name)
_GENERIC = re.compile(r"^(?:(?:THE|A|AN|ANOTHER|NEW|OTHER|MANY|URBAN|ARMED|SEVERAL|SOME|HEAVILY|UNIDENTIFIED|"
                      r"SAME|ANY|AFOREMENTIONED|SAID|UNKNOWN|ALLEGED|PRESUMED|SUSPECTED|LEFTIST|RIGHTIST|"
                      r"TERRORIST|GUERRILLA|REBEL|\d+|TWO|THREE|FOUR|FIVE|TEN|"
                      # a kind of group, no name: "A PARAMILITARY GROUP", "AN IRREGULAR ARMED GROUP", "DRUG TERRORISTS"
                      r"PARAMILITARY|IRREGULAR|FOREIGN|CIVILIAN|COMMANDO|DRUG|GOVERNMENT|SECURITY|REPRESSIVE|"
                      r"OCCUPATION|ENEMY)\s+)*"
                      r"(?:GUERRILLAS?|TERRORISTS?|REBELS?|SUBVERSIVES?|GROUP|COMMANDOS?|NARCOTERRORISTS?|"
                      r"MILITIA|ORGANI[SZ]ATION|PARTY|UNITS?|FRONT|MOVEMENT|ALLIANCE|COMMAND|CARTEL|BRIGADES?|"
                      r"BATTALION|DEATH SQUADS?|(?:(?<=GUERRILLA )|(?<=TERRORIST )|(?<=REBEL ))(?:FORCES|FIGHTERS|"
                      r"COLUMNS?)|(?:(?<=GOVERNMENT )|(?<=SECURITY )|(?<=REPRESSIVE )|(?<=OCCUPATION )|(?<=FOREIGN )|"
                      r"(?<=ENEMY ))(?:FORCES|ARMY|TROOPS))$")
# "SALVADORAN GUERRILLAS", "RECENT TERRORIST (MURDERS)": adjectives and a people noun name no group
# ("RED DAWN TERRORISTS" does)
_PEOPLE_ONLY = re.compile(r"^(?:(?:(?![\w'’]+-TRAFFICKING\b)[\w'’-]+(?:AN|ESE|ISH|IST|IC|AL|IVE|ENT|ED|ING|OUS)|"
                          r"NEW|OLD|SAME|STRONG|FEW|DEAD|OTHER|SEVERAL|SOME|MANY|URBAN|\d+)\s+){0,3}(?:GUERRILLAS?|TERRORISTS?|REBELS?|"
                          r"SUBVERSIVES?|NARCOTERRORISTS?|NARCO-TERRORISTS?|EXTREMISTS?|INSURGENTS?|FIGHTERS|MILITANTS|"
                          r"ORGANI[SZ]ATIONS?|GROUPS?)$")
_THING_AFTER = re.compile(r"[\])]?\s+(?:(?:ANTI-)?(?:EXPLOSIVES?|BOMB|PRESS|INTELLIGENCE|TECHNICAL|FORENSIC|PRESIDENTIAL|"
                          r"MAYORAL|SENATORIAL|CONGRESSIONAL)\s+)?"
                          r"(?:CANDIDATES?|POSTS?|HEADQUARTERS|STATIONS?|BASES?|BARRACKS|HOSPITALS?|VEHICLES?|TRUCKS?|"
                          r"HELICOPTERS?|PLANES?|CARS?|BUILDINGS?|OFFICES?|FACILITIES|INSTALLATIONS?|SPOKESM[AE]N|"
                          r"SOURCES?|REPORTS?(?!\s+THAT\b)|COMMUNIQUES?|BULLETINS?|CHIEFS?|DIRECTORS?|ACADEMY|SCHOOLS?|"
                          r"CAPTAIN|COLONEL|GENERAL|MAJOR|LIEUTENANT|SERGEANT|PRESS|BOMB[- ]SQUADS?|EXPERTS|INVESTIGATORS|"
                          r"DETECTIVES|AUTHORITIES|CASUALTIES|LOSSES|EMBASSY|EMBASSIES|CONSULATE|MISSION|COMMITTEE|"
                          r"LEADERSHIP|LEADERS?|OFFICIALS?|DEPUT(?:Y|IES)|MAYORS?|COUNCILM[AE]N|COMMANDERS?)\b", re.IGNORECASE)
# ... but "AN AIR FORCE HELICOPTER STRAFED THE CAMP" is the air force's act
_AIRCRAFT_STRIKE = re.compile(r"\s+(?:HELICOPTERS?|PLANES?|AIRCRAFT|GUNSHIPS?|BOMBERS?)\s+(?:HAVE\s+|HAS\s+)?"
                              r"(?:STRAFED|BOMBED|ATTACKED|ROCKETED|MACHINEGUNNED|SHELLED|FIRED)\b", re.IGNORECASE)
# ... and "MACHINEGUNNED BY AIR FORCE HELICOPTERS"
_AIRCRAFT = re.compile(r"\s+(?:HELICOPTERS?|PLANES?|AIRCRAFT|GUNSHIPS?|BOMBERS?)\b", re.IGNORECASE)
_ADJECTIVE_HEADS = {"TERRORIST", "GUERRILLA", "REBEL", "SUBVERSIVE"}
_ACT_AFTER = re.compile(r"\s+(?:ATTACKS?|ACTIONS?|ACTS?|OFFENSIVES?|CAMPAIGNS?|ACTIVIT(?:Y|IES)|WAVES?|VIOLENCE|"
                        r"INCURSIONS?|BOMBINGS?|OPERATIONS?|AMBUSH(?:ES)?|THREATS?|PLANS?|PLOTS?|TACTICS?|METHODS?)\b",
                        re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d+(?:ST|ND|RD|TH)\b")  # (and "8TH FRONT")
_BRACKET = re.compile(r"[\[(](?P<acr>[A-Z][A-Z-]{1,9})[\])]")
# a part in a crime, in a sentence with no violent word: "MEMBERS OF THE X PARTICIPATED IN THE CRIME"
_TOOK_PART = re.compile(r"\b(?:PARTICIPATED|TOOK\s+PART)\s+IN\b", re.IGNORECASE)
# (not "THE ARMED FORCES HAVE CLAIMED THAT X WAS KILLED BY ...": a claim about someone else)
# (nor "THE INCIDENTS THAT CLAIMED SEVERAL VICTIMS": lives, not responsibility)
# (nor "CLAIMED IN A REPORT THAT THEY INFLICTED", "A GROUP THAT CLAIMS TO BE LINKED TO X", "X HAS ADMITTED TO BEING
# UNABLE TO", "AS MILITARY SOURCES ADMITTED": an admission must be of the act)
_CLAIM = re.compile(r"\b(?:CLAIM\w*+(?!(?:\s+[\w-]+){0,4}?\s+THAT\b(?!\s+(?:IT|THEY)\s+(?:WAS|WERE|IS|ARE)\s+RESPONSIBLE))"
                    r"(?!\s+TO\s+(?:BE|BEING|HAVE)\b)(?!\s+(?:THE\s+)?(?:[\w-]+\s+){0,2}(?:LIVES?|VICTIMS?)\b)|"
                    r"ADMIT\w*\s+(?:(?:ITS|THEIR|TO|THE)\s+)?(?:RESPONSIB|AUTHORSHIP|HAVING|CARRYING|PARTICIPAT|INVOLVEMENT|"
                    r"KILLING|KIDNAPPING|MURDER|ATTACK|BOMBING|THAT\s+(?:IT|THEY|ITS|THEIR))|"
                    r"TOOK RESPONSIBILITY|ACCEPTED RESPONSIBILITY|ASSUMED RESPONSIBILITY|"
                    r"(?:SAID|SAYING|STATED) (?:THAT )?(?:THEY|IT) (?:WAS|WERE|ARE|IS) RESPONSIBLE)",
                    re.IGNORECASE)
# (not "ACCUSED THEM OF COLLABORATING": the victims were accused, by their killers)
_ACCUSE = re.compile(r"\b(?:(?:ACCUS|BLAM)[A-Z]*\b(?!\s+(?:THEM|HIM|HER)\b)|CLAIM(?:S|ED)\s+THAT|"
                     r"CHARGED\s+(?:THAT|THE)\b|"
                     r"CHARGES?\s+(?:THAT|AGAINST)|DENOUNC\w*|ATTRIBUT\w*|HELD\b[^.]{0,60}RESPONSIBLE|"
                     r"HOLDS?\b[^.]{0,60}RESPONSIBLE|RESPONSIBLE FOR|IMPLICAT\w*)", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:(?<!AS\s)(?<!IF\s)(?<!EVERYTHING\s)(?<!MADE\s)POSSIBL\w*|PROBABL\w*|"
                    r"(?:MAY|MIGHT|COULD)\s+HAVE\s+(?:BEEN|\w+ED)\b|IT\s+IS\s+NOT\s+KNOWN|SPECULAT\w*)",
                    re.IGNORECASE)  # (not "AS YOU MAY HAVE HEARD", "AS SOON AS POSSIBLE")
# "THE UC-ELN, WHO ACCUSED THEM OF ...": the group accuses; it is not the one accused
_ACCUSER = re.compile(r"\W*(?:\[[^\]]{0,80}\]\s*)?(?:WHO\s+|WHICH\s+)?(?:HAS\s+|HAVE\s+|HAD\s+)?(?:ALSO\s+)?(?:ACCUSED|ACCUSES|ACCUSE|BLAMED|"
                      r"BLAMES|BLAME|HOLD|HOLDS|HELD|ATTRIBUTED|ATTRIBUTE|ATTRIBUTES)\s+(?!OF\b|FOR\b|BY\b|RESPONSIBLE\b)",
                      re.IGNORECASE)
# an allegation or someone's suspicion ("BELIEVED TO BE", "PRESUMABLY"); a hedge of the writer's
# own ("POSSIBLY", "MAY HAVE") is a possibility
_ALLEGED = re.compile(r"\b(?:ALLEGED\w*|SUSPECT\w*|BELIEVED|PRESUMABL\w*|PRESUMED|APPARENTLY|IN\s+THE\s+OPINION\s+OF)",
                      re.IGNORECASE)
_SECURITY = re.compile(r"\b(?:POLICE|ARMY|FORCES?|GUARD|BATTALION|BRIGADES?|TROOPS|SOLDIERS|PATROL)\b",
                       re.IGNORECASE)
_COMBATANTS = re.compile(r"\b(?:GUERRILLA|TERRORIST|REBEL|SUBVERSIVE|EXTREMIST|NARCOTERRORIST|INSURGENT|ATTACKER|ASSAILANT|"
                         r"KIDNAPPER|HIJACKER|CLASH(?:E)?|COUNTERINSURGENCY|SKIRMISH(?:E)?)S?\b",
                         re.IGNORECASE)
_CIVILIANS = re.compile(r"\b(?:CIVILIANS?|RESIDENTS|PEASANTS|VILLAGERS|CHILDREN|WOMEN|POPULATION)\b", re.IGNORECASE)
_POLICE_WORK = re.compile(r"\b(?:RAID\w*|SEIZ\w*|ARREST\w*|CAPTUR\w*|DETAIN\w*|CONFISCAT\w*|SEARCH\w*|SUMMON\w*|"
                          r"QUESTION\w*|INTERROGAT\w*|INVESTIGAT(?!IVE|OR)\w*|INTERVIEW\w*|LOOKING\s+FOR|HUNTING\s+FOR)\b",
                          re.IGNORECASE)
_SUSPECTS_OF = re.compile(r"\b(?:SUSPECTED|ACCUSED|CHARGED|RESPONSIBLE|INVOLVED|IMPLICATED|LINKED|WANTED|"
                          r"IN CONNECTION WITH|FOR (?:THE|HAVING))\b", re.IGNORECASE)
_HARM = re.compile(r"\b(?:KILL\w*|MURDER\w*|ASSASSINAT\w*|MASSACR\w*|SHOT|WOUND\w*|TORTUR\w*|BOMB\w*|STRAF\w*|"
                   r"EXECUT\w*|DISAPPEAR\w*)\b", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:WAS|WERE|BE|BEEN|BEING|IS|ARE)\s+(?:\w+\s+)?$", re.IGNORECASE)
# the group's own act of violence: a verb, not a noun ("POLICE ARE INVESTIGATING THE KILLING")
_AGENT_VERB = re.compile((r"\b(?:KILLED|KILLS|MURDERED|ASSASSINATED|ATTACKED|ATTACKS|KIDNAPPED|ABDUCTED|BOMBED|"
                         r"DYNAMITED|AMBUSHED|MASSACRED|MACHINEGUNNED|SHOT|WOUNDED|DESTROYED|BURNED|SET FIRE|"
                         r"DETONATED|EXPLODED|FIRED ON|FIRED AT|OPENED FIRE|RAIDED|HIJACKED|SABOTAGED|TORTURED|"
                         r"EXECUTED|STORMED|HURLED|PLANTED|CARRIED OUT|PERPETRATED|COMMITTED|LAUNCHED|STAGED|"
                         r"BLEW UP|TOOK HOSTAGE|MURDER|KILL|ATTACK|PLACED|THREW|SHELLED|STRAFED|BEHEADED|STABBED|"
                         r"MUTILATED|LOOTED|CARRY OUT|GUNNED DOWN|HELD HOSTAGE|"
                         # "MEMBERS OF THE X PARTICIPATED IN THE CRIME"
                         rf"(?:PARTICIPATED|TOOK PART) IN (?={CRIME})|"
                         # the progressive: "THE ARMY IS BOMBING THE AREA" (not the passive "IS BOMBED")
                         r"(?:IS|ARE|WAS|WERE|HAS BEEN|HAVE BEEN)\s+(?:BOMBING|ATTACKING|KILLING|MURDERING|SHELLING|"
                         r"STRAFING|KIDNAPPING|MASSACRING|BURNING|DESTROYING|FIRING ON|MACHINEGUNNING|"
                         r"(?:CARRYING OUT|PERPETRATING|STAGING|LAUNCHING)(?=\s+(?:[\w-]+\s+){0,3}?(?:ATTACKS?|OFFENSIVES?|"
                         r"SABOTAGE|AMBUSH(?:ES)?|BOMBINGS?|MASSACRES?|RAIDS?|ASSAULTS?|KIDNAPPINGS?)\b))|"
                         # the participle after a comma or "by": "THE X FORCES BEGAN TO MOVE IN, ATTACKING IT"
                         r"(?:,|\bBY)\s+(?:ATTACKING|KILLING|MURDERING|KIDNAPPING|DYNAMITING|BOMBING|SHELLING|STRAFING|"
                         r"MACHINEGUNNING|AMBUSHING|BURNING|DESTROYING))\b").replace(" ", r"\s+"),  # (wrapped lines)
                         re.IGNORECASE)
# (and the second of two agents: "BY THE ARMY AND THE X ALLIANCE", 'BY THE "X" GROUP OR THE MAOIST "Y"')
_BY = re.compile(r"\bBY\s+(?:THE\s+|A\s+|AN\s+)?(?:(?!(?:WHO|WHICH|THAT)\b)[\w'’-]+\s+){0,3}\"?(?:(?:FROM|OF)\s+(?:THE\s+)?)?"
                 r"(?:(?:(?!(?:WHO|WHICH|THAT|OF)\b)[\w'’\"-]+\s+){0,4}(?:AND|OR)\s+(?:THE\s+)?(?:[\w'’-]+\s+)?\"?)?$",
                 re.IGNORECASE)
_PREP_BEFORE = re.compile(r"(?:\b(?:AT|AGAINST|ON|IN|INTO|TO|FROM|FOR|WITH|ABOUT|TOWARD|NEAR|OVER|BETWEEN)|"
                          r"\b(?:HEADQUARTERS|OFFICES?|BUILDINGS?|HOMES?|HOUSES?|RESIDENCES?|PREMISES|FACILITIES|"
                          r"POSTS?|GARRISONS?|BASES?|BARRACKS|STATIONS?|CANDIDATES?|SECRETARY|PRESIDENT|CHAIRMAN|MAYOR|VEHICLES?|"
                          r"HEAD|CHIEF|DIRECTOR|COMMANDER|"
                          r"EMPLOYEES?|WORKERS?|STUDENTS?|DELEGATES?)\s+OF|"
                          r"\b(?:TOLD|INFORMED|ASKED|URGED|CONTACTED|NOTIFIED|ALERTED|WARNED|CALLED ON))"
                          r"\s+(?:THE\s+|A\s+|AN\s+|ITS\s+|THEIR\s+)?$",
                          re.IGNORECASE)
_TARGET_AND = re.compile(r"\b(?:AT|AGAINST|ON|INTO)\s+(?:THE\s+|A\s+|AN\s+)?(?:[\w'’-]+\s+){1,3}AND\s+"
                         r"(?:THE\s+|A\s+|AN\s+|ITS\s+|THEIR\s+)?$", re.IGNORECASE)
_BLAMED_ON = re.compile(r"\b(?:BLAM\w*\s+(?:[\w'’-]+\s+){0,4}ON|ATTRIBUT\w*\s+(?:[\w'’-]+\s+){0,4}TO)\s+"
                        r"(?:THE\s+|A\s+|AN\s+)?\"?$", re.IGNORECASE)
# the group's own verb is another act: "SECURITY FORCES DEFUSED A BOMB PLANTED ...", "THE X PARTY
# ISSUED A STATEMENT CONDEMNING THE ATTACK"
_OTHER_ACT = re.compile(r"\b(?:DEFUSED|DEACTIVATED|DISMANTLED|FOUND|DISCOVERED|ARRESTED|CAPTURED|DETAINED|RESCUED|"
                        r"ISSUED|CONDEMN\w*|DENOUNC\w*|REPUDIAT\w*|INVESTIGAT\w*|PROTEST\w*|REJECT\w*|DENIED|"
                        r"DENIES|SUSPEND\w*|HALT\w*|RENOUNC\w*|ABANDON\w*)\b", re.IGNORECASE)
# a group in the list of those blamed: "WE BLAME X, Y AND ITS ARMED FORCES FOR ..."
_BLAME_LIST = re.compile(r"\bBLAME[SD]?\s+[^.;]{0,150}$", re.IGNORECASE)
_FOR_AFTER = re.compile(r"\W*(?:\[[^\]]{0,80}\]\s*)?FOR\b", re.IGNORECASE)
# the act's perpetrators named: "THE KILLERS OF THE PRIESTS WERE EITHER MEMBERS OF THE X"
_PERPETRATORS_WERE = re.compile(r"\b(?:MURDERERS|KILLERS|ASSASSINS|ATTACKERS|ASSAILANTS|KIDNAPPERS|ABDUCTORS|PERPETRATORS|"
                                r"AUTHORS|THOSE\s+RESPONSIBLE)\b[^.;]{0,60}?\s(?:WERE|WAS|ARE|IS)\s+(?:\w+\s+){0,3}?"
                                r"(?:(?:MEMBERS|AGENTS|SOLDIERS|MEN|OFFICERS|UNITS)\s+OF\s+)?(?:THE\s+)?$", re.IGNORECASE)
_TO_BE_DONE = re.compile(r"\b(?:GOING\s+TO|WILL|WOULD|WAS\s+TO|WERE\s+TO)\s+BE\s+(?:[A-Z]+\s+){1,2}$", re.IGNORECASE)
# the accuser after its accusations: "THE ACCUSATIONS MADE BY THE X THAT ..."
_CHARGES_BY = re.compile(r"\b(?:ACCUSATIONS?|CHARGES|ALLEGATIONS?|DENUNCIATIONS?|STATEMENTS?|COMMUNIQUES?|"
                         r"ANNOUNCEMENTS?|CLAIMS)\s+(?:[\w-]+\s+){0,2}?(?:MADE|ISSUED|RELEASED|PUBLISHED|BROADCAST|RAISED|"
                         r"LEVELED|LEVELLED|PRESENTED)?\s*$|"
                         # "KILLED AFTER BEING ACCUSED BY THE X OF BEING INFORMANTS": X accuses
                         r"\b(?:ACCUSED|BLAMED|DENOUNCED|CHARGED)\s*$", re.IGNORECASE)
# a member admitting to belong to the group: "WHO ADMITTED BEING A MEMBER OF THE X", "SHE SAID SHE WAS A MEMBER OF"
_MEMBER_ADMITS = re.compile(r"\b(?:ADMIT\w*\s+(?:TO\s+)?(?:BEING|THAT\b[^.;]{0,100}?\b(?:IS|ARE|WAS|WERE))|"
                            r"(?:SAID|SAYS|CONFESSED|ACKNOWLEDGED)\s+(?:THAT\s+)?(?:HE|SHE|THEY)\s+(?:IS|ARE|WAS|WERE))\s+"
                            r"(?:AN?\s+|THE\s+)?(?:ACTIVE\s+)?MEMBERS?\s+OF\s+(?:THE\s+)?$", re.IGNORECASE)
_CLAIMED_BY = re.compile(r"\b(?:WAS|WERE|BEEN)\s+(?:LATER\s+|ALSO\s+)?CLAIMED\s+$", re.IGNORECASE)
# the group charged: "EIGHT MEMBERS OF THE X ARMY INVOLVED IN THE MASSACRE"
_CHARGED_AFTER = (r"\W+(?:[\w'’-]+\s+){0,2}?(?:INVOLVED\s+IN|IMPLICATED\s+IN|CHARGED\s+WITH|ACCUSED\s+OF|"
                  r"LINKED\s+(?:TO|WITH)|ARRESTED\s+(?:[\w'’-]+\s+){0,3}?(?:FOR|IN\s+CONNECTION\s+WITH)\s+"
                  rf"(?=(?:THE|THIS|THAT|AN?)\s){CRIME})\b")
_CHARGED = re.compile(_CHARGED_AFTER, re.IGNORECASE)
# counted victims: "150 ARMY MEMBERS KILLED AND 300 WOUNDED" (a number before the group, a participle
# with no object after it)
_COUNTED = re.compile(r"\b(?:\d[\d,]*|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|DOZENS?|HUNDREDS?|"
                      r"SEVERAL|MANY)\s+$", re.IGNORECASE)
_PARTICIPLE_ONLY = re.compile(r"[A-Z]+ED\b(?=\s*(?:[,.;:]|AND\b|OR\b|IN\b|ON\b|AT\b|DURING\b|WHEN\b|WHILE\b|"
                              r"AFTER\b|SINCE\b|SO FAR\b|$))", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:HAS|HAVE|HAD)\s+(?:[A-Z]+LY\s+)?$", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+BY\b", re.IGNORECASE)
_UNDER = re.compile(r"\bUNDER\s+$", re.IGNORECASE)
_AMONG_VICTIMS = re.compile(r"\b(?:INCLUDING|AMONG THEM|AMONG WHOM)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
# "TERRORISTS FROM THE X", "COMMANDOS OF THE X": the group's men
_PEOPLE_FROM = re.compile(r"\b(?:MEMBERS?|TERRORISTS?|GUERRILLAS?|COMMANDOS?|REBELS?|MEN|UNITS?|FIGHTERS|MILITANTS|"
                          r"GROUPS?|COLUMNS?|SQUADS?|CELLS?|GUNMEN|AGENTS)\s+(?:FROM|OF)\s+(?:THE\s+)?$", re.IGNORECASE)
_STOPPED_BY = re.compile(r"\b(?:REPELLED|REPULSED|DEFUSED|DEACTIVATED|DISMANTLED|FOUND|DISCOVERED|ARRESTED|"
                         r"CAPTURED|DETAINED|RESCUED|ISSUED|SENT|SIGNED|CONDEMNED|DENOUNCED|INVESTIGATED|"
                         r"THWARTED|FOILED|PREVENTED|CONFISCATED|SEIZED|REPORTED|CONFIRMED|INVESTIGATION|CUSTODY|ORDERED|"
                         r"REQUESTED|CHOSEN|SELECTED|APPOINTED|QUESTIONED|INTERROGATED|SUPPORTED|BACKED|REINFORCED|"
                         r"PROTECTED|GUARDED|ESCORTED|EVACUATED|TREATED|SURROUNDED|PURSUED|CHASED|"
                         # a place held or watched: "THE CAPITAL, WHICH HAS BEEN MILITARIZED BY THE ARMY"
                         r"MILITARIZED|PATROLLED|CONTROLLED|GOVERNED|MONITORED|VISITED|ATTENDED|CONVENED|"
                         r"DEMANDED|PROPOSED)"
                         r"(?:\s+(?:TODAY|YESTERDAY|TONIGHT|LATER|ALSO|RECENTLY))?\s+$", re.IGNORECASE)
_NOT_AGENT = re.compile(r"\bVICTIMS?\s+OF\b|\bTARGETS?\s+OF\b|^\W*TO\s+\w+", re.IGNORECASE)
# (as far back as "ACCORDING TO SEVERAL MEMBERS OF THE BOMB SQUAD OF THE LOCAL POLICE")
_SOURCE_BEFORE = re.compile(r"\b(?:ACCORDING TO|REPORTED BY|RECEIVED BY|SOURCES? (?:OF|FROM|IN))\s+"
                            r"(?:[\w.'’-]+\s+){0,8}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[-–—]{1,2}\s")
_LIST_VERB = re.compile(r"\s*(?:AND\s+)?(?:(?:HAS|HAVE|HAD)\s+)?(?:ALSO\s+)?[A-Z]{3,}ED\b", re.IGNORECASE)


def _groups(text: str) -> list[tuple[int, int]]:
    """Spans of group phrases: modifiers, a head noun, an optional "of the X" tail."""
    out = []
    for m in re.finditer(rf"\b(?:{_HEADS})\b", text, re.IGNORECASE):
        if not m.group().isupper() and not text[m.start()].isupper():
            continue  # mixed case: a group is named with capitals ("the Shining Path")
        base, start = max(0, m.start() - 80), m.start()
        for t in reversed(list(_TOKEN.finditer(text, base, m.start()))):
            w = t.group()
            if (text[t.end():start].strip(' \n"') or not (w[0].isupper() or w[0].isdigit()) or w.upper() in NAME_BREAKERS
                    or WIRE_SPEECH.fullmatch(w)):
                break  # (nor a speech verb: "ANOTHER REPORT INDICATES FMLN FORCES ATTACKED")
            if len(w) > 4 and w.upper().endswith(("ED", "ING")) and not re.match(rf"\s*(?:{_HEADS})\b", text[t.end():], re.I):
                break  # "SHINING PATH", "ARMED FORCES"; not "REPORTED ... FORCES"
            start = t.start()
        end = m.end()
        if _THING_AFTER.match(text, end) and not _AIRCRAFT_STRIKE.match(text, end) and not (
                _AIRCRAFT.match(text, end) and _BY.search(text[max(0, start - 40):start])):
            continue  # "THE COMMAND POST", "A POLICE STATION", "ARMY SPOKESMAN": a place, thing or person
        if m.group().upper() in _ADJECTIVE_HEADS and _ACT_AFTER.match(text, end):
            continue  # "LAST NIGHT'S TERRORIST ATTACKS": an adjective of the act, no group
        tail = re.match(r"\s+OF\s+(?:THE\s+)?((?:[A-Z][\w'’-]*\s*){1,6})", text[end:end + 90])
        if tail and m.group().upper() != "GROUP":  # "A GROUP OF MEN": the men are the actor, if any
            # the name runs on to a function word or a participle: "OF CHILE", not "OF MEN WEARING"
            words = []
            for w in tail.group(1).split():
                if (w.upper() in NAME_BREAKERS or (len(w) > 4 and w.upper().endswith(("ING", "ED"))
                                           and w.upper() not in ("ARMED", "UNITED", "SELF-STYLED", "SO-CALLED"))
                        or WIRE_SPEECH.fullmatch(w)):
                    break  # (a verb ends the name: "... OF THE RED DAWN FRONT ATTACKED")
                words.append(w)
            if words:
                end = end + tail.start(1) + text[end + tail.start(1):].index(words[-1]) + len(words[-1])
        out.append((start, end))
    return out


# an acronym the article uses without spelling it out, before the group's people
_ACRONYM_MEMBERS = re.compile(r"\b(?P<acr>[A-Z]{2,5}|[A-Z]-\d{1,2})\s+(?:MEMBERS|GUERRILLAS|REBELS|TERRORISTS|"
                              r"COMMANDOS|UNITS|FORCES|COLUMNS|FIGHTERS|MILITANTS|MILITIAMEN|KILLERS|GUNMEN|ASSASSINS|SQUADS)\b")
# words that are no acronym: short ones with one vowel ("SIX MEMBERS OF HIS ORDER", "ANY UNITS")
_NOT_ACRONYMS = {"SIX", "TEN", "FORTY", "FIFTY", "SIXTY", "FIRST", "ALL", "MANY", "BOTH", "HIS", "HER", "ITS", "MY",
                 "STAFF", "PARTY", "ONLY", "JUST", "SUCH", "MUCH", "WHICH", "STILL", "SMALL", "YOUNG", "ANY", "NEW",
                 "OLD", "THEY", "NEXT", "PAST", "FULL", "DRUG",
                 # the bracketed tags of wire copy: "[COMMUNIQUE] [X FRONT] [TEXT]"
                 "TEXT", "REPORT", "EXCERPT", "EXCERPTS", "COMMUNIQUE", "SPEECH", "INTERVIEW", "EDITORIAL",
                 "COMMENTARY", "CONTINUED", "RECORDING", "BEGIN", "END", "PASSAGE", "WORDS", "INDISTINCT",
                 # titles and units: "THE MSGR OSCAR ROMERO FEDERATION", "1700 GMT"
                 "MSGR", "MRS", "SGT", "CPL", "GMT", "KPH", "MPH"}
# a name with no head noun, introduced as a group's
_NAMED = re.compile(r"\b(?:GROUP|ORGANI[SZ]ATION|MOVEMENT|GANG|COMMANDO|FACTION|CELL|MILITIA|SQUAD)\s+(?:CALLED|KNOWN\s+AS|"
                    r"NAMED|CALLING\s+ITSELF)\s+\"?(?P<name>(?:THE\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})|"
                    r"\"(?P<quoted>[A-Z][A-Z'’ -]{2,40}?)[,.]?\"\s*,?\s+(?:A|AN)\s+(?:[\w-]+\s+){0,3}?(?:GROUP|"
                    r"ORGANI[SZ]ATION|MOVEMENT|GANG|COMMANDO|FACTION|CELL|MILITIA|ARMY|FRONT)\b")
_THE_ACRONYM = re.compile(r"\bTHE\s+(?P<acr>[A-Z]{3,5}|[A-Z]-\d{1,2})\b(?![a-z])")
_LEADING_ACRONYM = re.compile(r"\b(?P<acr>[A-Z][A-Z-]{1,9})\s*\[")


def aliases(text: str) -> set[str]:
    """Acronyms the article gives a group: "FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]",
    "ARMY OF NATIONAL LIBERATION (ELN)", or the other way round, "FMLN [FARABUNDO ... FRONT]"."""
    out, named = set(), set()
    spans = _groups(text)
    ends = {b for _, b in spans}
    starts = {a for a, _ in spans}
    for m in _BRACKET.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if re.search(rf"\b(?:{_HEADS})\s*$", before, re.IGNORECASE) or any(
                m.start() - k in ends for k in range(3)):
            out.add(m.group("acr").upper())
    for m in _LEADING_ACRONYM.finditer(text):
        if any(m.end() + k in starts for k in range(2)):
            out.add(m.group("acr").upper())
    for m in _ACRONYM_MEMBERS.finditer(text):  # "FMLN MEMBERS", "ELN GUERRILLAS": no vowel to speak of
        acr = m.group("acr")
        if sum(c in "AEIOU" for c in acr) <= 1 or "-" in acr:
            out.add(acr)
    for m in _NAMED.finditer(text):  # "THE GANG CALLED THE OWLS", '"RED DAWN," A REBEL GROUP'
        words = []
        for w in (m.group("name") or m.group("quoted")).split():
            if (w in NAME_BREAKERS and words) or WIRE_SPEECH.fullmatch(w) or (len(w) > 4 and w.endswith(("ED", "ING"))):
                break
            words.append(w)
        name = " ".join(w for w in words if w != "THE")
        if name and name not in NAME_BREAKERS and not _GENERIC.match(name):
            named.add(name)
    for m in _THE_ACRONYM.finditer(text):  # "THE FMLN": written as a name
        acr = m.group("acr")
        vowels = [i for i, c in enumerate(acr) if c in "AEIOUY"]
        if not vowels or "-" in acr or (vowels == [0] and (len(acr) == 3 or not acr.endswith("S"))):
            out.add(acr)  # "FMLN", "ELN", "URNG", "M-19"; not "THE BOMB", "THE ARMS"
    return (out - NAME_BREAKERS - _NOT_ACRONYMS) | named


# a group speaking of itself: "OUR FORCES", "ALL OUR MILITIA UNITS" (a government's "OUR ARMED
# FORCES" are not a rebel group's)
_OURS = re.compile(r"^(?:ALL\s+)?OUR\b", re.IGNORECASE)
_STATE_FORCES = re.compile(r"\b(?:ARMY|ARMED|POLICE|GUARD|BATTALION|BRIGADE|SOLDIERS|TROOPS|AIR FORCE|NAVY)\b",
                           re.IGNORECASE)


# "THE FEDERAL POLICE BOMB SQUAD", "A FIRING SQUAD": a unit that defuses or executes, no perpetrator group
_SQUAD_OF_EXPERTS = re.compile(r"\b(?:BOMB|FIRING|RESCUE|SEARCH)[- ]SQUADS?$")


# "TAKEN OVER BY FORCE", "THE FORCES": a word, no group
_BARE = {"FORCE", "FORCES"}


def _after_bracket(text: str, end: int) -> int:
    """Where the text goes on after an acronym and the bracket that spells it out."""
    m = re.match(r"\s*\[[^\]]{0,80}\]|\s*\([^)]{0,80}\)", text[end:end + 90])
    return end + m.end() if m else end


def _names_group(name: str, known: set[str]) -> bool:
    """A group's name, not a generic one ("THE GUERRILLAS") nor people ("SALVADORAN GUERRILLAS",
    unless an alias is part of it: "FMLN GUERRILLAS")."""
    up = name.upper()
    if not name or _GENERIC.match(up) or _OURS.match(up) or _SQUAD_OF_EXPERTS.search(up) or up in _BARE:
        return False  # (a group speaking of itself is resolved by the document pass)
    return not _PEOPLE_ONLY.match(up) or bool(set(re.findall(r"[A-Z][A-Z-]+", up)) & known)


def _name(phrase: str) -> str:
    """A group phrase as a name: no article, on one line (wire copy wraps it: "RED DAWN\nFRONT")."""
    return " ".join(re.sub(r"^(?:(?:THE|A|AN)\s+)?(?:SAME\s+|AFOREMENTIONED\s+)?", "", phrase.replace('"', " ").strip(),
                           flags=re.IGNORECASE).split())  # ("THE SAME X ORGANIZATION": the X organization)


def group_phrase(actor: str, known: set[str]) -> str | None:
    """The group an actor phrase names, if it names one."""
    spans = _groups(actor)
    names = [_name(actor[a:b]) for a, b in spans]
    names = [n for n in names if _names_group(n, known)]
    if names:
        return max(names, key=len)
    for w in re.findall(r"[A-Z][A-Z-]{1,9}", actor):
        if w in known:
            return w
    return None


# "A WAVE OF ATTACKS", "ANY ATTACK", "UNDER ATTACK": the noun, not the group's verb
# ("OF THE MURDER", "AFTER THE ATTACK"; a bare "THE" is not enough: "THE FMLN ... THE ATTACK")
_NOUN_BEFORE = re.compile(r"\b(?:A|AN|ANY|OF|THIS|THESE|SUCH|POSSIBLE|UNDER|OF THE|FOR THE|IN THE|TO THE|AFTER THE|"
                          r"BEFORE THE|"
                          # an adjective: "BECAUSE TERRORIST ATTACKS ... HAVE TAKEN PLACE"
                          r"TERRORIST|GUERRILLA|REBEL|SUBVERSIVE|DYNAMITE|BOMB|ARMED|RECENT|NEW|FURTHER|SIMILAR|"
                          r"VIOLENT|REPEATED|CONSTANT)\s+$", re.IGNORECASE)
# "THE FMLN CRIMINALS AND MURDERERS": a name for the group, not its act; "X AND ONE BOMB PLANTER": another
_AGENT_NOUN = re.compile(r"(?:MURDERER|KILLER|KIDNAPPER|ATTACKER|BOMBER|HIJACKER|SHOOTER|TORTURER|EXECUTIONER|"
                         r"ABDUCTOR|BOMB\s+PLANTER)S?$", re.IGNORECASE)
_JOINED = re.compile(r"\b(?:AND|OR|BUT)\b|,", re.IGNORECASE)
# an act foreseen, possible or not done: "WILL KILL", "CAN DESTROY", "DID NOT KILL" ("TO KILL" may be an act's
# purpose: "ENTERED THE TOWN TO CARRY OUT KIDNAPPINGS")
_UNDONE = re.compile(r"\b(?:WILL|WOULD|CAN|COULD|MAY|MIGHT|SHOULD|MUST|SHALL|NOT|NEVER|(?:PLANN|PLOTT|INTEND|WANT|"
                     r"HOP|PREPAR)(?:ED|ING|S)?\s+TO)\s+(?:[A-Z]+LY\s+)?"
                     r"(?:(?:[\w'’-]+\s+){1,5}(?:AND|OR)\s+)?$", re.IGNORECASE)  # (and "CAN DESTROY X AND KILL")
# a relative clause of the group's own act: "A THREAT FROM THE X, WHICH EVEN PARTIALLY DESTROYED THE OFFICES"
_WHICH_DID = re.compile(r"\s*(?:\[[^\]]{0,80}\]\s*)?,?\s*(?:WHICH|WHO)\s+(?:(?:HAS|HAVE|HAD)\s+)?"
                        r"(?:(?:[A-Z]+LY|EVEN|ALSO|RECENTLY|ALREADY)\s+){0,3}", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bTHE\s+$", re.IGNORECASE)
_INTO_THE_AIR = re.compile(INTO_THE_AIR, re.IGNORECASE)
# a person is the verb's subject: "CAPTURED BY THE X IN PANAMA AFTER HE PLACED A BOMB"
_PERSON_SUBJECT = re.compile(r"\b(?:HE|SHE)\s+(?:(?:HAD|HAS|[A-Z]+LY)\s+)?$", re.IGNORECASE)
# the act as the object of "to" or "about": "X [...] REFERRED TO THE BOMBINGS" (not "THE X ATTACK ON")
_PREP_THE = re.compile(r"\b(?:TO|ABOUT)\s+(?:THE|THESE|THOSE|THIS|A|AN)\s+(?:[A-Z]+\s+)?$", re.IGNORECASE)
_NEVER = re.compile(r"\W*(?:(?:HAS|HAVE|HAD|DOES|DO|DID|IS|ARE|WAS|WERE)\s+)?(?:NEVER|NOT|NO\s+LONGER)\b(?!\s+ONLY)",
                    re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",\s+AND\s+|;", re.IGNORECASE)
_THAT = re.compile(r"\bTHAT\b", re.IGNORECASE)
_NOUN_TOO = {"ATTACK", "ATTACKS", "MURDER", "KILL"}
_NOUN_AFTER = re.compile(r"\s+(?:TOOK\s+PLACE|OCCURRED|HAPPENED|WAS|WERE)\b", re.IGNORECASE)


def _agent_verb(clause: str) -> re.Match[str] | None:
    """The first violent verb of the clause, a noun of the same spelling left out."""
    for m in _AGENT_VERB.finditer(clause):
        if m.group().upper() in _NOUN_TOO and (_NOUN_BEFORE.search(clause[max(0, m.start() - 20):m.start()])
                                               or (_NOUN_AFTER.match(clause, m.end())
                                                   and _THE_BEFORE.search(clause, max(0, m.start() - 5), m.start()))):
            continue  # (and "... AND 103 CIVILIANS, THE MURDER TOOK PLACE AT 0200": the noun's own verb)
        if m.group().upper().endswith("ED") and _THE_BEFORE.search(clause, max(0, m.start() - 5), m.start()):
            continue  # "THE REAPPEARANCE OF THE KIDNAPPED": people, not an act
        if _UNDONE.search(clause, max(0, m.start() - 30), m.start()):
            continue  # "THEY WILL KILL", "IT CAN DESTROY", "DID NOT KILL": no act done
        if _INTO_THE_AIR.match(clause, m.end()):
            continue  # "THE POLICE SHOT IN THE AIR": warning shots, no one attacked
        return m
    return None


# a negation near a claim: "NO GROUP HAS CLAIMED", "NEITHER X NOR ANY OTHER GROUP HAS CLAIMED"
NEGATION = re.compile(r"\b(?:NO|NOT|NEITHER|NOR|NONE|NOBODY|NEVER|ANY|YET TO)\b", re.IGNORECASE)
# the group's own medium: "A NEWS AGENCY, MOUTHPIECE OF THE X"
_MOUTHPIECE = re.compile(r"\b(?:MOUTHPIECE|(?:OFFICIAL\s+)?VOICE|(?:OFFICIAL\s+)?ORGAN|(?:OFFICIAL\s+)?RADIO(?:\s+STATION)?)\s+"
                         r"OF\s+(?:THE\s+)?$", re.IGNORECASE)
# the group, its radio or its communique telling of its own fighters' acts
_OWN_UNITS = re.compile(r"\W*(?:\[[^\]]{0,80}\]\s*)?(?:['’]S\s+(?:\[[^\]]{0,80}\]\s*)?(?:[\w-]+\s+){0,3}?(?:RADIO(?:\s+STATION)?|STATION|"
                        r"SPOKESM[AE]N|COMMUNIQUE|BULLETIN|LEAFLETS?|STATEMENT)\W*(?:[^.;]{0,40}?,\s*)?)?"
                        r"(?:[\w-]+\s+){0,2}?(?:REPORTS?|REPORTED|ANNOUNCE[SD]?|STATE[SD]|SAYS|SAID|INFORMS?|"
                        r"INFORMED)\s+(?:THAT\s+)?(?:ITS\s+|OUR\s+|THE\s+)?(?:[\w-]+\s+){0,2}(?:UNITS|COMMANDOS?|"
                        r"COLUMNS?|FORCES|GUERRILLAS|REBELS|FIGHTERS|COMBATANTS|MILITIA\w*|CELLS)\b", re.IGNORECASE)


def _another_group(between: str) -> bool:
    """A group named between a group and a verb: "CALLS TO THE X POLICE AND TO THE MEDIA, THE Y CLAIMED" (the
    name spelled out in brackets or quotes and a generic "GUERRILLAS" are the same group)."""
    between = re.sub(r"^(?:\s*[\[(][^\])]{0,80}[\])]|\s*\"[^\"]{0,60}\")+", "", between)  # (and a name in quotes)
    return any(not _GENERIC.match(_name(between[a:b]).upper()) for a, b in _groups(between))


@dataclass(frozen=True)
class _Spot:
    """A group's place in a sentence: the text before it, after it, the sentence, and whether the
    group is the state's forces."""
    before: str
    after: str
    sentence: str
    state: bool = False


@dataclass(frozen=True)
class _Verdict:
    kind: str | None  # None: the group is not held responsible here


_NOT_HELD = _Verdict(None)
_CLAIMED, _ACCUSED = _Verdict("claimed"), _Verdict("accused")


def _claim(p: _Spot) -> _Verdict | None:
    claim = _CLAIM.search(p.after[:100])  # (read past the window: "CLAIMED THE LIVES OF")
    if not claim or claim.start() >= 60 or _another_group(p.after[:claim.start()]):
        return None
    # (not "NEITHER THE X NOR ANY OTHER GROUP HAS CLAIMED", "NOR HAS ANY X MOVEMENT CLAIMED")
    negated = NEGATION.search(p.before[-30:]) or NEGATION.search(p.after[:claim.start()])
    return _NOT_HELD if negated else _CLAIMED


def _mouthpiece(p: _Spot) -> _Verdict | None:
    """ "CERIGUA -- MOUTHPIECE OF THE X -- SAYS THAT A GUERRILLA COLUMN ATTACKED" """
    if _MOUTHPIECE.search(p.before[-60:]):
        said = WIRE_SPEECH.search(p.after, 0, 200)
        if said and _agent_verb(p.after[said.end():said.end() + 160]):
            return _CLAIMED
    return None


def _member_admits(p: _Spot) -> _Verdict | None:
    """ "WHO ADMITTED BEING A MEMBER OF THE X AND HAVING BURNED VEHICLES": its member's admission """
    return _CLAIMED if _MEMBER_ADMITS.search(p.before[-160:]) else None


def _own_units(p: _Spot) -> _Verdict | None:
    """ "THE X REPORTS THAT URBAN COMMANDO UNITS STAGED ATTACKS": its own account (not "THE ARMED
    FORCES SAID THAT THE GUERRILLAS ATTACKED": the enemy's units) """
    own = _OWN_UNITS.match(p.after)
    if not own or (p.state and _COMBATANTS.search(own.group())):
        return None
    return _CLAIMED if _agent_verb(_CLAUSE_BREAK.split(p.after[own.end():])[0][:100]) else None


def _a_source(p: _Spot) -> _Verdict | None:
    """ "ACCORDING TO POLICE SOURCES, ...": a source, not an agent """
    return _NOT_HELD if _SOURCE_BEFORE.search(p.before[-60:]) else None


def _charged(p: _Spot) -> _Verdict | None:
    """ "EIGHT MEMBERS OF THE X ARMY INVOLVED IN THE MASSACRE" """
    return _ACCUSED if _CHARGED.match(p.after) else None


def _blamed(p: _Spot) -> _Verdict | None:
    """ "PRESS SECTORS BLAMED IT ON THE X", "ATTRIBUTED THE ATTACKS TO X", "WE BLAME X, Y AND ITS
    ARMED FORCES FOR THIS ASSASSINATION" """
    if _BLAMED_ON.search(p.before[-80:]) or (_BLAME_LIST.search(p.before[-160:]) and _FOR_AFTER.match(p.after)):
        return _ACCUSED
    return None


def _perpetrators_were(p: _Spot) -> _Verdict | None:
    """ "THE MURDERERS OF THE PRIESTS WERE MEMBERS OF THE X"; someone's identification of them
    ("HE SAID THAT ...") is an accusation """
    if not _PERPETRATORS_WERE.search(p.before[-120:]):
        return None
    told = BELIEF_THAT.search(p.before[-200:]) or WIRE_SPEECH.search(p.before[-200:]) or _ALLEGED.search(p.sentence)
    return _ACCUSED if told else _Verdict("carried_out")


def _target(p: _Spot) -> _Verdict | None:
    """ "AT THE HEADQUARTERS OF THE X PARTY", "AGAINST A UNION AND A X ORGANIZATION": a target (not
    after an attack: "THE ATTACKS AGAINST A UNION AND A X ORGANIZATION, WHICH KILLED 9": the attacks
    killed) """
    before, after = p.before, p.after
    rel = None if VIOLENT_STEMS.search(before[-80:]) else _WHICH_DID.match(after)
    if ((_PREP_BEFORE.search(before[-40:]) or _TARGET_AND.search(before[-60:]))
            and not _PEOPLE_FROM.search(before[-60:]) and not (rel and _AGENT_VERB.match(after, rel.end()))):
        return _NOT_HELD
    return None


def _among_victims(p: _Spot) -> _Verdict | None:
    """ "12 WERE WOUNDED, INCLUDING 3 MEMBERS OF THE X POLICE" """
    return _NOT_HELD if _AMONG_VICTIMS.search(p.before[-50:]) else None


def _conditional(p: _Spot) -> _Verdict | None:
    """ "AS THEY WOULD HAVE IF THIS OPERATION HAD BEEN CARRIED OUT BY THE X": no act (but "HE DOES
    NOT KNOW IF THE X COMMITTED THE CRIME" is a doubt, read later) """
    if CONDITION.search(p.before[-80:]) and not WHETHER.search(p.before[-100:]):
        return _NOT_HELD
    return None


def _agent(p: _Spot) -> _Verdict | None:
    """The group as the agent of the violence told (by it, or as the subject of an act), and how
    sure the sentence is of it."""
    near = p.before[-60:]
    by = _BY.search(near)  # the sentence tells of violence (checked by the caller)
    # "DEFUSED BY THE POLICE", "REPELLED BY THE ARMED FORCES": by whom it was stopped
    # ("VARIOUS ARRESTS WERE MADE BY THE POLICE": by whom the arrests were made)
    head = p.before[:len(p.before) - len(near) + by.start()] if by else ""
    agent = bool(by) and not _STOPPED_BY.search(head) and not _POLICE_WORK.search(head[-30:])
    if agent and _TO_BE_DONE.search(head):
        return _NOT_HELD  # "THE MURDER WAS GOING TO BE CARRIED OUT BY X": a plan, not an act
    if agent and _CHARGES_BY.search(head):
        return _NOT_HELD  # "THE ACCUSATIONS MADE BY THE X THAT ...": the accuser
    if agent and _CLAIMED_BY.search(head):
        return _CLAIMED  # "THE KIDNAPPING WAS CLAIMED BY A SELF-STYLED GROUP"
    if not agent and _ACCUSER.match(p.after):
        return _NOT_HELD  # "THE POLICE HOLD THE X RESPONSIBLE FOR THE ATTACK": the accuser, not the agent
    if not agent and not _subject_of_act(p):
        return _NOT_HELD
    return _Verdict(_certainty(p))


# Which way the sentence holds a group responsible: the first rule that decides, in this order.
_KIND_RULES = (_claim, _mouthpiece, _member_admits, _own_units, _a_source, _charged, _blamed, _perpetrators_were,
               _target, _among_victims, _conditional, _agent)


def _kind(before: str, after: str, sentence: str, state: bool = False) -> str | None:
    """How the sentence holds the group at this position responsible, if it does (``state``: the
    group is the state's forces)."""
    spot = _Spot(before, after, sentence, state)
    for rule in _KIND_RULES:
        verdict = rule(spot)
        if verdict is not None:
            return verdict.kind
    return None


def _act_clause(after: str) -> str:
    """The clause after the group; with a list of its acts in clauses: "X HAVE CONDUCTED WAR
    ACTIONS; LAUNCHED ...; BOMBED VILLAGES" """
    parts = _CLAUSE_BREAK.split(after, maxsplit=3)
    clause = parts[0][:160]
    for more in parts[1:] if _LIST_VERB.match(clause) else ():
        if not _LIST_VERB.match(more):
            break
        clause = clause + "; " + more[:120]
    return clause


def _subject_of_act(p: _Spot) -> bool:
    """The group is the subject of a violent verb or noun in its clause."""
    clause, before = _act_clause(p.after), p.before
    verb = _agent_verb(clause)
    if verb and (_NOT_AGENT.search(clause[:verb.start()]) or _OTHER_ACT.search(clause[:verb.start()])
                 or _BY_AFTER.match(clause, verb.end())):
        verb = None  # "X, A PRESIDENTIAL HOPEFUL, WAS THE VICTIM OF ANOTHER ATTACK", "X TO CONDEMN THE KILLING",
        # "AGENTS FROM THE X COMMAND KIDNAPPED BY THE Y": the victims of a passive verb
    if (verb and _PARTICIPLE_ONLY.match(clause, verb.start()) and (_COUNTED.search(before[-15:]) or verb.start() > 25)
            and not _PERFECT.search(clause, 0, verb.start())):  # (not "HAS REPEATEDLY BOMBED AND STRAFED")
        verb = None  # "150 ARMY MEMBERS KILLED AND 300 WOUNDED", "... WITH VERY FEW CIVILIANS WOUNDED": victims
    if verb and _NEVER.match(clause):
        verb = None  # "THE X HAS NEVER HAD A POLICY TO ATTACK CIVILIANS": no act
    if verb and not _PASSIVE_BEFORE.search(clause[:verb.start()]):
        # "POLICE REPORTED THAT A BOMB EXPLODED": the group tells of the violence, it is not its agent
        that = _THAT.search(clause, 0, verb.start())
        # (nor "THE POLICE HAVE NOT RULED OUT THAT THE X CARRIED OUT": another group is the verb's subject)
        if (verb.start() < 140 and not WIRE_SPEECH.search(clause[:verb.start()])
                and not _PERSON_SUBJECT.search(clause, 0, verb.start())
                and not (that and _another_group(clause[that.end():verb.start()]))):
            return True
    near = VIOLENT_STEMS.search(clause[:25])
    if near and not VIOLENT_STEMS.match(clause, near.start()):
        near = None  # a word cut at the window's edge: "EXECUTI[VE]"
    if near and (_UNDER.search(clause[:near.start()]) or _AGENT_NOUN.match(near.group()) or _NEVER.match(clause)
                 or _INTO_THE_AIR.match(clause, near.end())
                 or _PREP_THE.search(clause, 0, near.start())
                 or _UNDONE.search(clause, 0, near.start())
                 or _JOINED.search(clause, 0, near.start()) or _OTHER_ACT.search(clause, 0, near.start())
                 or (_COUNTED.search(before[-15:]) and _PARTICIPLE_ONLY.match(clause, near.start()))):
        near = None  # "ARMY TROOPS UNDER ATTACK": the target
    # "THE FMLN ATTACK ON THE GARRISON", "SHINING PATH TERRORISTS KILLED"; not "REBELS WERE KILLED"
    return bool(near and not WIRE_SPEECH.search(clause[:25]) and not _BY_AFTER.match(clause, near.end())
                and not _PASSIVE_BEFORE.search(clause[:near.start()]))


def _certainty(p: _Spot) -> str:
    """The kind for an agent: a possibility, an allegation or belief, the writer's hedge, or fact."""
    if WHETHER.search(p.before[-100:]) or POSSIBILITY_THAT.search(p.before[-100:]):
        return "suspected"  # "WE MUST INVESTIGATE THE POSSIBILITY THAT THE X STAGED THIS": a possibility
    # (a hedge of the next clause is not this one's: "X ATTACKED 10 POSITIONS, AND THE ATTACKS ARE APPARENTLY
    # CONTINUING"; ``sentence``, the context, ends with ``after``)
    own = p.sentence[:len(p.sentence) - len(p.after)] + _NEXT_CLAUSE.split(p.after, maxsplit=1)[0]
    if ((_ACCUSE.search(p.sentence) and not _ACCUSER.match(p.after)) or _ALLEGED.search(own)
            or BELIEF_THAT.search(p.before[-240:])):
        return "accused"  # "ALLEGED SHINING PATH MEMBERS": an allegation, someone's accusation or belief
    if _HEDGE.search(own):
        return "suspected"
    return "carried_out"


# "ARMY OF NATIONAL LIBERATION", "REVOLUTIONARY ARMED FORCES": insurgents, not security forces
_INSURGENT = re.compile(r"\b(?:LIBERATION|REVOLUTIONARY|PEOPLE'?S|POPULAR|GUERRILLA|REBEL|INSURGENT|COMMUNIST|"
                        r"MARXIST|LENINIST|MAOIST|LEFTIST|PATRIOTIC)\b", re.IGNORECASE)


_OWN_WORDS = r"(?:['’]S\s+)?(?:\w+\s+){0,2}?(?:REPORTS|REPORTED|ANNOUNCED|ANNOUNCES|STATES|STATED|SAYS|SAID|INFORMS|" \
             r"INFORMED|COMMUNIQUE|COMMUNIQUES|STATEMENT)\b"


def _own_report(name: str, known: set[str], before: str) -> bool:
    """The group itself tells of its action: its communique, its radio, "X REPORTS THAT"."""
    words = [re.escape(name)] + [re.escape(k) for k in known if re.search(rf"\b{re.escape(k)}\b", name)]
    if re.fullmatch(r"[A-Z][A-Z-]{1,9}", name):  # an alias: its full name may be the one speaking
        words.append(r"[A-Z' ]{5,80}\[" + re.escape(name) + r"\]")
    # (also through its spokesman: "THE X, THROUGH GENERAL Y, ITS DEPUTY DIRECTOR, INFORMED THE PRESS THAT")
    return bool(re.search(rf"(?:{'|'.join(words)})(?:\s*,[^.;]{{0,120}}?,)?\s*{_OWN_WORDS}", before))



def clash(actor: str, sentence: str) -> bool:
    """Security forces fighting guerrillas (a clash) or at police work (a raid, an arrest): not an
    attack anyone is blamed for."""
    if not _SECURITY.search(actor) or _INSURGENT.search(actor) or _ACCUSE.search(sentence):
        return False  # "THE GUERRILLAS SAY THE ARMY IS RESPONSIBLE FOR"
    if re.search(re.escape(actor) + _CHARGED_AFTER, sentence, re.IGNORECASE):
        return False  # "THE ARREST OF EIGHT MEMBERS OF THE ARMY INVOLVED IN THE MASSACRE": they are charged
    if _COMBATANTS.search(sentence):
        return not _CIVILIANS.search(sentence)
    work = _POLICE_WORK.search(sentence)
    if work is None:
        return False
    # "ARRESTED 10 PEOPLE SUSPECTED OF HAVING DETONATED A CAR BOMB": the harm is the suspects'
    deeds = _SUSPECTS_OF.search(sentence, work.end())
    return _HARM.search(sentence[:deeds.start()] if deeds else sentence) is None


def _speaker(sents: list[Sentence], known: set[str]) -> str | None:
    """The group an article that says "our forces" speaks for: the first insurgent group it names
    (a communique's heading or first line names it)."""
    if not any(re.search(r"\bOUR\b", s.text, re.IGNORECASE) for s in sents):
        return None
    for s in sents:
        for a, b in _groups(s.text):
            name = _name(s.text[a:b])
            if _names_group(name, known) and _INSURGENT.search(name):
                return name
    return None


# the group's own words quoted: '"... X ATTACKED A CONVOY," THE LEAFLETS READ'
_LEAFLET = re.compile(r"[\"”]\s*,?\s*(?:THE|ITS|THEIR)\s+(?:LEAFLETS?|COMMUNIQUES?|PAMPHLETS?|MESSAGES?|NOTES?)\s+"
                      r"(?:READS?|SAID|SAYS|STATED|STATES|ADDED)\b", re.IGNORECASE)
# "MEN WEARING MILITARY UNIFORMS", "WHO WORE FIELD UNIFORMS OF THE COLOMBIAN MILITARY"
_UNIFORMS = re.compile(r"\b(?:WEARING|WORE|DRESSED IN|IN)\s+(?:\w+\s+){0,2}?(?:"
                       r"(?:UNIFORMS?|FATIGUES)\s+OF\s+THE\s+(?P<of>(?:\w+\s+)?(?:MILITARY|ARMY|POLICE))\b|"
                       r"(?P<who>(?:\w+\s+)?(?:MILITARY|ARMY|POLICE))\s+(?:UNIFORMS?|FATIGUES)\b)", re.IGNORECASE)


def perpetrators(sents: list[Sentence], sources: list[Source | None]) -> list[tuple[int, Attribution]]:
    """One attribution per group and kind, at its first mention of that kind, with the index
    of its sentence."""
    out: list[tuple[int, Attribution]] = []
    seen: set[tuple[str, str]] = set()
    known = aliases("\n".join(s.text for s in sents))
    alias_rx = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, known))) + r")\b") if known else None
    speaker = _speaker(sents, known)
    for i, (s, src) in enumerate(zip(sents, sources, strict=True)):
        text = s.text
        if not VIOLENT_STEMS.search(text) and not _CLAIM.search(text) and not _TOOK_PART.search(text):
            continue
        # (an acronym before a person or place is not the group: "THE X [...] PRESIDENTIAL CANDIDATE")
        spans = _groups(text) + ([m.span() for m in alias_rx.finditer(text)
                                  if not _THING_AFTER.match(text, _after_bracket(text, m.end()))] if alias_rx else [])
        for a, b in spans:
            name = _name(text[a:b])
            ours = bool(_OURS.match(name)) and not _STATE_FORCES.search(name)
            if ours and speaker:
                name = speaker  # "OUR URBAN FORCES" in a group's communique: that group
            elif not _names_group(name, known):
                continue
            context = " ".join(x.text for x in sents[max(0, i - 1):i + 1])
            state = bool(_STATE_FORCES.search(name)) and not _INSURGENT.search(name)
            # an acronym in brackets after the name is the same mention: "THE OFFICES OF THE X POLICE (XP)"
            start = next((g for g, e in spans if 0 < a - e <= 2 and text[e:a].strip() in ("(", "[")), a)
            kind = _kind(text[:start], text[b:], context, state)
            if kind == "carried_out" and (ours or _LEAFLET.search(text, b) or _own_report(
                    name, known, (sents[i - 1].text if i else "") + " " + text[:a])):
                kind = "claimed"  # "THE FMLN REPORTS THAT ... FMLN COLUMNS STAGED ATTACKS": its own account
            if clash(name, text) or (kind == "carried_out" and QUESTION.search(text)):
                continue  # (a question asserts no act: "WHAT CAN THE X DO IN THE FACE OF AN ARMY THAT KILLS?")
            if kind is None or (name.upper(), kind) in seen:
                continue
            seen.add((name.upper(), kind))
            out.append((i, Attribution(kind, name, src.text if src else None, (s.start + a, s.start + b))))
        u = _UNIFORMS.search(text)
        who = "of" if u and u.group("of") else "who"
        if u and _HARM.search(text) and (u.group(who).upper(), "suspected") not in seen:
            # "KILLED BY MEN WEARING MILITARY UNIFORMS": the military, as a possibility
            seen.add((u.group(who).upper(), "suspected"))
            out.append((i, Attribution("suspected", u.group(who).upper(), src.text if src else None,
                                       (s.start + u.start(who), s.start + u.end(who)))))
    return out
