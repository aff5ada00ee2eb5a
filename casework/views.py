"""Building blocks for staff views over cases: the scope check every view shares."""

from django.http import Http404

from .access import can_handle, visible_cases


class ScopedCaseMixin:
    """A staff view over ``model`` cases of ``kind``; a case outside the user's scope is a 404.

    Set ``model``, ``kind`` and ``coordinator`` (a string or a callable returning one).
    """

    model = None
    kind = ""
    coordinator = "Diskominfo"

    def get_coordinator(self):
        return self.coordinator() if callable(self.coordinator) else self.coordinator

    def scoped_cases(self):
        return visible_cases(
            self.model.objects.all(), self.request.user, kind=self.kind, coordinator=self.get_coordinator()
        )

    def get_case(self, pk):
        case = self.model.objects.filter(pk=pk).select_related("opd").first()
        if case is None or not can_handle(case, self.request.user, kind=self.kind, coordinator=self.get_coordinator()):
            raise Http404
        return case
