"""Japan's "Asia NATO": a blueprint for Indo-Pacific security? (Gallagher, STAIR), as a map.

Mitchell Gallagher's essay for St Antony's International Review reads Shigeru Ishiba's
proposal as the end point of Japan's move away from post-war pacifism. It makes a broad
case that an Asian NATO is desirable (deterrence, collective action at sea, Asian agency,
a hedge against a US pullback, a cure for free-riding) and weighs that against daunting
obstacles to its formation (command and control, the SEATO precedent, ASEAN's principles,
Japan's constitution and Ishiba's weak standing), some of which it answers.

Modelling decisions:

- The essay's replies are wired to what they answer. China's rejection is the obvious
  objection to the alliance; the essay's answer (the "security dilemma", which a
  transparent, multilateral alliance "could help to defuse") undercuts that objection
  rather than standing as one more reason for the alliance. "Yet, the tide is turning"
  (public opinion) undercuts the step from Japan's domestic hurdles to the obstacles, since
  it grants the hurdles. The other concessions ("The ghosts of Yoshida still linger ...,
  but"; "decades of reinterpretation ... However"; ASEAN's tenets, "However"; "Naysayers
  might argue ..., but") are weaker objections the essay answers, each with an undercut.
- Hedges are qualifiers, never objections: "Though the outcome of any Asian NATO is still
  unpredictable" and the closing "as unpredictable as the region itself" qualify the claims
  they open and are the reason for the "mixed" verdict on likelihood; "could", "may well",
  "suggest", "if it gains any traction" qualify the claims they hedge. The one claim the
  essay calls "likely" (an Asia NATO "would likely push this interpretation to its
  limits") also gets a base score of 0.7, the usual reading of the word.
- What the essay reports from others (China's charge, the naysayers, the proponents) keeps
  the attribution in the text and the quote; the essay's answers go to the inference, not
  to the report.

How the evaluation reads: on desirability the essay's case holds (its one serious objection,
China's rejection, is answered), which matches its verdict "for"; the answer rests on a
"could", so the crux list names it. On likelihood the essay answers some obstacles (ASEAN,
domestic politics, Article 9's reinterpretation) but not command and control, SEATO,
Taiwan or the "sprawling security puzzle", so "the obstacles are daunting" stands
unanswered and grounded semantics puts the thesis out, while the essay itself leaves the
question open ("mixed"); that is the one-unanswered-objection rule, not a misreading.
"""

from __future__ import annotations

from argmap import ArgumentMap
from arguments._common import article_builder

MAP_ID = "stair-blueprint"

#: The base score of a claim the essay calls "likely" (the common reading of the word).
LIKELY_SCORE = 0.7


