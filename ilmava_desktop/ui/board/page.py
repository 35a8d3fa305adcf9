"""The Debrief board: catch what the room says as cards, fast, and sort them out together."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ilmava_desktop.core import board as core
from ilmava_desktop.i18n import _, current_language, ngettext
from ilmava_desktop.services import assessment, board
from ilmava_desktop.services import municipalities as municipality_service
from ilmava_desktop.ui.board.card_dialog import CardDialog
from ilmava_desktop.ui.board.columns import CardColumn, ShownCard
from ilmava_desktop.ui.board.projector import BoardProjector
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.icons import icon, icon_button
from ilmava_desktop.ui.ops import run_op
from ilmava_desktop.ui.undo_keys import CohortUndoKeys
from ilmava_desktop.ui.when_shown import WhenShown
from ilmava_desktop.ui.widgets import heading, labelled_form, say_whole_text_in_tooltip, wall

ALL = "\x00all"  # a filter's "all" entry (None is a real value: the whole cohort)


def _combo(name: str, minimum: int = 10) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum)
    return combo


class BoardPage(QWidget):
    NAME = "board"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cards: list[core.Card] = []
        self.card_map: dict[str, core.Card] = {}
        self.stamp = ""  # the newest card stamp read: later changes are read incrementally
        self.cluster_names: dict[str, str] = {}
        self.municipality_names: dict[str, str] = {}
        self.theme_titles: dict[str, str] = {}
        self.columns: list[CardColumn] = []
        self.current_column: CardColumn | None = None
        self.projector: BoardProjector | None = None
        self.restoring = False  # set while a redraw puts the selection back
        self._shown: dict[str, tuple] = {}  # card id -> (card, columns by, cluster, shown)

        # -- quick entry -------------------------------------------------------------------
        self.entry = QLineEdit()
        self.entry.setObjectName("boardEntry")
        self.entry.setAccessibleName(_("New card"))
        self.entry.setPlaceholderText(_("Type a card and press Enter"))
        self.entry.returnPressed.connect(self.add_from_entry)
        CohortUndoKeys(ctx, self.entry)
        self.kind = _combo(_("Kind of the new card"))
        for kind, label in core.KINDS.items():
            self.kind.addItem(f"{core.SIGNS[kind]} {_(label)}", kind)
        self.municipality = _combo(_("Municipality of the new card"), 12)
        self.theme = _combo(_("Theme of the new card"), 12)
        self.author = QLineEdit()
        self.author.setAccessibleName(_("Author's initials"))
        self.author.setMaxLength(12)
        self.author.setMaximumWidth(70)
        self.confidential = QCheckBox(_("Confi&dential"))
        self.confidential.setChecked(True)  # the programme's work is confidential by default
        self.confidential.setToolTip(_("Confidential cards appear only in the municipality's own "
                                       "report, never in published material"))
        self.add_button = icon_button(_("&Add"), "new")
        self.add_button.clicked.connect(self.add_from_entry)
        hint = QLabel(_("Signs: + strength, - development area, ! idea, * lesson, ? question; "
                        "@name picks the municipality. The municipality stays for the next card."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")

        # -- what is shown -----------------------------------------------------------------
        self.group_by = _combo(_("Columns by"), 8)
        for key, label in (("kind", _("Kind")), ("municipality", _("Municipality")),
                           ("theme", _("Theme"))):
            self.group_by.addItem(label, key)
        self.filter_municipality = _combo(_("Show municipality"), 10)
        self.filter_kind = _combo(_("Show kind"), 8)
        self.filter_theme = _combo(_("Show theme"), 10)
        self.filter_group = _combo(_("Show group"), 6)
        self.filter_group.hide()  # shown once some card has a group
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search the cards"))
        self.search.setPlaceholderText(_("Search…"))
        say_whole_text_in_tooltip(self.search)
        self.search.setClearButtonEnabled(True)
        self.by_votes = QCheckBox(_("S&ort by votes"))
        for combo in (self.group_by, self.filter_municipality, self.filter_kind,
                      self.filter_theme, self.filter_group):
            combo.activated.connect(lambda _i: self.show_cards())
        self.search.textChanged.connect(lambda _t: self.show_cards())
        self.by_votes.toggled.connect(lambda _b: self.show_cards())
        self.count = QLabel()
        self.cluster_legend = QLabel(_("▌ beside a card: it is in a cluster, named below it"))
        self.cluster_legend.setWordWrap(True)
        self.cluster_legend.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.cluster_legend.hide()

        # -- what can be done to a card -------------------------------------------------------
        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("vote", _("Vote +1"), "Ctrl+Up", lambda: self.vote(1)),
            ("unvote", _("Vote −1"), "Ctrl+Down", lambda: self.vote(-1)),
            ("confidential", _("Confidential / publishable"), "Ctrl+L", self.toggle_confidential),
            ("cluster", _("Cluster…"), "Ctrl+G", self.ask_cluster_name),
            ("uncluster", _("Out of cluster"), "Ctrl+Shift+G", self.uncluster),
            ("edit", _("Edit…"), "F2", self.edit_card),
            ("delete", _("Delete"), "Delete", self.delete_cards))
        for key, text, keys, slot in actions:
            button = QPushButton(text)
            # The key's name as the user's keyboard and language call it (Qt's catalogue).
            button.setToolTip(QKeySequence(keys).toString(
                QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(slot)
            self.buttons[key] = button
            if keys != "Delete":  # Delete acts in a column only: the entry field has its own
                shortcut = QShortcut(QKeySequence(keys), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        projector_key = QShortcut(QKeySequence("F5"), self, self.open_projector)
        projector_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.projector_button = QPushButton(_("&Projector view"))
        self.projector_button.setIcon(icon("projector"))
        self.projector_button.setToolTip(_("Full screen, large type, read-only (F5)"))
        self.projector_button.clicked.connect(self.open_projector)
        self.export_button = icon_button(_("E&xport…"), "export")
        self.export_button.clicked.connect(self.choose_export_file)
        self.message = QLabel()
        self.message.setWordWrap(True)

        # -- the wall ------------------------------------------------------------------------
        self.scroll, self.wall, self.wall_layout = wall(_("The board's columns"))

        top = QHBoxLayout()
        top.addWidget(heading(_("Debrief board"), 1), 1)
        top.addWidget(self.projector_button)
        top.addWidget(self.export_button)
        entry_row = QHBoxLayout()
        entry_row.addLayout(labelled_form([(_("&Kind:"), self.kind)]))
        entry_row.addLayout(labelled_form([(_("&Municipality:"), self.municipality)]))
        entry_row.addLayout(labelled_form([(_("&Theme:"), self.theme)]))
        entry_row.addLayout(labelled_form([(_("&Initials:"), self.author)]))
        entry_row.addWidget(self.confidential)
        card_row = QHBoxLayout()
        card_row.addLayout(labelled_form([(_("&Card:"), self.entry)]), 1)
        card_row.addWidget(self.add_button)
        filter_row = QHBoxLayout()
        filter_row.addLayout(labelled_form([(_("Col&umns by:"), self.group_by)]))
        filter_row.addLayout(labelled_form([(_("Sho&w:"), self.filter_municipality)]))
        filter_row.addWidget(self.filter_kind)
        filter_row.addWidget(self.filter_theme)
        filter_row.addWidget(self.filter_group)
        search_row = QHBoxLayout()
        search_row.addLayout(labelled_form([(_("&Search:"), self.search)]), 1)
        search_row.addWidget(self.by_votes)
        # Two rows of what can be done to a card (a card's own, then clusters and the count):
        # one row of seven would not fit a projector's 1024 pixels.
        action_row = QHBoxLayout()
        for key in ("vote", "unvote", "confidential", "edit", "delete"):
            action_row.addWidget(self.buttons[key])
        action_row.addStretch(1)
        cluster_row = QHBoxLayout()
        for key in ("cluster", "uncluster"):
            cluster_row.addWidget(self.buttons[key])
        say_whole_text_in_tooltip(*self.buttons.values())
        cluster_row.addWidget(self.cluster_legend, 1)
        cluster_row.addWidget(self.count)
        # The filters' and the entry's choices give way in a narrow window (their chosen
        # text in their tooltips), and take their whole width where there is room.
        for combo in (self.kind, self.municipality, self.theme, self.group_by,
                      self.filter_municipality, self.filter_kind, self.filter_theme,
                      self.filter_group):
            combo.setMinimumWidth(90)
            say_whole_text_in_tooltip(combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(entry_row)
        layout.addLayout(card_row)
        layout.addWidget(hint)
        layout.addLayout(filter_row)
        layout.addLayout(search_row)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(action_row)
        layout.addLayout(cluster_row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.entry)
        self.reload_when_shown = WhenShown(self, self.load)
        ctx.cohort_opened.connect(self.cohort_ready)
        ctx.changed.connect(self.on_changed)

    # -- reading -----------------------------------------------------------------------------

    def cohort_ready(self) -> None:
        """A cohort was opened (or this page was built after it was)."""
        self.reload_when_shown()

    def load(self) -> None:
        language = current_language()

        def read(session):
            db = session.db
            template = json.loads(assessment.cohort_template_body(db))
            _live, _deleted, stamp = board.changed_since(db, "")
            return (municipality_service.taking_part(db), template, board.cards(db), board.clusters(db),
                    stamp)

        municipalities, template, cards, self.cluster_names, self.stamp = self.ctx.read(read)
        self.card_map = {card.id: card for card in cards}
        self.cards = cards
        self._shown.clear()  # names may have changed: every card is shown anew
        self.municipality_names = {m.id: m.name(language) for m in municipalities}
        self.theme_titles = {t["id"]: t["title"].get(language) or t["title"]["fi"]
                             for t in template["themes"]}
        self._fill(self.municipality, [(None, _("Whole cohort"))]
                   + [(m.id, m.name(language)) for m in municipalities])
        self._fill(self.theme, [(None, "–")] + list(self.theme_titles.items()))
        self._fill(self.filter_municipality, [(ALL, _("All municipalities")),
                                              ("", _("Whole cohort"))]
                   + [(m.id, m.name(language)) for m in municipalities])
        self._fill(self.filter_kind, [(ALL, _("All kinds"))]
                   + [(k, _(label)) for k, label in core.KINDS.items()])
        self._fill(self.filter_theme, [(ALL, _("All themes"))] + list(self.theme_titles.items()))
        self.fill_groups()
        self.show_cards()

    def fill_groups(self) -> None:
        groups = sorted({c.group for c in self.cards if c.group})
        self._fill(self.filter_group, [(ALL, _("All groups"))] + [(g, g) for g in groups])
        self.filter_group.setVisible(bool(groups))

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple]) -> None:
        kept = combo.currentData()
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(kept)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def on_changed(self, changes) -> None:
        if not self.isVisible():  # read afresh when shown; nobody is looking now
            if changes.touches("card", "card_cluster", "municipality", "template", "cohort"):
                self.reload_when_shown()
            return
        if changes.touches("municipality", "template", "cohort"):
            self.load()
        elif changes.touches("card", "card_cluster"):
            (live, deleted, self.stamp), self.cluster_names = self.ctx.read(
                lambda s: (board.changed_since(s.db, self.stamp), board.clusters(s.db)))
            for card_id in deleted:
                self.card_map.pop(card_id, None)
            self.card_map.update((card.id, card) for card in live)
            self.cards = list(self.card_map.values())

            self.fill_groups()
            self.show_cards()

    # -- showing -------------------------------------------------------------------------------

    def current_filter(self) -> core.CardFilter:
        def chosen(combo):
            data = combo.currentData()
            return None if data == ALL or combo.count() == 0 else data

        return core.CardFilter(municipality_id=chosen(self.filter_municipality),
                               kind=chosen(self.filter_kind), theme_id=chosen(self.filter_theme),
                               group=chosen(self.filter_group), text=self.search.text())

    def column_keys(self) -> list[tuple[str | None, str]]:
        by = self.group_by.currentData() or "kind"
        if by == "kind":
            return [(kind, _(label)) for kind, label in core.PLURAL.items()]
        if by == "municipality":
            return [("", _("Whole cohort"))] + list(self.municipality_names.items())
        return [(None, _("No theme"))] + list(self.theme_titles.items())

    def column_of(self, card: core.Card, by: str | None = None):
        by = by or self.group_by.currentData() or "kind"
        if by == "kind":
            return card.kind
        if by == "municipality":
            return card.municipality_id or ""
        return card.theme_id

    def shown(self, card: core.Card, by: str) -> ShownCard:
        """A card as its column shows it; kept while the card and the columns stay the same,
        so a keystroke in the search with a thousand cards costs no more than the filtering."""
        cluster = self.cluster_names.get(card.cluster_id, "") if card.cluster_id else ""
        cached = self._shown.get(card.id)
        if cached is None or cached[0] is not card or cached[1] != by or cached[2] != cluster:
            cached = self._shown[card.id] = (card, by, cluster, self._make_shown(card, by))
        return cached[3]

    def _make_shown(self, card: core.Card, by: str) -> ShownCard:
        # What the card is, then confidentiality and votes: these must not be cut off at a
        # narrow column's edge.
        parts = [_(core.KINDS[card.kind])] if by != "kind" else []
        parts.append(_("confidential") if card.confidential else _("publishable"))
        if card.votes:
            parts.append("●" * min(card.votes, 5) + " "
                         + ngettext("{n} vote", "{n} votes", card.votes).format(n=card.votes))
        if by != "municipality":
            parts.append(self.municipality_names.get(card.municipality_id, _("Whole cohort")))
        if by != "theme" and card.theme_id:
            parts.append(self.theme_titles.get(card.theme_id, card.theme_id))
        if card.author:
            parts.append(card.author)
        return ShownCard(card, " · ".join(parts), self.cluster_names.get(card.cluster_id, ""))

    def show_cards(self) -> None:
        keys = self.column_keys()
        if [(c.key, c.title) for c in self.columns] != keys:
            self.build_columns(keys)
        visible = core.filter_cards(self.cards, self.current_filter())
        by = self.group_by.currentData() or "kind"
        by_column: dict = {key: [] for key, _title in keys}
        for card in visible:
            by_column.setdefault(self.column_of(card, by), []).append(card)
        by_votes = self.by_votes.isChecked()
        # The chosen cards stay chosen across a redraw: vote five times in a row.
        chosen = {c.id for c in self.selected()}
        current = self.current_column
        self.restoring = True
        for column in self.columns:
            column.set_cards([self.shown(c, by) for c in core.ordered(
                by_column.get(column.key, []), by_votes)])
            if column is current and chosen:
                column.select_ids(chosen)
        self.restoring = False
        # The bar down a card's side is said in words wherever it is shown (not colour alone).
        self.cluster_legend.setVisible(any(card.cluster_id for card in visible))
        self.count.setText(_("{shown} of {total} cards shown").format(shown=len(visible),
                                                                 total=len(self.cards)))
        if self.projector is not None and self.projector.isVisible():
            self.projector.show_board(self.projector_columns())

    def build_columns(self, keys: list[tuple]) -> None:
        for column in self.columns:  # gone from the wall now, deleted when Qt is done with it
            column.hide()
            self.wall_layout.removeWidget(column)
            column.deleteLater()
        self.columns = []
        self.current_column = None
        for key, title in keys:
            column = CardColumn(key, title, self.wall)
            column.list.dropped.connect(lambda ids, target, c=column: self.on_drop(c, ids, target))
            column.list.installEventFilter(self)
            column.list.selectionModel().currentChanged.connect(
                lambda *_args, c=column: self.restoring or self.set_current_column(c))
            self.wall_layout.addWidget(column)
            self.columns.append(column)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            column = next((c for c in self.columns if c.list is watched), None)
            if column is not None:
                self.set_current_column(column)
        return super().eventFilter(watched, event)

    def set_current_column(self, column: CardColumn) -> None:
        """Enter adds to the current column: its kind, municipality or theme is preset."""
        self.current_column = column
        by = self.group_by.currentData() or "kind"
        combo = {"kind": self.kind, "municipality": self.municipality, "theme": self.theme}[by]
        key = (column.key or None) if by == "municipality" else column.key
        index = combo.findData(key)
        if index >= 0:
            combo.setCurrentIndex(index)

    def projector_columns(self) -> list[tuple[str, list[ShownCard]]]:
        return [(column.title, column.model.cards) for column in self.columns]

    # -- writing ------------------------------------------------------------------------------

    def add_from_entry(self) -> None:
        entry = core.parse_entry(self.entry.text())
        if entry.municipality is not None:
            found = self.ctx.read(lambda s: municipality_service.find_municipality(
                s.db, entry.municipality))
            if found is None:
                self.message.setText(_("There is no municipality “{name}” in the cohort.").format(
                    name=entry.municipality))
                return
            self.municipality.setCurrentIndex(self.municipality.findData(found))
        if not entry.text:
            self.message.setText(_("A card needs some text.") if entry.kind else "")
            return
        fields = {"municipality_id": self.municipality.currentData(),
                  "kind": entry.kind or self.kind.currentData(),
                  "theme_id": self.theme.currentData(), "text": entry.text,
                  "author": self.author.text(), "confidential": self.confidential.isChecked()}
        run_op(self.ctx, lambda s: board.add_card(s, **fields), say=self.message, quiet=True,
               done=self._added)

    def _added(self, _changes) -> None:
        # setText, not clear(): the card typed is not the field's text edit to undo any
        # more, so Ctrl+Z next takes back the card itself.
        self.entry.setText("")
        self.message.setText(_("Card added."))

    def on_drop(self, column: CardColumn, ids: list[str], target) -> None:
        known = {c.id: c for c in self.cards}
        cards = [known[i] for i in ids if i in known]
        if not cards:
            return
        same_column = all(self.column_of(c) == column.key for c in cards)
        if same_column:
            if target is not None and target.id not in ids:
                self._write(lambda s: board.cluster_cards(s, [target.id, *ids]))
            return
        by = self.group_by.currentData() or "kind"
        field = {"kind": "kind", "municipality": "municipality_id", "theme": "theme_id"}[by]
        value = (column.key or None) if by != "kind" else column.key
        self._write(lambda s: board.move_cards(s, [c.id for c in cards], **{field: value}))

    def selected(self) -> list[core.Card]:
        column = self.current_column
        return column.list.selected_cards() if column is not None else []

    def _write(self, work) -> None:
        run_op(self.ctx, work, say=self.message)

    def _need_cards(self, at_least: int = 1) -> list[core.Card] | None:
        cards = self.selected()
        if len(cards) < at_least:
            self.message.setText(_("Choose a card first.") if at_least == 1 else
                                 _("Choose at least two cards (Ctrl or Shift and click)."))
            return None
        return cards

    def vote(self, change: int) -> None:
        if cards := self._need_cards():
            self._write(lambda s: board.vote(s, cards[0].id, change))

    def toggle_confidential(self) -> None:
        if cards := self._need_cards():
            make = not cards[0].confidential
            self._write(lambda s: board.set_confidential(s, [c.id for c in cards], make))

    def ask_cluster_name(self) -> None:
        cards = self._need_cards(2) if len(self.selected()) != 1 or not self.selected()[
            0].cluster_id else self.selected()
        if not cards:
            return
        existing = next((self.cluster_names.get(c.cluster_id) for c in cards if c.cluster_id), "")
        dialog = QInputDialog(self)
        dialog.setWindowTitle(_("Cluster"))
        dialog.setLabelText(_("Name of the cluster:"))
        dialog.setTextValue(existing or "")
        ids = [c.id for c in cards]
        dialog.textValueSelected.connect(lambda name: self._write(
            lambda s: board.cluster_cards(s, ids, name)))
        dialog.open()

    def uncluster(self) -> None:
        if cards := self._need_cards():
            self._write(lambda s: board.uncluster(s, [c.id for c in cards]))

    def edit_card(self) -> CardDialog | None:
        cards = self._need_cards()
        if not cards:
            return None
        card = cards[0]
        dialog = CardDialog(card, [(None, _("Whole cohort"))] + list(
            self.municipality_names.items()), [(None, "–")] + list(self.theme_titles.items()),
            self)
        dialog.accepted.connect(lambda: self._write(
            lambda s: board.edit_card(s, card.id, **dialog.values())))
        dialog.open()
        return dialog

    def delete_cards(self) -> None:
        if cards := self._need_cards():
            # No question asked: Ctrl+Z brings the cards back, and the message says so.
            self._write(lambda s: board.delete_cards(s, [c.id for c in cards]))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.current_column is not None and \
                self.current_column.list.hasFocus():
            self.delete_cards()
            return
        super().keyPressEvent(event)

    # -- projector and export ----------------------------------------------------------------------

    def open_projector(self) -> BoardProjector:
        if self.projector is None:
            self.projector = BoardProjector(self)
        self.projector.show_board(self.projector_columns())
        self.projector.showFullScreen()
        self.projector.raise_()
        self.projector.activateWindow()
        return self.projector

    def choose_export_file(self) -> None:
        ask_save(self, _("Export the board"), _("board") + ".xlsx",
                 _("Excel workbook (*.xlsx);;CSV, semicolons (*.csv)"), self.export_to)

    def export_to(self, path: Path) -> None:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        run_op(self.ctx, lambda s: board.export_board(s, path), say=self.message)
