"""Actors are names: who did it, read from the parse and the recogniser (mixed-case news copy).

The patterns of ``responsibility`` find who is said to have attacked, claimed, been blamed or
denied; they read word sequences, and keep a pronoun as an actor. Here the sentence's structure
and spaCy's named-entity recogniser decide:

- a pronoun actor ("They claimed responsibility") becomes the named organisation, group,
  nationality or state mentioned last before it (a person for "he" and "she"), or is dropped;
  so do a possessive's men ("its fighters"); "the group" becomes the organisation named before it;
- an actor that names no one (headed by an act, a weapon or a time, or a clause: "the deadliest
  attack since the group", "during a funeral for militants") is dropped;
- the agent of an attack verb is an actor when its noun phrase holds a name: "Kestrel Hawks
  carried out the attack", "the attack was carried out by Kestrel Hawks", "Drakon Brigade
  fighters attacked". A weapon, a clause or an unnamed agent ("a car bomb", "armed men") is no
  actor. The recogniser decides what is a name: there is no list of groups. Agents are added
  only when the patterns found no one who did or claimed the article's own event: past that,
  another attack verb's agent is another event's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from monitor.extract.incidents import Sentence
from monitor.extract.syntax import MAX_PARSE_CHARS, forms, has_word, parse
from monitor.models import Attribution

ACTOR_LABELS = ("ORG", "NORP", "GPE", "PERSON")
_GROUP_LABELS = ("ORG", "NORP", "GPE")
_ATTACK = frozenset(f for lem in ("attack", "kill", "bomb", "shoot", "shot", "strike", "struck", "fire", "launch",
                                  "stage", "target", "shell", "raid", "ambush", "kidnap", "abduct", "massacre",
                                  "behead", "execute", "detonate", "storm", "assassinate", "murder", "plant")
                    for f in forms(lem))
_CARRY = frozenset(forms("carry"))  # "carried out"
_DENY = frozenset(f for lem in ("deny", "reject", "dismiss") for f in forms(lem))
_ATTACK_WORDS = _ATTACK | _CARRY


# a capitalised word past the sentence's first: where a name can be (the first word is capitalised anyway)
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:]) +[A-Z][a-z]")
_WEEKDAY_MONTH = re.compile(r"(?<=[\w,;:]) +(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|"
                            r"May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\b")


def mentions_attack(sentence: str) -> bool:
    """Whether an attack verb and a word that may begin a name appear: a cheap test, so that only
    such sentences are parsed for agents (a weekday or a month begins none)."""
    if len(sentence) > MAX_PARSE_CHARS or not has_word(sentence, _ATTACK_WORDS):
        return False
    return len(_INNER_CAPITAL.findall(sentence)) > len(_WEEKDAY_MONTH.findall(sentence))


_WHO_DID_IT = re.compile(r"\b(?:responsibility|militants?|insurgents?|rebels?|terroris[tm]s?|jihadists?|militias?|"
                         r"airstrikes?|air strikes?|"
                         # the weapons of armed groups and states, not of a street shooting (nor an
                         # abduction or a hostage-taking, which crime reports tell too)
                         r"rockets?|missiles?|drones?|mortars?|shelling|bombings?|suicide bombers?|car bombs?)\b",
                         re.IGNORECASE)
# ... or a sentence whose attack verb has a named agent: "was carried out by Kestrel Hawks"
_BY_NAME = re.compile(r"\b(?:[a-z]+ed|shot|struck|carried out)\s+by\s+(?:the\s+)?[A-Z]")

PRONOUN_ACTORS = {"it": _GROUP_LABELS, "they": _GROUP_LABELS, "its": _GROUP_LABELS, "their": _GROUP_LABELS,
                  "he": ("PERSON",), "she": ("PERSON",), "we": _GROUP_LABELS}
LOOK_BACK = 2  # sentences searched for a pronoun's antecedent
# an actor that names no one by itself: a pronoun, a possessive's men ("its fighters", "their
# forces"), or the group named before ("the group", "the militia")
_REFERRING = re.compile(r"^(?:(?P<pro>it|they|its|their|he|she|we|his|her)"
                        r"|(?P<own>its|their|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+"
                        r"|the\s+(?:group|militia|organi[sz]ation|movement|network))$", re.IGNORECASE)
_POSSESSIVE_OF = {"his": "he", "her": "she", "its": "its", "their": "their"}
# what an actor's phrase may be headed by when it holds no name: who can act, not what happened
# ("the deadliest attack since the group"), when ("during a funeral") or with what ("a car bomb")
_NOT_AGENT_HEADS = frozenset(
    "attack attacks bombing bombings strike strikes airstrike airstrikes blast blasts explosion explosions "
    "killing killings shooting shootings raid raids ambush assault massacre incident incidents violence "
    "bomb bombs device devices missile missiles rocket rockets drone drones shell shells mortar mortars "
    "grenade grenades gun guns rifle rifles weapon weapons vehicle car truck funeral ceremony day days "
    "week weeks month months year years time".split())


def _attack_verb(tok) -> bool:  # noqa: ANN001 - a spaCy Token
    if not tok.tag_.startswith("VB"):
        return False
    if tok.lower_ in _CARRY:  # "carried out"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return tok.lower_ in _ATTACK


def _agent(verb):  # noqa: ANN001, ANN202 - spaCy Tokens
    """The doer: the passive's "by" object, else the active subject."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if passive and c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
        if not passive and c.dep_ == "nsubj":
            return c
    return None


