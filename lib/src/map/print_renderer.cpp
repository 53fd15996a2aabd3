#include "trygg/map/print_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>
#include <numbers>

#include "map/detail/text_format.hpp"
#include "trygg/error.hpp"

namespace trygg::map {

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

void check(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw DataError("Cairo: " + what + ": " + cairo_status_to_string(status));
}

constexpr const char* kFont = "DejaVu Sans";

// Drawing in device units where 1 unit = 1 point (1/72 inch): the whole page is
// width_pt x height_pt; PNG surfaces are scaled by dpi/72.
class Painter {
public:
    Painter(cairo_t* cr, const MapDocument& doc, double width_pt, double height_pt)
        : cr_(cr), doc_(doc), width_(width_pt), height_(height_pt) {}

    void draw() {
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_paint(cr_);
        layout_frame();
        // The overlays are laid out before the map so that labels can keep clear of them.
        const LegendLayout legend = layout_legend();
        const ScaleBarLayout scale_bar = layout_scale_bar();
        draw_map({legend.box, scale_bar.box, north_arrow_box()});
        draw_scale_bar(scale_bar);
        draw_north_arrow();
        draw_title();
        draw_legend(legend);
        draw_attribution();
    }
    const PrintSummary& summary() const { return summary_; }

private:
    // A rectangle on the page, in points.
    struct PageBox {
        double x0, y0, x1, y1;
        bool overlaps(const PageBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    };

    void set_colour(Colour c, double alpha) { cairo_set_source_rgba(cr_, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha); }

    // Page layout: a title band on top, a thin attribution band at the bottom, the map between.
    void layout_frame() {
        margin_ = std::max(8.0, std::min(width_, height_) * 0.02);
        title_size_ = std::clamp(std::min(width_, height_) * 0.035, 10.0, 28.0);
        text_size_ = title_size_ * 0.5;
        frame_x_ = margin_;
        frame_y_ = margin_ + title_size_ * 2.3;
        frame_w_ = width_ - 2 * margin_;
        frame_h_ = height_ - frame_y_ - margin_ - text_size_ * 1.6;
        std::optional<model::Box> box = doc_.focus ? doc_.focus : content_extent(doc_);
        if (!box) box = model::Box{0, 0, 1, 1};
        double w = std::max(box->max_x - box->min_x, 1.0), h = std::max(box->max_y - box->min_y, 1.0);
        // 3 % padding around the content.
        const double cx = (box->min_x + box->max_x) / 2, cy = (box->min_y + box->max_y) / 2;
        w *= 1.06;
        h *= 1.06;
        scale_ = std::min(frame_w_ / w, frame_h_ / h);  // points per metre
        centre_x_ = cx;
        centre_y_ = cy;
    }
    double px(double x) const { return frame_x_ + frame_w_ / 2 + (x - centre_x_) * scale_; }
    double py(double y) const { return frame_y_ + frame_h_ / 2 - (y - centre_y_) * scale_; }

    void path_line(const std::vector<model::Point>& line, bool close) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (i == 0) cairo_move_to(cr_, px(line[i].x), py(line[i].y));
            else cairo_line_to(cr_, px(line[i].x), py(line[i].y));
        }
        if (close && !line.empty()) cairo_close_path(cr_);
    }

    void stroke_and_fill(const Style& s, bool fill) {
        if (fill && s.fill_opacity > 0) {
            set_colour(s.fill, s.fill_opacity);
            cairo_fill_preserve(cr_);
        }
        if (s.stroke_opacity > 0 && s.stroke_width > 0) {
            set_colour(s.stroke, s.stroke_opacity);
            cairo_set_line_width(cr_, s.stroke_width);
            if (s.dashed) {
                const std::array<double, 2> dash{s.stroke_width * 4, s.stroke_width * 3};
                cairo_set_dash(cr_, dash.data(), 2, 0);
            } else {
                cairo_set_dash(cr_, nullptr, 0, 0);
            }
            cairo_stroke(cr_);
        } else {
            cairo_new_path(cr_);
        }
    }

    void draw_feature(const MapFeature& f, const Style& s) {
        if (const auto* p = std::get_if<model::Point>(&f.geometry)) {
            cairo_new_sub_path(cr_);
            cairo_arc(cr_, px(p->x), py(p->y), s.point_radius, 0, 2 * std::numbers::pi);
            stroke_and_fill(s, true);
        } else if (const auto* lines = std::get_if<model::MultiLineString>(&f.geometry)) {
            for (const auto& l : *lines) path_line(l, false);
            stroke_and_fill(s, false);
        } else if (const auto* polys = std::get_if<model::MultiPolygon>(&f.geometry)) {
            cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
            for (const auto& poly : *polys) {
                path_line(poly.outer, true);
                for (const auto& hole : poly.holes) path_line(hole, true);
            }
            stroke_and_fill(s, true);
        }
    }

