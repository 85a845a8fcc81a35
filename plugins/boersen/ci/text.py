"""Making text from data files safe to show: control characters become visible escapes."""

from __future__ import annotations

import re

from ..problems import visible

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")


def markdown(text: str) -> str:
    """Plain text for a Markdown paragraph or table cell: nothing in it becomes markup, a link or
    a mention (a zero-width space after each @ keeps GitHub from notifying anyone)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text)).replace("@", "@\u200b")


def code(text: str) -> str:
    """Text as a Markdown code span, or escaped text if it holds a backtick."""
    shown = visible(text)
    return markdown(shown) if "`" in shown else f"`{shown}`"
