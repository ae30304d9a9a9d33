#include "incremental/graph.hpp"

namespace planpack::incremental {

DependencyGraph DependencyGraph::of(const pipeline::Model& m) {
    DependencyGraph g;
    for (const auto& doc : m.project.documents)
        for (size_t i = 0; i < doc.sections.size(); ++i) {
            auto& readers = g.readers_[doc.sections[i].source.file];
            readers.insert(doc.id + "/" + doc.sections[i].id + ".html");
            readers.insert(doc.id + "/index.html");
            readers.insert(doc.id + "/" + doc.id + ".pdf");
            if (i > 0) readers.insert(doc.id + "/" + doc.sections[i - 1].id + ".html");
            if (i + 1 < doc.sections.size()) readers.insert(doc.id + "/" + doc.sections[i + 1].id + ".html");
        }
    return g;
}

bool DependencyGraph::local(const std::string& input) {
    const std::filesystem::path p(input);
    return !p.empty() && *p.begin() == "content";
}

std::set<std::string> DependencyGraph::readers(const std::string& input) const {
    auto it = readers_.find(input);
    return it == readers_.end() ? std::set<std::string>{} : it->second;
}

}  // namespace planpack::incremental