    // `reserved`: the legend, scale bar and north arrow, which no label may sit under.
    void draw_map(const std::vector<PageBox>& reserved) {
        cairo_save(cr_);
        cairo_rectangle(cr_, frame_x_, frame_y_, frame_w_, frame_h_);
        cairo_set_source_rgb(cr_, 0.957, 0.953, 0.933);
        cairo_fill_preserve(cr_);
        cairo_clip(cr_);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
        for (const MapLayer& layer : doc_.layers) {
            if (!layer.visible) continue;
            for (const MapFeature& f : layer.features) draw_feature(f, f.style ? *f.style : layer.style);
        }
        // Labels after all features, so no layer covers them; white halo for legibility. A label
        // that would overlap one already drawn is left out (first come, first drawn), so a dense
        // map (a city's bus stops) stays readable instead of printing text over text.
        font(text_size_ * 0.9, true);
        std::vector<PageBox> placed = reserved;
        for (const MapLayer& layer : doc_.layers) {
            if (!layer.visible || !layer.print_labels) continue;
            for (const MapFeature& f : layer.features) {
                const auto* p = std::get_if<model::Point>(&f.geometry);
                if (!p || f.title.empty()) continue;
                const double lx = px(p->x) + layer.style.point_radius + 2, ly = py(p->y) - layer.style.point_radius - 1;
                const PageBox box{lx - 2, ly - text_size_ - 2, lx + text_width(f.title) + 2, ly + text_size_ * 0.3 + 2};
                const bool inside = box.x0 >= frame_x_ && box.x1 <= frame_x_ + frame_w_ && box.y0 >= frame_y_ &&
                                    box.y1 <= frame_y_ + frame_h_;
                if (!inside) continue;  // off the map (clipped) or cut by its edge: not a label
                const bool overlaps =
                    std::any_of(placed.begin(), placed.end(), [&](const PageBox& o) { return box.overlaps(o); });
                if (overlaps) {
                    ++summary_.labels_left_out;
                    continue;
                }
                placed.push_back(box);
                ++summary_.labels_placed;
                cairo_move_to(cr_, lx, ly);
                cairo_text_path(cr_, f.title.c_str());
                cairo_set_source_rgb(cr_, 1, 1, 1);
                cairo_set_line_width(cr_, 2.5);
                cairo_set_dash(cr_, nullptr, 0, 0);
                cairo_stroke(cr_);
                cairo_set_source_rgb(cr_, 0.05, 0.05, 0.05);
                text_at(lx, ly, f.title);
            }
        }
        cairo_restore(cr_);
        cairo_rectangle(cr_, frame_x_, frame_y_, frame_w_, frame_h_);
        cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
        cairo_set_line_width(cr_, 0.75);
        cairo_stroke(cr_);
    }

    void font(double size, bool bold) {
        cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
    }
    double text_width(const std::string& s) {
        cairo_text_extents_t e;
        cairo_text_extents(cr_, s.c_str(), &e);
        return e.x_advance;
    }
    void text_at(double x, double y, const std::string& s) {
        cairo_move_to(cr_, x, y);
        cairo_show_text(cr_, s.c_str());
    }
    // Words of `s` in lines no wider than `width`.
    std::vector<std::string> wrap(const std::string& s, double width) {
        std::vector<std::string> lines;
        std::string line, word;
        auto flush_word = [&]() {
            if (word.empty()) return;
            const std::string candidate = line.empty() ? word : line + " " + word;
            if (!line.empty() && text_width(candidate) > width) {
                lines.push_back(line);
                line = word;
            } else {
                line = candidate;
            }
            word.clear();
        };
        for (char c : s) {
            if (c == ' ') flush_word();
            else word += c;
        }
        flush_word();
        if (!line.empty()) lines.push_back(line);
        return lines;
    }

    void draw_title() {
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        font(title_size_, true);
        text_at(margin_, margin_ + title_size_, doc_.title);
        if (!doc_.date.empty()) {
            font(text_size_, false);
            cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
            text_at(margin_, margin_ + title_size_ * 1.9, std::string(text(Label::date, doc_.lang)) + ": " + doc_.date);
        }
    }

