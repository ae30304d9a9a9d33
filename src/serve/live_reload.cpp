#include "serve/live_reload.hpp"

namespace planpack::serve {

std::string inject_reload(const std::string& html, std::uint64_t generation) {
    const std::string tag = std::string("<script src=\"") + kScriptPath + "\" data-generation=\"" +
                            std::to_string(generation) + "\"></script>\n";
    const auto at = html.rfind("</body>");
    if (at == std::string::npos) return html + tag;
    return html.substr(0, at) + tag + html.substr(at);
}

std::string reload_script() {
    // EventSource reconnects by itself after the server restarts; the page then reloads
    // because the new server's first event names a different generation.
    return std::string(R"JS((function () {
  var me = document.currentScript;
  var shown = me && me.getAttribute("data-generation");
  var source = new EventSource(")JS") +
           kEventsPath + R"JS(");
  // Marked once the stream is open, so a test (or a curious writer) can tell the page is
  // listening before it saves an edit.
  source.onopen = function () { if (me) me.setAttribute("data-listening", ""); };
  source.onmessage = function (e) {
    if (e.data !== shown) { source.close(); location.reload(); }
  };
})();
)JS";
}

std::string event(std::uint64_t generation) { return "data: " + std::to_string(generation) + "\n\n"; }

}  // namespace planpack::serve
