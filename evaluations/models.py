# Evaluation schedules, evaluations, scorecards and follow-up actions arrive with their own issue.
