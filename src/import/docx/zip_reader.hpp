#pragma once
// Reading the parts of a Word package (a zip file) through libzip, the library that writes
// them (render/docx/package). The archive is owned by ZipReader and closed with it.
#include <memory>
#include <optional>
#include <string>
#include <variant>

struct zip;

namespace planpack::import_docx {

class ZipReader {
public:
    // The archive at path, or a sentence saying why it cannot be read as one.
    static std::variant<ZipReader, std::string> open(const std::string& path);

    // A part's bytes, or nullopt when the package has no such part (or it cannot be read).
    std::optional<std::string> read(const std::string& name) const;

private:
    struct Close {
        void operator()(zip* z) const;
    };
    explicit ZipReader(zip* z) : zip_(z) {}
    std::unique_ptr<zip, Close> zip_;
};

}  // namespace planpack::import_docx
