"""Chen Gang, "An Asian NATO led by the US-Japan alliance?" (Lianhe Zaobao, spring 2024).

The article explains why US decision makers, now treating China as their main rival, want
to turn their bilateral Asian alliances into a NATO-like multilateral mechanism, why Japan
(and, with it, the Philippines) sits at the core of that "united front", and what Japan
gains (a bigger role, a way past its peace constitution) and risks (worse ties with China).

Verdicts, as the article's own:

- desirable: ``mixed``. The article takes no side of its own on whether the alliance should
  exist; it reports the US aim (to contain China more effectively) and weighs, for Japan, a
  larger regional and global role against the risk of worse relations with China, and
  leaves the balance open ("could see its role ... increase, but at the risk of ...").
- likely: ``mixed``. It describes a US-built united front taking shape (breakthroughs, an
  unprecedented trilateral summit, Japan's build-up) and the US hope for an Asia-Pacific
  NATO, but never predicts the pact: none exists yet, only Japan and the Philippines meet
  its precondition today, and whether South Korea would accept Japan as coordinator
  "remains to be seen"; the title ends in a question mark.

Modelling decisions:

- **Concessions are answered objections.** The article concedes three points and answers
  each with the US's new view of China: "although US attention is often distracted by
  conflicts in Europe and the Middle East, the decision makers strongly hope to ... push
  for" the mechanism; Russia's threat "is also quite significant ..., but" China is "the
  only country with the power and the inclination" to change the order; and the alliances
  "have always been bilateral", for Cold War reasons that no longer hold "At present". Each
  is a rebuttal that an undercut from the author's answer disarms, so none defeats the
  article's central claim that the US wants a NATO-like mechanism (``us-wants-asian-nato``).
- **Hedges are qualifiers.** "whether other US allies such as South Korea would recognise
  Japan's role as coordinator remains to be seen" qualifies the claim that Japan "will also
  become a pivotal country connecting other US allies"; it leaves the question open and
  gives no reason against it. Likewise "could", "could potentially", "Looking at the current
  situation", "when that happens" on the claims they hedge. No claim has a base score: the
  article states no degree of confidence beyond these words.
- **Reported views stay reported.** What US decision makers believe or hope is stated as
  their view ("In US decision makers' view ..."), which is what the article asserts.

Where the evaluation and the article differ: the article's verdicts are ``mixed`` on both
theses, but its case for the likelihood thesis is argued at length and its reservations
are mostly concessions it answers, so the map's likelihood case holds; what keeps the
article from predicting the pact (none exists yet, only two likely members, the long term)
it states as the present situation, not as reasons that defeat the trend.

Not mapped: the headline, the section headings and the closing line on where the article
was first published (page furniture). The text repeats some sentences; each is mapped once.
"""

from __future__ import annotations

from argmap import ArgumentMap
from arguments._common import article_builder

MAP_ID = "zaobao-united-front"


