"""Tools managers use, not just read: worksheets, print and PDF of guides, meeting packs,
the follow-up planner and process planners (.ics and PDF) and the personal evaluation."""
