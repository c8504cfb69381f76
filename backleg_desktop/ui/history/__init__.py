"""The History page: sessions list, session detail, progress charts, records, calendar.

`charts` imports QtCharts, so nothing here imports it until the Progress tab is first shown.
"""

from backleg_desktop.ui.history.history_page import HistoryPage

__all__ = ["HistoryPage"]
