"""Template fragments every page renders alike, rendered once: `{% shared %}…{% endshared %}`.

Material's page template spends most of its time on markup that is the same on every page of a
book — the stylesheet and script tags, the page config, the header's logo, palette toggle and
search box, the footer's copyright. A fragment between `{% shared %}` and `{% endshared %}` (in
qabook's templates only) is rendered with Jinja the first time and reused by every later page
whose inputs are the same, as the build would otherwise render it again:

- **what it reads** is found from the templates themselves, once per fragment (Jinja's own
  analysis of the names a template looks up, `jinja2.meta`), following `super()` to the block it
  extends, `{% include %}` / `{% import %}` to the templates they name (resolved through the
  build's loader: a project's `custom_dir` is seen), and the templates a module such as `lang`
  was imported from;
- **the key** of a page is the value of every name it reads: `config` (one object per build),
  the environment's globals (functions of their arguments), and values that compare by value
  (text, numbers, lists of them: `base_url`, `features`). A name whose value is anything else —
  `page`, `nav` and the like — makes the fragment **unshared**: rendered by Jinja on every page,
  exactly as without the tag; so does a name the enclosing template assigns itself, `self`, a
  template named by an expression, and a filter, test or global that reads the template's
  context (`pass_context`) other than MkDocs' `url` and `script_tag`;
- **links**: `url` and `script_tag` make a link relative to the page. Each link a fragment
  made is kept with it (the value and what it became), and a page reuses the fragment only if
  each of its links comes out the same for that page — else the fragment is rendered for it.

Sets inside a fragment stay inside it (a fragment is a call block): qabook's fragments assign
nothing read after them. `tests/test_shared_fragments.py` builds books with sharing on and off
and compares every file; `enabled(False)` turns sharing off (every fragment rendered by Jinja).
"""

from __future__ import annotations

import logging
from typing import Any, Callable

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.meta import find_undeclared_variables
from jinja2.utils import _PassArg

from qabook import template_trees

log = logging.getLogger("mkdocs.plugins.qabook")

#: MkDocs' filters that make a link relative to the page: recorded and checked per page.
LINK_FILTERS = ("url", "script_tag")
#: Variants of one fragment kept per key (pages in folders whose links differ).
VARIANTS = 16

_ON = True
_PLANS: dict[str, tuple[str, ...] | None] = {}  # fragment id → names it reads (None: unshared)
_MEMO: dict[str, dict[tuple, list[tuple[list, Any]]]] = {}
_RECORDING: list[list[tuple[Callable, Any, str]]] = []
_LOADED: dict[str, frozenset[str] | None] = {}  # a template a fragment loaded → the names it reads


def enabled(on: bool) -> None:
    """Share fragments (the default), or render each of them with Jinja on every page."""
    global _ON
    _ON = on


def reset() -> None:
    """A new build: what was analysed and rendered for the last one is forgotten."""
    _PLANS.clear()
    _MEMO.clear()
    template_trees.forget()
    _LOADED.clear()
    _MODULES.clear()
    _RECORDING.clear()


class SharedExtension(Extension):
    """The `{% shared %}` tag: its body becomes a call block that `_render` memoises."""

    tags = {"shared"}

    def parse(self, parser: Any) -> nodes.Node:
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endshared",), drop_needle=True)
        count = parser.__dict__["qabook_fragments"] = parser.__dict__.get("qabook_fragments", 0) + 1
        fid = f"{parser.name}:{lineno}:{count}"  # (parsed again, the same source numbers its fragments alike)
        call = self.call_method("_render", [nodes.Const(fid), nodes.ContextReference()])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _render(self, fid: str, context: jinja2.runtime.Context, caller: Callable[[], Any]) -> Any:
        if not _ON:
            return caller()
        if fid not in _PLANS:
            _PLANS[fid] = _plan(self.environment, fid)
        names = _PLANS[fid]
        key = None if names is None else _key(self.environment, context, names)
        if key is None:
            return caller()
        variants = _MEMO.setdefault(fid, {}).setdefault(key, [])
        for links, output in variants:
            if all(make(context, value) == made for make, value, made in links if make is not None):
                if _RECORDING:
                    _RECORDING[-1].extend(links)
                return output
        _RECORDING.append([])
        try:
            output = caller()
        finally:
            links = _RECORDING.pop()
        if _RECORDING:
            _RECORDING[-1].extend(links)
        loaded = {value for make, value, _ in links if make is None}
        if loaded and not _loads_only(self.environment, loaded, set(names)):
            _PLANS[fid] = None  # a template it included by an expression reads something else
        elif len(variants) < VARIANTS:
            variants.append((links, output))
        return output


def install(env: jinja2.Environment) -> None:
    """The `{% shared %}` tag in `env`, MkDocs' `url` and `script_tag` filters recording each link
    a fragment makes, and the templates a fragment loads recorded (the same output: the filters
    and the loader are called as before). Before any template is compiled (`on_env`)."""
    reset()
    prepare(env)


