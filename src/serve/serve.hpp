#pragma once
// planpack serve: the preview server's options and its entry point.
#include <ostream>
#include <string>

#include "pipeline/pipeline.hpp"

namespace planpack::serve {

struct ServeOptions {
    pipeline::Settings settings;
    std::string bind = "127.0.0.1";  // loopback unless asked: a draft plan is not for the network
    int port = 8080;                 // 0: any free port
};

// Builds, serves and rebuilds on every change until SIGINT or SIGTERM. Prints the address
// as "planpack: serving http://ADDRESS:PORT/" once the first build is in. Returns the exit
// status: 0 after a signal, 1 when it cannot listen or watch.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace planpack::serve
