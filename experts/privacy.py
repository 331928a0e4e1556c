"""The questions a member sent, in the member's data export (see membership.privacy)."""

from membership.privacy import export_section


@export_section("expert_questions")
def questions_of(user) -> list[dict]:
    return [
        {
            "question": question.question,
            "signature": question.signature,
            "email": question.email,
            "area": question.area.name if question.area else None,
            "submitted_at": question.submitted_at.isoformat(),
            "status": question.get_status_display(),
        }
        for question in user.expert_questions.select_related("area")
    ]
