"""The case of "Asian NATO proposal should remain a dream" (late 2024), as an argument map.

The article takes Shigeru Ishiba's proposal of an Asian NATO as its occasion, goes through
how the idea looks to Japan, South Korea and the Philippines, India, Southeast Asia, China
and the United States, and concludes that the U.S. should "reject the idea of an Asian
NATO" and instead strengthen smaller, flexible multilateral partnerships such as the
U.S.-Japan-South Korea pact.

Its case against desirability runs along three lines: the alliance "will likely" escalate
tensions with China; it would force dependent states to choose between China's markets and
U.S. security, so that "at this stage" it would "more likely" split alliances than
strengthen them; and its binding Article 5-style commitment would cost the U.S. the
adaptability an unstable region calls for. Its country-by-country survey also bears,
without a stated forecast, on whether the alliance is likely at all.

Modelling decisions:

- The author's own upside ("If successful, the alliance could create greater stability")
  and the supporters' claim ("a strong alliance would serve as the most powerful
  deterrent") are two claims, not one: the first is the author's conditional concession
  (``could-stabilise-if-successful``, with its hedge as a qualifier), the second is the case
  the author reports and answers (``deters-china``).
- The author's "However, an Asian NATO at this stage would be more likely to split alliances
  than strengthen them" answers both arguments of the supporters that precede it (the
  strongest deterrent; only a mandate deters). It does not deny that a strong alliance
  deters; it denies that this alliance, now, would be a strong one. So it undercuts both
  inferences to the thesis rather than rebutting either claim.
- The supporters' "more flexible commitments seem too weak" does tell against the author's
  recommendation; the author's reply is the closing "U.S. policymakers must balance
  deterrence with de-escalation", mapped as an undercut of that objection (deterrent
  strength alone does not decide the choice).
- Claims the article reports from others (the supporters, Japan's government, the Lowy
  Institute) state the content, with the attribution in the text and in the quote; no
  objection attacks a bare report.
- Hedges are qualifiers. Where the article states its confidence outright ("will likely
  escalate tensions ... and force Asian countries to choose"), the claim also gets a base
  score of 0.7, the usual reading of "likely"; all other claims keep the default.
- The article's evidence on South Korea and the Philippines cuts both ways, and the map
  lets it: last year's export figures undercut the 2017 figures as evidence of South
  Korea's dependence on China, and the Philippines' trade with the U.S. speaks against its
  dependence on China. The article does not answer either point, yet keeps its conclusion
  that Asian countries would be forced to choose (which Thailand and Cambodia still carry).

How the evaluation reads: on desirability the article's objections (escalation, a split
region, lost flexibility, the better alternative) stand unanswered and the supporters'
deterrence case is answered, so the thesis is out, as the article concludes; the author's
own conditional upside and the reported Japanese and South Korean gains stay in, as the
article leaves them. On likelihood the map carries only what the survey implies (India's
refusal, Washington's "too early", dependent and divided Southeast Asia against Japan's
push); the article never argues the question head-on, so its "against" rests on less than
its verdict on desirability does.
"""

from __future__ import annotations

from argmap import ArgumentMap
from arguments._common import article_builder

MAP_ID = "remain-a-dream"

#: The base score of a claim the article calls "likely" (the common reading of the word).
LIKELY_SCORE = 0.7


