#pragma once
// A libharu document saved into memory, as the unit tests of the PDF writer's parts
// compare whole files.
#include <doctest/doctest.h>

#include <hpdf.h>

#include <string>

namespace planpack::testing {

inline std::string saved_file(HPDF_Doc pdf) {
    REQUIRE(HPDF_SaveToStream(pdf) == HPDF_OK);
    std::string file(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 n = static_cast<HPDF_UINT32>(file.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(file.data()), &n);
    file.resize(n);
    return file;
}

}  // namespace planpack::testing
