#include "import/docx/zip_reader.hpp"

#include <zip.h>

namespace planpack::import_docx {

namespace {

// A part larger than this is not a report: refuse it rather than fill memory (a zip bomb).
constexpr zip_uint64_t largest_part = 256u * 1024 * 1024;

struct CloseZipFile {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

void ZipReader::Close::operator()(zip* z) const { zip_discard(z); }

std::variant<ZipReader, std::string> ZipReader::open(const std::string& path) {
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
    if (!z) {
        if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN) return "cannot open the file";
        if (error == ZIP_ER_NOZIP) return "it is not a Word file (.docx): a .docx is a zip package, and this is not one";
        zip_error_t e;
        zip_error_init_with_code(&e, error);
        std::string why = std::string("it cannot be read as a Word file (.docx): ") + zip_error_strerror(&e);
        zip_error_fini(&e);
        return why;
    }
    return ZipReader(z);
}

std::optional<std::string> ZipReader::read(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > largest_part)
        return std::nullopt;
    std::unique_ptr<zip_file_t, CloseZipFile> f(zip_fopen(zip_.get(), name.c_str(), 0));
    if (!f) return std::nullopt;
    std::string bytes(static_cast<size_t>(st.size), '\0');
    zip_uint64_t got = 0;
    while (got < st.size) {
        const zip_int64_t n = zip_fread(f.get(), bytes.data() + got, st.size - got);
        if (n <= 0) return std::nullopt;
        got += static_cast<zip_uint64_t>(n);
    }
    return bytes;
}

}  // namespace planpack::import_docx
