"""Admin home panels: Diskominfo's summary of all OPDs, an OPD admin's card of its own OPD."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .models import MonitoringSettings
from .scorecard import build_scorecards, class_counts, worst


class MonitoringMedia:
    css = {"all": ["css/monitoring-admin.css"]}


class DiskominfoSummaryPanel(Component):
    """How many OPDs are in each class, and the five most in need of attention."""

    name = "monitoring_summary"
    template_name = "monitoring/panels/summary.html"
    order = 50
    Media = MonitoringMedia

    def get_context_data(self, parent_context):
        cards = build_scorecards()
        return {
            "class_counts": class_counts(cards),
            "worst": worst(cards),
            "opd_count": len(cards),
            "scorecard_url": reverse("monitoring:index"),
        }


class OwnOpdCardPanel(Component):
    """The scorecard card of the OPDs this admin administers (and nothing of other OPDs)."""

    name = "monitoring_own_card"
    template_name = "monitoring/panels/own_card.html"
    order = 50
    Media = MonitoringMedia

    def __init__(self, opd_ids):
        self.opd_ids = opd_ids

    def get_context_data(self, parent_context):
        thresholds = MonitoringSettings.load()
        return {
            "cards": build_scorecards(self.opd_ids, thresholds=thresholds, reminder_history=True),
            "thresholds": thresholds,
        }
