#pragma once
// A Word file's headers and footers: planpack's own "Page N" footer, or the ones a council's
// templates/docx/reference.docx has (with the logo and anything else they show), copied into
// every DOCX planpack writes under names planpack never uses itself.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "render/docx/package.hpp"

namespace planpack::render::docx {

// One w:headerReference or w:footerReference, written into every w:sectPr.
struct HeaderFooter {
    bool header = false;
    std::string type;  // "default", "first" or "even"
    std::string part;  // its part, relative to word/: "footer1.xml"
};

struct Furniture {
    std::vector<HeaderFooter> references;
    std::vector<Part> parts;  // the header and footer parts, their relationships and media
    std::vector<std::pair<std::string, std::string>> content_types;  // "/word/footer1.xml" -> content type
    bool title_page = false;    // w:titlePg: the first page's own header and footer
    bool even_and_odd = false;  // w:evenAndOddHeaders (settings): even pages' own
};

// planpack's own: "Page N" centred at the foot of every page.
Furniture own_furniture();

// The headers and footers named by the reference document's last w:sectPr (the one its body
// ends with), with their relationships and media; planpack's footer is kept when the
// reference has headers only. Nullopt, with an error naming the file, when a part it names
// is missing or is not XML; own_furniture() when it names none.
std::optional<Furniture> reference_furniture(const std::filesystem::path& reference, Diagnostics& diags);

}  // namespace planpack::render::docx
