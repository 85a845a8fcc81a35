"""Making text from data files safe to show: control characters become visible escapes."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Show control characters as escapes (``\\n``, ``\\x1b``), like the validator's text output."""
    return _CONTROL.sub(lambda match: _NAMED.get(match.group(), _escape(ord(match.group()))), text)


def _escape(number: int) -> str:
    return f"\\x{number:02x}" if number <= 0xFF else f"\\u{number:04x}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def markdown(text: str) -> str:
    """Plain text for a Markdown paragraph or table cell: nothing in it becomes markup, a link or
    a mention (a zero-width space after each @ keeps GitHub from notifying anyone)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text)).replace("@", "@\u200b")


def code(text: str) -> str:
    """Text as a Markdown code span, or escaped text if it holds a backtick."""
    shown = visible(text)
    return markdown(shown) if "`" in shown else f"`{shown}`"
