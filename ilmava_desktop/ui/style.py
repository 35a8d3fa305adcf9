"""The look: readable on a projector, with focus always visible."""

STYLE = """
QWidget { font-size: 10.5pt; }
QLabel#heading1 { font-size: 17pt; font-weight: 600; }
QLabel#heading2 { font-size: 13pt; font-weight: 600; margin-top: 8px; }
QLabel#demoBanner { background: #fff3bf; color: #3d2e00; border: 1px solid #b08800;
                    padding: 6px 10px; font-weight: 600; }
QLabel#badge { background: #e7eef9; color: #0b3d91; border: 1px solid #0b3d91;
               border-radius: 3px; padding: 2px 8px; }
QLabel#error { color: #a4000f; font-weight: 600; }
QLabel#ok { color: #1b5e20; font-weight: 600; }
QLineEdit#checkinSearch { font-size: 15pt; padding: 6px; }
QLabel#statement { font-size: 13pt; font-weight: 600; min-height: 3em; }
QLabel#checkinMessage { font-size: 12pt; font-weight: 600; }
QListWidget#navigation { font-size: 12pt; border: none; background: #f2f4f7; }
QListWidget#navigation::item { padding: 10px 12px; }
QListWidget#navigation::item:selected { background: #0b3d91; color: white; }
*:focus { outline: none; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus, QTableView:focus,
QListView:focus, QListWidget:focus, QPushButton:focus, QCheckBox:focus {
    border: 2px solid #0b57d0;
}
QPushButton { padding: 5px 12px; }
"""

ACCENT = "#0b3d91"


def apply_palette(app) -> None:
    """Colours the style sheet cannot reach: a chosen row and a field's hint.

    Qt's default selection blue under white text (3.7:1) and its grey hints (4.0:1) are
    both under the 4.5:1 that text needs; these read at 10:1 and 6:1."""
    from PySide6.QtGui import QColor, QPalette

    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(ACCENT))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("white"))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#5f6368"))
    app.setPalette(palette)
