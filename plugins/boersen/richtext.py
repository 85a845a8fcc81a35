"""Markdown from volunteers rendered to safe HTML.

Markdown passes raw HTML through, so its output is sanitised with nh3 (ammonia) against
an allow-list: no scripts, styles, event handlers, iframes, or links other than
http(s), mailto and tel survive. Headings are shifted down so the page keeps one <h1>.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h3", "h4", "h5", "blockquote", "code", "pre", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}

_renderer = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    _renderer.reset()
    html = _renderer.convert(text)
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
