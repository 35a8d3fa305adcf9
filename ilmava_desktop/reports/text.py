"""Text in the PDFs: what people typed prints as they typed it, never read as markup.

reportlab's Paragraph reads its text as XML-like markup: "R&D" would print as "R&D;" and a
statement containing "<b>" would stop the whole document. `plain` hands Paragraph its text
as a ready fragment in the style's font and colour, so nothing is parsed; and it breaks the
lines once for each width, where a KeepTogether, a table and the page frame each ask again.
A report has some sixty paragraphs: parsing and breaking them again was a fifth of the time
it took. Line breaking, splitting over pages, bullets and alignment stay reportlab's own.
"""

from __future__ import annotations

from functools import cache
from weakref import WeakKeyDictionary

_fragments: WeakKeyDictionary = WeakKeyDictionary()

# Texts in which a word was broken mid-word for want of room ("Henk/ilöt"): the tests read
# it after rendering; it stays empty when every column is wide enough for its words.
BROKEN_WORDS: list[str] = []


@cache
def _paragraph_class():
    from reportlab.platypus import Paragraph

    class TypedParagraph(Paragraph):
        _wrapped_width = None

        def breakLines(self, width):  # noqa: N802 (reportlab's name)
            lines = super().breakLines(width)
            # reportlab counts the words it had to cut without a hyphen: none should be.
            if getattr(self, "_splitLongWordCount", 0) and len(BROKEN_WORDS) < 100:
                BROKEN_WORDS.append(self.text)
            return lines

        def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
            # Splitting may drop the broken lines ("move it all to the next page"), so they
            # are reused only while they are there.
            if availWidth == self._wrapped_width and "blPara" in self.__dict__:
                return self.width, self.height
            size = super().wrap(availWidth, availHeight)
            self._wrapped_width = availWidth
            return size

    return TypedParagraph


def plain(text: str, style, bullet: str | None = None):
    """A Paragraph of `text` as it is, in `style` (whitespace runs become one space, as in
    any paragraph)."""
    text = " ".join(str(text).split())
    template = _fragments.get(style)
    if template is None:
        from reportlab.platypus.paraparser import ParaParser

        # reportlab's parser makes the fragment for a style: once per style.
        _style, fragments, _bullet = ParaParser().parse("x", style)
        template = _fragments[style] = fragments[0]
    fragments = [template.clone(text=text)] if text else []  # as reportlab parses ""
    return _paragraph_class()(text, style, bulletText=bullet, frags=fragments)


def escape(text: str) -> str:
    """Typed text made safe to put inside the little markup a report writes itself."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
