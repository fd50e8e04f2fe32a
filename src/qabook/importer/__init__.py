"""Import a monolithic Q&A document into a chapter of per-topic pages (lossless).

`plan_import` is pure (text in, pages and diagnostics out); `write_plan` puts a plan on disk;
`ImportOptions` carries the author's word on what the document looks like.
"""

from qabook.importer.options import ImportOptions, OptionsError, load_rules
from qabook.importer.plan import ImportPlan, PlannedPage, plan_import
from qabook.importer.write import ChapterExistsError, write_plan

__all__ = ["ChapterExistsError", "ImportOptions", "ImportPlan", "OptionsError", "PlannedPage", "load_rules",
           "plan_import", "write_plan"]
