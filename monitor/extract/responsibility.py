"""Responsibility: who carried out an attack, who claimed it, who is blamed or suspected, who
denies it, and by what means (aircraft, drones). Each attribution keeps the actor, who says so
and its span."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from monitor.extract.incidents import Sentence
from monitor.extract.lexicon import (
    ATTACK_NOUN,
    BELIEF_THAT,
    CONDITION,
    CRIME,
    INTO_THE_AIR,
    MEANS,
    MEANS_CONTEXT,
    MEANS_NOT,
    OWN_ACCOUNT_VERBS,
    POSSIBILITY_THAT,
    QUESTION,
    VIOLENT_ACTS,
    WEAPONS,
    WHETHER,
)
from monitor.extract.sources import LEAD_WORDS, PRONOUNS
from monitor.models import Attribution, Source

_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]\s|\b(?:that|which|who|whom|when|while|after|because|"
                           r"although|though|but|said|says|say|told|tells|believe|believes|identify|identified|found|"
                           r"rul(?:e|ed|es|ing)\s+out|"
                           # someone's thought or report before the one held responsible: "police think X was behind"
                           r"think|thinks|thought|suspect|suspects|fear|fears|assume|assumes|allege|alleges|"
                           r"insist|insists|maintain|maintains|suggest|suggests|know|knows|knew|added|noted|"
                           r"announced|confirmed|reported|"
                           r"and then|as|if|whether|unless|where)\b", re.IGNORECASE)
_NP_END = re.compile(r"\s+(?:for|in|on|at|over|to|with|by|from|after|that|which|who|as|and|or|but|against|near|"
                     r"during|while|without|because|since|when|"
                     r"because|since|during|was|were|is|are|has|have|had|to|says|said|pleads|pleaded|told|"
                     r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b.*$|[,;:.()\"“”].*$",
                     re.IGNORECASE | re.DOTALL)


_CALLED = re.compile(r"\b(?:calling\s+(?:itself|themselves)|calls\s+itself|call\s+themselves|known\s+as|"
                     r"self-styled|so-called)\s", re.IGNORECASE)


# a coordinated verb phrase before the verb: "X (have) stormed a post and"
_FIRST_VERB = re.compile(r"(?P<subject>.+?)\s+(?:(?:has|have|had)\s+(?:also\s+)?)?[a-z]+ed\s+(?:[\w'’-]+\s+){1,6}and\s*$",
                         re.IGNORECASE)


_ASIDE = re.compile(r"(?<=\w)\s*,\s*(?:which|who)\s[^,;()\"“”]{1,80},\s*(?:(?:has|have|had|also|been|being)\s+)*$",
                    re.IGNORECASE)
_A_VERB = re.compile(r"(?:^|\s)[a-z]+ed\b", re.IGNORECASE)
_VERB_AND = re.compile(r"\s+(?:[a-z]+ed|shot|hit|struck|did)\s+and\s*$")  # "officers shot and [killed]": the subject
_ADVERB = re.compile(r"[a-z]+(?:ally|edly|ately|ently|antly|ously|ively|fully|enly)|later|then|also|just")  # not "family"


_APPOSITIVE_END = re.compile(r",\s*$")
# a time or place before the subject: "since last year the X", "in Kabul the X" (and "including X")
_LEAD_PHRASE = re.compile(r"^(?:since|during|after|before|over|throughout|until|in|on|at|last|earlier|including)\s+"
                          r"(?:[\w'’-]+\s+){1,4}?(?=(?:the|a|an)\s)", re.IGNORECASE)


def _np_before(text: str, pos: int, max_words: int = 7) -> str | None:
    """The noun phrase that ends right before pos: the subject of a verb at pos."""
    aside = _ASIDE.search(text, 0, pos)
    if aside:  # "the militia, which is backed by Iran, has been blamed": the subject before the aside
        pos = aside.start()
    chunk = _CLAUSE_BREAK.split(text[:pos])[-1]
    pieces = re.split(r"\b(?:is|are|was|were|be|been|to|by|against|into)\s", chunk, flags=re.IGNORECASE)
    chunk = pieces[-1]
    if len(pieces) > 1:  # "no deputies were hurt and no officers [were involved]": after a predicate, a new subject
        chunk = re.split(r"\s+and\s+", chunk)[-1]
    chunk = _CALLED.split(chunk)[-1]  # "a group calling itself the X": the X
    verbs = _FIRST_VERB.match(chunk)
    if verbs:  # "militants have stormed a post and [killed]": the subject of both verbs
        chunk = verbs.group("subject")
    else:  # "rebels attacked the town and the army [killed]": the second clause's subject
        parts = re.split(r"\s+(?:and|but)\s+", chunk)
        if len(parts) > 1 and _A_VERB.search(parts[-2]):
            chunk = parts[-1]
    chunk = _VERB_AND.sub("", chunk)
    words = _LEAD_PHRASE.sub("", LEAD_WORDS.sub("", chunk.strip())).split()[-max_words:]
    while words and _ADVERB.fullmatch(words[-1]):
        words.pop()  # "who police fatally [shot]"
    if words and words[-1].lower() in PRONOUNS:
        words = words[-1:]  # "Pickens told police he [shot]": he
    np = " ".join(words).strip(" ,.'\"“”’")
    return np or None


def _np_after(text: str, pos: int, max_words: int = 7) -> str | None:
    """The noun phrase that starts at pos: the object of a verb that ends at pos."""
    rest = text[pos:].lstrip()
    np = _NP_END.sub("", rest)
    words = np.split()[:max_words]
    np = " ".join(words).strip(" ,.'\"“”’")
    return np or None


_R_CLAIM = re.compile(r"\b(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claiming|took|has taken|accepted|"
                      r"taken)\s+(?:immediate\s+)?(?:the\s+)?(?:full\s+)?responsibility", re.IGNORECASE)
_RELATIVE_ACT = re.compile(r",\s*(?:which|who)\s+(?:(?:has|had|have)\s+)?(?:(?:[a-z]+ly|even|also|already)\s+){0,3}$",
                           re.IGNORECASE)
_AFTER_PREP = re.compile(r"\s(?:from|with|at|against|on|in|for|about|over)\s+", re.IGNORECASE)
_RELATIVE = re.compile(r",?\s*\b(?:which|that|who)\s+(?:has\s+|had\s+|have\s+|also\s+)*$", re.IGNORECASE)
_WORK_OF = re.compile(r"\s+(?:to\s+have\s+been|to\s+be)\s+the\s+work\s+of\s+", re.IGNORECASE)
_NOT_YET = re.compile(r"\b(?:not|never)\s+(?:yet\s+)?$", re.IGNORECASE)  # "X has not yet claimed responsibility"
_NO_ONE = re.compile(r"^(?:no|nobody|none|any)\b", re.IGNORECASE)
_NEITHER = re.compile(r"\b(?:neither|nor)\b(?:(?!\bbut\b)[^.;]){0,80}$", re.IGNORECASE)
_R_DENY = re.compile(r"\b(?:have\s+|has\s+|had\s+)?(?:strongly\s+|categorically\s+|flatly\s+|also\s+)?(?:denied|denies|deny|"
                     r"rejected|rejects)\s+(?:any\s+|all\s+)?(?:the\s+)?(?:role|involvement|responsibility|"
                     r"being involved|claims?|accusations?|allegations?)|"
                     # "Russia denied it had targeted civilians", "denied that they were behind the attack"
                     r"\b(?:denied|denies|deny)\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?"
                     r"(?:been\s+)?(?:carried out|attacked|targeted|struck|fired|launched|killed|bombed|shelled|behind|"
                     r"involved)\b|"
                     # "the Taliban denied carrying out the attack"
                     r"\b(?:denied|denies|deny)\s+(?:carrying\s+out|having\s+carried\s+out|staging|launching|being\s+behind|"
                     r"any\s+part\s+in|taking\s+part\s+in)\b", re.IGNORECASE)
# (and "unions are accusing X of": the progressive)
_R_BLAME = re.compile(r"\b(?:has\s+|have\s+|had\s+|(?:is|are|was|were)\s+(?=\w+ing\b))?"
                      r"(?:blamed|blames|blame|blaming|accused|accuses|accuse|accusing)\s+", re.IGNORECASE)
_ON_SOMEONE = re.compile(r"(?i)on\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)")  # "blamed on X", not "on Monday"
_R_ABOUT_ATTACK = re.compile(r"\b(?:attacks?|strikes?|bombings?|shootings?|killings?|massacre|raids?|assault|ambush|"
                             r"involvement|responsib\w+|behind|carrying out|launching|firing|killing|murder\w*|"
                             r"deaths?|explosions?|blasts?|assassinat\w*|kidnapp\w*|crimes?|shelling|bombard\w*|targeting|striking|"
                             r"attacking|bombing|attacked|bombed|killed|struck|shelled|targeted)\b", re.IGNORECASE)
_R_PASSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been)\s+(?:widely\s+|also\s+)?"
                        r"(?P<v>blamed|accused|suspected|believed to have been behind|thought to be behind|"
                        r"(?:being\s+)?held\s+(?:directly\s+|fully\s+|solely\s+)?responsible)\b",
                        re.IGNORECASE)
# "members of the army were responsible for the massacre": someone holds them responsible
_R_RESPONSIBLE = re.compile(r"\b(?:is|are|was|were|(?:has|have|had) been|may be|might be|could be|as having been|"
                            r"as being)\s+(?:(?:[a-z]+ly|also|most)\s+){0,2}"
                            r"(?:responsible\s+for|to blame\s+for|guilty\s+of|(?:implicated|involved)\s+in|behind)\s+"
                            r"(?:the\s+|this\s+|that\s+|these\s+)?"
                            r"(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|"
                            r"killings?|murders?|massacres?|assassinations?|kidnappings?|deaths?|explosions?|blasts?|"
                            r"shootings?|crimes?|actions?|incidents?|ambush(?:es)?|raids?|abductions?|hijackings?|"
                            r"shelling)\b", re.IGNORECASE)
# the reduced relative: "eight members of the army involved in / charged with the massacre"
_R_CHARGED = re.compile(rf"\b(?:involved\s+in|implicated\s+in|charged\s+with|accused\s+of|linked\s+(?:to|with))\s+"
                        rf"{CRIME}", re.IGNORECASE)
_AUX_BEFORE = re.compile(r"(?:\s+(?:is|are|was|were|be|been|being|has|have|had|will|to|directly|allegedly|reportedly))*"
                         r"\s*$", re.IGNORECASE)
# ... and those tried, arrested or sentenced for it: "officials of the army are to be brought to trial
# for the assassination", "two members of X were arrested for the bombing"
_R_TRIED = re.compile(rf"\b(?:brought\s+to\s+trial|put\s+on\s+trial|tried|prosecuted|convicted|sentenced|indicted|"
                      rf"arrested|detained|jailed)\s+(?:\w+\s+)?(?:for|in\s+connection\s+with)\s+{CRIME}",
                      re.IGNORECASE)
# "were arrested in the last hours because of their suspected involvement in the assassination" (the passive:
# "police arrested X for their role in" holds X, not the police, to blame)
_R_ARRESTED_OVER = re.compile(rf"\b(?:was|were|been|being)\s+(?:\w+\s+)?(?:arrested|detained|jailed)\s+"
                              rf"(?:[\w,]+\s+){{0,8}}?(?:for|because\s+of|over)\s+(?:their|his|her)\s+"
                              rf"(?:alleged\s+|suspected\s+|presumed\s+)?(?:involvement|participation|role|part)\s+in\s+"
                              rf"{CRIME}", re.IGNORECASE)
_CHARGE = re.compile(r"\s+of\s+(?:involvement|complicity|responsib\w*|the\s+\w+|an?\s+\w+|\w+ing)\b.*$", re.IGNORECASE)
# "the police suspect the X": the verb, with its object (not the adjective of "suspected guerrillas")
_R_SUSPECT = re.compile(r"\b(?:suspects?|suspected)\s+(?:that\s+)?(?=the\s)", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|of)\s*$", re.IGNORECASE)
_R_CARRIED = re.compile(r"\b(?:have\s+|has\s+|had\s+)?(?:carried out|conducted|launched|staged|mounted|perpetrated)\s+"
                        r"(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|strikes?|airstrikes?|bombings?|raids?|"
                        r"assault|ambush|massacre|shooting)", re.IGNORECASE)
# a group or state telling of its own act: "X said it had fired the rockets", "X says its jets struck"
_R_OWN_ACT = re.compile(rf"\b{OWN_ACCOUNT_VERBS}\s+"
                        r"(?:that\s+)?(?:it|they|(?:its|their)\s+(?:own\s+)?(?:forces|troops|jets|aircraft|warplanes|"
                        r"fighters|military|army|navy|drones|units|men|commandos))\s+(?:had\s+|has\s+|have\s+)?"
                        r"(?:carried out|attacked|struck|fired|launched|targeted|killed|bombed|shelled|hit|shot down|"
                        r"downed|ambushed|kidnapped|detonated|executed)\b", re.IGNORECASE)
_OWN_GATE = re.compile(r"\s(?:it|they|its|their)\s")  # (a cheap gate: the pattern needs one of these)
# ... not those who tell of what was done to them: "residents said they ..."
_REPORTERS = re.compile(r"\b(?:officials?|sources?|witness\w*|residents?|medics?|doctors?|survivors?|villagers?|"
                        r"neighbou?rs?|relatives?|families|family|victims?|reporters?|journalists?|analysts?)\b",
                        re.IGNORECASE)
# "X claimed the attack", "X claimed credit for Friday's bombing" (not "claimed the attack was ...")
_R_CLAIM_ACT = re.compile(rf"\b(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claiming)\s+(?:credit\s+for\s+|authorship\s+of\s+)?"
                          rf"(?:the\s+|this\s+|that\s+|these\s+|[\w'’-]+['’]s\s+)(?:[\w'’-]+\s+){{0,2}}?{ATTACK_NOUN}\b"
                          rf"(?!\s+(?:was|were|is|are|had|has)\b)", re.IGNORECASE)
# "suspicion fell on X"
_R_SUSPICION_ON = re.compile(r"\bsuspicions?\s+(?:has\s+|have\s+|had\s+)?(?:fell|falls|fallen|centred|centered|focused|"
                             r"focuses|rests?|rested|pointed|points)\s+on\s+", re.IGNORECASE)
# "responsibility for the attack was claimed by X", "the kidnapping was claimed by X"
_R_CLAIMED_BY = re.compile(r"\bclaimed\s+by\b", re.IGNORECASE)
_CLAIMED_WHAT = re.compile(rf"\b(?:responsibility|{ATTACK_NOUN})\s+(?:(?:for|of|on|in|against)\s+[^.;]{{0,60}}?\s+)?"
                           rf"(?:was|were|has been|have been|had been)\s+(?:later\s+|also\s+)?$", re.IGNORECASE)
# "the attack was the work of X" (a fact), "was apparently the work of X" (a suspicion), "could be
# the work of X" (a possibility); not "was not the work of X"
_R_WORK = re.compile(r"\bthe\s+work\s+of\s+", re.IGNORECASE)
_WORK_WHAT = re.compile(rf"\b{ATTACK_NOUN}\s+(?:[^.;]{{0,60}}?\s+)?(?P<v>(?:is|was|were|are)(?:\s+(?P<not>not))?|"
                        rf"(?:could|may|might|must|would)\s+(?:be|have\s+been))\s+(?P<h>apparently\s+|presumably\s+|"
                        rf"probably\s+|possibly\s+|clearly\s+)?$", re.IGNORECASE)
# the group's marks at the scene: "the attackers left pamphlets of X", "painted the walls with the words
# X", "a flag of X was found at the scene": a possibility
_R_MARKS = re.compile(r"\b(?:(?:pamphlets?|leaflets?|flags?|banners?|graffiti|slogans?|inscriptions?|initials)\s+"
                      r"(?:[\w'’-]+\s+){0,4}?(?:of|from|signed\s+by|alluding\s+to|reading)|hallmarks?\s+of|"
                      r"(?P<the>words|initials))\s+",
                      re.IGNORECASE)
_BELIEVED_TO_BE = re.compile(r"\b(?:believed|thought|suspected|said|presumed|alleged|reported)\s+to\s+(?:be|have\s+been)\s+"
                             r"(?:[\w'’-]+\s+){0,8}$", re.IGNORECASE)
_CLAIMED_BEFORE = re.compile(r"\b(?:claim(?:s|ed)|alleg(?:es|ed)|charg(?:es|ed)|insist(?:s|ed)|maintain(?:s|ed))\s+"
                             r"(?!responsibility|credit)[^.;]{0,60}$", re.IGNORECASE)
_TO_BE = re.compile(r"\b(?:going\s+to|will|would|was\s+to|were\s+to)\s+be\s+$", re.IGNORECASE)
_SELF = re.compile(r"\b(?:himself|herself|themselves|itself)$", re.IGNORECASE)
_THE_WORDS = re.compile(r"\bthe\s+$", re.IGNORECASE)
_SCENE = re.compile(rf"\b(?:{ATTACK_NOUN}|attackers?|assailants?|scene|explosion|killers?|gunmen)\b", re.IGNORECASE)
_GENERIC_ACT = re.compile(r"\b(?:carried out|perpetrated|committed|staged|planned|launched|planted|set off)\s+by\s+$",
                          re.IGNORECASE)
_ATTACK_BEFORE = re.compile(rf"\b{ATTACK_NOUN}\b", re.IGNORECASE)
_ACT = re.compile(rf"\b{ATTACK_NOUN}$", re.IGNORECASE)  # a phrase that ends with the act, not an actor
_ALLEGED_ACTOR = re.compile(r"(?:the\s+|some\s+|two\s+|several\s+|\d+\s+)?(?:alleged|suspected|presumed|supposed)\b",
                            re.IGNORECASE)
# a time between a verb and its agent: "kidnapped on Friday by X", "shot last night by X"
_WHEN = (r"(?:yesterday|today|tonight|overnight|(?:on|last|early|late|in|this)\s+(?:[\w-]+\s+){0,2}?"
         r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|night|morning|evening|afternoon|week|month|year|\d{1,4}|"
         r"january|february|march|april|may|june|july|august|september|october|november|december))")
_SUSPICION = ("alleged", "presumabl", "apparently", "believed", "suspected", "thought")
# "kidnapped by terrorists of the FMLN", "an attack by the Extraditables", "allegedly carried out by X"
_R_AGENT = re.compile(rf"\b(?P<hedge>(?:allegedly|presumably|reportedly|apparently|possibly|probably|"
                      rf"(?:believed|suspected|thought) to have been|may have been|might have been|could have been|"
                      rf"suspected of being)\s+)?"
                      rf"(?:{VIOLENT_ACTS}(?:\s+{_WHEN})?|(?:attacks?|bombings?|assassination|murder|massacre|kidnapping|"
                      rf"ambush|offensive|raid)s?)\s+by\s+", re.IGNORECASE)
# "urban commandos of the FMLN attacked the garrison", "the guerrillas have killed two soldiers",
# "the cartel's boss ordered the assassination of the candidate" (not "ordered an investigation")
_R_ACTIVE = re.compile(rf"\b(?:(?:has|have|had)\s+(?:also\s+)?)?(?:{VIOLENT_ACTS}|(?:ordered|organized|masterminded)(?=\s+"
                       rf"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?(?:assassination|killing|murder|attack|bombing|"
                       rf"massacre|kidnapping)s?\b))(?!\s+by\b|{INTO_THE_AIR})\s+(?:\d+|[a-z]+)", re.IGNORECASE)
_R_HELD = re.compile(r"\b(?:held|holds|hold|holding|considers?|considered)\s+(?P<actor>(?:the\s+)?[^,.;]{2,90}?)\s+"
                     r"(?:directly\s+|fully\s+|solely\s+)?responsible\b", re.IGNORECASE)
_R_ATTRIBUTED = re.compile(r"\b(?:attributed|blamed)\s+(?:the\s+)?[^.;]{2,60}?\s+to\s+(?:the\s+)?", re.IGNORECASE)
_GROUP_NOUN = re.compile(r"\b(?:guerrillas?|terrorists?|narcoterrorists?|rebels?|insurgents?|militants?|gunmen|"
                         r"commandos?|troops|soldiers|army|police|forces|front|party|movement|command|brigades?|"
                         r"cartel|extraditables|squads?|group|organi[sz]ation|militia|units?|battalion|government|"
                         r"regime|sappers|subversives?|drug traffickers|hit ?men|assassins|paramilitar\w*|fighters|jihadists?|"
                         r"separatists?|extremists?|militias|bandits)\b",
                         re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b(?![a-z])")


def _groupish(actor: str, upper_text: bool) -> bool:
    """A perpetrator: a group noun, or (in mixed-case text) an acronym such as FMLN or ELN."""
    if _GROUP_NOUN.search(actor):
        return True
    return not upper_text and bool(_ACRONYM.search(actor))
_NUMBERISH = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|people|persons)\b",
                        re.IGNORECASE)




_ROLE = re.compile(r"\b(?:spokes(?:person|man|woman)|minister|ministry|official|officials|spokesperson|"
                   r"representative|commander|leader|chief|secretary|adviser|advisor|head)\b", re.IGNORECASE)


def _actor_clean(text: str) -> str | None:
    t = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()).strip(" ,.'\"“”"), flags=re.IGNORECASE)
    return t or None


def _speaker_body(who: str | None) -> str | None:
    """The body a speaker speaks for: "Iranian government spokesperson Ali Rabiei" -> "Iranian government"."""
    if not who:
        return None
    m = _ROLE.search(who)
    if not m:
        return None
    body = re.sub(r"^(?:the|a|an)\s+", "", who[:m.start()].strip(), flags=re.IGNORECASE).rstrip("’'s ").strip()
    return body or None


# (the gates are tried on every sentence, in lower case: a case-blind search of the alternatives is
# twice as slow)
_ATTRIBUTION_TRIGGER = re.compile(  # at word starts only
    r"\b(?:responsib|blam|guilt|implicat|involv|accus|deni|deny|reject|suspect|carried out|conduct|launch|stag|mount|"
    r"perpetrat|held|hold|consider|attribut|by\b|behind|drone|uav|aircraft|jet|plane|helicopter|bomber|f-\d|killed|"
    r"murdered|assassinat|attack|kidnap|abduct|bomb|dynamit|ambush|massacr|machine|shot|wounded|destroy|burn|seiz|commit|"
    r"plann|plant|detonat|set off|fired|opened fire|shelled|shelling|bombard|stormed|torched|struck|targeted|raided|"
    r"rocket|straf|beheaded|executed|participated|took part)")
# ... and the gate of the charges, the suspicions and the marks (``_charges``)
_CHARGE_TRIGGER = re.compile(
    r"\b(?:involved|implicated|charged|accused|linked|brought|put\s+on|tried|prosecuted|convicted|sentenced|indicted|"
    r"arrested|detained|jailed|suspects?\b|suspected|work\s+of|pamphlets?|leaflets?|flags?|banners?|graffiti|slogans?|"
    r"inscriptions?|initials|words|hallmarks?)")


_UPPER, _LOWER = re.compile(r"[A-Z]"), re.compile(r"[a-z]")


def all_caps(text: str) -> bool:
    """MUC-style wire copy in capitals, where capitals mark no names."""
    return len(_UPPER.findall(text)) > 4 * len(_LOWER.findall(text))


@dataclass
class _Reading:
    """One sentence being read: its text, who reports it, and the attributions found so far."""
    s: Sentence
    by: str | None  # the sentence's source: who says so
    upper: bool  # all-caps wire copy
    question: bool
    out: list[Attribution] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.s.text

    def hedged(self, pos: int, window: int, possibility: bool = True) -> bool:
        """Doubt before ``pos``: "it is not known whether", and (``possibility``) "the possibility that"."""
        lo = max(0, pos - window)
        return bool(WHETHER.search(self.text, lo, pos) or (possibility and POSSIBILITY_THAT.search(self.text, lo, pos)))

    def add(self, kind: str, actor: str | None, who: str | None, m: re.Match[str], negated: bool = False) -> None:
        if actor and actor.lower() in PRONOUNS and kind == "denied":
            actor = _speaker_body(who) or who  # "We deny any role," the Iranian government spokesman said
        if actor is None and kind != "claimed":
            return  # an act or a charge with no one to hold it against ("were blamed", "denied it")
        if kind == "carried_out" and actor and _ALLEGED_ACTOR.match(actor):
            kind = "accused"  # "kidnapped by alleged death squads": someone's allegation
        if kind == "carried_out" and self.question:
            return  # a question asserts no act: "did the militia fire the rockets?"
        key = _actor_clean(actor).lower() if actor else None
        if any(b.kind == kind and b.negated == negated and (_actor_clean(b.actor).lower() if b.actor else None) == key
               for b in self.out):
            return  # two patterns, one attribution: "police suspect the X was behind the blast"
        self.out.append(Attribution(kind, actor, who, (self.s.start + m.start(), self.s.start + m.end()),
                                    negated=negated))


def _antecedent(text: str, m: re.Match[str]) -> str | None:
    """The subject before the match, or the antecedent of a relative clause ("the Red Dawn Front,
    which claimed responsibility")."""
    actor = _np_before(text, m.start())
    rel = _RELATIVE.search(text, 0, m.start())
    if not actor and rel:
        actor = _np_before(text, rel.start())
    return actor


def _read_claim(r: _Reading, m: re.Match[str]) -> None:
    text, actor = r.text, _antecedent(r.text, m)
    if actor and (_NO_ONE.match(actor) or _NEITHER.search(text, 0, m.start())
                  or _NOT_YET.search(text, max(0, m.start() - 20), m.start())):
        r.add("claimed", None, r.by, m, negated=True)  # (also "neither X nor any other group has claimed")
    elif actor:
        r.add("claimed", actor, r.by or actor, m)


def _read_own_act(r: _Reading, m: re.Match[str]) -> None:
    """ "Ruritania said it struck the depot": its own account """
    actor = _np_before(r.text, m.start())
    if actor and not _NO_ONE.match(actor) and actor.lower() not in PRONOUNS and not _REPORTERS.search(actor):
        r.add("claimed", actor, r.by or actor, m)


def _read_claimed_by(r: _Reading, m: re.Match[str]) -> None:
    if _CLAIMED_WHAT.search(r.text, max(0, m.start() - 120), m.start()):
        r.add("claimed", _np_after(r.text, m.end()), r.by, m)


def _read_denial(r: _Reading, m: re.Match[str]) -> None:
    r.add("denied", _antecedent(r.text, m), r.by, m)  # (also "the X, which has denied any involvement")


def _read_suspicion_on(r: _Reading, m: re.Match[str]) -> None:
    actor = _np_after(r.text, m.end())
    if actor and not _NO_ONE.match(actor):
        r.add("accused", actor, r.by, m)


def _read_blame(r: _Reading, m: re.Match[str]) -> None:
    text = r.text
    rest = text[m.end():]
    if _ON_SOMEONE.match(rest) and _R_ABOUT_ATTACK.search(text[max(0, m.start() - 150):m.start()]):
        actor = _np_after(text, m.end() + 3)  # "the attack, which the rebels blamed on the army"
        if actor and not _NO_ONE.match(actor):
            r.add("accused", actor, _np_before(text, m.start()) or r.by, m)
        return
    # blame for an attack, not "accused the US of supporting terrorism"; "no group has claimed the
    # attack, but officials blamed X": the attack went before
    if re.match(r"(?i)responsible\b", rest) or not (_R_ABOUT_ATTACK.search(rest[:200]) or (
            m.group().lower().startswith("blam") and not re.match(r"(?i)(for|of|in|on)\b", rest)
            and _R_ABOUT_ATTACK.search(text, max(0, m.start() - 150), m.start()))):
        return  # "... is being held responsible": the passive, read below
    if re.match(r"(?i)(for|of|in)\b", rest):
        if not re.match(r"(?i)ha[sdv]", m.group()):  # "a militia blamed for the attacks": a reduced passive
            r.add("accused", _np_before(text, m.start()), r.by, m)
        return  # ("the civilians whom the X has accused of": the accused went before)
    actor = _np_after(text, m.end())
    after = rest[len(rest) - len(rest.lstrip()) + len(actor or ""):]
    on = re.match(r"\s+on\s+", after)
    if on and not re.match(r"\s+(for|of)\b", after):  # "blamed the attack on X"
        actor = _np_after(text, m.end() + len(rest) - len(after) + on.end())
    if actor:  # "accused X of involvement in": the charge is not part of the actor
        actor = _CHARGE.sub("", actor)
    if actor and not _NO_ONE.match(actor):
        r.add("accused", actor, _np_before(text, m.start()) or r.by, m)


def _read_passive(r: _Reading, m: re.Match[str]) -> None:
    """Blamed, accused, held responsible, or suspected: someone holds it against them."""
    text = r.text
    bym = re.search(r"\bby\s+", text[m.end():m.end() + 60])
    who = _np_after(text, m.end() + bym.end()) if bym else r.by
    actor = _np_before(text, m.start())
    if "responsible" in m.group("v").lower():  # "for which the Red Dawn Front is being held responsible"
        actor = _actor_clean(actor or "")
    if actor and _ACT.search(actor):  # "the bombing is suspected to have been the work of X"
        work = _WORK_OF.match(text, m.end())
        actor = _np_after(text, m.end() + work.end() - work.start()) if work else None
    r.add("accused", actor, who, m)


def _read_responsible(r: _Reading, m: re.Match[str]) -> None:
    actor = _actor_clean(_np_before(r.text, m.start()) or "")
    if actor and not _NO_ONE.match(actor) and not re.match(r"(?i)(it|they|this|who|which|we|i)$", actor):
        # "he did not rule out X as having been responsible": a possibility
        r.add("suspected" if r.hedged(m.start(), 100) else "accused", actor, r.by, m)


def _read_carried(r: _Reading, m: re.Match[str]) -> None:
    actor = _np_before(r.text, m.start())
    if actor and not re.match(r"(?i)(it|they|this)$", actor):
        # "police have not ruled out that X carried out": a possibility
        r.add("suspected" if r.hedged(m.start(), 120) else "carried_out", actor, r.by, m)


def _read_agent(r: _Reading, m: re.Match[str]) -> None:
    """ "... carried out by X", with its hedge ("allegedly", "possibly") """
    text = r.text
    if _GENERIC_ACT.search(m.group()) and not _ATTACK_BEFORE.search(text, max(0, m.start() - 80), m.start()):
        return  # "the measures planned by the police": no attack was
    unsure = r.hedged(m.start(), 100, possibility=False)
    if CONDITION.search(text, max(0, m.start() - 80), m.start()) and not unsure:
        return  # "as they would have if the attack had been carried out by X": none was
    if _TO_BE.search(text, max(0, m.start() - 20), m.start()):
        return  # "the murder was going to be carried out by X": a plan
    actor = _np_after(text, m.end())
    if not (actor and _groupish(actor, r.upper) and not _NO_ONE.match(actor) and not WEAPONS.search(actor)):
        return
    hedge = (m.group("hedge") or "").lower()
    # "allegedly / presumably carried out by X": someone alleges or suspects it; "possibly by X": a possibility
    kind = ("accused" if hedge.startswith(_SUSPICION)
            else "suspected" if (hedge and not hedge.startswith("reported")) or unsure else "carried_out")
    if kind == "carried_out" and (BELIEF_THAT.search(text, max(0, m.start() - 160), m.start())
                                  or _CLAIMED_BEFORE.search(text, max(0, m.start() - 100), m.start())):
        kind = "accused"  # "no evidence that the crime was committed by X", "the army claimed the attack
        # was carried out by X": someone's belief or claim
    r.add(kind, actor, r.by, m)


def _active_subject(r: _Reading, m: re.Match[str]) -> str | None:
    """The subject of an active verb of violence, or None when the verb is not an act of a group."""
    text = r.text
    if not r.upper and m.group()[0].isupper() and m.start() > 0:
        return None  # a headline's capitals: "Police Officer Shot In Leg" (a passive)
    if _SELF.search(m.group()):
        return None  # "shot himself": no attack on others
    actor = _np_before(text, m.start())
    rel = None if r.upper else _RELATIVE_ACT.search(text, max(0, m.start() - 60), m.start())
    if rel and _AFTER_PREP.search(text, max(0, rel.start() - 60), rel.start()) and _ATTACK_BEFORE.search(
            text, max(0, rel.start() - 100), rel.start()):
        return None  # "the attacks against a union and a Red Cross office, which killed 9": the attacks killed
    if rel:  # "a threat from the X, which even destroyed the offices": the antecedent, after its preposition
        actor = _np_before(text, rel.start())
        actor = _AFTER_PREP.split(actor)[-1] if actor else None
    if (actor and _groupish(actor, r.upper) and not WEAPONS.search(actor) and not _NUMBERISH.search(actor)
            and not re.match(r"(?i)(it|they|this|who|which)$", actor)):
        return actor
    return None


_DENIED_THAT = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses)\s+"
                          r"(?:(?:the\s+)?(?:reports?|claims?|allegations?|accusations?|charges?)\s+)?that\b[^.;]*$",
                          re.IGNORECASE)


