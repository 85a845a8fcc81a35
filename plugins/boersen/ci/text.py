"""Making text from data files safe to show: control characters become visible escapes."""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}  # control and format characters, line and paragraph separators


def visible(text: str) -> str:
    """Show control and invisible formatting characters as escapes (``\\n``, ``\\x1b``,
    ``\\u202e``), as the validator's text output does."""
    if text.isprintable():
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _INVISIBLE else char for char in text)


def _escape(char: str) -> str:
    number = ord(char)
    return _NAMED.get(char) or (f"\\x{number:02x}" if number <= 0xFF else f"\\u{number:04x}")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def markdown(text: str) -> str:
    """Plain text for a Markdown paragraph or table cell: nothing in it becomes markup, a link or
    a mention (a zero-width space after each @ keeps GitHub from notifying anyone)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text)).replace("@", "@\u200b")


def code(text: str) -> str:
    """Text as a Markdown code span, or escaped text if it holds a backtick."""
    shown = visible(text)
    return markdown(shown) if "`" in shown else f"`{shown}`"
