"""The type stubs (trygg/__init__.pyi) and the reference table of docs/python.md name the same
parameters, in the same order and with the same defaults, as the functions the package really
has: a stub or a page that drifts from the code misleads every editor, type checker and reader."""
import ast
import inspect
import pathlib

import pytest

import trygg

STUB = pathlib.Path(trygg.__file__).with_name("__init__.pyi")


def stub_functions():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def stub_parameters(node):
    """(name, default as Python source or None) of a stub's parameters, in order."""
    args = node.args
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + [ast.unparse(d) for d in args.defaults]
    params = list(zip([a.arg for a in positional], defaults))
    params += [(a.arg, None if d is None else ast.unparse(d)) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.kwarg is not None:
        params.append(("**", None))  # its name is invisible to callers
    return params


def split_top_level(text):
    """Splits "a: int, b: List[int] = [1, 2]" at the commas outside brackets and quotes."""
    parts, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(text):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    if text[start:].strip():
        parts.append(text[start:].strip())
    return parts


def runtime_parameters(function):
    """(name, default as source or None) of a function: from inspect for Python functions, from
    the signature line pybind11 puts first in the docstring for the extension's functions."""
    try:
        signature = inspect.signature(function)
    except ValueError:
        first = function.__doc__.splitlines()[0]
        inside = first[first.index("(") + 1:first.rindex(")")]
        params = []
        for part in split_top_level(inside):
            if part.startswith("**"):
                params.append(("**", None))
                continue
            name, _, rest = part.partition(":")
            default = rest.split("=", 1)[1].strip() if "=" in rest else None
            params.append((name.strip(), default))
        return params
    params = []
    for p in signature.parameters.values():
        if p.kind is p.VAR_KEYWORD:
            params.append(("**", None))
        else:
            params.append((p.name, None if p.default is p.empty else repr(p.default)))
    return params


PUBLIC_FUNCTIONS = sorted(name for name in trygg.__all__
                          if inspect.isroutine(getattr(trygg, name)))


def test_every_public_function_has_a_stub():
    missing = set(PUBLIC_FUNCTIONS) - set(stub_functions())
    assert not missing, f"no stub in {STUB.name} for {sorted(missing)}"


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_stub_parameters_equal_the_function(name):
    stub = stub_parameters(stub_functions()[name])
    real = runtime_parameters(getattr(trygg, name))
    assert [n for n, _ in stub] == [n for n, _ in real], f"{name}: parameter names differ"
    for (param, stub_default), (_, real_default) in zip(stub, real):
        if real_default is None or stub_default is None:
            assert real_default == stub_default, f"{name}({param}): default {stub_default} in the stub, {real_default} in the code"
        else:
            assert ast.literal_eval(stub_default) == ast.literal_eval(real_default), \
                f"{name}({param}): default {stub_default} in the stub, {real_default} in the code"


DOCS = pathlib.Path(__file__).resolve().parents[2] / "docs" / "python.md"
LIGHT_OPTIONS = ("light_radius", "radius_from_height", "model", "intensity", "default_height", "min_lux", "lux_class",
                 "lux_cutoff", "lux_cell")


def documented_signatures():
    """The `name(...)` rows of the reference table in docs/python.md, parsed as Python."""
    rows = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `") and "(" in line.split("`")[1]:
            # "<light options>" stands for the lighting model's parameters, in coverage()'s order.
            signature = line.split("`")[1].replace(
                "<light options>", ", ".join(f"{option}=..." for option in LIGHT_OPTIONS))
            node = ast.parse(f"def {signature}: pass").body[0]
            rows[node.name] = stub_parameters(node)
    return rows


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_docs_name_the_function_parameters(name):
    """docs/python.md's table lists each function with its real parameters, and every default
    it shows is the real one."""
    documented = documented_signatures()
    assert name in documented, f"docs/python.md has no row for {name}()"
    real = runtime_parameters(getattr(trygg, name))
    assert [n for n, _ in documented[name]] == [n for n, _ in real], f"{name}: parameter names differ"
    for (param, doc_default), (_, real_default) in zip(documented[name], real):
        if doc_default not in (None, "..."):  # "...": a default the row does not show
            assert real_default is not None and ast.literal_eval(doc_default) == ast.literal_eval(real_default), \
                f"{name}({param}): docs say {doc_default}, the code has {real_default}"