def _read_active(r: _Reading, m: re.Match[str]) -> None:
    actor = _active_subject(r, m)
    if actor is None:
        return
    text = r.text
    unsure = r.hedged(m.start(), 120, possibility=False)
    if CONDITION.search(text, max(0, m.start() - 80), m.start()) and not unsure:
        return  # "if the rebels had bombed the dam, ...": no act
    if r.hedged(m.start(), 120):
        r.add("suspected", actor, r.by, m)  # "the possibility that X staged the attack"
        return
    deny = _DENIED_THAT.search(text, max(0, m.start() - 200), m.start())
    if deny:  # "the Kremlin denied that Russian forces had targeted civilians": a denial, no act
        who = _np_before(text, deny.start())
        if who and not _NO_ONE.match(who):
            r.add("denied", who, r.by, m)
        return
    belief = BELIEF_THAT.search(text, max(0, m.start() - 200), m.start()) or _BELIEVED_TO_BE.search(
        text, max(0, m.start() - 120), m.start())  # (and "gunmen believed to be members of X opened fire")
    r.add("accused" if belief else "carried_out", actor, r.by, m)  # "police believe that X attacked"


def _read_held(r: _Reading, m: re.Match[str]) -> None:
    actor = _actor_clean(m.group("actor"))
    if actor and not _NO_ONE.match(actor):
        r.add("accused", actor, _np_before(r.text, m.start()) or r.by, m)


