// perf_bench: the performance claim for indicator data, measured on demand (not a test).
//
// Generates a service with 100,000 long-format CSV rows (20 indicators x 50 areas x 100
// quarters, with a breakdown and small counts, so validation, derived figures and
// suppression all have work), then times loading and validation, transforms, the HTML
// site, the performance workbook and writing the output tree, and prints peak RSS.
// Target: under 1 s and 150 MB in a Release build.
//
//   cmake --build build --target perf_bench && ./build/perf_bench [ROWS]
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <ctime>
#include <unistd.h>

#include "load/cell_styles.hpp"
#include "load/project.hpp"
#include "output/output_tree.hpp"
#include "render/html/site.hpp"
#include "render/xlsx/attached.hpp"
#include "transform/transforms.hpp"

namespace fs = std::filesystem;
using namespace planpack;

namespace {

constexpr int indicators = 20, counts = 12, areas = 50;

// A deterministic pseudo-random figure for each indicator, area and period, so every
// run measures the same data and a total can be computed from its parts in any order.
unsigned figure(int indicator, int area, int period, unsigned n) {
    std::uint64_t x = static_cast<std::uint64_t>(indicator) * 1000003u + static_cast<std::uint64_t>(area) * 1009u +
                      static_cast<std::uint64_t>(period) * 7919u + 42;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return static_cast<unsigned>(x % n);
}

std::string area_name(int a) {
    if (a == 0) return "Northtown";
    if (a == 1) return "England";
    char buf[32];
    std::snprintf(buf, sizeof buf, "Neighbour %02d", a - 1);
    return buf;
}

std::string indicator_id(int i) { return (i < counts ? "count_" : "share_") + std::to_string(i); }

void write_catalogue(const fs::path& root) {
    std::ofstream t(root / "data" / "indicators.toml");
    t << "schema = \"indicators/1\"\nvalues = [\"values\"]\n";
    for (int a = 0; a < areas; ++a)
        t << "\n[[area]]\nname = \"" << area_name(a) << "\"\nkind = \""
          << (a == 0 ? "service" : a == 1 ? "england" : "family_group") << "\"\n";
    for (int i = 0; i < indicators; ++i) {
        const bool count = i < counts;
        t << "\n[[indicator]]\nid = \"" << indicator_id(i) << "\"\ntitle = \"Indicator " << i
          << "\"\ndefinition = \"A generated indicator\"\ngroup = \"Group " << i % 4 << "\"\nmeasure = \""
          << (count ? "count" : "percent") << "\"\nunit = \"" << (count ? "children" : "% of children")
          << "\"\nnumber_format = \"" << (count ? "#,##0" : "0.0%") << "\"\nhigher_is_better = false\n";
    }
    t << "\n[[breakdown]]\ntotal = \"count_0\"\nparts = [\"count_1\", \"count_2\", \"count_3\"]\n";
}

// Returns the number of rows written.
long write_values(const fs::path& root, int periods) {
    std::ofstream v(root / "data" / "values.csv");
    v << "indicator,area,period_label,period_type,period_start,period_end,measure,unit,value,"
         "numerator,denominator,source,as_at\n";
    static const char* months[] = {"Jan-Mar", "Apr-Jun", "Jul-Sep", "Oct-Dec"};
    static const char* ends[] = {"03-31", "06-30", "09-30", "12-31"};
    static const char* starts[] = {"01-01", "04-01", "07-01", "10-01"};
    long rows = 0;
    char line[512];
    // count_0 is the sum of count_1 to count_3; count_3 is often below 5.
    auto count = [](int i, int a, int p) -> unsigned {
        if (i == 0) return 40 + figure(1, a, p, 200) + 40 + figure(2, a, p, 200) + figure(3, a, p, 12);
        if (i == 1 || i == 2) return 40 + figure(i, a, p, 200);
        if (i == 3) return figure(3, a, p, 12);
        return figure(i, a, p, 5000);
    };
    for (int i = 0; i < indicators; ++i)
        for (int a = 0; a < areas; ++a)
            for (int p = 0; p < periods; ++p) {
                const int year = 2023 - periods / 4 + p / 4, q = p % 4;
                char period[96];
                std::snprintf(period, sizeof period, "%s %d,quarter,%d-%s,%d-%s", months[q], year, year,
                              starts[q], year, ends[q]);
                if (i < counts) {
                    std::snprintf(line, sizeof line, "%s,%s,%s,count,children,%u,,,Generated,2023-06\n",
                                  indicator_id(i).c_str(), area_name(a).c_str(), period, count(i, a, p));
                } else {
                    const unsigned den = 20 + figure(i, a, p, 400), num = figure(i + 100, a, p, den + 1);
                    std::snprintf(line, sizeof line, "%s,%s,%s,percent,%% of children,%.1f,%u,%u,Generated,2023-06\n",
                                  indicator_id(i).c_str(), area_name(a).c_str(), period,
                                  100.0 * num / den, num, den);
                }
                v << line;
                ++rows;
            }
    return rows;
}

void write_content(const fs::path& root) {
    std::ofstream(root / "planpack.toml")
        << "[service]\nname = \"Northtown Youth Justice Service\"\nlocal_authority = \"Northtown Council\"\n\n"
           "[[document]]\nid = \"plan\"\nkind = \"annual_plan\"\ntitle = \"Performance\"\n"
           "period_start = 2023-04-01\nperiod_end = 2024-03-31\npublished = 2023-06-26\n";
    for (int i = 0; i < indicators; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "%02d-indicator-%d.md", i + 1, i);
        std::ofstream md(root / "content" / name);
        md << "+++\ndocument = \"plan\"\norder = " << i + 1 << "\ntitle = \"Indicator " << i
           << "\"\n+++\n\nEvery area, every quarter.\n\n```planpack indicator-table\ncaption = \"Indicator "
           << i << " by area and quarter\"\nindicators = [\"" << indicator_id(i)
           << "\"]\n```\n\n```planpack chart\ntitle = \"Indicator " << i << "\"\nindicators = [\""
           << indicator_id(i) << "\"]\nareas = [\"Northtown\", \"England\", \"Neighbour 01\"]\n```\n";
    }
}

