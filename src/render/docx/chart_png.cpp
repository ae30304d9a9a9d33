#include "render/docx/chart_png.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>

#include "render/html/chart_svg.hpp"

namespace planpack::render::docx {

namespace {

struct GObjectUnref {
    void operator()(void* p) const { g_object_unref(p); }
};
struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

constexpr double chart_scale = 2;  // pixels per CSS px: sharp when printed

}  // namespace

std::optional<ChartImage> chart_png(const model::Chart& chart, std::string& error) {
    const std::string svg = html::render_chart_svg(chart, chart.id.empty() ? "chart" : chart.id);
    GError* gerror = nullptr;
    std::unique_ptr<RsvgHandle, GObjectUnref> handle(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror));
    if (!handle) {
        error = gerror ? gerror->message : "librsvg cannot read the chart";
        if (gerror) g_error_free(gerror);
        return std::nullopt;
    }
    gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
    RsvgLength w, h;
    RsvgRectangle viewbox;
    rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
    if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0) {
        error = "the chart's drawing has no size";
        return std::nullopt;
    }
    ChartImage out;
    out.width = static_cast<int>(std::lround(viewbox.width));
    out.height = static_cast<int>(std::lround(viewbox.height));
    const int pw = static_cast<int>(std::lround(viewbox.width * chart_scale));
    const int ph = static_cast<int>(std::lround(viewbox.height * chart_scale));
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph));
    std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const RsvgRectangle viewport{0, 0, static_cast<double>(pw), static_cast<double>(ph)};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerror)) {
        error = gerror ? gerror->message : "librsvg cannot draw the chart";
        if (gerror) g_error_free(gerror);
        return std::nullopt;
    }
    cairo_surface_flush(surface.get());
    if (cairo_surface_write_to_png_stream(surface.get(), append_png, &out.png) != CAIRO_STATUS_SUCCESS) {
        error = "cairo cannot write the chart as PNG";
        return std::nullopt;
    }
    return out;
}

}  // namespace planpack::render::docx
