"""Installing the package outside the build tree, without network: `cmake --install` into a
prefix, and pip into a virtual environment (setup.py driving CMake). Each then imports trygg
from where it was installed, in a fresh interpreter started outside the repository, and
clusters points."""
import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig

import pytest

import trygg

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Run by the installed package: three points within 1.5 m of each other and one far away.
SMOKE = """
import pathlib, sys
import numpy as np
import trygg
labels, roles = trygg.dbscan(np.array([[0, 0], [1, 0], [0, 1], [50, 50]], float), eps=1.5, min_points=3)
print(pathlib.Path(trygg.__file__).resolve().parent)
print(labels.tolist(), roles.tolist())
"""


def build_dir():
    """The CMake build directory the imported module comes from (<build>/python/trygg/)."""
    build = pathlib.Path(trygg.__file__).resolve().parents[2]
    if not (build / "CMakeCache.txt").is_file():
        pytest.skip(f"trygg is not imported from a CMake build tree ({trygg.__file__})")
    return build


def clean_env():
    """The environment without anything that would find the build tree's package."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def run_smoke(python, cwd, env):
    out = subprocess.run([str(python), "-c", SMOKE], cwd=cwd, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    package_dir, result = out.stdout.strip().splitlines()
    assert result == "[0, 0, 0, -1] [1, 1, 1, 0]"
    return pathlib.Path(package_dir)


def test_cmake_install_into_a_prefix(tmp_path):
    build = build_dir()
    prefix = tmp_path / "prefix"
    out = subprocess.run(["cmake", "--install", str(build), "--component", "python", "--prefix", str(prefix)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

    # The documented default place: <prefix>/lib/pythonX.Y/site-packages/trygg.
    site = prefix / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    package = site / "trygg"
    installed = sorted(p.name for p in package.iterdir())
    assert "__init__.py" in installed and "__init__.pyi" in installed and "py.typed" in installed
    assert [n for n in installed if n.startswith("_trygg") and n.endswith(sysconfig.get_config_var("EXT_SUFFIX"))]

    env = clean_env()
    env["PYTHONPATH"] = str(site)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    assert run_smoke(sys.executable, outside, env) == package.resolve()


def test_pip_install_into_a_venv_offline(tmp_path):
    build = build_dir()
    if shutil.which("cmake") is None:
        pytest.fail("cmake is needed to build the package")
    venv = tmp_path / "venv"
    # --system-site-packages: numpy (and pip's build tools) from Debian, nothing downloaded.
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = clean_env()
    # Reuse the configured build directory: the same build_ext path as a fresh build (setup.py
    # configures its own directory otherwise), without compiling the library a second time.
    env["TRYGG_CMAKE_BUILD_DIR"] = str(build)
    env["PIP_NO_INDEX"] = "1"  # no network: fail instead of trying to download anything
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    out = subprocess.run([str(python), "-m", "pip", "install", "--no-build-isolation", "--no-index", "-q",
                          str(ROOT / "python")], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

    env.pop("TRYGG_CMAKE_BUILD_DIR")
    package = run_smoke(python, tmp_path, env)
    assert venv.resolve() in package.parents  # imported from the venv, not the build tree
    assert (package / "__init__.pyi").is_file() and (package / "py.typed").is_file()
    # pip knows it: the version is the project's.
    show = subprocess.run([str(python), "-m", "pip", "show", "trygg"], env=env, capture_output=True, text=True)
    assert show.returncode == 0 and f"Version: {trygg.__version__}" in show.stdout


def test_pip_install_from_a_fresh_copy_of_the_source(tmp_path):
    """A user's first install: a copy of the source with no build directory anywhere, and
    `pip install --no-build-isolation --no-index ./python` into a venv that sees Debian's
    packages. setup.py configures CMake itself (tests and -Werror off) and builds the _trygg
    target only (the library and the module, not the CLI or the tests).

    Cold, that compiles the library: 24.5 minutes measured on this 2-core machine at load 11-14
    (other builds running); far less on an idle one. setup.py runs the compiler through ccache
    when it is installed, with CCACHE_BASEDIR at the source root, so later runs from any copy
    reuse the objects: 2 minutes at the same load. The copy leaves out every build directory,
    so nothing of the developer's build can be picked up.
    """
    if shutil.which("cmake") is None:
        pytest.fail("cmake is needed to build the package")
    src = tmp_path / "trygg-src"
    ignore = shutil.ignore_patterns("build", "build-*", "__pycache__", "*.egg-info", ".git", "*.so")
    src.mkdir()
    shutil.copy2(ROOT / "CMakeLists.txt", src / "CMakeLists.txt")
    for part in ("cmake", "lib", "tools", "python"):
        shutil.copytree(ROOT / part, src / part, ignore=ignore)
    assert not list(src.glob("**/CMakeCache.txt")) and not list(src.glob("**/_trygg*.so"))

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = clean_env()
    env.pop("TRYGG_CMAKE_BUILD_DIR", None)
    env["PIP_NO_INDEX"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.setdefault("CMAKE_BUILD_PARALLEL_LEVEL", "2")
    out = subprocess.run([str(python), "-m", "pip", "install", "--no-build-isolation", "--no-index", "-q",
                          str(src / "python")], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=3600)
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr[-5000:]
    # It was configured and built from the copy (setup.py's own build directory in it).
    assert list((src / "python" / "build").glob("temp*/cmake/CMakeCache.txt"))

    package = run_smoke(python, tmp_path, env)
    assert venv.resolve() in package.parents
    # The module has everything, the new bindings too.
    check = subprocess.run([str(python), "-c", "import trygg; print(all(callable(getattr(trygg, f)) for f in "
                            "('coverage', 'place', 'route', 'nearby')))"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert check.stdout.strip() == "True", check.stderr
