"""The Qt binding must not leak references to None.

PySide6 6.12.0 dropped one reference to None each time a Qt call returned nothing
(no current item, no data); on Python 3.11, where None is not immortal, the app then
crashed after a few thousand clicks. Before raising PySide6's upper bound, this must pass.
"""

import sys

from PySide6.QtWidgets import QComboBox, QTreeWidget


def test_qt_calls_returning_nothing_keep_none_alive(qapp):
    tree, combo = QTreeWidget(), QComboBox()
    for _ in range(100):  # warm caches
        tree.currentItem()
        combo.currentData()
    before = sys.getrefcount(None)
    for _ in range(5000):
        tree.currentItem()
        combo.currentData()
    assert abs(sys.getrefcount(None) - before) < 50