def _read_attributed(r: _Reading, m: re.Match[str]) -> None:
    actor = _np_after(r.text, m.end())
    if actor and _R_ABOUT_ATTACK.search(r.text[m.start():m.end()]):
        r.add("accused", actor, _np_before(r.text, m.start()) or r.by, m)


def _always(r: _Reading) -> bool:
    return True


@dataclass(frozen=True)
class _Rule:
    """A pattern of responsibility, the reader of its matches, and a cheap gate on the sentence."""
    patterns: tuple[re.Pattern[str], ...]
    read: Callable[[_Reading, re.Match[str]], None]
    gate: Callable[[_Reading], bool] = _always


# The rules in the order they are read. Precedence: two rules that find the same actor and kind
# make one attribution, the first one's (``_Reading.add``), so a claim read first wins.
_RULES = (
    _Rule((_R_CLAIM, _R_CLAIM_ACT), _read_claim),
    _Rule((_R_OWN_ACT,), _read_own_act, lambda r: bool(_OWN_GATE.search(r.text.lower()))),
    _Rule((_R_CLAIMED_BY,), _read_claimed_by),
    _Rule((_R_DENY,), _read_denial),
    _Rule((_R_SUSPICION_ON,), _read_suspicion_on),
    _Rule((_R_BLAME,), _read_blame),
    _Rule((_R_PASSIVE,), _read_passive),
    _Rule((_R_RESPONSIBLE,), _read_responsible),
    _Rule((_R_CARRIED,), _read_carried),
    _Rule((_R_AGENT,), _read_agent, lambda r: "by" in r.text.lower()),  # (an agent needs its "by")
    _Rule((_R_ACTIVE,), _read_active),
    _Rule((_R_HELD,), _read_held),
    _Rule((_R_ATTRIBUTED,), _read_attributed),
)


