"""Small HTML building blocks for report notebooks (escaped and masked by default).

Anything that came from data goes through :func:`html.escape` and, for free
text, :func:`cxtext.mask_pii`, so a transcript containing ``<script>`` shows as
text and a phone number never reaches a report.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from cxtext.text.pii import mask_pii


class HTML(str):
    """A string of HTML that Jupyter renders (``_repr_html_``) instead of printing."""

    def _repr_html_(self) -> str:
        return str(self)


def kpi_cards(items: Mapping[str, object]) -> HTML:
    """Key numbers as a row of cards: ``{"会话数": "3,512", ...}``.

    Examples
    --------
    >>> "3,512" in kpi_cards({"会话数": "3,512"})
    True
    """
    cards = "".join(
        f'<div class="cx-kpi"><b>{html.escape(str(v))}</b>{html.escape(str(k))}</div>'
        for k, v in items.items()
    )
    return HTML(f'<div class="cx-kpis">{cards}</div>')


def quotes(texts: Iterable[str], *, max_chars: int = 300) -> HTML:
    """Verbatim evidence quotes, personal data masked, HTML-escaped, truncated.

    Examples
    --------
    >>> str(quotes(["我的电话是13812345678 <b>"]))
    '<div class="cx-quote">我的电话是[手机号] &lt;b&gt;</div>'
    """
    blocks = []
    for text in texts:
        t = mask_pii(str(text))
        if len(t) > max_chars:
            t = t[: max_chars - 1] + "…"
        blocks.append(f'<div class="cx-quote">{html.escape(t)}</div>')
    return HTML("".join(blocks))


def paragraph(text: str) -> HTML:
    """A paragraph of narrative text (escaped)."""
    return HTML(f"<p>{html.escape(text)}</p>")


def footer(text: str) -> HTML:
    """The small grey line at the end of a report."""
    return HTML(f'<p class="cx-footer">{html.escape(text)}</p>')
