"""The installable, offline book, the parts that need no MkDocs: the web app manifest and its
icons (`manifest`), what the service worker may cache and the build's version (`precache`), and
the offline page (`pages`). The browser side is `assets/offline.js` (the page) and
`assets/offline-sw.js` (the service worker, written as `sw.js` at the site root)."""

from qabook.offline.manifest import (ICON, MANIFEST, MASKABLE_ICON, Colours, Icon, drawn_icons, head_tags,
                                     logo_icon, theme_colours, web_manifest)
from qabook.offline.pages import OFFLINE_PAGE, offline_page_markdown, offline_panel_html
from qabook.offline.precache import LIST, WORKER, OfflinePlan, page_references, plan_offline, worker_script

__all__ = ["ICON", "LIST", "MANIFEST", "MASKABLE_ICON", "OFFLINE_PAGE", "WORKER", "Colours", "Icon", "OfflinePlan",
           "drawn_icons", "head_tags", "logo_icon", "offline_page_markdown", "offline_panel_html", "page_references",
           "plan_offline", "theme_colours", "web_manifest", "worker_script"]