def build() -> ArgumentMap:  # noqa: PLR0915 - one statement per claim of the article
    """Build the map of Chen Gang's Lianhe Zaobao article."""
    b, desirable, likely = article_builder(
        MAP_ID,
        "An Asian NATO led by the US-Japan alliance? (Chen Gang, Lianhe Zaobao)",
        description=(
            "Chen Gang's analysis of the US push to turn its bilateral Asian alliances into a "
            "NATO-like united front against China, with Japan at its core: what drives it, "
            "how far it has come, and what Japan gains and risks."
        ),
        source_title="An Asian NATO led by the US-Japan alliance?",
        author="Chen Gang",
        outlet="Lianhe Zaobao",
        date="spring 2024",
        # Desirable: mixed. The article takes no side of its own; it reports the US aim ("in
        # order to more effectively contain China") and weighs, for Japan, that it "could see
        # its role in regional and global affairs increase, but at the risk of deteriorating
        # relations with China".
        desirable="mixed",
        # Likely: mixed. The US is "cementing an Indo-Pacific united front" and "hopes to
        # establish an Asia-Pacific version of NATO", but "there does not exist a multilateral
        # security mechanism", only "Japan and the Philippines" are likely members "looking at
        # the current situation", the process "is far from over", and the title is a question.
        likely="mixed",
    )

    # ---------------------------------------------------------------------------------------
    # Why the US wants a NATO-like mechanism in Asia: its view of China.
    # What US decision makers believe about China, as the article reports it. (Not the shared
    # `china-threat-growing`: the article never states that China's power is growing; it
    # reports Washington's view of China's power and intent.)
    china_order = b.claim(
        "china-challenges-order",
        "In US decision makers' view, China is the only country with both the power and the "
        "will to change the present international rules and order.",
        quote=(
            "the decision-makers in the US saw China as the only country with the power and "
            "the inclination to change the present international rules and order"
        ),
        tags=["us", "china"],
    )
    china_main_rival = b.claim(
        "us-sees-china-main-rival",
        "US strategic judgement has changed: Washington now views China as its biggest "
        "competitor in the world.",
        quote=(
            "At present, the US’s strategic judgement has undergone great change, as it now "
            "views China as its biggest competitor in the world."
        ),
        tags=["us", "china"],
    )
    china_order.supports(china_main_rival)
    russia_rival = b.claim(
        "russia-threat-significant",
        "Russia's threat to the US is also significant, especially since the Russia-Ukraine war.",
        quote=(
            "Russia’s threat to the US is also quite significant, especially after the "
            "Russia-Ukraine war"
        ),
        tags=["russia", "us"],
    )
    # "... also quite significant ..., but ... China as the only country with the power and
    # the inclination ...": the answer grants Russia's threat and denies that it makes
    # Russia the bigger rival.
    china_order.undercuts(russia_rival.rebuts(china_main_rival))

    us_wants = b.claim(
        "us-wants-asian-nato",
        "US decision makers want to strengthen their East Asian alliances into a NATO-like "
        "multilateral security mechanism, in the long run tied to Europe's NATO.",
        quote=[
            (
                "the decision makers strongly hope to strengthen its strategic alliances in the "
                "East Asia region, and to push for a multilateral security mechanism akin to NATO"
            ),
            (
                "Over the long term, the US hopes to establish an Asia-Pacific version of NATO, "
                "and tie it together with Europe’s NATO."
            ),
        ],
        tags=["us"],
    )
    us_wants.supports(likely)
    china_main_rival.supports(us_wants)
    b.claim(
        "biden-like-minded-partnerships",
        "Joe Biden's foreign policy centres on strengthening partnerships with like-minded "
        "allies to contain potential strategic competitors.",
        quote=(
            "At the core of US President Joe Biden’s foreign policy is the strengthening of "
            "partnerships with “like-minded” allies to contain potential strategic competitors."
        ),
        tags=["us"],
    ).supports(us_wants)
    # "Hence, although US attention is often distracted by conflicts in Europe and the Middle
    # East, the decision makers strongly hope to ...": a concession. The author grants the
    # distraction and answers it with the reason the sentence draws on ("Hence"): China is
    # now the rival that counts. So the distraction is a weaker objection, and the US view of
    # China undercuts it (it does not keep Washington from wanting the mechanism).
    distracted = b.claim(
        "us-attention-divided",
        "US attention is often distracted by conflicts in Europe and the Middle East.",
        quote="although US attention is often distracted by conflicts in Europe and the Middle East",
        tags=["us", "europe"],
    ).rebuts(us_wants)
    china_main_rival.undercuts(distracted)

    # ---------------------------------------------------------------------------------------
    # The starting point: bilateral alliances only, for Cold War reasons.
    bilateral = b.claim(
        "us-alliances-bilateral",
        "The US's Indo-Pacific alliances (Japan, South Korea, Thailand, the Philippines, "
        "Australia) are bilateral, with no NATO-style collective assurance among the allies.",
        quote=[
            "these alliances have always been bilateral rather than multilateral ones",
            (
                "there is no existing collective security assurance among these allies, such as "
                "that of NATO"
            ),
        ],
        tags=["us", "japan", "south-korea", "philippines", "australia"],
    )
    no_pact_yet = bilateral.rebuts(likely)
    b.claim(
        "cold-war-soviet-focus",
        "In the Cold War the US's key rival was the Soviet Union, so it built its multilateral "
        "alliance, NATO, in Europe and North America.",
        quote=(
            "during the Cold War era, the key competitor the US wanted to keep in check was the "
            "Soviet Union, and thus it established NATO in Europe and North America"
        ),
        tags=["us", "russia", "europe"],
    ).supports(bilateral)
    b.claim(
        "cold-war-east-asia-complicated",
        "In the Cold War, East Asia's security and international relations were too "
        "complicated to allow a multilateral alliance among its countries.",
        quote=(
            "there was no avenue for establishing a multilateral security alliance among "
            "various countries"
        ),
    ).supports(bilateral)
    # The Cold War reason for bilateralism has lapsed now that China, not the Soviet Union,
    # is the rival the US wants to keep in check ("At present ... great change").
    china_main_rival.undercuts(no_pact_yet)

    # ---------------------------------------------------------------------------------------
    # The united front under construction.
    front = b.claim(
        "us-cementing-united-front",
        "The US has recently made breakthroughs with East Asian allies, cementing an "
        "Indo-Pacific united front against China's rise.",
        quote=(
            "the US has made breakthroughs in partnerships in the East Asia region with some of "
            "its allies, cementing an Indo-Pacific united front against China’s rise"
        ),
        tags=["us", "china"],
    )
    front.supports(likely)
    b.claim(
        "united-front-just-starting",
        "The US's East Asian united front is far from finished: the US-Japan-Philippines "
        "summit statement is just the start of three-way collaboration.",
        quote=(
            "The process of constructing a united front in East Asia by the US is far from "
            "over, and the US-Japan-Philippines trilateral summit statement is just the start "
            "of collaboration among the three sides."
        ),
        tags=["us", "japan", "philippines"],
    ).supports(likely)
    trump_risk = b.claim(
        "trump-could-change-course",
        "A Donald Trump win in the 2024 US presidential election could break the consistency "
        "of US alliance policy in Asia.",
        quote="to ensure consistency in US foreign policy in case Donald Trump is elected president",
        tags=["us"],
    )
    b.claim(
        "front-locked-in-before-election",
        "The Biden administration is cementing the united front before the election so that "
        "US policy stays consistent even if Trump wins.",
        quote="ahead of the US presidential elections, to ensure consistency in US foreign policy",
        tags=["us"],
    ).undercuts(trump_risk.rebuts(likely))

    summit = b.claim(
        "trilateral-summit-cooperation",
        "At an unprecedented US-Japan-Philippines summit the three announced economic, "
        "technological, energy and security cooperation aimed at China, North Korea and Russia.",
        quote=(
            "In an unprecedented move, the three sides have announced economic, technological, "
            "energy and security cooperations, with strong language in their statements "
            "clearly directed at China, North Korea and Russia."
        ),
        tags=["us", "japan", "philippines", "china", "north-korea", "russia"],
    )
    summit.supports(front)
    b.claim(
        "scs-arbitration-support",
        "The US and Japan back the Philippines on the South China Sea, including the 2016 "
        "arbitration ruling.",
        quote=(
            "On the South China Sea issue, both the US and Japan have expressed their support "
            "for the Philippines and the 2016 arbitration ruling."
        ),
        tags=["us", "japan", "philippines", "china"],
    ).supports(summit)
    b.claim(
        "us-japan-alliance-expanding",
        "Under Fumio Kishida the US-Japan alliance keeps expanding into the new cornerstone of "
        "US alliances in East Asia, covering the South China Sea, Taiwan Strait and Senkakus.",
        quote=[
            (
                "the US-Japan alliance is constantly expanding and is becoming a new cornerstone of "
                "US security and economic alliances in East Asia"
            ),
            (
                "hot-button issues such as the South China Sea, Taiwan Strait and Diaoyu/Senkaku "
                "islands all included in this alliance"
            ),
        ],
        tags=["us", "japan", "taiwan", "china"],
    ).supports(front)

    # ---------------------------------------------------------------------------------------
    # The likeliest core: Japan and the Philippines.
    core = b.claim(
        "japan-philippines-core",
        "Japan and the Philippines are the countries most likely to form a multilateral "
        "alliance with the US.",
        quote=(
            "the most likely countries to form a multilateral alliance with the US would be "
            "Japan and the Philippines"
        ),
        qualifier="looking at the current situation",
        tags=["japan", "philippines", "us"],
    )
    core.supports(likely)
    precondition = b.claim(
        "multilateral-precondition",
        "A multilateral security mechanism requires a security threat the allies share and no "
        "fundamental conflict among them.",
        quote=(
            "The precondition to the formation of a multilateral security mechanism would be a "
            "common security threat among the allies, as well as the absence of any "
            "fundamental conflict among them."
        ),
    )
    disputes = b.claim(
        "maritime-disputes-with-china",
        "Japan and the Philippines both have maritime territorial disputes with China.",
        quote="both have maritime territorial disputes with China",
        tags=["japan", "philippines", "china"],
    )
    no_conflict = b.implicit(
        "no-japan-philippines-conflict",
        "Japan and the Philippines have no fundamental conflict with each other or with the US.",
        tags=["japan", "philippines", "us"],
    )
    b.linked(precondition, disputes, no_conflict).supports(core)
    summit.supports(core)

    # ---------------------------------------------------------------------------------------
    # Japan: why the US relies on it, and its role as the hub connecting US allies.
    japan_role = b.claim(
        "japan-crucial-role",
        "Japan holds a crucial position in the US Indo-Pacific strategy and will play a "
        "crucial role in the US-led united front.",
        quote=[
            "Japan will play a crucial role in this united front.",
            "In the US’s Indo-Pacific strategy, Japan holds a crucial position.",
        ],
        tags=["japan", "us"],
    )
    japan_role.supports(front)
    b.claim(
        "abe-coined-indo-pacific",
        "Former Japanese Prime Minister Shinzo Abe proposed the term 'Indo-Pacific strategy'.",
        quote=(
            "it was former Japanese Prime Minister Shinzo Abe who proposed the term "
            "“Indo-Pacific strategy”"
        ),
        tags=["japan"],
    ).supports(japan_role)
    b.claim(
        "japan-most-powerful-ally",
        "Japan is the most powerful US ally in the Asia-Pacific.",
        quote="Japan is the most powerful among US allies in the Asia-Pacific",
        tags=["japan", "us"],
    ).supports(japan_role)
    japan_rival = b.claim(
        "japan-china-rival",
        "Japan is a long-time geopolitical competitor of China.",
        quote="a long-time geopolitical competitor of China",
        tags=["japan", "china"],
    )
    japan_rival.supports(japan_role)
    b.claim(
        "japan-china-disputes",
        "Japan and China remain at odds over the Diaoyu/Senkaku islands, Second World War "
        "history and the discharge of Fukushima's treated wastewater.",
        quote=(
            "Problems such as territorial disputes over the Diaoyu/Senkaku islands and "
            "historical issues remaining from the Second World War persist between Japan and "
            "China, and more recently, the dispute over Fukushima treated nuclear wastewater "
            "discharge."
        ),
        tags=["japan", "china"],
    ).supports(japan_rival)
    b.claim(
        "japan-like-minded",
        "Japan and the US hold the same or similar positions on many key international issues.",
        quote=(
            "Japan and the US hold the same or similar positions on many key international "
            "issues — a true “like-minded” country."
        ),
        tags=["japan", "us"],
    ).supports(japan_role)

    reliance = b.claim(
        "us-relies-on-japan",
        "The US's reliance on Japan rests on realistic concerns: location, national strength, "
        "willingness and membership of US-led groupings.",
        quote="The US’s current reliance on Japan is founded on realistic concerns.",
        tags=["us", "japan"],
    )
    reliance.supports(japan_role)
    b.claim(
        "japan-close-to-china-bases",
        "Japan lies in East Asia close to China, and the US bases there are a key bridgehead "
        "for US military power in the region.",
        quote=[
            "Japan is located in East Asia, close to China",
            (
                "US military bases in Japan are a key bridgehead for the US’s military power in "
                "East Asia"
            ),
        ],
        tags=["japan", "us", "china"],
    ).supports(reliance)
    b.claim(
        "japan-national-strength",
        "Japan has considerable national strength: a modern economy and industry, and long "
        "experience and resources in foreign aid.",
        quote=(
            "Japan’s comprehensive national strength is considerable, with a modernised economy "
            "and industrial system, and it has extensive experience in and resources for "
            "foreign aid."
        ),
        tags=["japan"],
    ).supports(reliance)
    b.claim(
        "japan-willing-major-power",
        "Japan is willing to strengthen its role as a major power, especially in security and "
        "military affairs.",
        quote=(
            "Japan is also willing to strengthen its role as a major power on the international "
            "stage, especially in the security and military fields."
        ),
        tags=["japan"],
    ).supports(reliance)
    b.claim(
        "japan-in-quad-g7",
        "Japan is a key member of US-led groupings such as the Quad and the G7, whose power in "
        "East Asia can best be integrated through Japan.",
        quote=[
            (
                "Japan is also a key member of a series of US-led multilateral mechanisms, such as "
                "the Quadrilateral Security Dialogue (Quad) and the G7."
            ),
            (
                "The power of these organisations in East Asia can be more effectively integrated "
                "through Japan."
            ),
        ],
        tags=["japan", "us"],
    ).supports(reliance)

    # Japan's military build-up, and the post-war limits it leaves behind.
    buildup = b.claim(
        "japan-defence-buildup",
        "Japan's military and defence industry are undergoing a historic upgrade that props up "
        "its strategic ambitions.",
        quote=[
            (
                "Its military construction, defence industry and so forth will undergo a historic "
                "upgrade."
            ),
            (
                "Japan’s strategic ambitions in Asia-Pacific and even the world is propped up by its "
                "ever-expanding defence spending"
            ),
        ],
        tags=["japan"],
    )
    buildup.supports(japan_role)
    b.claim(
        "japan-defence-spending-doubles",
        "Japan's defence spending will double to about 2% of GDP between 2022 and 2027.",
        quote=(
            "in the five years from 2022 to 2027, Japan’s defence spending will double to about "
            "2% of its GDP"
        ),
        tags=["japan"],
    ).supports(buildup)
    b.claim(
        "japan-eases-arms-exports",
        "Japan has relaxed its restrictions on lethal weapon exports, a sign of its commitment "
        "to external security partnerships.",
        quote=(
            "the relaxation of restrictions on lethal weapon exports underscores Japan’s "
            "commitment to enhancing its external security partnerships"
        ),
        tags=["japan"],
    ).supports(buildup)
    constitution = b.claim(
        "japan-constitution-limits",
        "As a defeated Second World War power, Japan has long had its security role suppressed "
        "and its military capabilities constrained by its post-war peace constitution.",
        quote=[
            (
                "As a country defeated in the Second World War, Japan’s role in international "
                "security and military affairs has long been suppressed."
            ),
            (
                "the constraints imposed by Japan’s post-World War II peace constitution on its "
                "military capabilities"
            ),
        ],
        tags=["japan"],
    )
    breakthrough = b.claim(
        "japan-breaks-constitution-limits",
        "Japan's build-up and its part in the US alliance mark a breakthrough past the limits "
        "of its peace constitution.",
        quote=[
            (
                "This signals a departure from the constraints imposed by Japan’s post-World War II "
                "peace constitution on its military capabilities."
            ),
            (
                "Through proactive participation in its alliance with the US, Japan not only "
                "realised a breakthrough in the peace constitution"
            ),
        ],
        tags=["japan"],
    )
    breakthrough.undercuts(constitution.rebuts(japan_role))
    buildup.supports(breakthrough)

    # Japan as the hub that connects the US allies.
    hub = b.claim(
        "japan-pivotal-connector",
        "Japan will become a pivotal country connecting the other US allies.",
        quote="Japan will also become a pivotal country connecting other US allies.",
        # The article's closing hedge on this claim: an open question about whether the
        # other allies accept Japan as their hub, not a reason against its becoming one.
        qualifier=(
            "whether other US allies such as South Korea would recognise Japan’s role as "
            "coordinator remains to be seen"
        ),
        tags=["japan", "us"],
    )
    hub.supports(likely)
    japan_role.supports(hub)
    jp_ph = b.claim(
        "japan-philippines-security",
        "Japan is bolstering its security cooperation with the Philippines.",
        quote="bolstering security cooperation with the Philippines",
        tags=["japan", "philippines"],
    )
    jp_ph.supports(hub)
    b.claim(
        "japan-coast-guard-vessels",
        "Japan will help equip the Philippines with five more coast guard patrol vessels.",
        quote=(
            "Japan would also help equip the Philippines with five additional coast guard "
            "patrol vessels."
        ),
        tags=["japan", "philippines"],
    ).supports(jp_ph)
    raa = b.claim(
        "japan-philippines-raa",
        "A Japan-Philippines Reciprocal Access Agreement would let Japan's Self-Defense Forces "
        "deploy to the Philippines, a new step in sending Japanese troops abroad.",
        quote=(
            "would also allow Japan’s Self-Defense Forces to be dispatched to the Philippines, "
            "which would be another breakthrough in Japan’s efforts to send troops overseas"
        ),
        qualifier="would, once inked later this year",
        tags=["japan", "philippines"],
    )
    raa.supports(jp_ph)
    raa.supports(breakthrough)
    aukus = b.claim(
        "japan-may-join-aukus",
        "Japan could be invited to join the AUKUS pact, which would involve it in the nuclear "
        "military industry.",
        quote=[
            "Japan could potentially join the AUKUS trilateral security pact",
            (
                "A potential invitation to join AUKUS means Japan could in the future be involved "
                "in the nuclear military industry."
            ),
        ],
        qualifier="could potentially; a potential invitation",
        tags=["japan", "us", "australia"],
    )
    aukus.supports(hub)
    aukus.supports(breakthrough)
    nato_ties = b.claim(
        "japan-nato-ties",
        "Japan is set to strengthen its ties with NATO.",
        quote="while also strengthening its ties with NATO in the future",
        qualifier="in the future",
        tags=["japan", "europe"],
    )
    nato_ties.supports(hub)
    nato_office = b.claim(
        "nato-tokyo-office",
        "NATO has long planned a liaison office in Tokyo, which would be its first in Asia.",
        quote=(
            "NATO had long harboured plans to set up a liaison office in Tokyo, Japan — a first "
            "in Asia."
        ),
        tags=["europe", "japan"],
    )
    nato_office.supports(nato_ties)

    # ---------------------------------------------------------------------------------------
    # Desirability: the US aim, and Japan's gain against Japan's risk.
    contains = b.claim(
        "contains-china-more-effectively",
        "A NATO-like multilateral mechanism would let the US and its allies contain China "
        "more effectively than the present alliances.",
        quote=(
            "push for the forming of a multilateral security mechanism akin to NATO in order to "
            "more effectively contain China"
        ),
        tags=["us", "china"],
    )
    # The US aim, as the article reports it: containment is wanted because China (as
    # Washington sees it) can and would change the international order, and the mechanism
    # serves it; neither premise alone is a reason for the alliance.
    b.linked(china_order, contains).supports(desirable)
    collective = b.implicit(
        "collective-beats-bilateral",
        "Allies bound by a collective security assurance check a rival more effectively than "
        "separate bilateral alliances with the US.",
    )
    b.linked(bilateral, collective).supports(contains)

    gains = b.claim(
        "japan-gains-influence",
        "Taking an active part in the US-led alliance raises Japan's role and influence in "
        "regional and global affairs.",
        quote=[
            "Japan could see its role in regional and global affairs increase",
            "it also strengthened its influence in both regional and global affairs",
        ],
        qualifier="could",
        tags=["japan"],
    )
    gains.supports(desirable)
    b.claim(
        "nato-office-elevates-japan",
        "A NATO liaison office in Tokyo would further elevate Japan's position in the "
        "Indo-Pacific strategy.",
        quote=(
            "When that happens, Japan’s position in the Indo-Pacific strategy would be further "
            "elevated."
        ),
        qualifier="when that happens",
        tags=["japan", "europe"],
    ).supports(gains)
    nato_office.supports("nato-office-elevates-japan")
    b.claim(
        "escalates-china-tensions",
        "Joining the US-led alliance puts Japan at risk of worsening relations with China.",
        quote=[
            "at the risk of deteriorating relations with China",
            "However, it also faces the risk of deteriorating relations with China.",
        ],
        tags=["japan", "china"],
    ).rebuts(desirable)

    return b.build(strict=True)