// Resident memory now, in MB (peak RSS says how high it went; this says where).
double rss_now() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// CPU seconds this process has used: what the work costs, whatever else the machine runs.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    const long wanted = argc > 1 ? std::atol(argv[1]) : 100000;
    const int periods = static_cast<int>(std::max(1L, wanted / (indicators * areas)));
    const fs::path root = fs::temp_directory_path() / ("planpack-bench-" + std::to_string(::getpid()));
    fs::create_directories(root / "data");
    fs::create_directories(root / "content");
    write_catalogue(root);
    const long rows = write_values(root, periods);
    write_content(root);
    std::printf("perf_bench: %ld CSV rows (%d indicators x %d areas x %d quarters), %.1f MB\n", rows,
                indicators, areas, periods, static_cast<double>(fs::file_size(root / "data" / "values.csv")) / 1e6);

    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    auto t = start;
    Diagnostics diags;
    auto project = load::load_project(root, diags);
    const double load_s = seconds_since(t);
    const double load_mb = rss_now();
    t = std::chrono::steady_clock::now();
    transform::Context context;
    if (project) {
        context.suppression = project->config.suppression;
        context.service_name = project->config.service_name;
        context.local_authority = project->config.local_authority;
    }
    if (project)
        for (auto& doc : project->documents) transform::run_all(doc, project->data, context, diags);
    const double transform_s = seconds_since(t);
    const double transform_mb = rss_now();
    if (!project || diags.has_errors()) {
        const auto all = diags.sorted();
        for (size_t i = 0; i < all.size() && i < 10; ++i) std::fprintf(stderr, "%s\n", format(all[i]).c_str());
        return 1;
    }
    t = std::chrono::steady_clock::now();
    output::OutputTree tree;
    auto templates = render::html::load_templates(PLANPACK_TEMPLATES_DIR, diags);
    if (templates) tree.merge(render::html::render_site(project->config, project->documents, *templates, diags));
    const double html_s = seconds_since(t);
    const double html_mb = rss_now();
    t = std::chrono::steady_clock::now();
    const auto cells = load::load_cell_styles(fs::path(PLANPACK_TEMPLATES_DIR) / "cell-styles.toml", diags);
    if (cells) tree.merge(render::xlsx::render_attached_workbooks(project->config, project->documents, *cells, diags));
    const double xlsx_s = seconds_since(t);
    const double xlsx_mb = rss_now();
    t = std::chrono::steady_clock::now();
    const bool written = output::publish(tree, root / "site", root, diags);
    const double write_s = seconds_since(t);
    const double write_mb = rss_now();
    const double total_s = seconds_since(start);
    const double cpu_s = cpu_seconds() - cpu_start;
    double load_average = 0;
    std::ifstream("/proc/loadavg") >> load_average;

    size_t bytes = 0;
    for (const auto& [path, b] : tree) bytes += b.size();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    std::printf("  load + validate   %6.3f s   RSS after %6.1f MB\n"
                "  transforms        %6.3f s   RSS after %6.1f MB\n"
                "  HTML              %6.3f s   RSS after %6.1f MB\n"
                "  XLSX              %6.3f s   RSS after %6.1f MB\n"
                "  write tree        %6.3f s   RSS after %6.1f MB\n"
                "  total             %6.3f s   (target < 1 s; CPU %.3f s, load average %.1f)\n"
                "  peak RSS          %6.1f MB  (target < 150 MB)\n"
                "  output            %zu files, %.1f MB\n",
                load_s, load_mb, transform_s, transform_mb, html_s, html_mb, xlsx_s, xlsx_mb, write_s,
                write_mb, total_s, cpu_s, load_average, peak_mb, tree.size(), static_cast<double>(bytes) / 1e6);
    std::error_code ec;
    fs::remove_all(root, ec);
    if (!written || diags.has_errors()) {
        for (const auto& d : diags.sorted()) std::fprintf(stderr, "%s\n", format(d).c_str());
        return 1;
    }
    return total_s < 1.0 && peak_mb < 150.0 ? 0 : 3;
}
