"""Query building blocks shared by the page querysets of every app.

Wagtail's ``PageQuerySet.public()`` first loads every view restriction (one query each time
it is called) and then builds a filter from them. A page listing several lists pays that
query for each list; :func:`not_restricted` expresses the same rule as one ``NOT EXISTS``
subquery inside the listing's own query.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def not_restricted(path_field="path"):
    """True for pages with no view restriction on themselves or an ancestor (i.e. public pages).

    ``path_field`` names the treebeard path of the page to test, e.g. ``"page__path"`` when
    filtering a model that points at a page.
    """
    restricted_prefix = PageViewRestriction.objects.annotate(
        outer_prefix=Substr(OuterRef(path_field), 1, Length("page__path"))
    ).filter(page__path=F("outer_prefix"))
    return ~Exists(restricted_prefix)
