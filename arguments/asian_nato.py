"""The five Asian-NATO articles side by side: one map of the whole debate (``asian-nato``).

How it is built. The five article maps are merged with :func:`argmap.merge.merge`. A point
two articles make is one claim that keeps the quotes of both (``ALIASES`` folds the ones
mapped under different ids, ``TEXTS`` words each merged claim as *all* its articles say
it, no more); a point that two articles happen to give the same id is kept apart
(``RENAMES``), so that no merge widens what an article says. Every claim and every
relation records the article maps it came from (``meta["maps"]``, read with
:func:`argmap.merge.provenance`); what the synthesis adds itself names ``asian-nato``.
Each article's reasons are then routed through the lines of argument the articles share
(``HUBS`` and ``ROUTES``, with :func:`argmap.merge.reroute`), so that a thesis hangs eight
or eleven lines of argument rather than 22 to 28 separate inputs; a routed relation keeps
its article's provenance, records the thesis it used to point at (``meta["rerouted"]``),
and every claim keeps the side of every thesis its own article gives it (a test checks
this article by article). Last come the disputes between articles, labelled with the
question in dispute.

Merges split (each article's claim keeps its own id in ``RENAMES``): JoongAng's Taiwan
(what drives the Squad) and STAIR's (a complication any alliance must reckon with); "has
explicitly rejected joining", "remain a dream"'s alone, and India's strategic autonomy
(JoongAng, STAIR); the Squad's existing founders (JoongAng) and Zaobao's likeliest
members; the US's present demand for burden-sharing (JoongAng) and the long-standing
free-rider problem (STAIR); China's opposition ("remain a dream", STAIR) and ANKASAM's
unnamed "other regional actors"; Thailand's and Cambodia's present dependence on China
and ANKASAM's forecast that the Belt and Road "could increase" it; and three claims once
merged as "escalation": "remain a dream"'s prediction that the alliance escalates
Sino-American tensions, Zaobao's risk to Japan's relations with China, and ANKASAM's
observation that Western military moves escalate tensions.

The disputes. Where two articles' claims cannot both hold, each rebuts the other:

- *Trump: driver or brake?* JoongAng's "strategic shift under ... Trump's second
  administration" against ANKASAM's "considerably low" likelihood of US support.
- *Escalation or a defused dilemma?* "Remain a dream"'s "will likely escalate tensions
  with China" against STAIR's transparent alliance that "could help to defuse" the
  security dilemma, and against Ishiba's claim (reported by ANKASAM) that a NATO-like
  mechanism could ease Taiwan tensions.
- *A forced choice or flexible membership?* "force Asian countries to choose" against
  STAIR's "adaptable participation, enabling diverse commitments".
- *Unity or a split region?* "more likely to split alliances than strengthen them"
  against STAIR's "long-awaited sense of agency and unity".
- *One regional alliance or smaller partnerships?* STAIR's "regional coordination,
  leaving behind the piecemeal, ad hoc alliances" against "remain a dream"'s smaller,
  flexible partnerships.

Where one article answers another that does not answer back, the answer runs one way and
its note says why: JoongAng's June 2025 report of a pact taking shape answers ANKASAM's
December 2024 forecasts (mere rhetoric; allies going their own way; a bilateral turn), a
forecast cannot answer a later report, and ANKASAM's reasons meet JoongAng's reading in
the Trump dispute; ANKASAM's bilateral turn undercuts Zaobao's answer to the Trump risk
(the front "locked in" before the election): an undercut of an undercut; Kritenbrink's
"too early to discuss" undercuts the step from Washington's long-term hope (Zaobao) to an
alliance forming now; STAIR's lighter US load undercuts ANKASAM's resource argument;
India's refusal ("remain a dream") and Seoul's wariness (JoongAng) rebut STAIR's "who's
who" of members, and JoongAng's "increasingly wary of Chinese influence" undercuts the
refusal as an objection to India joining; STAIR's flexible membership undercuts a divided
Southeast Asia as a reason states would stay out; STAIR's turning public sentiment
undercuts "remain a dream"'s doubt that Ishiba's coalition can carry the push; "remain a
dream"'s answer to the supporters' deterrence case reaches STAIR, which makes that case;
"remain a dream"'s loss of US flexibility rebuts STAIR's net benefit for the US. Two
relations record agreement: JoongAng's founders bear out Zaobao's likeliest core, and
Hegseth's complaint is the free-rider problem STAIR names. STAIR's "third option" (an
alliance that "neither concedes to Chinese dominance nor demands U.S. oversight") is a
vision of what the alliance should be, not a claim that it can form without US backing,
so it is not set against the feasibility premise that it needs the US.

Verdicts of the synthesis (each article's own verdict stays in ``meta["verdicts"]``):

- desirable: ``mixed``. STAIR is for, "remain a dream" against, Zaobao weighs Japan's gain
  against its risk, JoongAng and ANKASAM do not argue it. Side by side, each case keeps
  reasons no other article answers: for, the members' gain (Japan's standing, the US's
  lighter load, Asia's agency) and the need for a framework beyond bilateralism; against,
  the risk of undermining stability if the alliance fails to unify the region (India's
  refusal feeds it) and the loss of US flexibility. The central clashes (escalation
  against a defused dilemma, a forced choice against flexible membership, unity against a
  split, one alliance against smaller partnerships) are each one article's prediction
  against another's, and the map leaves them undecided, as the articles do.
- likely: ``mixed``. JoongAng is for, "remain a dream" and ANKASAM against, STAIR and
  Zaobao mixed, and they span spring 2024 to June 2025. A US-led, NATO-like core is
  forming: JoongAng's four-nation "Squad", Zaobao's united front, Japan's push; the
  latest article's report answers ANKASAM's forecast of mere rhetoric. But an Asian NATO
  as the theses define it, with an Article 5-style commitment, is not in sight: the
  grouping is "still informal", India has said no, Seoul is wary, Southeast Asia is
  divided, STAIR's obstacles (command and control, SEATO, Taiwan) stand unanswered, and
  whether Trump's America drives or brakes it is in dispute.

How the evaluation reads. Under grounded semantics both theses are out, each by an
objection no article answers (desirable: "remain a dream"'s risk to stability; likely:
Kritenbrink's "too early" with the need for US backing, STAIR's obstacles, the states
that would stay out, the multipolar forecast), while the case for each also stands (every
line of argument for it is in): the one-unanswered-objection rule, not a verdict against.
DF-QuAD puts both at 0.500 (0.50006 and 0.5000000018): with several strong lines on each
side both aggregates saturate near 1, so the strength says "contested" and nothing more;
a non-saturating semantics is separate work. The map is not tuned to the ``mixed``
verdicts; they are the synthesis's reading of the articles, with the reasons above.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from argmap import ArgumentMap, MapBuilder, RelationId, UnknownIdError
from argmap.merge import mark_added, merge, reroute
from arguments import (
    joongang_squad,
    political_rhetoric,
    remain_a_dream,
    stair_blueprint,
    zaobao_united_front,
)
from arguments._common import DESIRABLE, LIKELY

MAP_ID = "asian-nato"

#: Same id, different point: map id -> {claim id in that map -> its id in the synthesis}.
#: Without these, the merge would fold each pair into one claim and widen what each
#: article says into what the other says.
RENAMES = {
    "joongang-squad": {
        # JoongAng reports the Squad's existing founders ("its founding members — Japan, the
        # Philippines, Australia and the United States"); Zaobao forecasts the likeliest
        # members ("the most likely countries to form a multilateral alliance with the US
        # would be Japan and the Philippines"). A report is not a forecast.
        "japan-philippines-core": "squad-founding-members",
    },
    "remain-a-dream": {
        # "India has explicitly rejected the possibility of joining Asian NATO" is this
        # article's alone; JoongAng's "traditionally nonaligned" and STAIR's "fierce
        # commitment to strategic autonomy" describe India's stance, not a refusal.
        "india-strategic-autonomy": "india-rejected-joining",
    },
    "stair-blueprint": {
        # STAIR: any alliance "must reckon with the tacit yet ineluctable prominence of
        # Taiwan" (a complication, among the obstacles); JoongAng: Taiwan drives the Squad's
        # focus and timeline (a reason it forms). Opposite uses of Taiwan, two claims.
        "taiwan-central": "taiwan-complicates-alliance",
        # STAIR: "the “free-rider” problem that has long plagued US-Asia security
        # relations"; JoongAng: the Trump administration "is pressing allies to shoulder
        # greater security responsibility". A long-standing problem and a present demand.
        "us-burden-sharing": "free-rider-problem",
    },
    "zaobao-united-front": {
        # Zaobao: Japan "faces the risk of deteriorating relations with China" (a risk to
        # Japan), not "remain a dream"'s claim that the alliance would escalate
        # Sino-American tensions.
        "escalates-china-tensions": "japan-china-ties-at-risk",
    },
    "political-rhetoric": {
        # ANKASAM: the initiatives "are perceived by other regional actors as indicative of
        # a broader strategic threat". It names no one; "China opposes" would widen it.
        "china-opposes": "others-see-threat",
        # ANKASAM: the Belt and Road "could increase the economic dependency of regional
        # countries" (a forecast, hedged), against "remain a dream"'s present dependence of
        # Thailand and Cambodia.
        "economic-dependence-on-china": "bri-deepens-dependence",
        # ANKASAM observes that Western military moves "exacerbate tensions around Taiwan"
        # and "have further escalated tensions": about the build-up, not an Asian NATO.
        "escalates-china-tensions": "western-moves-escalate",
    },
}

#: Same point, different ids: claim id -> the id it is folded into (only true equivalents).
ALIASES = {
    # Zaobao: joining the US-led alliance "Japan could see its role in regional and global
    # affairs increase"; STAIR: an Asia NATO moves Tokyo "from a position of dependency to
    # one of active leadership". Both: the alliance raises Japan's role (a reason for it).
    "japan-gains-influence": "japan-active-leadership",
    # STAIR: Ishiba's proposal "breaks sharply from Japan's postwar tradition of pacifism";
    # Zaobao: the build-up "signals a departure from the constraints imposed by Japan's
    # post-World War II peace constitution". Both: Japan is moving past its post-war limits.
    "japan-strategic-culture-shifted": "japan-breaks-constitution-limits",
    # "remain a dream": the LDP "lost their long-time majority in recent elections"; STAIR:
    # "significant losses in the 2024 Japanese elections". The same election result.
    "ldp-lost-majority": "ldp-weakened",
    # The implicit premise both articles need: "remain a dream" (an Asian NATO cannot take
    # shape without US backing) and ANKASAM (it can only form with US leadership and
    # resources).
    "us-backing-needed": "asian-nato-needs-us",
    # ANKASAM: the US is "establishing new security architectures in the Asia-Pacific region
    # against actors such as China, Russia, and North Korea"; Zaobao: the US is "cementing
    # an Indo-Pacific united front against China's rise". The same US-led build-up. (Not
    # JoongAng's "squad-taking-shape": that claims a NATO-like alliance is taking shape,
    # more than either of these says.)
    "western-bloc-building": "us-cementing-united-front",
    # ANKASAM: "the United States is attempting to implement similar strategic models in
    # both Europe and the Asia-Pacific"; Zaobao: "the US hopes to establish an Asia-Pacific
    # version of NATO, and tie it together with Europe's NATO". Both: the US seeks in Asia
    # the NATO model it has in Europe.
    "us-same-model": "us-wants-asian-nato",
    # "Remain a dream": "If successful, the alliance could create greater stability in
    # Asia"; STAIR: "If an Asian NATO gains any traction, it could anchor a new era of
    # regional stability". The same conditional upside, granted by both; each keeps its
    # own hedge (the merged qualifier names both).
    "could-stabilise-if-successful": "regional-stability",
}

#: The wording of merged claims: what every article that makes the point says, no more.
TEXTS = {
    "ishiba-proposed": (
        "Japan's Prime Minister Shigeru Ishiba has proposed an Asian NATO, a NATO-like "
        "alliance in Asia."
    ),
    "article5-commitment": (
        "The proposed Asian NATO would carry an Article 5-style commitment: an attack on one "
        "member is an attack on all."
    ),
    "china-threat-growing": "China is growing more assertive and threatening in the Indo-Pacific.",
    "north-korea-threat": "North Korea is a growing threat to the region's security.",
    "china-opposes": (
        "China opposes an Asian NATO: it sees in it a direct threat, Cold War thinking and a "
        "strategy to hinder its rise."
    ),
    "deters-china": "A strong collective-defence alliance would be a powerful deterrent to China.",
    "us-alliances-bilateral": (
        "US alliances in Asia are bilateral (hub-and-spoke), with no NATO-style collective "
        "commitment among the allies."
    ),
    "india-strategic-autonomy": (
        "India holds to its strategic autonomy: it has traditionally been nonaligned."
    ),
    "us-attention-divided": "US attention is drawn away from Asia by competing crises elsewhere.",
    "japan-constitution-limits": "Japan's post-war peace constitution limits its military role.",
    "japan-active-leadership": "An Asian NATO would raise Japan's role in regional security.",
    "japan-breaks-constitution-limits": "Japan is moving past the limits of its post-war pacifism.",
    "ldp-weakened": "Ishiba's Liberal Democratic Party lost ground in Japan's 2024 election.",
    "asian-nato-needs-us": "An Asian NATO cannot form without US backing.",
    "us-cementing-united-front": (
        "The US is building, with Japan and other partners, a security front in the "
        "Asia-Pacific against China."
    ),
    "us-wants-asian-nato": (
        "The US seeks to build in Asia a NATO-like bloc on the model of NATO in Europe."
    ),
    "regional-stability": "If it succeeds, an Asian NATO could bring the region greater stability.",
}

#: The lines of argument the synthesis routes the articles' cases through: claim id ->
#: (the thesis it bears on, support or rebuttal, its text or None for an article's own
#: claim, its label).
HUBS: dict[str, tuple[str, str, str | None, str]] = {
    "security-case": (
        DESIRABLE,
        "support",
        (
            "An Asian NATO would answer a growing threat from China and its partners with "
            "deterrence and stability."
        ),
        "the security case",
    ),
    "members-gain": (
        DESIRABLE,
        "support",
        (
            "An Asian NATO would serve its members' own interests: Japan's security and "
            "standing, the smaller states' protection, the US's burden, Asia's say in its own "
            "security."
        ),
        "the members' gain",
    ),
    "framework-needed": (
        DESIRABLE,
        "support",
        (
            "The region needs a collective security framework beyond its bilateral, ad hoc "
            "alliances, and an Asian NATO would be one."
        ),
        "a framework beyond bilateralism",
    ),
    "us-led-bloc-forming": (
        LIKELY,
        "support",
        (
            "The US and its allies are working towards a multilateral, NATO-like bloc in the "
            "Asia-Pacific."
        ),
        "the US-led bloc",
    ),
    "key-states-hold-back": (
        LIKELY,
        "rebuttal",
        (
            "Key regional states would stay out of an Asian NATO: India, states tied to "
            "China's economy, a divided Southeast Asia."
        ),
        "who would stay out",
    ),
}

#: Each article's reasons that the synthesis routes through a line of argument:
#: (premises, the thesis they bore on, the claim they now bear on through). The claim is
#: a hub above, or an article's own claim that states the line (the escalation of
#: "remain a dream", Japan's push as "remain a dream" puts it).
ROUTES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    # The security case: deterrence, stability, containment, calmer Taiwan tensions, the
    # threat it answers.
    (("deters-china", "china-threat-growing"), DESIRABLE, "security-case"),  # remain (supporters)
    (("deters-china",), DESIRABLE, "security-case"),  # STAIR
    (("only-mandate-deters",), DESIRABLE, "security-case"),  # remain (supporters)
    (("regional-stability",), DESIRABLE, "security-case"),  # remain, STAIR
    (("collective-action-at-sea", "protects-navigation"), DESIRABLE, "security-case"),  # STAIR
    (("china-challenges-order", "contains-china-more-effectively"), DESIRABLE, "security-case"),
    (("russia-china-alignment",), DESIRABLE, "security-case"),  # ANKASAM
    (("nato-mechanism-eases-taiwan",), DESIRABLE, "security-case"),  # ANKASAM (Ishiba)
    # The members' gain: Japan's, the smaller states', the US's, Asia's.
    (("japan-sees-alliance-necessary",), DESIRABLE, "members-gain"),  # remain (Japan's view)
    (("japan-wants-less-bilateral-reliance",), DESIRABLE, "members-gain"),  # remain
    (("sk-ph-gain-security",), DESIRABLE, "members-gain"),  # remain
    (("japan-active-leadership",), DESIRABLE, "members-gain"),  # STAIR, Zaobao
    (("benefits-us",), DESIRABLE, "members-gain"),  # STAIR
    (("hedge-us-pullback",), DESIRABLE, "members-gain"),  # STAIR
    (("third-option",), DESIRABLE, "members-gain"),  # STAIR
    (("asia-agency",), DESIRABLE, "members-gain"),  # STAIR
    # A framework beyond bilateralism.
    (("one-theater-needed",), DESIRABLE, "framework-needed"),  # JoongAng (proponents)
    (("regional-coordination-needed",), DESIRABLE, "framework-needed"),  # STAIR
    (("new-frameworks-needed", "beyond-bilateralism"), DESIRABLE, "framework-needed"),  # STAIR
    (("balances-deterrence-diplomacy",), DESIRABLE, "framework-needed"),  # STAIR
    (("transformative-potential",), DESIRABLE, "framework-needed"),  # STAIR
    # Escalation with China, in "remain a dream"'s words: Japan's worse ties with Beijing
    # (Zaobao) and the build-up's escalation (ANKASAM) are that escalation seen from Tokyo
    # and as it already happens; China's rejection (STAIR) is what "remain a dream" gives
    # as a reason for it, and STAIR's answer (the security dilemma) follows it there.
    (("japan-china-ties-at-risk",), DESIRABLE, "escalates-china-tensions"),  # Zaobao
    (("western-moves-escalate",), DESIRABLE, "escalates-china-tensions"),  # ANKASAM
    (("china-opposes",), DESIRABLE, "escalates-china-tensions"),  # STAIR
    # Likely: the US-led bloc, as Zaobao, ANKASAM and JoongAng each report it.
    (("squad-taking-shape",), LIKELY, "us-led-bloc-forming"),  # JoongAng
    (("us-wants-asian-nato",), LIKELY, "us-led-bloc-forming"),  # Zaobao, ANKASAM
    (("us-cementing-united-front",), LIKELY, "us-led-bloc-forming"),  # Zaobao, ANKASAM
    (("united-front-just-starting",), LIKELY, "us-led-bloc-forming"),  # Zaobao
    (("japan-philippines-core",), LIKELY, "us-led-bloc-forming"),  # Zaobao
    (("japan-pivotal-connector",), LIKELY, "us-led-bloc-forming"),  # Zaobao
    (("gerasimov-says-forming",), LIKELY, "us-led-bloc-forming"),  # ANKASAM
    # Likely: Japan's push, in "remain a dream"'s words ("Japan's leadership under Ishiba
    # is actively pursuing this alliance"): Ishiba's call (ANKASAM), Japan's changed
    # strategic culture (STAIR), its "One Theater" groundwork (JoongAng).
    (("ishiba-proposed",), LIKELY, "japan-actively-pursuing"),  # ANKASAM
    (("japan-breaks-constitution-limits",), LIKELY, "japan-actively-pursuing"),  # STAIR
    (("japan-promotes-one-theater", "one-theater-precondition"), LIKELY, "japan-actively-pursuing"),
    # Likely: who would stay out, "remain a dream"'s survey of the region.
    (("india-rejected-joining",), LIKELY, "key-states-hold-back"),
    (("economic-dependence-on-china",), LIKELY, "key-states-hold-back"),
    (("se-asia-divided",), LIKELY, "key-states-hold-back"),
)


def _relation(m: ArgumentMap, premises: Iterable[str], target: str) -> RelationId:
    """The id of the relation from ``premises`` (in any order) to ``target``."""
    wanted = frozenset(premises)
    for r in m.relations:
        if frozenset(r.premises) == wanted and r.target == target:
            return r.id
    msg = (
        f"no relation from {sorted(wanted)!r} to {target!r} in the merged map; has an "
        "article map changed?"
    )
    raise UnknownIdError(msg, target)


def _with_notes(m: ArgumentMap, notes: Mapping[str, str]) -> ArgumentMap:
    """The map with ``meta["note"]`` set on the relations named in ``notes``."""
    return attrs.evolve(
        m,
        relations=[
            attrs.evolve(r, meta=r.meta.set("note", notes[r.id])) if r.id in notes else r
            for r in m.relations
        ],
    )


def build() -> ArgumentMap:
    """Build the synthesis of the five article maps."""
    merged = merge(
        [
            joongang_squad.build(),
            remain_a_dream.build(),
            stair_blueprint.build(),
            zaobao_united_front.build(),
            political_rhetoric.build(),
        ],
        id=MAP_ID,
        title="The Asian NATO: five articles side by side",
        description=(
            "Five articles of 2024-2025 on an 'Asian NATO' (JoongAng Ilbo, 'remain a dream', "
            "STAIR, Lianhe Zaobao, ANKASAM) merged into one map: shared points once, with the "
            "quotes of every article that makes them, each article's case routed through the "
            "lines of argument the articles share, and their disputes as rebuttals between "
            "their claims."
        ),
        renames=RENAMES,
        aliases=ALIASES,
        texts=TEXTS,
        verdicts={DESIRABLE: "mixed", LIKELY: "mixed"},
    )
    b = MapBuilder.from_map(merged)
    for hub, (thesis, kind, text, label) in HUBS.items():
        if text is not None:
            b.claim(hub, text, implicit=True, tags=["synthesis"])
        ref = b.ref(hub)
        (ref.supports if kind == "support" else ref.rebuts)(thesis, label=label)

    # Why a one-way rebuttal or undercut runs one way, by relation id.
    notes: dict[str, str] = {}

    def dispute(one: str, other: str, label: str) -> None:
        """Two claims that cannot both hold: each article's claim rebuts the other's."""
        b.ref(one).rebuts(other, label=label)
        b.ref(other).rebuts(one, label=label)

    def answer(premise: str, target: str, label: str, why: str, *, undercut: bool = False) -> None:
        """One article answers another that does not answer back; ``why`` says why."""
        ref = b.ref(premise)
        rel = (ref.undercuts if undercut else ref.rebuts)(target, label=label)
        notes[rel.id] = why

    later = "a report of what happened after the other article's forecast answers the forecast"

    # == Likely =============================================================================
    # -- Trump: driver or brake? -------------------------------------------------------------
    # JoongAng (June 2025): "The push for an Asian NATO aligns with a strategic shift under
    # U.S. President Donald Trump's second administration". ANKASAM (Dec. 2024): "the
    # likelihood of the U.S. supporting the establishment of a NATO-like alliance in the
    # Asia-Pacific is considerably low". They cannot both hold; each is argued (Hegseth's
    # words at Shangri-La; Trump's record on NATO), so each rebuts the other.
    dispute("us-strategy-shift", "us-unlikely-to-back", "Trump: driver or brake of an Asian NATO?")

    # ANKASAM: "Regional allies are expected to develop their security strategies more
    # independently and pragmatically in the absence of direct U.S. leadership"; "the
    # security strategy developed by Japan in close cooperation with the U.S. ... is
    # expected to shift toward more bilateral and limited collaborations"; the idea "is
    # likely to remain a political rhetoric". JoongAng, half a year later: "A regional
    # security alliance resembling NATO is beginning to take shape in Asia, led by Japan and
    # the United States", the four ministers meeting "their fourth official meeting in three
    # years" and agreeing to "align defense investment priorities". The December forecasts
    # could not answer a June report; their reasons meet JoongAng's reading in the Trump
    # dispute above. (JoongAng's grouping is "still informal", so it does not deny ANKASAM's
    # "as a concrete alliance"; it denies the forecast of mere rhetoric and of allies going
    # their own way.)
    under_trump = "under Trump: closing ranks or going their own way?"
    answer("squad-taking-shape", "allies-go-independent", under_trump, later)
    answer("squad-cooperation-deepening", "japan-us-shift-bilateral", under_trump, later)
    answer(
        "squad-taking-shape",
        "remains-political-rhetoric",
        "rhetoric or a pact taking shape?",
        later,
    )

    # Zaobao (spring 2024): the US is cementing its front "ahead of the US presidential
    # elections, to ensure consistency in US foreign policy in case Donald Trump is elected
    # president". ANKASAM (Dec. 2024) does not deny the intent; it denies that it will hold:
    # the strategy built under Biden "is expected to shift toward more bilateral and limited
    # collaborations during the Trump era". So it undercuts Zaobao's answer to the Trump risk.
    answer(
        "japan-us-shift-bilateral",
        _relation(
            merged,
            ["front-locked-in-before-election"],
            _relation(merged, ["trump-could-change-course"], LIKELY),
        ),
        "will the Biden-era front outlast Biden?",
        "the later article answers the earlier one, which could not answer back",
        undercut=True,
    )

    # Zaobao: US decision makers "strongly hope ... to push for a multilateral security
    # mechanism akin to NATO", and "Over the long term, the US hopes to establish an
    # Asia-Pacific version of NATO". "Remain a dream": Kritenbrink, the State Department's
    # assistant secretary for East Asia, "dismissed the proposal, saying it was too early to
    # discuss the idea". "Too early" does not deny a long-term hope; it denies that the hope
    # shows the alliance coming now, so it undercuts the step from the one to the other.
    answer(
        "us-dismissed-proposal",
        _relation(merged, ["us-wants-asian-nato"], LIKELY),
        "does Washington want an Asian NATO now?",
        "a US official's reply to Ishiba's proposal; Zaobao, written before the proposal, "
        "could not answer it",
        undercut=True,
    )

    # ANKASAM: "due to the U.S.'s lack of leadership and resource constraints, the formation
    # of an “Asian NATO” as a concrete alliance is considered highly unlikely". STAIR: its
    # shared-responsibility model would fortify "regional defences without overtaxing US
    # resources", so scarce US resources are no bar to it. ANKASAM does not take up a
    # burden-sharing alliance. (STAIR's "third option", an alliance that "neither concedes to
    # Chinese dominance nor demands U.S. oversight", is a vision of what the alliance should
    # be, not a claim that it can form without US backing: it is no answer to
    # ``asian-nato-needs-us`` and is not set against it.)
    answer(
        "lightens-us-load",
        _relation(
            merged, ["us-resource-constraints", "asian-nato-needs-us"], "asian-nato-highly-unlikely"
        ),
        "do scarce US resources rule it out?",
        "ANKASAM does not consider an alliance that lightens the US load",
        undercut=True,
    )

    # -- Who would join? -----------------------------------------------------------------------
    # STAIR: the alliance "would pull together a veritable “who's who” of Indo-Pacific
    # powers, including Japan, South Korea, Australia, and India". "Remain a dream": "India
    # has explicitly rejected the possibility of joining Asian NATO"; JoongAng: "Despite the
    # growing momentum, South Korea remains wary". STAIR does not take up either.
    answer(
        "india-rejected-joining",
        "major-powers-members",
        "would India join?",
        "a report of India's stated refusal; STAIR does not take it up",
    )
    answer(
        "south-korea-wary",
        "major-powers-members",
        "would South Korea join?",
        "STAIR does not take up Seoul's reservations",
    )
    # JoongAng (June 2025) lists "even India" among "Possible future members"; "remain a
    # dream" reports that India "explicitly rejected the possibility of joining ..., citing
    # its commitment to independent foreign policy". JoongAng's own answer to that
    # commitment, "traditionally nonaligned but increasingly wary of Chinese influence",
    # meets the refusal's stated ground, so it undercuts the refusal as an objection too.
    india = b.ref("india-rejected-joining").rebuts("india-candidate", label="would India join?")
    b.ref("india-wary-of-china").undercuts(india, label="would India join?")

    # "Remain a dream": "Southeast Asian countries have responded differently to Chinese
    # aggression and expansion", some economically tied to China. STAIR grants that "Certain
    # ASEAN countries may eagerly embrace security ties, whereas others might need a slower
    # approach" and answers that an Asia NATO must "embrace adaptable participation, enabling
    # diverse commitments": a divided region need not keep it from forming.
    answer(
        "flexible-participation",
        _relation(merged, ["se-asia-divided"], LIKELY),
        "a divided Southeast Asia or flexible membership?",
        "'remain a dream' does not consider graded membership",
        undercut=True,
    )

    # -- Can Japan's weakened government carry the push? ---------------------------------------
    # "Remain a dream": the LDP "lost their long-time majority in recent elections" and
    # "Ishiba will work with a coalition government, which will include members who are both
    # for and against China" (its doubt on how far Japan's push can carry). STAIR grants the
    # same losses ("significant losses in the 2024 Japanese elections") and answers: "Yet,
    # the tide is turning, with increasing public sentiment in favour of a more robust
    # defence policy". "Remain a dream" does not take up public opinion.
    answer(
        "public-sentiment-shifting",
        _relation(
            merged,
            ["japan-coalition-mixed-on-china"],
            _relation(merged, ["japan-actively-pursuing"], LIKELY),
        ),
        "can Japan's weakened government carry the push?",
        "STAIR answers the weakened government with public opinion; 'remain a dream' does not "
        "consider it",
        undercut=True,
    )

    # Agreement a year apart: Zaobao (spring 2024) names Japan and the Philippines as the
    # likeliest members of a multilateral alliance with the US; JoongAng (June 2025)
    # reports them among the four founders of the "Pacific Defense Pact".
    b.ref("squad-founding-members").supports(
        "japan-philippines-core", label="the likeliest core, a year on"
    )

    # == Desirable ==========================================================================
    # -- Escalation or a defused dilemma? ------------------------------------------------------
    # "Remain a dream": "The proposal will likely escalate tensions with China". STAIR: "An
    # Asia NATO, by virtue of its transparency and multilateral structure, could help to
    # defuse this dilemma", a system "that avoids provoking Beijing unnecessarily". ANKASAM
    # reports Ishiba "arguing that tensions over Taiwan could be mitigated through a
    # NATO-like defense mechanism". Opposite predictions of one effect: mutual rebuttals.
    dispute(
        "escalates-china-tensions",
        "transparency-defuses-dilemma",
        "escalation or a defused security dilemma?",
    )
    dispute(
        "escalates-china-tensions",
        "nato-mechanism-eases-taiwan",
        "does an alliance calm Taiwan tensions or raise them?",
    )

    # -- Unity or a split region? ----------------------------------------------------------------
    # "Remain a dream": an Asian NATO would "force Asian countries to choose between pleasing
    # China to protect their economies or siding with the United States for security". STAIR:
    # it "brings ASEAN states on board with flexible, strategic partnerships", with
    # "adaptable participation, enabling diverse commitments" - no all-or-nothing choice.
    dispute("forces-choice", "flexible-participation", "a forced choice or flexible membership?")
    # "Remain a dream": "an Asian NATO at this stage would be more likely to split alliances
    # than strengthen them"; STAIR: it would instil "a long-awaited sense of agency and unity".
    dispute("splits-alliances", "asia-agency", "unity or a split region?")
    # "Remain a dream"'s "However, ... more likely to split alliances than strengthen them" is
    # its answer to "Those who support an Asian NATO" and their deterrence case; STAIR makes
    # that case in its own voice ("a formidable deterrent in any language"), so the answer
    # reaches STAIR's argument too. STAIR's replies to the split are the disputes above.
    answer(
        "splits-alliances",
        _relation(merged, ["deters-china"], DESIRABLE),
        "a deterrent, or a split alliance?",
        "'remain a dream' answers the supporters' deterrence case, which STAIR makes; STAIR "
        "answers the split in the disputes over unity and a forced choice",
        undercut=True,
    )

    # -- One regional alliance or smaller partnerships? ------------------------------------------
    # "Remain a dream": the U.S. should strengthen "smaller, multilateral security alliances
    # that emphasize collective security without formalizing strict alliance obligations".
    # STAIR: "This new reality insists on regional coordination, leaving behind the
    # piecemeal, ad hoc alliances of the past." Opposite prescriptions: mutual rebuttals.
    dispute(
        "regional-coordination-needed",
        "smaller-partnerships-better",
        "one regional alliance or smaller partnerships?",
    )

    # -- Good for the US? ------------------------------------------------------------------------
    # STAIR: "the arrangement may well be as beneficial for the US as it is for Asia".
    # "Remain a dream": binding mandates like Article 5 would cost the U.S. the partnerships
    # that "allow the U.S. to adapt quickly to global affairs". A cost set against a net
    # benefit: it does not deny the lighter load, it weighs against the net judgement.
    answer(
        "nato-rigid",
        "benefits-us",
        "good for the US, or a loss of flexibility?",
        "STAIR weighs the US's load, not its flexibility",
    )
    # Agreement: Hegseth's complaint that "it was unreasonable for Asian allies to maintain
    # low defense spending while expecting Europe to invest more" (JoongAng) is the
    # free-rider problem STAIR names, as Washington states it.
    b.ref("hegseth-low-spending").supports(
        "free-rider-problem", label="free-riding, as Washington sees it"
    )

    m = _with_notes(b.build(strict=True), notes)
    for premises, thesis, via in ROUTES:
        m = reroute(m, _relation(m, premises, thesis), via)
    return MapBuilder.from_map(mark_added(m)).build(strict=True)
