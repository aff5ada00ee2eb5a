"""Wagtail's *Menunggu tinjauan Anda* dashboard panel at a constant number of queries.

The stock ``WorkflowObjectsToModeratePanel`` loads, for every task state in the list, its task,
the task's specific object, the task's actions for the user and the status of every task of
the workflow: four or five queries per page in moderation, 41 times the same query at 40 OPDs
with a draft each. This subclass (put in place of the stock one through
``construct_homepage_panels``, see opd_teams/wagtail_hooks.py) loads each of those once for the
whole list and renders Wagtail's own template with the same context.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Page, Revision, Task, TaskState, WorkflowTask

#: Where Wagtail's GroupApprovalTask caches "is this user in one of my groups" on the user object
#: (``GroupApprovalTask._user_in_groups``). Filled for every active task in one query by
#: :func:`prefill_group_checks`; tests/opd_teams/test_admin_query_budget.py fails when Wagtail
#: stops reading it (the dashboard then costs one query more per OPD).
GROUP_CHECKS_CACHE = "_group_approval_task_checks"


def prefill_group_checks(user):
    """Answer, in one query, Wagtail's per-task "is the user in this task's groups" check for every
    active group approval task: ``TaskState.objects.reviewable_by()`` asks it once per task, so
    once per OPD, for every user who is not a superuser."""
    if user.is_superuser or not user.is_authenticated:
        return
    task_ids = list(GroupApprovalTask.objects.filter(active=True).values_list("pk", flat=True))
    member_of = set(
        GroupApprovalTask.groups.through.objects.filter(
            groupapprovaltask_id__in=task_ids, group_id__in=user.groups.values("pk")
        ).values_list("groupapprovaltask_id", flat=True)
    )
    checks = getattr(user, GROUP_CHECKS_CACHE, None)
    if not checks:
        checks = {}
        setattr(user, GROUP_CHECKS_CACHE, checks)
    for task_id in task_ids:
        checks.setdefault(task_id, task_id in member_of)


def tasks_with_status(workflow_states):
    """Workflow state id → its workflow's tasks annotated with ``status``/``status_display``, as
    ``WorkflowState.all_tasks_with_status()`` returns them: two queries for all the states."""
    workflow_ids = {state.workflow_id for state in workflow_states}
    links = (
        WorkflowTask.objects.filter(workflow_id__in=workflow_ids).select_related("task").order_by("sort_order", "pk")
    )
    tasks_of = {}
    for link in links:
        tasks_of.setdefault(link.workflow_id, []).append(link.task)
    latest = {}
    rows = TaskState.objects.filter(workflow_state_id__in=[state.pk for state in workflow_states]).order_by(
        "-started_at", "-id"
    )
    for workflow_state_id, task_id, status in rows.values_list("workflow_state_id", "task_id", "status"):
        latest.setdefault((workflow_state_id, task_id), status)
    labels = dict(TaskState.STATUS_CHOICES)
    result = {}
    for state in workflow_states:
        tasks = []
        for task in tasks_of.get(state.workflow_id, []):
            copy = Task(pk=task.pk, name=task.name, content_type_id=task.content_type_id, active=task.active)
            copy.status = latest.get((state.pk, task.pk))
            copy.status_display = labels.get(copy.status, _("Not started"))
            tasks.append(copy)
        result[state.pk] = tasks
    return result


class ModerationPanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = Component.get_context_data(self, parent_context)
        context.update(states=[], request=request, csrf_token=parent_context["csrf_token"])
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        prefill_group_checks(request.user)
        if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
            # Task statuses then depend on each page's latest revision: keep Wagtail's own panel.
            return super().get_context_data(parent_context)
        states = list(
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state", "workflow_state__workflow")
            .prefetch_related("revision__content_object", "revision__content_object__latest_revision")
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        if not states:
            return context
        tasks = {task.pk: task for task in Task.objects.filter(pk__in={s.task_id for s in states}).specific()}
        statuses = tasks_with_status([state.workflow_state for state in states])
        group_actions = {}
        for state in states:
            obj = state.revision.content_object
            if not obj:
                continue
            task = tasks[state.task_id]
            state.task = task  # the template reads task_state.task.id
            if type(task) is GroupApprovalTask:
                # Its actions depend on the task and the user only (the user's groups, or superuser).
                if task.pk not in group_actions:
                    group_actions[task.pk] = task.get_actions(obj, request.user)
                actions = group_actions[task.pk]
            else:
                actions = task.get_actions(obj, request.user)
            urls = {
                "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview",
                "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
            }
            if not isinstance(obj, Page):
                viewset = obj.snippet_viewset
                urls = {
                    "workflow_action_url_name": viewset.get_url_name("workflow_action"),
                    "workflow_preview_url_name": viewset.get_url_name("workflow_preview"),
                    "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
                }
            if not getattr(obj, "is_previewable", False):
                urls["workflow_preview_url_name"] = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": actions,
                    "workflow_tasks": statuses[state.workflow_state_id],
                    **urls,
                }
            )
        return context


def replace_stock_panel(request, panels):
    """Swap Wagtail's panel for :class:`ModerationPanel` in the dashboard's panel list (in place)."""
    prefill_group_checks(request.user)
    for position, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[position] = ModerationPanel()
