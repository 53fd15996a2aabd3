"""Build the _trygg extension with the project's CMake and package it with setuptools.

Debian 12 ships no CMake-aware build backend (no scikit-build), so this small build_ext does
what one would: configure the repository one directory up with the tests and developer
warnings off, build only the `_trygg` target, and copy the module next to the package's
Python files. Metadata lives in pyproject.toml (the package list here: setuptools 66
still calls [tool.setuptools] in pyproject.toml beta).

Environment:
  TRYGG_CMAKE_BUILD_DIR   reuse an already configured build directory of the repository
                          (e.g. build/) instead of configuring a new one: faster for developers.
  CMAKE_BUILD_PARALLEL_LEVEL  parallel jobs (default: the number of CPUs).
  CMAKE_ARGS              extra arguments for the configure step, split on spaces.

When ccache is installed (and CMAKE_ARGS names no compiler launcher), the compiler runs through
it, with CCACHE_BASEDIR set to the repository so that another copy of the same source (a second
checkout, a pip build in a temporary directory) reuses the compiled objects.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def project_version():
    """The version in the top-level CMakeLists.txt: one number for the CLI and the package."""
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(\s*trygg\s+VERSION\s+([0-9.]+)", text)
    if not match:
        raise RuntimeError(f"no 'project(trygg VERSION x.y.z)' in {ROOT / 'CMakeLists.txt'}")
    return match.group(1)


class CMakeExtension(Extension):
    """An extension whose sources CMake knows; setuptools compiles nothing itself."""

    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        cmake = shutil.which("cmake")
        if cmake is None:
            raise RuntimeError("building trygg needs cmake (Debian: apt install cmake; "
                               "scripts/install-deps.sh installs everything)")
        reuse = os.environ.get("TRYGG_CMAKE_BUILD_DIR")
        if reuse:
            build_dir = pathlib.Path(reuse).resolve()
            if not (build_dir / "CMakeCache.txt").is_file():
                raise RuntimeError(f"TRYGG_CMAKE_BUILD_DIR={reuse} is not a configured CMake build directory")
        else:
            build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
            configure = [cmake, "-S", str(ROOT), "-B", str(build_dir),
                         "-DCMAKE_BUILD_TYPE=Release",
                         "-DTRYGG_BUILD_TESTS=OFF", "-DTRYGG_DEVELOPER=OFF", "-DTRYGG_BUILD_PYTHON=ON",
                         f"-DPython3_EXECUTABLE={sys.executable}"]
            if shutil.which("ninja"):
                configure += ["-G", "Ninja"]
            extra = os.environ.get("CMAKE_ARGS", "").split()
            if shutil.which("ccache") and not any("COMPILER_LAUNCHER" in arg for arg in extra):
                configure += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
            configure += extra
            subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        env = dict(os.environ)
        env.setdefault("CCACHE_BASEDIR", str(ROOT))  # paths relative to the source: copies share objects
        result = subprocess.run([cmake, "--build", str(build_dir), "--target", "_trygg", "--parallel", jobs], env=env)
        if result.returncode != 0:
            raise RuntimeError("building the _trygg module failed (see above); when the target is unknown, "
                               "CMake found no pybind11 or Python development files: apt install "
                               "pybind11-dev python3-dev")
        built = sorted((build_dir / "python" / "trygg").glob("_trygg*" + sysconfig_suffix()))
        if len(built) != 1:
            raise RuntimeError(f"expected one _trygg module in {build_dir / 'python' / 'trygg'}, found {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


def sysconfig_suffix():
    import sysconfig
    return sysconfig.get_config_var("EXT_SUFFIX") or ".so"


setup(
    version=project_version(),
    packages=["trygg"],
    package_data={"trygg": ["py.typed", "*.pyi"]},
    zip_safe=False,
    ext_modules=[CMakeExtension("trygg._trygg")],
    cmdclass={"build_ext": CMakeBuild},
)
