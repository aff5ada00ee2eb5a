"""Query building blocks shared by the page querysets of every app.

Wagtail's ``PageQuerySet.public()`` first loads every view restriction (one query each time
it is called) and then builds a filter from them. A page listing several lists pays that
query for each list; :func:`not_restricted` expresses the same rule as one ``NOT EXISTS``
subquery inside the listing's own query.
"""

from django.db.models import Exists, F, OuterRef, Q
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


def subtree_range(path, field="path"):
    """``path`` and every path below it, as a range an index can serve.

    Wagtail filters a subtree with ``path LIKE 'prefix%'``; SQLite never uses an index for a
    ``LIKE … ESCAPE`` and scans all pages (100,000 rows for one OPD's Berita). Every path in the
    subtree lies between ``path`` and the path that follows it (its last step plus one, in
    treebeard's alphabet), which the unique path index finds directly. Used together with
    Wagtail's own filter, so the result is the same whatever the collation.
    """
    from wagtail.models import Page

    try:
        following = Page._int2str(Page._str2int(path) + 1).rjust(len(path), Page.alphabet[0])
    except (IndexError, ValueError):
        following = None
    bounds = Q(**{f"{field}__gte": path})
    if following is not None and len(following) == len(path):
        bounds &= Q(**{f"{field}__lt": following})
    return bounds
