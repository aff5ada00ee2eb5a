"""The editor's view of a service's completeness, shown at the top of the service edit form."""

from wagtail.admin.panels import Panel

from .completeness import COMPONENTS, score_service


class CompletenessPanel(Panel):
    """Score, Ombudsman zone and the components still missing, for the page as last saved."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "services/admin/completeness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            result = score_service(self.instance)
            missing = {str(label) for label in result.missing}
            context.update(
                result=result,
                components=[
                    {
                        "label": c.label,
                        "published": c.published,
                        "points": c.points,
                        "present": str(c.label) not in missing,
                    }
                    for c in COMPONENTS
                ],
                is_new=self.instance.pk is None,
            )
            return context
