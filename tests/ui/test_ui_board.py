"""The debrief board from the keyboard: cards typed, dragged, voted on, undone, projected."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ilmava_desktop.services import board
from ilmava_desktop.services.municipalities import find_municipality
from ilmava_desktop.ui.board.card_dialog import CardDialog


def page_of(window, qtbot=None):
    if qtbot is not None:  # keyboard shortcuts need the window to be the active one
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window.tool_stack.currentWidget()


def column(page, key):
    return next(c for c in page.columns if c.key == key)


def by_id(page):
    return {c.id: c for c in board.cards(page.ctx.session.db)}


def db_cards(page):
    return {c.text: c for c in board.cards(page.ctx.session.db)}


def test_cards_typed_with_the_keyboard(demo_window_at, qtbot):
    page = page_of(demo_window_at(4))
    before = len(page.cards)
    page.entry.setFocus()
    qtbot.keyClicks(page.entry, "@Lahti - Seuranta puuttuu johtoryhmasta")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(page.entry, "? Miten mitataan")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(page.entry, "Hyva yhteistyo")  # no sign: the kind chosen, a strength
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    cards = db_cards(page)
    lahti = find_municipality(page.ctx.session.db, "Lahti")
    assert cards["Seuranta puuttuu johtoryhmasta"].kind == "development"
    assert cards["Miten mitataan"].kind == "question"
    assert cards["Hyva yhteistyo"].kind == "strength"
    # The municipality stuck; every new card is confidential until marked otherwise.
    assert {cards[t].municipality_id for t in ("Seuranta puuttuu johtoryhmasta",
                                                "Miten mitataan", "Hyva yhteistyo")} == {lahti}
    assert all(cards[t].confidential for t in ("Miten mitataan", "Hyva yhteistyo"))
    assert len(page.cards) == before + 3 and page.entry.text() == ""
    shown = [s.card.text for s in column(page, "development").model.cards]
    assert "Seuranta puuttuu johtoryhmasta" in shown


def test_ctrl_z_in_the_entry_field_takes_back_the_card_just_typed(demo_window_at, qtbot):
    window = demo_window_at(4)
    page = page_of(window, qtbot)
    page.entry.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is page.entry)
    qtbot.keyClicks(window.focusWidget(), "+ Kortti jonka peruu")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert "Kortti jonka peruu" in db_cards(page)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Kortti jonka peruu" not in db_cards(page)
    assert window.statusBar().currentMessage().startswith("Undone: ")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert "Kortti jonka peruu" in db_cards(page)
    qtbot.keyClicks(window.focusWidget(), "kesken")  # the field's own text is undone first
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.entry.text() == "" and "Kortti jonka peruu" in db_cards(page)


def test_an_unknown_municipality_is_said_and_nothing_added(demo_window_at, qtbot):
    page = page_of(demo_window_at(4))
    before = len(page.cards)
    qtbot.keyClicks(page.entry, "@Atlantis + Hieno")
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert "Atlantis" in page.message.text() and len(page.cards) == before
    assert page.entry.text() == "@Atlantis + Hieno"  # kept, to be corrected


def drop(target_list, source_list, rows, on_row=None):
    mime = source_list.model().mimeData([source_list.model().index(r) for r in rows])
    viewport = target_list.viewport()
    if on_row is None:
        point = QPointF(10, viewport.height() - 3)
    else:
        point = QPointF(target_list.visualRect(target_list.model().index(on_row)).center())
    # What the mouse does: enter the column, move over it, let go.
    QApplication.sendEvent(viewport, QDragEnterEvent(
        point.toPoint(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(viewport, QDragMoveEvent(
        point.toPoint(), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(viewport, QDropEvent(
        point, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))


def test_dragging_a_card_to_another_column_changes_its_kind_and_undo(demo_window_at, qtbot):
    window = demo_window_at(4)
    page = page_of(window, qtbot)
    strengths, ideas = column(page, "strength"), column(page, "idea")
    moved = strengths.model.cards[0].card
    drop(ideas.list, strengths.list, [0])
    assert by_id(page)[moved.id].kind == "idea"
    assert moved.id in [s.card.id for s in ideas.model.cards]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert by_id(page)[moved.id].kind == "strength"


def test_dropping_a_card_on_another_forms_a_cluster(demo_window_at):
    page = page_of(demo_window_at(4))
    strengths = column(page, "strength")
    first, second = (strengths.model.cards[i].card for i in (0, 1))
    drop(strengths.list, strengths.list, [1], on_row=0)
    cards = {c.id: c for c in board.cards(page.ctx.session.db)}
    assert cards[first.id].cluster_id and cards[first.id].cluster_id == cards[second.id].cluster_id
    shown = {s.card.id: s for s in strengths.model.cards}
    assert shown[first.id].cluster.startswith("Cluster")


def test_votes_sort_and_delete_with_undo(demo_window_at, qtbot):
    window = demo_window_at(4)
    page = page_of(window, qtbot)
    questions = column(page, "question")
    last = questions.model.cards[-1].card
    questions.list.setFocus()
    questions.list.setCurrentIndex(questions.model.index(len(questions.model.cards) - 1))
    for _press in range(7):  # the card stays chosen while the votes come in
        qtbot.keyClick(questions.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert by_id(page)[last.id].votes == last.votes + 7
    page.by_votes.setChecked(True)
    assert questions.model.cards[0].card.id == last.id
    qtbot.keyClick(questions.list, Qt.Key.Key_Delete)
    assert last.id not in by_id(page)
    assert "Ctrl+Z" in page.message.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert by_id(page)[last.id].votes == last.votes + 7
    # The board follows the file change by change; it holds exactly what the file holds.
    assert {c.id: c for c in page.cards} == by_id(page)


def test_filters_search_and_columns_by_municipality(demo_window_at, qtbot):
    page = page_of(demo_window_at(4))
    total = len(page.cards)
    qtbot.keyClicks(page.search, "hankin")
    shown = [s.card for c in page.columns for s in c.model.cards]
    assert shown and all("hankin" in c.text.casefold() for c in shown)
    assert page.count.text().endswith(f"{total} cards shown")
    page.search.clear()
    page.group_by.setCurrentIndex(page.group_by.findData("municipality"))
    page.group_by.activated.emit(page.group_by.currentIndex())
    assert page.columns[0].key == "" and len(page.columns) == 16
    kuhmo = find_municipality(page.ctx.session.db, "Kuhmo")
    kuhmo_column = next(c for c in page.columns if c.key == kuhmo)
    assert {s.card.municipality_id for s in kuhmo_column.model.cards} == {kuhmo}
    page.filter_kind.setCurrentIndex(page.filter_kind.findData("strength"))
    page.filter_kind.activated.emit(page.filter_kind.currentIndex())
    assert all(s.card.kind == "strength" for c in page.columns for s in c.model.cards)


def test_projector_hides_confidential_cards_and_ignores_typing(demo_window_at, qtbot):
    page = page_of(demo_window_at(4), qtbot)
    page.entry.setFocus()
    qtbot.keyClick(page.entry, Qt.Key.Key_F5)
    projector = page.projector
    assert projector.isVisible()
    confidential = {c.id for c in page.cards if c.confidential}
    public = {c.id for c in page.cards if not c.confidential}
    shown = set(projector.shown_ids())
    assert shown == public and not shown & confidential
    # The slide says what is hidden and how to show it, in a count that reads right, and
    # what the bar down a cluster's cards means; the columns' headings line up.
    assert f"{len(confidential)} confidential cards hidden · H shows them" in \
        projector.hint.text()
    assert "▌ the cards of one cluster" in projector.hint.text()
    QApplication.processEvents()
    assert len({c.heading.height() for c in projector.columns}) == 1
    before = len(page.cards)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_A, Qt.Key.Key_Plus):
        qtbot.keyClick(projector, key)
    assert len(board.cards(page.ctx.session.db)) == before
    qtbot.keyClick(projector, Qt.Key.Key_H)
    assert set(projector.shown_ids()) == public | confidential
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible()


def test_export_from_the_window(demo_window_at, tmp_path):
    page = page_of(demo_window_at(4))
    page.export_to(tmp_path / "taulu")
    assert (tmp_path / "taulu.xlsx").read_bytes()[:2] == b"PK"
    assert "taulu.xlsx" in page.message.text()


def test_a_card_edited_in_full_gets_a_group_to_filter_by(demo_window_at, qtbot):
    page = page_of(demo_window_at(4), qtbot)
    ideas = column(page, "idea")
    ideas.list.setFocus()
    ideas.list.setCurrentIndex(ideas.model.index(0))
    card = ideas.model.cards[0].card
    qtbot.keyClick(ideas.list, Qt.Key.Key_F2)
    dialog = page.findChild(CardDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.group.setText("Ryhma A")
    dialog.kind.setCurrentIndex(dialog.kind.findData("lesson"))
    dialog.confidential.setChecked(True)
    dialog.accept()
    edited = by_id(page)[card.id]
    assert (edited.group, edited.kind, edited.confidential, edited.text) == (
        "Ryhma A", "lesson", True, card.text)
    assert page.filter_group.isVisible()
    page.filter_group.setCurrentIndex(page.filter_group.findData("Ryhma A"))
    page.filter_group.activated.emit(page.filter_group.currentIndex())
    assert [s.card.id for c in page.columns for s in c.model.cards] == [card.id]


def test_one_vote_is_one_vote_in_every_language(demo_window_at, qtbot):
    from ilmava_desktop.i18n import set_language

    window = demo_window_at(4)
    page = page_of(window, qtbot)
    questions = column(page, "question")
    card = next(shown.card for shown in questions.model.cards if shown.card.votes == 0)
    row = [shown.card.id for shown in questions.model.cards].index(card.id)
    questions.list.setFocus()
    questions.list.setCurrentIndex(questions.model.index(row))
    qtbot.keyClick(questions.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    shown = next(s for s in column(page, "question").model.cards if s.card.id == card.id)
    assert "● 1 vote ·" in shown.meta + " ·"
    for language, words in (("fi", "1 ääni"), ("sv", "1 röst")):
        set_language(language)
        try:
            assert page._make_shown(shown.card, "kind").meta.count(words) == 1
        finally:
            set_language("en")


def test_the_cluster_bar_is_explained_in_words_when_clusters_are_shown(demo_window_at, qtbot):
    window = demo_window_at(4)
    page = page_of(window, qtbot)
    assert any(card.cluster_id for card in page.cards)  # the demo has clusters
    assert page.cluster_legend.isVisible()
    assert page.cluster_legend.text() == "▌ beside a card: it is in a cluster, named below it"
    page.search.setText("no card says this")
    assert not page.cluster_legend.isVisible()


def test_a_word_wider_than_the_card_is_broken_with_a_hyphen_not_cut(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from ilmava_desktop.ui.board.columns import wrap_lines

    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("Ilmastokumppanuus")
    lines = wrap_lines("Ilmastokumppanuussopimus kymmenen työnantajan kanssa", metrics, width, 40)
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert lines[0].endswith("-") and "…" not in "".join(lines)
    assert "".join(lines).replace("-", "").replace(" ", "") == \
        "Ilmastokumppanuussopimuskymmenentyönantajankanssa"


def test_a_long_word_on_a_narrow_card_breaks_between_syllables():
    """Finnish and Swedish hyphenate before a consonant that starts a syllable: never
    "Ilmastokoordinaatt-orin" or "energiakatselmuksi-ssa"."""
    from ilmava_desktop.ui.board.columns import syllable_cut

    def broken(word, fits):
        at = syllable_cut(word, fits)
        return word[:at] + "-", word[at:]

    assert broken("Ilmastokoordinaattorin", 18) == ("Ilmastokoordinaat-", "torin")
    assert broken("energiakatselmuksissa", 19) == ("energiakatselmuksis-", "sa")
    assert broken("energiakatselmuksissa", 17) == ("energiakatselmuk-", "sissa")
    assert broken("xxxxxxxxxxxx", 6) == ("xxxxxx-", "xxxxxx")  # no syllable: where it fits