    void swatch(const LegendEntry& e, double x, double y, double w, double h) {
        Style s = e.style;
        s.stroke_width = std::min(s.stroke_width, 3.0);
        cairo_new_path(cr_);
        if (e.symbol == LegendEntry::Symbol::point) {
            cairo_arc(cr_, x + w / 2, y + h / 2, std::clamp(s.point_radius, 2.5, h / 2), 0, 2 * std::numbers::pi);
            stroke_and_fill(s, true);
        } else if (e.symbol == LegendEntry::Symbol::line) {
            cairo_move_to(cr_, x, y + h / 2);
            cairo_line_to(cr_, x + w, y + h / 2);
            stroke_and_fill(s, false);
        } else {
            cairo_rectangle(cr_, x, y, w, h);
            stroke_and_fill(s, true);
        }
    }

    struct LegendLayout {
        std::vector<LegendEntry> entries;
        std::vector<std::vector<std::string>> entry_lines;  // each entry's text, wrapped
        std::vector<std::string> note_lines;
        double row = 0, pad = 0, sw = 0, sh = 0, continuation = 0;
        PageBox box{0, 0, 0, 0};
    };

    LegendLayout layout_legend() {
        LegendLayout L;
        auto& entries = L.entries;
        for (const MapLayer& layer : doc_.layers) {
            if (!layer.visible || !layer.in_legend) continue;
            if (layer.legend.empty()) {
                LegendEntry e;
                e.text = layer.title;
                e.style = layer.style;
                const model::Geometry* g = layer.features.empty() ? nullptr : &layer.features.front().geometry;
                e.symbol = g && std::holds_alternative<model::Point>(*g)             ? LegendEntry::Symbol::point
                           : g && std::holds_alternative<model::MultiLineString>(*g) ? LegendEntry::Symbol::line
                                                                                     : LegendEntry::Symbol::area;
                entries.push_back(e);
            } else {
                for (const auto& e : layer.legend) entries.push_back(e);
            }
        }
        L.row = text_size_ * 1.6;
        L.pad = text_size_ * 0.8;
        L.sw = text_size_ * 2.2;
        L.sh = text_size_ * 1.1;
        const double row = L.row, pad = L.pad, sw = L.sw;
        font(text_size_, false);
        double w = text_width(std::string(text(Label::legend, doc_.lang))) + 2 * pad;
        for (const LegendEntry& e : entries) w = std::max(w, sw + pad * 3 + text_width(e.text));
        w = std::min(w, frame_w_ * 0.45);
        // Long entries (a route with its figures) wrap onto further lines.
        std::size_t line_count = 0;
        for (const LegendEntry& e : entries) {
            L.entry_lines.push_back(wrap(e.text, w - sw - pad * 3));
            if (L.entry_lines.back().empty()) L.entry_lines.back().emplace_back();
            line_count += L.entry_lines.back().size();
        }
        for (const auto& note : doc_.notes)
            for (auto& l : wrap(note, w - 2 * pad)) L.note_lines.push_back(l);
        L.continuation = row * 0.8;
        const double h =
            pad * 2 + row * (1 + static_cast<double>(entries.size())) +
            L.continuation * static_cast<double>(line_count - entries.size()) +
            (L.note_lines.empty() ? 0.0 : text_size_ * 0.5 + row * 0.85 * static_cast<double>(L.note_lines.size()));
        const double x = frame_x_ + frame_w_ - w - pad, y = frame_y_ + frame_h_ - h - pad;
        L.box = PageBox{x, y, x + w, y + h};
        return L;
    }