def theme_envs(theme: Any) -> None:
    """Every environment the theme makes (`Theme.get_env`: MkDocs' build, and any plugin that asks
    the theme for one) knows the tag, as qabook's templates need it."""
    make = theme.get_env
    if getattr(make, "qabook_recorded", False):
        return

    def get_env() -> jinja2.Environment:
        env = make()
        prepare(env)
        return env

    get_env.qabook_recorded = True  # type: ignore[attr-defined]
    theme.get_env = get_env


def prepare(env: jinja2.Environment) -> None:
    """The tag, the recording filters and loader in `env` (once; what was shared is kept)."""
    if SharedExtension.identifier not in env.extensions:
        env.add_extension(SharedExtension)
    for method in ("get_template", "select_template"):
        original_method = getattr(env, method)
        if not getattr(original_method, "qabook_recorded", False):
            setattr(env, method, _loading(original_method))
    for name in LINK_FILTERS:
        original = env.filters.get(name)
        if original is None or getattr(original, "qabook_recorded", False):
            continue
        env.filters[name] = _recording(original, name)


def _recording(original: Callable, name: str) -> Callable:
    if name == "script_tag":
        from mkdocs.utils.templates import url_filter

        def check(context: Any, value: Any) -> str:
            return url_filter(context, str(value))
    else:
        check = original

    @jinja2.pass_context
    def filtered(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        output = original(context, value, *args, **kwargs)
        if _RECORDING:
            if args or kwargs:
                _RECORDING[-1].append((_never, None, ""))
            else:
                _RECORDING[-1].append((check, value, check(context, value) if check is not original else output))
        return output

    filtered.qabook_recorded = True  # type: ignore[attr-defined]
    return filtered


def _never(context: Any, value: Any) -> None:
    return None


def _loading(original: Callable) -> Callable:
    def load(*args: Any, **kwargs: Any) -> Any:
        template = original(*args, **kwargs)
        if _RECORDING:
            _RECORDING[-1].append((None, template.name, ""))
        return template

    load.qabook_recorded = True  # type: ignore[attr-defined]
    return load


def _loads_only(env: jinja2.Environment, loaded: set[str], names: set[str]) -> bool:
    """The templates a fragment loaded read nothing but what its key holds."""
    for name in loaded:
        if name:
            reads = _loaded_reads(env, name)
            if reads is None or not reads <= names:
                return False
    return True


def _loaded_reads(env: jinja2.Environment, name: str) -> frozenset[str] | None:
    """The names a loaded template reads (None: it cannot be shared), worked out once per build
    (a fragment rendered anew — another key, another page's links — asks again)."""
    if name not in _LOADED:
        try:
            _LOADED[name] = frozenset(_template_reads(env, name, set()) - {"super"})
        except (_Unshared, jinja2.TemplateError):
            _LOADED[name] = None
    return _LOADED[name]


# -- what a fragment reads --------------------------------------------------------------------

class _Unshared(Exception):
    """The fragment cannot be shared (the reason, for the debug log)."""


def _plan(env: jinja2.Environment, fid: str) -> tuple[str, ...] | None:
    name = fid.rsplit(":", 2)[0]
    try:
        template = _parse(env, name)
        call = next((c for c in template.find_all(nodes.CallBlock) if _is_fragment(c) == fid), None)
        if call is None:
            raise _Unshared("not found in its template")
        own = set(find_undeclared_variables(_as_template(env, call.body)))
        # the names the template around it assigns (a fragment's own sets stay inside it: not those)
        inside = {id(n) for c in template.find_all(nodes.CallBlock) if _is_fragment(c) for n in c.find_all(nodes.Name)}
        assigned = {n.name for n in template.find_all(nodes.Name)
                    if n.ctx in ("store", "param") and id(n) not in inside}
        assigned |= {n.name for n in template.find_all(nodes.Macro)}
        if outside := (own & assigned) - {"super"}:  # a local of the template around it, not the context's
            raise _Unshared(f"reads {sorted(outside)}, which its template assigns")
        names = _reads(env, call.body, name, template, set())
        names.discard("super")
        return tuple(sorted(names))
    except (_Unshared, jinja2.TemplateError) as exc:
        log.debug(f"template fragment {fid} is rendered on every page: {exc}")
        return None


def _is_fragment(call: nodes.CallBlock) -> str | None:
    """The fragment id of a `{% shared %}` call block, else None."""
    c = call.call
    if (isinstance(c, nodes.Call) and isinstance(c.node, nodes.ExtensionAttribute)
            and c.node.identifier == SharedExtension.identifier and c.args and isinstance(c.args[0], nodes.Const)):
        return str(c.args[0].value)
    return None


def _parse(env: jinja2.Environment, name: str) -> nodes.Template:
    try:
        return template_trees.parsed(env, name)  # (one home: the parallel build reads the same trees)
    except LookupError as exc:
        raise _Unshared(str(exc)) from None


def _reads(env: jinja2.Environment, body: list[nodes.Node], name: str, template: nodes.Template,
           seen: set[str]) -> set[str]:
    """The names a fragment (or a template's body) reads from its context, through super(),
    includes and imports."""
    names = set(find_undeclared_variables(_as_template(env, body)))
    if "self" in names:
        raise _Unshared("reads self")
    _check_callables(env, body)
    if "super" in names:
        block = _enclosing_block(template, body)
        if block is None:
            raise _Unshared("super() outside a block")
        names |= _super_reads(env, template, block.name, seen)
    for ref in _references(body):
        template_name = _const_name(ref)
        if template_name is not None:  # (one named by an expression is checked when it is loaded)
            names |= _template_reads(env, template_name, seen)
    return names


def _as_template(env: jinja2.Environment, body: list[nodes.Node]) -> nodes.Template:
    tree = nodes.Template(list(body), lineno=1)
    tree.set_environment(env)
    return tree


def _references(body: list[nodes.Node]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for node in body:
        if isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport)):
            out.append(node)
        out.extend(node.find_all((nodes.Include, nodes.Import, nodes.FromImport)))
        if isinstance(node, nodes.Extends) or any(True for _ in node.find_all(nodes.Extends)):
            raise _Unshared("extends inside")
    return out


