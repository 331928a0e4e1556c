"""Keeps the question queue in step with publishing: a published answer marks its question answered."""

from wagtail.signals import page_published


def answer_published(sender, instance, **kwargs) -> None:
    from experts.models import ExpertAnswerPage, ExpertQuestion

    if isinstance(instance, ExpertAnswerPage):
        ExpertQuestion.objects.filter(answer_page=instance).exclude(status=ExpertQuestion.ANSWERED).update(
            status=ExpertQuestion.ANSWERED
        )


def connect() -> None:
    from experts.models import ExpertAnswerPage

    page_published.connect(answer_published, sender=ExpertAnswerPage, dispatch_uid="experts.answer_published")
    # The member's data export lists the questions they sent (membership.privacy).
    from experts import privacy  # noqa: F401