    void draw_legend(const LegendLayout& L) {
        const double x = L.box.x0, y = L.box.y0, w = L.box.x1 - L.box.x0, h = L.box.y1 - L.box.y0;
        const double row = L.row, pad = L.pad, sw = L.sw, sh = L.sh;
        const auto& entries = L.entries;
        cairo_rectangle(cr_, x, y, w, h);
        cairo_set_source_rgba(cr_, 1, 1, 1, 0.92);
        cairo_fill_preserve(cr_);
        cairo_set_source_rgb(cr_, 0.5, 0.5, 0.5);
        cairo_set_line_width(cr_, 0.5);
        cairo_set_dash(cr_, nullptr, 0, 0);
        cairo_stroke(cr_);
        double cy = y + pad + text_size_;
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        font(text_size_, true);
        text_at(x + pad, cy, std::string(text(Label::legend, doc_.lang)));
        font(text_size_, false);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            cy += row;
            swatch(entries[i], x + pad, cy - sh * 0.85, sw, sh);
            cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
            for (std::size_t k = 0; k < L.entry_lines[i].size(); ++k) {
                if (k > 0) cy += L.continuation;
                text_at(x + pad * 2 + sw, cy, L.entry_lines[i][k]);
            }
        }
        if (!L.note_lines.empty()) {
            cy += text_size_ * 0.5;
            cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
            cairo_set_source_rgb(cr_, 0.2, 0.2, 0.2);
            for (const auto& l : L.note_lines) {
                cy += row * 0.85;
                text_at(x + pad, cy, l);
            }
        }
    }

    struct ScaleBarLayout {
        double metres = 0, len = 0, x = 0, y = 0, bar_h = 0;
        PageBox box{0, 0, 0, 0};  // its white backing
    };

    // A bar of 1, 2 or 5 x 10^k metres, about a fifth of the map's width, in two halves.
    ScaleBarLayout layout_scale_bar() {
        ScaleBarLayout b;
        const double target_m = frame_w_ * 0.2 / scale_;
        const double power = std::pow(10.0, std::floor(std::log10(target_m)));
        b.metres = power;
        for (double f : {2.0, 5.0, 10.0})
            if (f * power <= target_m) b.metres = f * power;
        b.len = b.metres * scale_;
        b.x = frame_x_ + margin_;
        b.y = frame_y_ + frame_h_ - margin_ - text_size_ * 0.6;
        b.bar_h = text_size_ * 0.5;
        font(text_size_ * 0.9, false);
        b.box = PageBox{b.x - 4, b.y - text_size_ * 1.8, b.x + b.len + text_width("0000 m") / 2 + 4, b.y + b.bar_h + 4};
        return b;
    }

    void draw_scale_bar(const ScaleBarLayout& b) {
        const double metres = b.metres, len = b.len, x = b.x, y = b.y, bar_h = b.bar_h;
        cairo_set_dash(cr_, nullptr, 0, 0);
        font(text_size_ * 0.9, false);
        cairo_rectangle(cr_, b.box.x0, b.box.y0, b.box.x1 - b.box.x0, b.box.y1 - b.box.y0);
        cairo_set_source_rgba(cr_, 1, 1, 1, 0.8);
        cairo_fill(cr_);
        for (int half = 0; half < 2; ++half) {
            cairo_rectangle(cr_, x + half * len / 2, y, len / 2, bar_h);
            if (half == 0) cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
            else cairo_set_source_rgb(cr_, 1, 1, 1);
            cairo_fill_preserve(cr_);
            cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
            cairo_set_line_width(cr_, 0.75);
            cairo_stroke(cr_);
        }
        font(text_size_ * 0.9, false);
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        text_at(x, y - text_size_ * 0.4, "0");
        const std::string label = metres >= 1000 ? detail::number(metres / 1000, 1) + " km" : detail::number(metres, 0) + " m";
        text_at(x + len - text_width(label) / 2, y - text_size_ * 0.4, label);
    }

    double north_arrow_size() const { return title_size_ * 1.6; }
    double north_arrow_x() const { return frame_x_ + frame_w_ - margin_ - north_arrow_size() / 2; }
    double north_arrow_top() const { return frame_y_ + margin_; }
    // Its white disc and the letter above it.
    PageBox north_arrow_box() const {
        const double size = north_arrow_size(), cx = north_arrow_x(), top = north_arrow_top();
        return PageBox{cx - size * 0.62, top + size * 0.2 - text_size_, cx + size * 0.62, top + size * 1.37};
    }

    void draw_north_arrow() {
        const double size = north_arrow_size();
        const double cx = north_arrow_x(), top = north_arrow_top();
        cairo_set_dash(cr_, nullptr, 0, 0);
        cairo_new_path(cr_);
        cairo_arc(cr_, cx, top + size * 0.75, size * 0.62, 0, 2 * std::numbers::pi);
        cairo_set_source_rgba(cr_, 1, 1, 1, 0.8);
        cairo_fill(cr_);
        cairo_move_to(cr_, cx, top + size * 0.25);
        cairo_line_to(cr_, cx + size * 0.25, top + size * 1.25);
        cairo_line_to(cr_, cx, top + size * 1.0);
        cairo_close_path(cr_);
        cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
        cairo_fill(cr_);
        cairo_move_to(cr_, cx, top + size * 0.25);
        cairo_line_to(cr_, cx - size * 0.25, top + size * 1.25);
        cairo_line_to(cr_, cx, top + size * 1.0);
        cairo_close_path(cr_);
        cairo_set_line_width(cr_, 0.75);
        cairo_stroke(cr_);
        font(text_size_, true);
        const std::string n(text(Label::north, doc_.lang));
        text_at(cx - text_width(n) / 2, top + size * 0.2, n);
    }

    void draw_attribution() {
        font(text_size_ * 0.8, false);
        cairo_set_source_rgb(cr_, 0.35, 0.35, 0.35);
        std::string line = doc_.attribution;
        if (!doc_.crs.empty()) line += (line.empty() ? "" : " · ") + doc_.crs;
        text_at(margin_, height_ - margin_ * 0.6, line);
    }

    cairo_t* cr_;
    const MapDocument& doc_;
    double width_, height_;
    double margin_ = 0, title_size_ = 0, text_size_ = 0;
    double frame_x_ = 0, frame_y_ = 0, frame_w_ = 0, frame_h_ = 0;
    double scale_ = 1, centre_x_ = 0, centre_y_ = 0;
    PrintSummary summary_;
};

}  // namespace

