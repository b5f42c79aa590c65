"""What every Asian-NATO map shares: the two theses, worded once, and a builder for them.

The five article maps and the synthesis map all argue about the same two questions, with
the same claim ids, so that they can be compared and merged.
"""

from __future__ import annotations

from argmap import ClaimRef, MapBuilder, Verdict

#: An Asian NATO should be formed (is it desirable?).
DESIRABLE = "asian-nato-desirable"
#: An Asian NATO is forming or will form (is it feasible / likely?).
LIKELY = "asian-nato-likely"

DESIRABLE_TEXT = (
    "An Asian NATO (a collective-defence alliance in the Indo-Pacific with an "
    "Article 5-style commitment) should be formed."
)
LIKELY_TEXT = (
    "An Asian NATO (a collective-defence alliance in the Indo-Pacific with an "
    "Article 5-style commitment) is forming or will form in the coming years."
)

#: The five article maps, by map id, with the file of the article in shared/articles/.
ARTICLES = {
    "joongang-squad": "joongang-squad.txt",
    "remain-a-dream": "remain-a-dream.txt",
    "stair-blueprint": "stair-blueprint.txt",
    "zaobao-united-front": "zaobao-united-front.txt",
    "political-rhetoric": "political-rhetoric.txt",
}


def article_builder(  # noqa: PLR0913 - the fields of a citation
    map_id: str,
    title: str,
    *,
    description: str,
    source_title: str,
    author: str = "",
    outlet: str = "",
    date: str = "",
    url: str = "",
    desirable: Verdict | str,
    likely: Verdict | str,
) -> tuple[MapBuilder, ClaimRef, ClaimRef]:
    """Start an article map: its source (id = the map id) and the two shared theses.

    Returns:
        The builder and handles on the desirability and likelihood theses.
    """
    b = MapBuilder(map_id, title, description=description)
    b.source(map_id, source_title, author=author, outlet=outlet, date=date, url=url)
    d = b.thesis(DESIRABLE, DESIRABLE_TEXT, verdict=desirable)
    li = b.thesis(LIKELY, LIKELY_TEXT, verdict=likely)
    return b, d, li
