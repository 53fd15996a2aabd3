#include "map/detail/base64.hpp"

#include <cstdint>

namespace trygg::map::detail {

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                                (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) |
                                std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
        for (int shift = 18; shift >= 0; shift -= 6) out += alphabet[(v >> shift) & 63u];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t v = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
        if (rest == 2) v |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
        out += alphabet[(v >> 18) & 63u];
        out += alphabet[(v >> 12) & 63u];
        out += rest == 2 ? alphabet[(v >> 6) & 63u] : '=';
        out += '=';
    }
    return out;
}

}  // namespace trygg::map::detail
