"""Moderation: a writer's guide goes live only after a reviewer approves it (Wagtail workflow)."""

import pytest
from wagtail.models import Workflow

from guides.models import GuidePage


@pytest.fixture
def draft(catalogue):
    page = GuidePage(title="Ny guide om delegering", slug="ny-delegering", summary="Ingress.", author="Skribent",
                     live=False)
    catalogue.add_child(instance=page)
    return page


def test_the_migration_puts_the_writer_to_reviewer_workflow_on_the_catalogue(catalogue, draft):
    workflow = catalogue.get_workflow()
    assert workflow == draft.get_workflow()
    assert workflow.name == "Skribent → granskare" and workflow.active
    (task,) = [task.specific for task in workflow.tasks]
    assert [group.name for group in task.groups.all()] == ["Granskare"]
    assert Workflow.objects.filter(workflow_pages__page=catalogue).count() == 1


def test_writers_may_edit_guides_but_not_publish_them(draft, make_editor):
    writer = make_editor("skribent", group="Skribenter")
    reviewer = make_editor("granskare", group="Granskare")
    assert draft.permissions_for_user(writer).can_edit()
    assert not draft.permissions_for_user(writer).can_publish()
    assert draft.permissions_for_user(reviewer).can_publish()


def test_a_writers_submission_goes_live_only_when_a_reviewer_approves(draft, make_editor):
    writer = make_editor("skribent", group="Skribenter")
    reviewer = make_editor("granskare", group="Granskare")
    draft.title = "Delegera med tydlighet"
    draft.save_revision(user=writer)

    state = draft.get_workflow().start(draft, writer)
    draft.refresh_from_db()
    assert not draft.live and state.status == "in_progress"
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(draft, writer) == []  # a writer cannot approve their own guide
    assert [name for name, *_ in task.get_actions(draft, reviewer)][:2] == ["reject", "approve"]

    task.on_action(task_state, reviewer, "approve")
    draft.refresh_from_db()
    state.refresh_from_db()
    assert draft.live and draft.title == "Delegera med tydlighet"
    assert state.status == "approved"


def test_a_rejected_submission_stays_unpublished(draft, make_editor):
    writer = make_editor("skribent", group="Skribenter")
    reviewer = make_editor("granskare", group="Granskare")
    draft.save_revision(user=writer)
    state = draft.get_workflow().start(draft, writer)
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "reject")
    draft.refresh_from_db()
    assert not draft.live
