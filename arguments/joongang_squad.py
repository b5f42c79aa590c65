"""The JoongAng Ilbo column on the US-Japan push for a NATO-like "Squad" (June 2025).

Cha Se-hyeon reports that a NATO-like grouping of the US, Japan, Australia and the
Philippines is taking shape after the Shangri-La Dialogue, traces what drives it (China,
Taiwan, Trump's call for burden-sharing, Japan's "One Theater" idea) and who might join,
and ends on South Korea's wariness and an open question. Most of the column is about
whether the pact is forming (likely); whether it should be formed (desirable) comes up only
as the proponents' case for treating the region as "One Theater" and the costs Seoul's and
Tokyo's officials see in that framing, which the columnist reports without taking a side.

Modelling decisions:

- **Hedges are qualifiers, not objections.** "While still informal" and "The coming months
  will reveal whether the initiative ... will gain further traction" qualify the lede's
  claim that the alliance "is beginning to take shape" (``squad-taking-shape``); "appears"
  qualifies the Squad's focus, its Taiwan timeline and its intent to grow; "though still
  vague" qualifies Japan's OCEAN concept; "may soon" the 5 percent expectation for Asia.
  None of them is a reason against the claim it qualifies, so none is a rebuttal. No claim
  has a base score: the column's hedges put no degree on its confidence beyond "open",
  which is the semantics' default of 0.5.
- **The article's own objections.** The one counter-current the column argues is South
  Korea's wariness ("Despite the growing momentum, South Korea remains wary"), which bears
  on whether Seoul joins, and so on the Squad's growth; India's "traditionally nonaligned"
  is an objection to India joining that the column answers in the same breath ("but
  increasingly wary of Chinese influence").
- **No failed precondition.** The column calls "One Theater" "a foundational precondition"
  for a NATO-like structure and reports Japan softening the term and Seoul objecting to it;
  it never concludes that the precondition fails, so neither does the map: the softening
  and Seoul's objection are evidence of Korea's wariness, as the column uses them.
- **Harris speaks for flexibility, not against Seoul.** His "any reallocation of U.S. forces
  in Korea could ultimately strengthen Korea's defense posture" comes in the paragraph on
  the "strategic flexibility" of US forces and is a reason for it; the column does not set
  it against the Korean officials' concerns, so neither does the map.
- **Reported speech.** Claims state the content of what others say or fear; the quote keeps
  the attribution ("Korean officials have long expressed concern that ...").

Where the evaluation and the column differ: the likelihood thesis asks for an alliance
with an Article 5-style commitment; the column's evidence is for a NATO-like grouping that
is "still informal", and it treats that grouping as the Asian NATO in the making without
arguing the step. The support from ``squad-taking-shape`` to the thesis carries that step
as the column does; the qualifier records the gap, and the evaluation (the thesis stands)
shows what the column's own argument carries, not more.

Not mapped: the photo captions, the byline box and the comment furniture; the Quad's
membership (mapped only as the contrast the column draws with the Squad's focus).
"""

from __future__ import annotations

from argmap import ArgumentMap
from arguments._common import article_builder

MAP_ID = "joongang-squad"


