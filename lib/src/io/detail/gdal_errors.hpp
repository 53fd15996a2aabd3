#pragma once
// GDAL failures become trygg exceptions carrying GDAL's message, so GDAL itself is kept from
// printing while trygg works (its handler prints to stderr by default); the CLI then prints
// exactly one line. Internal to io/.

#include <cpl_error.h>

#include <string>

namespace trygg::io::detail {

// Silences GDAL's error handler for the current thread while alive, and clears the last error.
class QuietGdal {
public:
    QuietGdal() : pusher_(CPLQuietErrorHandler) { CPLErrorReset(); }

private:
    CPLErrorHandlerPusher pusher_;
};

// GDAL's last error message, or `fallback` when it has none.
inline std::string gdal_message(const std::string& fallback) {
    const char* message = CPLGetLastErrorMsg();
    return message != nullptr && *message != '\0' ? std::string(message) : fallback;
}

}  // namespace trygg::io::detail
