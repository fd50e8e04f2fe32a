"""A template's parsed tree (Jinja's `nodes.Template`), parsed once per build by whoever asks first.

Two readers walk the theme's templates: the parallel build follows what every page loads to
compile it before the render workers fork (`parallel_build._compile_templates`), and the
`{% shared %}` fragments find what a fragment reads (`plugin.fragments`). Both read the tree,
neither changes it; each used to parse the source itself (and Jinja parses it once more to
compile it, a tree its compiler folds in place: not shared). `forget()` starts a new build.
"""

from __future__ import annotations

import jinja2
from jinja2 import nodes

_TREES: dict[str, tuple[jinja2.Environment, nodes.Template]] = {}


def parsed(env: jinja2.Environment, name: str) -> nodes.Template:
    """The tree of template `name` as `env`'s loader finds it (a project's `custom_dir` first);
    raises what Jinja raises for a missing template or bad syntax (`jinja2.TemplateError`), and
    `LookupError` when `env` has no loader."""
    held = _TREES.get(name)
    if held is not None and held[0] is env:
        return held[1]
    if env.loader is None:
        raise LookupError("no template loader")
    source = env.loader.get_source(env, name)[0]
    tree = env.parse(source, name)
    _TREES[name] = (env, tree)
    return tree


def forget() -> None:
    """A new build (its templates may have changed): nothing parsed is kept."""
    _TREES.clear()
