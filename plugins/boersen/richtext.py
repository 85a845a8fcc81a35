"""Markdown from volunteers rendered to safe HTML.

cmark (GitHub's C implementation of CommonMark, through cmarkgfm) parses in linear time,
so no description can slow the build down: Python-Markdown backtracked for minutes on
20,000 "[" and overflowed the stack on deeply nested lists. cmark drops raw HTML and
unsafe links itself; the output is sanitised once more with nh3 (ammonia) against an
allow-list: no scripts, styles, event handlers, iframes, or links other than http(s),
mailto and tel survive. Headings are shifted down so the page keeps one <h1>.
"""

from __future__ import annotations

import re

import cmarkgfm
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "h5", "blockquote", "code", "pre", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


# Elements inside elements. The sanitiser's HTML parser slows down with the square of the depth
# (10,000 nested "> " took 180 ms); three levels of lists with a link inside are 9 deep.
MAX_MARKDOWN_DEPTH = 16
_TAG = re.compile(r"<(/?)([a-z0-9]+)")
_VOID = {"br", "hr", "img"}


def markdown_depth(text: str) -> int:
    """How deeply the elements of ``text`` nest once rendered (cmark writes balanced HTML)."""
    return _depth(cmarkgfm.markdown_to_html(text))


def _depth(html: str) -> int:
    depth = deepest = 0
    for closing, tag in _TAG.findall(html):
        if closing:
            depth -= 1
        elif tag not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = cmarkgfm.markdown_to_html(text)
    if _depth(html) > MAX_MARKDOWN_DEPTH:  # validation refuses such text; never let it slow a build
        return Markup("<p>{}</p>").format(text)
    for level in (2, 1):  # the page title is the only h1; volunteers' headings become h3/h4
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(f"</h{level}>", f"</h{level + 2}>")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return Markup(cleaned)


_EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]*)"(?![^>]*\brel=)')


def external_links(html: str) -> Markup:
    """Trusted HTML (Pelican's pages) with ``rel="noopener noreferrer"`` on links to other sites."""
    return Markup(_EXTERNAL_LINK.sub(r'<a href="\1" rel="noopener noreferrer"', html))
