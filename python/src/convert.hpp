#pragma once
// Conversions between numpy arrays and the library's spans, shared by the bind_*.cpp files.
// Every conversion runs with the GIL held and copies into C++ storage, so the computations can
// then release the GIL safely.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trygg/model/geometry.hpp"

namespace trygg::python {

namespace py = pybind11;

// `message` with every CLI option name (--time-format, --category-field) written as the Python
// argument of the same setting (time_format, category_field): the library and the CLI share
// their messages, and a Python caller should read the names it passes. An option is a "--"
// followed by a lower-case letter at the start of a word (so "a--b" in a path stays as it is).
std::string python_argument_names(const std::string& message);

// An (N, 2) array-like of x, y in metres. Raises ValueError for another shape; values that are
// not finite are left to the algorithm, which names the offending point.
std::vector<model::Point> to_points(const py::handle& xy, const char* name = "xy");

// A 1-D array-like of floats with `n` entries (ValueError otherwise).
std::vector<double> to_doubles(const py::handle& values, std::size_t n, const char* name);

// Times as int64 seconds since the epoch: numpy datetime64 (any unit; NaT is an error), or
// integers/floats of seconds. `n` entries.
std::vector<std::int64_t> to_seconds(const py::handle& times, std::size_t n, const char* name);

// A duration in seconds: a number of seconds, datetime.timedelta or numpy.timedelta64.
std::int64_t to_duration_seconds(const py::handle& duration, const char* name);

// JSON text (the library's summaries, the same the CLI prints with --json) as Python objects,
// through the standard library's json.loads.
inline py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

// A new 1-D numpy array holding a copy of `values`.
template <typename T>
py::array_t<T> to_numpy(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    auto view = out.template mutable_unchecked<1>();
    for (py::ssize_t i = 0; i < static_cast<py::ssize_t>(values.size()); ++i)
        view(i) = values[static_cast<std::size_t>(i)];
    return out;
}

void bind_coverage(py::module_& m);
void bind_hotspot(py::module_& m);
void bind_io(py::module_& m);
void bind_network(py::module_& m);
void bind_route(py::module_& m);

}  // namespace trygg::python