def build() -> ArgumentMap:  # noqa: PLR0915 - one statement per claim and relation
    """Build the map of Gallagher's STAIR essay on Ishiba's Asia NATO."""
    b, desirable, likely = article_builder(
        MAP_ID,
        "Japan's “Asia NATO”: a blueprint for Indo-Pacific security? (STAIR)",
        description=(
            "Mitchell Gallagher's case that Ishiba's Asia NATO is a bold, potentially "
            "transformative blueprint for the Indo-Pacific, and the daunting obstacles it "
            "faces: command and control, SEATO's failure, ASEAN, and Japan's domestic politics."
        ),
        source_title="Japan’s “Asia NATO”: A Blueprint for Indo-Pacific Security?",
        author="Mitchell Gallagher",
        outlet="St Antony’s International Review (STAIR), Oxford",
        date="late 2024",
        # Desirable: "for". The essay praises the idea throughout: a "formidable deterrent",
        # "only through collective action" can Asia counter China at sea, "psychologically
        # liberating", "as beneficial for the US as it is for Asia", a framework that
        # "shatters the confines of bilateralism". It reports China's Cold-War charge
        # without endorsing it and answers it (the alliance "could help to defuse" the
        # security dilemma, "avoids provoking Beijing unnecessarily"), and answers "too
        # ambitious".
        desirable="for",
        # Likely: "mixed". "The obstacles are daunting" and "the outcome of any Asian NATO
        # is still unpredictable"; it sets command-and-control, SEATO, ASEAN and Japan's
        # constitution and politics against Japan's changed strategic culture, shifting
        # ASEAN alignments, flexible membership and rising public support, and ends on open
        # questions "as unpredictable as the region itself". Those hedges are the verdict,
        # and qualifiers on the claims they open; they are not objections.
        likely="mixed",
    )

    # -- The proposal and what it breaks with -----------------------------------------------
    proposed = b.claim(
        "ishiba-proposed",
        "Japan's Prime Minister Shigeru Ishiba himself has proposed an “Asia NATO”, breaking with Japan's post-war pacifism.",
        quote=[
            'Prime Minister Shigeru Ishiba’s bold proposal for an "Asia NATO" breaks sharply from Japan’s postwar tradition of pacifism',
            "Yet today, the very idea emerges from the highest echelons of Japanese leadership",
        ],
        tags=["japan"],
    )
    constitution = b.claim(
        "japan-constitution-limits",
        "Japan's post-war constitution (Article 9) renounces war and limits Japan's use of force.",
        quote=[
            "After WWII, Japan’s constitution was drafted to renounce war, forbidding the country from maintaining anything but minimal defence forces.",
            "Japan’s own constitutional limitations on the use of force",
        ],
        tags=["japan"],
    )
    culture = b.claim(
        "japan-strategic-culture-shifted",
        "Japan's strategic culture has moved far enough that its leaders now propose leading a military alliance in Asia.",
        quote=[
            "Any notion that Japan might one day lead a military alliance in Asia would have seemed surreal in 1947.",
            "signalling how far the country’s strategic culture has travelled",
        ],
        tags=["japan"],
    )
    culture.supports(likely)
    proposed.supports(culture)
    yoshida = b.claim(
        "yoshida-doctrine-stale",
        "The Yoshida Doctrine of trading military strength for growth and relying on the US for security has grown stale since the Cold War.",
        quote=[
            "the Yoshida Doctrine governed Japanese defence policy, favouring economic development over military might and outsourcing security to the United States",
            "This doctrine served Japan well during the Cold War but has since grown stale.",
        ],
        tags=["japan", "us"],
    )
    yoshida.supports(culture)
    lingers = b.claim(
        "yoshida-lingers",
        "The Yoshida Doctrine's legacy still shapes Japan's defence debates.",
        quote="The ghosts of Yoshida still linger in policy debates",
        tags=["japan"],
    )
    lingers_rel = lingers.rebuts(culture)
    muscular = b.claim(
        "threats-strengthen-muscular-case",
        "Each North Korean missile test and Chinese patrol near the Senkakus strengthens the case for a more muscular Japanese defence.",
        quote="each North Korean missile test and Chinese patrol near the Senkaku Islands strengthens the argument for a more muscular defence posture",
        tags=["japan", "china", "north-korea"],
    )
    # "The ghosts of Yoshida still linger ..., but each ... test ... strengthens the argument":
    # the answer grants the lingering and denies that it holds Japan back.
    muscular.undercuts(lingers_rel)
    leadership = b.claim(
        "japan-active-leadership",
        "An Asia NATO would move Japan from dependency on the US to active leadership of regional security.",
        quote="moving Tokyo from a position of dependency to one of active leadership in the region’s security architecture",
        tags=["japan"],
    )
    leadership.supports(desirable)
    yoshida.supports(leadership)

    # -- The potential ----------------------------------------------------------------------
    # Not mapped as a reason: the essay's nod to NATO's creation in 1949, which it calls
    # "perhaps romantically" recalled and at once sets against Asia's different puzzle; it
    # offers the parallel as an association, not as a reason the alliance will form. The
    # contrast it draws is mapped below, with the obstacles.
    # "Though the outcome of any Asian NATO is still unpredictable, it undeniably represents a
    # significant inflexion point": the essay's hedge on the outcome, kept as the qualifier of
    # the claim it opens (and the reason for the "mixed" verdict on likelihood), not as an
    # objection to the alliance's prospects.
    transformative = b.claim(
        "transformative-potential",
        "Though its outcome is still unpredictable, an Asia NATO could transform the region's security, and it marks a turning point in how that security is seen.",
        quote=[
            "the potential impact on the region truly transformative",
            "Though the outcome of any Asian NATO is still unpredictable, it undeniably represents a significant inflexion point in the way continental security dynamics are viewed",
        ],
        qualifier="potential; the outcome is still unpredictable",
    )
    transformative.supports(desirable)

    # -- Blueprint: Article 5, members, flexible partners ---------------------------------------
    article5 = b.claim(
        "article5-commitment",
        "Ishiba's alliance would be modelled on NATO's Article 5: an attack on one member is an attack on all.",
        quote="he conceives an alliance modelled on NATO’s Article 5, which states that an attack on one member is an attack on all",
    )
    members = b.claim(
        "major-powers-members",
        "The alliance would bring together the main Indo-Pacific powers: Japan, South Korea, Australia and India.",
        quote="Any future alliance would pull together a veritable “who’s who” of Indo-Pacific powers, including\xa0 Japan, South Korea, Australia, and India.",
        tags=["japan", "south-korea", "australia", "india"],
    )
    deters = b.claim(
        "deters-china",
        "A mutual-defence pledge among the region's major powers would be a formidable deterrent to China's expansion.",
        quote=[
            "an attack on one member is an attack on all—a formidable deterrent in any language",
            "while still protecting against its expansion",
        ],
        tags=["china"],
    )
    b.linked(article5, members).supports(deters)
    deters.supports(desirable)
    flexible = b.claim(
        "flexible-participation",
        "An Asia NATO would offer ASEAN states flexible partnerships, letting them commit at different depths.",
        quote=[
            "this offer brings ASEAN states on board with flexible, strategic partnerships",
            "To succeed, any Asia NATO must embrace adaptable participation, enabling diverse commitments",
        ],
        tags=["asean"],
    )
    b.claim(
        "asean-states-differ",
        "Some ASEAN states may embrace security ties eagerly while others need a slower approach.",
        quote="Certain ASEAN countries may eagerly embrace security ties, whereas others might need a slower approach",
        qualifier="may; might",
        tags=["asean"],
    ).supports(flexible)

    # -- Obstacles to its formation -----------------------------------------------------------
    obstacles = b.claim(
        "obstacles-daunting",
        "Beneath its simple look, an Asia NATO faces daunting obstacles and a tangle of doubtful alliances.",
        quote=[
            "The obstacles are daunting",
            "what seems simple at a glance is actually a coiled network of questionable alliances and treacherous complexities",
        ],
    )
    obstacles.rebuts(likely)
    b.claim(
        "sprawling-security-puzzle",
        "Unlike NATO in 1949, built against one Soviet threat, an Asian alliance would face many players and threats, from China's military to North Korea's nuclear ambitions.",
        quote=[
            "Yet an Asian NATO faces a far different set of players and trepidations.",
            "His prospective coalition would encounter not a singular threat but a sprawling security puzzle",
        ],
        tags=["china", "north-korea", "europe"],
    ).supports(obstacles)
    command = b.claim(
        "command-control-hard",
        "An Asian alliance would struggle to build an integrated command reconciling India's autonomy, Australia's ANZUS duties and Japan's constitution.",
        quote=[
            "How, for instance, will such an alliance tackle command and control?",
            "any Asian equivalent would need to harmonise",
        ],
        tags=["india", "australia", "japan"],
    )
    command.supports(obstacles)
    b.claim(
        "nato-command-took-decades",
        "NATO needed decades to refine its integrated military command.",
        quote="NATO’s integrated military command took decades to refine",
        tags=["europe"],
    ).supports(command)
    b.claim(
        "india-strategic-autonomy",
        "India is fiercely committed to its strategic autonomy.",
        quote="India’s fierce commitment to strategic autonomy",
        tags=["india"],
    ).supports(command)
    b.claim(
        "australia-anzus",
        "Australia has treaty obligations under ANZUS that an Asian command would have to accommodate.",
        quote="Australia’s obligations under the ANZUS treaty",
        tags=["australia", "us"],
    ).supports(command)
    constitution.supports(command)
    seato = b.claim(
        "seato-collapsed",
        "SEATO, the 1950s attempt at collective defence in Asia that Ishiba's plan recalls, collapsed under its internal contradictions.",
        quote=[
            "Ishiba’s Asia NATO recalls the efforts of SEATO in the 1950s—a fleeting attempt at collective defence in Asia that collapsed under the weight of its internal contradictions.",
            "SEATO’s pitfalls are hard to ignore",
        ],
    )
    b.linked(
        seato,
        b.implicit(
            "seato-like-contradictions",
            "An Asia NATO would gather members as divergent as SEATO's, and so risk the same internal contradictions.",
        ),
    ).supports(obstacles)
    stability = b.claim(
        "regional-stability",
        "If an Asian NATO gains traction, the opportunity is large: it could anchor a new era of regional stability.",
        quote=[
            "but so is the scale of opportunity",
            "If an Asian NATO gains any traction, it could anchor a new era of regional stability.",
        ],
        qualifier="if it gains any traction; could",
    )
    stability.supports(desirable)
    taiwan = b.claim(
        "taiwan-central",
        "Any Indo-Pacific alliance must reckon with Taiwan, essential to regional strategy though absent from official talks.",
        quote=[
            "any such alliance must reckon with the tacit yet ineluctable prominence of Taiwan",
            "Despite its omission from official dialogues, Taiwan’s geopolitical relevance guarantees its informal role in any Indo-Pacific strategy as essential rather than expendable.",
        ],
        tags=["taiwan"],
    )
    taiwan.supports(obstacles)
    b.claim(
        "taiwan-crises-history",
        "Taiwan has been the test of Sino-American resolve, as in the 1950s Strait Crises and China's 1996 missile tests, met by US naval force.",
        quote="its geopolitical gravity evident in the Taiwan Strait Crises of the 1950s and China’s 1996 missile gambit, both countered by commanding U.S. naval force",
        tags=["taiwan", "china", "us"],
    ).supports(taiwan)
    b.claim(
        "historical-grievances",
        "Regional powers would have to overcome their historical grievances to build a unified defence front.",
        quote=[
            "Will regional powers transcend their historical grievances to construct a unified defence front?",
            "those remain as unpredictable as the region itself",
        ],
        qualifier="posed as an open question, whose answer remains 'as unpredictable as the region itself'",
        note="Posed as an open question in the conclusion; mapped as the challenge it raises.",
    ).supports(obstacles)

    # -- China's rejection and the security dilemma ---------------------------------------------
    china_no = b.claim(
        "china-opposes",
        "China rejected the Asia NATO idea at once, calling it outdated Cold War, zero-sum thinking meant to hinder China's rise.",
        quote=[
            "delivering an immediate and resounding rejection of the idea",
            "Many in China wasted no time in branding the plan as outdated Cold War thinking and cautioning against zero-sum games, casting the alliance as a thinly masked strategy to hinder its rise.",
        ],
        tags=["china"],
    )
    china_objection = china_no.rebuts(desirable)
    b.claim(
        "tianxia-encirclement",
        "Guided by the Tianxia idea of a universal hierarchy, China sees alliances as encirclement, not as legitimate security.",
        quote="China perceives alliances as mechanisms of encirclement rather than legitimate means of ensuring security",
        tags=["china"],
    ).supports(china_no)
    # The essay's answer to China's rejection: what Beijing reads as encirclement is the
    # "security dilemma", a defensive measure misread as aggression, and a transparent,
    # multilateral alliance "could help to defuse" it, "avoids provoking Beijing
    # unnecessarily". The answer does not deny that China objects; it denies that the
    # objection counts against the alliance, so the two claims jointly undercut the
    # objection (they are not a separate reason for the alliance).
    dilemma = b.claim(
        "security-dilemma-risk",
        "The proposal faces the security dilemma Robert Jervis described: defensive measures can be misread as aggression.",
        quote="The proposal attempts to manage the “security dilemma” outlined by Robert Jervis, where defensive measures can be misread as aggression.",
    )
    defuses = b.claim(
        "transparency-defuses-dilemma",
        "A transparent, multilateral Asia NATO could defuse the security dilemma, avoiding needless provocation of Beijing.",
        quote=[
            "An Asia NATO, by virtue of its transparency and multilateral structure, could help to defuse this dilemma",
            "avoids provoking Beijing unnecessarily",
        ],
        qualifier="could help to",
        tags=["china"],
    )
    b.linked(dilemma, defuses).undercuts(china_objection)

    # -- The strategic case: China, North Korea, the sea ----------------------------------------
    recalibration = b.claim(
        "power-recalibration",
        "An intense shift in the balance of power in Asia is what drives Ishiba's proposal.",
        quote="What propels Ishiba’s invitation is the intense recalibration of power coursing through Asia.",
    )
    china_up = b.claim(
        "china-threat-growing",
        "Rapid military upgrades have turned China from a speculative risk into a concrete and immediate danger.",
        quote="Through rapid military upgrades, China has converted speculative risks into concrete and immediate perils.",
        tags=["china"],
    )
    china_up.supports(recalibration)
    b.claim(
        "plan-fleet-larger",
        "China's navy now has more ships than the US Navy, and its air defences form an anti-access barrier across the Western Pacific.",
        quote="The People’s Liberation Army Navy (PLAN) now fields a fleet larger than that of the U.S. Navy, with air defence systems creating an imposing anti-access barrier across the Western Pacific.",
        tags=["china", "us"],
    ).supports(china_up)
    nk = b.claim(
        "north-korea-threat",
        "North Korea's nuclear weapons programme adds volatility to an already fragile status quo.",
        quote=[
            "North Korea’s nuclear weapons program adds volatility to an already fragile status quo",
            "the nuclear ambitions harboured by North Korea",
        ],
        tags=["north-korea"],
    )
    nk.supports(recalibration)
    china_up.supports(muscular)
    nk.supports(muscular)
    bilateral = b.claim(
        "us-alliances-bilateral",
        "Asia's security rests on the US hub-and-spoke system of piecemeal, ad hoc bilateral alliances.",
        quote=[
            "the United States’ “hub-and-spoke” alliance system",
            "the piecemeal, ad hoc alliances of the past",
        ],
        tags=["us"],
    )
    coordination = b.claim(
        "regional-coordination-needed",
        "The new balance of power demands regional coordination rather than piecemeal, ad hoc alliances.",
        quote="This new reality insists on regional coordination, leaving behind the piecemeal, ad hoc alliances of the past.",
    )
    b.linked(recalibration, bilateral).supports(coordination)
    coordination.supports(desirable)
    scs_trade = b.claim(
        "scs-trade",
        "More than $5.3 trillion in trade passes through the South China Sea each year.",
        quote="with this vital waterway seeing more than $5.3 trillion in trade \xa0move through its routes each year",
    )
    scs_china = b.claim(
        "china-scs-militarisation",
        "China's island-building and militarisation threaten to turn the South China Sea into a zone of exclusive Chinese influence.",
        quote="China’s island-building and militarisation efforts threaten to transform this international thoroughfare into a zone of exclusive Chinese influence.",
        tags=["china"],
    )
    scs_china.supports(china_up)
    at_sea = b.claim(
        "collective-action-at-sea",
        "Only collective action can counterbalance China's maritime moves and preserve the rule of law at sea.",
        quote="only through collective action can Asia hope to counterbalance these aggressive maritime moves and preserve the rule of law at sea",
    )
    b.linked(
        scs_trade,
        scs_china,
        b.implicit(
            "no-state-alone-at-sea",
            "No single Asian state can counterbalance China's maritime power on its own.",
        ),
    ).supports(at_sea)
    navigation = b.claim(
        "protects-navigation",
        "An Asia NATO would guard navigation rights in the South China Sea, as NATO guarded the Atlantic trade routes in the Cold War.",
        quote="Asia NATO would cement a barrier around navigational rights, echoing NATO’s fierce Cold War stance over the Atlantic’s vital trade arteries.",
    )
    b.linked(at_sea, navigation).supports(desirable)

    # -- Asian agency ---------------------------------------------------------------------------
    agency = b.claim(
        "asia-agency",
        "An Asian NATO would make Asia master of its own security, giving its nations a sense of agency and unity.",
        quote=[
            "an Asian NATO repositions Asia as the master of its own security game",
            "calls on Asia to take control, instilling a long-awaited sense of agency and unity",
        ],
    )
    agency.supports(desirable)
    b.claim(
        "asia-relied-on-outsiders",
        "For generations Asian nations have relied on outside powers for their security.",
        quote="For generations, Asian nations have leaned on outside powers for security.",
    ).supports(agency)

    # -- The United States ----------------------------------------------------------------------
    third = b.claim(
        "third-option",
        "An Asia NATO offers a third option, neither yielding to Chinese dominance nor depending on US oversight, with US support an asset not a crutch.",
        quote=[
            "the strategy neither concedes to Chinese dominance nor demands U.S. oversight",
            "where American support is an asset rather than a crutch",
        ],
        tags=["china", "us"],
    )
    third.supports(desirable)
    uk = b.claim(
        "uk-withdrawal-vacuum",
        "Britain's withdrawal from East Asia in the 1960s left a power vacuum that the US alliance system slowly filled.",
        quote="The UK’s slow strategic withdrawal from East Asia in the 1960s created a power vacuum",
        tags=["europe", "us"],
    )
    drift = b.claim(
        "us-attention-divided",
        "The US still has a stake in Asian security, but its focus drifts as competing crises claim priority.",
        quote="though the U.S. still holds a stake in Asian security, its focus drifts as competing crises clamour for priority",
        tags=["us"],
    )
    hedge = b.claim(
        "hedge-us-pullback",
        "Ishiba's plan would be a buffer against a possible US pullback while keeping trans-Pacific ties intact.",
        quote="Ishiba’s plan serves as a buffer against a possible U.S. pullback, a safeguard for an uncertain future that keeps trans-Pacific connections firmly intact.",
        tags=["us", "japan"],
    )
    b.linked(uk, drift).supports(hedge)
    hedge.supports(desirable)
    freeride = b.claim(
        "us-burden-sharing",
        "A free-rider problem, allies leaning on US protection, has long troubled US-Asia security relations.",
        quote="the “free-rider” problem that has long plagued US-Asia security relations",
        tags=["us"],
    )
    load = b.claim(
        "lightens-us-load",
        "An Asia NATO's shared responsibility would lighten America's load, strengthening regional defence without overtaxing US resources.",
        quote="An Asia NATO’s shared-responsibility model would lighten America’s load, fortifying regional defences without overtaxing US resources.",
        tags=["us"],
    )
    us_gain = b.claim(
        "benefits-us",
        "An Asia NATO could benefit the US as much as Asia, solving its free-rider problem.",
        quote=[
            "For Washington, the scheme could present a solution",
            "the arrangement may well be as beneficial for the US as it is for Asia",
        ],
        qualifier="could; may well",
        tags=["us"],
    )
    b.linked(freeride, load).supports(us_gain)
    us_gain.supports(desirable)

    # -- ASEAN ----------------------------------------------------------------------------------
    asean = b.claim(
        "asean-non-alignment",
        "ASEAN, central to the region, runs on non-interference and consensus, which sit uneasily with an alliance's firm commitments.",
        quote=[
            "A serious discussion of an Asia NATO has to reckon with ASEAN’s central place in the region.",
            "The organisation’s core tenets of non-interference and consensus rule sit uneasily beside the decisive commitments needed for a functional military alliance.",
        ],
        tags=["asean"],
    )
    asean_rel = asean.supports(obstacles)
    shifting = b.claim(
        "asean-states-shifting",
        "Individual ASEAN states' security calculus has changed sharply, quietly moving away from ASEAN non-alignment.",
        quote=[
            "the security calculus of individual ASEAN states has undergone a dramatic transformation in recent years",
            "suggest a quiet shift away from the ASEAN principle of non-alignment",
        ],
        qualifier="suggest",
        tags=["asean"],
    )
    shifting.undercuts(asean_rel)
    b.claim(
        "vietnam-philippines-alignments",
        "Vietnam has defence partnerships with India, and the Philippines relies increasingly on US military support.",
        quote="Vietnam’s defence partnerships with India, and the Philippines’ increasing reliance on US military support",
        tags=["asean", "india", "philippines", "us"],
    ).supports(shifting)
    flexible.undercuts(asean_rel)

    # -- Japan's domestic constraints -----------------------------------------------------------
    domestic = b.claim(
        "domestic-hurdles",
        "At home, Ishiba's bid faces Japan's legal obstacles, above all Article 9, and his own and the LDP's weak standing.",
        quote="Back home, Ishiba’s Asia NATO bid must contend not only with Japan’s legal and political obstacles, such as the famously pacifist Article 9, but also with Ishiba’s own political standing",
        tags=["japan"],
    )
    domestic_obstacle = domestic.supports(obstacles)
    article9_hurdle = constitution.supports(domestic)
    # "decades of reinterpretation have allowed Japan's defence policy to evolve
    # incrementally. However, an Asia NATO would likely push this interpretation to its
    # limits": reinterpretation suggests Article 9 need not block the bid; the answer grants
    # the reinterpretation and denies that it would stretch far enough.
    reinterpreted = b.claim(
        "reinterpretation-incremental",
        "Decades of reinterpreting Article 9 have let Japan's defence policy evolve step by step.",
        quote="decades of reinterpretation have allowed Japan’s defence policy to evolve incrementally",
        tags=["japan"],
    )
    reinterpretation_answer = reinterpreted.undercuts(article9_hurdle)
    b.claim(
        "may-need-constitutional-reform",
        "An Asia NATO would push the reinterpretation of Article 9 to its limits and might require constitutional reform.",
        quote="an Asia NATO would likely push this interpretation to its limits, possibly requiring constitutional reforms to meet the demands of a multilateral security alliance",
        qualifier="likely; possibly requiring reform",
        base_score=LIKELY_SCORE,
        note="Base score 0.7: the essay says an Asia NATO 'would likely' push the reinterpretation to its limits.",
        tags=["japan"],
    ).undercuts(reinterpretation_answer)
    b.claim(
        "ishiba-divisive",
        "Ishiba is a divisive figure on shaky ground in the LDP, at odds with its traditionalists and attacked by a revived opposition.",
        quote=[
            "The new Prime Minister is treading on shaky ground within The LDP, where he’s branded as a divisive figure.",
            "At odds with the party’s traditionalists and under relentless attack from a revitalised opposition",
        ],
        tags=["japan"],
    ).supports(domestic)
    b.claim(
        "ldp-weakened",
        "The LDP, damaged and after heavy losses in the 2024 election, must push bold defence plans in a polarised climate.",
        quote="His party, already reeling from a damaged reputation and significant losses in the 2024 Japanese elections, now faces the uphill battle of advancing bold defence initiatives in an increasingly polarised political environment.",
        tags=["japan"],
    ).supports(domestic)
    public = b.claim(
        "public-sentiment-shifting",
        "Japanese public support for a more robust defence policy is growing, fuelled by China's posturing and North Korea's missiles.",
        quote="Yet, the tide is turning, with increasing public sentiment in favour of a more robust defence policy, fuelled by the aggressive posturing of China and the ongoing missile provocations from North Korea.",
        tags=["japan", "china", "north-korea"],
    )
    # "Yet, the tide is turning": the essay does not deny Ishiba's weak standing or Article 9;
    # it says that a public warming to a robust defence makes them less of a barrier.
    public.undercuts(domestic_obstacle)
    china_up.supports(public)
    nk.supports(public)
    ambitious = b.claim(
        "too-ambitious",
        "An Asian NATO is a step too ambitious (the naysayers' objection).",
        quote="Naysayers might argue that an Asian NATO is a step too ambitious",
        qualifier="might argue: an objection the essay anticipates",
    )
    transformation = b.claim(
        "necessary-transformation",
        "An Asia NATO could spark a needed transformation of Japan's security role, perhaps a historic constitutional overhaul (the proponents' belief).",
        quote="proponents believe it could ignite a necessary transformation, fuelling discussions on Japan’s security role regionally and potentially leading to a historic overhaul of the constitution",
        qualifier="could; potentially",
        tags=["japan"],
    )
    # The proponents do not deny the ambition; they deny that it tells against the idea.
    transformation.undercuts(ambitious.rebuts(desirable))

    # -- Looking ahead ----------------------------------------------------------------------------
    b.claim(
        "balances-deterrence-diplomacy",
        "An Asia NATO would combine independence with partnership and deterrence with diplomatic engagement.",
        quote="harmonising independence with partnership, and fusing deterrence with diplomatic engagement",
    ).supports(desirable)
    frameworks = b.claim(
        "new-frameworks-needed",
        "In the fluid Indo-Pacific, new security frameworks are needed to manage rivalry and cooperation.",
        quote="new security frameworks are needed to manage rivalry and cooperation",
    )
    b.claim(
        "waltz-vacuum",
        "As Kenneth Waltz observed, international politics abhors a vacuum.",
        quote="As Kenneth Waltz observed, international politics abhors a vacuum.",
    ).supports(frameworks)
    bold = b.claim(
        "beyond-bilateralism",
        "Whether it triumphs or stumbles, an Asia NATO is a new framework for collective security that breaks out of bilateralism.",
        quote="An Asia NATO, whether it triumphs or stumbles, forges a bold framework for collective security that shatters the confines of bilateralism",
    )
    b.linked(frameworks, bold).supports(desirable)
    return b.build(strict=True)
