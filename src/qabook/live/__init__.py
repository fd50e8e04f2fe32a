"""`qabook serve`: the live preview — a save shows in the browser before the author looks up.

| module | concern |
|---|---|
| `server` | the HTTP server of the preview site, and the event stream that tells pages what changed (with a saved page's HTML for the pages showing it) |
| `watch` | the docs folder and mkdocs.yml watched by the system (inotify), no polling |
| `session` | the site held in memory; a save renders only what it changed |
| `told` | each finding printed once; what the open pages' findings panel shows |
| `stopping` | Ctrl+C and SIGTERM: the preview stops at once, whatever it is doing, and never not at all |
| `assets/live.js` | in the browser: the saved page swapped in place (scroll and open blocks kept), its findings shown |

The core of qabook knows nothing of this; `session` drives MkDocs through `qabook.parallel_build`.
"""

from qabook.live.session import serve

__all__ = ["serve"]
