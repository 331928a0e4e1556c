"""The editors' cockpit: review dates and reminders, change notes, reader feedback, search
insights, moderation and the editors' reports."""