def _named(doc, head, labels: Sequence[str] = ACTOR_LABELS):  # noqa: ANN001, ANN202
    """The name the noun phrase headed by ``head`` holds: the phrase itself, when one of its words
    is in a named entity of these labels ("Drakon Brigade fighters"), else None."""
    lo, hi = head.left_edge.i, head.i
    for child in head.rights:  # "fighters of X", "militants loyal to X", "gunmen from X"
        if child.dep_ in ("prep", "amod") and child.lower_ in ("of", "from", "loyal", "linked", "allied", "affiliated"):
            hi = child.right_edge.i
            break
    for ent in doc.ents:
        if ent.label_ in labels and ent.start <= hi and lo < ent.end:
            return doc[min(lo, ent.start):max(hi, ent.end - 1) + 1]
    return None


def _antecedent(docs: list, at: int, pos: int, labels: Sequence[str]) -> str | None:
    """The name of these labels mentioned last before character ``pos`` of sentence ``at``."""
    for k in range(at, max(-1, at - LOOK_BACK - 1), -1):
        doc = docs[k]
        if doc is None:
            continue
        ents = [e for e in doc.ents if e.label_ in labels and (k < at or e.end_char <= pos)]
        if ents:
            return ents[-1].text
    return None


def names_as_actors(sents: list[Sentence], found: list[Attribution],
                    ) -> tuple[list[Attribution], list[tuple[int, Attribution]]]:
    """The attributions with every actor a name (pronouns resolved or dropped), and the named
    agents of attack verbs the patterns missed, with their sentence (carried out, said by no one)."""
    # the agents of attack verbs are read in an article that speaks of who did it (the patterns
    # found an actor, or it names a claim or an armed group): a crime report names its shooter
    # in every other sentence, and the parse costs about 2 ms a sentence
    speaks = any(_WHO_DID_IT.search(s.text) for s in sents)
    attack_gate = [mentions_attack(s.text) and (speaks or _BY_NAME.search(s.text) is not None) for s in sents]
    pronoun_at = {i for i, s in enumerate(sents) for a in found
                  if a.actor and _REFERRING.match(a.actor) and s.start <= a.span[0] < s.end}
    # an actor without a capital past its first letter may be no name at all: a word or two are
    # judged by their last ("a bomb"), a longer phrase by its sentence's parse
    found = [a for a in found if not (a.actor and _plain(a) and len(a.actor.split()) <= 2
                                      and a.actor.split()[-1].lower() in _NOT_AGENT_HEADS)]
    plain_at = {i for i, s in enumerate(sents) for a in found
                if a.actor and _plain(a) and len(a.actor.split()) > 2 and s.start <= a.span[0] < s.end
                and len(s.text) <= MAX_PARSE_CHARS}
    wanted = set()
    for i in range(len(sents)):
        if attack_gate[i] or i in plain_at:
            wanted.add(i)
        if i in pronoun_at:
            wanted.update(k for k in range(max(0, i - LOOK_BACK), i + 1) if len(sents[k].text) <= MAX_PARSE_CHARS)
    order = sorted(wanted)
    parsed = dict(zip(order, parse([sents[i].text for i in order]), strict=True))
    docs = [parsed.get(i) for i in range(len(sents))]
    out = []
    for a in found:
        ref = _REFERRING.match(a.actor) if a.actor else None
        if ref is None:
            i = next((k for k in plain_at if sents[k].start <= a.span[0] < sents[k].end), None)
            if i is None or docs[i] is None or _agent_phrase(docs[i], a.actor, a.span[0] - sents[i].start):
                out.append(a)
            continue  # a clause, an event, a weapon or a time: no actor, no attribution
        i = next(k for k in pronoun_at if sents[k].start <= a.span[0] < sents[k].end)
        word = (ref.group("pro") or ref.group("own") or "").lower()
        word = _POSSESSIVE_OF.get(word, word)  # "his" is a person's, "its" a group's
        at = _place(sents[i].text, a.actor, a.span[0] - sents[i].start)  # the name comes before it
        # the one who says it, when the recogniser calls them a group: "X said its fighters ..." is X's
        speaker = next((e.text for e in (docs[i].ents if docs[i] is not None else ())
                        if a.by and e.label_ in _GROUP_LABELS and e.text in a.by), None)
        if speaker is not None and (ref.group("pro") or ref.group("own")) and word not in ("he", "she"):
            name = speaker  # "JNIM, an al-Qaeda affiliate, said its fighters ambushed ...": JNIM's
        else:
            # "the group" is an organisation named before, not a nationality ("American officials")
            name = _antecedent(docs, i, at if at >= 0 else a.span[0] - sents[i].start,
                               PRONOUN_ACTORS.get(word, ("ORG",)))
        if name is not None:  # "They claimed responsibility", "its fighters": the group named before, or no one
            by = name if a.by and a.by.lower() == a.actor.lower() else a.by
            out.append(dataclasses.replace(a, actor=name, by=by))
        elif not ref.group("pro") and not ref.group("own"):
            out.append(a)  # "the group" with no name before it: kept, as the unnamed are
    if any(a.kind in ("carried_out", "claimed") and a.incident == "main" and a.actor and a.actor != a.actor.lower()
           for a in out):
        # the patterns found who did the article's event: another agent of an attack verb is
        # another event's ("In March a raid on a depot was carried out by X"); an unnamed one
        # ("after militants fired rockets") leaves the named agents to be read
        return out, []
    return out, _agents(sents, docs, out, attack_gate)


