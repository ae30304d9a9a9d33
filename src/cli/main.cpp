#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/build.hpp"
#include "cli/heap.hpp"
#include "cli/import.hpp"
#include "cli/new.hpp"
#include "cli/options.hpp"
#include "serve/serve.hpp"
#include "cli/rollover.hpp"

#ifndef PLANPACK_VERSION
#define PLANPACK_VERSION "0.0.0"
#endif

namespace {

int run(int argc, char** argv) {
    using namespace planpack::cli;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const ParseResult parsed = parse_options(args);
    if (!parsed.options) {
        std::cerr << "planpack: " << parsed.error << "\n\n" << usage(parsed.command);
        return 2;
    }
    const Options& o = *parsed.options;
    switch (o.command) {
        case Command::help: std::cout << (o.help_for ? usage(*o.help_for) : usage()); return 0;
        case Command::version: std::cout << "planpack " PLANPACK_VERSION "\n"; return 0;
        case Command::build:
        case Command::check:
        case Command::publish: return run_build(o, std::cout, std::cerr);
        case Command::serve: {
            planpack::serve::ServeOptions serve;
            serve.settings = settings(o);
            serve.bind = o.bind;
            serve.port = o.port;
            return planpack::serve::run_serve(serve, std::cout, std::cerr);
        }
        case Command::new_: return run_new(o, std::cout, std::cerr);
        case Command::import: return run_import(o, std::cout, std::cerr);
        case Command::rollover: return run_rollover(o, std::cout, std::cerr);
    }
    return 2;
}

}  // namespace

// The last resort: a fault no check caught still ends with a sentence and exit 1, never an
// abort. Output is published only after a whole build succeeded, so nothing was written.
int main(int argc, char** argv) {
    planpack::cli::tune_heap();
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "planpack: internal error: " << e.what()
                  << "\nplanpack: nothing was written; please report this with the input that caused it\n";
    } catch (...) {
        std::cerr << "planpack: internal error\nplanpack: nothing was written; please report this with the "
                     "input that caused it\n";
    }
    return 1;
}
