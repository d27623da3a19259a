"""One lexicon: the cue words every stage of extraction reads, in one place.

Each entry is named for what it marks. Cues in upper case are read in all-caps wire copy (MUC),
where capitals mark no names; the others in news copy, usually with ``re.IGNORECASE``. Lists of
the same kind that differ (the verbs that report a figure, the verbs that close a quotation,
the verbs before a day) stay separate on purpose: each is the set its reader was measured with,
and merging them changes what is extracted. Add a cue word here, beside its kind, and measure.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- acts of violence and their means
# verbs of violence; "carried out", "launched", "planned" ... only with an attack to their object
# ("the army launched a publicity campaign", "measures planned by the police" are not violence)
ATTACK_NOUN = (r"(?:attacks?|bombings?|bombs?|car\s+bombs?|explosives?|devices?|charges?|dynamite|ambush(?:es)?|"
                r"assaults?|massacres?|murders?|killings?|assassinations?|offensives?|raids?|crimes?|strikes?|"
                r"airstrikes?|kidnappings?|shootings?|sabotage|actions?|blasts?|explosions?)")
PROJECTILES = r"(?:missiles?|rockets?|drones?|shells?|mortars?|grenades?|projectiles?)"
VIOLENT_ACTS = (r"(?:killed|murdered|assassinated|attacked|kidnapped|abducted|bombed|dynamited|ambushed|massacred|"
            r"machinegunned|machine-gunned|shot|wounded|destroyed|burned|seized|detonated|fired on|opened fire on|"
            r"shelled|bombarded|stormed|torched|struck|targeted|raided|rocketed|strafed|beheaded|executed|"
            rf"(?:carried out|perpetrated|committed|staged|planned|launched|planted|set off|fired|"
            rf"(?:participated|took part|were involved|was involved) in)"
            rf"(?=\s+(?:(?:a|an|the|its|their|two|three|several|\d+)\s+)?(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{ATTACK_NOUN}|{PROJECTILES})\b|\s+by\b))")
# the same acts in all-caps wire copy, as word stems ("KILLED", "MACHINEGUNNED", "BLEW UP")
VIOLENT_STEMS = re.compile(r"\b(?:KILL|MURDER|ASSASSINAT|ATTACK|KIDNAP|ABDUCT|BOMB|DYNAMIT|AMBUSH|MASSACR|MACHINEGUN|"
                      r"SHOT|SHOOT|WOUND|DESTROY|BURN|SET\s+FIRE|EXPLO(?=D|S)|DETONAT|FIRED|OPENED\s+FIRE|RAID|SEIZ|"
                      r"HIJACK|SABOTAG|TORTUR|EXECUT(?!IVE)|STORM|ROCKET|MORTAR|GRENADE|CAR\s+BOMB|TOOK\s+HOSTAGE|GUNNED|HOSTAGE|"
                      r"CLAIMED\s+THE\s+LIVES|BL(?:EW|OWN|OW|OWING)\s+UP)\w*",
                      re.IGNORECASE)
# warning shots, no one attacked: "the police shot in the air"
INTO_THE_AIR = r"\s+(?:shots\s+|rounds\s+)?in(?:to)?\s+the\s+air\b"
# a sentence that asks: it asserts no act
QUESTION = re.compile(r"\?[\s\"”’']*$")
# the crime one is charged with, tried or arrested for (also read by ``perpetrators``)
CRIME = (r"(?:the\s+|this\s+|that\s+|these\s+)?(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|killings?|killing|murders?|"
          r"murdering|massacres?|assassinations?|kidnappings?|crimes?|deaths?|ambush(?:es)?)\b")
# someone's knowledge, belief, claim or admission of what the group did: "ADMIT THAT MEMBERS OF THE X ARMY
# MASSACRED", "I LATER HEARD THAT THE X ARMY HAD MURDERED", "NO EVIDENCE THAT THE CRIME WAS COMMITTED BY X",
# "THE ARMY HAS CLAIMED THAT THE MINISTER WAS KILLED BY X"
BELIEF_THAT = re.compile(r"\b(?:ADMIT\w*|ANNOUNCEMENT|HEARD|EVIDENCE|INDICATIONS?|PROOF|BELIEVE\w*|BELIEFS?|CONVINCED|KNOWS?|"
                          r"KNEW|CERTAIN|SURE|DOUBT|SUSPICIONS?|ACKNOWLEDG\w*|RECOGNIZ\w*|CONFESS\w*|CLAIM(?:S|ED)|"
                          r"ALLEGE[SD]?|CHARGE[SD]|INSIST(?:S|ED)|MAINTAIN(?:S|ED)|"
                          # (and the accusation: "THE ACCUSATIONS MADE BY Y THAT THE ATTACK WAS CARRIED OUT BY X")
                          r"ACCUSATIONS?|ALLEGATIONS?|CHARGES)\b[^.;]{0,40}\bTHAT\b",
                          re.IGNORECASE)
# a possibility someone raises: "WE MUST INVESTIGATE THE POSSIBILITY THAT THE X STAGED THIS"
# (and one not ruled out: "POLICE HAVE NOT RULED OUT THAT X", "DID NOT RULE OUT X AS HAVING BEEN RESPONSIBLE")
POSSIBILITY_THAT = re.compile(r"(?:\b(?:POSSIBILITY|POSSIBLE|PROBABLE|LIKELY|CONCEIVABLE|HYPOTHESIS)\s+THAT\b|"
                              r"\b(?:NOT|N'T|NEVER|NO\s+ONE|NOBODY|CANNOT)\s+(?:\w+\s+){0,2}?RUL(?:E|ED|ES|ING)\s+OUT\b)"
                              r"[^.;]{0,60}$", re.IGNORECASE)
# someone does not know whether the group acted: "HE DOES NOT KNOW IF THE ARMY COMMITTED THE CRIME"
WHETHER = re.compile(r"\b(?:know|knows|knew|known|clear|unclear|certain|sure|investigat\w*|determine\w*|establish\w*|ask\w*|"
                     r"wonder\w*|doubt\w*|confirm\w*|idea|word)\s+(?:(?:on|as\s+to|about)\s+)?(?:if|whether)\s+"
                     r"(?:[\w'’\"“”-]+\s+){0,10}$", re.IGNORECASE)
# a condition ends right before: "as they would have if the attack had been carried out by X"
CONDITION = re.compile(r"\b(?:if|unless|whether)\s+(?:[\w'’-]+\s+){0,10}$", re.IGNORECASE)
# weapons are no actors: "drones struck the base"
WEAPONS = re.compile(r"\b(?:drones?|aircraft|jets?|planes?|helicopters?|missiles?|rockets?|bombs?|mortars?|"
                      r"grenades?|explosives?|car bombs?|dynamite|rifles?|guns?)\b", re.IGNORECASE)

# ---------------------------------------------------------------- the means of an attack (disputed in the ledger)
MEANS = re.compile(
    r"\b(?P<m>F-\d{1,2}\w*(?:\s+[A-Z]\w+){0,2}(?:\s+fighter(?:\s+(?:jets?|planes?))?)?|(?:combat\s+|armed\s+|attack\s+)?drones?|UAVs?|"
    r"warplanes?|fighter (?:jets?|planes?)|jets|helicopters?|aircraft|bombers?)\b(?!\s+(?:was|were)\s+(?:downed|shot))")
MEANS_CONTEXT = re.compile(r"\b(strikes?|airstrikes?|attacks?|launched|using|carried out|came from|bomb|raid)\b", re.IGNORECASE)
MEANS_NOT = re.compile(r"\b(downed|shot down|intercepted|against|targeting|targeted)\s+(?:a|an|the|two|\w+)?\s*(?:\w+\s+)?$", re.IGNORECASE)


def means_class(text: str) -> str:
    """The class of a weapon phrase: drones and piloted aircraft are the ones sources dispute."""
    t = text.lower()
    if "drone" in t or "uav" in t:
        return "drones"
    return "aircraft"

# ---------------------------------------------------------------- speech: who says so

# a group or state telling of its own act: "X said it had fired the rockets"
OWN_ACCOUNT_VERBS = r"(?:said|says|announced|announces|confirmed|confirms|acknowledged|admitted|admits|stated)"
# speech in wire copy: a group that reports or accuses is not the agent of what it tells
WIRE_SPEECH = re.compile(r"\b(?:REPORT\w*|SAID|SAYS|STATED|ANNOUNC\w*|CONFIRM\w*|DENOUNC\w*|INFORM\w*|TOLD|ADDED|"
                     r"DISCLOSED|REVEALED|CHARG\w*|ACCUS\w*|BLAM\w*|NOTED|EXPLAINED|DECLARED|INDICATE[SD]|"
                     r"ASSERTED|CLAIMED THAT|ADMITTED THAT|ACCORDING|BELIEVES?|THINKS?)\b", re.IGNORECASE)
# the verbs that attribute a figure to its source: "X said", "figures released by X showed"
REPORTING_VERBS = (r"(?:said|says|say|told|tells|reported|reports|report|stated|states|added|adds|confirmed|confirms|"
        r"announced|announces|estimated|estimates|estimate|wrote|writes|noted|notes|argued|argues|"
        r"shows|show|showed|found|finds|find|revealed|reveals|indicated|indicates|suggested|suggests|"
        r"predicted|predicts|calculated|calculates|concluded|concludes|testified|asserted|asserts|"
        r"explained|explains|acknowledged|acknowledges|insisted|insists|warned|warns|mentioned|mentions|"
        r"projected|projects|counted|counts|put the (?:number|figure|toll)|puts the (?:number|figure|toll)|"
        r"(?:has|have|had) (?:said|reported|found|learned|estimated|shown)|(?:was |were )?quoted as saying|"
        r"read|reads|put it|puts it|observed|observes|pointed out|points out|recalled|recalls|claimed|claims)")
# the verbs that close or open a quotation: '," X said', '" wrote X'
QUOTE_VERBS = (r"(?:said|says|say|told|tells|wrote|writes|added|adds|asked|asks|continued|continues|explained|"
          r"explains|noted|notes|recalled|recalls|tweeted|tweets|declared|declares|replied|replies|responded|"
          r"insisted|insists|argued|argues|warned|warns|stated|states|concluded|quipped|joked|answered|"
          r"announced|announces|reported|reports|shouted|yelled|acknowledged|admitted|conceded|cautioned|"
          r"predicted|claimed|claims|observed|remarked|countered|complained|urged|vowed|promised|boasted|"
          r"demanded|pleaded|proclaimed|went on|goes on|testified|posted|emailed|texted|wondered|"
          r"read|reads)")
# A day named as when something was said ("said in a statement on Monday"), not when it happened.
SPEECH_BEFORE_DAY = re.compile(
    r"\b(?:said|says|told|tells|stated|announced|reported|added|vowed|warned|quoted as saying|"
    r"briefed \w+(?: \w+)?|travell?ed|confirmed|released|identified)"
    r"(?:\s+(?:in|on|at|during|a|an|the|of|statement|interview|early|late|hours|morning|news|"
    r"conference|briefing|press|release)){0,8}\s*$",
    re.IGNORECASE,
)
# ... and the same for the days matching compares ("police said Monday")
SPEECH_BEFORE_EVENT_DAY = re.compile(r"\b(?:said|says|told|announced|released|identified|reported|posted|updated|published)\b"
                     r"[^.]{0,30}$", re.IGNORECASE)

# ---------------------------------------------------------------- words that carry no evidence
# words of no weight in a story's vector (TF-IDF)
STOPWORDS = set("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your said says say told according people police news
year years new one two three four five first last after week day monday tuesday wednesday thursday friday
saturday sunday time like get got may might per cent percent report reported reports just back told
around including since still well even many much made make across""".split())
# words that do not tie two sentences to one incident
CONTENT_STOPWORDS = set("""a an the and or but of in on at to for from by with as is was were are be been has have had
this that these those it its their his her they he she we you i not no also after before when while
which who whom what said says told according than then there here into over under about""".split())
# words that end a group's name in all-caps wire copy
NAME_BREAKERS = set("""THE A AN AND OR BY OF IN ON AT TO FROM FOR WITH THAT WHICH WHO WAS WERE IS ARE HAS HAVE HAD BEEN
BE SAID REPORTED ACCORDING AGAINST INTO THIS THESE THOSE ITS THEIR HIS HER ALSO NOT NO ONE TWO AS AFTER
BEFORE DURING WHILE WHEN BUT YESTERDAY TODAY SAY SAYS REPORT REPORTS STATE STATES ADD ADDS ADDED BELIEVE
BELIEVES LAST FEW MOST MORE HOURS DAYS WEEKS MONTHS YEARS NIGHT MORNING EVENING AFTERNOON JANUARY FEBRUARY
MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY
MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER BETWEEN AMONG WITHIN THROUGH ACROSS UNDER
OVER ABOUT AROUND WITHOUT TOWARD THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE DOZEN HUNDRED HUNDREDS
SEVERAL MANY""".split())