def _const_name(ref: nodes.Node) -> str | None:
    template = ref.template  # type: ignore[attr-defined]
    if isinstance(template, nodes.Const) and isinstance(template.value, str):
        return template.value
    return None


def _template_reads(env: jinja2.Environment, name: str, seen: set[str]) -> set[str]:
    if name in seen:
        return set()
    seen.add(name)
    template = _parse(env, name)
    if any(True for _ in template.find_all(nodes.Extends)):
        raise _Unshared(f"{name} extends another template")
    names = _reads(env, template.body, name, template, seen)
    return names


def _enclosing_block(template: nodes.Template, body: list[nodes.Node]) -> nodes.Block | None:
    first = body[0] if body else None
    found = None
    for block in template.find_all(nodes.Block):  # (depth first: the last match is the innermost)
        if first is not None and any(node is first for node in block.find_all(type(first))):
            found = block
    return found


def _super_reads(env: jinja2.Environment, template: nodes.Template, block: str, seen: set[str]) -> set[str]:
    """What the next definition of `block` up the chain of `{% extends %}` reads."""
    extends = next(template.find_all(nodes.Extends), None)
    if extends is None:
        raise _Unshared(f"super() of block {block} in a template that extends none")
    parent_name = _const_name(extends)
    if parent_name is None:
        raise _Unshared("extends a template named by an expression")
    parent = _parse(env, parent_name)
    for node in parent.find_all(nodes.Block):
        if node.name == block:
            return _reads(env, node.body, parent_name, parent, seen)
    return _super_reads(env, parent, block, seen)


def _check_callables(env: jinja2.Environment, body: list[nodes.Node]) -> None:
    tree = _as_template(env, body)
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        table = env.filters if isinstance(node, nodes.Filter) else env.tests
        func = table.get(node.name)
        if func is None:
            raise _Unshared(f"unknown {'filter' if isinstance(node, nodes.Filter) else 'test'} {node.name}")
        if _reads_context(func) and not (isinstance(node, nodes.Filter) and node.name in LINK_FILTERS):
            raise _Unshared(f"{node.name} reads the template's context")
    for node in tree.find_all(nodes.Call):
        if isinstance(node.node, nodes.Name) and _reads_context(env.globals.get(node.node.name)):
            raise _Unshared(f"{node.node.name}() reads the template's context")


def _reads_context(func: Any) -> bool:
    return _PassArg.from_obj(func) is _PassArg.context if callable(func) else False


# -- a page's key ------------------------------------------------------------------------------

class _NoKey(Exception):
    pass


_MODULES: dict[str, tuple[str, ...] | None] = {}  # a module's template → the names it reads


def _key(env: jinja2.Environment, context: jinja2.runtime.Context, names: tuple[str, ...],
         depth: int = 0) -> tuple | None:
    """The values of `names` in this page's context, or None where one is not a value."""
    parts: list[Any] = []
    try:
        for name in names:
            value = context.resolve_or_missing(name)
            if name == "config":
                parts.append(("config", id(value)))
            elif name in env.globals and value is env.globals[name]:
                parts.append((name, "global"))
            elif isinstance(value, jinja2.environment.TemplateModule) and depth < 4:
                # an imported module (`lang`): its macros read its template's names
                module = getattr(value, "__name__", None)
                if module not in _MODULES:
                    try:
                        _MODULES[module] = tuple(sorted(_template_reads(env, module, set()) - {"super"}))
                    except (_Unshared, jinja2.TemplateError):
                        _MODULES[module] = None
                reads = _MODULES[module]
                inner = None if reads is None else _key(env, context, reads, depth + 1)
                if inner is None:
                    return None
                parts.append((name, module, inner))
            else:
                parts.append((name, _frozen(value)))
    except _NoKey:
        return None
    return tuple(parts)


def _frozen(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)) or value is jinja2.runtime.missing:
        return (type(value).__name__, value)
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_frozen(v) for v in value))
    if isinstance(value, dict) and type(value) is dict:
        return ("dict", tuple((k, _frozen(v)) for k, v in value.items()))
    raise _NoKey