std::optional<PrintFormat> print_format_for(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".png") return PrintFormat::png;
    if (ext == ".svg") return PrintFormat::svg;
    if (ext == ".pdf") return PrintFormat::pdf;
    return std::nullopt;
}

void parse_print_size(const std::string& text, PrintOptions& options) {
    const auto x = text.find_first_of("xX");
    auto parse = [&text](const std::string& part) {
        if (part.empty() || part.size() > 6 || !std::all_of(part.begin(), part.end(), [](unsigned char c) { return std::isdigit(c); }))
            throw UsageError("--size: '" + text + "' is not WIDTHxHEIGHT in pixels, e.g. 1600x1200");
        const int v = std::stoi(part);
        if (v < 100 || v > 20000) throw UsageError("--size: each side must be 100..20000 pixels");
        return v;
    };
    if (x == std::string::npos) throw UsageError("--size: '" + text + "' is not WIDTHxHEIGHT in pixels, e.g. 1600x1200");
    options.width = parse(text.substr(0, x));
    options.height = parse(text.substr(x + 1));
}

PrintSummary render_print(const MapDocument& doc, const std::string& path, const PrintOptions& options,
                  const io::WriteOptions& write) {
    const auto format = print_format_for(path);
    if (!format) throw UsageError("map: '" + path + "' is not .png, .svg or .pdf");
    if (!(options.dpi >= 30 && options.dpi <= 1200)) throw UsageError("--dpi must lie in 30..1200");
    if (options.width < 100 || options.height < 100 || options.width > 20000 || options.height > 20000)
        throw UsageError("--size: each side must be 100..20000 pixels");
    if (static_cast<double>(options.width) * options.height > 200e6)
        throw UsageError("--size: at most 200 million pixels");
    const double to_points = 72.0 / options.dpi;
    const double width_pt = options.width * to_points, height_pt = options.height * to_points;

    io::AtomicOutput out(path, write);
    PrintSummary summary;
    SurfacePtr surface;
    switch (*format) {
        case PrintFormat::png:
            surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, options.width, options.height));
            break;
        case PrintFormat::svg:
            surface.reset(cairo_svg_surface_create(out.temp_path().c_str(), width_pt, height_pt));
            break;
        case PrintFormat::pdf:
            surface.reset(cairo_pdf_surface_create(out.temp_path().c_str(), width_pt, height_pt));
            // Fixed metadata, so the same map gives the same file.
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "trygg map");
            if (doc.date.size() == 10) {
                const std::string date = doc.date + "T00:00:00Z";
                cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
            }
            break;
    }
    check(cairo_surface_status(surface.get()), "cannot create " + path);
    {
        ContextPtr cr(cairo_create(surface.get()));
        if (*format == PrintFormat::png) cairo_scale(cr.get(), 1 / to_points, 1 / to_points);
        Painter painter(cr.get(), doc, width_pt, height_pt);
        painter.draw();
        summary = painter.summary();
        check(cairo_status(cr.get()), "drawing " + path);
    }
    if (*format == PrintFormat::png) {
        check(cairo_surface_write_to_png(surface.get(), out.temp_path().c_str()), "writing " + path);
    } else {
        cairo_surface_finish(surface.get());
        check(cairo_surface_status(surface.get()), "writing " + path);
    }
    surface.reset();
    out.commit();
    return summary;
}

}  // namespace trygg::map
