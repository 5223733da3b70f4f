"""The totals the statement uses: per category, per group and overall, from every record."""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from ..content.model import Content, ReferenceData


@dataclass
class Totals:
    as_of: datetime.date | None
    total: int
    by_group: dict[str, int]
    by_category: dict[str, int]
    counted_only: int  # people counted in the totals but never named
    by_region: dict[str, dict[str, int]]  # region id -> category id -> people (counted-only included)

    def of_region_group(self, region, group) -> int:
        return sum(self.by_region[region.id][category.id] for category in group.categories)


def compute_totals(content: Content) -> Totals:
    # The newest check date, not today's: two builds of one commit give the same site.
    as_of = max((person.updated for person in content.people), default=None)
    return totals_from_counts(content, Counter(counting_key(person, person.category) for person in content.people), as_of)


def counting_key(person, category) -> tuple[str, str | None, bool]:
    """What the totals count a record by: its category, its region and whether it is public."""
    return category.id, person.region.id if person.region is not None else None, person.is_public


def totals_from_counts(reference: ReferenceData, counts: Counter, as_of: datetime.date | None) -> Totals:
    """The totals of records counted by counting_key()."""
    by_category = dict.fromkeys(reference.categories, 0)
    by_region = {region_id: dict.fromkeys(reference.categories, 0) for region_id in reference.regions}
    counted_only = 0
    for (category_id, region_id, public), number in counts.items():
        by_category[category_id] += number
        if region_id is not None:
            by_region[region_id][category_id] += number
        if not public:
            counted_only += number
    by_group = {group.id: sum(by_category[c.id] for c in group.categories) for group in reference.groups}
    return Totals(
        as_of=as_of,
        total=sum(by_group.values()),
        by_group=by_group,
        by_category=by_category,
        counted_only=counted_only,
        by_region=by_region,
    )
