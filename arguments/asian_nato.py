"""The five Asian-NATO articles side by side: one map of the whole debate (``asian-nato``).

The five article maps are merged with :func:`argmap.merge.merge`: a point two articles
make is one claim that keeps the quotes of both, and its ``meta["maps"]`` (read with
:func:`argmap.merge.provenance`) names the articles it came from; ``sources_of`` names the
articles that quote it. Points mapped under different ids are folded with ``aliases``
(below, each with its reason). The builder then adds what a merge cannot know: where the
articles *disagree*, a rebuttal (or an undercut) from one article's claim to another's,
labelled with the disagreement and justified by the passages on both sides.

Verdicts of the synthesis (each article's own verdict stays in ``meta["verdicts"]``):

- desirable: ``mixed``. The articles split: STAIR is for, "remain a dream" is against,
  Chen Gang (Zaobao) weighs Japan's gain against its risk, and the JoongAng and ANKASAM
  pieces do not argue it. Set side by side, neither case defeats the other: deterrence,
  collective action at sea, burden-sharing and a larger Japanese role stand against
  escalation with China, the forced choice for economically dependent states and the loss
  of US flexibility, and each side's answers to the other (STAIR's transparency against
  escalation, "remain a dream"'s smaller partnerships against STAIR's regional
  coordination) are themselves contested.
- likely: ``mixed``. Again the articles split (JoongAng for; "remain a dream" and ANKASAM
  against; STAIR and Zaobao mixed), and they span spring 2024 to June 2025. The latest,
  JoongAng, reports a four-nation US-Japan-Australia-Philippines core taking shape under
  Trump, against ANKASAM's forecast that Trump's America would not back such an alliance;
  but that core is still informal and has no Article 5 pledge, India has said no, South
  Korea is wary and Southeast Asia is divided. A NATO-like core is forming; an Asian NATO
  as the theses define it (with an Article 5-style commitment) is not in sight.

"Remain a dream" and STAIR both hold that a collective-defence alliance would deter China
(``deters-china``), each with its own reasons: one claim, two arguments. No merge created
circular support (no two articles chain the same claims in opposite directions), and
``build(strict=True)`` would refuse one.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap import ArgumentMap, MapBuilder, RelationId, UnknownIdError
from argmap.merge import merge
from arguments import (
    joongang_squad,
    political_rhetoric,
    remain_a_dream,
    stair_blueprint,
    zaobao_united_front,
)
from arguments._common import DESIRABLE, LIKELY

MAP_ID = "asian-nato"

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
}

#: The wording of merged claims, where the first article's wording covers only its part.
TEXTS = {
    "ishiba-proposed": (
        "Japan's Prime Minister Shigeru Ishiba has proposed an Asian NATO, a NATO-like "
        "alliance in Asia."
    ),
    "article5-commitment": (
        "The proposed Asian NATO would carry an Article 5-style commitment: an attack on one "
        "member is an attack on all."
    ),
    "china-threat-growing": (
        "China's military power and assertiveness in the Indo-Pacific are growing."
    ),
    "north-korea-threat": "North Korea's nuclear and missile programmes threaten the region.",
    "china-opposes": (
        "China opposes an Asian NATO, seeing it as a threat, as containment and as Cold War "
        "thinking."
    ),
    "escalates-china-tensions": (
        "An Asian NATO, and the US-led alliance-building behind it, would escalate tensions "
        "with China and worsen its members' relations with Beijing."
    ),
    "deters-china": "A collective-defence alliance in the Indo-Pacific would deter China.",
    "us-alliances-bilateral": (
        "US alliances in Asia are bilateral (hub-and-spoke), with no NATO-style collective "
        "commitment among the allies."
    ),
    "india-strategic-autonomy": (
        "India guards its strategic autonomy and non-alignment, and has rejected joining an "
        "Asian NATO."
    ),
    "economic-dependence-on-china": (
        "Regional states depend economically on China, and would pay a price for joining a "
        "US-led alliance."
    ),
    "us-burden-sharing": (
        "The US wants its Asian allies to carry more of the defence burden (the long-standing "
        "free-rider problem)."
    ),
    "us-attention-divided": (
        "US attention is pulled away from Asia by crises elsewhere, such as Europe and the "
        "Middle East."
    ),
    "japan-philippines-core": (
        "Japan and the Philippines, with the US (and Australia), are the likeliest core of a "
        "NATO-like grouping in Asia."
    ),
    "taiwan-central": (
        "Taiwan, and a possible Chinese move against it, is central to any Indo-Pacific "
        "alliance's purpose."
    ),
    "japan-constitution-limits": (
        "Japan's post-war peace constitution (Article 9) limits its military role and its "
        "part in collective defence."
    ),
    "japan-active-leadership": (
        "An Asian NATO would raise Japan's role in regional security and beyond, from "
        "dependence on the US towards active leadership."
    ),
    "japan-breaks-constitution-limits": (
        "Japan is moving past its post-war pacifist limits: it builds up its forces and its "
        "leaders now propose a military alliance."
    ),
    "ldp-weakened": (
        "Ishiba's Liberal Democratic Party lost heavily in Japan's 2024 election, including "
        "its long-held majority."
    ),
    "asian-nato-needs-us": (
        "An Asian NATO can only form with US backing: US leadership and US resources."
    ),
    "us-cementing-united-front": (
        "The US is building, with Japan and other Asian partners, a security front against "
        "China and its partners."
    ),
    "us-wants-asian-nato": (
        "The US seeks a NATO-like multilateral bloc in Asia, on the model of NATO in Europe "
        "and in time tied to it."
    ),
}


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
            "quotes of every article that makes them, and the articles' disagreements as "
            "rebuttals between their claims."
        ),
        aliases=ALIASES,
        texts=TEXTS,
        verdicts={DESIRABLE: "mixed", LIKELY: "mixed"},
    )
    b = MapBuilder.from_map(merged)

    # -- Likely: does Trump's America drive the alliance or brake it? -------------------------
    # JoongAng (June 2025): "The push for an Asian NATO aligns with a strategic shift under
    # U.S. President Donald Trump's second administration". ANKASAM (Dec. 2024): Trump's
    # America "would prioritize national interests and adopt a strategy based on leadership
    # rather than multilateral alliances", so "the likelihood of the U.S. supporting the
    # establishment of a NATO-like alliance in the Asia-Pacific is considerably low".
    trump = "Trump: driver or brake of an Asian NATO?"
    b.ref("trump-averse-to-alliances").rebuts("us-strategy-shift", label=trump)
    b.ref("us-strategy-shift").rebuts("us-unlikely-to-back", label=trump)

    # ANKASAM: "Regional allies are expected to develop their security strategies more
    # independently and pragmatically in the absence of direct U.S. leadership". JoongAng,
    # half a year later: a NATO-like alliance "is beginning to take shape in Asia, led by
    # Japan and the United States", with Australia and the Philippines on board.
    b.ref("squad-taking-shape").rebuts(
        "allies-go-independent", label="allies: closing ranks or going their own way?"
    )

    # Zaobao: the US is cementing its united front "ahead of the US presidential elections, to
    # ensure consistency in US foreign policy in case Donald Trump is elected president".
    # ANKASAM: the strategy Japan built with the US under Biden "is expected to shift toward
    # more bilateral and limited collaborations during the Trump era".
    b.ref("japan-us-shift-bilateral").rebuts(
        "front-locked-in-before-election", label="will the Biden-era front outlast Biden?"
    )

    # Zaobao: US decision makers "strongly hope ... to push for a multilateral security
    # mechanism akin to NATO". "Remain a dream": Kritenbrink, the State Department's
    # assistant secretary for East Asia, "dismissed the proposal, saying it was too early to
    # discuss the idea".
    b.ref("us-dismissed-proposal").rebuts(
        "us-wants-asian-nato", label="does Washington want an Asian NATO?"
    )

    # ANKASAM (and "remain a dream", implicitly): it can only form with US leadership and
    # resources. STAIR: "it envisions a robust, self-sufficient Asian alliance where American
    # support is an asset rather than a crutch", one that "neither concedes to Chinese
    # dominance nor demands U.S. oversight".
    b.ref("third-option").rebuts(
        "asian-nato-needs-us", label="can Asia build it without US leadership?"
    )
    # ANKASAM: "due to the U.S.'s lack of leadership and resource constraints, the formation
    # of an "Asian NATO" as a concrete alliance is considered highly unlikely". STAIR: its
    # shared-responsibility model would fortify "regional defences without overtaxing US
    # resources", so scarce US resources are no bar to it.
    b.ref("lightens-us-load").undercuts(
        _relation(
            merged, ["us-resource-constraints", "asian-nato-needs-us"], "asian-nato-highly-unlikely"
        ),
        label="do scarce US resources rule it out?",
    )

    # -- Likely: who would join? --------------------------------------------------------------
    # STAIR: the alliance "would pull together a veritable "who's who" of Indo-Pacific powers,
    # including Japan, South Korea, Australia, and India". "Remain a dream": "India has
    # explicitly rejected the possibility of joining Asian NATO"; JoongAng: India is
    # "traditionally nonaligned".
    b.ref("india-strategic-autonomy").rebuts("major-powers-members", label="would India join?")
    # JoongAng: "Despite the growing momentum, South Korea remains wary", and "Seoul has
    # conveyed its objection to being included in Japan's "One Theater" framework".
    b.ref("south-korea-wary").rebuts("major-powers-members", label="would South Korea join?")

    # "Remain a dream": "Southeast Asian countries have responded differently to Chinese
    # aggression and expansion", some economically tied to China. STAIR grants that "Certain
    # ASEAN countries may eagerly embrace security ties, whereas others might need a slower
    # approach" and answers that an Asia NATO must "embrace adaptable participation, enabling
    # diverse commitments": a divided region need not keep it from forming.
    b.ref("flexible-participation").undercuts(
        _relation(merged, ["se-asia-divided"], LIKELY),
        label="a divided Southeast Asia or flexible membership?",
    )

    # -- Desirable: escalation or defusing? ---------------------------------------------------
    # STAIR: "An Asia NATO, by virtue of its transparency and multilateral structure, could
    # help to defuse this dilemma", building a system "that avoids provoking Beijing
    # unnecessarily". Against it: "remain a dream": "This alliance could further escalate
    # Sino-American tensions"; ANKASAM: the US-led moves "have further escalated tensions in
    # the Asia-Pacific"; Zaobao: Japan "faces the risk of deteriorating relations with China".
    dilemma = "escalation or a defused security dilemma?"
    b.ref("transparency-defuses-dilemma").rebuts("escalates-china-tensions", label=dilemma)
    # And the misreading STAIR hopes to defuse is already there: "China vehemently opposes an
    # Asian NATO, viewing it as a direct threat" ("remain a dream"); the initiatives "are
    # perceived by other regional actors as indicative of a broader strategic threat"
    # (ANKASAM); China casts it "as a thinly masked strategy to hinder its rise" (STAIR).
    b.ref("china-opposes").rebuts("transparency-defuses-dilemma", label=dilemma)
    # ANKASAM reports Ishiba "arguing that tensions over Taiwan could be mitigated through a
    # NATO-like defense mechanism"; "remain a dream" and Zaobao expect the alliance to raise
    # tensions with China (passages above).
    b.ref("escalates-china-tensions").rebuts(
        "nato-mechanism-eases-taiwan", label="does an alliance calm Taiwan tensions or raise them?"
    )

    # -- Desirable: unity and stability, or a split region? -----------------------------------
    # "Remain a dream": an Asian NATO would "force Asian countries to choose between pleasing
    # China to protect their economies or siding with the United States for security". STAIR:
    # it "brings ASEAN states on board with flexible, strategic partnerships", with
    # "adaptable participation, enabling diverse commitments" - no all-or-nothing choice.
    b.ref("flexible-participation").rebuts(
        "forces-choice", label="a forced choice or flexible membership?"
    )
    # STAIR: "If an Asian NATO gains any traction, it could anchor a new era of regional
    # stability." "Remain a dream": it "runs the risk of undermining regional stability and
    # forcing weaker nations closer to China's orbit", being "more likely to split alliances
    # than strengthen them".
    b.ref("undermines-stability").rebuts(
        "regional-stability", label="a new era of stability or a split region?"
    )

    # -- Desirable: a regional alliance or smaller partnerships? ------------------------------
    # "Remain a dream": the U.S. should strengthen "smaller, multilateral security alliances
    # that emphasize collective security without formalizing strict alliance obligations",
    # keeping "more flexible partnerships with individual countries". STAIR: "This new reality
    # insists on regional coordination, leaving behind the piecemeal, ad hoc alliances of the
    # past."
    b.ref("regional-coordination-needed").rebuts(
        "smaller-partnerships-better", label="one regional alliance or smaller partnerships?"
    )
    # STAIR: "the arrangement may well be as beneficial for the US as it is for Asia".
    # "Remain a dream": binding mandates like Article 5 would cost the U.S. the partnerships
    # that "allow the U.S. to adapt quickly to global affairs"; it should prefer flexible ones
    # "over rigid and broad alliances".
    b.ref("nato-rigid").rebuts("benefits-us", label="good for the US, or a loss of flexibility?")

    return b.build(strict=True)
