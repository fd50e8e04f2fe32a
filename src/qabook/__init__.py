"""qabook: turn question-and-answer study material into a learning website.

The core (model, parser, importer, rules) has no MkDocs import; `plugin` and `cli`
are thin adapters over it.
"""

from qabook.diagnostics import Diagnostic, Severity
from qabook.model import Block, Book, Chapter, Page, Question

__all__ = ["Block", "Book", "Chapter", "Diagnostic", "Page", "Question", "Severity"]
__version__ = "0.1.0"
