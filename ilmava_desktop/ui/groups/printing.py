"""Saving a printed list (groups, pairs, sparrers) as PDF from the Groups tool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from ilmava_desktop.i18n import _, current_language
from ilmava_desktop.services.groups import documents as peer_documents
from ilmava_desktop.ui.context import AppContext
from ilmava_desktop.ui.file_dialogs import ask_save
from ilmava_desktop.ui.ops import run_op


def choose_pdf(parent: QWidget, ctx: AppContext, name: str, message: QLabel,
               document: Callable[[object, str], object]) -> QFileDialog:
    """Ask where to save, then build the document from the cohort in the window's language."""
    return ask_save(parent, _("Save as PDF"), f"{name}.pdf", _("PDF files (*.pdf)"),
                    lambda path: write_pdf(ctx, path, message, document))


def write_pdf(ctx: AppContext, path: Path, message: QLabel,
              document: Callable[[object, str], object]) -> None:
    language = current_language()
    run_op(ctx, lambda s: peer_documents.write_document(document(s.db, language), path),
           say=message)
