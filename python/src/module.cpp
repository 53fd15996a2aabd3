// The _trygg extension module: the trygg library for Python (re-exported by the `trygg`
// package). Library errors become Python exceptions derived from ValueError:
//   trygg::UsageError -> trygg.UsageError (bad parameters, e.g. eps <= 0)
//   trygg::DataError  -> trygg.DataError  (bad data, e.g. an unreadable file or a NaN weight)
// with the library's one-line message (source, layer, feature and field when known), in which
// the CLI's option names become the Python argument names (--time-format -> time_format).

#include <pybind11/pybind11.h>

#include <cctype>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "convert.hpp"
#include "trygg/error.hpp"
#include "trygg/version.hpp"

namespace py = pybind11;

namespace trygg::python {

std::string python_argument_names(const std::string& message) {
    std::string out;
    out.reserve(message.size());
    for (std::size_t i = 0; i < message.size();) {
        const bool at_word_start = i == 0 || std::isspace(static_cast<unsigned char>(message[i - 1])) ||
                                   message[i - 1] == '\'' || message[i - 1] == '"' || message[i - 1] == '(';
        if (at_word_start && message.compare(i, 2, "--") == 0 && i + 2 < message.size() &&
            std::islower(static_cast<unsigned char>(message[i + 2]))) {
            std::size_t j = i + 2;
            std::string name;
            for (; j < message.size(); ++j) {
                const char c = message[j];
                if (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)))
                    name += c;
                else if (c == '-' && j + 1 < message.size() && std::islower(static_cast<unsigned char>(message[j + 1])))
                    name += '_';
                else
                    break;
            }
            // Options whose Python argument has another name (`class` is a Python keyword).
            if (name == "class") name = "lux_class";
            out += name;
            i = j;
        } else {
            out += message[i++];
        }
    }
    return out;
}

std::vector<model::Point> to_points(const py::handle& xy, const char* name) {
    py::array_t<double, py::array::c_style | py::array::forcecast> a;
    try {
        a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(xy);
    } catch (const py::error_already_set&) {
        a = {};
    }
    if (!a) throw UsageError(std::string(name) + " must be an (N, 2) array of x, y in metres");
    if (a.ndim() != 2 || a.shape(1) != 2)
        throw UsageError(std::string(name) + " must be an (N, 2) array of x, y in metres; got shape " +
                              std::string(py::str(py::getattr(a, "shape"))));
    const auto view = a.unchecked<2>();
    std::vector<model::Point> points(static_cast<std::size_t>(a.shape(0)));
    for (py::ssize_t i = 0; i < a.shape(0); ++i) points[static_cast<std::size_t>(i)] = {view(i, 0), view(i, 1)};
    return points;
}

std::vector<double> to_doubles(const py::handle& values, std::size_t n, const char* name) {
    py::array_t<double, py::array::c_style | py::array::forcecast> a;
    try {
        a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(values);
    } catch (const py::error_already_set&) {
        a = {};
    }
    if (!a || a.ndim() != 1)
        throw UsageError(std::string(name) + " must be a 1-D array of numbers, one per point");
    if (static_cast<std::size_t>(a.shape(0)) != n)
        throw UsageError(std::string(name) + " has " + std::to_string(a.shape(0)) + " entries for " +
                              std::to_string(n) + " points");
    const auto view = a.unchecked<1>();
    std::vector<double> out(n);
    for (py::ssize_t i = 0; i < a.shape(0); ++i) out[static_cast<std::size_t>(i)] = view(i);
    return out;
}

