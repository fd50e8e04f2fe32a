"""The one HTML sanitiser: an allow-list over rendered HTML (nh3, the binding to Rust's ammonia).

Every page's HTML leaves the Markdown renderer through `clean_html` (see `qabook.safe_markdown`),
so the site, the print pages, the study cards, search and the exports all get what it kept.
ammonia parses with html5ever, a WHATWG HTML parser (the browser's algorithm), and serialises
a balanced tree again, so what it keeps is what a browser builds: a `>` inside a quoted
attribute, entities in a URL (`jav&#x61;script:`), tabs in a scheme, a stray end tag or an
unclosed `<textarea>` are read exactly as a browser reads them.

Dropped: elements not on the list (with `<script>` / `<style>` their content too), event
attributes and any attribute not on the list, `javascript:` / `vbscript:` / `data:` links,
and resources (`src`, `srcset`, `poster`) that are not inside the book (relative) or a
`data:image/…` picture. What was dropped is returned as `Removal` records, in document order,
for the check to report at the source line.

`allow` (the plugin option `allow_html`) lets a trusted book keep more: element names
(`iframe`, `style` …, with their usual attributes), `on*` (event attributes), and URL schemes
such as `javascript:` or `data:`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
import nh3

#: Elements a page may hold (what Markdown, pymdownx and Material's content features make, and
#: the ordinary HTML authors write). Everything else is dropped, its text kept.
TAGS = frozenset("""
a abbr acronym address article aside audio b bdi bdo blockquote br caption center cite code col
colgroup data dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header
hgroup hr i img input ins kbd label li main map mark nav ol p picture pre q rp rt rtc ruby s samp button
section small source span strike strong sub summary sup table tbody td tfoot th thead time tr
track tt u ul var video wbr
svg g path rect circle ellipse line polyline polygon defs symbol use text tspan
""".split())

#: Attributes on every allowed element (`data-*` and `aria-*` too: see `PREFIXES`).
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "style", "hidden", "tabindex"})
PREFIXES = frozenset({"data-", "aria-"})
ATTRIBUTES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "a": "href name target rel hreflang download",
    "img": "src srcset sizes alt width height loading decoding align",
    "audio": "src controls loop muted preload",
    "video": "src controls loop muted preload poster width height playsinline",
    "source": "src srcset type media sizes",
    "track": "src kind srclang label default",
    "td": "colspan rowspan align valign headers",
    "th": "colspan rowspan align valign headers scope",
    "col": "span align width", "colgroup": "span align width",
    "table": "align summary", "tr": "align valign", "thead": "align", "tbody": "align", "tfoot": "align",
    "ol": "start type reversed", "ul": "type", "li": "value",
    "details": "open", "input": "type checked disabled name value", "label": "for",
    "button": "type disabled name value",
    "time": "datetime", "del": "cite datetime", "ins": "cite datetime", "blockquote": "cite", "q": "cite",
    "abbr": "title", "hr": "align width size", "div": "align", "p": "align", "h1": "align", "h2": "align",
    "h3": "align", "h4": "align", "h5": "align", "h6": "align", "pre": "class",
    "svg": "xmlns viewBox width height preserveAspectRatio fill stroke version x y",
    "g": "transform fill stroke stroke-width opacity",
    "path": "d transform fill stroke stroke-width fill-rule clip-rule opacity",
    "rect": "x y width height rx ry transform fill stroke stroke-width",
    "circle": "cx cy r fill stroke stroke-width transform", "ellipse": "cx cy rx ry fill stroke transform",
    "line": "x1 y1 x2 y2 stroke stroke-width transform", "polyline": "points fill stroke stroke-width",
    "polygon": "points fill stroke stroke-width", "symbol": "viewBox", "use": "href x y width height transform",
    "text": "x y dx dy font-size font-family font-weight fill text-anchor transform", "tspan": "x y dx dy",
}.items()}

#: Extra attributes an element allowed by `allow_html` keeps (a trusted book's embeds).
ALLOWED_EXTRA_ATTRIBUTES: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "iframe": "src srcdoc width height allow allowfullscreen frameborder loading referrerpolicy sandbox name scrolling",
    "script": "src type async defer", "style": "media", "link": "href rel type media",
    "object": "data type width height", "embed": "src type width height", "form": "action method",
    "meta": "name content charset", "base": "href target", "frame": "src name",
    "button": "type name value", "select": "name", "option": "value selected", "textarea": "name rows cols",
}.items()}

#: CSS properties a `style` attribute keeps (none can fetch anything or cover the page).
STYLE_PROPERTIES = frozenset("""
color background background-color font-weight font-style font-size text-decoration text-align vertical-align
white-space width max-width height border border-collapse padding margin
""".split())

#: Elements whose content goes with them (script and style text would show as text otherwise).
CLEAN_CONTENT = frozenset({"script", "style"})
#: Link schemes kept in `href` / `cite`; resources (`src` …) are only relative or data:image/….
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp", "ftps", "sms", "geo", "data"})
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster"})
_DATA_IMAGE_RE = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]", re.I)
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_NOISE = dict.fromkeys(map(ord, "\t\n\r"), None)
#: What a browser strips from the ends of a URL before reading its scheme.
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser dropped: an element, an attribute (with its value), or a stray end tag."""

    kind: str  # "element", "attribute", "end-tag"
    tag: str
    attribute: str = ""
    value: str = ""

    @property
    def unsafe(self) -> bool:
        """Could have run script, loaded from outside or restyled the site (the rest is harmless markup)."""
        if self.kind == "element":
            return self.tag in UNSAFE_ELEMENTS
        if self.kind == "attribute":
            if self.attribute == "style":  # only what could fetch or run: not a zoom or a font
                return bool(re.search(r"url\(|image\(|expression\(|@import|\\", self.value, re.I))
            return (self.attribute.startswith("on") or self.attribute in URL_ATTRIBUTES
                    or self.attribute in {"srcdoc", "formaction", "action"})
        return False

    @property
    def remote(self) -> bool:
        """A picture, sound or video from another host (the rest is fine): a warning, not an error."""
        return (self.kind == "attribute" and self.attribute in RESOURCE_ATTRIBUTES
                and url_scheme(first_url(self.attribute, self.value)) in {"http", "https", "//"})

    def describe(self) -> str:
        if self.kind == "element":
            return f"<{self.tag}> element"
        if self.kind == "end-tag":
            return f"stray </{self.tag}> (closes nothing it opened)"
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        return f"{self.attribute}=\"{shown}\" on <{self.tag}>" if shown else f"{self.attribute}= on <{self.tag}>"


