"""The pages of the main window's reference: exercises, one exercise, plans, avoid, guidance."""
