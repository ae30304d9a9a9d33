#include "render/docx/package.hpp"

#include <zip.h>

#include <ctime>
#include <memory>

#include "model/date.hpp"

namespace planpack::render::docx {

namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }  // after zip_close succeeded, never called
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourceHandle = std::unique_ptr<zip_source_t, SourceFree>;

struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using FileHandle = std::unique_ptr<zip_file_t, FileCloser>;

// libzip dates entries through localtime(), so the same instant would give other bytes in
// another time zone. Instead every entry's DOS date and time, in its local header and in the
// central directory, is written here from the instant's UTC fields once libzip is done.
void put16(std::string& zip, size_t at, unsigned v) {
    zip[at] = static_cast<char>(v & 0xFF);
    zip[at + 1] = static_cast<char>((v >> 8) & 0xFF);
}

unsigned get16(const std::string& zip, size_t at) {
    return static_cast<unsigned char>(zip[at]) | static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
}

unsigned long get32(const std::string& zip, size_t at) {
    return get16(zip, at) | static_cast<unsigned long>(get16(zip, at + 2)) << 16;
}

bool stamp_entries(std::string& zip, std::int64_t t) {
    if (t < 315532800) t = 315532800;  // 1980-01-01, the earliest a zip can store
    const model::DateTime f = model::utc(t);
    const unsigned time = static_cast<unsigned>(f.hour << 11 | f.minute << 5 | f.second / 2);
    const unsigned date = static_cast<unsigned>((f.date.year - 1980) << 9 | f.date.month << 5 | f.date.day);
    if (zip.size() < 22) return false;
    const size_t end = zip.size() - 22;  // no archive comment: the end record is last
    if (get32(zip, end) != 0x06054b50) return false;
    const unsigned entries = get16(zip, end + 10);
    size_t p = get32(zip, end + 16);
    for (unsigned i = 0; i < entries; ++i) {
        if (p + 46 > zip.size() || get32(zip, p) != 0x02014b50) return false;
        const size_t local = get32(zip, p + 42);
        if (local + 30 > zip.size() || get32(zip, local) != 0x04034b50) return false;
        put16(zip, p + 12, time);
        put16(zip, p + 14, date);
        put16(zip, local + 10, time);
        put16(zip, local + 12, date);
        p += 46 + get16(zip, p + 28) + get16(zip, p + 30) + get16(zip, p + 32);
    }
    return true;
}

std::string zip_message(zip_error_t* e) {
    const char* s = zip_error_strerror(e);
    return s ? s : "unknown libzip error";
}

}  // namespace

std::optional<std::string> write_package(const std::vector<Part>& parts, std::int64_t time, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    SourceHandle buffer(zip_source_buffer_create(nullptr, 0, 0, &ze));
    if (!buffer) {
        error = zip_message(&ze);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    ZipHandle zip(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &ze));
    if (!zip) {
        error = zip_message(&ze);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    zip_error_fini(&ze);
    zip_source_keep(buffer.get());  // the archive's close frees its reference; ours reads the result
    for (const Part& p : parts) {
        // The parts outlive zip_close below, which is when libzip reads them.
        zip_source_t* src = zip_source_buffer(zip.get(), p.bytes.data(), p.bytes.size(), 0);
        if (!src) {
            error = zip_strerror(zip.get());
            return std::nullopt;
        }
        const zip_int64_t index = zip_file_add(zip.get(), p.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            error = zip_strerror(zip.get());
            return std::nullopt;
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(zip.get(), i, ZIP_CM_DEFLATE, 6) < 0) {
            error = zip_strerror(zip.get());
            return std::nullopt;
        }
    }
    if (zip_close(zip.get()) < 0) {
        error = zip_strerror(zip.get());
        return std::nullopt;
    }
    zip.release();  // closed: the handle is gone
    zip_stat_t st;
    if (zip_source_open(buffer.get()) < 0 || zip_source_stat(buffer.get(), &st) < 0) {
        error = zip_error_strerror(zip_source_error(buffer.get()));
        return std::nullopt;
    }
    std::string out(static_cast<size_t>(st.size), '\0');
    const zip_int64_t n = zip_source_read(buffer.get(), out.data(), out.size());
    zip_source_close(buffer.get());
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size || !stamp_entries(out, time)) {
        error = "cannot read back the written package";
        return std::nullopt;
    }
    return out;
}

std::optional<std::map<std::string, std::string>> read_package(const std::filesystem::path& file,
                                                               const std::vector<std::string>& names,
                                                               std::string& error) {
    int code = 0;
    ZipHandle zip(zip_open(file.c_str(), ZIP_RDONLY, &code));
    if (!zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        error = zip_message(&ze);
        zip_error_fini(&ze);
        return std::nullopt;
    }
    std::map<std::string, std::string> out;
    for (const std::string& name : names) {
        zip_stat_t st;
        if (zip_stat(zip.get(), name.c_str(), 0, &st) < 0) continue;  // the part is not there
        FileHandle f(zip_fopen(zip.get(), name.c_str(), 0));
        if (!f) {
            error = zip_strerror(zip.get());
            return std::nullopt;
        }
        std::string bytes(static_cast<size_t>(st.size), '\0');
        if (zip_fread(f.get(), bytes.data(), bytes.size()) != static_cast<zip_int64_t>(bytes.size())) {
            error = "cannot read " + name;
            return std::nullopt;
        }
        out[name] = std::move(bytes);
    }
    return out;
}

}  // namespace planpack::render::docx
