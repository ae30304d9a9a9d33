#pragma once
// What layout produces and the writer draws: pages of positioned boxes, each knowing the
// structure element it belongs to, in reading order. Nothing here knows libharu, so a
// tagged-PDF writer can walk the same list and emit a structure tree.
//
// Coordinates are points with the origin at the page's top-left corner and y growing
// down; the writer flips them.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "render/pdf/fonts.hpp"
#include "render/pdf/style.hpp"

namespace planpack::render::pdf {

struct Point {
    float x = 0, y = 0;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

// Structure element types of tagged PDF (ISO 32000-1, 14.8.4).
enum class Tag {
    Document, Sect, H1, H2, H3, H4, H5, H6, P, L, LI, Lbl, LBody, BlockQuote, Code, Table, THead,
    TBody, TFoot, TR, TH, TD, Caption, Figure, Note, Reference, Link, TOC, TOCI, Div, Part
};
const char* tag_name(Tag t);

// A node of the structure tree. Nodes are created in reading order, so their index order
// is the order a screen reader should follow.
struct StructNode {
    Tag tag = Tag::P;
    int parent = -1;
    std::string alt;   // Figure: the alternative text
    std::string scope; // TH: "Column" or "Row"
};

class StructTree {
public:
    StructTree() { nodes_.push_back({Tag::Document, -1, {}, {}}); }
    int add(Tag tag, int parent, std::string alt = {}, std::string scope = {}) {
        nodes_.push_back({tag, parent, std::move(alt), std::move(scope)});
        return static_cast<int>(nodes_.size()) - 1;
    }
    static constexpr int root = 0;
    const std::vector<StructNode>& nodes() const { return nodes_; }

private:
    std::vector<StructNode> nodes_;
};

// The node an item belongs to; artifact marks page furniture, repeated table headers and
// decoration that is not content (tagged PDF's /Artifact).
inline constexpr int artifact = -1;

struct TextItem {
    Face face = Face::regular;
    float size = 10;
    Colour colour;
    float x = 0, baseline = 0;
    float width = 0;
    float ascent = 0, descent = 0;  // of this face at this size, for the bounding box
    std::string text;               // UTF-8, only characters the face has
};

enum class ShapeKind { rect, line, polyline, polygon, circle };

struct ShapeItem {
    ShapeKind kind = ShapeKind::rect;
    std::vector<Point> points;  // rect: top-left and bottom-right; circle: centre
    float radius = 0;
    std::optional<Colour> fill, stroke;
    float line_width = 0;
    std::vector<float> dash;  // on, off, ... ; empty: solid
};

enum class ImageKind { png, jpeg };

struct ImageItem {
    Rect box;
    std::string key;  // into the images handed to the writer
    ImageKind kind = ImageKind::png;
};

struct Item {
    std::variant<TextItem, ShapeItem, ImageItem> value;
    int node = artifact;
};

// A clickable area: internal targets are anchor names, external ones are URLs. node is
// the Link element holding the link's text, which the annotation is tagged with.
struct LinkArea {
    Rect box;
    std::string target;
    bool external = false;
    int node = artifact;
};

Rect bounds(const Item& item);
void translate(Item& item, float dx, float dy);

}  // namespace planpack::render::pdf
