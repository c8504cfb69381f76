"""Qt's own command-line options (`-style fusion`, `-platform offscreen`, `-reverse`, …).

They are taken out of the command line before argparse sees it, which would refuse
them, and handed to QApplication, which applies them. Standard library only: the CLI
never loads Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

# The options QGuiApplication/QApplication read (Qt 6 documentation), with or without a value.
WITH_VALUE = frozenset(
    {
        "style",
        "stylesheet",
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "session",
        "display",
        "geometry",
        "qmljsdebugger",
    }
)
FLAGS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync"})

HELP = "Qt's own options pass through to Qt, e.g. -style fusion, -platform offscreen, -reverse."


class QtOptionError(ValueError):
    """A Qt option that needs a value was the last word on the line."""


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(Backleg's own arguments, Qt's options in their order) from `argv` (no program name).

    Qt's options start with one dash (`-style fusion`, `-style=fusion`, `-reverse`).
    Everything after `--` is left to argparse.
    """
    ours: list[str] = []
    qt: list[str] = []
    words = list(argv)
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "--":
            ours.extend(words[index - 1 :])
            break
        name, has_equals, _value = word[1:].partition("=")
        if not word.startswith("-") or word.startswith("--"):
            ours.append(word)
        elif name in FLAGS and not has_equals:
            qt.append(word)
        elif name in WITH_VALUE:
            if has_equals:
                qt.append(word)
            elif index < len(words):
                qt += [word, words[index]]
                index += 1
            else:
                raise QtOptionError(f"Qt's option {word} needs a value, e.g. {word} fusion")
        else:
            ours.append(word)  # e.g. -h: argparse's
    return ours, qt
