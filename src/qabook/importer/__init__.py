"""Import a monolithic Q&A document into a chapter of per-topic pages (lossless).

`plan_import` is pure (text in, pages and diagnostics out); `write_plan` puts a plan on disk.
"""

from qabook.importer.plan import ImportPlan, PlannedPage, plan_import
from qabook.importer.write import ChapterExistsError, write_plan

__all__ = ["ChapterExistsError", "ImportPlan", "PlannedPage", "plan_import", "write_plan"]
