"""The editors' cockpit: review dates and reminders, change notes, reader feedback, search
insights, moderation, feeds and sitemap, and backups of the guide library."""
