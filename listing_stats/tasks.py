from django_tasks import task

from . import stats


@task()
def refresh_listing_stats():
    """Recompute the precomputed counts of *Semua berita* and the sitemap index."""
    stats.refresh()