def build() -> ArgumentMap:  # noqa: PLR0915 - one statement per claim and relation
    """Build the map of "Asian NATO proposal should remain a dream"."""
    b, desirable, likely = article_builder(
        MAP_ID,
        "Asian NATO proposal should remain a dream",
        description=(
            "Why the U.S. should reject Ishiba's Asian NATO and favour smaller, flexible "
            "partnerships; with the article's survey of where the region's states stand."
        ),
        source_title="Asian NATO proposal should remain a dream",
        date="late 2024",
        # desirable: against. The article says so outright: "the U.S. must focus on
        #   strengthening small partnerships and reject the idea of an Asian NATO"; the
        #   title says it "should remain a dream".
        desirable="against",
        # likely: against, by implication only. The article makes no forecast; its survey
        #   weighs against: "India has explicitly rejected the possibility of joining",
        #   Washington's official "dismissed the proposal, saying it was too early to
        #   discuss the idea", Thailand's and Cambodia's "hands are tied", Southeast Asia
        #   has "responded differently"; only Japan's leadership "actively pursuing this
        #   alliance" points the other way, and "remain a dream" presupposes that it is not
        #   taking shape.
        likely="against",
    )

    # -- The proposal and what it would be ---------------------------------------------------
    proposed = b.claim(
        "ishiba-proposed",
        "Japan's new Prime Minister Shigeru Ishiba proposed a NATO-like alliance in Asia to "
        "counter Chinese expansion and aggression.",
        quote=(
            "Japan’s new Prime Minister Shigeru Ishiba proposed creating a NATO-like "
            "alliance in Asia to counter Chinese expansion and aggression"
        ),
        tags=["japan", "china"],
    )
    article5 = b.claim(
        "article5-commitment",
        "The proposed Asian NATO would carry binding collective-defence measures like "
        "NATO's Article 5, an attack on one being an attack on all.",
        quote=(
            "The Asian NATO would include binding, collective defense measures such as "
            "NATO’s Article 5, which mandates that an attack on one will be an attack on all."
        ),
    )
    threat = b.claim(
        "china-threat-growing",
        "Concern is growing over Chinese expansion and aggression around Taiwan and in the "
        "South China Sea.",
        quote=[
            "Amid growing concerns over tensions in the South China Sea and Taiwan",
            "to counter Chinese expansion and aggression",
        ],
        tags=["china", "taiwan"],
    )

    # -- The author's own upside, conditional on success -------------------------------------
    # "If successful, the alliance could create greater stability ... However, if it fails at
    # its goals to unify key players ..., it runs the risk of undermining regional
    # stability": the author grants the upside on a condition and sets the risk beside it
    # (``undermines-stability`` below); the hedge is the qualifier, not an objection.
    b.claim(
        "could-stabilise-if-successful",
        "If it succeeds, an Asian NATO could bring greater stability to Asia by deterring "
        "conflict in contested areas like Taiwan and the South China Sea.",
        quote=(
            "If successful, the alliance could create greater stability in Asia by deterring "
            "conflict in contested areas like Taiwan and the South China Sea."
        ),
        qualifier="if successful; could",
        tags=["taiwan", "china"],
    ).supports(desirable)

    # -- The supporters' case, as the article reports it -------------------------------------
    deters = b.claim(
        "deters-china",
        "A strong alliance would be the most powerful deterrent against China (the "
        "supporters' case).",
        quote=(
            "Those who support an Asian NATO argue that a strong alliance would serve as the "
            "most powerful deterrent against China."
        ),
        tags=["china"],
    )
    deterrence_case = b.linked(deters, threat).supports(desirable)
    only_mandate = b.claim(
        "only-mandate-deters",
        "Only a mandated security agreement would deter China (the supporters' case).",
        quote="They also argue that only a mandated security agreement would deter China",
        tags=["china"],
    )
    mandate_case = only_mandate.supports(desirable)
    too_weak = b.claim(
        "flexible-commitments-too-weak",
        "Discussions or more flexible security commitments are too weak to deter China (the "
        "supporters' case).",
        quote="as discussions or more flexible commitments seem too weak",
        qualifier="seem (the supporters' word)",
        tags=["china"],
    )
    too_weak.supports(only_mandate)
    # The supporters' point tells against the flexible partnerships the article recommends;
    # the article answers it below (``balance-deterrence-deescalation``).
    too_weak_objection = too_weak.rebuts("smaller-partnerships-better")

    # The Japanese view: the architect's reasons, reported as Japan's.
    b.claim(
        "japan-sees-alliance-necessary",
        "An Asian NATO is a necessary measure for Japan's security from China and would "
        "reinforce its ties with the U.S., especially with nuclear sharing (Japan's view).",
        quote=(
            "Japan views the alliance as a necessary measure to ensure its security from "
            "China and reinforce ties with the U.S., especially if nuclear-sharing "
            "arrangements come into play"
        ),
        tags=["japan", "china", "us"],
    ).supports(desirable)
    b.claim(
        "japan-wants-less-bilateral-reliance",
        "An Asian NATO would help keep the region stable and make Japan less reliant on "
        "bilateral security agreements with the U.S. alone (the aims of Ishiba's government).",
        quote=(
            "to maintain stability and reduce reliance on solely bilateral security "
            "agreements with the U.S."
        ),
        tags=["japan", "us"],
    ).supports(desirable)

    # South Korea and the Philippines: a strategic gain ...
    sk_ph_gain = b.claim(
        "sk-ph-gain-security",
        "South Korea and the Philippines would gain strategically from U.S. protection in an "
        "Asian NATO, reducing their reliance on China.",
        quote=(
            "Both countries stand to gain strategically from U.S. protection by reducing "
            "their reliance on China"
        ),
        tags=["south-korea", "philippines", "us", "china"],
    )
    sk_ph_gain.supports(desirable)
    sk_ph_gain.supports(likely)
    bases = b.claim(
        "philippines-us-bases",
        "Last year the Philippines gave the U.S. access to four new military bases to deter "
        "Chinese aggression in the South China Sea.",
        quote=(
            "the country gave the U.S. access to four new military bases last year to deter "
            "Chinese aggression in the South China Sea"
        ),
        tags=["philippines", "us", "china"],
    )
    bases.supports(sk_ph_gain)

    # -- Against desirability: escalation with China -----------------------------------------
    escalates = b.claim(
        "escalates-china-tensions",
        "An Asian NATO would escalate tensions between China and the U.S. and its partners.",
        quote=[
            "This alliance could further escalate Sino-American tensions.",
            "The proposal will likely escalate tensions with China",
        ],
        qualifier="will likely",
        base_score=LIKELY_SCORE,
        note="Base score 0.7: the article's conclusion says the proposal 'will likely' do so.",
        tags=["china", "us"],
    )
    escalates.rebuts(desirable)
    opposes = b.claim(
        "china-opposes",
        "China vehemently opposes an Asian NATO, seeing it as a direct threat.",
        quote="China vehemently opposes an Asian NATO, viewing it as a direct threat.",
        tags=["china"],
    )
    opposes.supports(escalates)
    b.claim(
        "china-warned-japan",
        "After the proposal, China warned Japan to be cautious and said the Asian NATO hyped "
        "up a non-existent China threat.",
        quote=[
            "China warned Japan to be “cautious in its words and deeds”",
            "said the Asian NATO “hyped up the non-existent ‘China threat.’”",
        ],
        tags=["china", "japan"],
    ).supports(opposes)
    b.claim(
        "ishiba-anti-china-policy",
        "The Asian NATO proposal is one layer of Ishiba's aggressive anti-China foreign policy.",
        quote="This proposal is just one layer of Ishiba’s aggressive anti-China foreign policy.",
        tags=["japan", "china"],
    ).supports(escalates)
    # The article's reply to the deterrence case, in its closing paragraph: deterrence is one
    # side of the scale, so neither the strongest deterrent nor the weakness of flexible
    # commitments as a deterrent settles the choice.
    balance = b.claim(
        "balance-deterrence-deescalation",
        "U.S. policymakers must weigh de-escalation against deterrence, so deterrent strength "
        "alone does not decide for or against an Asian NATO.",
        quote=(
            "In choosing a response, U.S. policymakers must balance deterrence with de-escalation."
        ),
        tags=["us"],
    )
    balance.undercuts(deterrence_case)
    balance.undercuts(too_weak_objection)

    # -- Against desirability: a forced choice that splits the region ------------------------
    dependence = b.claim(
        "economic-dependence-on-china",
        "Several Asian states, such as Thailand and Cambodia, depend economically on China.",
        quote="countries such as Thailand and Cambodia are economically dependent on China",
        tags=["china", "asean"],
    )
    sk_ph_lose = b.claim(
        "sk-ph-lose-economically",
        "South Korea and the Philippines stand to lose economically from joining an Asian "
        "NATO because they depend on China.",
        quote=(
            "they also stand to lose economically if they join an Asian NATO due to their "
            "dependence on China"
        ),
        tags=["south-korea", "philippines", "china"],
    )
    sk_ph_lose.supports(dependence)
    exports_evidence = b.claim(
        "sk-exports-to-china-exceed",
        "Since 2017, South Korea's exports to China have exceeded its exports to the U.S. "
        "and Japan combined (Peterson Institute).",
        quote=(
            "since 2017, South Korea’s exports to China have been larger than that of the "
            "United States and Japan combined"
        ),
        tags=["south-korea", "china"],
    ).supports(sk_ph_lose)
    # "However, last year ...": the article does not deny the figures since 2017; it reports
    # that they no longer held last year, so they no longer show a present dependence.
    b.claim(
        "sk-exports-shift",
        "Last year South Korea's exports to the U.S. and Japan combined overtook its exports "
        "to China for the first time since 2006.",
        quote=(
            "last year, South Korea’s exports to the United States and Japan combined "
            "overtook that of China for the first time since 2006"
        ),
        tags=["south-korea", "us", "japan", "china"],
    ).undercuts(exports_evidence)
    us_trade = b.claim(
        "philippines-trade-depends-on-us",
        "The Philippines depends economically on its trade with the United States "
        "(historian Vicente Rafael).",
        quote="“The Philippines is economically dependent on its trade relations with the United States.”",
        tags=["philippines", "us"],
        note="The article spells the historian's first name 'Vincente'.",
    )
    us_trade.rebuts(sk_ph_lose)
    # "This partnership is also why ... the country gave the U.S. access to four new
    # military bases": the article gives the trade tie as a reason for the bases.
    us_trade.supports(bases)
    thai_cambodia = b.claim(
        "thailand-cambodia-dependent",
        "Thailand's and Cambodia's hands are tied by their economic dependence on China "
        "(Lowy Institute).",
        quote="According to the Lowy Institute, their “hands are tied.”",
        tags=["asean", "china"],
    )
    thai_cambodia.supports(dependence)
    forces_choice = b.claim(
        "forces-choice",
        "An Asian NATO would force Asian countries to choose between pleasing China to "
        "protect their economies and siding with the U.S. for security.",
        quote=(
            "force Asian countries to choose between pleasing China to protect their "
            "economies or siding with the United States for security"
        ),
        qualifier="will likely",
        base_score=LIKELY_SCORE,
        note=(
            "Base score 0.7: the same sentence as the escalation, 'The proposal will likely "
            "escalate tensions with China and force Asian countries to choose'."
        ),
        tags=["china", "us"],
    )
    dependence.supports(forces_choice)
    splits = b.claim(
        "splits-alliances",
        "At this stage an Asian NATO would more likely split the region's alliances than "
        "strengthen them, by forcing countries to pick a side.",
        quote=[
            (
                "an Asian NATO at this stage would be more likely to split alliances than "
                "strengthen them, by forcing countries to pick a side"
            ),
            (
                "An Asian NATO presents multiple challenges that would undermine regional unity "
                "instead of strengthening it."
            ),
        ],
        qualifier="at this stage; more likely",
    )
    forces_choice.supports(splits)
    # "However, ... more likely to split alliances than strengthen them": the answer to both
    # of the supporters' arguments just before it. A strong alliance may deter, and a mandate
    # may be what deters; an alliance that splits its members is neither.
    splits.undercuts(deterrence_case)
    splits.undercuts(mandate_case)
    unstable = b.claim(
        "undermines-stability",
        "An Asian NATO that fails to unify key players or alienates interdependent states "
        "risks undermining regional stability and pushing weaker nations toward China.",
        quote=(
            "if it fails at its goals to unify key players or alienates economically "
            "interdependent countries, it runs the risk of undermining regional stability "
            "and forcing weaker nations closer to China’s orbit"
        ),
        qualifier="if it fails to unify key players or alienates interdependent states; a risk",
        tags=["china"],
    )
    splits.supports(unstable)
    unstable.rebuts(desirable)

    # India: the key player that will not join.
    india = b.claim(
        "india-strategic-autonomy",
        "India has explicitly rejected joining an Asian NATO, citing its commitment to an "
        "independent foreign policy (Reuters).",
        quote=(
            "India has explicitly rejected the possibility of joining Asian NATO, citing its "
            "commitment to independent foreign policy"
        ),
        tags=["india"],
    )
    b.claim(
        "jaishankar-different-history",
        "India's Foreign Minister Jaishankar told the U.N. that India has a different history "
        "and a different way of approaching an Asian NATO.",
        quote="“We have ... a different history and different way of approaching.”",
        tags=["india"],
    ).supports(india)
    india_weakens = b.claim(
        "india-rejection-weakens",
        "India's refusal weakens an Asian NATO's cohesion and strength by removing a major "
        "military and political force.",
        quote=(
            "India’s rejection weakens the cohesiveness and strength of the Asian NATO by "
            "removing a major military and political force from the equation."
        ),
        tags=["india"],
    )
    india.supports(india_weakens)
    india_weakens.supports(unstable)
    india.rebuts(likely)

    # -- Against desirability: the loss of U.S. flexibility ----------------------------------
    adaptable = b.claim(
        "flexible-partnerships-adaptable",
        "Unlike NATO, the U.S.'s Indo-Pacific partnerships let it adapt quickly to world "
        "affairs because they carry no binding mandate like Article 5.",
        quote=(
            "Unlike NATO, these partnerships allow the U.S. to adapt quickly to global "
            "affairs because they do not include binding mandates such as NATO’s Article 5."
        ),
        tags=["us"],
    )
    rigid = b.claim(
        "nato-rigid",
        "An Asian NATO would be a rigid, broad alliance: its binding Article 5-style mandate "
        "would cost the U.S. the flexibility of its smaller partnerships.",
        quote=(
            "By employing more flexible, smaller multilateral partnerships over rigid and "
            "broad alliances"
        ),
        tags=["us"],
    )
    b.linked(article5, adaptable).supports(rigid)
    prioritize = b.claim(
        "us-must-prioritize-adaptability",
        "The U.S. must make adaptability its priority in the Indo-Pacific.",
        quote="Thus, the U.S. must prioritize its adaptability in the Indo-Pacific.",
        tags=["us"],
    )
    b.claim(
        "asia-unstable",
        "Asia is so unstable that the situation could turn on a single decision.",
        quote="In a region as unstable as Asia, tides could turn with a single decision.",
    ).supports(prioritize)
    b.linked(rigid, prioritize).rebuts(desirable)

    # -- Against desirability: a better alternative ------------------------------------------
    smaller = b.claim(
        "smaller-partnerships-better",
        "Instead of an Asian NATO, the U.S. should strengthen smaller multilateral security "
        "partnerships without strict alliance obligations.",
        quote=[
            (
                "the U.S. must focus on strengthening small partnerships and reject the idea of "
                "an Asian NATO"
            ),
            (
                "the United States can focus its attention on creating and strengthening existing "
                "smaller, multilateral security alliances that emphasize collective security "
                "without formalizing strict alliance obligations"
            ),
        ],
        tags=["us"],
    )
    smaller.rebuts(desirable)
    no_threat = b.claim(
        "small-pacts-no-threat-to-china",
        "Smaller multilateral security pacts increase security cooperation in Asia without "
        "outwardly threatening China's claims.",
        quote=(
            "These alliances increase security cooperation between countries in Asia "
            "without outwardly threatening China’s claims."
        ),
        tags=["china"],
    )
    no_threat.supports(smaller)
    b.claim(
        "jarokus-coordinates",
        "Through the U.S.-Japan-South Korea trilateral pact, the U.S. coordinates military "
        "responses with its partners while minimising the risk of Chinese retaliation.",
        quote=(
            "Through this agreement, the US is able to coordinate military responses with "
            "its partners in Asia while minimizing the risk of Chinese retaliation."
        ),
        tags=["us", "japan", "south-korea", "china"],
    ).supports(no_threat)
    keeps_flexibility = b.claim(
        "small-pacts-keep-flexibility",
        "Through smaller, flexible partnerships the U.S. can support its allies and regional "
        "stability while keeping its flexibility and limiting the risk of conflict.",
        quote=[
            "the U.S. can support regional allies while minimizing the risk of conflict",
            (
                "through these multilateral partnerships, the US can simultaneously support "
                "stability in Asia and retain its flexibility"
            ),
        ],
        tags=["us"],
    )
    keeps_flexibility.supports(smaller)
    adaptable.supports(keeps_flexibility)
    existing = b.claim(
        "existing-partnerships-base",
        "The U.S. already works through flexible arrangements in the Indo-Pacific, not a "
        "NATO-like pact: bilateral alliances meant to deter China, the Quad, and aid to allies.",
        quote=(
            "Historically, America has avoided formalizing a NATO-like alliance in Asia, "
            "instead opting for more flexible partnerships with individual countries."
        ),
        tags=["us"],
    )
    existing.supports(smaller)
    bilateral = b.claim(
        "us-alliances-bilateral",
        "U.S. security policy in the Indo-Pacific rests on bilateral alliances with Japan, "
        "South Korea, the Philippines and Australia.",
        quote=(
            "Currently, U.S. policy in the Indo-Pacific involves bilateral alliances with "
            "Japan, South Korea, the Philippines and Australia."
        ),
        tags=["us", "japan", "south-korea", "philippines", "australia"],
    )
    bilateral.supports(existing)
    b.claim(
        "bilateral-alliances-aim-to-deter",
        "The U.S.'s bilateral alliances in Asia rest on the idea that bilateral collaboration "
        "deters Chinese attacks.",
        quote=(
            "These security alliances revolve around the idea that bilateral collaboration "
            "will deter Chinese attacks."
        ),
        tags=["us", "china"],
    ).supports(existing)
    b.claim(
        "quad-facilitates-communication",
        "The U.S. also takes part in the Quad with Australia, India and Japan, a diplomatic "
        "partnership that eases communication among Indo-Pacific states.",
        quote=[
            (
                "the United States participates in the Quadrilateral Security Dialogue, a "
                "diplomatic partnership that includes the United States, Australia, India and "
                "Japan"
            ),
            (
                "The Quad serves to facilitate communication between countries located near the "
                "Indian and Pacific Ocean."
            ),
        ],
        tags=["us", "australia", "india", "japan"],
    ).supports(existing)
    b.claim(
        "us-aid-select-allies",
        "The U.S. backs a free and open Indo-Pacific with humanitarian, economic and security "
        "support to select allies (USAID).",
        quote=("provides humanitarian, economic and security support to select allies"),
        tags=["us"],
    ).supports(existing)

    # -- Is it likely? ----------------------------------------------------------------------
    pursuing = b.claim(
        "japan-actively-pursuing",
        "Japan's government under Ishiba is actively pursuing an Asian NATO.",
        quote="Japan’s leadership under Ishiba is actively pursuing this alliance",
        tags=["japan"],
    )
    proposed.supports(pursuing)
    japan_push = pursuing.supports(likely)
    coalition = b.claim(
        "japan-coalition-mixed-on-china",
        "Ishiba must govern with a coalition that includes members both for and against China.",
        quote=(
            "Ishiba will work with a coalition government, which will include members who "
            "are both for and against China."
        ),
        tags=["japan", "china"],
        note=(
            "The article flags Japan's new coalition politics ('It's important to note') "
            "without saying which way they cut; mapped as a doubt on how far Japan's push "
            "can carry."
        ),
    )
    coalition.undercuts(japan_push)
    b.claim(
        "ldp-lost-majority",
        "Japan's Liberal Democratic Party, which the article calls pro-Chinese, lost its "
        "long-time majority in recent elections.",
        quote=(
            "the Liberal Democratic Party, a pro-Chinese political group, in Japan lost "
            "their long-time majority in recent elections"
        ),
        tags=["japan", "china"],
        note="Mapped as the article states it; the LDP is Ishiba's own party.",
    ).supports(coalition)
    # States tied to China's economy have reason to stay out: the article's "forcing weaker
    # nations closer to China's orbit" and Thailand's and Cambodia's tied hands.
    dependence.rebuts(likely)
    se_asia = b.claim(
        "se-asia-divided",
        "Southeast Asian countries respond to Chinese aggression and expansion in different "
        "ways, some resisting China, others tied to it.",
        quote=(
            "Southeast Asian countries have responded differently to Chinese aggression and "
            "expansion."
        ),
        tags=["asean", "china"],
    )
    se_asia.rebuts(likely)
    thai_cambodia.supports(se_asia)
    vietnam = b.claim(
        "vietnam-resists-china",
        "Vietnam has openly rejected Chinese investment over national security concerns.",
        quote=(
            "Vietnam has outwardly rejected Chinese investment over national security concerns."
        ),
        tags=["asean", "china"],
    )
    vietnam.supports(se_asia)
    b.claim(
        "vietnam-island-expansion",
        "In August 2024 Vietnam sped up island expansion and land reclamation in the South "
        "China Sea (Washington Post).",
        quote=(
            "In August of 2024 for example, Vietnam sped up efforts to expand islands and "
            "reclaim land in the South China Sea"
        ),
        tags=["asean", "china"],
    ).supports(vietnam)
    b.linked(
        b.claim(
            "us-dismissed-proposal",
            "Daniel Kritenbrink, U.S. assistant secretary of state for East Asia and the "
            "Pacific, dismissed the proposal as too early to discuss.",
            quote=("dismissed the proposal, saying it was too early to discuss the idea"),
            tags=["us"],
        ),
        b.implicit(
            "us-backing-needed",
            "An Asian NATO cannot take shape without the backing of the United States.",
            tags=["us"],
        ),
    ).rebuts(likely)

    return b.build(strict=True)
