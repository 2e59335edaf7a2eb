"""Follow-up of trial periods and hires: at least monthly, with the hours per week now."""