def attributions_in(s: Sentence, src: Source | None) -> list[Attribution]:
    """Who the sentence says did, claimed, is blamed for or denies an attack, and by what means."""
    low = s.text.lower()
    core, charges = _ATTRIBUTION_TRIGGER.search(low), _CHARGE_TRIGGER.search(low)
    if not core and not charges:
        return []
    r = _Reading(s, src.text if src else None, all_caps(s.text), bool(QUESTION.search(s.text)))
    if charges:
        _charges(s.text, r.upper, r.by, r.add)
    if not core:
        return r.out
    for rule in _RULES:
        if rule.gate(r):
            for pattern in rule.patterns:
                for m in list(pattern.finditer(s.text)):
                    rule.read(r, m)
    if MEANS_CONTEXT.search(s.text):
        for m in MEANS.finditer(s.text):
            if not MEANS_NOT.search(s.text[: m.start()]):
                r.out.append(Attribution("means", m.group("m"), r.by, (s.start + m.start(), s.start + m.end())))
    return r.out


def _charges(text: str, upper: bool, by: str | None, add: Callable[..., None]) -> None:
    """Those charged with, tried or suspected of a crime, an attack said to be a group's work, and a
    group's marks at the scene."""
    for m in _R_CHARGED.finditer(text):
        before = text[:m.start()]
        if before.rstrip()[-1:] in (",", ";"):
            continue  # "..., involved in": not a reduced relative of the phrase before
        aux = _AUX_BEFORE.search(before)
        if re.search(r"(?i)\bnot\s*$", before) or (aux.group().strip() and re.match(
                r"(?i)(?:\w+\s+)?(?:involved|implicated|accused)", m.group())):
            continue  # a denial is no charge; "is implicated in", "was accused of" are read above
        actor = _actor_clean(_np_before(text, aux.start()) or "")  # "X are being charged with"
        if actor and _groupish(actor, upper) and not _NO_ONE.match(actor):
            add("accused", actor, by, m)
    for m in _R_SUSPECT.finditer(text):
        if _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "the suspected X": an adjective
        actor = _CHARGE.sub("", _np_after(text, m.end()) or "")
        if actor and _groupish(actor, upper) and _R_ABOUT_ATTACK.search(text) and not _NO_ONE.match(actor):
            add("accused", actor, _np_before(text, m.start()) or by, m)
    for m in [*_R_TRIED.finditer(text), *_R_ARRESTED_OVER.finditer(text)]:
        at = _AUX_BEFORE.search(text, 0, m.start()).start()
        aside = _APPOSITIVE_END.search(text, 0, at)  # "people, including members of X, were arrested": X
        actor = _actor_clean(_np_before(text, aside.start() if aside else at) or "")
        if actor and _groupish(actor, upper) and not _NO_ONE.match(actor):
            add("accused", actor, by, m)
    for m in _R_WORK.finditer(text):
        w = _WORK_WHAT.search(text, max(0, m.start() - 160), m.start())
        actor = _np_after(text, m.end())
        if not w or w.group("not") or not actor or not _groupish(actor, upper) or _NO_ONE.match(actor):
            continue
        hedge = (w.group("h") or "").lower()
        modal = not w.group("v").lower().startswith(("is", "was", "were", "are"))
        kind = ("accused" if hedge.startswith(_SUSPICION) else "suspected" if modal or hedge.startswith("p")
                else "carried_out")
        add(kind, actor, by, m)
    for m in _R_MARKS.finditer(text):
        if m.group("the") and not _THE_WORDS.search(text, max(0, m.start() - 5), m.start()):
            continue  # "the words X" painted; other words are no mark
        actor = _np_after(text, m.end())
        if actor and _groupish(actor, upper) and _SCENE.search(text) and not _NO_ONE.match(actor):
            add("suspected", actor, by, m)
