"""Expert answers as pages under "Experten svarar", and the readers' questions waiting for one.

An answer page holds one question and its answer, the adviser's name and role, the date and the
guide area it belongs to; the index page groups the answers by area. `ExpertQuestion` is the
moderation queue: nothing a reader sends is published until an editor has written the answer.
"""

# isort: off
from experts.models.answers import ANSWER_FEATURES, ExpertAnswerPage, ExpertAnswerRelatedGuide, ExpertQuestion
from experts.models.index import ExpertIndexPage
# isort: on

__all__ = ["ANSWER_FEATURES", "ExpertAnswerPage", "ExpertAnswerRelatedGuide", "ExpertIndexPage", "ExpertQuestion"]
