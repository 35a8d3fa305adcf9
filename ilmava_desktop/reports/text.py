"""Text in the PDFs: what people typed prints as they typed it, never read as markup.

reportlab's Paragraph reads its text as XML-like markup: "R&D" would print as "R&D;" and a
statement containing "<b>" would stop the whole document. `plain` hands Paragraph its text
as a ready fragment in the style's font and colour, so nothing is parsed (which is also most
of a paragraph's cost: a report has some sixty of them). Line breaking, splitting over pages,
bullets and alignment stay reportlab's own.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

_fragments: WeakKeyDictionary = WeakKeyDictionary()


def plain(text: str, style, bullet: str | None = None):
    """A Paragraph of `text` as it is, in `style` (whitespace runs become one space, as in
    any paragraph)."""
    from reportlab.platypus import Paragraph

    text = " ".join(str(text).split())
    template = _fragments.get(style)
    if template is None:
        from reportlab.platypus.paraparser import ParaParser

        # reportlab's parser makes the fragment for a style: once per style.
        _style, fragments, _bullet = ParaParser().parse("x", style)
        template = _fragments[style] = fragments[0]
    return Paragraph(text, style, bulletText=bullet, frags=[template.clone(text=text)])


def escape(text: str) -> str:
    """Typed text made safe to put inside the little markup a report writes itself."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