def _plain(a: Attribution) -> bool:
    """An actor that may be no name: no capital past its first letter, and no pronoun to resolve."""
    return (a.kind != "means" and bool(a.actor) and not _REFERRING.match(a.actor)
            and not re.search(r"[A-Z]", a.actor[1:]))


def _place(text: str, phrase: str, near: int) -> int:
    """Where the phrase stands in the sentence: from about ``near`` on (a pattern's span may open
    after its actor), else anywhere; -1 when it is not there as written."""
    at = text.find(phrase, max(0, near))
    return text.find(phrase) if at < 0 else at


def _agent_phrase(doc, actor: str, near: int) -> bool:  # noqa: ANN001 - a spaCy Doc
    """Whether the actor's phrase (in the parsed sentence, from about ``near`` on) can name who
    acted: it holds a name, or it is a noun phrase headed by someone, not by an act, a weapon or a
    time, nor a clause."""
    offset = _place(doc.text, actor, near)
    toks = [t for t in doc if offset <= t.idx < offset + len(actor)] if offset >= 0 else []
    if not toks:
        return True
    if any(t.ent_type_ in ACTOR_LABELS or t.tag_.startswith("NNP") for t in toks):
        return True
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head is t]
    if not heads:
        return True
    head = heads[0]
    if toks[0].tag_ in ("IN", "WDT", "WRB") or head.tag_.startswith("VB") or head.tag_ == "PRP":
        return False  # "during a funeral for militants", a clause, "him of domestic assault"
    return head.lower_ not in _NOT_AGENT_HEADS


def _agents(sents: list[Sentence], docs: list, have: list[Attribution], gate: Sequence[bool],
            ) -> list[tuple[int, Attribution]]:
    added: list[tuple[int, Attribution]] = []
    for i, (s, doc) in enumerate(zip(sents, docs, strict=True)):
        if doc is None or not gate[i] or s.text.rstrip().endswith("?"):
            continue
        for tok in doc:
            if not _attack_verb(tok) or any(c.dep_ == "neg" for c in tok.children):
                continue
            if any(v.lower_ in _DENY for v in tok.ancestors):
                continue  # "X denied that its forces had targeted the hospital": no act asserted
            agent = _agent(tok)
            if agent is None:
                continue
            if agent.lower_ in PRONOUN_ACTORS:  # "X said it carried out the attack": X
                text = _antecedent(docs, i, agent.idx, PRONOUN_ACTORS[agent.lower_])
                ent = next((e for e in doc.ents if e.text == text and e.end_char <= agent.idx), None)
                name = doc[ent.start:ent.end] if ent is not None else None
            else:
                name = _named(doc, agent)
            if name is None:
                continue
            words = {w.lower() for w in name.text.split()}
            if any(a.actor and words & {w.lower() for w in a.actor.split()} for a in have + [x for _, x in added]):
                continue  # the patterns found this actor already
            start = s.start + name.start_char
            added.append((i, Attribution("carried_out", name.text, None, (start, start + len(name.text)))))
    return added