def build() -> ArgumentMap:  # noqa: PLR0915 - one article, written claim by claim
    """Build the map of the JoongAng Ilbo "Squad" column."""
    b, desirable, likely = article_builder(
        MAP_ID,
        "JoongAng Ilbo: the US and Japan push for an Asia-Pacific NATO",
        description=(
            "Cha Se-hyeon's column on the emerging US-Japan-Australia-Philippines 'Squad': "
            "the evidence that it is forming, what drives it, who might join it, and why "
            "South Korea keeps its distance."
        ),
        source_title=(
            "United States, Japan push for Asia-Pacific NATO with Australia and "
            "Philippines on board"
        ),
        author="Cha Se-hyeon",
        outlet="JoongAng Ilbo (Korea JoongAng Daily, translated)",
        date="June 2025",
        # Desirable: not argued. The column reports that "proponents argue the Indo-Pacific
        # region must be conceptualized similarly" (as one theater, like Europe for NATO) and
        # that "Korean officials have long expressed concern" about such a framework, and
        # takes neither side.
        desirable="not-argued",
        # Likely: for. The column opens by stating that a NATO-like alliance "is beginning
        # to take shape in Asia" and "is gaining traction", and most of it is evidence for
        # that. Its hedges ("While still informal", "The coming months will reveal ...")
        # qualify the claim without withdrawing it; its one counter-current, "South Korea
        # remains wary", comes "Despite the growing momentum".
        likely="for",
    )

    # -- Likely: the four-nation core is taking shape --------------------------------------
    shape = b.claim(
        "squad-taking-shape",
        "A NATO-like alliance led by Japan and the US, with Australia and the Philippines, "
        "is beginning to take shape in Asia.",
        quote=(
            "A regional security alliance resembling NATO is beginning to take shape in "
            "Asia, led by Japan and the United States"
        ),
        qualifier=(
            "beginning to take shape; while still informal; the coming months will reveal "
            "whether it will gain further traction"
        ),
        tags=["us", "japan", "australia", "philippines"],
    )
    shape.supports(likely)

    cooperation = b.claim(
        "squad-cooperation-deepening",
        "The US-Japan effort is gaining traction as Australia and the Philippines deepen "
        "their defence cooperation with it.",
        quote="is gaining traction with the addition of Australia and the Philippines",
        tags=["us", "japan", "australia", "philippines"],
    )
    cooperation.supports(shape)
    b.claim(
        "ministers-meet-regularly",
        "The four countries' defence ministers met at the Shangri-La Dialogue on 31 May "
        "2025, their fourth official meeting in three years.",
        quote=[
            (
                "the defense ministers of the four nations convened in Singapore during "
                "the Shangri-La Dialogue"
            ),
            "marking their fourth official meeting in three years",
        ],
        tags=["us", "japan", "australia", "philippines"],
    ).supports(cooperation)
    b.claim(
        "shangri-la-agreement",
        "At Shangri-La the four ministers agreed to align defence investment, share more "
        "intelligence, build cyber resilience and improve interoperability.",
        quote=(
            "The ministers agreed to align defense investment priorities, enhance "
            "intelligence sharing, strengthen cyber resilience and improve operational "
            "coordination and interoperability"
        ),
        tags=["us", "japan", "australia", "philippines"],
    ).supports(cooperation)
    b.claim(
        "joint-statement-china",
        "The four ministers' joint statement voiced serious concern at coercive changes "
        "to the status quo, a clear reference to China.",
        quote=(
            "A joint statement expressed “serious concern over unilateral actions that "
            "seek to alter the status quo through coercion,” a clear reference to China"
        ),
        tags=["us", "japan", "australia", "philippines", "china"],
    ).supports(cooperation)
    b.claim(
        "joint-drills",
        "The four countries already hold regular joint naval and air drills in the South "
        "China Sea.",
        quote=(
            "The four countries have already been conducting regular joint naval and air "
            "drills in the South China Sea"
        ),
        tags=["us", "japan", "australia", "philippines"],
    ).supports(cooperation)
    b.claim(
        "info-sharing-philippine-military",
        "The four countries share more information and are jointly modernising the "
        "Philippine military.",
        quote=(
            "They have also increased information sharing and are working together to "
            "modernize the Philippine military"
        ),
        tags=["us", "japan", "australia", "philippines"],
    ).supports(cooperation)

    core = b.claim(
        "japan-philippines-core",
        "Japan, the Philippines, Australia and the US are the founding members of the "
        "tentatively named 'Pacific Defense Pact', or 'Squad'.",
        quote=[
            (
                "the alliance is tentatively being called the “Pacific Defense Pact,” and its "
                "founding members — Japan, the Philippines, Australia and the United States"
            ),
            "some diplomatic circles have begun calling the new four-nation framework the “Squad.”",
        ],
        tags=["us", "japan", "australia", "philippines"],
    )
    core.supports(shape)
    b.claim(
        "australia-philippines-exposed",
        "Australia and the Philippines are increasingly exposed to Chinese military pressure.",
        quote="countries increasingly exposed to Beijing’s military pressure",
        tags=["australia", "philippines", "china"],
    ).supports(core)
    b.claim(
        "founders-allied-with-us",
        "The pact's four founding members already have bilateral security ties with Washington.",
        quote="already have bilateral security ties with Washington",
        tags=["us", "japan", "australia", "philippines"],
    ).supports(core)

    focused = b.claim(
        "squad-security-focused",
        "Unlike the broader Quad of Biden's Indo-Pacific strategy, the Squad is narrowly "
        "focused on security and defence.",
        quote=[
            (
                "The Quad had been a central part of the Joe Biden administration’s "
                "Indo-Pacific strategy"
            ),
            "the Squad appears more narrowly focused on security and defense",
        ],
        qualifier="appears",
        tags=["us", "japan", "australia", "philippines"],
    )
    focused.supports(shape)
    taiwan = b.claim(
        "taiwan-central",
        "A possible Chinese move on Taiwan shapes the Squad's focus and its timeline.",
        quote=[
            "particularly in light of Chinese ambitions regarding Taiwan",
            (
                "The timeline for this emerging alliance appears aligned with Chinese "
                "President Xi Jinping’s reported directive"
            ),
        ],
        qualifier="the timeline appears aligned",
        tags=["taiwan", "china"],
    )
    taiwan.supports(focused)
    xi_2027 = b.claim(
        "xi-2027-directive",
        "Xi Jinping has directed his military to prepare for a possible invasion of Taiwan "
        "by 2027, as CIA Director William Burns made public in 2023.",
        quote=(
            "reported directive to prepare for a potential Taiwan invasion by 2027, a "
            "claim made public by Director of the Central Intelligence Agency William "
            "Burns in 2023"
        ),
        qualifier="reported",
        tags=["china", "taiwan", "us"],
    )
    xi_2027.supports(taiwan)

    # China's assertiveness: what the alliance responds to ("in response to"), and what
    # Hegseth cites for burden-sharing ("rising threats from China and North Korea").
    china = b.claim(
        "china-threat-growing",
        "China is growing more assertive in the Indo-Pacific.",
        quote="in response to China’s growing assertiveness in the Indo-Pacific region",
        tags=["china"],
    )
    china.supports(shape)
    b.ref("australia-philippines-exposed").supports(china)
    xi_2027.supports(china)

    # -- Likely: the US strategic shift under Trump drives the push ------------------------
    shift = b.claim(
        "us-strategy-shift",
        "Trump's second administration is shifting US strategy in Asia, and the Asian NATO "
        "push fits that shift.",
        quote=(
            "The push for an Asian NATO aligns with a strategic shift under U.S. President "
            "Donald Trump’s second administration"
        ),
        tags=["us"],
    )
    shift.supports(shape)
    b.claim(
        "us-realigns-to-deter",
        "The US is realigning its strategy to deter Chinese aggression, as Defense Secretary "
        "Pete Hegseth says.",
        quote="“The U.S. is realigning its strategy to deter Chinese aggression,” he said",
        tags=["us", "china"],
    ).supports(shift)
    burden = b.claim(
        "us-burden-sharing",
        "The Trump administration presses its Asian allies to shoulder more of the "
        "security burden.",
        quote="which is pressing allies to shoulder greater security responsibility",
        tags=["us"],
    )
    burden.supports(shift)
    b.claim(
        "hegseth-low-spending",
        "Hegseth called it unreasonable for Asian allies to keep defence spending low while "
        "expecting Europe to invest more.",
        quote=(
            "it was unreasonable for Asian allies to maintain low defense spending while "
            "expecting Europe to invest more"
        ),
        tags=["us"],
    ).supports(burden)
    b.claim(
        "nato-5-percent",
        "The US has asked NATO members to spend 5 percent of GDP on defence and may soon "
        "expect the same of its Asian partners.",
        quote=(
            "The United States has already called on NATO countries to raise their "
            "defense budgets to 5 percent of GDP, and similar expectations may soon be "
            "placed on Asian partners"
        ),
        qualifier="may soon (for Asian partners)",
        tags=["us", "europe"],
    ).supports(burden)
    china.supports(burden)
    b.claim(
        "north-korea-threat",
        "North Korea poses a rising threat in the region, alongside China.",
        quote="Hegseth emphasized that rising threats from China and North Korea",
        tags=["north-korea"],
    ).supports(burden)
    flexibility = b.claim(
        "strategic-flexibility",
        "Making US forces in the region more strategically flexible is a central part of "
        "the emerging US strategy.",
        quote=(
            "A central component of this emerging strategy is enhancing the “strategic "
            "flexibility” of U.S. forces in the region"
        ),
        tags=["us"],
    )
    flexibility.supports(shift)
    # Harris's two points, both in the column's paragraph on "strategic flexibility": the
    # region's threats are one problem, and moving US forces out of Korea need not weaken it.
    b.claim(
        "threats-interlinked",
        "North Korea, Taiwan, China and Russia cannot be dealt with in isolation, as former "
        "US ambassador Harry Harris argues.",
        quote=(
            "Harry Harris recently argued at the Jeju Forum for Peace and Prosperity that "
            "North Korea, Taiwan, China and Russia cannot be addressed in isolation"
        ),
        tags=["us", "north-korea", "taiwan", "china", "russia"],
    ).supports(flexibility)
    reallocation = b.claim(
        "harris-reallocation",
        "Reallocating US forces in Korea could ultimately strengthen South Korea's defence "
        "posture, as Harris argues.",
        quote=(
            "any reallocation of U.S. forces in Korea could ultimately strengthen Korea’s "
            "defense posture"
        ),
        qualifier="could ultimately",
        tags=["us", "south-korea"],
    )
    reallocation.supports(flexibility)
    # "Conversely": troops flow into Korea from the whole region in a war, so troops flowing
    # out of it in peace need not leave it weaker.
    b.linked(
        b.claim(
            "harris-reinforcement",
            "A war with North Korea would bring tens of thousands of US troops from across "
            "the Indo-Pacific and the US mainland, as Harris says.",
            quote=(
                "“If war breaks out with North Korea, tens of thousands of troops from "
                "across the Indo-Pacific, and even the U.S. mainland, will be deployed"
            ),
            tags=["us", "north-korea", "south-korea"],
        ),
        b.implicit(
            "korea-defended-regionally",
            "South Korea's defence rests on US forces across the region, not only on the "
            "troops stationed in Korea.",
            tags=["us", "south-korea"],
        ),
    ).supports(reallocation)

    # -- Likely: Japan lays the groundwork of a single theater -----------------------------
    japan = b.claim(
        "japan-promotes-one-theater",
        "Japan is pushing to treat the Indo-Pacific as one strategic theater: first planned "
        "as 'One Theater', now in the softer terms of its OCEAN concept, and courting "
        "partners such as India for it.",
        quote=(
            "Originally, Japan had planned to frame the region from the Korean Peninsula "
            "to the East and South China Seas as a single theater of strategic response"
        ),
        tags=["japan"],
    )
    precondition = b.claim(
        "one-theater-precondition",
        "Treating the region as 'One Theater' is a foundational precondition for a "
        "NATO-like collective defence in the Indo-Pacific.",
        quote=(
            "The “One Theater” concept is a foundational precondition for a NATO-like "
            "collective defense structure in the region"
        ),
    )
    # Why the column explains "One Theater" at all: Japan is working on what a NATO-like
    # structure first needs.
    b.linked(japan, precondition).supports(likely, label="groundwork")
    b.claim(
        "ocean-concept",
        "Japan's defence minister Gen Nakatani proposed 'OCEAN', a concept to unite "
        "Indo-Pacific democracies through shared values.",
        quote=[
            "a concept called “Ocean” — One Cooperative Effort Among Nations",
            "aims to unite Indo-Pacific democracies through shared values",
        ],
        qualifier="though still vague",
        tags=["japan"],
    ).supports(japan)
    b.claim(
        "nakatani-map-india",
        "Nakatani showed India's defence minister a detailed map of China's island-chain "
        "defence lines and its military activity in the region.",
        quote=(
            "Nakatani reportedly presented Indian Defense Minister Rajnath Singh with a "
            "detailed A3-sized map showing China’s first and second island chains"
        ),
        qualifier="reportedly",
        tags=["japan", "india", "china"],
    ).supports(japan)

    # -- Likely: the pact means to grow, and who might join --------------------------------
    expand = b.claim(
        "squad-to-expand",
        "Like NATO, which grew from 12 members to 32, the Squad appears intent on growing "
        "beyond its four founders.",
        quote=[
            "Like NATO, which has expanded from its original 12 members to 32",
            "the Squad appears intent on growing beyond its core group",
        ],
        qualifier="appears intent",
    )
    expand.supports(likely)
    b.claim(
        "nz-candidate",
        "New Zealand, a Five Eyes intelligence partner, could join the Squad.",
        quote="Possible future members include New Zealand, a Five Eyes intelligence partner",
        qualifier="possible future member",
    ).supports(expand)

    # India: "and even India, traditionally nonaligned but increasingly wary of Chinese
    # influence" - an objection (nonalignment) answered in the same breath (the "but").
    india = b.claim(
        "india-candidate",
        "India could join the Squad.",
        quote=(
            "Possible future members include New Zealand, a Five Eyes intelligence partner; "
            "South Korea, one of Washington’s strongest regional allies; and even India"
        ),
        qualifier="possible future member; and even India",
        tags=["india"],
    )
    india.supports(expand)
    nonaligned = b.claim(
        "india-strategic-autonomy",
        "India has traditionally been nonaligned.",
        quote="and even India, traditionally nonaligned",
        tags=["india"],
    ).rebuts(india)
    b.claim(
        "india-wary-of-china",
        "India is increasingly wary of Chinese influence.",
        quote="increasingly wary of Chinese influence",
        tags=["india", "china"],
    ).undercuts(nonaligned)

    korea = b.claim(
        "south-korea-candidate",
        "South Korea, one of Washington's strongest allies in the region, could join the Squad.",
        quote=(
            "Possible future members include New Zealand, a Five Eyes intelligence partner; "
            "South Korea, one of Washington’s strongest regional allies"
        ),
        qualifier=(
            "possible future member; the coming months will reveal whether Seoul will join "
            "or hold its distance"
        ),
        tags=["south-korea", "us"],
    )
    korea.supports(expand)
    # "Nevertheless, ... Ely Ratner ... argued": a reason for Seoul joining, given after
    # its wariness, not a denial that Seoul is wary.
    b.claim(
        "ratner-natural-candidate",
        "South Korea is a natural member of the pact, if it will orient its defence toward "
        "China, deepen ties with Japan and act beyond the peninsula, as Ely Ratner argues.",
        quote=[
            "South Korea is a “natural candidate” for the Pacific Defense Pact",
            (
                "“Korea must decide whether it is willing to reorient its defense posture more "
                "toward China, deepen ties with Japan and support broader operations by South "
                "Korean and U.S. forces beyond the Korean Peninsula"
            ),
        ],
        tags=["us", "south-korea"],
    ).supports(korea)
    wary = b.claim(
        "south-korea-wary",
        "South Korea remains wary of the NATO-like pact and of Japan's 'One Theater' framework.",
        quote="Despite the growing momentum, South Korea remains wary",
        tags=["south-korea"],
    )
    wary.rebuts(korea)
    resisted = b.claim(
        "one-theater-resisted",
        "Japan's plan to treat the region from Korea to the South China Sea as 'One "
        "Theater' meets resistance, above all from Seoul, which has objected to being "
        "included in it.",
        quote=(
            "The Asahi Shimbun recently reported that Seoul has conveyed its objection to "
            "being included in Japan’s “One Theater” framework"
        ),
        tags=["japan", "south-korea"],
    )
    resisted.supports(wary)
    softened = b.claim(
        "japan-softened-one-theater",
        "Japan softened its 'One Theater' plan into the less overtly military OCEAN term.",
        quote=(
            "according to the Asahi Shimbun, concerns about provoking neighboring countries, "
            "particularly Korea, prompted Japanese officials to soften the language by "
            "adopting the less overtly military term"
        ),
        tags=["japan"],
    )
    softened.supports(resisted)
    provokes = b.claim(
        "provokes-neighbours",
        "Framing the region as 'One Theater' risks provoking Japan's neighbours, particularly "
        "Korea, as Japanese officials were concerned.",
        quote="concerns about provoking neighboring countries, particularly Korea",
        tags=["japan", "south-korea"],
    )
    provokes.supports(softened)
    # The content of the Korean officials' concerns (the quotes keep who holds them).
    usfk = b.claim(
        "usfk-taiwan-risk",
        "A single theater could let US Forces Korea be mobilised for a Taiwan contingency.",
        quote=(
            "Korean officials have long expressed concern that such a framework could allow "
            "United States Forces Korea to be mobilized in the event of a Taiwan contingency"
        ),
        qualifier="could",
        tags=["south-korea", "us", "taiwan"],
    )
    usfk.supports(wary)
    jsdf = b.claim(
        "jsdf-peninsula-risk",
        "A single theater could give Japan's Self-Defense Forces a rationale to intervene on "
        "the Korean Peninsula in a crisis.",
        quote=[
            "Korean officials have long expressed concern that such a framework",
            (
                "could also create a rationale for Japanese Self-Defense Forces to intervene "
                "on the Korean Peninsula during a crisis"
            ),
        ],
        qualifier="could",
        tags=["south-korea", "japan"],
    )
    jsdf.supports(wary)

    # -- Desirable: the proponents' case, and the costs Seoul and Tokyo see ----------------
    # (Hegseth's "The U.S. is realigning its strategy to deter Chinese aggression" states the
    # aim of the US shift, mapped above; the column never says that the alliance would
    # deter China, so the shared `deters-china` is not used here.)
    needed = b.claim(
        "one-theater-needed",
        "The Indo-Pacific, like Europe for NATO, must be treated as a single strategic "
        "theater, as proponents argue.",
        quote=(
            "Just as NATO treats Europe as a single strategic theater, proponents argue "
            "the Indo-Pacific region must be conceptualized similarly"
        ),
    )
    needed.supports(desirable)
    # The costs the column reports of exactly that framework ("such a framework"; "concerns
    # about provoking neighboring countries" over the "single theater" framing).
    usfk.rebuts(needed)
    jsdf.rebuts(needed)
    provokes.rebuts(needed)

    return b.build(strict=True)
