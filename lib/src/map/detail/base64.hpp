#pragma once
// Base64 (RFC 4648, with padding), for images inlined as data: URIs.

#include <string>
#include <string_view>

namespace trygg::map::detail {

std::string base64(std::string_view bytes);

}  // namespace trygg::map::detail
