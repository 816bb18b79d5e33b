#include "hiplan/yaml/document.hpp"

#include <algorithm>

namespace hiplan::yaml {

namespace {

const std::string k_empty;

void append_escaped(std::string& out, std::string_view token) {
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
}

}  // namespace

void Document::release() {
    std::vector<NodeData>().swap(nodes_);
    std::vector<std::uint32_t>().swap(children_);
}

NodeRef Document::root() const {
    return nodes_.empty() ? NodeRef{} : NodeRef{this, 0};
}

NodeKind NodeRef::kind() const {
    return valid() ? data().kind : NodeKind::Null;
}

ScalarStyle NodeRef::style() const {
    return valid() ? data().style : ScalarStyle::Plain;
}

const std::string& NodeRef::text() const {
    return valid() && data().kind == NodeKind::Scalar ? data().text : k_empty;
}

Position NodeRef::position() const {
    return valid() ? data().position : Position{};
}

std::size_t NodeRef::size() const {
    if (!valid()) {
        return 0;
    }
    const auto& d = data();
    if (d.kind == NodeKind::Mapping) {
        return d.child_count / 2;
    }
    return d.kind == NodeKind::Sequence ? d.child_count : 0;
}

NodeRef NodeRef::child(std::size_t i) const {
    return {doc_, doc_->children_[data().first_child + i]};
}

NodeRef NodeRef::item(std::size_t i) const {
    return is_sequence() && i < size() ? child(i) : NodeRef{};
}

NodeRef NodeRef::key(std::size_t i) const {
    return is_mapping() && i < size() ? child(2 * i) : NodeRef{};
}

NodeRef NodeRef::value(std::size_t i) const {
    return is_mapping() && i < size() ? child(2 * i + 1) : NodeRef{};
}

NodeRef NodeRef::get(std::string_view k) const {
    const std::size_t n = is_mapping() ? size() : 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (child(2 * i).text() == k) {
            return child(2 * i + 1);
        }
    }
    return {};
}

NodeRef NodeRef::key_node(std::string_view k) const {
    const std::size_t n = is_mapping() ? size() : 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (child(2 * i).text() == k) {
            return child(2 * i);
        }
    }
    return {};
}

NodeRef NodeRef::parent() const {
    if (!valid() || data().parent == Document::k_none) {
        return {};
    }
    return {doc_, data().parent};
}

std::string NodeRef::pointer() const {
    std::vector<std::string> tokens;
    NodeRef node = *this;
    for (NodeRef up = node.parent(); up; node = up, up = up.parent()) {
        const std::size_t n = up.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (up.is_sequence() && up.child(i) == node) {
                tokens.push_back(std::to_string(i));
                break;
            }
            if (up.is_mapping() && (up.child(2 * i + 1) == node || up.child(2 * i) == node)) {
                tokens.push_back(up.child(2 * i).text());
                break;
            }
        }
    }
    std::string out;
    for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) {
        out += '/';
        append_escaped(out, *it);
    }
    return out;
}

}  // namespace hiplan::yaml
