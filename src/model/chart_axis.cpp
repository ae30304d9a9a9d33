#include "model/chart_axis.hpp"

#include <algorithm>
#include <cmath>

#include "model/number_format.hpp"

namespace planpack::model {

Ticks nice_ticks(double lo, double hi, int target) {
    Ticks t;
    if (!(hi > lo)) hi = lo + 1;
    const double rough = (hi - lo) / std::max(target, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= rough - 1e-12) {
            step = m * magnitude;
            break;
        }
    t.step = step;
    t.lo = std::floor(lo / step + 1e-9) * step;
    t.hi = std::ceil(hi / step - 1e-9) * step;
    for (double v = t.lo; v <= t.hi + step / 2; v += step)
        t.values.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    return t;
}

std::string tick_format(const Chart& c, double step) {
    const bool percent = format_is_percent(c.number_format);
    const double shown = percent ? step * 100 : step;
    int decimals = 0;
    while (decimals < 4 && std::fabs(shown * std::pow(10.0, decimals) -
                                     std::round(shown * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    std::string f = c.number_format.find(',') != std::string::npos ? "#,##0" : "0";
    if (decimals > 0) f += "." + std::string(static_cast<size_t>(decimals), '0');
    return percent ? f + "%" : f;
}

}  // namespace planpack::model
