"""ANKASAM, "Russia and China in the Face of the "Asian NATO" in the Asia-Pacific" (Dec. 2024).

The analysis sets Ishiba's call for an Asian NATO in a wider picture: the US applying one
strategic model in Europe (NATO, aid to Ukraine) and in the Asia-Pacific (the Biden-era
"Interwoven Security Architecture", Western naval deployments), and Russia and China
reading both as a threat and answering with their own alignment. It then argues that
Donald Trump's return makes a NATO-like alliance in Asia highly unlikely: without US
leadership and resources the regional allies will go their own way.

Verdicts, as the article's own:

- desirable: ``not-argued``. The conclusion is about feasibility only. On whether the
  alliance should exist the article reports Ishiba's case (a NATO-like mechanism would ease
  tensions over Taiwan) and sets against it how Russia and China perceive the Western
  build-up, and that Western moves have "escalated tensions"; it leans critical but never
  says whether the alliance should be formed.
- likely: ``against``. "the formation of an “Asian NATO” as a concrete alliance is
  considered highly unlikely" and the idea "is likely to remain a political rhetoric".

Not mapped: the footnote list; the opening remark that great-power competition is
intensifying (framing, no reason for either thesis); the details of the Ukraine aid story
beyond what the article uses about Trump and NATO; France's aim of strengthening the EU's
defence identity; and the closing scenario (Russia and China tilting the balance, a
multipolar order, weaker US leadership), which the article gives as a consequence of the
alliance not forming, not as a reason for or against either thesis.
"""

from __future__ import annotations

from argmap import ArgumentMap
from arguments._common import article_builder

MAP_ID = "political-rhetoric"


