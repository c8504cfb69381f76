"""The user's own plans in the window: the editor, its exercise picker, its undo commands,
and the File menu's plan files. The Plans page itself is ui/pages/plans.py."""
