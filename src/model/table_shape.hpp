#pragma once
// A table's shape, as the PDF and Word renderers both choose it: how many columns it has,
// and the table turned on its side when its columns do not fit the page.
#include <cstddef>

#include "model/document.hpp"

namespace planpack::model {

size_t column_count(const Table& t);

// The table turned on its side: a summary with many status columns and a few rows reads
// better as a few columns of many rows. The header row becomes the row headers.
Table sideways(const Table& t);

}  // namespace planpack::model
