"""A small teaching map that uses every kind of structure argmap has.

The question is an invented one, a town council deciding on a bike lane, so that every
feature fits in a dozen claims: a linked pair of premises, a counter-rebuttal, an undercut,
an implicit premise, and quotes from two (invented) sources.
"""

from __future__ import annotations

from argmap import ArgumentMap, MapBuilder

THESIS = "bike-lane"


def build() -> ArgumentMap:
    """Build the bike-lane example map."""
    b = MapBuilder(
        "example",
        "Should Elm Street get a protected bike lane?",
        description="An invented council debate that shows every structure argmap has.",
    )
    b.source(
        "council-minutes",
        "Minutes of the transport committee (invented example)",
        author="Town clerk",
        outlet="Town council",
        date="2026-03-04",
    )
    b.source(
        "shop-letter",
        "Letter from the Elm Street traders (invented example)",
        author="Elm Street Traders' Association",
        date="2026-03-01",
    )
    lane = b.thesis(
        THESIS,
        "Elm Street should get a protected bike lane.",
        verdict="for",
    )

    # The case for: a linked argument (danger + effectiveness work only together).
    crashes = b.claim(
        "crashes",
        "Elm Street had more cyclist injuries last year than any other street in town.",
        quote="Elm Street recorded 14 cyclist injuries last year, the most of any street",
    )
    works = b.claim(
        "lanes-cut-injuries",
        "Protected lanes cut cyclist injuries where they have been built.",
        quote="protected lanes on Mill Road halved injuries within two years",
    )
    safety = b.linked(crashes, works).supports(lane, label="safety")
    b.claim(
        "mill-road-different",
        "Mill Road carries far fewer lorries than Elm Street, so its results may not carry over.",
        quote="Mill Road carries a fraction of Elm Street's lorry traffic",
    ).undercuts(safety)
    b.implicit(
        "councils-prevent-harm",
        "The council should act to prevent avoidable injuries on its streets.",
    ).supports(lane)

    # The case against, and the answer to it.
    parking = b.claim(
        "parking-loss",
        "The lane would remove the street's parking, which the shops depend on.",
        quote="Without parking outside, our customers will simply drive elsewhere",
        source="shop-letter",
    )
    parking.rebuts(lane)
    b.claim(
        "customers-walk",
        "Most Elm Street shoppers arrive on foot or by bike, not by car.",
        quote="a survey found 70 per cent of shoppers arrived on foot or by bike",
    ).rebuts(parking)
    b.claim(
        "cost",
        "The lane would cost the town 1.2 million euros.",
        quote="an estimated cost of 1.2 million euros",
    ).rebuts(lane)
    b.claim(
        "grant",
        "A regional grant would pay most of the cost.",
        quote="the regional cycling fund would cover up to 80 per cent",
    ).rebuts("cost")
    return b.build(strict=True)
