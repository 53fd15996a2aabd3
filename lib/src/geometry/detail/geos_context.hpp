#pragma once
// GEOS through its reentrant C API: one context per computation (so threads never share one),
// owning pointers for geometries and prepared geometries, and errors as trygg::DataError with
// GEOS's own message. Every module that needs GEOS uses this; none writes its own deleter.

#include <geos_c.h>

#include <memory>
#include <string>

#include "trygg/error.hpp"

namespace trygg::geometry::detail {

class GeosContext {
public:
    GeosContext() : handle_(GEOS_init_r()) {
        if (!handle_) throw DataError("GEOS: cannot create a context");
        GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
    }
    ~GeosContext() { GEOS_finish_r(handle_); }
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t get() const noexcept { return handle_; }

    // Throws a DataError naming the failed step and GEOS's last message.
    [[noreturn]] void fail(const std::string& what) const {
        throw DataError("GEOS: " + what + (last_error_.empty() ? std::string() : ": " + last_error_));
    }

private:
    static void on_error(const char* message, void* self) {
        static_cast<GeosContext*>(self)->last_error_ = message ? message : "";
    }
    GEOSContextHandle_t handle_;
    std::string last_error_;
};

struct GeomDeleter {
    GEOSContextHandle_t handle;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g) GEOSGeom_destroy_r(handle, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t handle;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g) GEOSPreparedGeom_destroy_r(handle, g);
    }
};
// A prepared geometry borrows the geometry it was made from: keep that GeomPtr alive longer.
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Takes ownership of a GEOS result; a null result (GEOS failed) throws with `what`.
inline GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, const char* what) {
    if (!g) ctx.fail(what);
    return GeomPtr(g, GeomDeleter{ctx.get()});
}

inline PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g) {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.get(), g);
    if (!p) ctx.fail("cannot prepare a geometry");
    return PreparedPtr(p, PreparedDeleter{ctx.get()});
}

}  // namespace trygg::geometry::detail
