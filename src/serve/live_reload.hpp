#pragma once
// Live reload: served pages (never built files) load a small script that listens to the
// server's event stream and reloads when the site it shows is out of date.
#include <cstdint>
#include <string>

namespace planpack::serve {

inline constexpr const char* kEventsPath = "/__planpack/events";
inline constexpr const char* kScriptPath = "/__planpack/reload.js";

// html with the reload script added before </body> (or at the end). generation: the site
// version the page shows; the script reloads as soon as the server has another one. An
// external script, so a site's Content-Security-Policy of 'self' still allows it.
std::string inject_reload(const std::string& html, std::uint64_t generation);

// The script itself.
std::string reload_script();

// One server-sent event naming a site version.
std::string event(std::uint64_t generation);

}  // namespace planpack::serve
