"""Help → About and Help → Report a problem: who made what, and what it runs on."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop import __version__
from backleg_desktop.services.environment import library_versions, platform_text
from backleg_desktop.ui.accessible import described
from backleg_desktop.ui.widgets import heading, muted, paragraph

LICENCE = "MIT"
SUMMARY = (
    "A workout companion for training your legs while looking after a sore lower back: "
    "exercises with step-by-step cues, guided sessions with a rest timer, ready-made "
    "plans, what to leave out, and your history kept on this computer."
)


class AboutDialog(QDialog):
    def __init__(self, disclaimer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Backleg")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(f"Backleg {__version__}", 1))
        layout.addWidget(paragraph(SUMMARY))
        self.licence = paragraph(
            f"Licence: {LICENCE}. Free to use, change and share; it comes with no warranty."
        )
        self.licence.setObjectName("aboutLicence")
        layout.addWidget(self.licence)
        layout.addWidget(heading("Disclaimer", 3))
        self.disclaimer = paragraph(disclaimer)
        self.disclaimer.setObjectName("aboutDisclaimer")
        self.disclaimer.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout.addWidget(self.disclaimer)
        layout.addWidget(muted(paragraph(f"Built with Qt {qVersion()} and PySide6.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        described(close, "Closes the About box.")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def problem_report(data_dir: Path, history_file: Path | None = None) -> str:
    """The facts a bug report needs, one per line, in plain text."""
    application = QGuiApplication.instance()
    style = QApplication.style().name() if isinstance(application, QApplication) else "none"
    lines = [
        f"Backleg {__version__}",
        f"Platform: {platform_text()}",
        f"Qt: {qVersion()} ({QGuiApplication.platformName()} platform, {style} style)",
        f"PySide6: {PySide6.__version__}",
    ]
    lines += [f"{name}: {version}" for name, version in library_versions().items()]
    lines.append(f"Data folder: {data_dir}")
    if history_file is not None:
        try:
            size = f"{history_file.stat().st_size / 1024:,.0f} KB"
        except OSError as error:
            size = f"not readable ({error.strerror or error})"
        lines.append(f"History file: {history_file.name}, {size}")
    else:
        lines.append("History file: not open")
    return "\n".join(lines)


class ProblemReportDialog(QDialog):
    """The report in a read-only box with a Copy button, to paste into an e-mail or issue."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemReportDialog")
        self.setWindowTitle("Report a problem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading("Report a problem", 2))
        intro = paragraph(
            "Please say what you did, what you expected and what happened, and paste "
            "these lines with it. They contain no workouts and nothing about your health."
        )
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report, self)
        self.text.setObjectName("problemReportText")
        described(
            self.text,
            "Backleg's version, your system and the data folder, to paste into a report; "
            "nothing is sent.",
        )
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Details for the report")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        metrics = self.text.fontMetrics()
        self.text.setMinimumSize(metrics.averageCharWidth() * 72, metrics.lineSpacing() * 12)
        layout.addWidget(self.text, 1)
        self.copied = muted(QLabel("", self))
        self.copied.setObjectName("problemReportCopied")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        described(close, "Closes this report without copying it.")
        self.copy_button = QPushButton("&Copy", self)
        self.copy_button.setObjectName("problemReportCopy")
        self.copy_button.setAccessibleDescription("Copies the details to the clipboard")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self._clear = QTimer(self)
        self._clear.setObjectName("problemReportCopiedClear")
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(lambda: self.copied.setText(""))
        self.finished.connect(lambda _result: self._clear.stop())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copied.setText("Copied. Paste it into your message.")
        self.text.selectAll()
        self._clear.start(4000)


def open_folder(folder: Path) -> bool:
    """Show `folder` in the file manager; False when the desktop could not."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
