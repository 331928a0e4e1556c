"""Admin: which process planners use which facts of the register."""

from wagtail import hooks

from tools.models import ToolPage
from tools.processes import all_processes


@hooks.register("register_fact_usage")
def planner_fact_usage():
    pages = {page.process: page.url for page in ToolPage.objects.live().exclude(process="")}
    for key, process in all_processes().items():
        for fact_id in sorted(process.fact_ids):
            yield fact_id, "Planerare", process.title, pages.get(key) or ""