UNSAFE_ELEMENTS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style",
                             "base", "meta", "link", "form", "template", "math", "noscript", "portal",
                             "animate", "set", "animatemotion", "animatetransform", "foreignobject", "image",
                             "svg:script", "handler", "listener"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "cite", "data", "action", "formaction",
                            "xlink:href", "background", "lowsrc", "dynsrc", "ping", "codebase"})


def url_scheme(url: str) -> str:
    """The scheme a browser reads in `url` ('' for a relative URL, '//' for another host with
    no scheme), after dropping what browsers drop (tabs and newlines, leading controls)."""
    url = url.translate(_URL_NOISE).lstrip(_C0_AND_SPACE)
    if re.match(r"^[/\\]{2}", url):
        return "//"
    m = _SCHEME_RE.match(url)
    return m.group(1).lower() if m else ""


def first_url(attribute: str, value: str) -> str:
    return value.split(",")[0].strip().split(" ")[0] if attribute == "srcset" else value


def _resource_ok(url: str, allow: frozenset[str], remote: bool = False) -> bool:
    """A `src`-like URL: inside the book (relative), or a data:image picture (`remote`: or from another host)."""
    scheme = url_scheme(url)
    if scheme == "" or (remote and scheme in {"http", "https", "//"}):
        return True
    if scheme == "data":
        return bool(_DATA_IMAGE_RE.match(url.translate(_URL_NOISE).lstrip(_C0_AND_SPACE))) or "data:" in allow
    return f"{scheme}:" in allow


def _srcset_urls(value: str) -> list[str]:
    return [c.strip().split()[0] for c in value.split(",") if c.strip()]


