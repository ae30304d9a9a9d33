// Pictures in the text: the document's images and its charts, each an inline DrawingML
// picture whose description (wp:docPr descr) is its alt text.
#include <algorithm>

#include "model/inline_text.hpp"
#include "render/docx/body.hpp"
#include "render/docx/chart_png.hpp"
#include "render/docx/xml.hpp"
#include "render/pdf/images.hpp"

namespace planpack::render::docx {

namespace {

constexpr long emu_per_px = 9525;    // at 96 px to the inch
constexpr long emu_per_twip = 635;

}  // namespace

void Writer::picture(const std::string& media_name, const std::string& bytes, int width_px, int height_px,
                     const std::string& alt, const std::string& name) {
    std::string target = media_name;
    if (std::none_of(media_.begin(), media_.end(), [&](const Part& p) { return p.name == "word/" + media_name; }))
        media_.push_back({"word/" + media_name, bytes});
    const int rid = relationship("image", target, false);
    long cx = width_px * emu_per_px, cy = height_px * emu_per_px;
    const long room = static_cast<long>(text_width() - indent_) * emu_per_twip;
    if (cx > room && cx > 0) {
        cy = cy * room / cx;
        cx = room;
    }
    const std::string id = std::to_string(++drawing_ids_);
    const std::string size = "cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"";
    *into_ += "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " + size +
              "/><wp:docPr id=\"" + id + "\" name=\"" + xml(name) + "\" descr=\"" + xml(alt) +
              "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
              "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
              "<pic:nvPicPr><pic:cNvPr id=\"" + id + "\" name=\"" + xml(name) + "\" descr=\"" + xml(alt) +
              "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rId" + std::to_string(rid) +
              "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
              "<a:ext " + size + "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
              "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
}

void Writer::image(const model::Image& img) {
    auto it = images_.find(img.asset);
    const auto info = it == images_.end() ? std::nullopt : pdf::probe_image(it->second);
    if (!info) {
        run(img.alt, {});  // a remote image: its words stand in for it, as in the PDF
        return;
    }
    auto [m, fresh] = media_by_asset_.emplace(img.asset, "");
    if (fresh)
        m->second = "media/image" + std::to_string(media_by_asset_.size()) +
                    (info->kind == pdf::ImageKind::jpeg ? ".jpeg" : ".png");
    picture(m->second, it->second, info->width, info->height, img.alt, img.asset);
}

// As the PDF prints a chart: its title as a caption, the drawing, its one-sentence summary,
// then its figures as a table.
void Writer::chart(const model::Chart& c) {
    ParagraphStyle cap;
    cap.style = "Caption";
    cap.keep_next = true;
    open_paragraph(cap);
    if (section_) bookmark(section_->id, c.id);
    run(c.title, {});
    close_paragraph();
    std::string error;
    if (auto png = chart_png(c, error)) {
        ParagraphStyle p;
        p.keep_next = true;
        open_paragraph(p);
        const std::string media = "media/chart" + std::to_string(drawing_ids_ + 1) + ".png";
        picture(media, png->png, png->width, png->height, c.summary.empty() ? c.title : c.summary,
                c.id.empty() ? "Chart" : c.id);
        close_paragraph();
    } else {
        diags_.warning(c.data.pos, "the Word file shows chart '" + c.title + "' as its figures only: " + error);
    }
    if (!c.summary.empty()) {
        ParagraphStyle s;
        s.style = "TableNote";
        plain_paragraph(s, c.summary);
    }
    if (!c.data.body.empty()) {
        model::Table data = c.data;
        if (data.caption.empty()) data.caption = {model::Inline{model::Text{"Figures: " + c.title}}};
        table(data);
    }
}

}  // namespace planpack::render::docx
