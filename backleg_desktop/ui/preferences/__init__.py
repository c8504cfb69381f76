"""Edit → Preferences…: one section widget per topic, stored in settings.ini."""