std::vector<std::int64_t> to_seconds(const py::handle& times, std::size_t n, const char* name) {
    py::module_ np = py::module_::import("numpy");
    py::object arr = np.attr("asarray")(times);
    if (py::cast<int>(arr.attr("ndim")) != 1)
        throw UsageError(std::string(name) + " must be a 1-D array, one time per point");
    const std::string kind = py::cast<std::string>(arr.attr("dtype").attr("kind"));
    py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> secs;
    if (kind == "M") {
        py::object s = arr.attr("astype")("datetime64[s]");
        if (py::cast<bool>(np.attr("isnat")(s).attr("any")()))
            throw UsageError(std::string(name) + " contains NaT; drop those points first");
        secs = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(s.attr("view")("int64"));
    } else if (kind == "i" || kind == "u") {
        secs = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(arr);
    } else if (kind == "f") {
        if (!py::cast<bool>(np.attr("isfinite")(arr).attr("all")()))
            throw UsageError(std::string(name) + " contains NaN or infinite seconds");
        secs = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(
            np.attr("floor")(arr).attr("astype")("int64"));
    } else {
        throw UsageError(std::string(name) +
                              " must be numpy datetime64 values or seconds since 1970-01-01 (integers)");
    }
    if (static_cast<std::size_t>(secs.shape(0)) != n)
        throw UsageError(std::string(name) + " has " + std::to_string(secs.shape(0)) + " entries for " +
                              std::to_string(n) + " points");
    const auto view = secs.unchecked<1>();
    std::vector<std::int64_t> out(n);
    for (py::ssize_t i = 0; i < secs.shape(0); ++i) out[static_cast<std::size_t>(i)] = view(i);
    return out;
}

std::int64_t to_duration_seconds(const py::handle& duration, const char* name) {
    py::module_ np = py::module_::import("numpy");
    double seconds = 0.0;
    if (py::hasattr(duration, "total_seconds")) {  // datetime.timedelta (and pandas.Timedelta)
        seconds = py::cast<double>(duration.attr("total_seconds")());
    } else if (py::isinstance(duration, np.attr("timedelta64"))) {
        if (py::cast<bool>(np.attr("isnat")(duration)))
            throw UsageError(std::string(name) + " is NaT");
        seconds = py::cast<double>(duration.attr("astype")("timedelta64[s]").attr("astype")("int64"));
    } else {
        try {
            seconds = py::cast<double>(duration);
        } catch (const py::cast_error&) {
            throw py::type_error(std::string(name) +
                                 " must be seconds (a number), datetime.timedelta or numpy.timedelta64");
        }
    }
    if (!std::isfinite(seconds) || std::abs(seconds) > 9.0e18)
        throw UsageError(std::string(name) + " must be a finite number of seconds");
    return static_cast<std::int64_t>(std::floor(seconds));
}

}  // namespace trygg::python

PYBIND11_MODULE(_trygg, m) {
    m.doc() = "trygg: geospatial analysis for safer towns (C++ core, pybind11 bindings)";
    m.attr("__version__") = trygg::version();

    // Registered first so that the bindings below can already throw them. Both derive from
    // ValueError: callers can catch ValueError, or tell bad data from bad parameters.
    static py::exception<trygg::UsageError> usage_error(m, "UsageError", PyExc_ValueError);
    static py::exception<trygg::DataError> data_error(m, "DataError", PyExc_ValueError);
    usage_error.attr("__doc__") = "Invalid parameters (trygg::UsageError; the CLI exits 2). A ValueError.";
    data_error.attr("__doc__") = "Invalid or unreadable data (trygg::DataError; the CLI exits 1). A ValueError.";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const trygg::UsageError& e) {
            usage_error(trygg::python::python_argument_names(e.what()).c_str());
        } catch (const trygg::DataError& e) {
            data_error(trygg::python::python_argument_names(e.what()).c_str());
        } catch (const trygg::Error& e) {
            PyErr_SetString(PyExc_ValueError, trygg::python::python_argument_names(e.what()).c_str());
        }
    });

    trygg::python::bind_hotspot(m);
    trygg::python::bind_io(m);
    trygg::python::bind_network(m);
    trygg::python::bind_coverage(m);
    trygg::python::bind_route(m);
}
