"""ANKASAM, "Russia and China in the Face of the "Asian NATO" in the Asia-Pacific" (Dec. 2024).

The analysis sets Ishiba's call for an Asian NATO in a wider picture: the US applying one
strategic model in Europe (NATO, aid to Ukraine) and in the Asia-Pacific (the Biden-era
"Interwoven Security Architecture", Western naval deployments), Russia reading both as a
threat, and Russia and China answering with their own alignment. It then argues, in three
steps that each build on the last, that the alliance will not happen: "the practical
feasibility of this idea appears to be limited" (Trump's America will not back it); "In
this context", its formation "is considered highly unlikely" (no US leadership, no US
resources); and "In this sense", it "is likely to remain a political rhetoric", a scenario
that "could herald" a multipolar order with weaker US global leadership.

Verdicts, as the article's own:

- desirable: ``not-argued``. The conclusion is about feasibility only. On whether the
  alliance should exist the article reports Ishiba's case (a NATO-like mechanism would ease
  tensions over Taiwan), answers that "other regional actors" perceive the initiatives as
  "a broader strategic threat", and observes in its own voice that Western military moves
  "exacerbate tensions around Taiwan" and "have further escalated tensions"; it never says
  whether the alliance should be formed.
- likely: ``against``. "the formation of an “Asian NATO” as a concrete alliance is
  considered highly unlikely" and the idea "is likely to remain a political rhetoric".

Modelling decisions:

- **The article's conclusions are claims.** ``feasibility-limited``,
  ``asian-nato-highly-unlikely``, ``remains-political-rhetoric`` and ``multipolar-order``
  carry the article's own words, wired as the article wires them: the reasons of its
  Trump paragraph support the first; "In this context" the first and the Belt and Road
  point support the second, with the lack of US resources; "In this sense" the second and
  the allies' turn to independence support the third, which rebuts the likelihood thesis.
- **The multipolar point.** "This scenario could herald a long-term geopolitical
  transformation that strengthens a multipolar order and weakens U.S. global leadership" is
  a consequence of the alliance failing rather than a reason for it, and argmap has no
  relation for a consequence. A region moving to a multipolar order with weaker US
  leadership is the opposite of a US-led bloc forming, so the map keeps the forecast as
  the article's long-range case against the likelihood thesis, fed by what the article
  says leads there: Russia and China capitalising on the situation.
- **Base scores from the article's own likelihood words**, read on the IPCC's calibrated
  scale (Mastrandrea et al. 2010, the AR5 guidance note on uncertainty: "likely" 66-100%,
  "unlikely" 0-33%, "very unlikely" 0-10%), at the bound the word guarantees: "considered
  highly unlikely" to form gives the claim that it will not form 0.9; "likely to remain a
  political rhetoric" 0.66; a "considerably low" likelihood of US support 0.67. The reasons
  the article gives for these judgements are also mapped, so their strength counts twice
  under DF-QuAD: the base score records how sure the author says it is, the supports why.
  Every other claim keeps the default 0.5; "could", "may", "might", "appears" and "is
  expected to" are qualifiers only.
- **Desirability is reported, not built.** Only what the article says bears on it: Ishiba's
  case, the article's "However ..." answer to it, and the escalation it observes. The
  material on Russia's threat perception (NATO aid to Ukraine, Belousov, the July summit)
  explains Russia's response, its alignment with China, and is mapped there. Ishiba's claim
  that a mechanism would ease Taiwan tensions and the article's remark that US arms and
  patrols "exacerbate tensions around Taiwan" are about different things, so neither is
  set against the other. "Other regional actors" stays unnamed: the article names China only
  for its view of France's exercises ("perceived by actors such as China as external
  interference").
- **Reported speech.** Claims state what Ishiba, Gerasimov or Moscow say; the quotes keep
  the attribution, and no objection attacks a claim that only reports a view.

Not mapped: the footnote list; the opening remark that great-power competition is
intensifying (framing); the remark that the "Asian NATO" concept "has emerged as a
significant term" (it only sets up the "However" of the feasibility conclusion); France's
aim of strengthening the EU's defence identity; and the Ukraine aid details beyond what the
article uses about Trump and NATO ("This further complicates the West's efforts ...").
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
        # Desirable: not argued. The article reports that Ishiba argues "tensions over
        # Taiwan could be mitigated through a NATO-like defense mechanism" and notes the
        # tensions Western moves raise, but draws no conclusion on whether the alliance
        # should be formed; its conclusions are all about feasibility.
        desirable="not-argued",
        # Likely: against. "the formation of an “Asian NATO” as a concrete alliance is
        # considered highly unlikely"; the idea "is likely to remain a political rhetoric".
        likely="against",
    )

    # ---------------------------------------------------------------------------------------
    # Desirability, as the article reports it: Ishiba's case and the article's answer.
    b.claim(
        "russia-china-alignment",
        "China, Russia and North Korea are deepening their military cooperation, the "
        "development Ishiba's call for an Asian NATO responds to.",
        quote="growing military cooperation between China, Russia, and North Korea",
        tags=["china", "russia", "north-korea"],
    ).supports(desirable)
    eases_taiwan = b.claim(
        "nato-mechanism-eases-taiwan",
        "A NATO-like defence mechanism in Asia could ease tensions over Taiwan, as Ishiba "
        "argues in an article for the Hudson Institute.",
        quote=(
            "In an article for the Hudson Institute, Ishiba characterized these developments "
            "as a success, arguing that tensions over Taiwan could be mitigated through a "
            "NATO-like defense mechanism"
        ),
        qualifier="could",
        tags=["japan", "taiwan"],
    )
    eases_taiwan.supports(desirable)
    success = b.claim(
        "interwoven-success",
        "The Biden-era intensification of defence cooperation among the US, Japan and their "
        "regional partners is a success and a positive step, as Ishiba, the US and Japan "
        "see it.",
        quote=[
            "Ishiba characterized these developments as a success",
            "these initiatives are viewed as positive steps by the US and Japan",
        ],
        tags=["japan", "us"],
    )
    success_eases = success.supports(eases_taiwan)
    # "However, while these initiatives are viewed as positive steps by the US and Japan,
    # they are perceived by other regional actors as indicative of a broader strategic
    # threat": the answer grants that Washington and Tokyo see them as positive, and denies
    # that this shows they calm the region. The article does not name the other actors.
    b.claim(
        "china-opposes",
        "Other regional actors perceive the security initiatives of the US, Japan and their "
        "partners as a sign of a broader strategic threat.",
        quote=(
            "they are perceived by other regional actors as indicative of a broader strategic "
            "threat"
        ),
    ).undercuts(success_eases)

    # Desirability, what the article observes in its own voice: the Western build-up raises
    # tensions. The article never draws the conclusion that the alliance should therefore not
    # be formed; this is the one cost of the build-up it states, hence a rebuttal of the
    # desirability thesis rather than of Ishiba's (different) claim about a mechanism.
    escalates = b.claim(
        "escalates-china-tensions",
        "The Western military build-up in the Asia-Pacific (US arms and patrols around "
        "Taiwan, European naval deployments) escalates tensions in the region.",
        quote=[
            "which exacerbate tensions around Taiwan",
            "have further escalated tensions in the Asia-Pacific",
        ],
        tags=["us", "europe", "taiwan"],
    )
    escalates.rebuts(desirable)
    b.claim(
        "us-taiwan-moves-provoke",
        "US arms deliveries to Taipei and US naval activity in the Taiwan Strait worsen "
        "tensions over Taiwan; Moscow calls them provocations.",
        quote=(
            "The U.S. provision of modern weaponry to Taipei and the continuation of naval "
            "activities in the Taiwan Strait, which exacerbate tensions around Taiwan, have "
            "been described by Moscow as provocations"
        ),
        tags=["us", "taiwan", "russia"],
    ).supports(escalates)
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
        "china-hardens-on-taiwan",
        "China's hardening line on Taiwan and its counter-strategies against US-backed "
        "military manoeuvres could further raise regional tensions.",
        quote=(
            "China’s hardening stance on Taiwan and its counter-strategies against U.S.-backed "
            "military maneuvers could further intensify regional security dynamics"
        ),
        qualifier="could",
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
        "A NATO-like alliance led by the US, Japan and South Korea is taking shape in the "
        "Asia-Pacific against Russia, China and North Korea, as Russia's Chief of the General "
        "Staff Valery Gerasimov says.",
        quote=(
            "Russia’s Chief of the General Staff, Valery Gerasimov, stated that a military "
            "alliance similar to NATO is taking shape in the Asia-Pacific under the leadership "
            "of the United States, Japan, and South Korea, identifying Russia, China, and North "
            "Korea as primary adversaries"
        ),
        tags=["russia", "us", "japan", "south-korea"],
    )
    gerasimov.supports(likely)
    b.claim(
        "asean-system-transformed",
        "The ASEAN-based regional security system is being turned into US-controlled "
        "alliances, as Gerasimov says.",
        quote=(
            "Highlighting that the current ASEAN-based security system is being transformed "
            "into U.S.-controlled alliances, Gerasimov noted"
        ),
        tags=["asean", "us", "russia"],
    ).supports(gerasimov)
    b.claim(
        "troops-400k",
        "A force of about 400,000 troops has been deployed in the Asia-Pacific, as Gerasimov says.",
        quote=(
            "Gerasimov noted that a force of approximately 400,000 troops has been deployed "
            "in the region"
        ),
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
    # Likelihood, the case against, step 1: "the practical feasibility of this idea appears
    # to be limited", because Trump's America will not back it.
    feasibility = b.claim(
        "feasibility-limited",
        "The practical feasibility of an Asian NATO is limited.",
        quote="However, the practical feasibility of this idea appears to be limited.",
        qualifier="appears to be",
    )
    us_unlikely = b.claim(
        "us-unlikely-to-back",
        "Under Trump the US is unlikely to support the creation of a NATO-like alliance in "
        "the Asia-Pacific, and will not lead one.",
        quote=[
            "the likelihood of the U.S. supporting the establishment of a NATO-like alliance in the Asia-Pacific is considerably low",
            "the U.S.’s lack of leadership",
        ],
        qualifier="the likelihood of US support is considerably low",
        base_score=0.67,
        note=(
            "Base score 0.67: a 'considerably low' likelihood of US support is at most an "
            "'unlikely' (0-33%) on the IPCC scale, so this claim holds with at least 0.67."
        ),
        tags=["us"],
    )
    needs_us = b.implicit(
        "asian-nato-needs-us",
        "An Asian NATO can only form with US leadership and US resources behind it.",
        tags=["us"],
    )
    b.linked(us_unlikely, needs_us).supports(feasibility)
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
        qualifier="suggests",
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

    # The Biden-era build-up does not carry over into the Trump era: the answer to the
    # build-up as a reason for the alliance.
    shift = b.claim(
        "japan-us-shift-bilateral",
        "The security strategy Japan built with the US under Biden is expected to shift to "
        "more bilateral and limited cooperation under Trump.",
        quote=(
            "The security strategy developed by Japan in close cooperation with the U.S. under "
            "the Biden administration is expected to shift toward more bilateral and limited "
            "collaborations during the Trump era"
        ),
        qualifier="is expected to",
        tags=["japan", "us"],
    )
    trump_averse.supports(shift)
    shift.undercuts(bloc_likely)

    # ---------------------------------------------------------------------------------------
    # Likelihood, the case against, step 2: "In this context, due to the U.S.'s lack of
    # leadership and resource constraints, the formation ... is considered highly unlikely".
    highly_unlikely = b.claim(
        "asian-nato-highly-unlikely",
        "An Asian NATO will not form as a concrete alliance.",
        quote=(
            "due to the U.S.’s lack of leadership and resource constraints, the formation of an "
            "“Asian NATO” as a concrete alliance is considered highly unlikely"
        ),
        qualifier="considered highly unlikely",
        base_score=0.9,
        note=(
            "Base score 0.9: the article calls the alliance's formation 'highly unlikely', "
            "a 'very unlikely' (0-10%) on the IPCC scale, so this claim holds with at least 0.9."
        ),
    )
    # The lack of US leadership reaches this claim through step 1, which it restates.
    feasibility.supports(highly_unlikely)
    resources = b.claim(
        "us-resource-constraints",
        "The US is short of the resources it would need to commit to a new alliance.",
        quote="the U.S.’s lack of leadership and resource constraints",
        tags=["us"],
    )
    b.linked(resources, needs_us).supports(highly_unlikely)
    # Part of "this context": the preceding paragraph on Russia's and China's responses.
    b.claim(
        "economic-dependence-on-china",
        "China's Belt and Road investment could deepen regional states' economic dependence on "
        "China and weaken the pull of US-led alliances.",
        quote=(
            "China’s economic expansion policies under the Belt and Road Initiative and its "
            "infrastructure projects in the Asia-Pacific could increase the economic dependency "
            "of regional countries, weakening the influence of U.S.-led alliances"
        ),
        qualifier="could",
        tags=["china"],
    ).supports(highly_unlikely)

    # ---------------------------------------------------------------------------------------
    # Likelihood, the case against, step 3: "In this sense, the idea ... is likely to remain a
    # political rhetoric": the alliance does not form, and the allies go their own way.
    rhetoric = b.claim(
        "remains-political-rhetoric",
        "The idea of a NATO-like alliance in the Asia-Pacific will remain political rhetoric "
        "and will not significantly change the regional security architecture.",
        quote=(
            "the idea of an alliance resembling NATO in the Asia-Pacific is likely to remain a "
            "political rhetoric and will not lead to a significant change in the regional "
            "security architecture"
        ),
        qualifier="likely",
        base_score=0.66,
        note=(
            "Base score 0.66: the article calls this 'likely', 66-100% on the IPCC scale, so "
            "this claim holds with at least 0.66."
        ),
    )
    rhetoric.rebuts(likely)
    highly_unlikely.supports(rhetoric)
    independent = b.claim(
        "allies-go-independent",
        "Without direct US leadership, the regional allies are expected to pursue their own, "
        "more independent and pragmatic security strategies.",
        quote=(
            "Regional allies are expected to develop their security strategies more "
            "independently and pragmatically in the absence of direct U.S. leadership"
        ),
        qualifier="are expected to",
    )
    independent.supports(rhetoric)
    us_unlikely.supports(independent)
    japan_independent = b.claim(
        "japan-goes-independent",
        "After Biden, Japan is adopting a more independent and pragmatic approach to regional "
        "security, which could reshape the region's power dynamics.",
        quote="Japan’s adoption of a more independent and pragmatic regional security approach in the post-Biden era",
        qualifier="could reshape the regional power dynamics",
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
        qualifier="might",
        tags=["japan", "taiwan", "china"],
    ).supports(japan_independent)

    # ---------------------------------------------------------------------------------------
    # Likelihood, the long range: "This scenario could herald a long-term geopolitical
    # transformation that strengthens a multipolar order and weakens U.S. global leadership"
    # (see the module docstring on why a consequence is mapped as a case against).
    multipolar = b.claim(
        "multipolar-order",
        "The region is headed for a long-term geopolitical transformation that strengthens a "
        "multipolar order and weakens US global leadership.",
        quote=(
            "This scenario could herald a long-term geopolitical transformation that "
            "strengthens a multipolar order and weakens U.S. global leadership."
        ),
        qualifier="this scenario could herald",
        note=(
            "The article gives this as what the failure of the alliance could lead to; it is "
            "mapped against the likelihood thesis because a multipolar order with weaker US "
            "leadership and a US-led Asian NATO exclude each other."
        ),
        tags=["us", "russia", "china"],
    )
    multipolar.rebuts(likely)
    capitalize = b.claim(
        "russia-china-capitalize",
        "Russia and China could exploit the absence of US leadership, expanding their "
        "collaboration to tilt the regional balance in their favour.",
        quote=(
            "Russia and China could capitalize on this situation, expanding their existing "
            "collaborations to tilt the regional balance in their favor"
        ),
        qualifier="could",
        tags=["russia", "china"],
    )
    capitalize.supports(multipolar)
    # "their existing collaborations": the alignment the article forecast as "Russia and
    # China's responses to this process", which Russia's threat perception explains.
    joint_front = b.claim(
        "russia-china-joint-front",
        "Russia may answer US policy in Europe and Asia by deepening its ties with China into "
        "a joint defensive front, with North Korea drawn in.",
        quote=[
            "Russia and China’s responses to this process will likely focus on achieving strategic alignment in Eurasia and the Asia-Pacific",
            (
                "Russia may deepen its economic, diplomatic, and military ties with China to "
                "establish a joint defensive front against U.S. power-shifting policies in both "
                "Europe and Asia"
            ),
            "The active involvement of allies such as North Korea in this bloc could further complicate regional equations",
        ],
        qualifier="likely; may",
        tags=["russia", "china", "north-korea"],
    )
    joint_front.supports(capitalize)
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
    russia_threat.supports(joint_front)
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
        "Moscow continues to see the West as a strategic threat: Defence Minister Andrey "
        "Belousov says Russia must prepare for a possible war with NATO.",
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

    return b.build(strict=True)