@dataclass(frozen=True)
class Policy:
    """The allow-list for one book (`allow`: its `allow_html`)."""

    allow: frozenset[str] = frozenset()
    #: Keep pictures from other hosts (print HTML only: the PDF's fetcher never fetches them and
    #: shows a labelled placeholder instead; a browser would fetch them).
    remote_pictures: bool = False

    @property
    def tags(self) -> set[str]:
        return set(TAGS) | {a for a in self.allow if re.fullmatch(r"[a-z][a-z0-9-]*", a)}

    def attributes(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {"*": set(GLOBAL_ATTRIBUTES)}
        for tag, names in ATTRIBUTES.items():
            out.setdefault(tag, set()).update(names)
        for tag in self.allow:
            out.setdefault(tag, set()).update(ALLOWED_EXTRA_ATTRIBUTES.get(tag, ()))
        out["*"] |= {a for a in self.allow if re.fullmatch(r"on[a-z]+", a)}  # one event attribute
        return out

    def prefixes(self) -> set[str]:
        """Attribute prefixes kept on every element (`on*` in allow_html: every event attribute)."""
        return set(PREFIXES) | ({"on"} if "on*" in self.allow else set())

    def schemes(self) -> set[str]:
        return set(LINK_SCHEMES) | {a[:-1] for a in self.allow if a.endswith(":")}

    def keep(self, tag: str, attribute: str, value: str) -> str | None:
        """nh3's attribute filter: resources only from inside the book; data: only for pictures."""
        if attribute in RESOURCE_ATTRIBUTES:
            urls = _srcset_urls(value) if attribute == "srcset" else [value]
            return value if all(_resource_ok(u, self.allow, self.remote_pictures) for u in urls) else None
        if attribute in {"href", "cite"} and url_scheme(value) == "data" and "data:" not in self.allow:
            return None
        if attribute == "type" and tag == "input" and value.lower() not in {"checkbox", "radio"}:
            return None
        if attribute == "type" and tag == "button" and value.lower() != "button":  # no form to submit
            return None
        if attribute.startswith("data-md-"):  # Material's own components, not content's
            return None
        if attribute == "style":
            return _safe_style(value)
        return value


_STYLE_VALUE_RE = re.compile(r"^[\w\s#%.,+\-/'\"!]*$|^(?:rgba?|hsla?)\([\d\s.,%/]*\)$", re.I)


def _safe_style(value: str) -> str | None:
    """Declarations whose value is plain (words, numbers, colours): no `url(` or other function
    that could fetch, no CSS escapes; the property list itself is nh3's (STYLE_PROPERTIES)."""
    kept = []
    for declaration in value.split(";"):
        name, _, val = declaration.partition(":")
        if name.strip() and _STYLE_VALUE_RE.match(val.strip()):
            kept.append(f"{name.strip()}: {val.strip()}")
    return "; ".join(kept) or None


@dataclass
class Cleaned:
    html: str
    removed: list[Removal]


#: Without one of these in the HTML (entities could spell `data:`), Policy.keep changes nothing.
_FILTER_TRIGGERS = ("src", "poster", "style", "data-md-", "input", "data:", "&#", "cite")
_NAME_RE = re.compile(r"<\s*/?\s*([a-zA-Z][^\s/>]*)")


@lru_cache(maxsize=8)
def _cleaner(policy: Policy, filtered: bool) -> nh3.Cleaner:
    """nh3's sanitiser for a policy, made once (`nh3.clean` makes it again on every call from
    the policy's sets: three quarters of its time on a page's blocks); `filtered`: with
    Policy.keep as its attribute filter."""
    args = {"tags": policy.tags, "attributes": policy.attributes(), "url_schemes": policy.schemes(),
            "clean_content_tags": set(CLEAN_CONTENT) - policy.tags,
            "filter_style_properties": set(STYLE_PROPERTIES), "generic_attribute_prefixes": policy.prefixes(),
            "link_rel": None, "strip_comments": True}
    return nh3.Cleaner(attribute_filter=policy.keep, **args) if filtered else nh3.Cleaner(**args)


def clean_html(html: str, policy: Policy = Policy(), *, report: bool = True) -> Cleaned:
    """`html` with everything the policy does not allow removed, balanced as a browser would
    build it; with `report`, what was removed (compared with the same parse keeping everything)."""
    if not html:
        return Cleaned(html, [])
    low = html.lower()
    # (without a trigger, nothing Policy.keep would change: it costs a Python call per attribute)
    strict = _cleaner(policy, any(t in low for t in _FILTER_TRIGGERS)).clean(html)
    if not report:
        return Cleaned(strict, [])
    everything = _keep_everything(html)
    if everything == strict:
        return Cleaned(strict, _stray_end_tags(html, everything))
    return Cleaned(strict, _difference(everything, strict) + _stray_end_tags(html, everything))


def _keep_everything(html: str) -> str:
    """The same WHATWG parse, keeping every element, attribute and URL: the baseline."""
    names = {m.group(1).lower() for m in _NAME_RE.finditer(html)} | set(TAGS)
    schemes = {m.group(1).lower() for m in re.finditer(r"([a-zA-Z][a-zA-Z0-9+.\-]*):",
                                                      unescape(html).translate(_URL_NOISE))}
    return nh3.clean(html, tags=names, clean_content_tags=set(), attributes={}, generic_attribute_prefixes={""},
                     url_schemes=schemes | set(LINK_SCHEMES), link_rel=None, strip_comments=True)


class _Events(HTMLParser):
    """Start tags of a serialised (balanced) fragment: (tag, {attribute: value})."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _start_tags(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.tags


def _difference(everything: str, kept: str) -> list[Removal]:
    """Elements and attributes in `everything` that `kept` lacks, in document order. Elements
    are matched in order by name: a removed element's name is never an allowed one."""
    out: list[Removal] = []
    kept_tags = _start_tags(kept)
    j = 0
    for tag, attrs in _start_tags(everything):
        if j < len(kept_tags) and kept_tags[j][0] == tag:
            kept_attrs = kept_tags[j][1]
            j += 1
            out += [Removal("attribute", tag, name, value) for name, value in attrs.items() if name not in kept_attrs]
        else:
            out.append(Removal("element", tag))
    return out


_END_RE = re.compile(r"</\s*([a-zA-Z][a-zA-Z0-9-]*)")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.S)
#: End tags a browser turns into elements rather than dropping (`</p>` → `<p></p>`, `</br>` → `<br>`).
_END_MADE_ELEMENT = frozenset({"p", "br"})


def _stray_end_tags(html: str, balanced: str) -> list[Removal]:
    """End tags of `html` that the browser's parse drops (they close nothing opened in the fragment)."""
    if "</" not in html:
        return []
    html = _COMMENT_RE.sub("", html)
    given = Counter(m.group(1).lower() for m in _END_RE.finditer(html))
    built = Counter(m.group(1).lower() for m in _END_RE.finditer(balanced))
    return [Removal("end-tag", tag) for tag, n in given.items()
            if tag not in _END_MADE_ELEMENT for _ in range(max(0, n - built.get(tag, 0)))]