def build() -> ArgumentMap:  # noqa: PLR0915 - one statement per claim of the article
    """Build the map of ANKASAM's analysis of Russia, China and the "Asian NATO"."""
    b, desirable, likely = article_builder(
        MAP_ID,
        'Russia and China in the Face of the "Asian NATO" (ANKASAM)',
        description=(
            "ANKASAM's analysis of the US-led security build-up in the Asia-Pacific, how "
            "Russia and China read it, and why under Trump an Asian NATO is likely to remain "
            "political rhetoric."
        ),
        source_title='Russia and China in the Face of the "Asian NATO" in the Asia-Pacific',
        outlet="ANKASAM (Ankara Center for Crisis and Policy Studies)",
        date="December 2024",
        desirable="not-argued",
        likely="against",
    )

    # ---------------------------------------------------------------------------------------
    # Desirability, the case the article reports: Ishiba's call and his reasons.
    b.claim(
        "russia-china-alignment",
        "China, Russia and North Korea are deepening their military cooperation, which is "
        "what Ishiba's call for an Asian NATO responds to.",
        quote="growing military cooperation between China, Russia, and North Korea",
        tags=["china", "russia", "north-korea"],
    ).supports(desirable)
    eases_taiwan = b.claim(
        "nato-mechanism-eases-taiwan",
        "A NATO-like defence mechanism in Asia could ease tensions over Taiwan, as Ishiba "
        "argues in an article for the Hudson Institute.",
        quote="arguing that tensions over Taiwan could be mitigated through a NATO-like defense mechanism",
        tags=["japan", "taiwan"],
    )
    eases_taiwan.supports(desirable)
    success = b.claim(
        "interwoven-success",
        "Ishiba, and the US and Japan generally, count the Biden-era intensification of "
        "defence cooperation in the region a success and a positive step.",
        quote=[
            "Ishiba characterized these developments as a success",
            "these initiatives are viewed as positive steps by the US and Japan",
        ],
        tags=["japan", "us"],
    )
    success_eases = success.supports(eases_taiwan)

    # Desirability, the other side: how Russia and China perceive the Western build-up.
    china_opposes = b.claim(
        "china-opposes",
        "Other regional actors, China and Russia among them, see the US- and Japan-led "
        "security initiatives as a broader strategic threat.",
        quote=(
            "they are perceived by other regional actors as indicative of a broader strategic "
            "threat"
        ),
        tags=["china"],
    )
    # "However, while these initiatives are viewed as positive steps by the US and Japan,
    # they are perceived by other regional actors as ... a broader strategic threat": the
    # answer grants the positive view and denies that it shows the build-up calms the region.
    china_opposes.undercuts(success_eases)

    escalates = b.claim(
        "escalates-china-tensions",
        "The US-led alliance-building in the Asia-Pacific raises tensions with China and "
        "Russia and provokes their counter-moves.",
        quote=[
            "which exacerbate tensions around Taiwan",
            "have further escalated tensions in the Asia-Pacific",
        ],
        tags=["us", "china", "russia"],
    )
    escalates.rebuts(desirable)
    china_opposes.supports(escalates)

    taiwan_moves = b.claim(
        "us-taiwan-moves-provoke",
        "US arms deliveries to Taipei and US naval activity in the Taiwan Strait worsen "
        "tensions over Taiwan; Moscow calls them provocations.",
        quote=(
            "The U.S. provision of modern weaponry to Taipei and the continuation of naval "
            "activities in the Taiwan Strait, which exacerbate tensions around Taiwan, have "
            "been described by Moscow as provocations"
        ),
        tags=["us", "taiwan", "russia"],
    )
    taiwan_moves.supports(escalates)
    # Ishiba says a defence mechanism would ease tensions over Taiwan; the article says in
    # its own voice that the US military moves around Taiwan exacerbate them.
    taiwan_moves.rebuts(eases_taiwan)

    russia_threat = b.claim(
        "russia-sees-threat-asia",
        "Russia feels more threatened in the Asia-Pacific, both by Western pressure and by "
        "the regional alliances the US and Japan are forming.",
        quote=(
            "Russia’s perception of threats in the Asia-Pacific region has become more complex, "
            "not only due to pressures originating from the West but also due to the formation "
            "of regional alliances led by Japan and the United States"
        ),
        tags=["russia", "us", "japan"],
    )
    russia_threat.supports(escalates)
    nato_aid = b.claim(
        "nato-aid-raises-russia-threat",
        "NATO-led military aid to Ukraine has heightened Russia's sense of threat from the "
        "West and sped up its conventional and strategic deterrence build-up.",
        quote=(
            "Military aid provided to Ukraine under NATO leadership has heightened Russia’s "
            "perception of threat and accelerated Moscow’s efforts to strengthen both "
            "conventional and strategic deterrence capabilities"
        ),
        tags=["russia", "europe"],
    )
    nato_aid.supports(russia_threat)
    b.claim(
        "belousov-war-warning",
        "Russian Defence Minister Andrey Belousov has said Russia must prepare for a possible "
        "war with NATO.",
        quote=(
            "Statements by Russian Defense Minister Andrey Belousov regarding the need to "
            "prepare for a potential war with NATO underscore Moscow’s continued view of the "
            "West as a strategic threat"
        ),
        tags=["russia", "europe"],
    ).supports(nato_aid)
    b.claim(
        "nato-summit-reinforced",
        "NATO's July 2024 summit decisions, its support to Ukraine and new doctrines on "
        "unmanned systems have reinforced Russia's threat perception.",
        quote=(
            "Decisions made at NATO’s July summit, support provided to Ukraine, and new "
            "doctrines regarding unmanned systems have reinforced this perception in Russia"
        ),
        tags=["russia", "europe"],
    ).supports(nato_aid)

    deployments_escalate = b.claim(
        "western-deployments-escalate",
        "Naval deployments to the Asia-Pacific by the United Kingdom and Italy, like "
        "France's, have escalated tensions and undermined efforts at a regional security "
        "framework.",
        quote=(
            "Similar deployments by the United Kingdom and Italy have further escalated "
            "tensions in the Asia-Pacific and undermined efforts to establish a regional "
            "security framework"
        ),
        tags=["europe"],
    )
    deployments_escalate.supports(escalates)
    # France's exercises, read in Beijing as interference, are what the UK's and Italy's
    # "Similar deployments ... further escalated".
    b.claim(
        "china-sees-interference",
        "China perceives France's joint naval exercises with the US, Japan, Australia and "
        "Canada in the Indo-Pacific as external interference.",
        quote="are perceived by actors such as China as external interference",
        tags=["china", "europe"],
    ).supports(deployments_escalate)
    b.claim(
        "russia-china-joint-front",
        "Russia may answer US policy in Europe and Asia by deepening its ties with China into "
        "a joint defensive front, with North Korea drawn in.",
        quote=[
            (
                "Russia may deepen its economic, diplomatic, and military ties with China to "
                "establish a joint defensive front against U.S. power-shifting policies in both "
                "Europe and Asia"
            ),
            "The active involvement of allies such as North Korea in this bloc could further complicate regional equations",
        ],
        tags=["russia", "china", "north-korea"],
    ).supports(escalates)
    b.claim(
        "china-hardens-on-taiwan",
        "China's hardening line on Taiwan and its counter-strategies against US-backed "
        "military manoeuvres could further raise regional tensions.",
        quote=(
            "China’s hardening stance on Taiwan and its counter-strategies against U.S.-backed "
            "military maneuvers could further intensify regional security dynamics"
        ),
        tags=["china", "taiwan"],
    ).supports(escalates)

    # ---------------------------------------------------------------------------------------
    # Likelihood, the case for: the proposal and the Western build-up it builds on.
    b.claim(
        "ishiba-proposed",
        "Japanese Prime Minister Shigeru Ishiba has called for the creation of an Asian NATO.",
        quote=(
            "calling for the creation of an “Asian NATO” in response to the growing military "
            "cooperation between China, Russia, and North Korea"
        ),
        tags=["japan"],
    ).supports(likely)

    bloc = b.claim(
        "western-bloc-building",
        "The US, with Japan and other partners, is building a new security architecture in "
        "the Asia-Pacific aimed at China, Russia and North Korea.",
        quote=[
            "establishing new security architectures in the Asia-Pacific region against actors such as China, Russia, and North Korea",
            "the formation of regional alliances led by Japan and the United States",
        ],
        tags=["us", "japan"],
    )
    bloc_likely = bloc.supports(likely)
    interwoven = b.claim(
        "interwoven-architecture",
        "Under the Biden administration's 'Interwoven Security Architecture', defence "
        "cooperation between the US, Japan and other regional partners has intensified.",
        quote=(
            "Under the Biden administration’s strategy, referred to as the “Interwoven Security "
            "Architecture,” defense cooperation between the US, Japan, and other regional "
            "partners has intensified"
        ),
        tags=["us", "japan"],
    )
    interwoven.supports(bloc)
    b.claim(
        "quad-aukus-trilateral",
        "Regular Quad meetings with Japan, India and Australia, the AUKUS pact and closer "
        "US-Japan-South Korea cooperation are key parts of the Interwoven Security Architecture.",
        quote=(
            "Regular meetings within the framework of the Quadrilateral Security Dialogue (QUAD) "
            "involving Japan, India, and Australia, the AUKUS alliance, and increasing "
            "cooperation between Washington, Tokyo, and Seoul are key components of this strategy"
        ),
        tags=["us", "japan", "india", "australia", "south-korea"],
    ).supports(interwoven)
    b.claim(
        "european-deployments",
        "European NATO members are deploying forces to the region: France has sent a carrier "
        "strike group that exercises with the US, Japan, Australia and Canada.",
        quote=[
            "the increasing military deployments by Western countries",
            (
                "the deployment of a carrier strike group by France, a member of both NATO and "
                "the EU, to the Asia-Pacific region has emerged as a significant element of the "
                "West’s strategic direction"
            ),
            (
                "Joint naval exercises in the Indo-Pacific region with the navies of the U.S., "
                "Japan, Australia, and Canada are intended to deepen France’s regional "
                "partnerships"
            ),
        ],
        tags=["europe", "us", "japan", "australia"],
    ).supports(bloc)

    gerasimov = b.claim(
        "gerasimov-says-forming",
        "Russia's Chief of the General Staff Valery Gerasimov says a NATO-like alliance led by "
        "the US, Japan and South Korea against Russia, China and North Korea is taking shape.",
        quote=(
            "Gerasimov, stated that a military alliance similar to NATO is taking shape in the "
            "Asia-Pacific under the leadership of the United States, Japan, and South Korea, "
            "identifying Russia, China, and North Korea as primary adversaries"
        ),
        tags=["russia", "us", "japan", "south-korea"],
    )
    gerasimov.supports(likely)
    # Gerasimov naming Russia as a primary adversary of the alliance is also evidence of
    # Russia's threat perception in the region.
    gerasimov.supports(russia_threat)
    b.claim(
        "asean-system-transformed",
        "Gerasimov says the ASEAN-based regional security system is being turned into "
        "US-controlled alliances.",
        quote="current ASEAN-based security system is being transformed into U.S.-controlled alliances",
        tags=["asean", "us", "russia"],
    ).supports(gerasimov)
    b.claim(
        "troops-400k",
        "Gerasimov says a force of about 400,000 troops has been deployed in the Asia-Pacific.",
        quote="a force of approximately 400,000 troops has been deployed in the region",
        tags=["russia", "us"],
    ).supports(gerasimov)

    same_model = b.claim(
        "us-same-model",
        "The US is trying to apply the same strategic model, a NATO-style bloc against its "
        "rivals, in both Europe and the Asia-Pacific.",
        quote="the United States is attempting to implement similar strategic models in both Europe and the Asia-Pacific",
        tags=["us", "europe"],
    )
    same_model.supports(likely)
    europe_deterrence = b.claim(
        "us-deterrence-europe",
        "The US has extended its global deterrence strategy to counter Russia in Europe as "
        "well, through NATO and aid to Ukraine.",
        quote=(
            "the US has extended its global deterrence strategy beyond the Asia-Pacific to also "
            "address the threat posed by Russia in Europe"
        ),
        tags=["us", "russia", "europe"],
    )
    # "The connection between these two regions demonstrates ...": the similarity follows
    # only from the two regions taken together.
    b.linked(europe_deterrence, bloc).supports(same_model)

    # ---------------------------------------------------------------------------------------
    # Likelihood, the case against: Trump's America will not lead such an alliance.
    us_unlikely = b.claim(
        "us-unlikely-to-back",
        "Under Trump the US is unlikely to lead or support the creation of a NATO-like "
        "alliance in the Asia-Pacific.",
        quote=[
            "the likelihood of the U.S. supporting the establishment of a NATO-like alliance in the Asia-Pacific is considerably low",
            "the U.S.’s lack of leadership",
        ],
        tags=["us"],
    )
    needs_us = b.implicit(
        "asian-nato-needs-us",
        "An Asian NATO can only form with US leadership and US resources behind it.",
        tags=["us"],
    )
    b.linked(us_unlikely, needs_us).rebuts(likely)
    resources = b.claim(
        "us-resource-constraints",
        "The US is short of the resources it would need to commit to a new alliance.",
        quote="the U.S.’s lack of leadership and resource constraints",
        tags=["us"],
    )
    b.linked(resources, needs_us).rebuts(likely)

    trump_averse = b.claim(
        "trump-averse-to-alliances",
        "Trump's 'Make America Great Again' approach puts US national interests and US "
        "leadership ahead of multilateral alliances.",
        quote=(
            "Donald Trump’s foreign policy approach, shaped by the slogan “Make America Great "
            "Again,” suggests that during a second Trump administration, the United States "
            "would prioritize national interests and adopt a strategy based on leadership "
            "rather than multilateral alliances"
        ),
        tags=["us"],
    )
    trump_averse.supports(us_unlikely)
    cool_on_nato = b.claim(
        "trump-cool-on-nato",
        "Trump criticises NATO and keeps his distance from collective-defence mechanisms in "
        "Europe.",
        quote=(
            "Considering Trump’s criticisms of NATO and his distant stance toward collective "
            "defense mechanisms in Europe"
        ),
        tags=["us", "europe"],
    )
    cool_on_nato.supports(us_unlikely)
    b.claim(
        "nsatu-hedge",
        "NATO has taken over coordinating Western military aid to Ukraine (the NSATU "
        "mission) as a precaution against Trump cutting US aid.",
        quote=[
            (
                "The “NATO Support and Training Mission for Ukraine” (NSATU), decided upon at "
                "the NATO Washington Summit in July 2024"
            ),
            (
                "This transition has been seen as a precaution against the possibility of newly "
                "elected U.S. President Donald Trump reducing military aid to Ukraine"
            ),
        ],
        tags=["europe", "us"],
    ).supports(cool_on_nato)
    b.claim(
        "trump-advisers-halt-aid",
        "Trump's advisers have floated halting military aid to Ukraine unless Kyiv opens "
        "negotiations with Moscow.",
        quote=(
            "Trump’s advisors have raised a plan that includes the possibility of halting "
            "military aid if Kyiv does not commence negotiations with Moscow"
        ),
        tags=["us", "europe", "russia"],
    ).supports(cool_on_nato)
    b.claim(
        "nato-depends-on-us",
        "NATO taking over the coordination of aid to Ukraine has limited effect, because the "
        "US remains Ukraine's largest weapons supplier.",
        quote=(
            "the fact that the U.S. remains Ukraine’s largest supplier of weapons and the "
            "policies of the Trump administration limit the impact of this transition"
        ),
        tags=["us", "europe"],
        note=(
            "The article makes this point about NATO in Europe; it is the nearest the text "
            "comes to the unstated premise that a NATO-like alliance depends on the US."
        ),
    ).supports(needs_us)

    # The Biden-era build-up does not carry over into the Trump era.
    shift = b.claim(
        "japan-us-shift-bilateral",
        "The security strategy Japan built with the US under Biden is expected to shift to "
        "more bilateral and limited cooperation under Trump.",
        quote=(
            "The security strategy developed by Japan in close cooperation with the U.S. under "
            "the Biden administration is expected to shift toward more bilateral and limited "
            "collaborations during the Trump era"
        ),
        tags=["japan", "us"],
    )
    trump_averse.supports(shift)
    shift.undercuts(bloc_likely)

    # Without US leadership the allies go their own way.
    independent = b.claim(
        "allies-go-independent",
        "Without direct US leadership, the regional allies are expected to pursue their own, "
        "more independent and pragmatic security strategies.",
        quote=(
            "Regional allies are expected to develop their security strategies more "
            "independently and pragmatically in the absence of direct U.S. leadership"
        ),
    )
    independent.rebuts(likely)
    us_unlikely.supports(independent)
    japan_independent = b.claim(
        "japan-goes-independent",
        "After Biden, Japan may adopt a more independent and pragmatic approach to regional "
        "security.",
        quote="Japan’s adoption of a more independent and pragmatic regional security approach in the post-Biden era",
        tags=["japan"],
    )
    japan_independent.supports(independent)
    b.claim(
        "japan-balanced-taiwan",
        "Japan might take a more balanced approach to managing Taiwan tensions and countering "
        "China's growing regional influence.",
        quote=(
            "Japan might adopt a more balanced approach to managing Taiwan tensions and "
            "countering China’s growing regional influence"
        ),
        tags=["japan", "taiwan", "china"],
    ).supports(japan_independent)

    b.claim(
        "economic-dependence-on-china",
        "China's Belt and Road investment could deepen regional states' economic dependence on "
        "China and weaken the pull of US-led alliances.",
        quote=(
            "China’s economic expansion policies under the Belt and Road Initiative and its "
            "infrastructure projects in the Asia-Pacific could increase the economic dependency "
            "of regional countries, weakening the influence of U.S.-led alliances"
        ),
        tags=["china"],
    ).rebuts(likely)

    return b.build(strict=True)
