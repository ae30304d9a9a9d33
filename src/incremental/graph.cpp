#include "incremental/graph.hpp"

#include "model/paths.hpp"

namespace planpack::incremental {

DependencyGraph DependencyGraph::of(const pipeline::Model& m) {
    DependencyGraph g;
    for (const auto& doc : m.project.documents)
        for (size_t i = 0; i < doc.sections.size(); ++i) {
            auto& readers = g.readers_[doc.sections[i].source.file];
            readers.insert(model::page_path(doc, doc.sections[i]));
            readers.insert(model::index_path(doc));
            readers.insert(model::pdf_path(doc));
            if (i > 0) readers.insert(model::page_path(doc, doc.sections[i - 1]));
            if (i + 1 < doc.sections.size()) readers.insert(model::page_path(doc, doc.sections[i + 1]));
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
